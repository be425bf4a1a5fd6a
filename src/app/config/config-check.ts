import path from 'node:path';
import { isDvcError } from '../../errors.js';
import type { AuthConfig } from '../../core/config/schema.js';
import { requireConfig } from '../../io/config.js';
import { resolveSecret, type SecretRef } from '../../io/secrets.js';

export interface ConfigSummary {
  file: string;
  provinces: { key: string; name: string; dstcode?: string; auth: string; apis: Record<string, string> }[];
}

/** The secret an auth names (env or file), with the config key that names it. */
function secretRef(auth: AuthConfig): [SecretRef, string] | undefined {
  switch (auth.type) {
    case 'basic':
      return [{ env: auth.passwordEnv, file: auth.passwordFile }, 'password'];
    case 'bearer':
      return [{ env: auth.tokenEnv, file: auth.tokenFile }, 'token'];
    case 'body-key':
      return [{ env: auth.keyEnv, file: auth.keyFile }, 'key'];
    case 'header':
      return [{ env: auth.valueEnv, file: auth.valueFile }, 'value'];
    default:
      return undefined;
  }
}

/**
 * Checks each secret that can be read here: a short one is refused (exit 2). One that is not set on this machine
 * (a CI variable, a file on the server) is not an error of the config file.
 */
async function checkSecrets(
  provinces: Record<string, { auth: AuthConfig }>,
  o: { env: NodeJS.ProcessEnv; baseDir: string },
): Promise<void> {
  for (const [key, p] of Object.entries(provinces)) {
    const ref = secretRef(p.auth);
    if (!ref) continue;
    try {
      await resolveSecret(ref[0], `provinces.${key}.auth.${ref[1]}`, o);
    } catch (e) {
      if (isDvcError(e) && e.key === 'config.secretTooShort') throw e;
    }
  }
}

/** Finds and validates the configuration (secrets included, where readable) and summarises it without any secret. */
export async function checkConfig(opts: {
  configPath?: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
}): Promise<ConfigSummary> {
  const { config, filepath } = await requireConfig(opts);
  await checkSecrets(config.provinces, { env: opts.env ?? process.env, baseDir: path.dirname(filepath) });
  return {
    file: filepath,
    provinces: Object.entries(config.provinces).map(([key, p]) => ({
      key,
      name: p.name,
      dstcode: p.dstcode,
      auth: p.auth.type,
      apis: Object.fromEntries(Object.entries(p.apis).map(([type, api]) => [type, api.url])),
    })),
  };
}
