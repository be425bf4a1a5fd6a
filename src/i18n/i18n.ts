import { CATALOG } from './catalog.js';
import type { Lang } from './i18n-types.js';
import type { MessageParams } from '../errors.js';

export type { Lang } from './i18n-types.js';

/** Messages without parameters, formatted once per language: a run asks for the same few thousands of times. */
const PLAIN: Record<Lang, Map<string, string>> = { vi: new Map(), en: new Map() };

/** No parameter to fill: undefined or an object without a key (a template then reads the same either way). */
function noParams(params: MessageParams | undefined): boolean {
  if (params === undefined) return true;
  for (const _ in params) return false;
  return true;
}

/** Formats a catalogue message; an unknown key falls back to the key itself so nothing is ever lost. */
export function t(lang: Lang, key: string, params?: MessageParams): string {
  const plain = noParams(params) ? PLAIN[lang] : undefined;
  const known = plain?.get(key);
  if (known !== undefined) return known;
  const text = formatTemplate(templateOf(lang, key), params);
  plain?.set(key, text);
  return text;
}

/** A message's template before its parameters are filled in; an unknown key is its own template. */
export function templateOf(lang: Lang, key: string): string {
  return (CATALOG[lang] ?? CATALOG.vi)[key] ?? CATALOG.vi[key] ?? key;
}

/** Fills `{name}` in a template from `params` (a missing one stays as it is), in NFC. */
export function formatTemplate(template: string, params?: MessageParams): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params?.[name];
      return v === undefined || v === null ? whole : String(v);
    })
    .normalize('NFC');
}

export function hasMessage(key: string): boolean {
  return key in CATALOG.vi;
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'vi' || v.startsWith('vi-') || v.startsWith('vi_')) return 'vi';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  return undefined;
}
