import { describe, expect, it } from 'vitest';
import { CATALOG, PARTS } from './catalog.js';
import { t } from './i18n.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  it('has every key in both languages', () => {
    const vi = Object.keys(CATALOG.vi).sort();
    const en = Object.keys(CATALOG.en).sort();
    expect(vi.filter((k) => !(k in CATALOG.en))).toEqual([]);
    expect(en.filter((k) => !(k in CATALOG.vi))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(CATALOG.vi).filter(
      (k) => k in CATALOG.en && placeholders(CATALOG.vi[k]).join() !== placeholders(CATALOG.en[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('defines no key twice across parts', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [part, table] of Object.entries(PARTS)) {
      for (const k of Object.keys(table.vi)) {
        if (seen.has(k)) dupes.push(`${k} (${seen.get(k)} and ${part})`);
        seen.set(k, part);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('keeps Vietnamese text in NFC with no empty message', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const [k, v] of Object.entries(CATALOG[lang])) {
        expect(v.trim(), `${lang}:${k}`).not.toBe('');
        expect(v, `${lang}:${k}`).toBe(v.normalize('NFC'));
      }
    }
  });

  it('writes Vietnamese with diacritics, not folded ASCII', () => {
    const sentences = Object.entries(CATALOG.vi).filter(([, v]) => v.split(' ').length >= 4);
    const folded = sentences.filter(
      ([, v]) => !/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(v),
    );
    expect(folded.map(([k]) => k)).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('vi', 'fs.notFound', { path: 'a.xlsx' })).toContain('a.xlsx');
    expect(t('en', 'fs.notFound', {})).toContain('{path}');
    expect(t('en', 'no.such.key')).toBe('no.such.key');
  });

  it('gives each language its own text of a message, however often and in whatever order it is asked', () => {
    const filled = t('en', 'html.map.byProvinceCaption', { count: 7 });
    expect(filled).toContain('7');
    // Asked without parameters after and before a filled call: the placeholder stays, never a filled value.
    const plainEn = t('en', 'html.map.byProvinceCaption');
    expect(plainEn).toContain('{count}');
    expect(t('vi', 'html.map.byProvinceCaption')).toBe(CATALOG.vi['html.map.byProvinceCaption']);
    expect(t('en', 'html.map.byProvinceCaption')).toBe(plainEn);
    expect(t('en', 'html.map.byProvinceCaption', {})).toBe(plainEn);
    expect(t('en', 'html.map.byProvinceCaption', { count: 9 })).toContain('9');
    expect(t('vi', 'html.map.byProvinceCaption', { count: 9 })).toBe('Kết quả đối chiếu của 9 tỉnh/thành phố');
  });
});
