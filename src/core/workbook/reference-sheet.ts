/**
 * The standard sheet dvc builds from a shipped list when the workbook has none: the column titles of the officers'
 * own "MX Bo TTTT" sheets, the same in both languages (the header detection of the next run reads them).
 */
export const REFERENCE_HEADER = [
  'Mã TP',
  'Tỉnh / Thành Phố',
  'Mã QH',
  'Quận Huyện',
  'Mã PX',
  'Phường Xã',
  'Cấp',
  'Mã phường/xã CQT',
];

/** The target column (0-based) of that sheet: "Mã phường/xã CQT". */
export const REFERENCE_TARGET_COLUMN = 7;
