import { DvcError, ExitCode } from '../../errors.js';
import { loadConfig } from '../../io/config.js';
import { readMetaFile, type MetaRead } from '../../io/evidence/evidence-folder.js';
import { DEFAULT_LIMITS, type Limits } from '../../core/evidence/check-rules.js';
import type { EvidenceMeta } from '../../core/evidence/evidence-types.js';
import type { DvcConfig } from '../../core/config/schema.js';

/** What every evidence use case starts from: the config's defaults for one province, limits and API titles. */
export interface EvidenceSetup {
  defaults: EvidenceMeta;
  limits: Limits;
  titles: Record<string, string>;
  provinceKey?: string;
}

export interface SetupOptions {
  configPath?: string;
  cwd: string;
  dst?: string;
}

function pickProvince(config: DvcConfig, dst: string | undefined): string | undefined {
  const keys = Object.keys(config.provinces);
  if (dst !== undefined) {
    const key =
      keys.find((k) => k === dst) ??
      keys.find((k) => k.toLowerCase() === dst.toLowerCase() || config.provinces[k].dstcode === dst);
    if (!key) throw new DvcError('evidence.dstUnknown', { dst, known: keys.join(', ') || '-' }, ExitCode.Usage);
    return key;
  }
  return keys.length === 1 ? keys[0] : undefined;
}

export async function evidenceSetup(o: SetupOptions): Promise<EvidenceSetup> {
  const loaded = await loadConfig({ configPath: o.configPath, cwd: o.cwd });
  if (!loaded) {
    return { defaults: { apis: {}, dst: o.dst }, limits: DEFAULT_LIMITS, titles: {} };
  }
  const { config } = loaded;
  const key = pickProvince(config, o.dst);
  const p = key ? config.provinces[key] : undefined;
  const ev = config.evidence ?? {};
  const defaults: EvidenceMeta = {
    unitName: ev.unitName ?? p?.name,
    province: p?.name,
    dst: p ? (p.dstcode ?? key) : undefined,
    email: ev.email ?? p?.email,
    contactName: ev.contactName,
    contactPhone: ev.contactPhone,
    apis: p ? Object.fromEntries(Object.entries(p.apis).map(([type, api]) => [type, api.url])) : {},
  };
  const titles = Object.fromEntries(
    Object.entries(config.apiTypes ?? {}).flatMap(([id, t]) => (t.title ? [[id, t.title]] : [])),
  );
  return {
    defaults,
    limits: {
      maxFileMb: ev.maxFileMb ?? DEFAULT_LIMITS.maxFileMb,
      maxVideoMb: ev.maxVideoMb ?? DEFAULT_LIMITS.maxVideoMb,
    },
    titles,
    provinceKey: key,
  };
}

/** evidence.yaml wins field by field; the config fills what it leaves empty. */
export function mergeMeta(fromFile: EvidenceMeta | null, defaults: EvidenceMeta): EvidenceMeta | null {
  if (!fromFile) return null;
  const out: EvidenceMeta = {
    ...fromFile,
    apis: Object.keys(fromFile.apis).length > 0 ? fromFile.apis : defaults.apis,
  };
  for (const k of ['unitName', 'province', 'dst', 'email', 'contactName', 'contactPhone'] as const)
    out[k] = fromFile[k] ?? defaults[k];
  return out;
}

export async function readMergedMeta(dir: string, setup: EvidenceSetup): Promise<MetaRead> {
  const read = await readMetaFile(dir);
  return { meta: mergeMeta(read.meta, setup.defaults), problem: read.problem, raw: read.raw };
}
