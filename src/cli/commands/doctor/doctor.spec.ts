import type { CommandSpec } from '../../command-spec.js';

export const doctorSpec: CommandSpec = {
  name: 'doctor',
  desc: 'doctor.cmd.desc',
  options: [
    { flags: '--dst <province>', desc: 'doctor.opt.dst' },
    { flags: '--timeout <ms>', desc: 'doctor.opt.timeout', default: '5000', number: true },
  ],
  examples: ['dvc doctor', 'dvc doctor --dst HNI --timeout 3000 --json'],
  load: () => import('./doctor-command.js'),
};
