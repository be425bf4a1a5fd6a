import type { ApiRole, ResponseRule } from '../api-types.js';
import type { MockAuth } from '../mock-auth.js';
import type { MockAnswer, MockPolicy } from '../mock-province.js';

/**
 * One system `dvc mock-api --emulate <name>` answers like, and the response convention `dvc test-api` judges such a
 * system by. The registry (./emulations.ts) gives each one its name; nothing else names one.
 */

/** What happened to one request, before it is put into the emulated system's HTTP form. */
export type MockOutcome =
  | { kind: 'answer'; role: ApiRole | undefined; answer: MockAnswer; text: string | Record<string, unknown> }
  | { kind: 'invalid'; role: ApiRole | undefined; reason: string; emptyField?: string; tooLong?: boolean }
  | { kind: 'unparseable'; reason: string }
  | { kind: 'unauthorised'; auth: MockAuth['type'] }
  | { kind: 'internal'; reason: string };

export interface MockHttpAnswer {
  status: number;
  contentType: string;
  body: string;
  /** The business code, for the exchange log. */
  errorCode?: number;
  headers?: Record<string, string>;
}

/** A response convention preset: the fields it sets, and where they come from. */
export type ConventionRule = Partial<ResponseRule> & { source: string };

/** A system, all but its name. */
export interface EmulatedSystem {
  /** Catalogue key of its title (the `--emulate` help). */
  readonly title: string;
  /** How an answer of this system is judged (`response.preset`). */
  readonly convention: ConventionRule;
  /** The business rules where receivers differ. */
  readonly policy: MockPolicy;
  /**
   * A body that is not JSON while the key travels in the body: `unauthorised` (the key could not be read) or
   * `unparseable` (the body is reported).
   */
  readonly unreadableKeyedBody: 'unauthorised' | 'unparseable';
  /**
   * The system's checks of a bound request before its business rules: an outcome that ends the exchange, or
   * undefined to go on. `schema()` is dvc's check against the type's request schema (undefined when it passes).
   */
  checkRequest(
    role: ApiRole | undefined,
    bound: unknown,
    schema: () => MockOutcome | undefined,
  ): MockOutcome | undefined;
  /** The HTTP answer of the system to one outcome. */
  answer(outcome: MockOutcome): MockHttpAnswer;
}

export interface Emulation<N extends string = string> extends EmulatedSystem {
  readonly name: N;
  /** Roles whose answers are judged by another emulation's convention (a system without that API of its own). */
  readonly conventionByRole?: Partial<Record<ApiRole, Emulation>>;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

export const jsonAnswer = (status: number, value: unknown, errorCode?: number): MockHttpAnswer => ({
  status,
  contentType: JSON_TYPE,
  body: JSON.stringify(value),
  ...(errorCode !== undefined ? { errorCode } : {}),
});
