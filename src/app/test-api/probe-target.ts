import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import type { DvcConfig, ProvinceConfig } from '../../core/config/schema.js';
import { resolveConvention, type ApiType, type ResponseRule } from '../../core/api/api-type-registry.js';
import type { SecretSet } from '../../core/probe/mask-secrets.js';
import { resolveSecret } from '../../io/secrets.js';

/** Where and how to send: the URL, method and headers (secrets included, to be masked on output), the rules. */
export interface Target {
  dst: string | null;
  provinceName?: string;
  unit?: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  /** A body field to set to a secret (auth type body-key). */
  bodyKey?: { field: string; value: string };
  secrets: SecretSet;
  rule: ResponseRule;
  caFiles: string[];
  insecure: boolean;
  /** A province's own template file for this type (absolute path). */
  templateFile?: string;
}

export interface TargetOptions {
  type: ApiType;
  url?: string;
  dst?: string;
  caFiles: string[];
  insecure: boolean;
  env: NodeJS.ProcessEnv;
}

/** The province for a DSTCode: the config key (any case) or a province whose `dstcode` is that value. */
export function findProvince(config: DvcConfig, dst: string): [string, ProvinceConfig] {
  const entries = Object.entries(config.provinces);
  const hit =
    entries.find(([k]) => k === dst) ??
    entries.find(([k]) => k.toLowerCase() === dst.toLowerCase()) ??
    entries.find(([, p]) => p.dstcode !== undefined && p.dstcode.toLowerCase() === dst.toLowerCase());
  if (!hit) {
    throw new DvcError('testApi.unknownDst', { dst, known: entries.map(([k]) => k).join(', ') || '—' }, ExitCode.Usage);
  }
  return hit;
}

function basicToken(user: string, pass: string): string {
  return Buffer.from(`${user}:${pass}`, 'utf8').toString('base64');
}

/** Reads the province's auth secret and turns it into a header or a body field; the secret joins the mask list. */
async function applyAuth(
  key: string,
  p: ProvinceConfig,
  t: Target,
  env: NodeJS.ProcessEnv,
  baseDir: string,
): Promise<void> {
  const a = p.auth;
  const where = `provinces.${key}.auth`;
  switch (a.type) {
    case 'none':
      return;
    case 'basic': {
      const pass =
        (await resolveSecret({ env: a.passwordEnv, file: a.passwordFile }, `${where}.password`, { env, baseDir })) ??
        '';
      const token = basicToken(a.username, pass);
      t.headers.authorization = `Basic ${token}`;
      t.secrets = { ...t.secrets, values: [...t.secrets.values, pass, token] };
      return;
    }
    case 'bearer': {
      const token = await resolveSecret({ env: a.tokenEnv, file: a.tokenFile }, `${where}.token`, { env, baseDir });
      if (!token)
        throw new DvcError('testApi.secretMissing', { where: `${where}.tokenEnv / tokenFile` }, ExitCode.Usage);
      t.headers.authorization = `Bearer ${token}`;
      t.secrets = { ...t.secrets, values: [...t.secrets.values, token] };
      return;
    }
    case 'body-key': {
      const value = await resolveSecret({ env: a.keyEnv, file: a.keyFile }, `${where}.key`, { env, baseDir });
      if (!value) throw new DvcError('testApi.secretMissing', { where: `${where}.keyEnv / keyFile` }, ExitCode.Usage);
      t.bodyKey = { field: a.field, value };
      t.secrets = {
        ...t.secrets,
        values: [...t.secrets.values, value],
        bodyFields: [...(t.secrets.bodyFields ?? []), a.field],
      };
      return;
    }
    case 'header': {
      const value = await resolveSecret({ env: a.valueEnv, file: a.valueFile }, `${where}.value`, { env, baseDir });
      if (!value)
        throw new DvcError('testApi.secretMissing', { where: `${where}.valueEnv / valueFile` }, ExitCode.Usage);
      t.headers[a.name.toLowerCase()] = value;
      t.secrets = {
        ...t.secrets,
        values: [...t.secrets.values, value],
        headers: [...(t.secrets.headers ?? []), a.name],
      };
      return;
    }
  }
}

/** Case 1 (`--url`, no config needed) or case 2 (`--dst`: the province's URL, auth, dstcode header, rules). */
export async function resolveTarget(
  o: TargetOptions,
  loaded: { config: DvcConfig; filepath: string } | null,
): Promise<Target> {
  const base: Target = {
    dst: null,
    url: o.url ?? '',
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br',
    },
    secrets: { values: [], bodyFields: ['SecurityKey'] },
    rule: resolveConvention(o.type),
    caFiles: [...o.caFiles],
    insecure: o.insecure,
  };
  if (!o.dst) {
    if (!o.url) throw new DvcError('testApi.needUrlOrDst', {}, ExitCode.Usage);
    checkUrl(o.url);
    return base;
  }
  if (!loaded) throw new DvcError('config.none', {}, ExitCode.Usage);
  const [key, p] = findProvince(loaded.config, o.dst);
  const baseDir = path.dirname(loaded.filepath);
  const api = p.apis[o.type.id];
  const url = o.url ?? api?.url;
  if (!url) {
    throw new DvcError(
      'testApi.noUrlForType',
      { dst: key, type: o.type.id, configured: Object.keys(p.apis).join(', ') || '—' },
      ExitCode.Usage,
    );
  }
  checkUrl(url);
  const t: Target = {
    ...base,
    dst: key,
    provinceName: p.name,
    unit: p.unit,
    url,
    method: api?.method ?? 'POST',
    headers: { ...base.headers, ...lowerKeys(p.headers ?? {}) },
    rule: resolveConvention(o.type, p.response, api?.response),
    caFiles: [...(p.tls?.caFile ? [path.resolve(baseDir, p.tls.caFile)] : []), ...o.caFiles],
    insecure: o.insecure || p.tls?.insecure === true,
    ...(api?.templateFile ? { templateFile: path.resolve(baseDir, api.templateFile) } : {}),
  };
  if (p.dstcode) t.headers.dstcode = p.dstcode;
  await applyAuth(key, p, t, o.env, baseDir);
  return t;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

function checkUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DvcError('testApi.badUrl', { url }, ExitCode.Usage);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new DvcError('testApi.badUrl', { url }, ExitCode.Usage);
}
