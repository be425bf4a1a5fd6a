import { pickOptions, type CommandModule, type CommandSpec } from '../../command-spec.js';
import { mapCommunesOptions } from '../map-communes/map-communes.spec.js';

/** The map-communes choices that change a result: a review runs the next round with the same ones. */
const MATCH_CHOICES = [
  '--std-sheet <name>',
  '--tax-sheet <name>',
  '--std-cols <spec>',
  '--tax-cols <spec>',
  '-p, --province <province>',
  '--reference <edition>',
  '--via-merges',
  '--allow-mixed-editions',
  '--replace-existing',
] as const;

/** Declared `as const`: the command's typed options come from the spec itself (`typeof reviewSpec.options`). */
export const reviewSpec = {
  name: 'review',
  desc: 'review.cmd.desc',
  args: [{ name: 'workbook', desc: 'review.arg.workbook', required: true }],
  options: [
    { flags: '--from <file>', desc: 'review.opt.input' },
    ...pickOptions(mapCommunesOptions, [...MATCH_CHOICES, '--no-open']),
  ],
  examples: [
    'dvc review fixtures/mau-63-tinh.doi-chieu.xlsx',
    'dvc review tinh.doi-chieu-2.xlsx --from tinh.xlsx --province "Thái Nguyên" --no-open',
  ],
  // Typed by hand: the command's module takes its type from this spec, which must not take one from it in turn.
  load: (): Promise<CommandModule> => import('./review-command.js'),
} as const satisfies CommandSpec;
