import type { LegacyDecodeResult } from './types.js';
export function decodeLegacy(raw: string): LegacyDecodeResult { return { text: raw, encoding: null }; }
export function decodeTcvn3(s: string): string { return s; }
export function decodeVni(s: string): string { return s; }
