/**
 * The edition check of `dvc map-communes`: which list each sheet holds, province by province, judged against
 * the shipped lists; a 2004-coded sheet against a 2025 one is never matched by name without the officer's say.
 */
import { DvcError, ExitCode } from '../../errors.js';
import type { MatchResult, ProvincePair, UnitRow } from '../../core/communes/communes.js';
import { provinceKeyOf, provinceRefOf, refKey } from '../../core/communes/pair-units.js';
import { detectEdition, editionsMismatch, type EditionIndex } from '../../core/reference/reference.js';
import { editionParams } from '../../core/reference/edition-params.js';
import type { SheetEdition } from '../../core/reference/reference.js';
import type { MapCommunesTexts } from './map-communes-texts.js';

/** One province of the run: the edition of its standard rows and of its tax rows. */
export interface EditionReport {
  province: string;
  taxProvince?: string;
  std: SheetEdition;
  tax?: SheetEdition;
  mismatch: boolean;
}

/** The shipped indexes of the three lists (read once per process: io/reference-data caches them). */
async function editionIndexes(): Promise<EditionIndex[]> {
  const { loadEditionIndexes } = await import('../../io/reference-data.js');
  return loadEditionIndexes();
}

function groupRows(rows: readonly UnitRow[]): Map<string, UnitRow[]> {
  const m = new Map<string, UnitRow[]>();
  for (const r of rows) {
    const k = provinceKeyOf(r);
    const list = m.get(k) ?? [];
    list.push(r);
    m.set(k, list);
  }
  return m;
}

/**
 * The edition of each paired province on both sheets, and of each standard province that paired with nothing.
 * `leftOut`: pairs the run does not match (`--province` chose others): not reported, and not taken for provinces
 * missing from the tax sheet.
 */
export async function checkEditions(
  std: readonly UnitRow[],
  tax: readonly UnitRow[],
  pairs: readonly ProvincePair[],
  leftOut: readonly ProvincePair[] = [],
): Promise<EditionReport[]> {
  const idx = await editionIndexes();
  const stdGroups = groupRows(std);
  const taxGroups = groupRows(tax);
  const out: EditionReport[] = [];
  const seen = new Set<string>(leftOut.map((p) => refKey(p.std)));
  for (const pair of pairs) {
    seen.add(refKey(pair.std));
    const s = detectEdition(stdGroups.get(refKey(pair.std)) ?? [], idx);
    const x = detectEdition(taxGroups.get(refKey(pair.tax)) ?? [], idx);
    out.push({
      province: pair.std.name,
      taxProvince: pair.tax.name,
      std: s,
      tax: x,
      mismatch: editionsMismatch(s, x),
    });
  }
  // A 2004-coded province missing from a 2025 tax sheet was merged into another province: a mismatch too.
  const taxIs2025 = out.some((e) => e.tax?.kind === 'gso-2025');
  return out.concat(unpairedReports(stdGroups, seen, idx, taxIs2025));
}

function unpairedReports(
  groups: Map<string, UnitRow[]>,
  seen: ReadonlySet<string>,
  idx: readonly EditionIndex[],
  taxIs2025: boolean,
): EditionReport[] {
  const out: EditionReport[] = [];
  for (const [key, rows] of groups) {
    if (seen.has(key)) continue;
    const province = provinceRefOf(rows[0]).name;
    const s = detectEdition(rows, idx);
    const mismatch = taxIs2025 && s.kind === 'gso-2004';
    out.push({ province, std: s, mismatch });
  }
  return out;
}

/** Stops the run on a mismatch unless the officer chose a way through (merge table, or proceed anyway). */
export function refuseMismatch(
  editions: readonly EditionReport[],
  o: { viaMerges?: boolean; allowMixedEditions?: boolean; texts: MapCommunesTexts },
): void {
  const bad = editions.filter((e) => e.mismatch);
  if (bad.length === 0 || o.viaMerges || o.allowMixedEditions) return;
  throw new DvcError('mc.err.editionMismatch', { found: o.texts.editionLines(bad) }, ExitCode.Usage);
}

/** A pair of sheets of different editions: the reason that marks every fill made across them. */
export function crossEditionReason(e: EditionReport): {
  code: 'cross_edition';
  params: Record<string, string | number>;
} {
  return { code: 'cross_edition', params: { ...editionParams('std', e.std), ...editionParams('tax', e.tax) } };
}

/** --allow-mixed-editions: every code filled in a province whose sheets differ in edition carries the mark. */
export function markCrossEditionFills(
  match: MatchResult,
  editions: readonly EditionReport[],
  notes: { key: string; params: Record<string, string | number> }[],
): void {
  let count = 0;
  match.provinces.forEach((summary, province) => {
    const e = editions.find((x) => x.mismatch && x.province === summary.pair.std.name);
    if (!e) return;
    for (const row of match.rows) {
      if (row.province !== province || row.taxCode === undefined) continue;
      row.reasons.push(crossEditionReason(e));
      count++;
    }
  });
  if (count > 0) notes.push({ key: 'mc.note.crossEdition', params: { count } });
}
