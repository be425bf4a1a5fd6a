/**
 * Decisions for communes that this run leaves out (`--province` chose other provinces): checked like every other
 * decision, not applied (the commune is not matched in this run), and carried unchanged to the review sheet of the
 * output, so a round on one province never loses the decisions already taken for the others.
 */
import type { UnitRow } from '../../core/communes/communes.js';
import { restoreCodeZeros } from '../../core/text/text.js';
import type { DecisionEntry } from '../../io/decisions-file.js';
import type { ReportRow } from './map-communes-result.js';

export function carriedDecisions(o: {
  decisions: readonly DecisionEntry[];
  /** Codes of the communes this run matched. */
  matched: ReadonlySet<string>;
  std: readonly UnitRow[];
  tax: readonly UnitRow[];
  stdLabel: string;
}): ReportRow[] {
  const stdCode = (code: string) => restoreCodeZeros(code, 'commune', 'gso').code;
  const taxCode = (code: string) => restoreCodeZeros(code, 'commune', 'tms').code;
  const stdByCode = new Map(o.std.map((u) => [stdCode(u.code), u]));
  const taxByCode = new Map(o.tax.map((u) => [taxCode(u.code), u]));
  const out = new Map<string, ReportRow>();
  for (const d of o.decisions) {
    const code = stdCode(d.stdCode);
    const unit = stdByCode.get(code);
    if (o.matched.has(code) || !unit) continue;
    const tax = d.taxCode === null ? undefined : taxByCode.get(taxCode(d.taxCode));
    out.set(code, {
      sheet: o.stdLabel,
      rowNumber: unit.rowNumber,
      ...(unit.provinceCode ? { provinceCode: unit.provinceCode } : {}),
      ...(unit.provinceName ? { provinceName: unit.provinceName } : {}),
      ...(unit.districtName ? { districtName: unit.districtName } : {}),
      code,
      name: unit.name,
      status: 'decided',
      method: 'decision',
      reasons: [{ code: 'decided_by_officer', params: d.note ? { note: d.note } : {} }, { code: 'decision_carried' }],
      ...(d.taxCode === null ? {} : { taxCode: tax ? taxCode(tax.code) : taxCode(d.taxCode) }),
      ...(tax ? { taxName: tax.name } : {}),
      candidates: [],
      duplicateName: false,
    });
  }
  return [...out.values()];
}
