import path from 'node:path';
import {
  CHECKLIST,
  GUIDE_FILE,
  META_FILE,
  TEST_API_DIR,
  folderOf,
  isSystemFile,
} from '../../core/evidence/checklist.js';
import { missingRequestFields } from '../../core/evidence/check-rules.js';
import {
  buildRequest,
  scrubRequest,
  renderRequestMarkdown,
  renderRequestText,
  type RequestFields,
} from '../../core/evidence/request-text.js';
import { findPersonalNumbers, makeRedactor } from '../../core/evidence/personal-data.js';
import { DvcError, ExitCode } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { EvidenceMeta, RequestKind } from '../../core/evidence/evidence-types.js';
import { requireFolder, scanFolder, type FolderFile } from '../../io/evidence/evidence-folder.js';
import { urlFindings } from '../../core/evidence/url-rules.js';
import { evidenceSetup, readMergedMeta, type SetupOptions } from './evidence-setup.js';

export type RequestFormat = 'text' | 'markdown';

export interface RequestDraft {
  dir: string;
  kind: RequestKind;
  meta: EvidenceMeta;
  missing: string[];
  attachments: string[];
  titles: Record<string, string>;
  /** What the request may not present as evidence: a failed API test, a URL on this machine or a private network. */
  unfit: UnfitEvidence[];
}

export type UnfitEvidence =
  | { why: 'failed'; file: string }
  | { why: 'loopback'; file: string; url: string }
  | { why: 'url'; type: string; url: string };

/**
 * For the configuration request: the API test results among the attachments that failed or tested a URL the
 * Government Office cannot reach, and the URLs to configure that it cannot reach. The request is refused while
 * any remains (exit 1), never presented as evidence.
 */
function unfitEvidence(kind: RequestKind, meta: EvidenceMeta, files: readonly FolderFile[]): UnfitEvidence[] {
  if (kind !== 'cau-hinh') return [];
  const out: UnfitEvidence[] = [];
  for (const [type, url] of Object.entries(meta.apis))
    if (urlFindings(url).some((f) => f.severity === 'error')) out.push({ why: 'url', type, url });
  for (const f of files) {
    if (folderOf(f.rel)?.dir !== TEST_API_DIR) continue;
    for (const r of f.facts?.results ?? []) {
      if (!r.ok) out.push({ why: 'failed', file: r.file });
      else if (r.url && urlFindings(r.url).some((x) => x.key === 'unreachable'))
        out.push({ why: 'loopback', file: r.file, url: r.url });
    }
  }
  return out;
}

/** The files worth attaching: the API test results for step 2; the pictures, receipts and video for step 5. */
export function attachmentsFor(kind: RequestKind, rels: readonly string[]): string[] {
  const wanted =
    kind === 'cau-hinh'
      ? new Set([TEST_API_DIR])
      : new Set(CHECKLIST.filter((f) => f.dir !== TEST_API_DIR).map((f) => f.dir));
  return rels.filter(
    (r) => !isSystemFile(r) && r !== META_FILE && r !== GUIDE_FILE && wanted.has(folderOf(r)?.dir ?? ''),
  );
}

/** Reads what the request needs; `missing` lists the fields still empty (the CLI asks for them or fails). */
export async function draftRequest(o: SetupOptions & { dir: string; kind: RequestKind }): Promise<RequestDraft> {
  const dir = await requireFolder(path.resolve(o.cwd, o.dir));
  const setup = await evidenceSetup(o);
  const read = await readMergedMeta(dir, setup);
  const meta = read.meta ?? setup.defaults;
  const files = await scanFolder(dir);
  return {
    dir,
    kind: o.kind,
    meta,
    missing: missingRequestFields(o.kind, meta),
    attachments: attachmentsFor(
      o.kind,
      files.map((f) => f.rel),
    ),
    titles: setup.titles,
    unfit: unfitEvidence(o.kind, meta, files),
  };
}

export interface RenderedRequest {
  fields: RequestFields;
  text: string;
}

export function renderRequest(d: RequestDraft, format: RequestFormat, redact: boolean): RenderedRequest {
  let fields = buildRequest(d.kind, d.meta, d.attachments, d.titles);
  if (redact)
    fields = scrubRequest(
      fields,
      makeRedactor(d.meta.contactName ? [d.meta.contactName] : [], d.meta.contactPhone ? [d.meta.contactPhone] : [])
        .text,
    );
  return { fields, text: format === 'markdown' ? renderRequestMarkdown(fields) : renderRequestText(fields) };
}

export interface RequestOptions {
  format: RequestFormat;
  keepPersonalData: boolean;
  /** Also write the text to this file (CRLF line ends); refused if it exists, unless `force`. */
  out?: string;
  force: boolean;
  cwd: string;
  /** The missing fields were asked for (and saved) before: still missing is then a different refusal. */
  asked: boolean;
}

/** A request that may go out (its text, and the file written), or why it may not: the unfit evidence, by file. */
export type RequestOutcome =
  { ok: false; unfit: UnfitEvidence[] } | { ok: true; fields: RequestFields; text: string; written?: string };

/**
 * The request from a draft whose missing fields were asked for, if they could be: the fields must be complete
 * (exit 2), the configuration request may not present a failed or loopback API result (exit 1, saying which), the
 * text is masked unless kept, and the file is written atomically, never over an existing one without `force`.
 */
export async function finishRequest(d: RequestDraft, o: RequestOptions): Promise<RequestOutcome> {
  const missing = missingRequestFields(d.kind, d.meta);
  if (missing.length > 0) {
    const fields = missing.join(', ');
    if (!o.asked) throw new DvcError('evidence.missingFields', { fields, kind: d.kind }, ExitCode.Usage);
    throw new DvcError(
      'evidence.answers.stillMissing',
      { fields, kind: d.kind, file: path.join(d.dir, META_FILE) },
      ExitCode.Usage,
    );
  }
  if (d.unfit.length > 0) return { ok: false, unfit: d.unfit };
  const rendered = renderRequest(d, o.format, !o.keepPersonalData);
  if (o.out === undefined) return { ok: true, ...rendered };
  if (findPersonalNumbers(path.basename(o.out)).length > 0)
    throw new DvcError('evidence.personalInOutName', { name: path.basename(o.out) }, ExitCode.Usage);
  // The file is opened in Notepad and pasted into the portal's form: CRLF line ends, as HUONG-DAN.txt has.
  const written = await writeFileAtomic(path.resolve(o.cwd, o.out), rendered.text.replace(/\r?\n/g, '\r\n'), {
    force: o.force,
    inputs: [path.join(d.dir, META_FILE)],
  });
  return { ok: true, ...rendered, written };
}
