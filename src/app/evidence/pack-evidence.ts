import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { t } from '../../i18n/i18n.js';
import { GUIDE_FILE, META_FILE, isSystemFile } from '../../core/evidence/checklist.js';
import { missingRequestFields, type CheckOutcome } from '../../core/evidence/check-rules.js';
import { BAGIT_TXT, bagInfoText, manifestText, type ManifestEntry } from '../../core/evidence/bagit.js';
import { REQUEST_FILE, bagInfoFields, fixedTimestamp, planPayload } from '../../core/evidence/bag-plan.js';
import { metaYaml } from '../../core/evidence/init-files.js';
import { findPersonalNumbers, redactPersonalNumbers } from '../../core/evidence/personal-data.js';
import { buildRequest, redactRequest, renderRequestText } from '../../core/evidence/request-text.js';
import type { RequestKind } from '../../core/evidence/evidence-types.js';
import { openAtomicStream } from '../../io/atomic-write.js';
import { ZipWriter, methodFor } from '../../io/zip/zip-writer.js';
import { runEvidenceCheck } from './check-evidence.js';
import { ReadAhead } from '../../io/evidence/read-ahead.js';
import { INDEX_PAGE, fillHashes, indexModel, joinRel, sha256File, type IndexPageRenderer } from './index-page.js';
import { compareUtf8 } from '../../core/evidence/bagit.js';
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
}

