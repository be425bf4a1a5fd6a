import type { MessageTable } from '../i18n-types.js';

/** Texts of the `dvc map-communes` command itself: options, progress, the human summary, the output sheets. */
export const mapCommunesCli: MessageTable = {
  vi: {
    'mc.cmd.desc':
      'Đối chiếu mã phường/xã chuẩn (sheet "MX Bo TTTT") với mã của cơ quan thuế (sheet "MX CQT"), điền cột "Mã phường/xã CQT"',
    'mc.arg.workbook': 'tệp Excel .xlsx có hai sheet "MX Bo TTTT" và "MX CQT"',
    'mc.opt.stdSheet': 'tên sheet danh mục chuẩn (mặc định "MX Bo TTTT")',
    'mc.opt.taxSheet': 'tên sheet danh mục của cơ quan thuế (mặc định "MX CQT")',
    'mc.opt.stdCols': 'chỉ định cột của sheet chuẩn, ví dụ code=F,name=E,province=B,district=D',
    'mc.opt.taxCols': 'chỉ định cột của sheet thuế, ví dụ code=F,name=E,province=B,district=D',
    'mc.opt.province': 'chỉ đối chiếu tỉnh này (mã GSO, mã TMS hoặc tên; có thể lặp lại)',
    'mc.opt.reference': 'khi không có sheet chuẩn: dùng danh mục GSO kèm theo (gso-2025 hoặc gso-2004)',
    'mc.opt.decisions':
      'áp dụng lại quyết định của cán bộ: tệp CSV (std_code,tax_code,note) hoặc tệp kết quả lần trước có sheet "Rà soát"',
    'mc.opt.out': 'tệp kết quả (mặc định <tệp vào>.doi-chieu.xlsx bên cạnh tệp vào)',
    'mc.opt.mapOut': 'ghi bảng MAP gửi cơ quan thuế ra tệp CSV (UTF-8 có BOM, mở được bằng Excel)',
    'mc.opt.html': 'ghi báo cáo HTML xem trên trình duyệt',
    'mc.opt.strict': 'thoát mã 1 nếu còn dòng "ambiguous" hoặc "not_found"',
    'mc.progress.read': 'Đang đọc {file}…',
    'mc.progress.match': 'Đang đối chiếu {rows} dòng…',
    'mc.progress.write': 'Đang ghi {file}…',
    'mc.summary.title': 'Kết quả đối chiếu: {rows} xã/phường trong {provinces} tỉnh',
    'mc.summary.exact': 'khớp chính xác',
    'mc.summary.normalised': 'khớp sau chuẩn hóa',
    'mc.summary.decided': 'theo quyết định của cán bộ',
    'mc.summary.ambiguous': 'nhiều ứng viên — cần rà soát',
    'mc.summary.notFound': 'không tìm thấy — cần rà soát',
    'mc.summary.taxUnused': 'dòng thuế chưa được dùng',
    'mc.summary.conflicts': 'mã thuế bị hai dòng chọn (không điền)',
    'mc.summary.output': 'Đã ghi: {file}',
    'mc.summary.mapOut': 'Bảng MAP: {file}',
    'mc.summary.html': 'Báo cáo HTML: {file}',
    'mc.summary.review':
      'Mở sheet "Rà soát" để xem {count} dòng cần kiểm tra; gõ mã đã chọn vào cột "Quyết định", lưu lại, rồi chạy lại với --decisions {file} --out <tệp mới>.',
    'mc.summary.allGood': 'Mọi dòng đều đã được điền.',
    'mc.note.targetColumn': 'Cột I đang chứa dữ liệu khác; kết quả được ghi vào cột {column}.',
    'mc.note.reference': 'Không có sheet chuẩn; dùng danh mục {edition} kèm theo dvc.',
    'mc.note.decisionsCarried':
      '{count} quyết định của tỉnh không chọn bằng --province được chép sang sheet "{sheet}" của tệp kết quả, chưa áp dụng ở lần chạy này.',
    'mc.note.decisionsNotApplied':
      '{count} quyết định của tỉnh không chọn bằng --province chưa áp dụng ở lần chạy này.',
    'mc.note.unpairedStd': 'Tỉnh "{name}" của sheet chuẩn không có trên sheet thuế.',
    'mc.note.unpairedTax': 'Tỉnh "{name}" của sheet thuế không có trên sheet chuẩn.',
    'mc.note.unpairedTaxMany':
      '{count} tỉnh của sheet thuế không có trên sheet chuẩn ({names}, …); các dòng của chúng không được dùng.',
    'mc.err.sheetMissing': 'Không có sheet "{sheet}" trong tệp. Các sheet hiện có: {found}. Chỉ định bằng {option}.',
    'mc.err.stdMissing':
      'Không có sheet chuẩn "{sheet}". Các sheet hiện có: {found}. Chỉ định bằng --std-sheet, hoặc dùng --reference gso-2025|gso-2004 để dùng danh mục GSO kèm theo.',
    'mc.err.provinceNotInWorkbook': 'Tỉnh "{query}" không có trong tệp. Các tỉnh có trong sheet chuẩn: {found}.',
    'mc.err.provinceNotOnTax':
      'Tỉnh "{name}" có trên sheet chuẩn nhưng không có trên sheet thuế, nên không có gì để đối chiếu. Các tỉnh có trên cả hai sheet: {found}. Tỉnh đã nhập vào tỉnh khác năm 2025: với --via-merges, chọn tỉnh mới mà nó đã nhập vào.',
    'mc.err.decisionsHeader': 'Tệp quyết định "{file}" cần các cột std_code,tax_code (note tùy chọn); thấy: {found}.',
    'mc.err.decisionsRead': 'Không đọc được tệp quyết định "{file}": {reason}',
    'mc.err.decisionsRead.recordSize':
      'Tệp quyết định "{file}" có một ô dài quá {limit} ký tự ở dòng {line}: tệp quyết định chỉ chứa mã và ghi chú ngắn. Kiểm tra lại tệp (có thể đã chọn nhầm tệp).',
    'mc.err.decisionsRead.quoteNotClosed':
      'Tệp quyết định "{file}" kết thúc (dòng {line}) khi một ô mở bằng dấu nháy kép (") chưa được đóng. Thêm dấu nháy kép còn thiếu, hoặc lưu lại tệp bằng Excel dạng CSV.',
    'mc.err.decisionsEmpty':
      'Tệp quyết định "{file}" không có quyết định nào (cột "Quyết định" của sheet "Rà soát" đang trống).',
    'mc.err.decisionsNoReview':
      'Tệp quyết định "{file}" không có sheet "{sheet}" (các sheet: {found}). --decisions cần tệp kết quả của một lần chạy trước (tệp .doi-chieu.xlsx, đã gõ quyết định vào sheet "{sheet}") hoặc một tệp CSV std_code,tax_code,note.',
    'mc.sheet.review': 'Rà soát',
    'mc.sheet.summary': 'Tóm tắt',
    'mc.col.sheet': 'Sheet',
    'mc.col.row': 'Dòng',
    'mc.col.province': 'Tỉnh/Thành phố',
    'mc.col.district': 'Quận/Huyện',
    'mc.col.code': 'Mã phường/xã',
    'mc.col.name': 'Tên phường/xã',
    'mc.col.status': 'Trạng thái',
    'mc.col.method': 'Cách khớp',
    'mc.col.reasons': 'Lý do',
    'mc.col.taxCode': 'Mã CQT đề xuất',
    'mc.col.taxName': 'Tên CQT',
    'mc.col.candidates': 'Ứng viên (mã — tên — huyện)',
    'mc.col.decision': 'Quyết định (gõ mã CQT, hoặc - nếu không có)',
    'mc.col.rows': 'Số dòng',
    'mc.col.taxUnused': 'Dòng thuế chưa dùng',
    'mc.col.conflicts': 'Xung đột mã',
    'mc.legend.title': 'Chú giải màu cột "Mã phường/xã CQT"',
    'mc.total': 'Tổng cộng',
    'mc.taxUnused.title': 'Dòng của sheet thuế chưa được dòng chuẩn nào dùng',
    'mc.conflicts.title': 'Mã thuế bị nhiều dòng chuẩn chọn (không điền dòng nào)',
    'mc.duplicateCodes.title': 'Mã bị trùng trong cùng một sheet',
  },
  en: {
    'mc.cmd.desc':
      'Reconcile standard commune codes (sheet "MX Bo TTTT") with the tax authority\'s (sheet "MX CQT") and fill column "Mã phường/xã CQT"',
    'mc.arg.workbook': 'the .xlsx workbook with sheets "MX Bo TTTT" and "MX CQT"',
    'mc.opt.stdSheet': 'name of the standard sheet (default "MX Bo TTTT")',
    'mc.opt.taxSheet': 'name of the tax authority sheet (default "MX CQT")',
    'mc.opt.stdCols': 'columns of the standard sheet, e.g. code=F,name=E,province=B,district=D',
    'mc.opt.taxCols': 'columns of the tax sheet, e.g. code=F,name=E,province=B,district=D',
    'mc.opt.province': 'reconcile only this province (GSO code, TMS code or name; repeatable)',
    'mc.opt.reference': 'when there is no standard sheet: use the shipped GSO list (gso-2025 or gso-2004)',
    'mc.opt.decisions':
      're-apply the officer\'s decisions: a CSV (std_code,tax_code,note) or an earlier output with its "Rà soát" sheet',
    'mc.opt.out': 'output workbook (default <input>.doi-chieu.xlsx beside the input)',
    'mc.opt.mapOut': 'write the MAP table for the tax authority as CSV (UTF-8 with BOM, opens in Excel)',
    'mc.opt.html': 'write an HTML report to view in a browser',
    'mc.opt.strict': 'exit 1 if any row is "ambiguous" or "not_found"',
    'mc.progress.read': 'Reading {file}…',
    'mc.progress.match': 'Matching {rows} rows…',
    'mc.progress.write': 'Writing {file}…',
    'mc.summary.title': 'Reconciliation: {rows} communes in {provinces} province(s)',
    'mc.summary.exact': 'exact match',
    'mc.summary.normalised': 'matched after normalisation',
    'mc.summary.decided': 'decided by the officer',
    'mc.summary.ambiguous': 'several candidates — review',
    'mc.summary.notFound': 'not found — review',
    'mc.summary.taxUnused': 'tax rows not used',
    'mc.summary.conflicts': 'tax codes chosen by two rows (not filled)',
    'mc.summary.output': 'Written: {file}',
    'mc.summary.mapOut': 'MAP table: {file}',
    'mc.summary.html': 'HTML report: {file}',
    'mc.summary.review':
      'Open sheet "Rà soát" for the {count} rows to review; type the chosen code in its "Quyết định" column, save, and run again with --decisions {file} --out <new file>.',
    'mc.summary.allGood': 'Every row is filled.',
    'mc.note.targetColumn': 'Column I holds other data; results were written to column {column}.',
    'mc.note.reference': 'No standard sheet; using the {edition} list shipped with dvc.',
    'mc.note.decisionsCarried':
      '{count} decision(s) for provinces not chosen with --province were copied to sheet "{sheet}" of the output, not applied in this run.',
    'mc.note.decisionsNotApplied':
      '{count} decision(s) for provinces not chosen with --province were not applied in this run.',
    'mc.note.unpairedStd': 'Province "{name}" of the standard sheet is not on the tax sheet.',
    'mc.note.unpairedTax': 'Province "{name}" of the tax sheet is not on the standard sheet.',
    'mc.note.unpairedTaxMany':
      '{count} provinces of the tax sheet are not on the standard sheet ({names}, …); their rows are not used.',
    'mc.err.sheetMissing':
      'There is no sheet "{sheet}" in the workbook. Sheets present: {found}. Name it with {option}.',
    'mc.err.stdMissing':
      'There is no standard sheet "{sheet}". Sheets present: {found}. Name it with --std-sheet, or use --reference gso-2025|gso-2004 for the shipped GSO list.',
    'mc.err.provinceNotInWorkbook':
      'Province "{query}" is not in the workbook. Provinces on the standard sheet: {found}.',
    'mc.err.provinceNotOnTax':
      'Province "{name}" is on the standard sheet but not on the tax sheet, so there is nothing to match it with. Provinces on both sheets: {found}. A province merged into another in 2025: with --via-merges, choose the new province it went into.',
    'mc.err.decisionsHeader':
      'Decisions file "{file}" needs the columns std_code,tax_code (note optional); found: {found}.',
    'mc.err.decisionsRead': 'Cannot read decisions file "{file}": {reason}',
    'mc.err.decisionsRead.recordSize':
      'Decisions file "{file}" has a field longer than {limit} characters on line {line}: a decisions file holds codes and short notes. Check the file (it may be the wrong one).',
    'mc.err.decisionsRead.quoteNotClosed':
      'Decisions file "{file}" ends (line {line}) inside a field opened with a double quote (") that is never closed. Add the missing double quote, or save the file again from Excel as CSV.',
    'mc.err.decisionsEmpty':
      'Decisions file "{file}" holds no decision (the "Quyết định" column of sheet "Rà soát" is empty).',
    'mc.err.decisionsNoReview':
      'Decisions file "{file}" has no sheet "{sheet}" (sheets: {found}). --decisions takes the output of an earlier run (a .doi-chieu.xlsx file with decisions typed into sheet "{sheet}") or a CSV std_code,tax_code,note.',
    'mc.sheet.review': 'Rà soát',
    'mc.sheet.summary': 'Tóm tắt',
    'mc.col.sheet': 'Sheet',
    'mc.col.row': 'Row',
    'mc.col.province': 'Province',
    'mc.col.district': 'District',
    'mc.col.code': 'Commune code',
    'mc.col.name': 'Commune name',
    'mc.col.status': 'Status',
    'mc.col.method': 'Method',
    'mc.col.reasons': 'Reasons',
    'mc.col.taxCode': 'Proposed tax code',
    'mc.col.taxName': 'Tax name',
    'mc.col.candidates': 'Candidates (code — name — district)',
    'mc.col.decision': 'Quyết định / Decision (type the tax code, or - for none)',
    'mc.col.rows': 'Rows',
    'mc.col.taxUnused': 'Unused tax rows',
    'mc.col.conflicts': 'Code conflicts',
    'mc.legend.title': 'Colour legend of column "Mã phường/xã CQT"',
    'mc.total': 'Total',
    'mc.taxUnused.title': 'Tax rows that no standard row used',
    'mc.conflicts.title': 'Tax codes chosen by several standard rows (none filled)',
    'mc.duplicateCodes.title': 'Codes duplicated within one sheet',
  },
};
