import { formatVnTime } from './working-time.js';
import { maskNameNumbers } from './personal-data.js';
import { compareUtf8 } from './bagit.js';
import type { EvidenceMeta, RequestKind } from './evidence-types.js';

/** Decisions of `pack` that need no file: payload names, the fixed timestamp, the bag-info fields. */

export const REQUEST_FILE = 'yeu-cau-ho-tro.txt';

export interface PayloadSource {
  /** Path inside the evidence folder, or undefined for a text dvc generates. */
  rel?: string;
  /**
   * Path inside the bag's `data/` folder (`bagPath` gives the whole path): the very string `rel` is when masking and
   * NFC change nothing, so that a bag of ten thousand long names holds each name once, not once more per use.
   */
  name: string;
  size: number;
}

/** Where an entry lies in the bag, `data/<name>`: made when asked, never kept per file. */
export function bagPath(e: Pick<PayloadSource, 'name'>): string {
  return `data/${e.name}`;
}

/** The payload files, planned once: sorted entries, and the names that collide after masking. */
export interface PlannedFiles {
  entries: PayloadSource[];
  collisions: string[];
}

/**
 * Maps folder paths to bag names, masking personal numbers in names (dvc never creates a file name holding one)
 * and sorting by UTF-8 bytes. Returns the names that collide after masking, if any.
 */
export function planFiles(
  files: ReadonlyArray<{ rel: string; size: number }>,
  maskName: (name: string) => string = maskNameNumbers,
): PlannedFiles {
  const entries: PayloadSource[] = [];
  const seen = new Map<string, string>();
  const collisions: string[] = [];
  for (const f of files) {
    const masked = maskName(f.rel).normalize('NFC');
    const name = masked === f.rel ? f.rel : masked;
    const other = seen.get(name);
    if (other !== undefined) collisions.push(`${other} ↔ ${f.rel}`);
    seen.set(name, f.rel);
    entries.push({ rel: f.rel, name, size: f.size });
  }
  entries.sort((a, b) => compareUtf8(a.name, b.name));
  return { entries, collisions };
}

/**
 * The planned files with the texts dvc generates put in their places (a folder file of the same name as one of
 * them gives way); the files' entries are shared, not copied.
 */
export function withGenerated(
  files: readonly PayloadSource[],
  generated: ReadonlyArray<{ name: string; size: number }>,
): PayloadSource[] {
  const taken = new Set(generated.map((g) => g.name));
  const out = files.filter((e) => e.rel === undefined || !taken.has(e.rel));
  for (const g of [...generated].sort((a, b) => compareUtf8(a.name, b.name))) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareUtf8(out[mid]!.name, g.name) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, { name: g.name, size: g.size });
  }
  return out;
}

/** planFiles, then withGenerated: the whole payload of a bag. */
export function planPayload(
  files: ReadonlyArray<{ rel: string; size: number }>,
  generated: ReadonlyArray<{ name: string; size: number }>,
  maskName: (name: string) => string = maskNameNumbers,
): { entries: PayloadSource[]; collisions: string[] } {
  const planned = planFiles(files, maskName);
  return { entries: withGenerated(planned.entries, generated), collisions: planned.collisions };
}

/**
 * When the bag is made. `day` is the day of packing in Hà Nội time (Bagging-Date, "Ngày đóng gói"); `ms` is the
 * one timestamp of every zip entry and the instant the index page's progress is computed at. SOURCE_DATE_EPOCH
 * (reproducible-builds.org) sets both when given; else the clock gives the day, and the entries carry that day at
 * 00:00 (DOS times are written in UTC), so two packs of one folder on one day give the same bytes.
 */
export function bagTimestamp(
  sourceDateEpoch: string | undefined,
  now: number,
): { ms: number; statusAt: number; day: string; from: 'SOURCE_DATE_EPOCH' | 'clock' } {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim())) {
    const ms = Number(sourceDateEpoch.trim()) * 1000;
    return { ms, statusAt: ms, day: formatVnTime(ms).slice(0, 10), from: 'SOURCE_DATE_EPOCH' };
  }
  const day = formatVnTime(now).slice(0, 10);
  return { ms: Date.parse(`${day}T00:00:00Z`), statusAt: now, day, from: 'clock' };
}

/** bag-info.txt's words on personal data: what was done, never more (the files not masked follow, one a line). */
export const PERSONAL_MASKED =
  'đã che số điện thoại, số CMND/CCCD, hộp thư email và tên người trong tên tệp, trong các văn bản dvc viết và trong các tệp văn bản (JSON, XML, TXT); không che được nội dung các tệp DVC-Not-Masked (ảnh, PDF, video)';
export const PERSONAL_KEPT = 'giữ nguyên theo yêu cầu (--keep-personal-data); chỉ che số cá nhân trong tên tệp';

export interface BagInfoInput {
  meta: EvidenceMeta;
  kind: RequestKind;
  requestTitle: string;
  /** The day of packing, YYYY-MM-DD in Hà Nội time. */
  baggingDate: string;
  payloadBytes: number;
  payloadFiles: number;
  version: string;
  /** Gaps accepted with --allow-incomplete, already rendered. */
  gaps: string[];
  /** What was done with personal data: kept (--keep-personal-data), or masked but for the files listed. */
  personalData: { kept: boolean; unmasked: readonly string[] };
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
    ['Bagging-Date', i.baggingDate],
    ['Payload-Oxum', `${i.payloadBytes}.${i.payloadFiles}`],
    ['Bag-Software-Agent', `dvc ${i.version}`],
    ['DVC-Request-Kind', i.kind],
  ];
  fields.push(['DVC-Personal-Data', i.personalData.kept ? PERSONAL_KEPT : PERSONAL_MASKED]);
  for (const f of i.personalData.unmasked) fields.push(['DVC-Not-Masked', f]);
  if (i.gaps.length > 0) {
    fields.push(['DVC-Incomplete', 'true']);
    for (const g of i.gaps) fields.push(['DVC-Gap', g]);
  }
  return fields;
}
