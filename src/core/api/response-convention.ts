import type { ApiType, JsonScalar, ResponseRule } from './api-types.js';
import { EMULATIONS, emulationNamed, type EmulationName } from './emulation/emulations.js';

/**
 * Response conventions as data. A province's receiver answers in its own way; dvc judges an answer by the
 * convention the province's config describes (`provinces.<key>.response`, or `apis.<id>.response` for one API),
 * starting from a named preset. The presets are the emulated systems of src/core/api/emulation/emulations.ts, each
 * exactly what its public code answers.
 */

export type ConventionPreset = EmulationName;

/** What a config may say about a convention: a preset and any field of it replaced. */
export interface ConventionConfig extends Partial<Omit<ResponseRule, 'maxTimeMs' | 'wrapper'>> {
  preset?: ConventionPreset;
}

/** The presets as plain rules for `dvc test-api types`. */
export function describePresets(): Array<{ name: ConventionPreset } & Partial<ResponseRule> & { source: string }> {
  return EMULATIONS.map((e) => ({ name: e.name, ...e.convention }));
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The convention to judge one API type by: the type's own rule, then the last preset named (an API's preset
 * replaces its province's), then the fields each layer sets (province, then API; later wins). A preset that moves
 * the code field brings its own success codes.
 */
export function resolveConvention(type: ApiType, ...layers: Array<ConventionConfig | undefined>): ResponseRule {
  let rule: ResponseRule = { array: 'every', messageField: 'message', duplicateCodes: [1], ...type.responseRule };
  const preset = layers.reduce<ConventionPreset | undefined>((p, l) => l?.preset ?? p, undefined);
  if (preset) {
    const { source: _source, ...p } = emulationNamed(preset).convention;
    rule = { ...rule, ...p };
  }
  for (const layer of layers) {
    if (!layer) continue;
    const { preset: _preset, ...fields } = layer;
    rule = { ...rule, ...defined(fields) };
  }
  return rule;
}

/** `0` and `"0"` are the same code, so are `" 0"` and `"0"`, and `true` and `"true"`. */
export function sameCode(a: unknown, b: JsonScalar): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const x = typeof a === 'string' ? a.trim().toLowerCase() : a;
    const y = typeof b === 'string' ? b.trim().toLowerCase() : b;
    return String(x) === String(y);
  }
  if (typeof a !== 'string' && typeof a !== 'number') return false;
  return String(a).trim() === String(b).trim();
}

export function isCodeIn(code: unknown, codes: readonly JsonScalar[] | undefined): boolean {
  return (codes ?? []).some((c) => sameCode(code, c));
}
