/**
 * The edition check's indexes of the three shipped lists, shipped themselves (data/edition-index.json.gz, made by
 * scripts/build-edition-index.mjs from the shipped lists): building them in a run folds ~24,000 names, the largest
 * cost of the check. Per edition: each folded name once with the provinces that hold it, and each code with the
 * position of its folded name. A malformed file is an internal error: the data ships with dvc.
 */
import { DvcError, ExitCode } from '../../errors.js';
import type { EditionIndex } from './detect-edition.js';
import { EDITIONS, type Edition } from './reference-types.js';

export const EDITION_INDEX_FORMAT = 1;

interface EditionIndexJson {
  edition: Edition;
  effective: string;
  names: string[];
  provinces: string[][];
  codes: string[];
  codeNames: number[];
}

/** The indexes as the shipped file holds them (JSON-ready). */
export function encodeEditionIndexes(indexes: readonly EditionIndex[]): {
  format: number;
  editions: EditionIndexJson[];
} {
  return {
    format: EDITION_INDEX_FORMAT,
    editions: indexes.map((i) => {
      const names = [...i.byName.keys()];
      const at = new Map(names.map((n, k) => [n, k]));
      return {
        edition: i.edition,
        effective: i.effective,
        names,
        provinces: names.map((n) => [...i.byName.get(n)!]),
        codes: [...i.byCode.keys()],
        codeNames: [...i.byCode.values()].map((n) => at.get(n)!),
      };
    }),
  };
}

function corrupt(detail: string): never {
  throw new DvcError('reference.corrupt', { what: 'edition index', detail }, ExitCode.Internal);
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The indexes of the shipped file (already parsed), one per edition, in the order of EDITIONS. */
export function decodeEditionIndexes(json: unknown): EditionIndex[] {
  const file = json as { format?: unknown; editions?: unknown };
  if (typeof json !== 'object' || json === null || file.format !== EDITION_INDEX_FORMAT) corrupt('unknown format');
  if (!Array.isArray(file.editions)) corrupt('editions is not an array');
  const out = (file.editions as unknown[]).map(decodeOne);
  const editions = out.map((i) => i.edition);
  if (editions.length !== EDITIONS.length || EDITIONS.some((e, k) => editions[k] !== e))
    corrupt(`editions ${editions.join(', ')} instead of ${EDITIONS.join(', ')}`);
  return out;
}

function decodeOne(v: unknown, k: number): EditionIndex {
  const e = v as Partial<EditionIndexJson>;
  const where = `editions[${k}]`;
  if (typeof v !== 'object' || v === null) corrupt(`${where} is not an object`);
  if (!EDITIONS.includes(e.edition as Edition)) corrupt(`${where}: unknown edition ${String(e.edition)}`);
  if (typeof e.effective !== 'string') corrupt(`${where}: effective is not a string`);
  const { names, provinces, codes, codeNames } = e;
  if (!isStringArray(names) || !isStringArray(codes)) corrupt(`${where}: names or codes is not a list of strings`);
  if (!Array.isArray(provinces) || provinces.length !== names.length)
    corrupt(`${where}: provinces does not match names`);
  if (!Array.isArray(codeNames) || codeNames.length !== codes.length)
    corrupt(`${where}: codeNames does not match codes`);
  const byName = namesOf(names, provinces as unknown[], where);
  const byCode = codesOf(codes, codeNames as unknown[], names, where);
  return { edition: e.edition as Edition, effective: e.effective, byName, byCode };
}

function namesOf(names: string[], provinces: unknown[], where: string): Map<string, readonly string[]> {
  const byName = new Map<string, readonly string[]>();
  for (let i = 0; i < names.length; i++) {
    const p = provinces[i];
    if (!isStringArray(p) || p.length === 0) corrupt(`${where}: provinces[${i}] is not a list of province codes`);
    byName.set(names[i], p);
  }
  if (byName.size !== names.length) corrupt(`${where}: a name twice`);
  return byName;
}

function codesOf(codes: string[], codeNames: unknown[], names: string[], where: string): Map<string, string> {
  const byCode = new Map<string, string>();
  for (let i = 0; i < codes.length; i++) {
    const n = codeNames[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= names.length)
      corrupt(`${where}: codeNames[${i}]: bad index ${String(n)}`);
    byCode.set(codes[i], names[n]);
  }
  if (byCode.size !== codes.length) corrupt(`${where}: a code twice`);
  return byCode;
}
