import type { MessageTable } from '../i18n-types.js';

/** Verification limits, the procedure's tracking (status, sent, received), the saved answers and the check rules. */
export const evidenceProcedure: MessageTable = {
  vi: {
    'evidence.status.alerts.unregistered':
      'Đăng ký nhận cảnh báo lỗi: đã điền trong evidence.yaml, chưa ghi nhận đã đăng ký.',
    'evidence.status.next.alertsRecord':
      'Đăng ký tại Màn hình hỗ trợ > Đăng ký nhận cảnh báo lỗi với các số điện thoại và email trong alerts, rồi: dvc evidence sent {dir} --kind canh-bao',
    'html.ev.progress': 'Tiến độ (Công văn 3252/VPCP-KSTT, 4013/VPCP-KSTT)',
    'html.ev.step.done': 'Xong',
    'html.ev.step.pending': 'Chưa',
    'html.ev.step.waiting': 'Đang chờ',
    'html.ev.step.overdue': 'Quá hạn',
    'html.ev.step.rejected': 'Bị từ chối',
    'evidence.cmd.status':
      'Xem tiến độ: sáu bước của Công văn 3252/VPCP-KSTT, trạng thái theo 4013/VPCP-KSTT, hạn 8 giờ làm việc, đăng ký cảnh báo lỗi',
    'evidence.cmd.sent':
      'Ghi lại đã gửi yêu cầu cấu hình (cau-hinh), yêu cầu xác nhận (xac-nhan) hoặc đã đăng ký cảnh báo lỗi (canh-bao)',
    'evidence.cmd.received': 'Ghi lại đã nhận kết quả xử lý của Văn phòng Chính phủ cho một yêu cầu',
    'evidence.opt.holidays': 'tệp ngày nghỉ thay cho data/vn-holidays.yaml',
    'evidence.opt.sentKind': 'việc đã làm: cau-hinh, xac-nhan hoặc canh-bao (bắt buộc)',
    'evidence.opt.at': 'thời điểm, "YYYY-MM-DD HH:mm" giờ Việt Nam (mặc định: bây giờ)',
    'evidence.opt.outcome': 'kết quả: ok (đã xử lý/xác nhận) hoặc rejected (bị từ chối)',
    'evidence.status.title': 'Tiến độ tích hợp thanh toán nghĩa vụ tài chính về đất đai: {dir}',
    'evidence.status.national': 'Trạng thái (Công văn 4013/VPCP-KSTT, phụ lục V): {state}',
    'evidence.status.national.done': 'Đã hoàn thành',
    'evidence.status.national.testing': 'Đã tích hợp, đang kiểm thử',
    'evidence.status.national.studying': 'Đang nghiên cứu triển khai tích hợp',
    'evidence.status.step1.done': 'Bước 1 — Kiểm tra API: {passing}/{types} loại API đạt.',
    'evidence.status.step1.pending': 'Bước 1 — Kiểm tra API: {passing}/{types} loại API đạt; chưa đạt: {missing}.',
    'evidence.status.step2.done': 'Bước 2 — Yêu cầu cấu hình URL API: đã gửi lúc {sent}.',
    'evidence.status.step2.pending': 'Bước 2 — Yêu cầu cấu hình URL API: chưa gửi.',
    'evidence.status.step3.pending': 'Bước 3 — Văn phòng Chính phủ xử lý (trong 8 giờ làm việc): chưa bắt đầu.',
    'evidence.status.step3.waiting': 'Bước 3 — Văn phòng Chính phủ xử lý: đang chờ, hạn {due} (8 giờ làm việc).',
    'evidence.status.step3.overdue': 'Bước 3 — Văn phòng Chính phủ xử lý: QUÁ HẠN từ {due} (8 giờ làm việc).',
    'evidence.status.step3.done': 'Bước 3 — Văn phòng Chính phủ xử lý: đã cấu hình, kết quả lúc {result} (hạn {due}).',
    'evidence.status.step3.rejected': 'Bước 3 — Văn phòng Chính phủ xử lý: yêu cầu bị từ chối lúc {result}.',
    'evidence.status.step4.done':
      'Bước 4 — Giao dịch thanh toán kiểm thử: minh chứng đủ, API kiểm tra lại sau cấu hình đều đạt.',
    'evidence.status.step4.pending': 'Bước 4 — Giao dịch thanh toán kiểm thử: chưa xong.',
    'evidence.status.step5.done': 'Bước 5 — Yêu cầu xác nhận tích hợp: đã gửi lúc {sent}.',
    'evidence.status.step5.pending': 'Bước 5 — Yêu cầu xác nhận tích hợp: chưa gửi.',
    'evidence.status.step6.pending': 'Bước 6 — Văn phòng Chính phủ xác nhận hoàn thành: chưa bắt đầu.',
    'evidence.status.step6.waiting': 'Bước 6 — Văn phòng Chính phủ xác nhận hoàn thành: đang chờ kết quả.',
    'evidence.status.step6.overdue': 'Bước 6 — Văn phòng Chính phủ xác nhận hoàn thành: đang chờ kết quả.',
    'evidence.status.step6.done': 'Bước 6 — Văn phòng Chính phủ xác nhận hoàn thành: đã xác nhận lúc {result}.',
    'evidence.status.step6.rejected': 'Bước 6 — Văn phòng Chính phủ xác nhận hoàn thành: bị từ chối lúc {result}.',
    'evidence.status.alerts.done': 'Đăng ký nhận cảnh báo lỗi: đã đăng ký lúc {registered}.',
    'evidence.status.alerts.pending': 'Đăng ký nhận cảnh báo lỗi: chưa xong ({problems}).',
    'evidence.status.next.testApi':
      'Chạy dvc test-api --dst {dst} --type <loại> --save {dir}/05-ket-qua-kiem-tra-api cho từng loại chưa đạt.',
    'evidence.status.next.sendConfig':
      'Chạy dvc evidence check {dir} --kind cau-hinh; dán dvc evidence request {dir} --kind cau-hinh vào form, gửi, rồi: dvc evidence sent {dir} --kind cau-hinh',
    'evidence.status.next.receivedConfig':
      'Khi nhận email kết quả: dvc evidence received {dir} --kind cau-hinh --outcome ok (hoặc rejected).',
    'evidence.status.next.overdue':
      'Đã quá 8 giờ làm việc: liên hệ đầu mối hỗ trợ của Văn phòng Chính phủ (Công văn 3252/VPCP-KSTT); khi có kết quả: dvc evidence received {dir} --kind cau-hinh',
    'evidence.status.next.resendConfig':
      'Sửa theo phản hồi, chạy dvc evidence check {dir} --kind cau-hinh, gửi lại rồi: dvc evidence sent {dir} --kind cau-hinh',
    'evidence.status.next.testPayment': 'Đặt ảnh, biên lai vào 01–04, rồi: dvc evidence check {dir} --kind xac-nhan',
    'evidence.status.next.sendConfirm':
      'Chạy dvc evidence pack {dir} --out {zip}; gửi yêu cầu (dvc evidence request {dir} --kind xac-nhan) kèm gói, rồi: dvc evidence sent {dir} --kind xac-nhan',
    'evidence.status.next.receivedConfirm':
      'Khi nhận email kết quả: dvc evidence received {dir} --kind xac-nhan --outcome ok (hoặc rejected).',
    'evidence.status.next.resendConfirm':
      'Sửa theo phản hồi, đóng gói lại, gửi lại rồi: dvc evidence sent {dir} --kind xac-nhan',
    'evidence.status.next.alerts':
      'Điền alerts (unit, serviceType, phones, emails) trong evidence.yaml; đăng ký tại Màn hình hỗ trợ > Đăng ký nhận cảnh báo lỗi, rồi: dvc evidence sent {dir} --kind canh-bao',
    'evidence.status.holidays': 'Lịch ngày nghỉ: {file}',
    'evidence.progress.recorded': 'Đã ghi vào {file}: {changes}.',
    'evidence.progress.badTime': '"{value}" không phải thời điểm hợp lệ; dùng dạng "YYYY-MM-DD HH:mm" (giờ Việt Nam).',
    'evidence.progress.notSent':
      'Chưa ghi nhận đã gửi yêu cầu {kind}. Chạy trước: dvc evidence sent {dir} --kind {kind}',
    'evidence.alerts.incomplete':
      'Đăng ký nhận cảnh báo lỗi chưa đủ hoặc sai trong evidence.yaml: {problems}. Cần alerts.unit, alerts.serviceType, ít nhất một số điện thoại (alerts.phones) và một email (alerts.emails) hợp lệ.',
    'evidence.holidays.unreadable': 'Không đọc được tệp ngày nghỉ {file}: {reason}',
    'evidence.holidays.bad':
      "Tệp ngày nghỉ {file} có giá trị không hợp lệ: {values} (ngày dạng YYYY-MM-DD, giờ dạng ['08:00', '12:00']).",
    'evidence.item.apiMissing':
      'Chưa có URL cho loại API {type}: yêu cầu cấu hình phải có URL của mọi loại API nó nêu.',
    'evidence.fix.apiMissing': 'Điền apis.{type} trong evidence.yaml: URL https:// mà Cổng DVCQG gọi tới được.',
    'evidence.item.url.notUrl': 'URL API {type} không phải URL http(s): "{url}".',
    'evidence.fix.url.notUrl':
      'Sửa apis.{type} trong evidence.yaml thành URL đầy đủ, ví dụ https://motcua.tinh.gov.vn/api/{type}.',
    'evidence.item.url.unreachable':
      'URL API {type} trỏ tới máy cục bộ, dải địa chỉ nội bộ hoặc tên .local ({url}): Cổng DVCQG không gọi tới được.',
    'evidence.fix.url.unreachable':
      'Dùng địa chỉ công khai của API (tên miền của tỉnh, qua Internet) cho apis.{type}; địa chỉ thử nghiệm chỉ dùng với dvc test-api.',
    'evidence.item.url.credentials':
      'URL API {type} chứa tên người dùng/mật khẩu: không gửi những thông tin này trong yêu cầu.',
    'evidence.fix.url.credentials':
      'Bỏ phần "người-dùng:mật-khẩu@" khỏi apis.{type}; xác thực đặt trong cấu hình của dvc.',
    'evidence.item.url.plainHttp': 'URL API {type} dùng http:// (không mã hóa): {url}',
    'evidence.fix.url.plainHttp':
      'Dùng https:// cho apis.{type} (dữ liệu thuế và thông tin người nộp đi qua Internet).',
    'evidence.item.url.ipAddress': 'URL API {type} dùng địa chỉ IP thay vì tên miền: {url}',
    'evidence.fix.url.ipAddress':
      'Dùng tên miền của tỉnh cho apis.{type}: địa chỉ IP đổi khi đổi máy chủ và chứng chỉ TLS cấp cho tên miền.',
    'evidence.answers.willWrite': 'Sẽ ghi vào evidence.yaml:',
    'evidence.answers.saved': 'Đã lưu câu trả lời vào {file}.',
    'evidence.answers.stillMissing':
      'Câu trả lời đã được lưu, nhưng yêu cầu {kind} còn thiếu: {fields}. Điền các trường đó trong {file} rồi chạy lại.',
    'evidence.answers.unparsable':
      'Không đọc được {file} để ghi câu trả lời ({reason}). Sửa tệp (cú pháp YAML) rồi chạy lại; tệp chưa bị thay đổi.',
    'evidence.meta.badUrl': 'Không phải URL http(s): {value}',
    'evidence.verify.problem.localName':
      '{path}: tên trong local header khác tên trong central directory (một trình giải nén có thể ghi ra tệp khác)',
    'evidence.verify.problem.tagTooLarge':
      '{path}: tệp thẻ lớn hơn giới hạn đọc dạng văn bản ({detail} byte mỗi tệp, 16 MiB tất cả)',
    'evidence.verify.limit':
      '"{file}" vượt giới hạn của dvc evidence verify: {limit} = {found} (tối đa {max}). Đây không phải gói minh chứng dvc tạo; xem docs/evidence.md.',
  },
  en: {
    'evidence.status.alerts.unregistered':
      'Error-alert registration: filled in evidence.yaml, not recorded as registered.',
    'evidence.status.next.alertsRecord':
      'Register under Màn hình hỗ trợ > Đăng ký nhận cảnh báo lỗi with the phones and e-mails of alerts, then: dvc evidence sent {dir} --kind canh-bao',
    'html.ev.progress': 'Progress (Official Letters 3252/VPCP-KSTT, 4013/VPCP-KSTT)',
    'html.ev.step.done': 'Done',
    'html.ev.step.pending': 'Not yet',
    'html.ev.step.waiting': 'Waiting',
    'html.ev.step.overdue': 'Overdue',
    'html.ev.step.rejected': 'Rejected',
    'evidence.cmd.status':
      'Show progress: the six steps of 3252/VPCP-KSTT, the state of 4013/VPCP-KSTT, the 8-working-hour deadline, the error-alert registration',
    'evidence.cmd.sent':
      'Record that the configuration request (cau-hinh) or the confirmation request (xac-nhan) was sent, or the error alerts registered (canh-bao)',
    'evidence.cmd.received': "Record that the Government Office's result for a request was received",
    'evidence.opt.holidays': 'holiday file instead of data/vn-holidays.yaml',
    'evidence.opt.sentKind': 'what was done: cau-hinh, xac-nhan or canh-bao (required)',
    'evidence.opt.at': 'the time, "YYYY-MM-DD HH:mm" Vietnam time (default: now)',
    'evidence.opt.outcome': 'the result: ok (done/confirmed) or rejected',
    'evidence.status.title': 'Progress of the land-obligation payment integration: {dir}',
    'evidence.status.national': 'State (Official Letter 4013/VPCP-KSTT, appendix V): {state}',
    'evidence.status.national.done': 'Đã hoàn thành (done)',
    'evidence.status.national.testing': 'Đã tích hợp, đang kiểm thử (integrated, testing)',
    'evidence.status.national.studying': 'Đang nghiên cứu triển khai tích hợp (studying)',
    'evidence.status.step1.done': 'Step 1 — API check: {passing}/{types} API types pass.',
    'evidence.status.step1.pending': 'Step 1 — API check: {passing}/{types} API types pass; not yet: {missing}.',
    'evidence.status.step2.done': 'Step 2 — URL configuration request: sent at {sent}.',
    'evidence.status.step2.pending': 'Step 2 — URL configuration request: not sent.',
    'evidence.status.step3.pending': 'Step 3 — Government Office processing (within 8 working hours): not started.',
    'evidence.status.step3.waiting': 'Step 3 — Government Office processing: waiting, due {due} (8 working hours).',
    'evidence.status.step3.overdue': 'Step 3 — Government Office processing: OVERDUE since {due} (8 working hours).',
    'evidence.status.step3.done': 'Step 3 — Government Office processing: configured, result at {result} (due {due}).',
    'evidence.status.step3.rejected': 'Step 3 — Government Office processing: request rejected at {result}.',
    'evidence.status.step4.done': 'Step 4 — Test payment: evidence complete, API checks after configuration all pass.',
    'evidence.status.step4.pending': 'Step 4 — Test payment: not done yet.',
    'evidence.status.step5.done': 'Step 5 — Confirmation request: sent at {sent}.',
    'evidence.status.step5.pending': 'Step 5 — Confirmation request: not sent.',
    'evidence.status.step6.pending': 'Step 6 — Government Office confirms: not started.',
    'evidence.status.step6.waiting': 'Step 6 — Government Office confirms: waiting for the result.',
    'evidence.status.step6.overdue': 'Step 6 — Government Office confirms: waiting for the result.',
    'evidence.status.step6.done': 'Step 6 — Government Office confirms: confirmed at {result}.',
    'evidence.status.step6.rejected': 'Step 6 — Government Office confirms: rejected at {result}.',
    'evidence.status.alerts.done': 'Error-alert registration: registered at {registered}.',
    'evidence.status.alerts.pending': 'Error-alert registration: not done ({problems}).',
    'evidence.status.next.testApi':
      'Run dvc test-api --dst {dst} --type <type> --save {dir}/05-ket-qua-kiem-tra-api for each type not passing.',
    'evidence.status.next.sendConfig':
      'Run dvc evidence check {dir} --kind cau-hinh; paste dvc evidence request {dir} --kind cau-hinh into the form, send it, then: dvc evidence sent {dir} --kind cau-hinh',
    'evidence.status.next.receivedConfig':
      'When the result e-mail arrives: dvc evidence received {dir} --kind cau-hinh --outcome ok (or rejected).',
    'evidence.status.next.overdue':
      "8 working hours have passed: contact the Government Office's support contact (Official Letter 3252/VPCP-KSTT); when the result arrives: dvc evidence received {dir} --kind cau-hinh",
    'evidence.status.next.resendConfig':
      'Fix what the answer says, run dvc evidence check {dir} --kind cau-hinh, send again, then: dvc evidence sent {dir} --kind cau-hinh',
    'evidence.status.next.testPayment':
      'Put the pictures and receipts in 01–04, then: dvc evidence check {dir} --kind xac-nhan',
    'evidence.status.next.sendConfirm':
      'Run dvc evidence pack {dir} --out {zip}; send the request (dvc evidence request {dir} --kind xac-nhan) with the bundle, then: dvc evidence sent {dir} --kind xac-nhan',
    'evidence.status.next.receivedConfirm':
      'When the result e-mail arrives: dvc evidence received {dir} --kind xac-nhan --outcome ok (or rejected).',
    'evidence.status.next.resendConfirm':
      'Fix what the answer says, pack again, send again, then: dvc evidence sent {dir} --kind xac-nhan',
    'evidence.status.next.alerts':
      'Fill in alerts (unit, serviceType, phones, emails) in evidence.yaml; register them under Màn hình hỗ trợ > Đăng ký nhận cảnh báo lỗi, then: dvc evidence sent {dir} --kind canh-bao',
    'evidence.status.holidays': 'Holiday calendar: {file}',
    'evidence.progress.recorded': 'Written to {file}: {changes}.',
    'evidence.progress.badTime': '"{value}" is not a valid time; use "YYYY-MM-DD HH:mm" (Vietnam time).',
    'evidence.progress.notSent':
      'The {kind} request is not recorded as sent. First run: dvc evidence sent {dir} --kind {kind}',
    'evidence.alerts.incomplete':
      'The error-alert registration in evidence.yaml is incomplete or wrong: {problems}. It needs alerts.unit, alerts.serviceType, at least one valid phone (alerts.phones) and one valid e-mail (alerts.emails).',
    'evidence.holidays.unreadable': 'Cannot read the holiday file {file}: {reason}',
    'evidence.holidays.bad':
      "The holiday file {file} has invalid values: {values} (days as YYYY-MM-DD, hours as ['08:00', '12:00']).",
    'evidence.item.apiMissing':
      'No URL for the {type} API: a configuration request needs a URL for every API type it names.',
    'evidence.fix.apiMissing': 'Fill in apis.{type} in evidence.yaml: an https:// URL the portal can reach.',
    'evidence.item.url.notUrl': 'The {type} API URL is not an http(s) URL: "{url}".',
    'evidence.fix.url.notUrl':
      'Make apis.{type} in evidence.yaml a full URL, e.g. https://motcua.province.gov.vn/api/{type}.',
    'evidence.item.url.unreachable':
      'The {type} API URL points at this machine, a private range or a .local name ({url}): the portal cannot reach it.',
    'evidence.fix.url.unreachable':
      "Use the API's public address (the province's domain, over the Internet) for apis.{type}; test addresses are for dvc test-api only.",
    'evidence.item.url.credentials': 'The {type} API URL holds a user name/password: never send these in a request.',
    'evidence.fix.url.credentials':
      'Remove "user:password@" from apis.{type}; authentication belongs in the dvc config.',
    'evidence.item.url.plainHttp': 'The {type} API URL uses http:// (unencrypted): {url}',
    'evidence.fix.url.plainHttp': "Use https:// for apis.{type} (tax data and payers' details cross the Internet).",
    'evidence.item.url.ipAddress': 'The {type} API URL uses an IP address instead of a domain name: {url}',
    'evidence.fix.url.ipAddress':
      "Use the province's domain name for apis.{type}: an IP changes with the server and TLS certificates name domains.",
    'evidence.answers.willWrite': 'Will write to evidence.yaml:',
    'evidence.answers.saved': 'Answers saved to {file}.',
    'evidence.answers.stillMissing':
      'Your answers are saved, but the {kind} request still lacks: {fields}. Fill them in {file}, then run again.',
    'evidence.answers.unparsable':
      'Cannot read {file} to save the answers ({reason}). Fix the file (YAML syntax) and run again; it was not changed.',
    'evidence.meta.badUrl': 'Not an http(s) URL: {value}',
    'evidence.verify.problem.localName':
      '{path}: the local header names another file than the central directory (an extractor could write a different file)',
    'evidence.verify.problem.tagTooLarge':
      '{path}: tag file larger than the limit for reading it as text ({detail} bytes each, 16 MiB in all)',
    'evidence.verify.limit':
      '"{file}" exceeds a limit of dvc evidence verify: {limit} = {found} (at most {max}). This is not an evidence bundle dvc makes; see docs/evidence.md.',
  },
};
