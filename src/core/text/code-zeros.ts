import type { CodeLevel, CodeRepairResult, CodeSystem } from './types.js';
export function restoreCodeZeros(code: string, _level: CodeLevel, _system: CodeSystem): CodeRepairResult { return { code, leadingZeroRestored: false }; }
