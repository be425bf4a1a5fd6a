import { pickOptions, type CommandModule, type CommandSpec } from '../../command-spec.js';
import { mapCommunesOptions, matchChoiceOptions } from '../map-communes/map-communes.spec.js';

/** Declared `as const`: the command's typed options come from the spec itself (`typeof reviewSpec.options`). */
export const reviewSpec = {
  name: 'review',
  desc: 'review.cmd.desc',
  args: [{ name: 'workbook', desc: 'review.arg.workbook', required: true }],
  options: [
    { flags: '--from <file>', desc: 'review.opt.input' },
    ...matchChoiceOptions,
    ...pickOptions(mapCommunesOptions, ['--no-open']),
  ],
  examples: [
    'dvc review fixtures/mau-63-tinh.doi-chieu.xlsx',
    'dvc review tinh.doi-chieu-2.xlsx --from tinh.xlsx --province "Thái Nguyên" --no-open',
  ],
  // Typed by hand: the command's module takes its type from this spec, which must not take one from it in turn.
  load: (): Promise<CommandModule> => import('./review-command.js'),
} as const satisfies CommandSpec;
