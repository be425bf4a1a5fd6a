import type { MessageTable } from '../i18n-types.js';

/** Messages of the review loop of map-communes: decisions checked and carried over, audit of existing codes. */
export const mapCommunesReview: MessageTable = {
  vi: {
    'mc.opt.audit': 'chỉ kiểm tra các mã đang có trong cột mã CQT và in báo cáo; không ghi tệp Excel',
    'mc.opt.replaceExisting':
      'thay mã đang có khi dvc chắc chắn về một mã khác (mặc định: giữ mã của cán bộ, tô màu và ghi chú)',
    'mc.err.decisionsInvalid':
      '{count} quyết định không dùng được; chưa ghi tệp nào. Sửa các dòng sau rồi chạy lại:\n{lines}',
    'mc.decision.atLine': '{file}, dòng {line}',
    'mc.decision.atRow': '{file}, sheet "{sheet}" dòng {row}',
    'mc.decision.stdUnknown':
      '{at}: mã phường/xã {code} không có trong sheet chuẩn "{sheet}" — kiểm tra lại mã (cột "Mã phường/xã").',
    'mc.decision.stdTwice': '{at}: xã/phường {code} đã có quyết định khác ở {other} — giữ một quyết định.',
    'mc.decision.taxUnknown':
      '{at}: mã CQT {taxCode} (cho {code} {name}) không có trong sheet "{taxSheet}" — gõ một mã CQT của {province}, hoặc - nếu không có xã tương ứng.',
    'mc.decision.taxOtherProvince':
      '{at}: mã CQT {taxCode} (cho {code} {name}) thuộc {other}, không thuộc {province} — gõ một mã CQT của {province}.',
    'mc.decision.taxTwice':
      '{at}: mã CQT {taxCode} được chọn cho {code} và cho {others} — mỗi mã CQT chỉ thuộc một xã/phường; bỏ một quyết định.',
    'mc.reason.decidedNoNote': 'theo quyết định của cán bộ',
    'mc.reason.overrides': 'thay kết quả tự động {code} {name} ({status})',
    'mc.existing.confirmed': 'mã đang có đúng',
    'mc.existing.differs': 'mã đang có khác dvc',
    'mc.existing.unchecked': 'mã đang có chưa kiểm được',
    'mc.col.note': 'Ghi chú quyết định',
    'mc.col.existingCode': 'Mã đang có (cán bộ)',
    'mc.col.existingName': 'Tên theo mã đang có',
    'mc.col.existingVerdict': 'Kiểm tra mã đang có',
    'mc.col.overrides': 'Quyết định thay kết quả tự động',
    'mc.col.existingConfirmed': 'Mã đang có đúng',
    'mc.col.existingDiffers': 'Mã đang có khác',
    'mc.col.existingUnchecked': 'Mã đang có chưa kiểm',
    'mc.prompt.title.differs': 'dvc: mã khác',
    'mc.prompt.title.unchecked': 'dvc: chưa kiểm được',
    'mc.prompt.kept':
      'Giữ mã đang có {existing}; dvc thấy {dvc}. Để thay: gõ mã vào cột "Quyết định" (sheet "Rà soát") hoặc chạy lại với --replace-existing. Lý do: {reasons}',
    'mc.prompt.replaced': 'Đã thay mã cũ {existing} bằng {dvc}. Lý do: {reasons}',
    'mc.prompt.unchecked': 'Giữ mã đang có {existing}; dvc không tự quyết được ({status}). Lý do: {reasons}',
    'mc.summary.overrides': 'quyết định thay kết quả tự động',
    'mc.audit.title': 'Mã đang có trong cột {column}: {count}',
    'mc.audit.differsLine': '{code} {name} (dòng {row}): đang có {existing}, dvc thấy {dvc}',
    'mc.audit.more': '… và {count} dòng khác (xem sheet "Rà soát" hoặc --json)',
    'mc.audit.kept': 'Các mã khác dvc được giữ nguyên, tô màu tím và có ghi chú; dùng --replace-existing để thay.',
    'mc.audit.replaced': 'Các mã khác dvc đã được thay bằng mã của dvc (--replace-existing), tô màu tím và có ghi chú.',
    'mc.audit.noWorkbook': 'Chế độ --audit: không ghi tệp Excel.',
    'mc.summary.next':
      'Mở sheet "{sheet}" của {file}: {count} dòng cần quyết định nằm ở đầu sheet. Gõ mã CQT đã chọn vào cột "Quyết định" (hoặc - nếu không có; trên dòng thuế chưa dùng: mã phường/xã nhận mã thuế đó), lưu lại, rồi chạy:',
    'mc.summary.nextNoCommand':
      'Mở sheet "{sheet}" của {file}: {count} dòng cần quyết định nằm ở đầu sheet. Gõ mã CQT đã chọn vào cột "Quyết định" (hoặc - nếu không có), lưu lại, rồi chạy lại dvc với --decisions và tệp đó.',
    'mc.next.refusedControl':
      'dvc không in lệnh để dán: "{arg}" chứa ký tự điều khiển ({chars}) mà không cách viết nào trong cửa sổ lệnh giữ an toàn. Hãy đổi tên tệp (hoặc sheet, tỉnh) cho không còn ký tự đó.',
    'mc.next.refusedWindows':
      'dvc không in lệnh để dán: "{arg}" chứa {chars}, mà cmd hoặc PowerShell sẽ hiểu thành biến hoặc lệnh dù có ngoặc kép. Hãy đổi tên tệp (hoặc sheet) cho không còn ký tự đó.',
    'html.map.filter.review': 'Cần rà soát',
    'html.map.existing': 'Mã đang có',
  },
  en: {
    'mc.opt.audit': 'only check the codes already in the tax code column and print the report; write no workbook',
    'mc.opt.replaceExisting':
      "replace an existing code when dvc is confident of another (default: keep the officer's code, coloured and annotated)",
    'mc.err.decisionsInvalid':
      '{count} decisions cannot be used; nothing was written. Fix these lines and run again:\n{lines}',
    'mc.decision.atLine': '{file}, line {line}',
    'mc.decision.atRow': '{file}, sheet "{sheet}" row {row}',
    'mc.decision.stdUnknown':
      '{at}: commune code {code} is not in the standard sheet "{sheet}" — check the code (column "Mã phường/xã").',
    'mc.decision.stdTwice': '{at}: commune {code} has another decision at {other} — keep one.',
    'mc.decision.taxUnknown':
      '{at}: tax code {taxCode} (for {code} {name}) is not in sheet "{taxSheet}" — type a tax code of {province}, or - when there is none.',
    'mc.decision.taxOtherProvince':
      '{at}: tax code {taxCode} (for {code} {name}) belongs to {other}, not to {province} — type a tax code of {province}.',
    'mc.decision.taxTwice':
      '{at}: tax code {taxCode} is chosen for {code} and for {others} — a tax code belongs to one commune; drop one decision.',
    'mc.reason.decidedNoNote': "officer's decision",
    'mc.reason.overrides': 'replaces the automatic match {code} {name} ({status})',
    'mc.existing.confirmed': 'existing code confirmed',
    'mc.existing.differs': 'existing code differs from dvc',
    'mc.existing.unchecked': 'existing code not checked',
    'mc.col.note': 'Decision note',
    'mc.col.existingCode': "Existing code (officer's)",
    'mc.col.existingName': 'Name of the existing code',
    'mc.col.existingVerdict': 'Existing code check',
    'mc.col.overrides': 'Decisions replacing a match',
    'mc.col.existingConfirmed': 'Existing confirmed',
    'mc.col.existingDiffers': 'Existing differs',
    'mc.col.existingUnchecked': 'Existing unchecked',
    'mc.prompt.title.differs': 'dvc: another code',
    'mc.prompt.title.unchecked': 'dvc: not checked',
    'mc.prompt.kept':
      'Kept the existing code {existing}; dvc finds {dvc}. To replace it: type the code in column "Quyết định" (sheet "Rà soát") or run again with --replace-existing. Why: {reasons}',
    'mc.prompt.replaced': 'The old code {existing} was replaced by {dvc}. Why: {reasons}',
    'mc.prompt.unchecked': 'Kept the existing code {existing}; dvc cannot decide ({status}). Why: {reasons}',
    'mc.summary.overrides': 'decisions replacing an automatic match',
    'mc.audit.title': 'Codes already in column {column}: {count}',
    'mc.audit.differsLine': '{code} {name} (row {row}): has {existing}, dvc finds {dvc}',
    'mc.audit.more': '… and {count} more rows (see sheet "Rà soát" or --json)',
    'mc.audit.kept':
      'Codes that differ were kept, coloured purple and annotated; use --replace-existing to replace them.',
    'mc.audit.replaced':
      "Codes that differ were replaced by dvc's (--replace-existing), coloured purple and annotated.",
    'mc.audit.noWorkbook': '--audit: no workbook was written.',
    'mc.summary.next':
      'Open sheet "{sheet}" of {file}: the {count} rows that need a decision are at the top. Type the chosen tax code in the "Quyết định" column (or - for none; on an unused tax row: the code of the commune that takes it), save, then run:',
    'mc.summary.nextNoCommand':
      'Open sheet "{sheet}" of {file}: the {count} rows that need a decision are at the top. Type the chosen tax code in the "Quyết định" column (or - for none), save, then run dvc again with --decisions and that file.',
    'mc.next.refusedControl':
      'dvc prints no command to paste: "{arg}" holds a control character ({chars}) that no shell spelling keeps safe. Rename the file (or sheet, province) so that it has none.',
    'mc.next.refusedWindows':
      'dvc prints no command to paste: "{arg}" holds {chars}, which cmd or PowerShell read as a variable or a command even in double quotes. Rename the file (or sheet) so that it has none.',
    'html.map.filter.review': 'To review',
    'html.map.existing': 'Existing code',
  },
};
