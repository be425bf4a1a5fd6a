/**
 * Realistic, deterministic models of the three reports, for the renderers' tests, the browser tests and the
 * screenshots in docs/. The country-wide map-communes model has the size of a real national run (about 10,600
 * rows, a fifth of them to review) so that the page's speed is measured on what an officer will open.
 */
import type { MapCommunesResult, MapRow } from '../cli/render/html/map-communes-model.js';
import type { ProbeLike, RunLike } from '../cli/render/html/test-api-model.js';
import type { EvidenceIndexModel } from '../cli/render/html/evidence-index.js';

const PROVINCES = [
  'Hà Nội',
  'Huế',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Hải Phòng',
  'Ninh Bình',
  'Quảng Trị',
  'Đà Nẵng',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Hồ Chí Minh',
  'Đồng Nai',
  'Tây Ninh',
  'Cần Thơ',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
];
const STEMS = [
  'Hòa Bình',
  'Thủy Nguyên',
  'Quý Sơn',
  'Tân Phú',
  'An Khánh',
  'Đông Hưng',
  'Phú Mỹ',
  'Long Hòa',
  'Xuân Thủy',
  'Bình Minh',
  'Hưng Đạo',
  'Quang Trung',
  'Lê Lợi',
  'Trần Phú',
  'Tân An',
  'Đồng Tâm',
  'Yên Thế',
  'Nghĩa Đô',
  'Thạch Bàn',
  'Cẩm Phả',
  'Hợp Thành',
  'Kim Liên',
  'Mường Thanh',
  'Tà Xùa',
  'Ngọc Hồi',
  'Đức Phổ',
  'Vạn Ninh',
  'Châu Đốc',
  'Ô Môn',
  'Ea Kar',
];
const PREFIX = ['Xã', 'Phường', 'Xã', 'Xã', 'Đặc khu'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sampleStatus(r: number, reviewShare: number): string {
  if (r >= reviewShare) return 'exact';
  if (r < reviewShare * 0.45) return 'normalised';
  if (r < reviewShare * 0.6) return 'decided';
  return r < reviewShare * 0.85 ? 'ambiguous' : 'not_found';
}

/** Reasons and candidates of a sample row, by its status. */
function explainSample(row: MapRow, i: number, stem: string, p: string, rand: () => number): void {
  const name = row.name ?? '';
  if (row.status === 'exact' || row.status === 'normalised' || row.status === 'decided') {
    row.taxCode = String(10000 + i);
    row.taxName = row.status === 'exact' ? name : name.replace('Xã ', 'X. ').replace('Phường ', 'P.');
  }
  if (row.status === 'normalised')
    row.reasons = [
      { code: 'prefix_stripped', text: 'Bỏ tiền tố "Xã"/"Phường" trước khi so' },
      { code: 'tone_normalised', text: 'Chuẩn hoá vị trí dấu thanh (Hoà → Hòa)' },
    ];
  if (row.status === 'decided')
    row.reasons = [{ code: 'decision_applied', text: 'Áp dụng quyết định đã lưu ngày 2025-07-14' }];
  if (row.status === 'ambiguous') {
    row.reasons = [{ code: 'duplicate_name', text: `Có 2 phường/xã tên "${stem}" trong ${p}` }];
    row.candidates = [
      { code: String(20000 + i), name, district: 'Khu vực phía Bắc', score: 0.97 },
      { code: String(30000 + i), name, district: 'Khu vực phía Nam', score: 0.97 },
    ];
  }
  if (row.status === 'not_found') {
    row.reasons = ['Không có tên tương tự trong danh sách CQT của tỉnh'];
    row.candidates =
      rand() < 0.5 ? [{ code: String(40000 + i), name: `Xã ${STEMS[(i + 3) % STEMS.length]}`, score: 0.61 }] : [];
  }
}

function sampleCounts(list: MapRow[]) {
  const count = (s: string) => list.filter((r) => r.status === s).length;
  return {
    rows: list.length,
    exact: count('exact'),
    normalised: count('normalised'),
    decided: count('decided'),
    ambiguous: count('ambiguous'),
    notFound: count('not_found'),
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
    const status = sampleStatus(rand(), reviewShare);
    const row: MapRow = {
      sheet: 'MX Bo TTTT',
      rowNumber: i + 2,
      provinceName: p,
      districtName: '',
      code,
      name,
      status,
      method: status,
      reasons: [],
      taxCode: null,
      taxName: null,
      candidates: [],
    };
    explainSample(row, i, stem, p, rand);
    rows.push(row);
  }
  const provinces = PROVINCES.map((name, idx) => ({
    provinceCode: String(idx + 1).padStart(2, '0'),
    provinceName: name,
    ...sampleCounts(rows.filter((r) => r.provinceName === name)),
  }));
  return {
    ok: false,
    input: 'danh-muc-xa-ca-nuoc.xlsx',
    output: 'danh-muc-xa-ca-nuoc.mapped.xlsx',
    mapOut: 'bang-map-cqt.csv',
    summary: { ...sampleCounts(rows), taxUnused: 42, conflicts: 3 },
    provinces,
    rows,
  };
}

const SAMPLE_TLS = {
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  subject: 'CN=motcua.example.gov.vn',
  issuer: 'CN=Example CA',
  validTo: 'Sep 14 23:59:59 2026 GMT',
  daysToExpiry: 21,
  authorized: true,
};

/** A look-up that passes (a bill for the dossier), a Basic credential left in on purpose. */
function sampleLookUpProbe(): ProbeLike {
  const tls = SAMPLE_TLS;
  return {
    ok: true,
    dst: 'HNI',
    type: 'tra-cuu',
    name: 'tra-cuu',
    url: 'https://motcua.example.gov.vn/api/dvcqg/tracuu',
    startedAt: '2025-08-02T09:15:04.120+07:00',
    request: {
      method: 'POST',
      headers: { 'content-type': 'application/json', Authorization: 'Basic ZHZjOnNlY3JldA==' },
      body: { MaHoSo: '000.04.05.H55-230731-0101' },
    },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': '212' },
      body: {
        error_code: 1,
        message: {
          MaHoSo: '000.04.05.H55-230731-0101',
          TenTTHC: 'Đăng ký biến động đất đai',
          PhiLePhi: [{ TenPhiLePhi: 'Lệ phí trước bạ', SoTien: 1250000 }],
        },
      },
      bytes: 212,
    },
    timings: { dns: 4.2, connect: 11.8, tls: 23.5, ttfb: 61.3, download: 2.1, total: 102.9 },
    tls,
    checks: [
      { name: 'status', ok: true, message: 'HTTP 200' },
      { name: 'json', ok: true, message: 'Phản hồi là JSON hợp lệ' },
      { name: 'code', ok: true, message: 'error_code = 1 (có khoản phải nộp)' },
      { name: 'time', ok: true, message: '103 ms < 5000 ms' },
    ],
  };
}

