/**
 * Character tables of the two legacy Vietnamese font encodings still found in Excel workbooks.
 * Both are byte encodings; once a workbook is opened in Excel (Windows-1252) each byte 0xA0–0xFF shows up
 * as the Unicode character with the same number (U+00A0–U+00FF), which is what these tables key on.
 */

/**
 * TCVN3 (TCVN 5712:1993, "ABC", fonts .VnTime/.VnArial). Only the VN3 repertoire: lower-case toned vowels
 * and the seven upper-case letters Ă Â Ê Ô Ơ Ư Đ. Upper-case toned vowels do not exist in VN3 (the .VnTimeH
 * fonts draw the lower-case bytes as capitals), so decoding yields lower case for them.
 * Note 0xAD (soft hyphen) is "ư": soft hyphens must not be removed before decoding.
 */
export const TCVN3_TO_UNICODE: ReadonlyMap<string, string> = new Map(
  [
    [0xa1, 'Ă'],
    [0xa2, 'Â'],
    [0xa3, 'Ê'],
    [0xa4, 'Ô'],
    [0xa5, 'Ơ'],
    [0xa6, 'Ư'],
    [0xa7, 'Đ'],
    [0xa8, 'ă'],
    [0xa9, 'â'],
    [0xaa, 'ê'],
    [0xab, 'ô'],
    [0xac, 'ơ'],
    [0xad, 'ư'],
    [0xae, 'đ'],
    [0xb5, 'à'],
    [0xb6, 'ả'],
    [0xb7, 'ã'],
    [0xb8, 'á'],
    [0xb9, 'ạ'],
    [0xbb, 'ằ'],
    [0xbc, 'ẳ'],
    [0xbd, 'ẵ'],
    [0xbe, 'ắ'],
    [0xc6, 'ặ'],
    [0xc7, 'ầ'],
    [0xc8, 'ẩ'],
    [0xc9, 'ẫ'],
    [0xca, 'ấ'],
    [0xcb, 'ậ'],
    [0xcc, 'è'],
    [0xce, 'ẻ'],
    [0xcf, 'ẽ'],
    [0xd0, 'é'],
    [0xd1, 'ẹ'],
    [0xd2, 'ề'],
    [0xd3, 'ể'],
    [0xd4, 'ễ'],
    [0xd5, 'ế'],
    [0xd6, 'ệ'],
    [0xd7, 'ì'],
    [0xd8, 'ỉ'],
    [0xdc, 'ĩ'],
    [0xdd, 'í'],
    [0xde, 'ị'],
    [0xdf, 'ò'],
    [0xe1, 'ỏ'],
    [0xe2, 'õ'],
    [0xe3, 'ó'],
    [0xe4, 'ọ'],
    [0xe5, 'ồ'],
    [0xe6, 'ổ'],
    [0xe7, 'ỗ'],
    [0xe8, 'ố'],
    [0xe9, 'ộ'],
    [0xea, 'ờ'],
    [0xeb, 'ở'],
    [0xec, 'ỡ'],
    [0xed, 'ớ'],
    [0xee, 'ợ'],
    [0xef, 'ù'],
    [0xf1, 'ủ'],
    [0xf2, 'ũ'],
    [0xf3, 'ú'],
    [0xf4, 'ụ'],
    [0xf5, 'ừ'],
    [0xf6, 'ử'],
    [0xf7, 'ữ'],
    [0xf8, 'ứ'],
    [0xf9, 'ự'],
    [0xfa, 'ỳ'],
    [0xfb, 'ỷ'],
    [0xfc, 'ỹ'],
    [0xfd, 'ý'],
    [0xfe, 'ỵ'],
  ].map(([byte, ch]) => [String.fromCharCode(byte as number), ch as string]),
);

/** Combining tone marks in Unicode, by tone. */
export type Tone = 'acute' | 'grave' | 'hook' | 'tilde' | 'dot';
export const TONE_MARKS: Readonly<Record<Tone, string>> = {
  grave: '\u0300',
  acute: '\u0301',
  tilde: '\u0303',
  hook: '\u0309',
  dot: '\u0323',
};

/**
 * VNI Windows: a base letter followed by a mark character. The mark set depends on the base:
 * plain tones after any vowel, circumflex(+tone) after a/e/o, breve(+tone) after a.
 * Lower-case marks follow lower-case bases and upper-case marks upper-case bases; both are accepted.
 */
export const VNI_TONE: ReadonlyMap<string, Tone> = new Map([
  ['ù', 'acute'],
  ['ø', 'grave'],
  ['û', 'hook'],
  ['õ', 'tilde'],
  ['ï', 'dot'],
  ['Ù', 'acute'],
  ['Ø', 'grave'],
  ['Û', 'hook'],
  ['Õ', 'tilde'],
  ['Ï', 'dot'],
] as [string, Tone][]);

/** Circumflex marks (after a, e, o) with the tone they also carry (null = none). */
export const VNI_CIRCUMFLEX: ReadonlyMap<string, Tone | null> = new Map([
  ['â', null],
  ['á', 'acute'],
  ['à', 'grave'],
  ['å', 'hook'],
  ['ã', 'tilde'],
  ['ä', 'dot'],
  ['Â', null],
  ['Á', 'acute'],
  ['À', 'grave'],
  ['Å', 'hook'],
  ['Ã', 'tilde'],
  ['Ä', 'dot'],
] as [string, Tone | null][]);

/** Breve marks (after a) with the tone they also carry. */
export const VNI_BREVE: ReadonlyMap<string, Tone | null> = new Map([
  ['ê', null],
  ['é', 'acute'],
  ['è', 'grave'],
  ['ú', 'hook'],
  ['ü', 'tilde'],
  ['ë', 'dot'],
  ['Ê', null],
  ['É', 'acute'],
  ['È', 'grave'],
  ['Ú', 'hook'],
  ['Ü', 'tilde'],
  ['Ë', 'dot'],
] as [string, Tone | null][]);

/** VNI characters that stand alone for a whole Vietnamese letter. */
export const VNI_STANDALONE: ReadonlyMap<string, string> = new Map([
  ['ô', 'ơ'],
  ['Ô', 'Ơ'],
  ['ö', 'ư'],
  ['Ö', 'Ư'],
  ['ñ', 'đ'],
  ['Ñ', 'Đ'],
  ['í', 'í'],
  ['ì', 'ì'],
  ['æ', 'ỉ'],
  ['ó', 'ĩ'],
  ['ò', 'ị'],
  ['Í', 'Í'],
  ['Ì', 'Ì'],
  ['Æ', 'Ỉ'],
  ['Ó', 'Ĩ'],
  ['Ò', 'Ị'],
  ['î', 'ỵ'],
  ['Î', 'Ỵ'],
]);
