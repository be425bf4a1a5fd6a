import type { CommandInput } from '../../command-spec.js';
import { ExitCode } from '../../../errors.js';
import { decodeNoticeFile } from '../../../app/test-api/type-template.js';

const COLUMNS = ['MA_HSO', 'MA_SO_THUE', 'SO_QUYET_DINH', 'NGAY_QUYET_DINH', 'SO_TIEN', 'TEN_TIEUMUC'] as const;

/** Width of a string in a terminal cell count (combining marks take none: Vietnamese may arrive in NFD). */
function width(s: string): number {
  return [...s.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length;
}

export async function run({ args, ctx }: CommandInput): Promise<number> {
  const decoded = await decodeNoticeFile(args[0]);
  const issues = decoded.issues.map((i) => ({
    path: i.path,
    problem: ctx.t(i.problem.key, i.problem.params),
    ...(i.example ? { example: i.example } : {}),
  }));
  const ok = issues.length === 0;
  if (ctx.json) {
    ctx.printJson({ ok, dossiers: decoded.dossiers, rows: decoded.rows, issues });
    return ok ? ExitCode.Ok : ExitCode.CheckFailed;
  }
  const rows = decoded.rows.map((r) =>
    COLUMNS.map((c) => (c === 'SO_TIEN' ? Number(r[c]).toLocaleString('vi-VN') : String(r[c] ?? ''))),
  );
  const widths = COLUMNS.map((c, i) => rows.reduce((m, r) => Math.max(m, width(r[i])), width(c)));
  const pad = (s: string, i: number) =>
    i === 4 ? ' '.repeat(widths[i] - width(s)) + s : s + ' '.repeat(widths[i] - width(s));
  ctx.print(ctx.chalk.bold(COLUMNS.map((c, i) => pad(c, i)).join('  ')));
  ctx.print(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) ctx.print(r.map((v, i) => pad(v, i)).join('  '));
  ctx.print('');
  ctx.print(ctx.t('testApi.h.decodeRows', { rows: decoded.rows.length, dossiers: decoded.dossiers.length }));
  if (!ok) {
    ctx.print(ctx.chalk.red(ctx.t('testApi.h.decodeIssues')));
    for (const i of issues)
      ctx.print(`  ✗ ${ctx.t('testApi.bodyIssue', { path: i.path || '(body)', problem: i.problem })}`);
  }
  return ok ? ExitCode.Ok : ExitCode.CheckFailed;
}
