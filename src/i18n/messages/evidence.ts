import type { MessageTable } from '../i18n-types.js';
import { evidenceItems } from './evidence-items.js';
import { evidenceSafety } from './evidence-safety.js';

const PROBLEMS_VI: Record<string, string> = {
  unsafePath: 'đường dẫn không an toàn (tuyệt đối, có ".." hoặc "\\"); có thể ghi ra ngoài thư mục khi giải nén',
  symlink: 'là liên kết tượng trưng (symlink)',
  duplicate: 'tên trùng với "{detail}"',
  encrypted: 'được mã hóa',
  unsupportedMethod: 'dùng phương pháp nén không hỗ trợ ({detail})',
  overlap: 'các mục nén chồng lên nhau (dấu hiệu zip bomb: {detail})',
  sizeExceeded: 'giải nén ra nhiều hơn kích thước khai báo {detail} byte (dấu hiệu zip bomb); đã dừng đọc',
  sizeShort: 'ngắn hơn kích thước khai báo ({detail})',
  outsideBag: 'nằm ngoài thư mục gốc của gói BagIt',
  unreadable: 'không đọc được: {detail}',
  bagitTxt: 'bagit.txt thiếu hoặc thiếu BagIt-Version / Tag-File-Character-Encoding',
  noManifest: 'không có manifest nào của payload (manifest-<thuật toán>.txt)',
  unsupportedAlgorithm: 'thuật toán băm không hỗ trợ: {detail}',
  badManifestLine: 'dòng {detail} không đúng dạng "<mã băm> <đường dẫn>"',
  badManifestPath: 'liệt kê đường dẫn không hợp lệ "{detail}"',
  missing: 'được liệt kê trong {detail} nhưng không có trong gói',
  changed: 'mã băm không khớp ({detail}): nội dung đã bị thay đổi',
  extra: 'có trong data/ nhưng không được liệt kê trong {detail}',
  oxum: 'Payload-Oxum không khớp: {detail}',
};

const PROBLEMS_EN: Record<string, string> = {
  unsafePath: 'unsafe path (absolute, with ".." or "\\"); it could write outside the folder when extracted',
  symlink: 'is a symbolic link',
  duplicate: 'has the same name as "{detail}"',
  encrypted: 'is encrypted',
  unsupportedMethod: 'uses an unsupported compression method ({detail})',
  overlap: 'entries overlap (a zip bomb sign: {detail})',
  sizeExceeded: 'inflates past its declared size of {detail} bytes (a zip bomb sign); reading stopped',
  sizeShort: 'is shorter than its declared size ({detail})',
  outsideBag: "lies outside the bag's base directory",
  unreadable: 'cannot be read: {detail}',
  bagitTxt: 'bagit.txt is missing or lacks BagIt-Version / Tag-File-Character-Encoding',
  noManifest: 'no payload manifest (manifest-<algorithm>.txt)',
  unsupportedAlgorithm: 'unsupported hash algorithm: {detail}',
  badManifestLine: 'line {detail} is not "<digest> <path>"',
  badManifestPath: 'lists an invalid path "{detail}"',
  missing: 'is listed in {detail} but absent from the bag',
  changed: 'digest does not match ({detail}): the content was changed',
  extra: 'is in data/ but not listed in {detail}',
  oxum: 'Payload-Oxum does not match: {detail}',
};

const prefixed = (t: Record<string, string>) =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [`evidence.verify.problem.${k}`, `{path}: ${v}`]));

