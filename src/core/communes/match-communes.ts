import type { MatchInput, MatchResult } from './types.js';
export function matchCommunes(_input: MatchInput): MatchResult { throw new Error('not implemented'); }
