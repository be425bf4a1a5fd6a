import type { MessageTable } from './i18n-types.js';
import { common } from './messages/common.js';
import { mapCommunes } from './messages/map-communes-messages.js';
import { mapCommunesCli } from './messages/map-communes-cli.js';
import { mapCommunesReview } from './messages/map-communes-review.js';
import { testApi } from './messages/test-api-messages.js';
import { evidence } from './messages/evidence.js';
import { doctor } from './messages/doctor.js';
import { mapCommunesEditions } from './messages/map-communes-editions.js';
import { evidenceProcedure } from './messages/evidence-procedure.js';
import { cliUsage } from './messages/cli-usage.js';
import { textEncoding } from './messages/text-encoding.js';
import { testApiConventions } from './messages/test-api-conventions.js';
import { filesAndLimits } from './messages/files-and-limits.js';
import { windowsLaunch } from './messages/windows-messages.js';
import { evidencePackSpeed } from './messages/evidence-pack-speed.js';
import { review } from './messages/review.js';

/**
 * The one message catalogue. It is split into parts by area so that each area's texts sit together,
 * but every lookup goes through this merged table; keys are namespaced (`cli.`, `excel.`, `api.` …).
 */
export const PARTS: Record<string, MessageTable> = {
  common,
  mapCommunes,
  mapCommunesCli,
  mapCommunesReview,
  testApi,
  evidence,
  doctor,
  testApiConventions,
  filesAndLimits,
  evidenceProcedure,
  windowsLaunch,
  cliUsage,
  textEncoding,
  mapCommunesEditions,
  evidencePackSpeed,
  review,
};

function merge(lang: 'vi' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of Object.values(PARTS)) Object.assign(out, part[lang]);
  return out;
}

export const CATALOG = { vi: merge('vi'), en: merge('en') };
