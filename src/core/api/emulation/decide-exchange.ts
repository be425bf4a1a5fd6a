import type { ApiType, Msg } from '../api-types.js';
import { bindKeys, validateRequest } from '../api-type-registry.js';
import { bodyAuthorised, headerAuthorised, type MockAuth } from '../mock-auth.js';
import type { MockAnswer, MockProvince } from '../mock-province.js';
import { jsonErrorAt } from '../../text/json-error-at.js';
import { stripBom } from '../../text/utf8.js';
import type { Emulation, MockHttpAnswer, MockOutcome } from './emulation.js';

/**
 * One request to `dvc mock-api`, from its headers and raw body to the emulated system's HTTP answer: credentials,
 * JSON, the system's checks, then the business rules of the type's role. The server (src/io/mock-server.ts) routes,
 * limits and sends; what is answered is decided here, by the emulation.
 */

export interface MockExchangeContext {
  emulation: Emulation;
  auth: MockAuth;
  /** The province's state, built with the emulation's policy. */
  province: MockProvince;
  now: () => Date;
  /** Renders a message in the server's language. */
  msg: (m: Msg) => string;
}

export interface MockRequest {
  type: ApiType;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface MockDecision {
  answer: MockHttpAnswer;
  /** Whether the province's state changed (and must be saved). */
  changed: boolean;
}

function parseJson(raw: Buffer): { value?: unknown; error?: { line: number; column: number } } {
  const text = stripBom(raw.toString('utf8'));
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { error: jsonErrorAt(text) ?? { line: 1, column: 1 } };
  }
}

/** dvc's own check against the type's request schema: the first five findings, or undefined. */
function schemaCheck(c: MockExchangeContext, type: ApiType, bound: unknown): MockOutcome | undefined {
  const issues = validateRequest(type, bound);
  if (issues.length === 0) return undefined;
  const reason = issues
    .slice(0, 5)
    .map((i) => `${i.path || '(body)'}: ${c.msg(i.problem)}${i.example !== undefined ? ` (${i.example})` : ''}`)
    .join('; ');
  return { kind: 'invalid', role: type.role, reason: c.msg({ key: 'mock.answer.invalid', params: { reason } }) };
}

/** The business rules of the type's role (a type the config adds is simply accepted). */
function businessAnswer(c: MockExchangeContext, type: ApiType, bound: unknown): [MockOutcome, boolean] {
  let result: { answer: MockAnswer; changed: boolean };
  switch (type.role) {
    case 'notice':
      result = c.province.receiveNotice(bound, c.now());
      break;
    case 'receipt':
      result = c.province.receiveReceipt(bound, c.now());
      break;
    case 'lookup':
      result = { answer: c.province.lookUp(bound), changed: false };
      break;
    default:
      result = {
        answer: { error_code: 0, message: { key: 'mock.answer.accepted', params: { type: type.id } } },
        changed: false,
      };
  }
  const m = result.answer.message;
  const text = 'key' in m && typeof m.key === 'string' ? c.msg(m as Msg) : (m as Record<string, unknown>);
  return [{ kind: 'answer', role: type.role, answer: result.answer, text }, result.changed];
}

function outcomeOf(c: MockExchangeContext, r: MockRequest): [MockOutcome, boolean] {
  const unauthorised: MockOutcome = { kind: 'unauthorised', auth: c.auth.type };
  if (headerAuthorised(c.auth, r.headers) === false) return [unauthorised, false];
  const { value, error } = parseJson(r.body);
  if (error !== undefined) {
    if (c.auth.type === 'body-key' && c.emulation.unreadableKeyedBody === 'unauthorised') return [unauthorised, false];
    return [{ kind: 'unparseable', reason: c.msg({ key: 'api.issue.notJson', params: { ...error } }) }, false];
  }
  if (!bodyAuthorised(c.auth, value)) return [unauthorised, false];
  const bound = bindKeys(r.type.requestSchema, value);
  const refused = c.emulation.checkRequest(r.type.role, bound, () => schemaCheck(c, r.type, bound));
  return refused ? [refused, false] : businessAnswer(c, r.type, bound);
}

/** The emulated system's answer to one request, and whether the province's state changed. */
export function decideExchange(c: MockExchangeContext, r: MockRequest): MockDecision {
  const [outcome, changed] = outcomeOf(c, r);
  return { answer: c.emulation.answer(outcome), changed };
}
