import { createHash } from 'node:crypto';
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { t } from '../../i18n/i18n.js';
import { GUIDE_FILE, META_FILE, isSystemFile } from '../../core/evidence/checklist.js';
import { checkEvidence, missingRequestFields, type CheckOutcome } from '../../core/evidence/check-rules.js';
import { procedureStatus, progressFromYaml } from '../../core/evidence/procedure.js';
import { statusLines } from '../../core/evidence/procedure-lines.js';
import { loadWorkCalendar } from '../../io/evidence/holidays-file.js';
import { BAGIT_TXT, bagInfoText, compareUtf8, manifestText, type ManifestEntry } from '../../core/evidence/bagit.js';
import {
  REQUEST_FILE,
  bagInfoFields,
  fixedTimestamp,
  planPayload,
  type PayloadSource,
} from '../../core/evidence/bag-plan.js';
import { metaYaml } from '../../core/evidence/init-files.js';
import { findPersonalNumbers } from '../../core/evidence/personal-data.js';
import { buildRequest, renderRequestText, scrubRequest } from '../../core/evidence/request-text.js';
import type { CheckItem, EvidenceMeta, RequestKind } from '../../core/evidence/evidence-types.js';
import { openAtomicStream, type AtomicStream } from '../../io/atomic-write.js';
import { METHOD_STORE, ZipWriter, methodFor } from '../../io/zip/zip-writer.js';
import { ChunkPool } from '../../io/evidence/chunk-pool.js';
import { FileChangedError, PayloadReader, type FileChunk } from '../../io/evidence/payload-reader.js';
import { inThreadSha256, workerSha256, type Sha256Hasher } from '../../io/evidence/sha256-hasher.js';
import { joinRel, sha256File, streamFile } from '../../io/evidence/payload-files.js';
import type { FolderFile } from '../../io/evidence/evidence-folder.js';
import { requiredApiTypes, runEvidenceCheck, type CheckRun } from './check-evidence.js';
import {
  INDEX_PAGE,
  fillHashes,
  indexModel,
  statusModel,
  type IndexPageModel,
  type IndexPageRenderer,
} from './index-page.js';
import { privacyFor, scrubItems, type Privacy } from './pack-privacy.js';
import type { SetupOptions } from './evidence-setup.js';

export interface PackOptions extends SetupOptions {
  dir: string;
  out: string;
  kind: RequestKind;
  allowIncomplete: boolean;
  force: boolean;
  redact: boolean;
  version: string;
  sourceDateEpoch?: string;
  /** Force zip64 records (tests of the zip64 path without a 4 GB file). */
  forceZip64?: boolean;
  /** Draws data/index.html, the page a reviewer opens first; without it the bag has no index page. */
  indexPage?: IndexPageRenderer;
  now?: number;
  /** Starts a SHA-256 hashing (tests inject a failing one); by default a worker thread for large bags. */
  startSha256?: (pool: ChunkPool) => Promise<Sha256Hasher>;
}

/**
 * Payload files are read into POOL_SLOTS reusable buffers of SLOT_BYTES (the bound on what pack holds of them).
 * From HASH_THREAD_MIN_BYTES of payload on, the two SHA-256 (each payload file, the bundle) run on two worker
 * threads beside the reading, the CRC-32 and the writing (docs/decisions.md).
 */
const POOL_SLOTS = 32;
const SLOT_BYTES = 512 * 1024;
const HASH_THREAD_MIN_BYTES = 8 * 1048576;

export interface PackResult {
  ok: boolean;
  /** The check failed and --allow-incomplete was not given: nothing was written. */
  refused: boolean;
  /** The check, its texts scrubbed like the bundle's (numbers hidden in names; everything with --redact). */
  check: CheckOutcome;
  bundle?: string;
  sha256?: string;
  bytes?: number;
  payloadFiles?: number;
  payloadBytes?: number;
  timestamp?: string;
  timestampFrom?: string;
  gaps: string[];
}

