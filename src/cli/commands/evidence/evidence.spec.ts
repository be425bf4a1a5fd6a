import type { CommandSpec, OptionSpec } from '../../command-spec.js';

const KINDS = ['cau-hinh', 'xac-nhan'] as const;
const dirArg = { name: 'dir', desc: 'evidence.arg.dir' };
const kind = { flags: '--kind <kind>', desc: 'evidence.opt.kind', choices: KINDS, default: 'xac-nhan' } as const;
/** Masking is the default; --redact stays accepted (hidden) so that older scripts keep working. */
const redact = { flags: '--redact', desc: 'evidence.opt.redact', hidden: true } as const;
const keep = { flags: '--keep-personal-data', desc: 'evidence.opt.keepPersonalData' } as const;

export const evidenceInitOptions = [
  { flags: '--dst <DST>', desc: 'evidence.opt.dst' },
] as const satisfies readonly OptionSpec[];
export const evidenceRequestOptions = [
  kind,
  { flags: '--out <file>', desc: 'evidence.opt.out' },
  { flags: '--format <format>', desc: 'evidence.opt.format', choices: ['text', 'markdown'], default: 'text' },
  keep,
  redact,
  { flags: '--force', desc: 'cli.opt.force' },
] as const satisfies readonly OptionSpec[];
export const evidenceCheckOptions = [kind] as const satisfies readonly OptionSpec[];
export const evidencePackOptions = [
  { flags: '--out <bundle.zip>', desc: 'evidence.opt.outBundle' },
  kind,
  { flags: '--allow-incomplete', desc: 'evidence.opt.allowIncomplete' },
  keep,
  redact,
  { flags: '--force', desc: 'cli.opt.force' },
] as const satisfies readonly OptionSpec[];

export const evidenceStatusOptions = [
  { flags: '--holidays <file>', desc: 'evidence.opt.holidays' },
] as const satisfies readonly OptionSpec[];
export const evidenceSentOptions = [
  { flags: '--kind <kind>', desc: 'evidence.opt.sentKind', choices: ['cau-hinh', 'xac-nhan', 'canh-bao'] },
  { flags: '--at <time>', desc: 'evidence.opt.at' },
  { flags: '--override <reason>', desc: 'evidence.opt.override' },
] as const satisfies readonly OptionSpec[];
export const evidenceReceivedOptions = [
  { flags: '--kind <kind>', desc: 'evidence.opt.kind', choices: KINDS },
  { flags: '--outcome <outcome>', desc: 'evidence.opt.outcome', choices: ['ok', 'rejected'], default: 'ok' },
  { flags: '--at <time>', desc: 'evidence.opt.at' },
] as const satisfies readonly OptionSpec[];

export const evidenceSpec: CommandSpec = {
  name: 'evidence',
  desc: 'evidence.cmd.desc',
  examples: ['dvc evidence init minh-chung --dst HNI', 'dvc evidence pack minh-chung --out minh-chung.zip'],
  subcommands: [
    {
      name: 'init',
      desc: 'evidence.cmd.init',
      args: [dirArg],
      options: evidenceInitOptions,
      examples: ['dvc evidence init minh-chung --dst HNI', 'dvc evidence init --no-input --json'],
      load: () => import('./init-command.js'),
    },
    {
      name: 'request',
      desc: 'evidence.cmd.request',
      args: [dirArg],
      options: evidenceRequestOptions,
      examples: [
        'dvc evidence request fixtures/evidence --kind cau-hinh',
        'dvc evidence request minh-chung --kind xac-nhan --format markdown --out yeu-cau.md',
      ],
      load: () => import('./request-command.js'),
    },
    {
      name: 'check',
      desc: 'evidence.cmd.check',
      args: [dirArg],
      options: evidenceCheckOptions,
      examples: ['dvc evidence check fixtures/evidence', 'dvc evidence check minh-chung --kind cau-hinh --json'],
      load: () => import('./check-command.js'),
    },
    {
      name: 'pack',
      desc: 'evidence.cmd.pack',
      args: [dirArg],
      options: evidencePackOptions,
      examples: [
        'dvc evidence pack fixtures/evidence --out minh-chung.zip',
        'SOURCE_DATE_EPOCH=1690761600 dvc evidence pack minh-chung --out minh-chung.zip --allow-incomplete --force',
      ],
      load: () => import('./pack-command.js'),
    },
    {
      name: 'status',
      desc: 'evidence.cmd.status',
      args: [dirArg],
      options: evidenceStatusOptions,
      examples: ['dvc evidence status minh-chung', 'dvc evidence status minh-chung --json'],
      load: () => import('./status-command.js'),
    },
    {
      name: 'sent',
      desc: 'evidence.cmd.sent',
      args: [dirArg],
      options: evidenceSentOptions,
      examples: [
        'dvc evidence sent minh-chung --kind cau-hinh',
        'dvc evidence sent minh-chung --kind xac-nhan --at "2026-11-20 14:05"',
      ],
      load: async () => ({ run: (await import('./record-command.js')).runSent }),
    },
    {
      name: 'received',
      desc: 'evidence.cmd.received',
      args: [dirArg],
      options: evidenceReceivedOptions,
      examples: [
        'dvc evidence received minh-chung --kind cau-hinh',
        'dvc evidence received minh-chung --kind xac-nhan --outcome rejected',
      ],
      load: async () => ({ run: (await import('./record-command.js')).runReceived }),
    },
    {
      name: 'verify',
      desc: 'evidence.cmd.verify',
      args: [{ name: 'bundle', desc: 'evidence.arg.target', required: true }],
      examples: ['dvc evidence verify minh-chung.zip', 'dvc evidence verify minh-chung.zip --json'],
      load: () => import('./verify-command.js'),
    },
  ],
};
