import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { META_FILE } from '../../core/evidence/checklist.js';
import { checkEvidence, missingRequestFields, type CheckOutcome } from '../../core/evidence/check-rules.js';
import { procedureStatus, progressFromYaml } from '../../core/evidence/procedure.js';
import { statusLines } from '../../core/evidence/procedure-lines.js';
import { loadWorkCalendar } from '../../io/evidence/holidays-file.js';
import { bagInfoText, compareUtf8 } from '../../core/evidence/bagit.js';
import {
  REQUEST_FILE,
  bagInfoFields,
  bagTimestamp,
  planFiles,
  withGenerated,
  type PayloadSource,
  type PlannedFiles,
} from '../../core/evidence/bag-plan.js';
import { packLimitBreach } from '../../core/evidence/bag-limits.js';
import { metaYaml } from '../../core/evidence/init-files.js';
import { findPersonalNumbers } from '../../core/evidence/personal-data.js';
import { buildRequest, requestTextLines, scrubRequest } from '../../core/evidence/request-text.js';
import type { CheckItem, EvidenceMeta, RequestKind, Say } from '../../core/evidence/evidence-types.js';
import { joinRel, sha256File } from '../../io/evidence/payload-files.js';
import type { FolderFile } from '../../io/evidence/evidence-folder.js';
import { requiredApiTypes, runEvidenceCheck, usableFiles, type CheckRun } from './check-evidence.js';
import {
  INDEX_PAGE,
  filledPieces,
  indexModel,
  pageBytes,
  statusModel,
  textPieces,
  type IndexPageModel,
  type IndexPageRenderer,
} from './index-page.js';
import { privacyFor, scrubItems, type Privacy } from './pack-privacy.js';
import type { SetupOptions } from './evidence-setup.js';
import { digestOf, writeBag, type BagPlan, type Bytes, type PagePlan, type WriteBagOptions } from './write-bag.js';

export interface PackOptions extends SetupOptions, WriteBagOptions {
  dir: string;
  out: string;
  kind: RequestKind;
  allowIncomplete: boolean;
  /** Keep personal data in the payload's texts (only the numbers in file names are masked). */
  keepPersonalData: boolean;
  /** The words pack writes, handed down by the cli. */
  texts: PackTexts;
  version: string;
  sourceDateEpoch?: string;
  /** Draws data/index.html, the page a reviewer opens first; without it the bag has no index page. */
  indexPage?: IndexPageRenderer;
  now?: number;
}

/**
 * The words of the bundle: the index page's in the officer's language; bag-info.txt's gap lines in Vietnamese,
 * like the request text (they are read by the Government Office's desk).
 */
export interface PackTexts {
  page: Say;
  bag: Say;
}

export interface PackResult {
  ok: boolean;
  /** The check failed and --allow-incomplete was not given: nothing was written. */
  refused: boolean;
  /** The check, its texts scrubbed like the bundle's (everything by default; names' numbers when kept). */
  check: CheckOutcome;
  /** Payload files whose content was not masked (images, PDF, video); empty with --keep-personal-data. */
  unmasked: string[];
  bundle?: string;
  sha256?: string;
  bytes?: number;
  payloadFiles?: number;
  payloadBytes?: number;
  timestamp?: string;
  timestampFrom?: string;
  gaps: string[];
}

export async function packEvidence(o: PackOptions): Promise<PackResult> {
  const out = path.resolve(o.cwd, o.out);
  const run = await runEvidenceCheck({ ...o, dir: o.dir, kind: o.kind });
  const missing = missingRequestFields(o.kind, run.meta);
  if (missing.length > 0 && !o.allowIncomplete)
    throw new DvcError('evidence.missingFields', { fields: missing.join(', '), kind: o.kind }, ExitCode.Usage);
  const usable = usableFiles(run.files);
  assertOutput(out, o, run.dir);
  const privacy = await privacyFor(o.keepPersonalData, usable, run.meta ?? run.setup.defaults, o.signal);
  try {
    return await packPrivately(o, run, { out, missing, usable, privacy });
  } finally {
    await privacy.close();
  }
}

async function packPrivately(
  o: PackOptions,
  run: CheckRun,
  x: { out: string; missing: string[]; usable: FolderFile[]; privacy: Privacy },
): Promise<PackResult> {
  const { out, missing, usable, privacy } = x;
  const check: CheckOutcome = { ...run.outcome, items: scrubItems(run.outcome.items, privacy.text) };
  const unmasked = privacy.unmasked.map(privacy.name);
  if (!run.outcome.ok && !o.allowIncomplete) return { ok: false, refused: true, check, unmasked, gaps: [] };
  const gaps = [
    ...missing.map((f) => o.texts.bag('evidence.item.metaMissing', { field: f })),
    ...check.items
      .filter((i) => !i.ok && i.severity === 'error')
      .map((i) => `${i.id}: ${o.texts.bag(i.message.key, i.message.params)}`),
  ];
  const plan = await planBag(o, run, usable, privacy, { out, gaps, items: check.items });
  if (o.signal?.aborted) throw new DvcError('evidence.pack.cancelled', {}, ExitCode.Cancelled);
  const written = await writeBag(o, plan);
  return {
    ok: run.outcome.ok,
    refused: false,
    check,
    unmasked,
    ...written,
    payloadFiles: plan.entries.length,
    payloadBytes: plan.payloadBytes,
    gaps,
  };
}

