import { ExitCode } from '../../../errors.js';
import type { CliContext } from '../../context.js';
import type { RecordResult } from '../../../app/evidence/procedure-status.js';

/** What `sent` and `received` wrote into evidence.yaml, said back (JSON with --json). */
export function printRecorded(ctx: CliContext, r: RecordResult): number {
  const changes = r.changes.map((c) => `${c.field} = ${c.value}`).join(', ');
  if (ctx.json) ctx.printJson({ ok: true, file: r.file, at: new Date(r.at).toISOString(), changes: r.changes });
  else ctx.print(ctx.t('evidence.progress.recorded', { file: r.file, changes }));
  return ExitCode.Ok;
}
