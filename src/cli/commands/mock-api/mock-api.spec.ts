import type { CommandSpec, OptionSpec } from '../../command-spec.js';
import { EMULATION_NAMES, EMULATION_TITLES } from '../../../core/api/emulation/emulations.js';

export const mockApiOptions = [
  {
    flags: '--port <port>',
    desc: 'mock.opt.port',
    number: true,
    integer: true,
    min: 0,
    max: 65535,
    default: '8080',
    invalid: 'mock.badPort',
  },
  { flags: '--host <host>', desc: 'mock.opt.host', default: '127.0.0.1' },
  { flags: '--tls', desc: 'mock.opt.tls' },
  { flags: '--ca-out <file>', desc: 'mock.opt.caOut' },
  { flags: '--dst <DSTCode>', desc: 'mock.opt.dst' },
  { flags: '--store <file>', desc: 'mock.opt.store' },
  { flags: '--delay <ms>', desc: 'mock.opt.delay', number: true, min: 0, invalid: 'mock.badDelay' },
  { flags: '--fail-rate <p>', desc: 'mock.opt.failRate', number: true, min: 0, max: 1, invalid: 'mock.badFailRate' },
  { flags: '--seed <n>', desc: 'mock.opt.seed', number: true, integer: true, invalid: 'mock.badSeed' },
  {
    flags: '--status <code>',
    desc: 'mock.opt.status',
    number: true,
    integer: true,
    min: 100,
    max: 599,
    invalid: 'mock.badStatus',
  },
  { flags: '--print-config', desc: 'mock.opt.printConfig' },
  {
    flags: '--emulate <system>',
    desc: 'mock.opt.emulate',
    choices: EMULATION_NAMES,
    choiceTitles: EMULATION_TITLES,
  },
] as const satisfies readonly OptionSpec[];

export const mockApiSpec: CommandSpec = {
  name: 'mock-api',
  desc: 'mock.cmd.desc',
  options: mockApiOptions,
  examples: [
    'dvc mock-api --port 8080 --dst HNI --store mock-store.json',
    'dvc mock-api --tls --ca-out mock-ca.pem --port 8443 --fail-rate 0.1 --seed 7',
  ],
  load: () => import('./mock-api-command.js'),
};