export interface PackResult {
  ok: boolean;
  /** The check failed and --allow-incomplete was not given: nothing was written. */
  refused: boolean;
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

const CHUNK = 1 << 20;

export async function packEvidence(o: PackOptions): Promise<PackResult> {
  const cwd = o.cwd ?? process.cwd();
  const out = path.resolve(cwd, o.out);
  const run = await runEvidenceCheck({ ...o, dir: o.dir, kind: o.kind });
  const { dir, outcome, files } = run;
  const missing = missingRequestFields(o.kind, run.meta);
  if (missing.length > 0 && !o.allowIncomplete)
    throw new DvcError('evidence.missingFields', { fields: missing.join(', '), kind: o.kind }, ExitCode.Usage);
  if (!outcome.ok && !o.allowIncomplete) return { ok: false, refused: true, check: outcome, gaps: [] };

  const rel = path.relative(dir, out);
  if (!rel.startsWith('..') && !path.isAbsolute(rel))
    throw new DvcError('evidence.pack.outInside', { out: o.out, dir: o.dir }, ExitCode.Usage);
  const stem = path.basename(out).replace(/\.zip$/i, '');
  if (findPersonalNumbers(stem).length > 0)
    throw new DvcError('evidence.personalInOutName', { name: path.basename(out) }, ExitCode.Usage);

  const meta = run.meta ?? run.setup.defaults;
  const gaps = [
    ...missing.map((f) => t('vi', 'evidence.item.metaMissing', { field: f })),
    ...outcome.items
      .filter((i) => !i.ok && i.severity === 'error')
      .map((i) => `${i.id}: ${t('vi', i.message.key, i.message.params)}`),
  ];
  const usable = files.filter(
    (f) => !isSystemFile(f.rel) && !f.notRegular && f.rel !== GUIDE_FILE && f.rel !== META_FILE,
  );
  const mask = (s: string) => (o.redact ? redactPersonalNumbers(s) : s);
  const shownMeta = o.redact
    ? { ...meta, contactPhone: meta.contactPhone && mask(meta.contactPhone), dossierCode: meta.dossierCode }
    : meta;
  const yamlText = Buffer.from(o.redact ? mask(metaYaml(meta)) : metaYaml(meta), 'utf8');

  // The request lists what the bag carries; its own size enters the plan, so the list is built before it.
  const provisional = planPayload(usable, [
    { name: META_FILE, size: yamlText.length },
    { name: REQUEST_FILE, size: 0 },
  ]);
  if (provisional.collisions.length > 0)
    throw new DvcError('evidence.pack.nameCollision', { names: provisional.collisions.join('; ') }, ExitCode.Usage);
  let fields = buildRequest(
    o.kind,
    meta,
    provisional.entries.map((e) => e.bagPath.slice('data/'.length)),
    run.setup.titles,
  );
  if (o.redact) fields = redactRequest(fields);
  const requestText = Buffer.from(renderRequestText(fields), 'utf8');
  const generated = new Map<string, Buffer>([
    [META_FILE, yamlText],
    [REQUEST_FILE, requestText],
  ]);
  const newest = usable.reduce((m, f) => Math.max(m, f.mtimeMs), 315532800000);
  const stamp = fixedTimestamp(o.sourceDateEpoch, meta, newest);
  const page = o.indexPage
    ? indexPagePlan(o.indexPage, usable, generated, {
        title: fields.title,
        requestText: requestText.toString('utf8'),
        items: outcome.items,
        meta,
        bagDateMs: stamp.ms,
      })
    : undefined;
  if (page) generated.set(INDEX_PAGE, page.draft);
  const { entries } = planPayload(
    usable,
    [...generated].map(([name, b]) => ({ name, size: b.length })),
  );
  // Files sorted after the page are hashed first (rare: top-level files), so the page can list every hash.
  const early = new Map<string, string>();
  if (page) {
    for (const e of entries) {
      if (e.rel !== undefined && compareUtf8(e.bagPath, `data/${INDEX_PAGE}`) > 0)
        early.set(e.bagPath, await sha256File(joinRel(dir, e.rel)));
    }
  }

  const payloadBytes = entries.reduce((n, e) => n + e.size, 0);
  const bagInfo = Buffer.from(
    bagInfoText(
      bagInfoFields({
        meta: shownMeta,
        kind: o.kind,
        requestTitle: fields.title,
        baggingDateMs: stamp.ms,
        payloadBytes,
        payloadFiles: entries.length,
        version: o.version,
        gaps: gaps.map(mask),
      }),
    ),
    'utf8',
  );
  const bagit = Buffer.from(BAGIT_TXT, 'utf8');

  const sink = await openAtomicStream(out, { force: o.force, inputs: [dir] });
  const zip = new ZipWriter(sink.stream, { forceZip64: o.forceZip64 });
  const base = `${stem}/`;
  const mtimeMs = stamp.ms;
  const tagDigests: ManifestEntry[] = [];
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const addTag = async (name: string, b: Buffer) => {
    await zip.addEntry(base + name, [b], { method: methodFor(name, b.length), mtimeMs, expectedSize: b.length });
    tagDigests.push({ path: name, digest: sha(b) });
  };
  try {
    await addTag('bag-info.txt', bagInfo);
    await addTag('bagit.txt', bagit);
    const manifest: ManifestEntry[] = [];
    const ahead = new ReadAhead(
      entries.map((e) => (e.rel === undefined ? undefined : { path: joinRel(dir, e.rel), size: e.size })),
      { window: 16, maxSize: 4 * CHUNK },
    );
    for (const [i, e] of entries.entries()) {
      const h = createHash('sha256');
      const name = e.bagPath.slice('data/'.length);
      if (page && name === INDEX_PAGE) generated.set(INDEX_PAGE, page.fill(manifest, generated, early));
      const mem = e.rel === undefined ? generated.get(name) : await ahead.take(i);
      const source = mem ? [mem] : createReadStream(joinRel(dir, e.rel ?? ''), { highWaterMark: 4 * CHUNK });
      const totals = await zip.addEntry(base + e.bagPath, source as AsyncIterable<Buffer>, {
        method: methodFor(e.bagPath, e.size),
        mtimeMs,
        expectedSize: e.size,
        onData: (c) => h.update(c),
      });
      if (totals.size !== e.size)
        throw new DvcError('evidence.pack.fileChanged', { file: e.rel ?? name }, ExitCode.Usage);
      manifest.push({ path: e.bagPath, digest: h.digest('hex') });
    }
    await addTag('manifest-sha256.txt', Buffer.from(manifestText(manifest), 'utf8'));
    const tagText = Buffer.from(manifestText(tagDigests), 'utf8');
    await zip.addEntry(base + 'tagmanifest-sha256.txt', [tagText], {
      method: methodFor('x.txt', tagText.length),
      mtimeMs,
      expectedSize: tagText.length,
    });
    const summary = await zip.finish();
    sink.stream.end();
    const bundle = await sink.commit();
    return {
      ok: outcome.ok,
      refused: false,
      check: outcome,
      bundle,
      sha256: summary.sha256,
      bytes: summary.bytes,
      payloadFiles: entries.length,
      payloadBytes,
      timestamp: new Date(stamp.ms).toISOString(),
      timestampFrom: stamp.from,
      gaps,
    };
  } catch (e) {
    await sink.abort();
    if (e instanceof DvcError) throw e;
    throw new DvcError('fs.cannotWrite', { path: o.out, reason: (e as Error).message }, ExitCode.Usage, { cause: e });
  }
}

interface PagePlan {
  /** The page with a placeholder per hash: the real page has exactly its size. */
  draft: Buffer;
  fill(
    done: readonly ManifestEntry[],
    generated: ReadonlyMap<string, Buffer>,
    early: ReadonlyMap<string, string>,
  ): Buffer;
}

function indexPagePlan(
  render: IndexPageRenderer,
  usable: ReadonlyArray<{ rel: string; size: number }>,
  generated: ReadonlyMap<string, Buffer>,
  o: {
    title: string;
    requestText: string;
    items: CheckOutcome['items'];
    meta: Parameters<typeof indexModel>[0]['meta'];
    bagDateMs: number;
  },
): PagePlan {
  const listed = planPayload(
    usable,
    [...generated].map(([name, b]) => ({ name, size: b.length })),
  ).entries;
  const html = render(indexModel({ ...o, files: listed }));
  return {
    draft: Buffer.from(html, 'utf8'),
    fill(done, gen, early) {
      const byPath = new Map(done.map((m) => [m.path, m.digest]));
      const digests = listed.map((f) => {
        const mem = f.rel === undefined ? gen.get(f.bagPath.slice('data/'.length)) : undefined;
        return (
          byPath.get(f.bagPath) ?? early.get(f.bagPath) ?? (mem ? createHash('sha256').update(mem).digest('hex') : '')
        );
      });
      return fillHashes(html, digests);
    },
  };
}