/** A receipt that fails its code check, a body key left in on purpose. */
function sampleReceiptProbe(): ProbeLike {
  const tls = SAMPLE_TLS;
  return {
    ok: false,
    dst: 'HNI',
    type: 'chung-tu',
    name: 'chung-tu',
    url: 'https://motcua.example.gov.vn/api/dvcqg/chungtu',
    startedAt: '2025-08-02T09:15:05.004+07:00',
    request: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: {
        service: 'NhanChungTuThueDat',
        isUpdating: false,
        SecurityKey: 'k-9f8e7d6c',
        data: {
          MaHoSo: 'H55.92-230404-0004',
          MaSoThue: '0101234567',
          ThongTinThanhToan: { MaThongBaoThue: 'TB-2023-0042', SoTien: 1250000, TrangThaiThanhToan: 1 },
        },
      },
    },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"error_code":"-1","message":"Hồ sơ H55.92-230404-0004 không tồn tại"}',
      bytes: 71,
    },
    timings: { dns: 0.6, connect: 9.7, tls: 21.9, ttfb: 88.4, download: 0.8, total: 121.4 },
    tls,
    checks: [
      { name: 'status', ok: true, message: 'HTTP 200' },
      { name: 'code', ok: false, message: 'error_code = -1: hồ sơ không tồn tại hoặc không hợp lệ' },
    ],
  };
}