/** Everything decided before the first byte is written. */
interface BagPlan {
  dir: string;
  out: string;
  stem: string;
  entries: PayloadSource[];
  /** Texts dvc generates and payload files rewritten by --redact, by bag path. */
  memory: Map<string, Buffer>;
  page?: PagePlan;
  /** Hashes of files sorted after the index page, computed first so the page can list them. */
  early: Map<string, string>;
  bagInfo: Buffer;
  stampMs: number;
  stampFrom: string;
  payloadBytes: number;
}

export async function packEvidence(o: PackOptions): Promise<PackResult> {
  const out = path.resolve(o.cwd ?? process.cwd(), o.out);
  const run = await runEvidenceCheck({ ...o, dir: o.dir, kind: o.kind });
  const missing = missingRequestFields(o.kind, run.meta);
  if (missing.length > 0 && !o.allowIncomplete)
    throw new DvcError('evidence.missingFields', { fields: missing.join(', '), kind: o.kind }, ExitCode.Usage);
  const usable = usableFiles(run.files);
  const privacy = privacyFor(o.redact, usable, run.meta ?? run.setup.defaults);
  const check: CheckOutcome = { ...run.outcome, items: scrubItems(run.outcome.items, privacy.text) };
  if (!run.outcome.ok && !o.allowIncomplete) return { ok: false, refused: true, check, gaps: [] };
  assertOutput(out, o, run.dir);
  const gaps = [
    ...missing.map((f) => t('vi', 'evidence.item.metaMissing', { field: f })),
    ...check.items
      .filter((i) => !i.ok && i.severity === 'error')
      .map((i) => `${i.id}: ${t('vi', i.message.key, i.message.params)}`),
  ];
  const plan = await planBag(o, run, usable, privacy, { out, gaps, items: check.items });
  const written = await writeBag(o, plan);
  return {
    ok: run.outcome.ok,
    refused: false,
    check,
    ...written,
    payloadFiles: plan.entries.length,
    payloadBytes: plan.payloadBytes,
    gaps,
  };
}

