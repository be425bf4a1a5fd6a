import type { CommandSpec } from '../command-spec.js';
import { configSpec } from './config.spec.js';
import { mapCommunesSpec } from './map-communes.spec.js';
import { communesSpec } from './communes.spec.js';
import { testApiSpec } from './test-api.spec.js';
import { mockApiSpec } from './mock-api.spec.js';
import { doctorSpec } from './doctor.spec.js';
import { evidenceSpec } from './evidence.spec.js';

/** Every top-level command, in the order of `dvc --help`. Specs are light; implementations load on use. */
export const COMMANDS: CommandSpec[] = [
  mapCommunesSpec,
  configSpec,
  communesSpec,
  testApiSpec,
  mockApiSpec,
  doctorSpec,
  evidenceSpec,
];
