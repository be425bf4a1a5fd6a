import type { CommandSpec } from '../../command-spec.js';

export const mockApiSpec: CommandSpec = {
  name: 'mock-api',
  desc: 'mock.cmd.desc',
  options: [
    { flags: '--port <port>', desc: 'mock.opt.port', number: true, default: '8080' },
    { flags: '--host <host>', desc: 'mock.opt.host', default: '127.0.0.1' },
    { flags: '--tls', desc: 'mock.opt.tls' },
    { flags: '--ca-out <file>', desc: 'mock.opt.caOut' },
    { flags: '--dst <DSTCode>', desc: 'mock.opt.dst' },
    { flags: '--store <file>', desc: 'mock.opt.store' },
    { flags: '--delay <ms>', desc: 'mock.opt.delay', number: true },
    { flags: '--fail-rate <p>', desc: 'mock.opt.failRate', number: true },
    { flags: '--seed <n>', desc: 'mock.opt.seed', number: true },
    { flags: '--status <code>', desc: 'mock.opt.status', number: true },
    { flags: '--print-config', desc: 'mock.opt.printConfig' },
    { flags: '--emulate <system>', desc: 'mock.opt.emulate', choices: ['reference', 'opencps', 'thanh-hoa'] },
  ],
  examples: [
    'dvc mock-api --port 8080 --dst HNI --store mock-store.json',
    'dvc mock-api --tls --ca-out mock-ca.pem --port 8443 --fail-rate 0.1 --seed 7',
  ],
  load: () => import('./mock-api-command.js'),
};
