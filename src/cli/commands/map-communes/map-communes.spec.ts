import type { CommandSpec } from '../../command-spec.js';

export const mapCommunesSpec: CommandSpec = {
  name: 'map-communes',
  desc: 'mc.cmd.desc',
  args: [{ name: 'workbook', desc: 'mc.arg.workbook', required: true }],
  options: [
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
    { flags: '--strict', desc: 'mc.opt.strict' },
    { flags: '-f, --force', desc: 'cli.opt.force' },
  ],
  examples: [
    'dvc map-communes fixtures/mau-63-tinh.xlsx --province "Thái Nguyên" --map-out map.csv',
    'dvc map-communes fixtures/mau-34-tinh.xlsx --decisions quyet-dinh.csv --strict --json',
  ],
  load: () => import('./map-communes-command.js'),
};
