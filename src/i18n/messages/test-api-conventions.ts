import type { MessageTable } from '../i18n-types.js';

/** Texts of response conventions, emulation, rehearsal, bounds and credential safety (test-api, mock-api). */
export const testApiConventions: MessageTable = {
  vi: {
    'testApi.h.bareBody': '(thân yêu cầu trần, không có phong bì service)',
    'testApi.h.conventionsTitle': 'Quy ước trả lời (provinces.<tỉnh>.response.preset)',
    'testApi.h.typeCodes': 'mã thành công của từng loại API',
    'api.check.arrayRefused':
      'câu trả lời là một mảng, quy ước của tỉnh không nhận mảng (response.array = reject); cần một đối tượng có {field}',
    'mock.answer.unknownDossier': 'Hồ sơ {dossier} không tồn tại trên hệ thống',
    'mock.opt.emulate':
      'trả lời như hệ thống nào: reference (khuyến nghị của dvc cho nhà cung cấp), opencps, thanh-hoa (như mã nguồn công khai của hệ thống đó)',
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
    'testApi.h.bareBody': '(bare body, no service envelope)',
    'testApi.h.conventionsTitle': 'Response conventions (provinces.<key>.response.preset)',
    'testApi.h.typeCodes': "each API type's success codes",
    'api.check.arrayRefused':
      "the answer is an array, which the province's convention does not take (response.array = reject); an object with {field} expected",
    'mock.answer.unknownDossier': 'Dossier {dossier} does not exist in the system',
    'mock.opt.emulate':
      "whose answers to give: reference (dvc's recommendation to vendors), opencps, thanh-hoa (as that system's public code answers)",
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
