import { pickOptions, type CommandSpec, type OptionSpec } from '../../command-spec.js';
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

export const reviewOptions = [
  { flags: '--from <file>', desc: 'review.opt.input' },
  ...pickOptions(mapCommunesOptions, [...MATCH_CHOICES, '--no-open']),
] as const satisfies readonly OptionSpec[];

export const reviewSpec: CommandSpec = {
  name: 'review',
  desc: 'review.cmd.desc',
  args: [{ name: 'workbook', desc: 'review.arg.workbook', required: true }],
  options: reviewOptions,
  examples: [
    'dvc review fixtures/mau-63-tinh.doi-chieu.xlsx',
    'dvc review tinh.doi-chieu-2.xlsx --from tinh.xlsx --province "Thái Nguyên" --no-open',
  ],
  load: () => import('./review-command.js'),
};