function usableFiles(files: readonly FolderFile[]): FolderFile[] {
  return files.filter((f) => !isSystemFile(f.rel) && !f.notRegular && f.rel !== GUIDE_FILE && f.rel !== META_FILE);
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
function bagTexts(o: PackOptions, run: CheckRun, usable: readonly FolderFile[], privacy: Privacy): Texts {
  const meta = run.meta ?? run.setup.defaults;
  const yaml = Buffer.from(privacy.text(metaYaml(meta)), 'utf8');
  // The request lists what the bag carries; its own size enters the plan, so the list is built before it.
  const provisional = planPayload(
    usable,
    [
      { name: META_FILE, size: yaml.length },
      { name: REQUEST_FILE, size: 0 },
    ],
    privacy.name,
  );
  if (provisional.collisions.length > 0)
    throw new DvcError('evidence.pack.nameCollision', { names: provisional.collisions.join('; ') }, ExitCode.Usage);
  const fields = scrubRequest(
    buildRequest(
      o.kind,
      meta,
      provisional.entries.map((e) => e.bagPath.slice('data/'.length)),
      run.setup.titles,
    ),
    privacy.text,
  );
  return { yaml, title: fields.title, request: Buffer.from(renderRequestText(fields), 'utf8') };
}

async function planBag(
  o: PackOptions,
  run: CheckRun,
  usable: readonly FolderFile[],
  privacy: Privacy,
  x: { out: string; gaps: string[]; items: CheckItem[] },
): Promise<BagPlan> {
  const meta = run.meta ?? run.setup.defaults;
  const texts = bagTexts(o, run, usable, privacy);
  const generated = new Map<string, Buffer>([
    [META_FILE, texts.yaml],
    [REQUEST_FILE, texts.request],
  ]);
  const newest = usable.reduce((m, f) => Math.max(m, f.mtimeMs), 315532800000);
  const stamp = fixedTimestamp(o.sourceDateEpoch, meta, newest);
  const sized = usable.map((f) => ({ rel: f.rel, size: privacy.rewritten.get(f.rel)?.length ?? f.size }));
  const page = o.indexPage
    ? indexPagePlan(o.indexPage, sized, generated, privacy, {
        title: texts.title,
        requestText: texts.request.toString('utf8'),
        items: x.items,
        meta: scrubMeta(meta, privacy.text),
        bagDateMs: stamp.ms,
        status: await bagStatus(run, stamp.ms, privacy),
      })
    : undefined;
  if (page) generated.set(INDEX_PAGE, page.draft);
  const { entries } = planPayload(
    sized,
    [...generated].map(([name, b]) => ({ name, size: b.length })),
    privacy.name,
  );
  const memory = new Map<string, Buffer>([...generated].map(([name, b]) => [`data/${name}`, b]));
  for (const e of entries) {
    const b = e.rel === undefined ? undefined : privacy.rewritten.get(e.rel);
    if (b) memory.set(e.bagPath, b);
  }
  const early = page ? await hashAfterPage(run.dir, entries, memory) : new Map<string, string>();
  const payloadBytes = entries.reduce((n, e) => n + e.size, 0);
  const bagInfo = bagInfoBytes(o, meta, privacy, {
    title: texts.title,
    stampMs: stamp.ms,
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
async function bagStatus(run: CheckRun, now: number, privacy: Privacy): Promise<IndexPageModel['status']> {
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
  return statusModel(st.national, statusLines(st, meta.dst), privacy.text);
}

function scrubMeta(meta: EvidenceMeta, scrub: (s: string) => string): EvidenceMeta {
  const s = (v: string | undefined) => (v === undefined ? undefined : scrub(v));
  return { ...meta, unitName: s(meta.unitName), dst: s(meta.dst) };
}

/** Files sorted after the page are hashed first (rare: top-level files), so the page can list every hash. */
async function hashAfterPage(
  dir: string,
  entries: readonly PayloadSource[],
  memory: ReadonlyMap<string, Buffer>,
): Promise<Map<string, string>> {
  const early = new Map<string, string>();
  for (const e of entries) {
    if (e.rel === undefined || compareUtf8(e.bagPath, `data/${INDEX_PAGE}`) <= 0) continue;
    const mem = memory.get(e.bagPath);
    early.set(e.bagPath, mem ? sha256(mem) : await sha256File(joinRel(dir, e.rel)));
  }
  return early;
}

function bagInfoBytes(
  o: PackOptions,
  meta: EvidenceMeta,
  privacy: Privacy,
  x: { title: string; stampMs: number; payloadBytes: number; files: number; gaps: string[] },
): Buffer {
  const fields = bagInfoFields({
    meta,
    kind: o.kind,
    requestTitle: x.title,
    baggingDateMs: x.stampMs,
    payloadBytes: x.payloadBytes,
    payloadFiles: x.files,
    version: o.version,
    gaps: x.gaps,
  }).map(([k, v]) => [k, privacy.text(v)] as [string, string]);
  return Buffer.from(bagInfoText(fields), 'utf8');
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

async function startHasher(o: PackOptions, plan: BagPlan, pool: ChunkPool): Promise<Sha256Hasher> {
  if (o.startSha256) return o.startSha256(pool);
  return plan.payloadBytes >= HASH_THREAD_MIN_BYTES ? workerSha256(pool) : inThreadSha256();
}

/** The payload's and the bundle's hashers; every one that started is in `started` (to close), even on failure. */
async function startHashers(
  o: PackOptions,
  plan: BagPlan,
  pool: ChunkPool,
  started: Sha256Hasher[],
): Promise<[Sha256Hasher, Sha256Hasher]> {
  const both = await Promise.allSettled([startHasher(o, plan, pool), startHasher(o, plan, pool)]);
  for (const r of both) if (r.status === 'fulfilled') started.push(r.value);
  for (const r of both) if (r.status === 'rejected') throw r.reason;
  return [started[0]!, started[1]!];
}

async function writeBag(
  o: PackOptions,
  plan: BagPlan,
): Promise<Pick<PackResult, 'bundle' | 'sha256' | 'bytes' | 'timestamp' | 'timestampFrom'>> {
  const sink = await openAtomicStream(plan.out, { force: o.force, inputs: [plan.dir] });
  const pool = new ChunkPool(POOL_SLOTS, SLOT_BYTES);
  const hashers: Sha256Hasher[] = [];
  try {
    const [hasher, bundleHasher] = await startHashers(o, plan, pool, hashers);
    const zip = new ZipWriter(sink.stream, { forceZip64: o.forceZip64, hasher: bundleHasher });
    await writeEntries(zip, plan, { pool, hasher });
    bundleHasher.throwIfFailed();
    const summary = await zip.finish();
    sink.stream.end();
    const bundle = await sink.commit();
    return {
      bundle,
      sha256: summary.sha256,
      bytes: summary.bytes,
      timestamp: new Date(plan.stampMs).toISOString(),
      timestampFrom: plan.stampFrom,
    };
  } catch (e) {
    await abortQuietly(sink);
    throw e instanceof DvcError ? e : sink.error(e);
  } finally {
    await Promise.all(hashers.map((h) => h.close()));
  }
}

async function abortQuietly(sink: AtomicStream): Promise<void> {
  await sink.abort().catch(() => {});
}

interface PayloadIo {
  pool: ChunkPool;
  hasher: Sha256Hasher;
}

/** bag-info.txt and bagit.txt, the payload in byte order of names, then the manifests. */
async function writeEntries(zip: ZipWriter, plan: BagPlan, io: PayloadIo): Promise<void> {
  const base = `${plan.stem}/`;
  const mtimeMs = plan.stampMs;
  const tagDigests: ManifestEntry[] = [];
  const addTag = async (name: string, b: Buffer) => {
    await zip.addEntry(base + name, [b], { method: methodFor(name, b.length), mtimeMs, expectedSize: b.length });
    tagDigests.push({ path: name, digest: sha256(b) });
  };
  await addTag('bag-info.txt', plan.bagInfo);
  await addTag('bagit.txt', Buffer.from(BAGIT_TXT, 'utf8'));
  const manifest = await writePayload(zip, plan, base, io);
  await addTag('manifest-sha256.txt', Buffer.from(manifestText(manifest), 'utf8'));
  const tagText = Buffer.from(manifestText(tagDigests), 'utf8');
  await zip.addEntry(base + 'tagmanifest-sha256.txt', [tagText], {
    method: methodFor('x.txt', tagText.length),
    mtimeMs,
    expectedSize: tagText.length,
  });
}

/** Stored files on disk go through the pooled reader; texts to deflate and bytes in memory do not. */
function pooledFile(plan: BagPlan, e: PayloadSource): { path: string; size: number } | undefined {
  if (e.rel === undefined || plan.memory.has(e.bagPath) || methodFor(e.bagPath, e.size) !== METHOD_STORE)
    return undefined;
  return { path: joinRel(plan.dir, e.rel), size: e.size };
}

/** The digests of the entries written so far, in order; a failed hashing surfaces at the next entry. */
class PendingDigests {
  private readonly all: Promise<string>[] = [];

  add(p: Promise<string>): void {
    p.catch(() => {}); // awaited in settled(); a rejection must not go unhandled meanwhile
    this.all.push(p);
  }

  async settled(entries: readonly PayloadSource[]): Promise<ManifestEntry[]> {
    const hexes = await Promise.all(this.all);
    return hexes.map((digest, i) => ({ path: entries[i]!.bagPath, digest }));
  }
}

async function writePayload(zip: ZipWriter, plan: BagPlan, base: string, io: PayloadIo): Promise<ManifestEntry[]> {
  const pooled = plan.entries.map((e) => pooledFile(plan, e));
  const reader = new PayloadReader(pooled, io.pool);
  const digests = new PendingDigests();
  try {
    for (const [i, e] of plan.entries.entries()) {
      if (plan.page && e.bagPath === `data/${INDEX_PAGE}`)
        plan.memory.set(e.bagPath, plan.page.fill(await digests.settled(plan.entries), plan.memory, plan.early));
      const name = base + e.bagPath;
      const totals = pooled[i]
        ? await writePooled(zip, name, reader.chunks(i), { ...io, plan, size: e.size })
        : await writeUnpooled(zip, name, e, { ...io, plan });
      if (totals.size !== e.size) throw new FileChangedError(e.rel ?? e.bagPath);
      io.hasher.throwIfFailed();
      digests.add(io.hasher.digest());
    }
  } catch (err) {
    if (err instanceof FileChangedError)
      throw new DvcError('evidence.pack.fileChanged', { file: changedName(plan, err.file) }, ExitCode.Usage);
    throw err;
  } finally {
    await reader.close();
  }
  return digests.settled(plan.entries);
}

/** The folder-relative name of a file that changed, as the officer sees it. */
function changedName(plan: BagPlan, file: string): string {
  const e = plan.entries.find((x) => x.rel !== undefined && (x.rel === file || joinRel(plan.dir, x.rel) === file));
  return e?.rel ?? file;
}

/** A stored file: each pooled chunk is hashed and written as it is, its buffer reused once both are done. */
async function writePooled(
  zip: ZipWriter,
  name: string,
  chunks: AsyncIterable<FileChunk>,
  x: PayloadIo & { plan: BagPlan; size: number },
): Promise<{ size: number }> {
  const entry = await zip.beginStored(name, { mtimeMs: x.plan.stampMs, expectedSize: x.size });
  for await (const c of chunks) {
    try {
      x.hasher.throwIfFailed();
      x.hasher.update(c.bytes, c.slot);
      await entry.write(c.bytes, c.slot);
    } finally {
      c.slot.release();
    }
  }
  return entry.end();
}

/** Texts dvc generated, files rewritten by --redact, and files to deflate (streamed from disk). */
async function writeUnpooled(
  zip: ZipWriter,
  name: string,
  e: PayloadSource,
  x: PayloadIo & { plan: BagPlan },
): Promise<{ size: number }> {
  const mem = x.plan.memory.get(e.bagPath);
  return zip.addEntry(name, mem ? [mem] : streamFile(joinRel(x.plan.dir, e.rel ?? '')), {
    method: methodFor(e.bagPath, e.size),
    mtimeMs: x.plan.stampMs,
    expectedSize: e.size,
    onData: (c) => x.hasher.update(c),
  });
}

interface PagePlan {
  /** The page with a placeholder per hash: the real page has exactly its size. */
  draft: Buffer;
  fill(done: readonly ManifestEntry[], memory: ReadonlyMap<string, Buffer>, early: ReadonlyMap<string, string>): Buffer;
}

function indexPagePlan(
  render: IndexPageRenderer,
  usable: ReadonlyArray<{ rel: string; size: number }>,
  generated: ReadonlyMap<string, Buffer>,
  privacy: Privacy,
  o: {
    title: string;
    requestText: string;
    items: CheckItem[];
    meta: EvidenceMeta;
    bagDateMs: number;
    status?: IndexPageModel['status'];
  },
): PagePlan {
  const listed = planPayload(
    usable,
    [...generated].map(([name, b]) => ({ name, size: b.length })),
    privacy.name,
  ).entries;
  const html = render(indexModel({ ...o, files: listed }));
  return {
    draft: Buffer.from(html, 'utf8'),
    fill(done, memory, early) {
      const byPath = new Map(done.map((m) => [m.path, m.digest]));
      const digests = listed.map((f) => {
        const mem = memory.get(f.bagPath);
        return byPath.get(f.bagPath) ?? early.get(f.bagPath) ?? (mem ? sha256(mem) : '');
      });
      return fillHashes(html, digests);
    },
  };
}
