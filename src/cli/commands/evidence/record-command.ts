import { DvcError, ExitCode } from '../../../errors.js';
import type { CommandInput } from '../../command-spec.js';
import { recordProgress, type RecordWhat } from '../../../app/evidence/procedure-status.js';
import type { Outcome, TrackedKind } from '../../../core/evidence/procedure.js';
import { evidenceTexts } from '../../render/evidence/evidence-wording.js';

/** `dvc evidence sent` and `dvc evidence received`: one line in evidence.yaml, said back. */
async function record({ args, opts, ctx }: CommandInput, received: boolean): Promise<number> {
  if (typeof opts.kind !== 'string')
    throw new DvcError(
      'cli.missingOptionValue',
      { name: '--kind <kind>', command: `evidence ${received ? 'received' : 'sent'}` },
      ExitCode.Usage,
    );
  const kind = opts.kind;
  const what: RecordWhat = received ? 'received' : kind === 'canh-bao' ? 'alerts' : 'sent';
  const r = await recordProgress({
    dir: args[0] ?? '.',
    what,
    kind: kind === 'canh-bao' ? undefined : (kind as TrackedKind),
    outcome: opts.outcome as Outcome | undefined,
    at: typeof opts.at === 'string' ? opts.at : undefined,
    override: typeof opts.override === 'string' ? opts.override : undefined,
    texts: evidenceTexts(ctx.lang),
    configPath: ctx.configPath,
    cwd: ctx.cwd,
  });
  const changes = r.changes.map((c) => `${c.field} = ${c.value}`).join(', ');
  if (ctx.json) ctx.printJson({ ok: true, file: r.file, at: new Date(r.at).toISOString(), changes: r.changes });
  else ctx.print(ctx.t('evidence.progress.recorded', { file: r.file, changes }));
  return ExitCode.Ok;
}

export const runSent = (input: CommandInput) => record(input, false);
export const runReceived = (input: CommandInput) => record(input, true);
