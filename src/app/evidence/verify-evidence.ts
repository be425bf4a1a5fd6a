import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { parseTagFile } from '../../core/evidence/bagit.js';
import { judgeBag, printable, type BagProblem } from '../../core/evidence/bag-verify.js';
import { pathKind } from '../../io/evidence/evidence-folder.js';
import { readDirBag, readZipBag } from '../../io/evidence/bag-source.js';

export interface VerifyResult {
  ok: boolean;
  target: string;
  kind: 'zip' | 'dir';
  base: string;
  payload: { files: number; bytes: number };
  info: Record<string, string>;
  /** Paths and details with control characters escaped: safe to print. */
  problems: BagProblem[];
}

function uniquePrintable(problems: readonly BagProblem[]): BagProblem[] {
  const seen = new Set<string>();
  const out: BagProblem[] = [];
  for (const p of problems) {
    const k = `${p.code}\0${p.path}\0${p.detail ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ ...p, path: printable(p.path), ...(p.detail === undefined ? {} : { detail: printable(p.detail) }) });
  }
  return out;
}

/** Validates a bag (zip or folder) against RFC 8493 and the hostile-archive rules; exit 2 when it is no bag at all. */
export async function verifyBag(o: { target: string; cwd: string; signal?: AbortSignal }): Promise<VerifyResult> {
  const abs = path.resolve(o.cwd, o.target);
  const kind = await pathKind(abs);
  if (kind === 'missing') throw new DvcError('fs.notFound', { path: o.target }, ExitCode.Usage);
  const read = kind === 'dir' ? await readDirBag(abs, o.signal) : await readZipBag(abs, o.signal);
  const problems = uniquePrintable([...read.problems, ...judgeBag(read.findings)]);
  const payload = read.findings.files.filter((f) => f.path.startsWith('data/'));
  const info = Object.fromEntries(
    parseTagFile(read.findings.tagTexts.get('bag-info.txt') ?? '').map(([k, v]) => [printable(k), printable(v)]),
  );
  return {
    ok: problems.length === 0,
    target: printable(o.target),
    kind: read.kind,
    base: printable(read.base),
    payload: { files: payload.length, bytes: payload.reduce((n, f) => n + f.size, 0) },
    info,
    problems,
  };
}
