import type { MessageTable } from '../i18n-types.js';

export const mapCommunes: MessageTable = {
  vi: {
    'reason.tcvn3_decoded': 'đã giải mã phông TCVN3 (ABC)',
    'reason.vni_decoded': 'đã giải mã phông VNI',
    'reason.nfc_normalised': 'đã chuẩn hóa Unicode (NFC)',
    'reason.whitespace_normalised': 'đã chuẩn hóa khoảng trắng',
    'reason.case_normalised': 'khác chữ hoa/chữ thường',
    'reason.tone_normalised': 'khác vị trí dấu thanh (Hoà/Hòa, Thuỷ/Thủy)',
    'reason.punctuation_normalised': 'đã chuẩn hóa dấu nháy, gạch nối',
    'reason.prefix_expanded': 'tiền tố viết tắt đã được viết đầy đủ (P., X., TT)',
    'reason.prefix_stripped': 'một bên không ghi loại đơn vị (Phường/Xã/Thị trấn)',
    'reason.unit_type_changed': 'loại đơn vị khác nhau (ví dụ Thị trấn → Phường)',
    'reason.number_normalised': 'đã bỏ số 0 ở đầu số thứ tự (Phường 01 = Phường 1)',
    'reason.spacing_normalised': 'khác khoảng trắng, gạch nối hoặc dấu nháy trong tên',
    'reason.diacritics_folded': 'chỉ khớp khi bỏ dấu',
    'reason.iy_normalised': 'khác cách viết i/y (Sỹ/Sĩ, Quý/Quí)',
    'reason.district_disambiguated': 'tên trùng trong tỉnh, đã phân biệt theo huyện {district}',
    'reason.unit_type_preferred': 'tên trùng, đã chọn theo loại đơn vị',
    'reason.decided_by_officer': 'theo quyết định của cán bộ {note}',
    'reason.no_tax_commune': 'cán bộ xác định không có xã tương ứng bên CQT',
    'reason.merged_into': 'đã sáp nhập vào {name} ({code})',
    'reason.leading_zero_restored': 'đã khôi phục số 0 ở đầu mã: {from} → {to}',
    'reason.code_conflict': 'mã CQT {code} cũng được chọn cho {others}; không điền mã nào',
    'reason.code_taken_by_decision':
      'mã CQT {code} đã được cán bộ chọn cho {by} {byName} (quyết định); dòng này không được điền, cần rà soát lại',
    'reason.decision_takes_code': 'mã {code} trước đó dvc ghép cho {other} {otherName}; xã đó chuyển sang cần rà soát',
    'reason.decision_carried': 'tỉnh không chọn bằng --province: quyết định được giữ lại, chưa áp dụng ở lần chạy này',
    'reason.duplicate_code': 'mã bị trùng trong cùng bảng',
    'reason.decision_code_unknown': 'mã CQT {code} trong quyết định không có trong bảng MX CQT',
    'status.exact': 'khớp chính xác',
    'status.normalised': 'khớp sau chuẩn hóa',
    'status.decided': 'theo quyết định',
    'status.ambiguous': 'cần xem xét (nhiều ứng viên)',
    'status.not_found': 'không tìm thấy',
    'reference.corrupt': 'Dữ liệu danh mục kèm theo dvc bị hỏng ({what}: {detail}). Hãy cài lại dvc.',
    'reference.missing': 'Không tìm thấy tệp danh mục kèm theo dvc: {file}. Hãy cài lại dvc.',
    'reference.badEdition': 'Không có danh mục "{value}". Chọn một trong: {choices}.',
    'reference.provinceEmpty':
      'Chưa ghi tỉnh. Hãy ghi mã GSO (2 chữ số), mã TMS (3 chữ số, danh mục 2025) hoặc tên tỉnh.',
    'reference.provinceUnknown':
      'Không tìm thấy tỉnh "{query}" trong danh mục {edition}. Hãy ghi mã GSO (2 chữ số), mã TMS (3 chữ số, danh mục 2025) hoặc tên tỉnh.',
    'reference.provinceUnknownNear':
      'Không tìm thấy tỉnh "{query}" trong danh mục {edition}. Có phải là: {candidates}?',
    'reference.provinceAmbiguous':
      'Tên tỉnh "{query}" khớp với nhiều tỉnh trong danh mục {edition}: {candidates}. Hãy ghi mã tỉnh.',
    'reference.provinceMerged':
      '"{query}" là {old} của danh mục trước 2025; từ 01/07/2025 tỉnh này thuộc {into}. Hãy ghi mã {code}, hoặc tra danh mục 2004.',
    'reference.provinceTmsOld':
      'Mã TMS {query} là {province} của danh mục 2025; danh mục {edition} không có mã TMS. Hãy ghi mã GSO hoặc tên của một trong các tỉnh cũ: {candidates}.',
    'communes.cmd.desc': 'tra cứu danh mục đơn vị hành chính GSO kèm theo dvc',
    'communes.find.desc': 'tìm xã/phường theo tên (hoặc mã) trong danh mục GSO 2025 hoặc danh mục theo QĐ 124/2004',
    'communes.find.arg.name': 'tên xã/phường (có hay không có dấu, có hay không có "Xã", "Phường", "P.") hoặc mã GSO',
    'communes.opt.province':
      'chỉ tìm trong một tỉnh: mã GSO ("19"), mã TMS ("215", danh mục 2025) hoặc tên ("Thái Nguyên")',
    'communes.opt.edition':
      'danh mục: 2025 (34 tỉnh, 01/07/2025), 2004 (63 tỉnh, bản 01/03/2025) hoặc 2004-2021 (bản 01/11/2021)',
    'communes.opt.limit': 'số kết quả hiển thị tối đa',
    'communes.badLimit': '--limit phải là số nguyên từ 1 trở lên, nhận được "{value}".',
    'communes.emptyQuery': 'Chưa ghi tên xã/phường cần tìm.',
    'communes.found': 'Tìm thấy {count} đơn vị khớp "{query}" trong danh mục {edition}{scope}:',
    'communes.notFound': 'Không tìm thấy "{query}" trong danh mục {edition}{scope}.',
    'communes.scope': ', {province}',
    'communes.suggest': 'Các tên gần nhất:',
    'communes.noSuggestion': 'Không có tên nào gần giống. Hãy kiểm tra tỉnh và danh mục (--edition).',
    'communes.before2025': 'Tên này có trong danh mục trước 2025 (gso-2004, bản 01/03/2025):',
    'communes.truncated': 'Mới hiển thị {shown}/{count} kết quả; dùng --limit để xem thêm.',
    'communes.mergeNote':
      'Cột "Sáp nhập vào (2025)" lấy từ bảng chuyển đổi do cộng đồng lập từ các nghị quyết sắp xếp năm 2025, không phải danh mục chính thức.',
    'communes.partial': 'một phần',
    'communes.levelDiffers': 'khác loại đơn vị',
    'communes.head.province': 'Tỉnh',
    'communes.head.district': 'Quận/huyện',
    'communes.head.code': 'Mã',
    'communes.head.name': 'Tên',
    'communes.head.level': 'Cấp',
    'communes.head.tier': 'Khớp',
    'communes.head.mergedInto': 'Sáp nhập vào (2025)',
    'communes.tier.code': 'theo mã',
    'communes.tier.exact': 'chính xác',
    'communes.tier.normalised': 'sau chuẩn hóa',
    'communes.tier.compact': 'bỏ khoảng trắng, gạch nối',
    'communes.tier.folded': 'bỏ dấu',
    'excel.encrypted':
      'Tệp "{path}" được đặt mật khẩu nên dvc không đọc được. Hãy gỡ mật khẩu trong Excel: Tệp (File) → Thông tin (Info) → Bảo vệ sổ làm việc (Protect Workbook) → Mã hóa bằng mật khẩu (Encrypt with Password), xóa mật khẩu rồi lưu lại.',
    'excel.oldXls':
      'Tệp "{path}" là sổ Excel đời cũ (.xls, Excel 97–2003); dvc chỉ đọc .xlsx. Hãy mở tệp trong Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (*.xlsx).',
    'excel.notWorkbook':
      'Tệp "{path}" không phải là sổ làm việc Excel (.xlsx). Hãy kiểm tra lại tệp; nếu là CSV hay tệp khác, mở bằng Excel rồi lưu thành .xlsx.',
    'excel.corrupt':
      'Tệp "{path}" là tệp nén .xlsx nhưng bị hỏng hoặc không đầy đủ ({reason}). Hãy mở bằng Excel để sửa rồi lưu lại, hoặc lấy lại bản gốc.',
    'excel.xlsb':
      'Tệp "{path}" là sổ Excel nhị phân (.xlsb); dvc chỉ đọc .xlsx. Hãy mở trong Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (*.xlsx).',
    'excel.ods':
      'Tệp "{path}" là bảng tính OpenDocument (.ods); dvc chỉ đọc .xlsx. Hãy mở trong LibreOffice hoặc Excel và lưu thành .xlsx.',
    'excel.sheetMissing':
      'Sổ "{path}" không có trang tính "{sheet}". Các trang tính hiện có: {found}. Đổi tên trang tính hoặc chỉ rõ tên bằng --std-sheet / --tax-sheet.',
    'excel.sheetEmpty':
      'Trang tính "{sheet}" trống. Hãy dán danh mục xã vào trang tính này, hoặc chỉ đúng trang tính bằng --std-sheet / --tax-sheet.',
    'excel.notWorksheet':
      '"{sheet}" không phải là trang tính dữ liệu (có thể là trang biểu đồ). Hãy chỉ một trang tính có bảng danh mục xã.',
    'excel.tooManyRows':
      'Trang tính "{sheet}" có hơn {max} dòng, quá lớn cho một danh mục xã. Hãy xóa các dòng thừa ở cuối trang tính (chọn dòng → Delete) rồi lưu lại.',
    'excel.formulaNoValue':
      'Ô {cell} của trang tính "{sheet}" là công thức ={formula} nhưng tệp không lưu giá trị đã tính. Hãy mở tệp trong Excel, nhấn F9 rồi lưu lại; hoặc sao chép cột và dán giá trị (Paste Values).',
    'excel.codeIsDate':
      'Ô {cell} của trang tính "{sheet}" là một mã nhưng Excel đã lưu thành ngày tháng. Hãy định dạng cột đó là Văn bản (Text) và nhập lại mã.',
    'excel.codeIsError':
      'Ô mã {cell} của trang tính "{sheet}" chứa giá trị lỗi {value}. Hãy sửa ô đó (hoặc thay công thức bằng giá trị) rồi chạy lại.',
    'excel.headerNotFound':
      'Không tìm thấy dòng tiêu đề của trang tính "{sheet}" (thiếu cột: {missing}). Các dòng đầu tiên có nội dung: {seen}. Hãy đặt tiêu đề như "Mã PX", "Phường Xã", hoặc chỉ rõ cột bằng --std-cols / --tax-cols, ví dụ "code=F,name=G".',
    'excel.colSpec.empty':
      'Đặc tả cột "{spec}" trống. Hãy ghi dạng "code=F,name=G,province=B" (chữ cột hoặc số thứ tự cột, bắt đầu từ 1).',
    'excel.colSpec.form':
      'Phần "{part}" của đặc tả cột "{spec}" không đúng dạng tên=cột. Hãy ghi dạng "code=F,name=G".',
    'excel.colSpec.key': 'Phần "{part}" của đặc tả cột "{spec}" có tên trường không biết. Các tên dùng được: {keys}.',
    'excel.colSpec.row':
      'Phần "{part}" của đặc tả cột "{spec}": số dòng tiêu đề phải là số nguyên từ 1 trở lên, ví dụ header=3.',
    'excel.colSpec.column': 'Phần "{part}" của đặc tả cột "{spec}": cột phải là chữ cột (A–XFD) hoặc số thứ tự từ 1.',
    'excel.colSpec.twice':
      'Phần "{part}" của đặc tả cột "{spec}": trường này đã được chỉ định một lần. Hãy giữ một lần.',
    'excel.colSpec.sameColumn':
      'Phần "{part}" của đặc tả cột "{spec}": cột này đã được gán cho trường khác. Mỗi cột chỉ gán cho một trường.',
    'excel.note.targetByHeader': 'Mã CQT được ghi vào cột {column}, cột có tiêu đề "{header}".',
    'excel.note.targetMoved': 'Cột {default} đang chứa dữ liệu khác nên mã CQT được ghi vào cột trống {column}.',
    'excel.patchFailed':
      'Không ghi được sổ kết quả vì cấu trúc trang tính "{sheet}" không như mong đợi ({reason}). Hãy mở tệp trong Excel, lưu lại thành .xlsx rồi chạy lại.',
  },
  en: {
    'reason.tcvn3_decoded': 'decoded from the TCVN3 (ABC) font',
    'reason.vni_decoded': 'decoded from the VNI font',
    'reason.nfc_normalised': 'Unicode normalised (NFC)',
    'reason.whitespace_normalised': 'whitespace normalised',
    'reason.case_normalised': 'upper/lower case differs',
    'reason.tone_normalised': 'tone-mark placement differs (Hoà/Hòa, Thuỷ/Thủy)',
    'reason.punctuation_normalised': 'apostrophes and dashes normalised',
    'reason.prefix_expanded': 'abbreviated prefix written out (P., X., TT)',
    'reason.prefix_stripped': 'one side omits the unit type (Phường/Xã/Thị trấn)',
    'reason.unit_type_changed': 'unit type differs (e.g. Thị trấn → Phường)',
    'reason.number_normalised': 'leading zeros dropped from the unit number (Phường 01 = Phường 1)',
    'reason.spacing_normalised': 'spaces, hyphens or apostrophes inside the name differ',
    'reason.diacritics_folded': 'matches only without diacritics',
    'reason.iy_normalised': 'i/y spelling differs (Sỹ/Sĩ, Quý/Quí)',
    'reason.district_disambiguated': 'name repeated in the province, told apart by district {district}',
    'reason.unit_type_preferred': 'name repeated, chosen by unit type',
    'reason.decided_by_officer': "officer's decision {note}",
    'reason.no_tax_commune': 'the officer decided there is no tax commune for it',
    'reason.merged_into': 'merged into {name} ({code})',
    'reason.leading_zero_restored': 'leading zeros restored: {from} → {to}',
    'reason.code_conflict': 'tax code {code} was also chosen for {others}; neither is filled',
    'reason.code_taken_by_decision':
      'tax code {code} was given to {by} {byName} by a decision; this row is not filled and needs review',
    'reason.decision_takes_code': 'dvc had matched {code} to {other} {otherName}; that commune now needs review',
    'reason.decision_carried': 'province not chosen with --province: the decision is kept, not applied in this run',
    'reason.duplicate_code': 'code occurs more than once in the sheet',
    'reason.decision_code_unknown': 'tax code {code} in the decision is not in the MX CQT sheet',
    'status.exact': 'exact match',
    'status.normalised': 'matched after normalisation',
    'status.decided': 'decided',
    'status.ambiguous': 'to review (several candidates)',
    'status.not_found': 'not found',
    'reference.corrupt': 'The reference data shipped with dvc is damaged ({what}: {detail}). Reinstall dvc.',
    'reference.missing': 'A reference data file shipped with dvc is missing: {file}. Reinstall dvc.',
    'reference.badEdition': 'There is no list "{value}". Choose one of: {choices}.',
    'reference.provinceEmpty':
      'No province given. Give a GSO code (2 digits), a TMS code (3 digits, 2025 list) or a province name.',
    'reference.provinceUnknown':
      'Province "{query}" is not in the {edition} list. Give a GSO code (2 digits), a TMS code (3 digits, 2025 list) or a province name.',
    'reference.provinceUnknownNear': 'Province "{query}" is not in the {edition} list. Did you mean: {candidates}?',
    'reference.provinceAmbiguous':
      'Province name "{query}" matches several provinces of the {edition} list: {candidates}. Give the province code.',
    'reference.provinceMerged':
      '"{query}" is {old} of the list before 2025; since 1 July 2025 it is part of {into}. Give code {code}, or search the 2004 list.',
    'reference.provinceTmsOld':
      'TMS code {query} is {province} of the 2025 list; the {edition} list has no TMS codes. Give the GSO code or the name of one of the old provinces: {candidates}.',
    'communes.cmd.desc': 'look up the GSO administrative-unit lists shipped with dvc',
    'communes.find.desc':
      'find communes/wards by name (or code) in the GSO 2025 list or the lists under Decision 124/2004',
    'communes.find.arg.name':
      'commune/ward name (with or without diacritics, with or without "Xã", "Phường", "P.") or GSO code',
    'communes.opt.province':
      'search one province only: GSO code ("19"), TMS code ("215", 2025 list) or name ("Thái Nguyên")',
    'communes.opt.edition':
      'list: 2025 (34 provinces, 1 Jul 2025), 2004 (63 provinces, edition of 1 Mar 2025) or 2004-2021 (edition of 1 Nov 2021)',
    'communes.opt.limit': 'most results shown',
    'communes.badLimit': '--limit must be a whole number from 1, got "{value}".',
    'communes.emptyQuery': 'No commune/ward name to search for.',
    'communes.found': 'Matches for "{query}" in the {edition} list{scope}: {count}',
    'communes.notFound': 'Nothing matches "{query}" in the {edition} list{scope}.',
    'communes.scope': ', {province}',
    'communes.suggest': 'Closest names:',
    'communes.noSuggestion': 'No similar name either. Check the province and the list (--edition).',
    'communes.before2025': 'This name is in the list before 2025 (gso-2004, edition of 1 Mar 2025):',
    'communes.truncated': 'Showing {shown} of {count} results; use --limit to see more.',
    'communes.mergeNote':
      'The "Merged into (2025)" column comes from a community-built table derived from the 2025 reorganisation resolutions; it is not an official list.',
    'communes.partial': 'partly',
    'communes.levelDiffers': 'other unit type',
    'communes.head.province': 'Province',
    'communes.head.district': 'District',
    'communes.head.code': 'Code',
    'communes.head.name': 'Name',
    'communes.head.level': 'Level',
    'communes.head.tier': 'Match',
    'communes.head.mergedInto': 'Merged into (2025)',
    'communes.tier.code': 'by code',
    'communes.tier.exact': 'exact',
    'communes.tier.normalised': 'normalised',
    'communes.tier.compact': 'spaces, hyphens ignored',
    'communes.tier.folded': 'diacritics ignored',
    'excel.encrypted':
      'File "{path}" is protected by a password, so dvc cannot read it. Remove the password in Excel: File → Info → Protect Workbook → Encrypt with Password, clear the password and save.',
    'excel.oldXls':
      'File "{path}" is an old Excel workbook (.xls, Excel 97–2003); dvc reads only .xlsx. Open it in Excel and choose Save As → Excel Workbook (*.xlsx).',
    'excel.notWorkbook':
      'File "{path}" is not an Excel workbook (.xlsx). Check the file; if it is a CSV or another format, open it in Excel and save it as .xlsx.',
    'excel.corrupt':
      'File "{path}" is an .xlsx package but it is damaged or incomplete ({reason}). Open it in Excel to repair it and save, or get the original again.',
    'excel.xlsb':
      'File "{path}" is a binary Excel workbook (.xlsb); dvc reads only .xlsx. Open it in Excel and choose Save As → Excel Workbook (*.xlsx).',
    'excel.ods':
      'File "{path}" is an OpenDocument spreadsheet (.ods); dvc reads only .xlsx. Open it in LibreOffice or Excel and save it as .xlsx.',
    'excel.sheetMissing':
      'Workbook "{path}" has no sheet "{sheet}". Its sheets are: {found}. Rename the sheet, or name it with --std-sheet / --tax-sheet.',
    'excel.sheetEmpty':
      'Sheet "{sheet}" is empty. Paste the commune list into it, or name the right sheet with --std-sheet / --tax-sheet.',
    'excel.notWorksheet':
      '"{sheet}" is not a data sheet (it may be a chart sheet). Name a sheet that holds the commune table.',
    'excel.tooManyRows':
      'Sheet "{sheet}" has more than {max} rows, too many for a commune list. Delete the stray rows at the end of the sheet (select the rows → Delete) and save.',
    'excel.formulaNoValue':
      'Cell {cell} of sheet "{sheet}" is the formula ={formula} but the file holds no calculated value. Open the file in Excel, press F9 and save; or copy the column and Paste Values.',
    'excel.codeIsDate':
      'Cell {cell} of sheet "{sheet}" is a code but Excel stored it as a date. Format that column as Text and type the code again.',
    'excel.codeIsError':
      'Code cell {cell} of sheet "{sheet}" holds the error value {value}. Fix that cell (or replace the formula by its value) and run again.',
    'excel.headerNotFound':
      'No header row found in sheet "{sheet}" (missing columns: {missing}). The first non-empty rows are: {seen}. Use headers such as "Mã PX", "Phường Xã", or name the columns with --std-cols / --tax-cols, e.g. "code=F,name=G".',
    'excel.colSpec.empty':
      'Column spec "{spec}" is empty. Write it as "code=F,name=G,province=B" (column letters or 1-based numbers).',
    'excel.colSpec.form':
      'Part "{part}" of column spec "{spec}" is not of the form field=column. Write it as "code=F,name=G".',
    'excel.colSpec.key': 'Part "{part}" of column spec "{spec}" names an unknown field. Known fields: {keys}.',
    'excel.colSpec.row':
      'Part "{part}" of column spec "{spec}": the header row must be a whole number from 1, e.g. header=3.',
    'excel.colSpec.column': 'Part "{part}" of column spec "{spec}": a column is a letter (A–XFD) or a number from 1.',
    'excel.colSpec.twice': 'Part "{part}" of column spec "{spec}": that field is already given. Give it once.',
    'excel.colSpec.sameColumn':
      'Part "{part}" of column spec "{spec}": that column is already given to another field. Give each column to one field.',
    'excel.note.targetByHeader': 'The tax codes are written to column {column}, whose header is "{header}".',
    'excel.note.targetMoved':
      'Column {default} holds other data, so the tax codes are written to the free column {column}.',
    'excel.patchFailed':
      'Cannot write the output workbook because sheet "{sheet}" is not structured as expected ({reason}). Open the file in Excel, save it as .xlsx and run again.',
  },
};
