import type { CommandSpec, OptionSpec } from '../../command-spec.js';

export const communesFindOptions = [
  { flags: '-p, --province <province>', desc: 'communes.opt.province' },
  { flags: '-e, --edition <edition>', desc: 'communes.opt.edition', default: '2025' },
  { flags: '-n, --limit <n>', desc: 'communes.opt.limit', number: true, default: '20' },
] as const satisfies readonly OptionSpec[];

export const communesSpec: CommandSpec = {
  name: 'communes',
  desc: 'communes.cmd.desc',
  examples: [
    'dvc communes find "Hòa Bình" --province "Lạng Sơn" --edition 2004',
    'dvc communes find "phuong 1" --province 79 --edition 2004',
  ],
  subcommands: [
    {
      name: 'find',
      desc: 'communes.find.desc',
      args: [{ name: 'name', desc: 'communes.find.arg.name', required: true }],
      options: communesFindOptions,
      examples: [
        'dvc communes find "Hòa Bình" --province "Lạng Sơn" --edition 2004',
        'dvc communes find "phuong 1" --province 79 --edition 2004 --json',
      ],
      load: () => import('./communes-command.js'),
    },
  ],
};
