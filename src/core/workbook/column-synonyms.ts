/**
 * The one list of header texts that name each column of a commune sheet. Header cells are compared by
 * `headerKey`: NFC, diacritics folded (đ→d), lower case, and everything but letters and digits removed, so
 * "Tỉnh / Thành Phố", "TINH/THANH PHO" and "tinh  thanh pho" are the same header.
 */
import { foldDiacritics } from '../text/text.js';

export type ColumnField =
  | 'provinceCode'
  | 'provinceName'
  | 'districtCode'
  | 'districtName'
  | 'code'
  | 'name'
  | 'level'
  | 'gsoProvinceCode'
  | 'target';

export const COLUMN_FIELDS: readonly ColumnField[] = [
  'provinceCode',
  'provinceName',
  'districtCode',
  'districtName',
  'code',
  'name',
  'level',
  'gsoProvinceCode',
  'target',
];

/** Columns whose values are codes: a date or an error value there is refused. */
export const CODE_FIELDS: ReadonlySet<ColumnField> = new Set([
  'provinceCode',
  'districtCode',
  'code',
  'gsoProvinceCode',
]);

/** The header the tool writes into the target column, and the first synonym of `target`. */
export const TARGET_HEADER = 'Mã phường/xã CQT';

export const COLUMN_SYNONYMS: Readonly<Record<ColumnField, readonly string[]>> = {
  provinceCode: [
    'Mã TP',
    'Mã tỉnh',
    'Mã tỉnh/TP',
    'Mã Tỉnh/Thành phố',
    'Mã tỉnh/thành',
    'Mã tỉnh thành phố',
    'Mã tỉnh/thành phố TMS',
    'Mã tỉnh TMS',
    'Province code',
  ],
  provinceName: [
    'Tỉnh / Thành Phố',
    'Tên tỉnh',
    'Tỉnh/TP',
    'Tỉnh thành',
    'Tỉnh',
    'Tên tỉnh/TP',
    'Tên tỉnh/thành phố',
    'Tên TP',
    'Province',
    'Province name',
  ],
  districtCode: ['Mã QH', 'Mã huyện', 'Mã quận/huyện', 'Mã quận huyện', 'Mã huyện/quận', 'District code'],
  districtName: [
    'Quận Huyện',
    'Tên huyện',
    'Tên quận/huyện',
    'Quận/Huyện',
    'Huyện',
    'Tên QH',
    'District',
    'District name',
  ],
  code: [
    'Mã PX',
    'Mã xã',
    'Mã phường/xã',
    'Mã ĐVHC',
    'Mã phường xã',
    'Mã xã/phường',
    'Mã phường/xã/thị trấn',
    'Mã xã/phường/thị trấn',
    'Mã đơn vị hành chính',
    'Commune code',
    'Ward code',
  ],
  name: [
    'Phường Xã',
    'Tên xã',
    'Tên phường/xã',
    'Tên ĐVHC',
    'Phường/Xã',
    'Xã/Phường',
    'Tên xã/phường',
    'Tên phường/xã/thị trấn',
    'Tên xã/phường/thị trấn',
    'Tên đơn vị hành chính',
    'Tên PX',
    'Commune',
    'Commune name',
    'Ward',
    'Ward name',
  ],
  level: ['Cấp', 'Loại', 'Cấp ĐVHC', 'Loại ĐVHC', 'Cấp hành chính', 'Level'],
  gsoProvinceCode: ['Mã tỉnh GSO', 'Mã TP GSO', 'Mã tỉnh TCTK', 'Mã tỉnh (GSO)', 'GSO province code'],
  target: [
    TARGET_HEADER,
    'Mã xã CQT',
    'Mã PX CQT',
    'Mã phường xã CQT',
    'Mã CQT',
    'Mã xã TMS',
    'Mã phường/xã TMS',
    'Tax commune code',
  ],
};

/** The comparison key of a header text (see the file comment). */
export function headerKey(text: string): string {
  return foldDiacritics(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_KEY: ReadonlyMap<string, ColumnField> = (() => {
  const m = new Map<string, ColumnField>();
  for (const field of COLUMN_FIELDS) {
    for (const s of COLUMN_SYNONYMS[field]) {
      const k = headerKey(s);
      const prior = m.get(k);
      if (prior && prior !== field) throw new Error(`header synonym "${s}" names both ${prior} and ${field}`);
      m.set(k, field);
    }
  }
  return m;
})();

/** The field a header cell names, or undefined. */
export function fieldOfHeader(text: string): ColumnField | undefined {
  const k = headerKey(text);
  return k === '' ? undefined : BY_KEY.get(k);
}
