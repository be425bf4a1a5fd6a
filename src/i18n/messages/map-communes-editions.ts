import type { MessageTable } from '../i18n-types.js';

/** Texts of the edition checks, the merge-table route and the review candidates of `dvc map-communes`. */
export const mapCommunesEditions: MessageTable = {
  vi: {
    'reason.code_confirms': 'hai tên chỉ khác dấu; hai bảng cùng ghi mã {code} nên được coi là một',
    'reason.official_spelling':
      'danh mục chính thức {list} ghi đơn vị mã {code} là "{name}", đúng như bảng thuế: cùng một đơn vị, chỉ khác cách ghi dấu trong bảng chuẩn',
    'reason.diacritics_differ':
      'cả hai tên đều có dấu và khác dấu với "{name}" ({code}): là hai tên khác nhau, không tự điền — cần rà soát',
    'reason.unmarked_several':
      'tên viết không dấu "{name}" có thể là bất kỳ tên nào sau đây: {names}; dvc không tự chọn — cần rà soát',
    'reason.sole_close_pair':
      'hai tên chỉ khác dấu với "{name}"; trong {district} đây là cặp duy nhất chưa khớp có thể là nhau (không tên nào khác cùng chữ hay gần giống): coi là lỗi gõ dấu',
    'reason.same_province_code':
      'tên tỉnh khác nhau giữa hai kỳ danh mục nhưng hai bảng cùng hệ mã và cùng ghi mã tỉnh {code}: cùng một tỉnh',
    'reason.former_district':
      'tên trùng trong tỉnh; theo bảng sáp nhập (dữ liệu suy ra), xã mới lập từ địa bàn huyện cũ {district}',
    'reason.same_name_candidates': 'tên khớp với {count} dòng CQT; dvc không tự chọn',
    'reason.no_same_name': 'không có dòng CQT cùng tên trong tỉnh',
    'reason.via_merge':
      'qua bảng sáp nhập (dữ liệu suy ra, không chính thức, từ các Nghị quyết sắp xếp ĐVHC cấp xã năm 2025 của UBTVQH): sáp nhập toàn bộ vào {newName} (mã GSO 2025 {newCode})',
    'reason.via_merge_partial':
      'qua bảng sáp nhập (dữ liệu suy ra, từ các Nghị quyết năm 2025 của UBTVQH): chỉ một phần sáp nhập vào {targets}; cán bộ chọn',
    'reason.via_merge_none': 'bảng sáp nhập không có mã {code}: hãy kiểm tra mã và tên xã',
    'reason.via_merge_no_tax':
      'sáp nhập vào {newName} (mã GSO 2025 {newCode}) nhưng sheet thuế không có dòng nào khớp xã đó',
    'reason.via_official':
      'theo bảng chuyển đổi ĐVHC chính thức của Cục Thống kê ("{note}"): vào {newName} (mã GSO 2025 {newCode})',
    'reason.via_official_no_tax':
      'theo bảng chuyển đổi ĐVHC chính thức của Cục Thống kê ("{note}"): vào {newName} (mã GSO 2025 {newCode}), nhưng sheet thuế không có dòng nào khớp xã đó',
    'reason.via_official_split':
      'theo bảng chuyển đổi ĐVHC chính thức của Cục Thống kê, xã này không vào trọn một xã mới: {targets}; cán bộ chọn',
    'reason.via_official_none': 'bảng chuyển đổi ĐVHC chính thức của Cục Thống kê không có mã {code}',
    'reason.via_tables_disagree':
      'hai bảng ghi khác nhau: bảng chuyển đổi ĐVHC chính thức của Cục Thống kê ghi {official}; bảng sáp nhập (dữ liệu suy ra, không chính thức) ghi sáp nhập toàn bộ vào {derived}; cán bộ chọn',
    'reason.via_tables_disagree_partial':
      'hai bảng ghi khác nhau: bảng chuyển đổi ĐVHC chính thức của Cục Thống kê ghi {official}; bảng sáp nhập (dữ liệu suy ra, không chính thức) ghi chỉ một phần sáp nhập vào {derived}; cán bộ chọn',
    'reason.cross_edition': 'khác kỳ danh mục: sheet chuẩn là {std}, sheet thuế là {tax}',
    'candidate.why.same_name': 'cùng tên',
    'candidate.why.same_name_other_district': 'cùng tên, ở huyện khác',
    'candidate.why.other_unit_type': 'cùng tên, khác loại đơn vị (Thị trấn/Xã/Phường)',
    'candidate.why.merged_into': 'xã mới mà xã này đã sáp nhập vào',
    'candidate.why.similar_spelling': 'tên viết gần giống',
    'candidate.why.unused_same_district': 'dòng CQT chưa dùng, cùng huyện',
    'edition.gso-2004': 'danh mục mã 2004 (QĐ 124/2004), kỳ {date}',
    'edition.gso-2004-undated': 'danh mục mã 2004 (QĐ 124/2004), kỳ 01/11/2021 hoặc 01/03/2025',
    'edition.gso-2025': 'danh mục 2025 (34 tỉnh)',
    'edition.absent': 'không có tỉnh này',
    'edition.mixed': 'lẫn hai kỳ ({old} dòng của danh mục 2004, {new} dòng của danh mục 2025)',
    'edition.unknown': 'không xác định',
    'mc.editions.title': 'Kỳ danh mục',
    'mc.editions.line': '{province}: sheet chuẩn {std}; sheet thuế {tax}',
    'mc.err.editionMismatch':
      'Sheet chuẩn và sheet thuế thuộc hai kỳ danh mục khác nhau: {found}. Tên trùng giữa hai kỳ không phải là cùng một xã (ví dụ xã mới sáp nhập mang tên một xã cũ), nên dvc không tự điền. Hãy chọn một cách: (1) lập lại sheet chuẩn từ danh mục 2025: thêm --reference gso-2025; (2) ánh xạ qua bảng sáp nhập: thêm --via-merges; (3) vẫn đối chiếu và đánh dấu mọi mã điền khác kỳ: thêm --allow-mixed-editions.',
    'mc.err.viaMergesNeedsOld':
      '--via-merges chỉ dùng khi sheet chuẩn là danh mục mã 2004 và sheet thuế là danh mục 2025; tệp này: {found}.',
    'mc.note.viaOfficial':
      'Đã ánh xạ qua bảng chuyển đổi ĐVHC chính thức của Cục Thống kê: {official} xã đã điền mã; {derived} xã bảng chính thức không có, điền theo bảng sáp nhập (dữ liệu suy ra, không chính thức); {review} xã cần rà soát (chia vào nhiều xã mới, hoặc hai bảng ghi khác nhau).',
    'mc.note.crossEdition': 'Đối chiếu khác kỳ theo yêu cầu (--allow-mixed-editions): {count} mã điền được đánh dấu.',
    'mc.opt.viaMerges':
      'sheet chuẩn mã 2004, sheet thuế 2025: điền cho mỗi xã cũ mã CQT của xã mới mà nó vào trọn (bảng chuyển đổi chính thức của Cục Thống kê; bảng sáp nhập suy ra khi bảng đó không có)',
    'mc.opt.allowMixedEditions': 'vẫn đối chiếu khi hai sheet khác kỳ danh mục; mọi mã điền khác kỳ được đánh dấu',
  },
  en: {
    'reason.code_confirms': 'the names differ only in diacritics; both sheets give code {code}, so they are one',
    'reason.official_spelling':
      'the official list {list} spells unit {code} "{name}", exactly as the tax sheet does: one unit, spelt with other diacritics in the standard sheet',
    'reason.diacritics_differ':
      'both names carry diacritics and differ from "{name}" ({code}): two different names, not filled — review',
    'reason.unmarked_several':
      'the name written without diacritics "{name}" may stand for any of: {names}; dvc does not choose — review',
    'reason.sole_close_pair':
      'the names differ from "{name}" only in diacritics; in {district} they are the only unmatched pair that could be each other (no other name of the same or close letters): taken for a typo in the marks',
    'reason.same_province_code':
      'the province names differ between the editions, but both sheets use one code system and give province code {code}: one province',
    'reason.former_district':
      'name repeated in the province; by the merge table (derived data) the new commune was formed in old district {district}',
    'reason.same_name_candidates': 'the name meets {count} tax rows; dvc does not choose',
    'reason.no_same_name': 'no tax row of the same name in the province',
    'reason.via_merge':
      'through the merge table (derived data, not official, from the 2025 commune-reorganisation resolutions of the NA Standing Committee): merged in full into {newName} (GSO 2025 code {newCode})',
    'reason.via_merge_partial':
      'through the merge table (derived data, from the 2025 resolutions of the NA Standing Committee): only part of it went into {targets}; the officer chooses',
    'reason.via_merge_none': 'the merge table does not know code {code}: check the code and the name',
    'reason.via_merge_no_tax': 'merged into {newName} (GSO 2025 code {newCode}) but no tax row matches that commune',
    'reason.via_official':
      'by the official conversion table of the National Statistics Office ("{note}"): into {newName} (GSO 2025 code {newCode})',
    'reason.via_official_no_tax':
      'by the official conversion table of the National Statistics Office ("{note}"): into {newName} (GSO 2025 code {newCode}), but no tax row matches that commune',
    'reason.via_official_split':
      'by the official conversion table of the National Statistics Office, this commune did not go whole into one new commune: {targets}; the officer chooses',
    'reason.via_official_none':
      'the official conversion table of the National Statistics Office does not list code {code}',
    'reason.via_tables_disagree':
      'the two tables differ: the official conversion table of the National Statistics Office gives {official}; the merge table (derived data, not official) gives merged in full into {derived}; the officer chooses',
    'reason.via_tables_disagree_partial':
      'the two tables differ: the official conversion table of the National Statistics Office gives {official}; the merge table (derived data, not official) gives only part of it into {derived}; the officer chooses',
    'reason.cross_edition': 'across editions: standard sheet is {std}, tax sheet is {tax}',
    'candidate.why.same_name': 'same name',
    'candidate.why.same_name_other_district': 'same name, another district',
    'candidate.why.other_unit_type': 'same name, another unit type (Thị trấn/Xã/Phường)',
    'candidate.why.merged_into': 'the new commune this one was merged into',
    'candidate.why.similar_spelling': 'similar spelling',
    'candidate.why.unused_same_district': 'unused tax row of the same district',
    'edition.gso-2004': '2004-coded list (QĐ 124/2004), edition {date}',
    'edition.gso-2004-undated': '2004-coded list (QĐ 124/2004), edition 2021-11-01 or 2025-03-01',
    'edition.gso-2025': '2025 list (34 provinces)',
    'edition.absent': 'no such province',
    'edition.mixed': 'mixed ({old} rows of the 2004 list, {new} rows of the 2025 list)',
    'edition.unknown': 'unknown',
    'mc.editions.title': 'Editions',
    'mc.editions.line': '{province}: standard sheet {std}; tax sheet {tax}',
    'mc.err.editionMismatch':
      'The standard sheet and the tax sheet are different editions of the commune list: {found}. A name shared by both editions is not the same commune (a merged new commune often carries an old name), so dvc fills nothing. Choose one: (1) rebuild the standard sheet from the 2025 list: add --reference gso-2025; (2) map through the merge table: add --via-merges; (3) match anyway and mark every cross-edition fill: add --allow-mixed-editions.',
    'mc.err.viaMergesNeedsOld':
      '--via-merges applies when the standard sheet is the 2004-coded list and the tax sheet the 2025 list; this file: {found}.',
    'mc.note.viaOfficial':
      'Mapped through the official conversion table of the National Statistics Office: {official} communes filled; {derived} communes the official table does not list, filled by the merge table (derived data, not official); {review} communes need review (split between new communes, or the two tables differ).',
    'mc.note.crossEdition':
      'Matched across editions on request (--allow-mixed-editions): {count} filled codes are marked.',
    'mc.opt.viaMerges':
      '2004-coded standard sheet, 2025 tax sheet: fill each old commune with the tax code of the new commune it went into whole (official conversion table of the statistics office; the derived merge table where that one is silent)',
    'mc.opt.allowMixedEditions':
      'match even when the two sheets are different editions; every cross-edition fill is marked',
  },
};
