import {
  hideNamedNumbers,
  makeRedactor,
  maskNameNumbers,
  namesInText,
  personalNumberStrings,
} from '../../core/evidence/personal-data.js';
import type { CheckItem, EvidenceMeta, EvidenceMsg } from '../../core/evidence/evidence-types.js';
import type { FolderFile } from '../../io/evidence/evidence-folder.js';

/**
 * What the bundle may show. Without --redact: every personal number masked in a file name is masked in every
 * text dvc writes too. With --redact: personal numbers, e-mail mailboxes and the personal names dvc knows of are
 * masked everywhere, the text files of the payload (API test dumps, XML receipts) included.
 */
export interface Privacy {
  text(s: string): string;
  name(s: string): string;
  /** Payload text files whose redacted bytes replace the originals in the bundle, by folder path. */
  rewritten: Map<string, Buffer>;
}

export function privacyFor(redact: boolean, files: readonly FolderFile[], meta: EvidenceMeta): Privacy {
  const numbers = [...new Set(files.flatMap((f) => personalNumberStrings(f.rel)))].sort((a, b) => b.length - a.length);
  if (!redact) return { text: (s) => hideNamedNumbers(s, numbers), name: maskNameNumbers, rewritten: new Map() };
  const names = [
    ...(meta.contactName ? [meta.contactName] : []),
    ...files.flatMap((f) => (f.text === undefined ? [] : namesInText(f.text))),
  ];
  const r = makeRedactor(names, meta.contactPhone ? [meta.contactPhone] : []);
  const text = (s: string) => r.text(hideNamedNumbers(s, numbers));
  const rewritten = new Map<string, Buffer>();
  for (const f of files) {
    if (f.text === undefined) continue;
    const masked = text(f.text);
    if (masked !== f.text) rewritten.set(f.rel, Buffer.from(masked, 'utf8'));
  }
  return { text, name: r.name, rewritten };
}

function scrubMsg(m: EvidenceMsg, scrub: (s: string) => string): EvidenceMsg {
  if (!m.params) return m;
  return {
    key: m.key,
    params: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, typeof v === 'string' ? scrub(v) : v])),
  };
}

export function scrubItems(items: readonly CheckItem[], scrub: (s: string) => string): CheckItem[] {
  return items.map((i) => ({
    ...i,
    id: scrub(i.id),
    message: scrubMsg(i.message, scrub),
    ...(i.fix ? { fix: scrubMsg(i.fix, scrub) } : {}),
  }));
}
