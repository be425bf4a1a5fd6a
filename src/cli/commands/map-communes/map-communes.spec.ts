import { pickOptions, type CommandSpec, type OptionSpec } from '../../command-spec.js';

export const mapCommunesOptions = [
  { flags: '--std-sheet <name>', desc: 'mc.opt.stdSheet' },
  { flags: '--tax-sheet <name>', desc: 'mc.opt.taxSheet' },
  { flags: '--std-cols <spec>', desc: 'mc.opt.stdCols' },
  { flags: '--tax-cols <spec>', desc: 'mc.opt.taxCols' },
  { flags: '-p, --province <province>', desc: 'mc.opt.province', repeatable: true },
  { flags: '--reference <edition>', desc: 'mc.opt.reference', choices: ['gso-2025', 'gso-2004'] },
  { flags: '--decisions <file>', desc: 'mc.opt.decisions' },
  { flags: '--via-merges', desc: 'mc.opt.viaMerges' },
  { flags: '--allow-mixed-editions', desc: 'mc.opt.allowMixedEditions' },
  { flags: '-o, --out <file>', desc: 'mc.opt.out' },
  { flags: '--map-out <file>', desc: 'mc.opt.mapOut' },
  { flags: '--html <file>', desc: 'mc.opt.html' },
  { flags: '--audit', desc: 'mc.opt.audit' },
  { flags: '--replace-existing', desc: 'mc.opt.replaceExisting' },
  { flags: '--strict', desc: 'mc.opt.strict' },
  { flags: '--review', desc: 'mc.opt.review' },
  { flags: '--no-open', desc: 'review.opt.noOpen' },
  { flags: '-f, --force', desc: 'cli.opt.force' },
] as const satisfies readonly OptionSpec[];

/** The choices that change a result: `--review` and `dvc review` run the next round with the same ones. */
const MATCH_CHOICE_FLAGS = [
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
export const matchChoiceOptions = pickOptions(mapCommunesOptions, MATCH_CHOICE_FLAGS);

export const mapCommunesSpec: CommandSpec = {
  name: 'map-communes',
  desc: 'mc.cmd.desc',
  args: [{ name: 'workbook', desc: 'mc.arg.workbook', required: true }],
  options: mapCommunesOptions,
  examples: [
    'dvc map-communes fixtures/mau-63-tinh.xlsx --province "Thái Nguyên" --map-out map.csv',
    'dvc map-communes fixtures/mau-34-tinh.xlsx --decisions quyet-dinh.csv --strict --json',
    'dvc map-communes fixtures/mau-63-tinh-vlookup.xlsx --audit',
  ],
  load: () => import('./map-communes-command.js'),
};
