import { DvcError, ExitCode } from '../../../errors.js';
import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { evidenceReceivedOptions, evidenceSentOptions } from './evidence.spec.js';
import { recordProgress, type RecordOptions } from '../../../app/evidence/procedure-status.js';
import { sayIn } from '../../render/evidence/evidence-texts.js';
import { printRecorded } from '../../render/evidence/record-render.js';
import type { CliContext } from '../../context.js';

type SentOptions = OptionsOf<typeof evidenceSentOptions>;
type ReceivedOptions = OptionsOf<typeof evidenceReceivedOptions>;

function missingKind(command: string): never {
  throw new DvcError('cli.missingOptionValue', { name: '--kind <kind>', command }, ExitCode.Usage);
}

/** `dvc evidence sent`: one line in evidence.yaml, said back. */
export async function runSent({ args, opts, ctx }: CommandInput<SentOptions>): Promise<number> {
  const kind = opts.kind ?? missingKind('evidence sent');
  const o: RecordOptions =
    kind === 'canh-bao'
      ? { dir: args[0] ?? '.', what: 'alerts', at: opts.at, ...common(ctx) }
      : { dir: args[0] ?? '.', what: 'sent', kind, at: opts.at, override: opts.override, ...common(ctx) };
  return printRecorded(ctx, await recordProgress(o));
}

/** `dvc evidence received`: one line in evidence.yaml, said back. */
export async function runReceived({ args, opts, ctx }: CommandInput<ReceivedOptions>): Promise<number> {
  const kind = opts.kind ?? missingKind('evidence received');
  return printRecorded(
    ctx,
    await recordProgress({
      dir: args[0] ?? '.',
      what: 'received',
      kind,
      outcome: opts.outcome,
      at: opts.at,
      ...common(ctx),
    }),
  );
}

function common(ctx: CliContext) {
  return { say: sayIn(ctx.lang), configPath: ctx.configPath, cwd: ctx.cwd };
}
