import { requireConfig } from '../../io/config.js';

export interface ConfigSummary {
  file: string;
  provinces: { key: string; name: string; dstcode?: string; auth: string; apis: Record<string, string> }[];
}

/** Finds and validates the configuration and summarises it without any secret. */
export async function checkConfig(opts: { configPath?: string; cwd?: string }): Promise<ConfigSummary> {
  const { config, filepath } = await requireConfig(opts);
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