/** The bundle may not land inside the folder it packs, nor carry a personal number in its name. */
function assertOutput(out: string, o: PackOptions, dir: string): void {
  const rel = path.relative(dir, out);
  if (!rel.startsWith('..') && !path.isAbsolute(rel))
    throw new DvcError('evidence.pack.outInside', { out: o.out, dir: o.dir }, ExitCode.Usage);
  if (findPersonalNumbers(path.basename(out).replace(/\.zip$/i, '')).length > 0)
    throw new DvcError('evidence.personalInOutName', { name: path.basename(out) }, ExitCode.Usage);
}

interface Texts {
  yaml: Buffer;
  title: string;
  request: Buffer;
}

/** evidence.yaml and the request text as they go into the bag, scrubbed. */
function bagTexts(o: PackOptions, run: CheckRun, files: PlannedFiles, privacy: Privacy): Texts {
  const meta = run.meta ?? run.setup.defaults;
  const yaml = Buffer.from(privacy.text(metaYaml(meta)), 'utf8');
  const generated = [META_FILE, REQUEST_FILE, INDEX_PAGE].map((name) => ({ name, size: 0 }));
  const limit = packLimitBreach(withGenerated(files.entries, generated));
  if (limit) throw new DvcError('evidence.pack.limit', { dir: o.dir, ...limit }, ExitCode.Usage);
  if (files.collisions.length > 0)
    throw new DvcError('evidence.pack.nameCollision', { names: files.collisions.join('; ') }, ExitCode.Usage);
  // The request lists what the bag carries; its own size enters the plan, so the list is built before it.
  const provisional = withGenerated(files.entries, [
    { name: META_FILE, size: yaml.length },
    { name: REQUEST_FILE, size: 0 },
  ]);
  const fields = scrubRequest(
    buildRequest(
      o.kind,
      meta,
      provisional.map((e) => e.name),
      run.setup.titles,
    ),
    privacy.text,
  );
  return { yaml, title: fields.title, request: linesBytes(() => requestTextLines(fields)) };
}

/** Lines' UTF-8 bytes in one buffer of their size, encoded one line at a time (never joined into one string). */
function linesBytes(lines: () => Iterable<string>): Buffer {
  let size = 0;
  for (const l of lines()) size += Buffer.byteLength(l, 'utf8');
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const l of lines()) at += out.write(l, at, 'utf8');
  if (at !== size) throw new Error('pack.requestUnstable');
  return out;
}

async function planBag(
  o: PackOptions,
  run: CheckRun,
  usable: readonly FolderFile[],
  privacy: Privacy,
  x: { out: string; gaps: string[]; items: CheckItem[] },
): Promise<BagPlan> {
  const meta = run.meta ?? run.setup.defaults;
  // The payload files are planned once (names masked, sorted); every later plan shares their entries.
  const files = planFiles(
    usable.map((f) => ({ rel: f.rel, size: privacy.rewritten.get(f.rel)?.size ?? f.size })),
    privacy.name,
  );
  const texts = bagTexts(o, run, files, privacy);
  const generated = new Map<string, Buffer>([
    [META_FILE, texts.yaml],
    [REQUEST_FILE, texts.request],
  ]);
  const stamp = bagTimestamp(o.sourceDateEpoch, o.now ?? Date.now());
  const page = o.indexPage
    ? indexPagePlan(o.indexPage, files.entries, generated, {
        title: texts.title,
        request: texts.request,
        items: x.items,
        meta: scrubMeta(meta, privacy.text),
        bagDate: stamp.day,
        say: o.texts.page,
        status: await bagStatus(run, stamp.statusAt, privacy, o.texts.page),
      })
    : undefined;
  const entries = withGenerated(files.entries, [
    ...[...generated].map(([name, b]) => ({ name, size: b.length })),
    ...(page ? [{ name: INDEX_PAGE, size: page.size }] : []),
  ]);
  const memory = new Map<string, Bytes>(generated);
  for (const e of entries) {
    const b = e.rel === undefined ? undefined : privacy.rewritten.get(e.rel);
    if (b) memory.set(e.name, b);
  }
  const early = page ? await hashAfterPage(run.dir, entries, memory) : new Map<string, string>();
  const payloadBytes = entries.reduce((n, e) => n + e.size, 0);
  const bagInfo = bagInfoBytes(o, meta, privacy, {
    title: texts.title,
    day: stamp.day,
    payloadBytes,
    files: entries.length,
    gaps: x.gaps,
  });
  const stem = path.basename(x.out).replace(/\.zip$/i, '');
  return {
    dir: run.dir,
    out: x.out,
    stem,
    entries,
    memory,
    page,
    early,
    bagInfo,
    stampMs: stamp.ms,
    stampFrom: stamp.from,
    payloadBytes,
  };
}