/** Two probes of one province (one passing, one failing a check) and a load run, with credentials left in on purpose. */
export function sampleTestApiRun(): RunLike {
  const rand = rng(11);
  const latencies = Array.from({ length: 500 }, () => 38 + rand() * 30 + (rand() < 0.05 ? 150 * rand() : 0));
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.ceil((p / 100) * sorted.length) - 1] * 10) / 10;
  return {
    probes: [sampleLookUpProbe(), sampleReceiptProbe()],
    load: {
      requests: 500,
      concurrency: 10,
      passed: 493,
      failed: 7,
      errorsByKind: { timeout: 4, 'check:code': 3 },
      latency: {
        min: Math.round(sorted[0] * 10) / 10,
        p50: at(50),
        p90: at(90),
        p99: at(99),
        max: Math.round(sorted[sorted.length - 1] * 10) / 10,
      },
      throughput: 187.4,
      latencies,
    },
  };
}

/** The index page model of an evidence bag: the request, its checklist, images, a PDF receipt and a video. */
export function sampleEvidenceModel(): EvidenceIndexModel {
  return {
    request: {
      title: 'UBND tỉnh Ninh Bình- Đề nghị xác nhận tích hợp thanh toán nghĩa vụ tài chính đất đai thành công',
      text: 'Kính gửi Văn phòng Chính phủ,\n\nUBND tỉnh Ninh Bình đã thực hiện thanh toán thử nghĩa vụ tài chính về đất đai cho hồ sơ 000.04.05.H55-230731-0101.\nĐề nghị xác nhận tích hợp thành công.\n\nĐầu mối: Nguyễn Văn A, 0912 345 678.',
    },
    checklist: [
      {
        id: 'sms',
        label: 'Tin nhắn thông báo thuế trên điện thoại của người dân',
        ok: true,
        severity: 'error',
        message: '1 ảnh',
      },
      {
        id: 'paid',
        label: 'Màn hình thanh toán thành công của người dân',
        ok: true,
        severity: 'error',
        message: '1 ảnh',
      },
      {
        id: 'receipt',
        label: 'Màn hình phần mềm một cửa và biên lai Cổng DVCQG gửi về',
        ok: true,
        severity: 'error',
        message: '1 tệp PDF',
      },
      {
        id: 'video',
        label: 'Video quá trình thanh toán',
        ok: false,
        severity: 'warning',
        message: 'Video 212 MB, lớn hơn giới hạn 100 MB',
      },
    ],
    files: [
      {
        path: 'anh/01-tin-nhan-thong-bao-thue.png',
        bytes: 184_220,
        sha256: 'a3f1c2d4e5b6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90',
        kind: 'image',
      },
      {
        path: 'anh/02-thanh-toan-thanh-cong.jpg',
        bytes: 256_004,
        sha256: '5d41402abc4b2a76b9719d911017c592ae3f1c2d4e5b6978812ab34cd56ef789',
        kind: 'image',
      },
      {
        path: 'bien-lai/bien lai H55-230731-0101.pdf',
        bytes: 91_433,
        sha256: '0b1c2d3e4f5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
        kind: 'pdf',
      },
      {
        path: 'video/thanh-toan.mp4',
        bytes: 212_000_000,
        sha256: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
        kind: 'video',
      },
      {
        path: 'yeu-cau.txt',
        bytes: 412,
        sha256: '9e107d9d372bb6826bd81d3542a419d69e107d9d372bb6826bd81d3542a419d6',
        kind: 'other',
      },
    ],
    meta: { unitName: 'UBND tỉnh Ninh Bình', dstcode: 'NBH', bagDate: '2025-08-02' },
  };
}
