import type { MessageTable } from '../i18n-types.js';

/** Verification limits, the procedure's tracking (status, sent, received), the saved answers and the check rules. */
export const evidenceProcedure: MessageTable = {
  vi: {
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
