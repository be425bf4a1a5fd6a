import type { MessageTable } from '../i18n-types.js';

/** Texts of response conventions, emulation, rehearsal, bounds and credential safety (test-api, mock-api). */
export const testApiConventions: MessageTable = {
  vi: {
    'rehearse.cmd.desc':
      'diễn tập bước 4 (thanh toán thử) với dữ liệu giả: thông báo thuế → tra cứu (số phải nộp) → chứng từ → tra cứu lại (hết nợ) → gửi lại thông báo (trùng)',
    'rehearse.needDst': 'Cần --dst: diễn tập dùng URL, xác thực và mã đơn vị của tỉnh trong cấu hình.',
    'rehearse.needUnit': 'Tỉnh {dst} chưa có mã đơn vị (provinces.{dst}.unit): cần nó để tạo mã hồ sơ diễn tập.',
    'rehearse.noRole': 'Không có loại API nào đóng vai "{role}" trong danh sách loại API.',
    'rehearse.step.notice': 'Gửi thông báo thuế (hồ sơ diễn tập)',
    'rehearse.step.lookupDue': 'Tra cứu: phải nộp đúng số tiền của thông báo',
    'rehearse.step.receipt': 'Gửi chứng từ nộp tiền cho thông báo đó',
    'rehearse.step.lookupPaid': 'Tra cứu lại: không còn gì phải nộp',
    'rehearse.step.noticeAgain': 'Gửi lại cùng thông báo: trả lời "đã có"',
    'rehearse.skipped': 'không gửi (bước trước gặp lỗi truyền tải)',
    'rehearse.check.amountOk': 'số phải nộp {due} đ, đúng như chờ đợi',
    'rehearse.check.amountBad': 'số phải nộp là {due} đ, cần {expected} đ',
    'rehearse.h.title': 'Diễn tập bước 4 với {dst}: hồ sơ {dossier}, thông báo {notice}, {amount} đ',
    'rehearse.h.pass': 'ĐẠT: cả năm bước đều đúng ({ms} ms)',
    'rehearse.h.fail': 'KHÔNG ĐẠT ở bước: {step}',
    'rehearse.html.title': 'Diễn tập thanh toán thử (bước 4)',
    'testApi.h.bareBody': '(thân yêu cầu trần, không có phong bì service)',
    'testApi.h.conventionsTitle': 'Quy ước trả lời (provinces.<tỉnh>.response.preset)',
    'testApi.h.typeCodes': 'mã thành công của từng loại API',
    'api.check.arrayRefused':
      'câu trả lời là một mảng, quy ước của tỉnh không nhận mảng (response.array = reject); cần một đối tượng có {field}',
    'mock.answer.unknownDossier': 'Hồ sơ {dossier} không tồn tại trên hệ thống',
    'mock.opt.emulate': 'trả lời như hệ thống nào',
    'mock.emulation.reference': 'khuyến nghị của dvc cho nhà cung cấp',
    'mock.emulation.opencps': 'như mã nguồn công khai của VietOpenCPS',
    'mock.emulation.thanhHoa': 'như mã nguồn công khai của Thanh Hóa',
    'mock.badEmulate': '--emulate không nhận "{value}"; chọn một trong: {known}.',
    'testApi.fault.deadline':
      'Máy chủ {url} không trả lời trọn vẹn trong {timeout} ms (--timeout giới hạn cả lần gọi, kể cả khi máy chủ gửi nhỏ giọt từng byte). Kiểm tra máy chủ, hoặc tăng --timeout.',
    'testApi.fault.redirectCredential':
      'Máy chủ chuyển hướng ({detail}): dvc không gửi lại nội dung có khóa xác thực sang một máy chủ khác. Cấu hình URL cuối cùng trong apis.<loại>.url.',
    'testApi.saveUnwritable':
      'Không ghi được vào thư mục {dir} ({code}): không có quyền ghi, ổ chỉ đọc, hoặc một tệp đang mở (ví dụ trong Excel). Chọn thư mục khác cho --save, hoặc đóng tệp rồi chạy lại.',
    'config.secretTooShort':
      'Bí mật của {what} ngắn hơn {min} ký tự: quá dễ đoán, và không che được trong báo cáo. Đặt một bí mật dài ít nhất {min} ký tự.',
  },
  en: {
    'rehearse.cmd.desc':
      'rehearse step 4 (the test payment) with synthetic data: notice → look-up (amount due) → receipt → look-up again (nothing due) → the same notice again (duplicate)',
    'rehearse.needDst': "--dst is needed: the rehearsal uses the province's URLs, auth and unit code from the config.",
    'rehearse.needUnit':
      'Province {dst} has no unit code (provinces.{dst}.unit): the rehearsal needs it for its dossier code.',
    'rehearse.noRole': 'No API type plays the "{role}" role.',
    'rehearse.step.notice': 'Send the tax notice (synthetic dossier)',
    'rehearse.step.lookupDue': "Look up: the notice's amount is due",
    'rehearse.step.receipt': 'Send the payment receipt for that notice',
    'rehearse.step.lookupPaid': 'Look up again: nothing is due',
    'rehearse.step.noticeAgain': 'Send the same notice again: a duplicate answer',
    'rehearse.skipped': 'not sent (an earlier step met a transport fault)',
    'rehearse.check.amountOk': 'amount due {due} VND, as expected',
    'rehearse.check.amountBad': 'amount due is {due} VND, {expected} VND expected',
    'rehearse.h.title': 'Step 4 rehearsal with {dst}: dossier {dossier}, notice {notice}, {amount} VND',
    'rehearse.h.pass': 'PASS: all five steps right ({ms} ms)',
    'rehearse.h.fail': 'FAIL at step: {step}',
    'rehearse.html.title': 'Test-payment rehearsal (step 4)',
    'testApi.h.bareBody': '(bare body, no service envelope)',
    'testApi.h.conventionsTitle': 'Response conventions (provinces.<key>.response.preset)',
    'testApi.h.typeCodes': "each API type's success codes",
    'api.check.arrayRefused':
      "the answer is an array, which the province's convention does not take (response.array = reject); an object with {field} expected",
    'mock.answer.unknownDossier': 'Dossier {dossier} does not exist in the system',
    'mock.opt.emulate': 'whose answers to give',
    'mock.emulation.reference': "dvc's recommendation to vendors",
    'mock.emulation.opencps': "as VietOpenCPS's public code answers",
    'mock.emulation.thanhHoa': "as Thanh Hóa's public code answers",
    'mock.badEmulate': '--emulate does not take "{value}"; choose one of: {known}.',
    'testApi.fault.deadline':
      '{url} gave no complete answer within {timeout} ms (--timeout bounds the whole exchange, even a server that drips one byte at a time). Check the server, or raise --timeout.',
    'testApi.fault.redirectCredential':
      'The server redirects ({detail}): dvc does not resend a body carrying the auth key to another origin. Configure the final URL in apis.<type>.url.',
    'testApi.saveUnwritable':
      'Cannot write into {dir} ({code}): no permission, a read-only drive, or a file held open (e.g. by Excel). Choose another folder for --save, or close the file and run again.',
    'config.secretTooShort':
      'The secret of {what} is shorter than {min} characters: too easy to guess, and it cannot be masked in reports. Set a secret of at least {min} characters.',
  },
};
