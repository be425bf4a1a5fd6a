import type { DistrictPair, ProvincePairing, UnitRow } from './types.js';
export function pairProvinces(_std: readonly UnitRow[], _tax: readonly UnitRow[]): ProvincePairing { return { pairs: [], unpairedStd: [], unpairedTax: [], ambiguous: [] }; }
export function pairDistricts(_std: readonly UnitRow[], _tax: readonly UnitRow[]): DistrictPair[] { return []; }
