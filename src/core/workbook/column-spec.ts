/** `--std-cols` / `--tax-cols`: "code=F,name=E,province=B,district=D" (letters or 1-based numbers). */
import { DvcError, ExitCode } from '../../errors.js';
import { columnIndex } from './cell.js';
import type { ColumnField } from './column-synonyms.js';

/**
 * A field named in a column spec. `province` and `district` say "the province (district) column" without
 * saying code or name; detectHeader decides from the column's content (digits → code).
 */
export type SpecField = ColumnField | 'province' | 'district';

export interface ColumnSpec {
  /** 0-based column index per field. */
  columns: Partial<Record<SpecField, number>>;
  /** 1-based header row, when the spec says `header=3`. */
  headerRow?: number;
}

const KEYS: Readonly<Record<string, SpecField | 'header'>> = {
  code: 'code',
  name: 'name',
  level: 'level',
  target: 'target',
  province: 'province',
  district: 'district',
  provincecode: 'provinceCode',
  provincename: 'provinceName',
  districtcode: 'districtCode',
  districtname: 'districtName',
  gsoprovincecode: 'gsoProvinceCode',
  gsoprovince: 'gsoProvinceCode',
  header: 'header',
};

const MAX_COLUMN = 16384;

function bad(spec: string, part: string, reason: string): DvcError {
  return new DvcError(
    `excel.colSpec.${reason}`,
    {
      spec,
      part,
      keys: 'code, name, province, district, provinceCode, provinceName, districtCode, districtName, level, target, header',
    },
    ExitCode.Usage,
  );
}

export function parseColumnSpec(spec: string): ColumnSpec {
  const out: ColumnSpec = { columns: {} };
  const parts = spec
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw bad(spec, spec, 'empty');
  const used = new Map<number, string>();
  for (const part of parts) {
    const m = /^([A-Za-z_-]+)\s*[=:]\s*(\S+)$/.exec(part);
    if (!m) throw bad(spec, part, 'form');
    const key = KEYS[m[1].replace(/[_-]/g, '').toLowerCase()];
    if (!key) throw bad(spec, part, 'key');
    const value = m[2];
    if (key === 'header') {
      if (!/^\d+$/.test(value) || Number(value) < 1) throw bad(spec, part, 'row');
      out.headerRow = Number(value);
      continue;
    }
    const idx = /^\d+$/.test(value) ? Number(value) - 1 : columnIndex(value);
    if (idx < 0 || idx >= MAX_COLUMN) throw bad(spec, part, 'column');
    if (out.columns[key] !== undefined) throw bad(spec, part, 'twice');
    const prior = used.get(idx);
    if (prior) throw bad(spec, part, 'sameColumn');
    used.set(idx, part);
    out.columns[key] = idx;
  }
  return out;
}
