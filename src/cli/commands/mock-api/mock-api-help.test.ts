import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../i18n/catalog.js';
import { EMULATIONS, EMULATION_NAMES } from '../../../core/api/emulation/emulations.js';
import { runDvc } from '../../../test-support/run-dvc.js';
import type { OptionSpec } from '../../command-spec.js';
import { mockApiOptions } from './mock-api.spec.js';

describe('mock-api --emulate', () => {
  it('takes its choices from the registry of emulations', () => {
    const emulate: OptionSpec | undefined = mockApiOptions.find((o) => o.flags.startsWith('--emulate'));
    expect(emulate?.choices).toEqual(EMULATION_NAMES);
  });

  it('lists every emulation with its title in the --emulate help, in Vietnamese and in English', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const help = (await runDvc(['mock-api', '--help', '--lang', lang])).stdout.replace(/\s+/g, ' ');
      const listed = EMULATIONS.map((e) => `${e.name} (${CATALOG[lang][e.title]})`).join(', ');
      expect(help).toContain(`--emulate <system> ${CATALOG[lang]['mock.opt.emulate']}: ${listed}`);
    }
  });
});
