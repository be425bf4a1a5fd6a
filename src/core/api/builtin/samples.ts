import type { TemplateContext, TemplateFacts } from '../api-types.js';
import { formatVnTime } from '../vn-time.js';

/** The sample values the built-in templates share, so that a notice, its receipt and a look-up agree. */
export const SAMPLE = {
  unit: '000.04.05.H55',
  /** 2023-07-31 09:30:00 in Vietnam. */
  now: new Date(Date.UTC(2023, 6, 31, 2, 30, 0)),
  taxId: '8012345678',
  amount: 1_500_000,
  itemName: 'Lệ phí trước bạ nhà đất',
  payerName: 'Nguyễn Văn An',
  payerId: '001085012345',
  noticeNumber: (now: Date) => `TB-${formatVnTime(now, 'yyMMdd')}-0001`,
} as const;

/** `{unit}-{yyMMdd}-0101`, the shape of `000.04.05.H55-230731-0101`, unless the context names a dossier. */
export function sampleDossierCode(ctx: TemplateContext): string {
  return ctx.dossierCode ?? `${ctx.unit}-${formatVnTime(ctx.now, 'yyMMdd')}-0101`;
}

/** The shared sample values, with the context's own facts over them. */
export function factsOf(ctx: TemplateContext): TemplateFacts {
  const dossier = sampleDossierCode(ctx);
  return {
    taxId: SAMPLE.taxId,
    amount: SAMPLE.amount,
    itemName: SAMPLE.itemName,
    payerName: SAMPLE.payerName,
    payerId: SAMPLE.payerId,
    noticeNumber: SAMPLE.noticeNumber(ctx.now),
    paymentText: `Nộp ${SAMPLE.itemName.toLowerCase()} hồ sơ ${dossier}`,
    ...ctx.facts,
  };
}
