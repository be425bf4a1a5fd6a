/**
 * Unit-type prefixes, written out ("Phường"), abbreviated ("P.", "P1", "F1", "TT", "Q.", "TP") or typed
 * without diacritics ("Phuong", "Thi tran"). The prefix is split off and its unit type kept apart, so that
 * "Phường Phúc Xá" and "Phúc Xá" share a bare name while "Phường 1", "Xã 1" and "Quận 1" stay different.
 */
import type { NameKind, PrefixForm, UnitType } from './text-types.js';

export interface ParsedPrefix {
  unitType: UnitType | null;
  form: PrefixForm;
  /** The name without its prefix (the whole text when there was none). */
  rest: string;
  /** The number of a numbered unit ("Phường 01", "P.1", "F1" → 1). */
  number: number | null;
  /** The digits as written, e.g. "01". */
  digits: string | null;
}

/** The written-out form of each unit type, used to keep the prefix in the key of numbered units. */
export const UNIT_WORD: Readonly<Record<UnitType, string>> = {
  xa: 'xã',
  phuong: 'phường',
  thi_tran: 'thị trấn',
  dac_khu: 'đặc khu',
  quan: 'quận',
  huyen: 'huyện',
  thi_xa: 'thị xã',
  thanh_pho: 'thành phố',
  tinh: 'tỉnh',
};

interface PrefixRule {
  re: RegExp;
  unitType: UnitType;
  form: PrefixForm;
  /** Only for names typed entirely without diacritics (avoids reading "Phương Liên" as a ward). */
  asciiOnly?: boolean;
}

const AFTER_WORD = '\\s+';
/** An abbreviation ends with a dot, a space or directly a digit ("P.1", "P 1", "P1"). */
const AFTER_ABBR = '(?:\\.\\s*|\\s+|(?=\\d))';

function full(words: string, unitType: UnitType): PrefixRule {
  return { re: new RegExp(`^(?:${words})${AFTER_WORD}`), unitType, form: 'full' };
}
function abbr(letters: string, unitType: UnitType, after = AFTER_ABBR): PrefixRule {
  return { re: new RegExp(`^(?:${letters})${after}`), unitType, form: 'abbreviated' };
}
function ascii(words: string, unitType: UnitType): PrefixRule {
  return { ...full(words, unitType), asciiOnly: true };
}

const RULES: Readonly<Record<NameKind, readonly PrefixRule[]>> = {
  commune: [
    full('phường|phuờng|phưòng|phuòng|phường', 'phuong'),
    full('thị trấn|thi trấn|thị tran|thị trân', 'thi_tran'),
    full('xã', 'xa'),
    full('đặc khu', 'dac_khu'),
    ascii('phuong', 'phuong'),
    ascii('thi tran', 'thi_tran'),
    ascii('xa', 'xa'),
    ascii('dac khu', 'dac_khu'),
    abbr('t\\.\\s?t|tt', 'thi_tran'),
    abbr('ph|p|f', 'phuong'),
    abbr('x', 'xa', '(?:\\.\\s*|\\s+)'),
  ],
  district: [
    full('thành phố|thanh phố', 'thanh_pho'),
    full('thị xã|thi xã', 'thi_xa'),
    full('quận', 'quan'),
    full('huyện|huyên', 'huyen'),
    ascii('thanh pho', 'thanh_pho'),
    ascii('thi xa', 'thi_xa'),
    ascii('quan', 'quan'),
    ascii('huyen', 'huyen'),
    abbr('t\\.\\s?p|tp', 'thanh_pho'),
    abbr('t\\.\\s?x|tx', 'thi_xa'),
    abbr('q', 'quan'),
    abbr('h', 'huyen', '(?:\\.\\s*|\\s+)'),
  ],
  province: [
    full('thành phố|thanh phố', 'thanh_pho'),
    full('tỉnh', 'tinh'),
    ascii('thanh pho', 'thanh_pho'),
    ascii('tinh', 'tinh'),
    abbr('t\\.\\s?p|tp', 'thanh_pho'),
    abbr('t', 'tinh', '\\.\\s*'),
  ],
};

const ASCII = /^[\x00-\x7f]*$/;
const NUMBER = /^0*(\d+)$/;

/** Splits the prefix off a whitespace-normalised name; matching ignores case, `rest` keeps it. */
export function parseUnitPrefix(s: string, kind: NameKind): ParsedPrefix {
  const lower = s.toLowerCase();
  const isAscii = ASCII.test(lower);
  for (const rule of RULES[kind]) {
    if (rule.asciiOnly && !isAscii) continue;
    const m = rule.re.exec(lower);
    if (!m) continue;
    const rest = s.slice(m[0].length).trim();
    if (rest === '') continue;
    const num = NUMBER.exec(rest);
    return {
      unitType: rule.unitType,
      form: rule.form,
      rest,
      number: num ? Number(num[1]) : null,
      digits: num ? rest : null,
    };
  }
  const num = NUMBER.exec(s);
  return { unitType: null, form: 'none', rest: s, number: num ? Number(num[1]) : null, digits: num ? s : null };
}
