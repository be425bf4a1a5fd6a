import type { MessageTable } from '../i18n-types.js';

/** Messages of the review loop of map-communes: decisions checked and carried over, audit of existing codes. */
export const mapCommunesReview: MessageTable = {
  vi: {
    'mc.opt.audit':
      'kiểm tra các mã đang có trong cột mã CQT và in báo cáo; chỉ ghi các tệp được yêu cầu (--out, --map-out, --html)',
    'mc.opt.replaceExisting':
      'thay mã đang có khi dvc chắc chắn về một mã khác (mặc định: giữ mã của cán bộ, tô màu và ghi chú)',
    'mc.err.decisionsInvalid':
      '{count} quyết định không dùng được; chưa ghi tệp nào. Sửa các dòng sau rồi chạy lại:\n{lines}',
    'mc.decision.atLine': '{file}, dòng {line}',
    'mc.decision.atRow': '{file}, sheet "{sheet}" dòng {row}',
    'mc.decision.stdUnknown':
      '{at}: mã phường/xã {code} không có trong sheet chuẩn "{sheet}" — kiểm tra lại mã (cột "Mã phường/xã").',
    'mc.decision.stdUnknownOnTaxRow':
      '{at}: trên dòng thuế chưa dùng {taxCode}, mã phường/xã {code} gõ ở cột "Quyết định" không có trong sheet chuẩn "{sheet}" — gõ mã phường/xã (mã GSO) của xã nhận mã thuế {taxCode}.',
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
    'mc.col.existingNotInTax': 'Mã đang có không có trong sheet thuế',
    'mc.existing.notInTaxSheet': 'mã đang có không có trong sheet thuế',
    'mc.existingReason.not_in_tax_sheet': 'mã {existing} không có trong sheet thuế',
    'mc.existingReason.typo': 'mã {existing} không có trong sheet thuế; gần giống mã {dvc} (gõ nhầm chữ số?)',
    'mc.existingReason.same_name':
      'mã {existing} là của {name} ở {place}: cùng tên nhưng là đơn vị khác (VLOOKUP theo tên lấy dòng đầu)',
    'mc.existingReason.same_name_here':
      'mã {existing} là của {name}: cùng tên nhưng là đơn vị khác (VLOOKUP theo tên lấy dòng đầu)',
    'mc.existingReason.other_commune': 'mã {existing} là của {name} ở {place}, không phải của xã này',
    'mc.existingReason.other_commune_here': 'mã {existing} là của {name}, không phải của xã này',
    'mc.existingReason.decided': 'mã {existing} là của {name}; cán bộ đã quyết định {decision}',
    'mc.existingReason.unknown': 'dvc tìm được một mã khác',
    'mc.existingReason.noTaxCommune': 'không có xã tương ứng',
    'mc.prompt.title.differs': 'Mã đang có khác dvc',
    'mc.prompt.title.notInTax': 'Mã không có trong sheet thuế',
    'mc.prompt.title.replaced': 'dvc đã thay mã cũ',
    'mc.prompt.title.unchecked': 'dvc: chưa kiểm được',
    'mc.prompt.kept':
      'Có thể sai: {problem}. dvc đề xuất {dvc}. Để thay: gõ mã ở cột "Quyết định" (sheet "Rà soát") hoặc dùng --replace-existing.',
    'mc.prompt.keptNotInTax':
      'Sai: {problem}. dvc đề xuất {dvc}. Để thay: gõ mã ở cột "Quyết định" (sheet "Rà soát") hoặc dùng --replace-existing.',
    'mc.prompt.replaced': 'Đã thay mã cũ {existing} bằng {dvc}. Lý do: {problem}.',
    'mc.prompt.uncheckedNotInTax':
      'Sai: {problem}. dvc không tự tìm được mã đúng ({status}): chọn mã ở cột "Quyết định" của sheet "Rà soát".',
    'mc.prompt.unchecked':
      'Giữ mã đang có {existing}; dvc không tự kiểm được ({status}). Nếu cần, chọn mã ở cột "Quyết định" của sheet "Rà soát".',
    'mc.summary.overrides': 'quyết định thay kết quả tự động',
    'mc.audit.title': 'Mã đang có trong cột {column}: {count}',
    'mc.audit.rowHead': '{code} {name} — {district}, dòng {row}',
    'mc.audit.rowHeadNoDistrict': '{code} {name} — dòng {row}',
    'mc.audit.rowExisting': 'mã đang có: {problem}',
    'mc.audit.rowDvc': 'dvc đề xuất: {dvc}',
    'mc.audit.rowDecided': 'quyết định của cán bộ: {dvc}',
    'mc.audit.rowNoDvc': 'dvc chưa tự tìm được mã ({status}): cán bộ cần chọn',
    'mc.audit.more.sheet': '… và {count} dòng khác: xem sheet "Rà soát" của {file}',
    'mc.audit.more.html': '… và {count} dòng khác: xem báo cáo {file}',
    'mc.audit.more.none':
      '… và {count} dòng khác: thêm --out <tệp.xlsx> để có sheet "Rà soát", hoặc dùng --html, --json',
    'mc.audit.kept': 'Các mã khác dvc được giữ nguyên, tô màu tím và có ghi chú; dùng --replace-existing để thay.',
    'mc.audit.replaced': 'Các mã khác dvc đã được thay bằng mã của dvc (--replace-existing), tô màu tím và có ghi chú.',
    'mc.audit.decided': 'Các mã khác dvc đã được thay theo quyết định của cán bộ, tô màu tím và có ghi chú.',
    'mc.audit.noWorkbook': 'Chế độ --audit: không ghi tệp Excel (thêm --out <tệp.xlsx> để ghi).',
    'mc.audit.nothingWritten': 'Chế độ --audit: không ghi tệp nào; thêm --out, --map-out hoặc --html để ghi kết quả.',
    'mc.summary.next':
      'Mở sheet "{sheet}" của {file}: {count} dòng cần quyết định nằm ở đầu sheet. Gõ mã CQT đã chọn vào cột "Quyết định" (hoặc - nếu không có; trên dòng thuế chưa dùng: mã phường/xã nhận mã thuế đó), lưu lại, rồi chạy:',
    'mc.summary.nextNoCommand':
      'Mở sheet "{sheet}" của {file}: {count} dòng cần quyết định nằm ở đầu sheet. Gõ mã CQT đã chọn vào cột "Quyết định" (hoặc - nếu không có), lưu lại, rồi chạy lại dvc với --decisions và tệp đó.',
    'mc.summary.reviewStep': 'Hoặc quyết định trên trình duyệt, mỗi dòng một cú bấm, không phải gõ mã:',
    'mc.next.refusedControl':
      'dvc không in lệnh để dán: "{arg}" chứa ký tự điều khiển ({chars}) mà không cách viết nào trong cửa sổ lệnh giữ an toàn. Hãy đổi tên tệp (hoặc sheet, tỉnh) cho không còn ký tự đó.',
    'mc.next.refusedWindows':
      'dvc không in lệnh để dán: "{arg}" chứa {chars}, mà cmd hoặc PowerShell sẽ hiểu thành biến hoặc lệnh dù có ngoặc kép. Hãy đổi tên tệp (hoặc sheet) cho không còn ký tự đó.',
    'html.map.filter.review': 'Cần rà soát',
    'html.map.existing': 'Mã đang có',
  },
  en: {
    'mc.opt.audit':
      'check the codes already in the tax code column and print the report; write only the outputs asked for (--out, --map-out, --html)',
    'mc.opt.replaceExisting':
      "replace an existing code when dvc is confident of another (default: keep the officer's code, coloured and annotated)",
    'mc.err.decisionsInvalid':
      '{count} decisions cannot be used; nothing was written. Fix these lines and run again:\n{lines}',
    'mc.decision.atLine': '{file}, line {line}',
    'mc.decision.atRow': '{file}, sheet "{sheet}" row {row}',
    'mc.decision.stdUnknown':
      '{at}: commune code {code} is not in the standard sheet "{sheet}" — check the code (column "Mã phường/xã").',
    'mc.decision.stdUnknownOnTaxRow':
      '{at}: on the unused tax row {taxCode}, the commune code {code} typed in the "Quyết định" column is not in the standard sheet "{sheet}" — type the commune code (GSO code) of the commune that takes tax code {taxCode}.',
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
    'mc.col.existingNotInTax': 'Existing not in tax sheet',
    'mc.existing.notInTaxSheet': 'existing code not in the tax sheet',
    'mc.existingReason.not_in_tax_sheet': 'code {existing} is not in the tax sheet',
    'mc.existingReason.typo': 'code {existing} is not in the tax sheet; it looks like {dvc} mistyped',
    'mc.existingReason.same_name':
      'code {existing} belongs to {name} in {place}: the same name, another unit (a VLOOKUP by name takes the first row)',
    'mc.existingReason.same_name_here':
      'code {existing} belongs to {name}: the same name, another unit (a VLOOKUP by name takes the first row)',
    'mc.existingReason.other_commune': 'code {existing} belongs to {name} in {place}, not to this commune',
    'mc.existingReason.other_commune_here': 'code {existing} belongs to {name}, not to this commune',
    'mc.existingReason.decided': 'code {existing} belongs to {name}; the officer decided {decision}',
    'mc.existingReason.unknown': 'dvc finds another code',
    'mc.existingReason.noTaxCommune': 'no tax commune',
    'mc.prompt.title.differs': 'Existing code differs from dvc',
    'mc.prompt.title.notInTax': 'Code not in the tax sheet',
    'mc.prompt.title.replaced': 'dvc replaced the old code',
    'mc.prompt.title.unchecked': 'dvc: not checked',
    'mc.prompt.kept':
      'Probably wrong: {problem}. dvc proposes {dvc}. To replace it: type a code in column "Quyết định" (sheet "Rà soát") or use --replace-existing.',
    'mc.prompt.keptNotInTax':
      'Wrong: {problem}. dvc proposes {dvc}. To replace it: type a code in column "Quyết định" (sheet "Rà soát") or use --replace-existing.',
    'mc.prompt.replaced': 'The old code {existing} was replaced by {dvc}. Why: {problem}.',
    'mc.prompt.uncheckedNotInTax':
      'Wrong: {problem}. dvc cannot find the right code alone ({status}): choose one in column "Quyết định" of sheet "Rà soát".',
    'mc.prompt.unchecked':
      'Kept the existing code {existing}; dvc cannot check it ({status}). If needed, choose a code in column "Quyết định" of sheet "Rà soát".',
    'mc.summary.overrides': 'decisions replacing an automatic match',
    'mc.audit.title': 'Codes already in column {column}: {count}',
    'mc.audit.rowHead': '{code} {name} — {district}, row {row}',
    'mc.audit.rowHeadNoDistrict': '{code} {name} — row {row}',
    'mc.audit.rowExisting': 'existing: {problem}',
    'mc.audit.rowDvc': 'dvc proposes: {dvc}',
    'mc.audit.rowDecided': "officer's decision: {dvc}",
    'mc.audit.rowNoDvc': 'dvc cannot find the code alone ({status}): the officer must choose',
    'mc.audit.more.sheet': '… and {count} more rows: see sheet "Rà soát" of {file}',
    'mc.audit.more.html': '… and {count} more rows: see the report {file}',
    'mc.audit.more.none':
      '… and {count} more rows: add --out <file.xlsx> for the "Rà soát" sheet, or use --html, --json',
    'mc.audit.kept':
      'Codes that differ were kept, coloured purple and annotated; use --replace-existing to replace them.',
    'mc.audit.replaced':
      "Codes that differ were replaced by dvc's (--replace-existing), coloured purple and annotated.",
    'mc.audit.decided': "Codes that differ were replaced by the officer's decisions, coloured purple and annotated.",
    'mc.audit.noWorkbook': '--audit: no workbook was written (add --out <file.xlsx> to write one).',
    'mc.audit.nothingWritten': '--audit: nothing was written; add --out, --map-out or --html to write the results.',
    'mc.summary.next':
      'Open sheet "{sheet}" of {file}: the rows that need a decision ({count}) are at the top. Type the chosen tax code in the "Quyết định" column (or - for none; on an unused tax row: the code of the commune that takes it), save, then run:',
    'mc.summary.nextNoCommand':
      'Open sheet "{sheet}" of {file}: the rows that need a decision ({count}) are at the top. Type the chosen tax code in the "Quyết định" column (or - for none), save, then run dvc again with --decisions and that file.',
    'mc.summary.reviewStep': 'Or decide in the browser, one click a row, no code to type:',
    'mc.next.refusedControl':
      'dvc prints no command to paste: "{arg}" holds a control character ({chars}) that no shell spelling keeps safe. Rename the file (or sheet, province) so that it has none.',
    'mc.next.refusedWindows':
      'dvc prints no command to paste: "{arg}" holds {chars}, which cmd or PowerShell read as a variable or a command even in double quotes. Rename the file (or sheet) so that it has none.',
    'html.map.filter.review': 'To review',
    'html.map.existing': 'Existing code',
  },
};
