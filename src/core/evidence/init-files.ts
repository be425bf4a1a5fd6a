import { CHECKLIST, META_FILE, TEST_API_DIR } from './checklist.js';
import type { EvidenceMeta } from './evidence-types.js';

/** The texts `dvc evidence init` writes: `evidence.yaml` (commented, YAML) and `HUONG-DAN.txt` (Vietnamese). */

function q(v: string | undefined): string {
  return JSON.stringify(v ?? '');
}

export function metaYaml(m: EvidenceMeta, o: { tracking?: boolean } = {}): string {
  const apis = Object.entries(m.apis);
  const line = (text: string, comment?: string) => (comment ? `${text.padEnd(36)} # ${comment}` : text);
  return [
    '# Thông tin hồ sơ minh chứng tích hợp thanh toán nghĩa vụ tài chính về đất đai (Công văn 3252/VPCP-KSTT, Phụ lục 1).',
    '# Điền các giá trị còn trống rồi chạy: dvc evidence check',
    line(`unitName: ${q(m.unitName)}`, 'Tên đơn vị, dùng trong "Tên yêu cầu"'),
    line(`province: ${q(m.province)}`, 'Đơn vị (Tỉnh/Thành phố) chọn trên form yêu cầu hỗ trợ'),
    line(`dst: ${q(m.dst)}`, 'DSTCode của tỉnh'),
    line(`email: ${q(m.email)}`, 'Email phản hồi: nhận thông báo kết quả xử lý'),
    line(`contactName: ${q(m.contactName)}`, 'Người phối hợp (cán bộ đầu mối)'),
    line(`contactPhone: ${q(m.contactPhone)}`, 'Điện thoại người phối hợp'),
    line('testPayment:', 'Giao dịch thanh toán kiểm thử (bước 4)'),
    line(`  dossierCode: ${q(m.dossierCode)}`, 'Mã hồ sơ, ví dụ 000.04.05.H55-230731-0101'),
    line(`  date: ${q(m.testDate)}`, 'Ngày thanh toán, dạng YYYY-MM-DD'),
    apis.length
      ? line('apis:', 'URL API theo từng loại')
      : line('apis: {}', 'URL API theo từng loại, ví dụ  chung-tu: "https://..."'),
    ...apis.map(([type, url]) => `  ${type}: ${q(url)}`),
    ...(o.tracking ? TRACKING : []),
    '',
  ].join('\n');
}

/** The parts of evidence.yaml that follow the procedure after the evidence: error alerts and the requests' progress. */
const TRACKING = [
  '# Đăng ký nhận cảnh báo lỗi (Màn hình hỗ trợ > Đăng ký nhận cảnh báo lỗi), rồi: dvc evidence sent --kind canh-bao',
  'alerts:',
  '  unit: ""                           # Đơn vị',
  '  serviceType: "Thanh toán nghĩa vụ tài chính về đất đai" # Loại dịch vụ',
  '  phones: []                         # Số điện thoại nhận cảnh báo, ví dụ ["0912 345 678"]',
  '  emails: []                         # Email nhận cảnh báo',
  '# Tiến độ: dvc evidence sent / received ghi vào đây (giờ Việt Nam); xem: dvc evidence status',
  'progress: {}',
];

export function guideText(): string {
  const folders = CHECKLIST.map((f) => `  ${f.dir}/\n      ${f.title}.`).join('\n');
  return [
    'HƯỚNG DẪN THƯ MỤC MINH CHỨNG',
    'Tích hợp thanh toán nghĩa vụ tài chính về đất đai trên Cổng Dịch vụ công quốc gia',
    '(theo Phụ lục 1, Công văn số 3252/VPCP-KSTT ngày 18/5/2021 của Văn phòng Chính phủ)',
    '',
    `1. Điền ${META_FILE}: tên đơn vị, DSTCode, email phản hồi, người phối hợp và số điện thoại,`,
    '   mã hồ sơ và ngày của giao dịch thanh toán kiểm thử, URL API của từng loại.',
    '',
    '2. Đặt tệp vào đúng thư mục:',
    folders,
    '',
    `   Thư mục ${TEST_API_DIR}: chạy  dvc test-api --dst <DST> --type <loại> --save ${TEST_API_DIR}`,
    '   cho từng loại API; kết quả phải đạt và không quá 30 ngày.',
    '',
    '3. Không đặt số CCCD/CMND hay số điện thoại của người dân vào tên tệp.',
    '   Ảnh chụp màn hình nên che các số này nếu không cần thiết.',
    '',
    '4. Kiểm tra và đóng gói:',
    '     dvc evidence check                      (kiểm tra đủ minh chứng chưa)',
    '     dvc evidence request --kind cau-hinh    (bước 2: nội dung yêu cầu cấu hình URL API)',
    '     dvc evidence request --kind xac-nhan    (bước 5: nội dung yêu cầu xác nhận tích hợp)',
    '     dvc evidence pack --out minh-chung.zip  (gói minh chứng để đính kèm)',
    '',
    '5. Trên https://quantri.dichvucong.gov.vn/: Màn hình hỗ trợ >> Quản lý yêu cầu hỗ trợ >> [Thêm yêu cầu hỗ trợ],',
    '   dán nội dung yêu cầu và đính kèm các tệp minh chứng.',
    '',
  ]
    .join('\n')
    .replace(/\n/g, '\r\n');
}