/** The procedure's status as of the bagging date (so two packs of one folder agree), for the index page. */
async function bagStatus(run: CheckRun, now: number, privacy: Privacy, say: Say): Promise<IndexPageModel['status']> {
  const { calendar } = await loadWorkCalendar();
  const meta = run.meta ?? run.setup.defaults;
  const check = (kind: RequestKind) =>
    kind === run.outcome.kind
      ? run.outcome
      : checkEvidence({
          kind,
          meta: run.meta,
          files: run.files,
          now,
          limits: run.setup.limits,
          requiredApiTypes: requiredApiTypes(),
        });
  const st = procedureStatus({
    progress: progressFromYaml(run.raw),
    results: run.outcome.results,
    apis: meta.apis,
    configReady: check('cau-hinh').ok,
    confirmReady: check('xac-nhan').ok,
    now,
    calendar,
  });
  return statusModel(st.national, statusLines(st, meta.dst), privacy.text, say);
}

function scrubMeta(meta: EvidenceMeta, scrub: (s: string) => string): EvidenceMeta {
  const s = (v: string | undefined) => (v === undefined ? undefined : scrub(v));
  return { ...meta, unitName: s(meta.unitName), dst: s(meta.dst) };
}

/** Files sorted after the page are hashed first (rare: top-level files), so the page can list every hash. */
async function hashAfterPage(
  dir: string,
  entries: readonly PayloadSource[],
  memory: ReadonlyMap<string, Bytes>,
): Promise<Map<string, string>> {
  const early = new Map<string, string>();
  for (const e of entries) {
    if (e.rel === undefined || compareUtf8(e.name, INDEX_PAGE) <= 0) continue;
    const mem = memory.get(e.name);
    early.set(e.name, mem ? digestOf(mem) : await sha256File(joinRel(dir, e.rel)));
  }
  return early;
}

/**
 * The bag-info fields that may carry personal data, masked; the others are dvc's own figures and words (a
 * Payload-Oxum of 667385746 bytes is not a CMND number).
 */
const PERSONAL_BAG_INFO = new Set([
  'Source-Organization',
  'Contact-Name',
  'Contact-Phone',
  'Contact-Email',
  'External-Description',
  'External-Identifier',
  'Internal-Sender-Identifier',
  'DVC-Gap',
]);

function bagInfoBytes(
  o: PackOptions,
  meta: EvidenceMeta,
  privacy: Privacy,
  x: { title: string; day: string; payloadBytes: number; files: number; gaps: string[] },
): Buffer {
  const fields = bagInfoFields({
    meta,
    kind: o.kind,
    requestTitle: x.title,
    baggingDate: x.day,
    payloadBytes: x.payloadBytes,
    payloadFiles: x.files,
    version: o.version,
    gaps: x.gaps,
    personalData: { kept: privacy.keep, unmasked: privacy.unmasked.map(privacy.name) },
  }).map(([k, v]) => [k, PERSONAL_BAG_INFO.has(k) ? privacy.text(v) : v] as [string, string]);
  return Buffer.from(bagInfoText(fields), 'utf8');
}

function indexPagePlan(
  render: IndexPageRenderer,
  files: readonly PayloadSource[],
  generated: ReadonlyMap<string, Buffer>,
  o: {
    title: string;
    /** The request text's bytes (decoded only while the page is drawn). */
    request: Buffer;
    items: CheckItem[];
    meta: EvidenceMeta;
    bagDate: string;
    say: Say;
    status?: IndexPageModel['status'];
  },
): PagePlan {
  const listed = withGenerated(
    files,
    [...generated].map(([name, b]) => ({ name, size: b.length })),
  );
  // Only the size is kept (a page listing ten thousand files of long names is 22 MB): the page is drawn again, and
  // its tokens filled, a piece at a time when written. The files it lists are the bag's, less the page itself.
  const model = (files: readonly PayloadSource[]) =>
    indexModel({ ...o, requestText: o.request.length > 0 ? textPieces(o.request) : '', files });
  const size = pageBytes(render(model(listed)));
  return {
    size,
    fill(entries, done, memory, early, reuse) {
      // `done` holds the digests of the entries before the page, in their order.
      const digests: string[] = [];
      const files = entries.filter((e, i) => {
        if (e.rel === undefined && e.name === INDEX_PAGE) return false;
        const mem = memory.get(e.name);
        digests.push(done[i] ?? early.get(e.name) ?? (mem ? digestOf(mem) : ''));
        return true;
      });
      return filledPieces(render(model(files)), digests, size, reuse);
    },
  };
}
