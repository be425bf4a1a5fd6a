import type { NameKeys, NameKind } from './types.js';
export function nameKeys(raw: string, _kind: NameKind): NameKeys { const s = raw.trim().normalize('NFC'); return { raw, exact: s, normalised: s, compact: s, folded: s, unitType: null, prefixForm: 'none', number: null, encoding: null, steps: { exact: [], normalised: [], compact: [], folded: [] } }; }
