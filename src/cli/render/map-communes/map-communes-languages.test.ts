/**
 * One map-communes result, worded in Vietnamese and in English by the renderer the command hands down: every
 * word of the review sheets, the legend, the cell notes, the reasons, the editions and the decision errors is in
 * the chosen language, and no catalogue key or placeholder is left. The result itself carries no words, so every
 * string in it is the officer's data (names, notes, sheet names), taken out before the words are checked.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDvcError } from '../../../errors.js';
import type { Lang } from '../../../i18n/i18n.js';
import { mapCommunes } from '../../../app/map-communes/run-map-communes.js';
import type { MapCommunesResult } from '../../../app/map-communes/map-communes-result.js';
import type { MatchResult } from '../../../core/communes/communes.js';
import { displayName } from '../../../app/map-communes/present.js';
import { tempDir } from '../../../test-support/excel-workbooks.js';
import { REPO_ROOT } from '../../../test-support/run-cli.js';
import { mapCommunesTexts } from './map-communes-sheets.js';
import { withTexts } from './map-communes-words.js';

const AUDITED = path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh-vlookup.xlsx');
const SAMPLE = path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.xlsx');

/** English in Vietnamese output: words of the English catalogue. ("sheet" is the officers' own word in both.) */
const ENGLISH =
  /\b(the|of|and|is|not|no|code|codes|row|rows|match|matched|matches|tax|commune|communes|decision|officer|exact|found|review|with|from|list|edition|province|district|name|status|existing|unused|total|replaces|across|derived|official|prefix|restored|leading|zeros|other|same)\b/i;

/** Vietnamese letters: none may remain in English words once the officer's data is taken out. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/**
 * Vietnamese that the English catalogue keeps on purpose: the decision column's header (the next run reads the
 * decisions under it in either language), the unit types an officer types, and names of things.
 */
const KEPT_IN_ENGLISH = [
  /^Quyết định \/ /,
  /Phường\/Xã\/Thị trấn|Thị trấn\/Xã\/Phường/g,
  /\(Hoà\/Hòa, Thuỷ\/Thủy\)|\(e\.g\. Thị trấn → Phường\)/g,
  // Names of things: the decree of the 2004 codes, and columns of the workbook as the officer sees them.
  /QĐ 124\/2004/g,
  /"Mã phường\/xã( CQT)?"|"Quyết định"/g,
];

/** A catalogue key or a placeholder the words did not fill. */
const UNTRANSLATED = /\b(mc|reason|status|edition|candidate)\.[A-Za-z_.-]+|\{[a-zA-Z]+\}/;

interface Run {
  result: MapCommunesResult;
  match: MatchResult;
}

const runs: Run[] = [];
const decisionErrors: Partial<Record<Lang, string>> = {};

/** Every string the result holds: names, notes, sheet names, codes, as read (and as decoded for display). */
function dataStrings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.trim().length > 1) out.add(value).add(displayName(value));
  } else if (Array.isArray(value)) for (const v of value) dataStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) dataStrings(v, out);
  return out;
}

/** One pattern for all the data strings, longest first; option names (`--replace-existing`) go too. */
function dataPattern(data: Iterable<string>): RegExp {
  const escaped = [...data].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp([...escaped, '--[a-z-]+'].join('|'), 'g');
}

/** Every word a run says in one language: sheets, legend, notes, reasons and editions as the JSON output has them. */
function wordsOf(lang: Lang, { result, match }: Run): string[] {
  const texts = mapCommunesTexts(lang);
  const report = withTexts(result, lang);
  const sheet = (rows: (string | number | null)[][]) => rows.flat().filter((c): c is string => typeof c === 'string');
  const legend = texts.legend(true);
  return [
    ...sheet(texts.reviewSheet(result.rows, match, 'MX CQT').rows),
    ...sheet(texts.summarySheet(result.provinces, result.summary, match, result.editions ?? []).rows),
    legend.title,
    ...legend.rows.map((r) => r.label),
    ...result.rows.flatMap((r) => Object.values(texts.cellNote(r) ?? {})),
    ...report.rows.flatMap((r) => [...r.reasons.map((x) => x.text), r.existingReason?.text ?? '']),
    ...(report.editions ?? []).map((e) => e.text),
    texts.editionLines(result.editions ?? []),
  ].filter((w) => w !== '');
}

