import type { MessageTable } from '../i18n-types.js';

/** Personal data, cancelling, the procedure's order and the limits of `dvc evidence`. Merged into `evidence.ts`. */
export const evidenceSafety: MessageTable = {
  vi: {
    'evidence.opt.keepPersonalData':
      'giữ nguyên số điện thoại, số CMND/CCCD, email và tên người trong gói/nội dung yêu cầu (mặc định: che); được ghi vào bag-info.txt',
    'evidence.privacy.kept':
      'Giữ nguyên dữ liệu cá nhân (--keep-personal-data): số điện thoại, số CMND/CCCD, email và tên người sẽ có trong kết quả. Gói sẽ ghi "DVC-Personal-Data: giữ nguyên".',
    'evidence.privacy.unmasked':
      'dvc không che được số trong nội dung {count} tệp sau (ảnh, PDF, video) — hãy che số trước khi chụp:',
    'evidence.pack.outMissing':
      'Thiếu tùy chọn --out <tệp.zip>: cần biết ghi gói vào đâu. Ví dụ: dvc evidence pack {dir} --out minh-chung.zip',
    'evidence.pack.limit':
      'Không đóng gói "{dir}": gói sẽ vượt giới hạn {limit} ({found} > {max}) mà dvc evidence verify kiểm tra; chưa ghi gì. Chia minh chứng thành nhiều gói hoặc bớt tệp.',
    'evidence.folder.tooManyFiles':
      'Thư mục "{dir}" có hơn {max} tệp, nhiều hơn một gói minh chứng được chứa (giới hạn của dvc evidence verify). Bớt tệp hoặc chia thư mục.',
    'evidence.folder.namesTooLong':
      'Tên các tệp trong thư mục "{dir}" (kể cả tên thư mục con) dài hơn danh sách tệp của một gói minh chứng được chứa ({max} byte, giới hạn của dvc evidence verify). Đặt tên thư mục con và tên tệp ngắn hơn, bớt tệp hoặc chia thư mục.',
    'evidence.fileUnreadable':
      'Không đọc được tệp "{file}" trong thư mục minh chứng ({reason}); tệp bị xóa hoặc không có quyền đọc.',
    'evidence.pack.cancelled': 'Đã hủy; tệp tạm đã xóa, không có gói nào được tạo.',
    'evidence.request.badApiResult':
      'Không viết yêu cầu cấu hình: các mục sau không dùng làm minh chứng được — {files}. Sửa URL trong evidence.yaml, chạy lại dvc test-api với URL Internet (https) của tỉnh và chuyển các kết quả không đạt ra khỏi 05-ket-qua-kiem-tra-api, rồi chạy lại lệnh này.',
    'evidence.request.failedResult': '{file} (không đạt)',
    'evidence.request.badUrl': 'URL API {type} {url} (máy cục bộ, mạng nội bộ hoặc không phải URL Internet)',
    'evidence.request.loopbackResult': '{file} (URL {url} là máy cục bộ hoặc mạng nội bộ)',
    'evidence.progress.future': 'Thời điểm {at} ở tương lai (bây giờ là {now}); chỉ ghi những việc đã xảy ra.',
    'evidence.progress.beforeSent':
      'Kết quả yêu cầu {kind} lúc {at} không thể có trước lúc gửi yêu cầu ({sent}). Kiểm tra lại --at.',
    'evidence.progress.beforeConfig':
      'Yêu cầu xác nhận lúc {at} không thể gửi trước khi có kết quả cấu hình ({configured}). Kiểm tra lại --at.',
    'evidence.progress.step4Incomplete':
      'Chưa gửi được yêu cầu xác nhận: bước 4 chưa xong ({reasons}). Hoàn tất bước 4 (dvc evidence status {dir}); nếu đã gửi thật, ghi lại kèm lý do: dvc evidence sent {dir} --kind xac-nhan --override "<lý do>"',
    'evidence.progress.reason.notConfigured': 'chưa ghi nhận yêu cầu cấu hình được xử lý',
    'evidence.progress.reason.evidence': 'minh chứng 01–04 chưa đủ',
    'evidence.progress.reason.apis': 'chưa kiểm tra lại API sau cấu hình: {types}',
    'evidence.progress.overrideOnlyConfirm': '--override chỉ dùng với sent --kind xac-nhan.',
    'evidence.opt.override':
      'ghi nhận đã gửi yêu cầu xác nhận dù bước 4 chưa xong, kèm lý do (được ghi vào evidence.yaml)',
    'evidence.status.step1.confirmed': 'Bước 1 — Kiểm tra API: Văn phòng Chính phủ đã xác nhận tích hợp hoàn thành.',
    'evidence.status.step2.confirmed':
      'Bước 2 — Yêu cầu cấu hình URL API: Văn phòng Chính phủ đã xác nhận tích hợp hoàn thành.',
    'evidence.status.step3.confirmed':
      'Bước 3 — Văn phòng Chính phủ xử lý: Văn phòng Chính phủ đã xác nhận tích hợp hoàn thành.',
    'evidence.status.step4.confirmed':
      'Bước 4 — Giao dịch thanh toán kiểm thử: Văn phòng Chính phủ đã xác nhận tích hợp hoàn thành.',
    'evidence.status.step5.confirmed':
      'Bước 5 — Yêu cầu xác nhận tích hợp: Văn phòng Chính phủ đã xác nhận tích hợp hoàn thành.',
    'evidence.status.next.retestAfterConfig':
      'Sau khi được cấu hình: kiểm tra lại từng loại API với URL đã cấu hình (dvc evidence status {dir} sẽ nêu lệnh cho từng loại).',
    'evidence.status.retest':
      'Kiểm tra lại {type} với URL đã cấu hình: dvc test-api --dst {dst} --type {type} --save {dir}/05-ket-qua-kiem-tra-api',
    'evidence.status.retestUpdate':
      'Kiểm tra lại {type}: thông báo đã được nhận nên gửi lại cùng thông báo là trùng; gửi nó dưới dạng cập nhật — đổi "isUpdating": false thành true trong {dir}/{request}, rồi: dvc test-api --dst {dst} --type {type} --body {dir}/{request} --save {dir}/05-ket-qua-kiem-tra-api',
    'evidence.status.overridden': 'Yêu cầu xác nhận được ghi là đã gửi khi bước 4 chưa xong, lý do: {reason}.',
    'evidence.holidays.notFile': 'Tệp ngày nghỉ {file} không phải tệp thường.',
    'evidence.holidays.tooLarge': 'Tệp ngày nghỉ {file} nặng {size} byte, vượt giới hạn {max} byte.',
    'evidence.holidays.format':
      'Tệp ngày nghỉ {file} không đúng định dạng: cần một bảng YAML với các khóa {keys} (xem data/vn-holidays.yaml).',
  },
  en: {
    'evidence.opt.keepPersonalData':
      'keep phone numbers, CMND/CCCD numbers, e-mails and personal names in the bundle/request text (default: masked); recorded in bag-info.txt',
    'evidence.privacy.kept':
      'Keeping personal data (--keep-personal-data): phone numbers, CMND/CCCD numbers, e-mails and personal names will be in the output. The bundle will say "DVC-Personal-Data" kept.',
    'evidence.privacy.unmasked':
      'dvc cannot mask numbers inside these {count} files (images, PDF, video) — mask numbers before taking the picture:',
    'evidence.pack.outMissing':
      'The option --out <file.zip> is missing: where should the bundle be written? For example: dvc evidence pack {dir} --out minh-chung.zip',
    'evidence.pack.limit':
      'Not packing "{dir}": the bundle would pass the {limit} limit ({found} > {max}) that dvc evidence verify checks; nothing was written. Split the evidence into several bundles or remove files.',
    'evidence.folder.tooManyFiles':
      'The folder "{dir}" holds more than {max} files, more than an evidence bundle may hold (a limit of dvc evidence verify). Remove files or split the folder.',
    'evidence.folder.namesTooLong':
      'The names of the files in the folder "{dir}" (sub-folder names included) are longer than the file list of an evidence bundle may hold ({max} bytes, a limit of dvc evidence verify). Give sub-folders and files shorter names, remove files or split the folder.',
    'evidence.fileUnreadable':
      'Cannot read the file "{file}" in the evidence folder ({reason}); it was removed or is not readable.',
    'evidence.pack.cancelled': 'Cancelled; the temporary file was removed and no bundle was written.',
    'evidence.request.badApiResult':
      'Not writing the configuration request: these cannot serve as evidence — {files}. Fix the URLs in evidence.yaml, run dvc test-api again against the province’s Internet (https) URL and move failed results out of 05-ket-qua-kiem-tra-api, then run this again.',
    'evidence.request.failedResult': '{file} (failed)',
    'evidence.request.badUrl': 'the {type} API URL {url} (this machine, a private network or not an Internet URL)',
    'evidence.request.loopbackResult': '{file} (URL {url} is this machine or a private network)',
    'evidence.progress.future': 'The time {at} is in the future (now is {now}); record only what has happened.',
    'evidence.progress.beforeSent':
      'The result of the {kind} request at {at} cannot come before the request was sent ({sent}). Check --at.',
    'evidence.progress.beforeConfig':
      'The confirmation request at {at} cannot be sent before the configuration result ({configured}). Check --at.',
    'evidence.progress.step4Incomplete':
      'The confirmation request cannot be recorded as sent: step 4 is not finished ({reasons}). Finish step 4 (dvc evidence status {dir}); if it really was sent, record it with the reason: dvc evidence sent {dir} --kind xac-nhan --override "<reason>"',
    'evidence.progress.reason.notConfigured': 'the configuration request is not recorded as done',
    'evidence.progress.reason.evidence': 'the evidence in 01–04 is incomplete',
    'evidence.progress.reason.apis': 'APIs not tested again after configuration: {types}',
    'evidence.progress.overrideOnlyConfirm': '--override is only for sent --kind xac-nhan.',
    'evidence.opt.override':
      'record the confirmation request as sent though step 4 is not finished, with the reason (kept in evidence.yaml)',
    'evidence.status.step1.confirmed': 'Step 1 — API tests: the Government Office confirmed the integration.',
    'evidence.status.step2.confirmed':
      'Step 2 — URL configuration request: the Government Office confirmed the integration.',
    'evidence.status.step3.confirmed':
      'Step 3 — processing by the Government Office: the Government Office confirmed the integration.',
    'evidence.status.step4.confirmed': 'Step 4 — test payment: the Government Office confirmed the integration.',
    'evidence.status.step5.confirmed':
      'Step 5 — confirmation request: the Government Office confirmed the integration.',
    'evidence.status.next.retestAfterConfig':
      'Once configured: test each API type again against the configured URL (dvc evidence status {dir} will give the command for each).',
    'evidence.status.retest':
      'Test {type} again against the configured URL: dvc test-api --dst {dst} --type {type} --save {dir}/05-ket-qua-kiem-tra-api',
    'evidence.status.retestUpdate':
      'Test {type} again: the notice was already received, so sending the same notice again is a duplicate; send it as an update — change "isUpdating": false to true in {dir}/{request}, then: dvc test-api --dst {dst} --type {type} --body {dir}/{request} --save {dir}/05-ket-qua-kiem-tra-api',
    'evidence.status.overridden':
      'The confirmation request was recorded as sent before step 4 was finished, because: {reason}.',
    'evidence.holidays.notFile': 'The holiday file {file} is not a regular file.',
    'evidence.holidays.tooLarge': 'The holiday file {file} is {size} bytes, over the limit of {max} bytes.',
    'evidence.holidays.format':
      'The holiday file {file} is not in the expected format: a YAML mapping with the keys {keys} (see data/vn-holidays.yaml).',
  },
};
