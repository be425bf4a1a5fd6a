import { pickOptions, type CommandSpec, type OptionSpec } from '../../command-spec.js';

export const testApiOptions = [
  { flags: '--type <type>', desc: 'testApi.opt.type' },
  { flags: '--url <url>', desc: 'testApi.opt.url' },
  { flags: '--dst <DSTCode>', desc: 'testApi.opt.dst' },
  { flags: '--body <file>', desc: 'testApi.opt.body' },
  { flags: '--no-validate', desc: 'testApi.opt.noValidate' },
  { flags: '--timeout <ms>', desc: 'testApi.opt.timeout', number: true, default: '15000' },
  { flags: '--max-time <ms>', desc: 'testApi.opt.maxTime', number: true, default: '5000' },
  { flags: '--ca <file>', desc: 'testApi.opt.ca', repeatable: true },
  { flags: '--insecure', desc: 'testApi.opt.insecure' },
  { flags: '--proxy <url>', desc: 'testApi.opt.proxy' },
  { flags: '--follow', desc: 'testApi.opt.follow' },
  {
    flags: '--max-size <bytes>',
    desc: 'testApi.opt.maxSize',
    number: true,
    integer: true,
    min: 1,
    default: '10485760',
  },
  { flags: '--junit <file>', desc: 'testApi.opt.junit' },
  { flags: '--html <file>', desc: 'testApi.opt.html' },
  { flags: '--save <dir>', desc: 'testApi.opt.save' },
  { flags: '--cases <file>', desc: 'testApi.opt.cases' },
  { flags: '--repeat <n>', desc: 'testApi.opt.repeat', number: true },
  { flags: '--concurrency <n>', desc: 'testApi.opt.concurrency', number: true },
  { flags: '--force', desc: 'testApi.opt.force' },
] as const satisfies readonly OptionSpec[];

export const testApiTemplateOptions = [
  { flags: '--type <type>', desc: 'testApi.opt.type' },
  { flags: '--dst <DSTCode>', desc: 'testApi.opt.dst' },
  { flags: '--xml <file>', desc: 'testApi.opt.xml' },
] as const satisfies readonly OptionSpec[];

/** A rehearsal sends its own synthetic requests: it takes the options of a probe that are not about one request. */
export const testApiRehearseOptions = pickOptions(testApiOptions, [
  '--dst <DSTCode>',
  '--timeout <ms>',
  '--max-time <ms>',
  '--ca <file>',
  '--insecure',
  '--proxy <url>',
  '--junit <file>',
  '--html <file>',
  '--save <dir>',
  '--force',
]);

export const testApiSpec: CommandSpec = {
  name: 'test-api',
  desc: 'testApi.cmd.desc',
  options: testApiOptions,
  examples: [
    'dvc test-api --type tra-cuu --url https://motcua.tinh.gov.vn/api/tracuuthanhtoan',
    'dvc test-api --type chung-tu --dst HNI --junit reports/chung-tu.xml --save bang-chung/',
  ],
  load: () => import('./test-api-command.js'),
  subcommands: [
    {
      name: 'rehearse',
      desc: 'rehearse.cmd.desc',
      options: testApiRehearseOptions,
      examples: [
        'dvc test-api rehearse --dst HNI',
        'dvc test-api rehearse --dst HNI --junit dien-tap.xml --html dien-tap.html',
      ],
      load: () => import('./rehearse-command.js'),
    },
    {
      name: 'types',
      desc: 'testApi.cmd.types',
      examples: ['dvc test-api types', 'dvc test-api types --json'],
      load: () => import('./types-command.js'),
    },
    {
      name: 'template',
      desc: 'testApi.cmd.template',
      options: testApiTemplateOptions,
      examples: [
        'dvc test-api template --type chung-tu --dst HNI > chung-tu.json',
        'dvc test-api template --type thong-bao-thue --dst HNI --xml thong-bao.xml',
      ],
      load: () => import('./template-command.js'),
    },
    {
      name: 'decode',
      desc: 'testApi.cmd.decode',
      args: [{ name: 'body.json', desc: 'testApi.arg.bodyFile', required: true }],
      examples: [
        'dvc test-api decode thong-bao-thue.json',
        'dvc test-api decode bang-chung/HNI-thong-bao-thue-20250101120000.request.json --json',
      ],
      load: () => import('./decode-command.js'),
    },
  ],
};
