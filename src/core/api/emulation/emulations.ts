import type { EmulatedSystem, Emulation } from './emulation.js';
import { referenceSystem } from './reference-system.js';
import { opencpsSystem } from './opencps-system.js';
import { thanhHoaSystem } from './thanh-hoa-system.js';

/**
 * The one registry of emulated systems: `dvc mock-api --emulate <name>` answers like one, and a province's
 * `response.preset: <name>` judges its answers by the same one's convention. The names are written here and only
 * here (`npm run lint` refuses one written as a literal anywhere else in src): the config schema, the command's
 * choices and its help, the `test-api types` listing and the mock server all read this list.
 */

function emulation<const N extends string>(
  name: N,
  system: EmulatedSystem,
  more: Pick<Emulation, 'conventionByRole'> = {},
): Emulation<N> {
  return { name, ...system, ...more };
}

const reference = emulation('reference', referenceSystem);
const opencps = emulation('opencps', opencpsSystem);
// Thanh Hóa's public code has no look-up: its look-up is answered, and so judged, in OpenCPS's form.
const thanhHoa = emulation('thanh-hoa', thanhHoaSystem, { conventionByRole: { lookup: opencps } });

/** Every emulation, in the order the help lists them; the first is the default. */
export const EMULATIONS = [reference, opencps, thanhHoa] as const;

export type EmulationName = (typeof EMULATIONS)[number]['name'];

export const EMULATION_NAMES = EMULATIONS.map((e) => e.name) as unknown as readonly [EmulationName, ...EmulationName[]];

/** What `dvc mock-api` answers like when not told; the config it prints names no preset for it. */
export const DEFAULT_EMULATION: Emulation<EmulationName> = reference;

export function isEmulationName(name: string): name is EmulationName {
  return (EMULATION_NAMES as readonly string[]).includes(name);
}

/** The emulation of a name (the default for none). */
export function emulationNamed(name: EmulationName | undefined): Emulation<EmulationName> {
  return EMULATIONS.find((e) => e.name === name) ?? DEFAULT_EMULATION;
}

/** Each name's catalogue key of its title, for the `--emulate` help. */
export const EMULATION_TITLES: Readonly<Record<EmulationName, string>> = Object.fromEntries(
  EMULATIONS.map((e) => [e.name, e.title]),
) as Record<EmulationName, string>;
