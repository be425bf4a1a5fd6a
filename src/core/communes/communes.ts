/**
 * The commune matching engine of `dvc map-communes`: pairs provinces and districts by name, then matches
 * std (GSO "MX Bo TTTT") communes to tax ("MX CQT") communes in tiers, explaining every decision.
 */
export type * from './communes-types.js';
export { pairProvinces, pairDistricts } from './pair-units.js';
export { matchCommunes } from './match-communes.js';