beforeAll(async () => {
  const dir = await tempDir('dvc-words-');
  const decisions = path.join(dir, 'decisions.csv');
  // A decision that replaces an exact match, one of "no tax commune", one over a differing code, one keeping it.
  const lines = ['00013,1010108,sai chính tả', '08974,-,không có xã', '00040,1010202,', '00532,1011201,giữ mã cũ'];
  await writeFile(decisions, `std_code,tax_code,note\n${lines.join('\n')}\n`);
  const capture = async (input: string, extra: Partial<Parameters<typeof mapCommunes>[0]>) => {
    let match: MatchResult | undefined;
    const texts = mapCommunesTexts('vi');
    const result = await mapCommunes({
      input,
      out: path.join(dir, `out-${runs.length}.xlsx`),
      // The summary sheet is asked for with the match; keep it to word the sheets again in both languages.
      texts: { ...texts, summarySheet: (...a) => ((match = a[2]), texts.summarySheet(...a)) },
      ...extra,
    });
    runs.push({ result, match: match! });
  };
  await capture(AUDITED, { decisions });
  // A 2025 standard list against a 2004-coded tax sheet: every fill is marked across editions.
  await capture(SAMPLE, { reference: 'gso-2025', allowMixedEditions: true });
  const bad = path.join(dir, 'bad.csv');
  await writeFile(
    bad,
    'std_code,tax_code,note\n99999,123,\n00019,1010109,\n00022,1010109,\n00037,7777777,\n00037,1010101,\n',
  );
  for (const lang of ['vi', 'en'] as const) {
    const err = await mapCommunes({ input: SAMPLE, decisions: bad, audit: true, texts: mapCommunesTexts(lang) }).catch(
      (e: unknown) => e,
    );
    if (isDvcError(err)) decisionErrors[lang] = String(err.params.lines);
  }
}, 300_000);

describe('a map-communes result worded in each language', () => {
  it('covers the reasons, verdicts and editions it is meant to', () => {
    const reasons = new Set(runs.flatMap((r) => r.result.rows.flatMap((x) => x.reasons.map((y) => y.code))));
    for (const code of ['decided_by_officer', 'decision_overrides', 'no_tax_commune', 'cross_edition'])
      expect(reasons, code).toContain(code);
    const verdicts = new Set(runs[0].result.rows.map((r) => r.existingReason?.code).filter(Boolean));
    expect([...verdicts].sort()).toEqual(['decided', 'other_commune_here', 'same_name', 'typo']);
    expect(decisionErrors.vi?.split('\n')).toHaveLength(5);
    expect(decisionErrors.en?.split('\n')).toHaveLength(5);
  });

  it('leaves no catalogue key and no placeholder, in either language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const left = runs.flatMap((run) => wordsOf(lang, run)).filter((w) => UNTRANSLATED.test(w));
      expect(left, lang).toEqual([]);
      expect(decisionErrors[lang], lang).not.toMatch(UNTRANSLATED);
    }
  });

  it('says no English word in Vietnamese and no Vietnamese word in English', () => {
    for (const run of runs) {
      const data = dataPattern(dataStrings(run.match, dataStrings(run.result)));
      const vi = wordsOf('vi', run).map((w) => w.replace(data, ' '));
      expect([...new Set(vi.filter((w) => ENGLISH.test(w)))], 'vi').toEqual([]);
      const en = wordsOf('en', run).map((w) =>
        KEPT_IN_ENGLISH.reduce((t, re) => t.replace(re, ''), w.replace(data, ' ')),
      );
      expect([...new Set(en.filter((w) => VIETNAMESE.test(w)))], 'en').toEqual([]);
    }
    // The names in the errors are the sheets' own.
    const names = dataPattern(['Phường Phúc Tân', 'Thành phố Hà Nội', 'MX Bo TTTT', 'MX CQT']);
    const en = KEPT_IN_ENGLISH.reduce((t, re) => t.replace(re, ''), decisionErrors.en?.replace(names, ' ') ?? '');
    expect(en).not.toMatch(VIETNAMESE);
    expect(decisionErrors.vi?.replace(names, ' ')).not.toMatch(ENGLISH);
  });
});
