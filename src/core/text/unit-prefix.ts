import type { NameKind, PrefixForm, UnitType } from './types.js';
export interface ParsedPrefix { unitType: UnitType | null; form: PrefixForm; rest: string; number: number | null }
export function parseUnitPrefix(s: string, _kind: NameKind): ParsedPrefix { return { unitType: null, form: 'none', rest: s, number: null }; }
