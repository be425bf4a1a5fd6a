import { itemLabel } from '../../core/evidence/item-labels.js';
import type { CheckItem, EvidenceMeta, Say } from '../../core/evidence/evidence-types.js';
import type { NationalState } from '../../core/evidence/procedure.js';
import type { StatusLine } from '../../core/evidence/procedure-lines.js';

/** The model the bag's index page is drawn from (the CLI passes the HTML renderer in). */
export interface IndexPageModel {
  request: { title: string; text: string };
  checklist: { id: string; label: string; ok: boolean; severity: string; message: string }[];
  files: { path: string; bytes: number; sha256: string; kind: string }[];
  meta: { unitName?: string; dstcode?: string; bagDate?: string };
  /** Where the province stands in the procedure (3252 steps, 4013 state), as of the bagging date. */
  status?: { national: string; lines: { id: string; state: string; text: string }[] };
}

export type IndexPageRenderer = (model: IndexPageModel) => string;

export const INDEX_PAGE = 'index.html';

const KINDS: [RegExp, string][] = [
  [/\.(png|jpe?g|gif|webp)$/i, 'image'],
  [/\.pdf$/i, 'pdf'],
  [/\.(mp4|webm|mov)$/i, 'video'],
  [/\.xml$/i, 'xml'],
  [/\.json$/i, 'json'],
];

export function fileKind(p: string): string {
  return KINDS.find(([re]) => re.test(p))?.[1] ?? 'other';
}

/**
 * A stand-in for a file's SHA-256 that has the same length (64 characters), so the page's size is known before
 * the files are hashed: the bag's Payload-Oxum is written first, the page is filled in when its turn comes.
 */
export function hashToken(i: number): string {
  return `dvchashtoken${String(i).padStart(10, '0')}`.padEnd(64, 'z');
}

export function indexModel(o: {
  title: string;
  requestText: string;
  items: readonly CheckItem[];
  meta: EvidenceMeta;
  /** The day of packing, YYYY-MM-DD (Hà Nội time). */
  bagDate: string;
  /** The page's words, in the officer's language. */
  say: Say;
  files: readonly { bagPath: string; size: number }[];
  status?: IndexPageModel['status'];
}): IndexPageModel {
  const label = (id: string) => {
    const m = itemLabel(id);
    return o.say(m.key, m.params);
  };
  return {
    request: { title: o.title, text: o.requestText },
    checklist: o.items.map((i) => ({
      id: i.id,
      label: label(i.id),
      ok: i.ok,
      severity: i.severity,
      message: o.say(i.message.key, i.message.params),
    })),
    files: o.files.map((f, i) => ({
      path: f.bagPath.slice('data/'.length),
      bytes: f.size,
      sha256: hashToken(i),
      kind: fileKind(f.bagPath),
    })),
    meta: { unitName: o.meta.unitName, dstcode: o.meta.dst, bagDate: o.bagDate },
    ...(o.status ? { status: o.status } : {}),
  };
}

/** Replaces each file's token by its digest (64 hex characters, like the token): the page keeps its length. */
export function fillHashes(html: string, digests: readonly string[]): Buffer {
  digests.forEach((d, i) => {
    if (!/^[0-9a-f]{64}$/.test(d)) throw new Error(`not a SHA-256 digest for file ${i}`);
  });
  return Buffer.from(
    html.replace(TOKEN, (_t, n: string) => digests[Number(n)] ?? _t),
    'utf8',
  );
}

const TOKEN = /dvchashtoken(\d{10})z{42}/g;

/** The status lines in the page's language, each passed through `scrub`. */
export function statusModel(
  national: NationalState,
  lines: readonly StatusLine[],
  scrub: (s: string) => string,
  say: Say,
): IndexPageModel['status'] {
  return {
    national: say(`evidence.status.national.${national}`),
    lines: lines.map((l) => ({ id: l.id, state: l.state, text: scrub(say(l.message.key, l.message.params)) })),
  };
}
