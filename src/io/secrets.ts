import { FILE_LIMITS, readInputText } from './bounded-file.js';
import path from 'node:path';
import { DvcError, ExitCode } from '../errors.js';
import { stripBom } from '../core/text/utf8.js';
import { MIN_SECRET_LENGTH } from '../core/probe/mask-secrets.js';

export interface SecretRef {
  env?: string;
  file?: string;
}

/**
 * Reads a secret from the environment variable or file the config names. `what` says what it is for
 * (e.g. "provinces.HNI.auth.passwordEnv") so a missing secret is easy to find; the value itself is never echoed.
 * A secret shorter than MIN_SECRET_LENGTH characters is refused (exit 2): it is guessable, and masking it in
 * output would blank out ordinary words.
 */
export async function resolveSecret(
  ref: SecretRef,
  what: string,
  o: { env?: NodeJS.ProcessEnv; baseDir: string },
): Promise<string | undefined> {
  const value = await readSecret(ref, what, o);
  if (value !== undefined && [...value].length < MIN_SECRET_LENGTH)
    throw new DvcError('config.secretTooShort', { what, min: MIN_SECRET_LENGTH }, ExitCode.Usage);
  return value;
}

async function readSecret(
  ref: SecretRef,
  what: string,
  o: { env?: NodeJS.ProcessEnv; baseDir: string },
): Promise<string | undefined> {
  const env = o.env ?? process.env;
  if (ref.env) {
    const v = env[ref.env];
    if (v === undefined || v === '')
      throw new DvcError('config.secretEnvMissing', { name: ref.env, what }, ExitCode.Usage);
    return v;
  }
  if (ref.file) {
    const abs = path.resolve(o.baseDir, ref.file);
    const text = await readInputText(
      abs,
      FILE_LIMITS.secret,
      () => new DvcError('config.secretFileMissing', { file: ref.file, what }, ExitCode.Usage),
    );
    return stripBom(text).replace(/\r?\n$/, '');
  }
  return undefined;
}
