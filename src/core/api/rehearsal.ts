import type { ApiRole, Check, ResponseRule, TemplateContext, TemplateFacts } from './api-types.js';
import { readPath } from './check-response.js';
import { formatVnTime } from './vn-time.js';

/**
 * The portal's sequence of step 4 (a real test payment), rehearsed with synthetic data before a citizen pays:
 * the notice for a synthetic dossier → the look-up (amount due) → the receipt for that notice and amount → the
 * look-up again (nothing due) → the same notice again (a duplicate answer). Pure: the plan, the data set and the
 * extra judgement of each step; src/app/test-api/rehearse.ts sends them.
 */

export type RehearsalStepName = 'notice' | 'lookupDue' | 'receipt' | 'lookupPaid' | 'noticeAgain';

export interface RehearsalStepPlan {
  name: RehearsalStepName;
  role: ApiRole;
  /** What the amount due must be after this step's look-up (`due` = the notice's amount). */
  expectDue?: 'due' | 'none';
  /** The same notice sent again: the province's duplicate answer is as good as a success. */
  duplicate?: boolean;
}

export const REHEARSAL_PLAN: readonly RehearsalStepPlan[] = [
  { name: 'notice', role: 'notice' },
  { name: 'lookupDue', role: 'lookup', expectDue: 'due' },
  { name: 'receipt', role: 'receipt' },
  { name: 'lookupPaid', role: 'lookup', expectDue: 'none' },
  { name: 'noticeAgain', role: 'notice', duplicate: true },
];

/**
 * Synthetic data is marked so a province can find and delete it: the dossier number runs 9900–9999, the notice
 * number starts `DVC-DIENTAP-`, and the payer is "DIỄN TẬP DVC - KHÔNG THU TIỀN" (see docs/test-api.md).
 */
export const REHEARSAL_MARK = {
  noticePrefix: 'DVC-DIENTAP-',
  payerName: 'DIỄN TẬP DVC - KHÔNG THU TIỀN',
  dossierSerialFrom: 9900,
} as const;

export interface RehearsalData {
  dossierCode: string;
  facts: TemplateFacts;
}

/** One consistent data set: the same dossier, tax id, notice number and amount in every step. */
export function rehearsalData(unit: string, now: Date, serial: number, amount = 1_250_000): RehearsalData {
  const dossierCode = `${unit}-${formatVnTime(now, 'yyMMdd')}-${REHEARSAL_MARK.dossierSerialFrom + (serial % 100)}`;
  return {
    dossierCode,
    facts: {
      taxId: '8000000000',
      amount,
      itemName: 'Lệ phí trước bạ nhà đất (diễn tập dvc)',
      payerName: REHEARSAL_MARK.payerName,
      payerId: '000000000000',
      noticeNumber: `${REHEARSAL_MARK.noticePrefix}${formatVnTime(now, 'yyyyMMddHHmmss')}`,
      paymentText: `DIỄN TẬP dvc, không phải giao dịch thật: hồ sơ ${dossierCode}`,
    },
  };
}

export function rehearsalContext(unit: string, now: Date, data: RehearsalData): TemplateContext {
  return { unit, now, dossierCode: data.dossierCode, facts: data.facts };
}

function amountOf(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[\s,.](?=\d{3}\b)/g, '')) : NaN;
  return Number.isFinite(n) ? n : 0;
}

/** The amount a bill asks for: its DSKhoanNop items, else its PhiLePhi items (OpenCPS's fee look-up fields). */
function billTotal(bill: unknown): number {
  if (bill === null || typeof bill !== 'object' || Array.isArray(bill)) return 0;
  for (const list of ['DSKhoanNop', 'PhiLePhi']) {
    const items = readPath(bill, list);
    if (Array.isArray(items) && items.length > 0)
      return items.reduce((sum: number, it) => sum + amountOf(readPath(it, 'SoTien')), 0);
  }
  return amountOf(readPath(bill, 'SoTien'));
}

/** The amount due in a look-up's answer: the bill (or bills) in its message; `[]`, a text or nothing is 0. */
export function amountDue(answer: unknown, rule: Pick<ResponseRule, 'messageField'>): number {
  const message = readPath(answer, rule.messageField ?? 'message');
  const bills = Array.isArray(message) ? message : [message];
  return bills.reduce((sum: number, b) => sum + billTotal(b), 0);
}

/** The step's own check of a look-up: the amount due is the notice's amount, or nothing once paid. */
export function amountCheck(step: RehearsalStepPlan, due: number, expected: number): Check | undefined {
  if (!step.expectDue) return undefined;
  const want = step.expectDue === 'due' ? expected : 0;
  const ok = due === want;
  return {
    name: 'amount',
    ok,
    message: { key: ok ? 'rehearse.check.amountOk' : 'rehearse.check.amountBad', params: { due, expected: want } },
  };
}

/** The rule a step is judged by: a duplicate notice may also answer one of the convention's duplicate codes. */
export function stepRule(step: RehearsalStepPlan, rule: ResponseRule): ResponseRule {
  if (!step.duplicate) return rule;
  return { ...rule, successCodes: [...rule.successCodes, ...(rule.duplicateCodes ?? [])] };
}
