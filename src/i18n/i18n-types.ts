export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** A part of the catalogue: the same keys in both languages, placeholders written `{name}`. */
export interface MessageTable {
  vi: Record<string, string>;
  en: Record<string, string>;
}
