/**
 * Realistic, deterministic models of the three reports, for the renderers' tests, the browser tests and the
 * screenshots in docs/. The country-wide map-communes model has the size of a real national run (about 10,600
 * rows, a fifth of them to review) so that the page's speed is measured on what an officer will open.
 */
import type { MapCommunesResult, MapRow } from './map-communes-model.js';

const PROVINCES = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh',
  'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình',
  'Quảng Trị', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Hồ Chí Minh', 'Đồng Nai',
  'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];
const STEMS = [
  'Hòa Bình', 'Thủy Nguyên', 'Quý Sơn', 'Tân Phú', 'An Khánh', 'Đông Hưng', 'Phú Mỹ', 'Long Hòa', 'Xuân Thủy', 'Bình Minh',
  'Hưng Đạo', 'Quang Trung', 'Lê Lợi', 'Trần Phú', 'Tân An', 'Đồng Tâm', 'Yên Thế', 'Nghĩa Đô', 'Thạch Bàn', 'Cẩm Phả',
  'Hợp Thành', 'Kim Liên', 'Mường Thanh', 'Tà Xùa', 'Ngọc Hồi', 'Đức Phổ', 'Vạn Ninh', 'Châu Đốc', 'Ô Môn', 'Ea Kar',
];
const PREFIX = ['Xã', 'Phường', 'Xã', 'Xã', 'Đặc khu'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A map-communes result of `rowCount` rows over the 34 provinces; about `reviewShare` of them not exact. */
export function sampleMapCommunesResult(rowCount = 10_600, reviewShare = 0.19, seed = 7): MapCommunesResult {
  const rand = rng(seed);
  const rows: MapRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const p = PROVINCES[Math.floor((i / rowCount) * PROVINCES.length)];
    const stem = STEMS[Math.floor(rand() * STEMS.length)];
    const name = `${PREFIX[Math.floor(rand() * PREFIX.length)]} ${stem}${rand() < 0.3 ? ` ${1 + Math.floor(rand() * 9)}` : ''}`;
    const code = String(1 + i * 3).padStart(5, '0');
    const r = rand();
    const status = r >= reviewShare ? 'exact' : r < reviewShare * 0.45 ? 'normalised' : r < reviewShare * 0.6 ? 'decided' : r < reviewShare * 0.85 ? 'ambiguous' : 'not_found';
    const row: MapRow = { sheet: 'MX Bo TTTT', rowNumber: i + 2, provinceName: p, districtName: '', code, name, status, method: status, reasons: [], taxCode: null, taxName: null, candidates: [] };
    if (status === 'exact' || status === 'normalised' || status === 'decided') {
      row.taxCode = String(10000 + i);
      row.taxName = status === 'exact' ? name : name.replace('Xã ', 'X. ').replace('Phường ', 'P.');
    }
    if (status === 'normalised') row.reasons = [{ code: 'prefix_stripped', text: 'Bỏ tiền tố "Xã"/"Phường" trước khi so' }, { code: 'tone_normalised', text: 'Chuẩn hoá vị trí dấu thanh (Hoà → Hòa)' }];
    if (status === 'decided') row.reasons = [{ code: 'decision_applied', text: 'Áp dụng quyết định đã lưu ngày 2025-07-14' }];
    if (status === 'ambiguous') {
      row.reasons = [{ code: 'duplicate_name', text: `Có 2 phường/xã tên "${stem}" trong ${p}` }];
      row.candidates = [
        { code: String(20000 + i), name, district: 'Khu vực phía Bắc', score: 0.97 },
        { code: String(30000 + i), name, district: 'Khu vực phía Nam', score: 0.97 },
      ];
    }
    if (status === 'not_found') {
      row.reasons = ['Không có tên tương tự trong danh sách CQT của tỉnh'];
      row.candidates = rand() < 0.5 ? [{ code: String(40000 + i), name: `Xã ${STEMS[(i + 3) % STEMS.length]}`, score: 0.61 }] : [];
    }
    rows.push(row);
  }
  const count = (list: MapRow[], s: string) => list.filter((r) => r.status === s).length;
  const provinces = PROVINCES.map((name, idx) => {
    const list = rows.filter((r) => r.provinceName === name);
    return { provinceCode: String(idx + 1).padStart(2, '0'), provinceName: name, rows: list.length, exact: count(list, 'exact'), normalised: count(list, 'normalised'), decided: count(list, 'decided'), ambiguous: count(list, 'ambiguous'), notFound: count(list, 'not_found') };
  });
  return {
    ok: false,
    input: 'danh-muc-xa-ca-nuoc.xlsx',
    output: 'danh-muc-xa-ca-nuoc.mapped.xlsx',
    mapOut: 'bang-map-cqt.csv',
    summary: { rows: rows.length, exact: count(rows, 'exact'), normalised: count(rows, 'normalised'), decided: count(rows, 'decided'), ambiguous: count(rows, 'ambiguous'), notFound: count(rows, 'not_found'), taxUnused: 42, conflicts: 3 },
    provinces,
    rows,
  };
}
