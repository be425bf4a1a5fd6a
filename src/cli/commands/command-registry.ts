import type { CommandSpec } from '../command-spec.js';
import { configSpec } from './config/config.spec.js';
import { mapCommunesSpec } from './map-communes/map-communes.spec.js';
import { communesSpec } from './communes/communes.spec.js';
import { testApiSpec } from './test-api/test-api.spec.js';
import { mockApiSpec } from './mock-api/mock-api.spec.js';
import { doctorSpec } from './doctor/doctor.spec.js';
import { evidenceSpec } from './evidence/evidence.spec.js';
import { reviewSpec } from './review/review.spec.js';

/** Every top-level command, in the order of `dvc --help`. Specs are light; implementations load on use. */
export const COMMANDS: CommandSpec[] = [
  mapCommunesSpec,
  reviewSpec,
  configSpec,
  communesSpec,
  testApiSpec,
  mockApiSpec,
  doctorSpec,
  evidenceSpec,
];
