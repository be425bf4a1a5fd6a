/** Where an old (2004 code system) commune went in the 2025 reform, by the statistics office's conversion table. */
import { restoreCodeZeros } from '../text/text.js';
import type { ConversionLink, ConversionLinks } from './reference-types.js';

/**
 * Whether a note of the conversion table says the whole old commune went into the new one. The partial notes
 * all speak of a part ("Nhập một phần", "Nhập một phần diện tích, toàn bộ dân số", "Phần còn lại sau khi tách…");
 * the whole ones do not ("Nhập toàn bộ", "Giữ nguyên", "Đổi tên", "Đổi loại hình", "Sắp xếp toàn bộ…").
 */
export function noteIsWhole(note: string): boolean {
  return !/phần/iu.test(note.normalize('NFC'));
}

/**
 * The official links of an old commune, one per new commune, or null when the table does not list the code.
 * A code typed as a number ("1", "1.0") gets its leading zeros back.
 */
export function officialLinks(table: ConversionLinks, oldCode: string): readonly ConversionLink[] | null {
  return table.byOldCode.get(restoreCodeZeros(oldCode, 'commune', 'gso').code) ?? null;
}
