import type { CommandSpec } from '../../command-spec.js';

export const configSpec: CommandSpec = {
  name: 'config',
  desc: 'config.cmd.desc',
  examples: ['dvc config check --config fixtures/dvc.config.json', 'dvc config schema > dvc.schema.json'],
  subcommands: [
    {
      name: 'check',
      desc: 'config.cmd.check',
      examples: ['dvc config check', 'dvc config check --config fixtures/dvc.config.json --json'],
      load: () => import('./config-command.js'),
    },
    {
      name: 'schema',
      desc: 'config.cmd.schema',
      examples: ['dvc config schema', 'dvc config schema > schemas/config.schema.json'],
      load: () => import('./config-schema-command.js'),
    },
  ],
};
