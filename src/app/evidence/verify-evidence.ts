import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { parseTagFile } from '../../core/evidence/bagit.js';
import { judgeBag, type BagProblem } from '../../core/evidence/bag-verify.js';
import { readDirBag, readZipBag } from '../../io/evidence/bag-source.js';

export interface VerifyResult {
  ok: boolean;
  target: string;
  kind: 'zip' | 'dir';
  base: string;
  payload: { files: number; bytes: number };
  info: Record<string, string>;
  problems: BagProblem[];
}

/** Validates a bag (zip or folder) against RFC 8493 and the hostile-archive rules; exit 2 when it is no bag at all. */
export async function verifyBag(o: { target: string; cwd?: string }): Promise<VerifyResult> {
  const abs = path.resolve(o.cwd ?? process.cwd(), o.target);
  const st = await lstat(abs).catch(() => null);
  if (!st) throw new DvcError('fs.notFound', { path: o.target }, ExitCode.Usage);
  const read = st.isDirectory() ? await readDirBag(abs) : await readZipBag(abs);
  const seen = new Set<string>();
  const problems = [...read.problems, ...judgeBag(read.findings)].filter((p) => {
    const k = `${p.code}\0${p.path}\0${p.detail ?? ''}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const payload = read.findings.files.filter((f) => f.path.startsWith('data/'));
  const info = Object.fromEntries(parseTagFile(read.findings.tagTexts.get('bag-info.txt') ?? ''));
  return {
    ok: problems.length === 0,
    target: o.target,
    kind: read.kind,
    base: read.base,
    payload: { files: payload.length, bytes: payload.reduce((n, f) => n + f.size, 0) },
    info,
    problems,
  };
}
