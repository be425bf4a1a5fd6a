import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { communesFindOptions } from './communes.spec.js';
import { ExitCode } from '../../../errors.js';
import type { CliContext } from '../../context.js';
import { communesFind, type CommuneHit, type CommunesFindResult } from '../../../app/communes/communes-find.js';
import type { MergeTarget } from '../../../core/reference/reference.js';

function label(name: string | undefined, code: string | undefined): string {
  return name === undefined ? '' : `${name} (${code})`;
}

function merged(ctx: CliContext, targets: readonly MergeTarget[] | undefined): string {
  if (!targets || targets.length === 0) return '–';
  return targets
    .map((t) => `${t.code} ${t.name}${t.type === 'partial' ? ` (${ctx.t('communes.partial')})` : ''}`)
    .join('; ');
}

/** Plain columns padded to the widest cell; names are NFC, so one code point is one column. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => rows.reduce((m, r) => Math.max(m, [...r[i]].length), [...h].length));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - [...c].length)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function hitRow(ctx: CliContext, h: CommuneHit, withDistricts: boolean): string[] {
  const tier = ctx.t(`communes.tier.${h.tier}`) + (h.levelDiffers ? ` (${ctx.t('communes.levelDiffers')})` : '');
  const cells = [label(h.provinceName, h.provinceCode)];
  if (withDistricts) cells.push(label(h.districtName, h.districtCode));
  cells.push(h.code, h.name, h.level, tier);
  if (withDistricts) cells.push(merged(ctx, h.mergedInto));
  return cells;
}

function render(ctx: CliContext, r: CommunesFindResult): void {
  const withDistricts = r.edition !== 'gso-2025';
  const scope = r.province ? ctx.t('communes.scope', { province: label(r.province.name, r.province.code) }) : '';
  if (!r.ok) {
    ctx.print(ctx.t('communes.notFound', { query: r.query, edition: r.edition, scope }));
    if (r.before2025.length > 0) {
      ctx.print(ctx.t('communes.before2025'));
      const head = ['province', 'district', 'code', 'name', 'mergedInto'].map((k) => ctx.t(`communes.head.${k}`));
      const rows = r.before2025.map((h) => [
        label(h.provinceName, h.provinceCode),
        label(h.districtName, h.districtCode),
        h.code,
        h.name,
        merged(ctx, h.mergedInto),
      ]);
      for (const l of table(head, rows)) ctx.print(`  ${l}`);
      ctx.info(ctx.t('communes.mergeNote'));
    }
    if (r.suggestions.length === 0) {
      if (r.before2025.length === 0) ctx.print(ctx.t('communes.noSuggestion'));
      return;
    }
    ctx.print(ctx.t('communes.suggest'));
    const head = [
      ctx.t('communes.head.province'),
      ...(withDistricts ? [ctx.t('communes.head.district')] : []),
      ctx.t('communes.head.code'),
      ctx.t('communes.head.name'),
    ];
    const rows = r.suggestions.map((s) => [
      label(s.provinceName, s.provinceCode),
      ...(withDistricts ? [label(s.districtName, s.districtCode)] : []),
      s.code,
      s.name,
    ]);
    for (const l of table(head, rows)) ctx.print(`  ${l}`);
    return;
  }
  ctx.print(ctx.t('communes.found', { count: r.total, query: r.query, edition: r.edition, scope }));
  const head = [ctx.t('communes.head.province')];
  if (withDistricts) head.push(ctx.t('communes.head.district'));
  head.push(
    ctx.t('communes.head.code'),
    ctx.t('communes.head.name'),
    ctx.t('communes.head.level'),
    ctx.t('communes.head.tier'),
  );
  if (withDistricts) head.push(ctx.t('communes.head.mergedInto'));
  for (const l of table(
    head,
    r.candidates.map((h) => hitRow(ctx, h, withDistricts)),
  ))
    ctx.print(l);
  if (r.total > r.candidates.length)
    ctx.info(ctx.t('communes.truncated', { shown: r.candidates.length, count: r.total }));
  if (withDistricts) ctx.info(ctx.t('communes.mergeNote'));
}

export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof communesFindOptions>>): Promise<number> {
  const result = communesFind({
    query: args[0] ?? '',
    province: opts.province,
    edition: opts.edition,
    limit: opts.limit,
  });
  if (ctx.json) ctx.printJson(result);
  else render(ctx, result);
  return result.ok ? ExitCode.Ok : ExitCode.CheckFailed;
}
