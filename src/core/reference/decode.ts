/**
 * Decoding of the compact shipped format (see docs/reference-data.md): provinces, districts and communes as
 * tuples that refer to each other by index. A malformed file is an internal error: the data ships with dvc.
 */
import { DvcError, ExitCode } from '../../errors.js';
import { noteIsWhole } from './conversion-links.js';
import {
  EDITIONS,
  type ConversionLink,
  type ConversionLinks,
  type Edition,
  type MergeTable,
  type MergeTarget,
  type RefDistrict,
  type RefProvince,
  type RefUnit,
  type ReferenceList,
  type UnitLevel,
} from './reference-types.js';

const LEVELS: readonly UnitLevel[] = ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'];

function corrupt(what: string, detail: string): never {
  throw new DvcError('reference.corrupt', { what, detail }, ExitCode.Internal);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function tuples(v: unknown, what: string, field: string): unknown[][] {
  if (!Array.isArray(v) || !v.every((t) => Array.isArray(t))) corrupt(what, `${field} is not an array of tuples`);
  return v as unknown[][];
}

// `field` and `row` name the place only when something is wrong: building the text for every row of a
// 10,000-row list would cost more than the decoding itself.
function str(v: unknown, what: string, field: string, row = -1): string {
  if (typeof v !== 'string') corrupt(what, `${field}${row >= 0 ? `[${row}]` : ''}: expected a string`);
  return v;
}

function index(v: unknown, length: number, what: string, field: string, row: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= length)
    corrupt(what, `${field}[${row}]: bad index ${String(v)}`);
  return v;
}

/** Decodes one edition's compact JSON (already parsed) into units with their province and district names. */
export function decodeReferenceList(json: unknown, expected?: Edition): ReferenceList {
  const what = expected ?? 'reference list';
  if (!isRecord(json) || json.format !== 1) corrupt(what, 'unknown format');
  const edition = json.edition as Edition;
  if (!EDITIONS.includes(edition)) corrupt(what, `unknown edition ${String(json.edition)}`);
  if (expected && edition !== expected) corrupt(what, `holds ${edition}`);
  if (!Array.isArray(json.levels)) corrupt(what, 'levels is not an array');
  const levels = (json.levels as unknown[]).map((l, i) => {
    if (!LEVELS.includes(l as UnitLevel)) corrupt(what, `levels[${i}]: unknown level ${String(l)}`);
    return l as UnitLevel;
  });
  const provinces: RefProvince[] = tuples(json.provinces, what, 'provinces').map((t, i) => ({
    code: str(t[0], what, 'provinces', i),
    name: str(t[1], what, 'provinces', i),
  }));
  const districts: RefDistrict[] = tuples(json.districts, what, 'districts').map((t, i) => ({
    code: str(t[0], what, 'districts', i),
    name: str(t[1], what, 'districts', i),
    provinceCode: provinces[index(t[2], provinces.length, what, 'districts', i)].code,
  }));
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const hasDistricts = districts.length > 0;
  const units: RefUnit[] = tuples(json.communes, what, 'communes').map((t, i) => {
    const code = str(t[0], what, 'communes', i);
    const name = str(t[1], what, 'communes', i);
    const level = levels[index(t[2], levels.length, what, 'communes', i)];
    if (!hasDistricts) {
      const p = provinces[index(t[3], provinces.length, what, 'communes', i)];
      return { provinceCode: p.code, provinceName: p.name, code, name, level };
    }
    const d = districts[index(t[3], districts.length, what, 'communes', i)];
    const p = provinceByCode.get(d.provinceCode)!;
    return {
      provinceCode: p.code,
      provinceName: p.name,
      districtCode: d.code,
      districtName: d.name,
      code,
      name,
      level,
    };
  });
  return {
    edition,
    effective: str(json.effective, what, 'effective'),
    source: str(json.source, what, 'source'),
    provinces,
    districts,
    units,
  };
}

/** Decodes the compact merge table: `newUnits` [code, name, province code], `rows` [old code, old name, new index, 0 full | 1 partial]. */
export function decodeMergeTable(json: unknown): MergeTable {
  const what = 'merge table';
  if (!isRecord(json) || json.format !== 1) corrupt(what, 'unknown format');
  const newUnits = tuples(json.newUnits, what, 'newUnits').map((t, i) => ({
    code: str(t[0], what, 'newUnits', i),
    name: str(t[1], what, 'newUnits', i),
    provinceCode: str(t[2], what, 'newUnits', i),
  }));
  const byOldCode = new Map<string, { oldName: string; targets: MergeTarget[] }>();
  const rows = tuples(json.rows, what, 'rows');
  rows.forEach((t, i) => {
    const oldCode = str(t[0], what, 'rows', i);
    const oldName = str(t[1], what, 'rows', i);
    const target = newUnits[index(t[2], newUnits.length, what, 'rows', i)];
    const type = t[3] === 0 ? 'full' : t[3] === 1 ? 'partial' : corrupt(what, `rows[${i}]: bad merge type`);
    const item: MergeTarget = { code: target.code, name: target.name, provinceCode: target.provinceCode, type };
    const entry = byOldCode.get(oldCode);
    if (entry) entry.targets.push(item);
    else byOldCode.set(oldCode, { oldName, targets: [item] });
  });
  return { source: str(json.source, what, 'source'), byOldCode, size: rows.length };
}

/** Decodes the official conversion links: `notes` [note text], `rows` [old code, new code, note index]. */
export function decodeConversionLinks(json: unknown): ConversionLinks {
  const what = 'conversion links';
  if (!isRecord(json) || json.format !== 1) corrupt(what, 'unknown format');
  if (!Array.isArray(json.notes)) corrupt(what, 'notes is not an array');
  const notes = (json.notes as unknown[]).map((n, i) => {
    const note = str(n, what, 'notes', i);
    return { note, whole: noteIsWhole(note) };
  });
  const byOldCode = new Map<string, ConversionLink[]>();
  const rows = tuples(json.rows, what, 'rows');
  rows.forEach((t, i) => {
    const oldCode = str(t[0], what, 'rows', i);
    const link = { code: str(t[1], what, 'rows', i), ...notes[index(t[2], notes.length, what, 'rows', i)] };
    const links = byOldCode.get(oldCode);
    if (links) links.push(link);
    else byOldCode.set(oldCode, [link]);
  });
  return { source: str(json.source, what, 'source'), byOldCode, size: rows.length };
}
