import type { MessageTable } from '../i18n-types.js';

/** Verification limits, the procedure's tracking (status, sent, received), the saved answers and the check rules. */
export const evidenceProcedure: MessageTable = {
  vi: {
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
