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
import { makeRedactor } from '../../core/evidence/personal-data.js';
import type { EvidenceMeta, RequestKind } from '../../core/evidence/evidence-types.js';
import { requireFolder, scanFolder } from '../../io/evidence/evidence-folder.js';
import { evidenceSetup, readMergedMeta, type SetupOptions } from './evidence-setup.js';

export type RequestFormat = 'text' | 'markdown';

export interface RequestDraft {
  dir: string;
  kind: RequestKind;
  meta: EvidenceMeta;
  missing: string[];
  attachments: string[];
  titles: Record<string, string>;
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
  const dir = await requireFolder(path.resolve(o.cwd ?? process.cwd(), o.dir));
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
