import { isIsoDate } from './metadata.js';
import { maskNameNumbers } from './personal-data.js';
import { compareUtf8 } from './bagit.js';
import type { EvidenceMeta, RequestKind } from './evidence-types.js';

/** Decisions of `pack` that need no file: payload names, the fixed timestamp, the bag-info fields. */

export const REQUEST_FILE = 'yeu-cau-ho-tro.txt';

export interface PayloadSource {
  /** Path inside the evidence folder, or undefined for a text dvc generates. */
  rel?: string;
  /** Path inside the bag, `data/...`. */
  bagPath: string;
  size: number;
}

/**
 * Maps folder paths to bag paths (`data/<rel>`), masking personal numbers in names (dvc never creates a file
 * name holding one) and sorting by UTF-8 bytes. Returns the names that collide after masking, if any.
 */
export function planPayload(
  files: ReadonlyArray<{ rel: string; size: number }>,
  generated: ReadonlyArray<{ name: string; size: number }>,
  maskName: (name: string) => string = maskNameNumbers,
): { entries: PayloadSource[]; collisions: string[] } {
  const entries: PayloadSource[] = [];
  const seen = new Map<string, string>();
  const collisions: string[] = [];
  const taken = new Set(generated.map((g) => g.name));
  for (const f of files) {
    if (taken.has(f.rel)) continue;
    const bagPath = `data/${maskName(f.rel)}`;
    const key = bagPath.normalize('NFC');
    const other = seen.get(key);
    if (other !== undefined) collisions.push(`${other} ↔ ${f.rel}`);
    seen.set(key, f.rel);
    entries.push({ rel: f.rel, bagPath: key, size: f.size });
  }
  for (const g of generated) entries.push({ bagPath: `data/${g.name}`, size: g.size });
  entries.sort((a, b) => compareUtf8(a.bagPath, b.bagPath));
  return { entries, collisions };
}

/**
 * The one timestamp of every entry: SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else the test payment
 * date of evidence.yaml (midnight UTC), else the newest file's time; never the clock, so two runs agree.
 */
export function fixedTimestamp(
  sourceDateEpoch: string | undefined,
  meta: EvidenceMeta | null,
  newestMtimeMs: number,
): { ms: number; from: 'SOURCE_DATE_EPOCH' | 'evidence.yaml' | 'files' } {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim()))
    return { ms: Number(sourceDateEpoch.trim()) * 1000, from: 'SOURCE_DATE_EPOCH' };
  if (meta?.testDate && isIsoDate(meta.testDate))
    return { ms: Date.parse(`${meta.testDate}T00:00:00Z`), from: 'evidence.yaml' };
  return { ms: Math.floor(newestMtimeMs / 2000) * 2000, from: 'files' };
}

export interface BagInfoInput {
  meta: EvidenceMeta;
  kind: RequestKind;
  requestTitle: string;
  baggingDateMs: number;
  payloadBytes: number;
  payloadFiles: number;
  version: string;
  /** Gaps accepted with --allow-incomplete, already rendered. */
  gaps: string[];
}

export function bagInfoFields(i: BagInfoInput): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['Source-Organization', i.meta.unitName ?? ''],
    ['Contact-Name', i.meta.contactName ?? ''],
    ['Contact-Phone', i.meta.contactPhone ?? ''],
    ['Contact-Email', i.meta.email ?? ''],
    [
      'External-Description',
      `Minh chứng tích hợp thanh toán nghĩa vụ tài chính về đất đai trên Cổng Dịch vụ công quốc gia (Công văn 3252/VPCP-KSTT, Phụ lục 1). Yêu cầu: ${i.requestTitle}`,
    ],
    ['External-Identifier', i.meta.dossierCode ?? ''],
    ['Internal-Sender-Identifier', i.meta.dst ?? ''],
    ['Bagging-Date', new Date(i.baggingDateMs).toISOString().slice(0, 10)],
    ['Payload-Oxum', `${i.payloadBytes}.${i.payloadFiles}`],
    ['Bag-Software-Agent', `dvc ${i.version}`],
    ['DVC-Request-Kind', i.kind],
  ];
  if (i.gaps.length > 0) {
    fields.push(['DVC-Incomplete', 'true']);
    for (const g of i.gaps) fields.push(['DVC-Gap', g]);
  }
  return fields;
}