export const evidence: MessageTable = {
  vi: {
    ...evidenceItems.vi,
    ...evidenceSafety.vi,
    ...prefixed(PROBLEMS_VI),
    'evidence.cmd.desc':
      'Chuẩn bị, kiểm tra và đóng gói minh chứng tích hợp (bước 2, 4, 5 của Phụ lục 1, Công văn 3252/VPCP-KSTT)',
    'evidence.cmd.init':
      'Tạo thư mục minh chứng: các thư mục con theo danh mục, evidence.yaml và HUONG-DAN.txt (không ghi đè tệp đã có)',
    'evidence.cmd.request':
      'In và ghi nội dung yêu cầu hỗ trợ (cấu hình URL API hoặc xác nhận tích hợp) theo đúng các trường của form',
    'evidence.cmd.check': 'Kiểm tra thư mục minh chứng đã đủ và hợp lệ chưa; liệt kê mỗi thiếu sót kèm cách sửa',
    'evidence.cmd.pack': 'Đóng gói minh chứng thành tệp zip chứa gói BagIt 1.0 (RFC 8493), tất định và có mã SHA-256',
    'evidence.cmd.verify':
      'Kiểm tra một gói minh chứng (zip hoặc thư mục BagIt): mã băm, tệp thiếu/thừa, Payload-Oxum, zip độc hại',
    'evidence.arg.dir': 'thư mục minh chứng (mặc định: thư mục hiện tại)',
    'evidence.arg.target': 'tệp zip hoặc thư mục BagIt cần kiểm tra',
    'evidence.opt.dst': 'DSTCode của tỉnh trong cấu hình (provinces.<DST>) để điền sẵn thông tin',
    'evidence.opt.kind': 'loại yêu cầu: cau-hinh (bước 2) hoặc xac-nhan (bước 5)',
    'evidence.opt.out': 'ghi nội dung ra tệp này (ngoài việc in ra màn hình)',
    'evidence.opt.outBundle': 'tệp zip kết quả',
    'evidence.opt.format': 'định dạng: text hoặc markdown',
    'evidence.opt.redact': 'che dữ liệu cá nhân (đã là mặc định; giữ lại để tương thích)',
    'evidence.opt.allowIncomplete': 'vẫn đóng gói khi còn thiếu sót; các thiếu sót được ghi vào bag-info.txt',
    'evidence.folderMissing': 'Thư mục minh chứng "{dir}" không tồn tại. Tạo nó bằng: dvc evidence init {dir}',
    'evidence.dstUnknown': 'Không có tỉnh "{dst}" trong cấu hình (provinces). Các tỉnh đã cấu hình: {known}.',
    'evidence.missingFields': 'Thiếu thông tin cho yêu cầu {kind}: {fields}. Điền vào evidence.yaml rồi chạy lại.',
    'evidence.pack.outInside': 'Tệp kết quả "{out}" nằm trong thư mục minh chứng "{dir}"; hãy ghi ra ngoài thư mục đó.',
    'evidence.personalInOutName':
      'Tên tệp "{name}" có vẻ chứa số CCCD/CMND hoặc số điện thoại; dvc không tạo tệp mang tên như vậy. Chọn tên khác.',
    'evidence.pack.nameCollision':
      'Sau khi che số cá nhân trong tên tệp, các tệp sau trùng tên: {names}. Đổi tên một trong số chúng.',
    'evidence.pack.fileChanged':
      'Tệp "{file}" thay đổi trong lúc đóng gói; đóng các chương trình đang ghi nó rồi chạy lại.',
    'evidence.zip.duplicateName': 'Tên "{name}" xuất hiện hai lần trong gói.',
    'evidence.zip.deflateTooLarge': 'Tệp "{name}" quá lớn để nén; dvc chỉ lưu nguyên (store) các tệp trên 3,75 GB.',
    'evidence.zip.grewPast4G': 'Tệp "{name}" lớn lên quá 4 GB trong lúc đóng gói.',
    'evidence.verify.notZip':
      '"{file}" không phải tệp zip đọc được ({reason}). Chỉ định một gói do dvc evidence pack tạo ra, hoặc một thư mục BagIt.',
    'evidence.verify.notABag':
      '"{file}" không phải gói BagIt: không có bagit.txt ở gốc hoặc trong một thư mục gốc duy nhất.',
    'evidence.init.created': '  + {path} (mới tạo)',
    'evidence.init.kept': '  = {path} (đã có, giữ nguyên)',
    'evidence.init.done': 'Thư mục minh chứng: {dir}',
    'evidence.init.missing': 'Còn trống trong evidence.yaml: {fields}. Điền rồi chạy: dvc evidence check {dir}',
    'evidence.init.next':
      'Tiếp theo: đặt ảnh và biên lai vào các thư mục 01–04 (xem HUONG-DAN.txt), rồi chạy: dvc evidence check {dir}',
    'evidence.check.ok': 'Minh chứng cho yêu cầu {kind} đã đủ.',
    'evidence.check.failed': 'Minh chứng cho yêu cầu {kind} chưa đủ: {errors} lỗi, {warnings} cảnh báo.',
    'evidence.check.okWithWarnings': 'Minh chứng cho yêu cầu {kind} đã đủ; có {warnings} cảnh báo.',
    'evidence.check.fix': 'cách sửa',
    'evidence.request.written': 'Đã ghi nội dung yêu cầu vào {file}',
    'evidence.pack.refused':
      'Không đóng gói: minh chứng chưa đủ ({errors} lỗi). Sửa các mục trên, hoặc dùng --allow-incomplete để vẫn đóng gói (thiếu sót được ghi vào bag-info.txt).',
    'evidence.pack.incomplete': 'Gói được tạo dù còn {count} thiếu sót (ghi trong bag-info.txt).',
    'evidence.pack.done': 'Đã tạo gói {file}: {files} tệp, {bytes} byte dữ liệu.',
    'evidence.pack.sha256': 'SHA-256: {sha}',
    'evidence.verify.ok': 'Gói {target} hợp lệ: {files} tệp, {bytes} byte, mọi mã băm khớp.',
    'evidence.verify.failed': 'Gói {target} KHÔNG hợp lệ: {count} vấn đề.',
    'evidence.prompt.unitName': 'Tên đơn vị (ví dụ: UBND tỉnh Thái Nguyên)',
    'evidence.prompt.email': 'Email phản hồi (nhận kết quả xử lý)',
    'evidence.prompt.contactName': 'Người phối hợp (họ tên cán bộ đầu mối)',
    'evidence.prompt.contactPhone': 'Điện thoại người phối hợp',
    'evidence.prompt.dossierCode': 'Mã hồ sơ của giao dịch thanh toán kiểm thử',
    'evidence.prompt.testDate': 'Ngày thanh toán kiểm thử (YYYY-MM-DD)',
    'evidence.prompt.api': 'URL API loại {type} (để trống nếu không có)',
    'evidence.prompt.skip': '(Enter để bỏ qua)',
  },
  en: {
    ...evidenceItems.en,
    ...evidenceSafety.en,
    ...prefixed(PROBLEMS_EN),
    'evidence.cmd.desc':
      'Prepare, check and pack the integration evidence (steps 2, 4 and 5 of Appendix 1, letter 3252/VPCP-KSTT)',
    'evidence.cmd.init':
      'Create the evidence folder: checklist sub-folders, evidence.yaml and HUONG-DAN.txt (never overwrites a file)',
    'evidence.cmd.request':
      "Print and write the support-request text (URL configuration or integration confirmation) with the form's fields",
    'evidence.cmd.check': 'Check that the evidence folder is complete and valid; list every gap with how to fix it',
    'evidence.cmd.pack':
      'Pack the evidence into a zip holding a BagIt 1.0 bag (RFC 8493), deterministic, with its SHA-256',
    'evidence.cmd.verify':
      'Verify an evidence bundle (zip or BagIt folder): digests, missing/extra files, Payload-Oxum, hostile zips',
    'evidence.arg.dir': 'evidence folder (default: the current folder)',
    'evidence.arg.target': 'zip file or BagIt folder to verify',
    'evidence.opt.dst': "the province's DSTCode in the config (provinces.<DST>) to prefill the metadata",
    'evidence.opt.kind': 'request kind: cau-hinh (step 2) or xac-nhan (step 5)',
    'evidence.opt.out': 'also write the text to this file',
    'evidence.opt.outBundle': 'the zip file to write',
    'evidence.opt.format': 'format: text or markdown',
    'evidence.opt.redact': 'mask personal data (now the default; kept for compatibility)',
    'evidence.opt.allowIncomplete': 'pack even with gaps; the gaps are written into bag-info.txt',
    'evidence.folderMissing': 'The evidence folder "{dir}" does not exist. Create it with: dvc evidence init {dir}',
    'evidence.dstUnknown': 'There is no province "{dst}" in the config (provinces). Configured: {known}.',
    'evidence.missingFields':
      'Missing information for the {kind} request: {fields}. Fill it in evidence.yaml, then run again.',
    'evidence.pack.outInside':
      'The output "{out}" is inside the evidence folder "{dir}"; write it outside that folder.',
    'evidence.personalInOutName':
      'The file name "{name}" seems to hold a CCCD/CMND or phone number; dvc never creates such a name. Choose another.',
    'evidence.pack.nameCollision':
      'After masking personal numbers in file names these files share a name: {names}. Rename one of them.',
    'evidence.pack.fileChanged':
      'The file "{file}" changed while being packed; close the program writing it and run again.',
    'evidence.zip.duplicateName': 'The name "{name}" appears twice in the bundle.',
    'evidence.zip.deflateTooLarge': 'The file "{name}" is too large to deflate; dvc stores files above 3.75 GB.',
    'evidence.zip.grewPast4G': 'The file "{name}" grew past 4 GB while being packed.',
    'evidence.verify.notZip':
      '"{file}" is not a readable zip ({reason}). Give a bundle made by dvc evidence pack, or a BagIt folder.',
    'evidence.verify.notABag': '"{file}" is not a BagIt bag: no bagit.txt at its root or in a single top folder.',
    'evidence.init.created': '  + {path} (created)',
    'evidence.init.kept': '  = {path} (exists, left as it is)',
    'evidence.init.done': 'Evidence folder: {dir}',
    'evidence.init.missing': 'Still empty in evidence.yaml: {fields}. Fill them in, then run: dvc evidence check {dir}',
    'evidence.init.next':
      'Next: put the pictures and receipts in folders 01–04 (see HUONG-DAN.txt), then run: dvc evidence check {dir}',
    'evidence.check.ok': 'The evidence for the {kind} request is complete.',
    'evidence.check.failed':
      'The evidence for the {kind} request is incomplete: {errors} error(s), {warnings} warning(s).',
    'evidence.check.okWithWarnings': 'The evidence for the {kind} request is complete; {warnings} warning(s).',
    'evidence.check.fix': 'fix',
    'evidence.request.written': 'Request text written to {file}',
    'evidence.pack.refused':
      'Not packed: the evidence is incomplete ({errors} error(s)). Fix the items above, or use --allow-incomplete to pack anyway (the gaps go into bag-info.txt).',
    'evidence.pack.incomplete': 'Bundle written with {count} gap(s) (listed in bag-info.txt).',
    'evidence.pack.done': 'Bundle {file} written: {files} files, {bytes} bytes of payload.',
    'evidence.pack.sha256': 'SHA-256: {sha}',
    'evidence.verify.ok': 'Bundle {target} is valid: {files} files, {bytes} bytes, every digest matches.',
    'evidence.verify.failed': 'Bundle {target} is NOT valid: {count} problem(s).',
    'evidence.prompt.unitName': 'Unit name (e.g. UBND tỉnh Thái Nguyên)',
    'evidence.prompt.email': 'Feedback e-mail (receives the result)',
    'evidence.prompt.contactName': "Contact person (the focal officer's name)",
    'evidence.prompt.contactPhone': 'Contact phone',
    'evidence.prompt.dossierCode': 'Dossier code of the test payment',
    'evidence.prompt.testDate': 'Test payment date (YYYY-MM-DD)',
    'evidence.prompt.api': 'URL of the {type} API (empty if none)',
    'evidence.prompt.skip': '(Enter to skip)',
  },
};
