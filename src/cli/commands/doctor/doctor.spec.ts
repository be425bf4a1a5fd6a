import type { CommandSpec, OptionSpec } from '../../command-spec.js';

export const doctorOptions = [
  { flags: '--dst <province>', desc: 'doctor.opt.dst' },
  { flags: '--timeout <ms>', desc: 'doctor.opt.timeout', default: '5000', number: true, min: 1 },
] as const satisfies readonly OptionSpec[];

export const doctorSpec: CommandSpec = {
  name: 'doctor',
  desc: 'doctor.cmd.desc',
  options: doctorOptions,
  examples: ['dvc doctor', 'dvc doctor --dst HNI --timeout 3000 --json'],
  load: () => import('./doctor-command.js'),
};
