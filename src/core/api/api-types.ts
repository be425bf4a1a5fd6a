import type { MessageParams } from '../../errors.js';

/**
 * The types of the API-type registry. Everything here is data a province can edit: no official field table of the
 * portal's land-obligation calls is public, so templates and schemas come from public one-stop code (see
 * docs/api-types.md) and can be replaced per province in the config (`apiTypes.<id>`).
 */

/** An API type's id (`[a-z0-9-]+`): the built-in ones are in src/core/api/builtin, a province may add more. */
export type ApiTypeId = string;

/** A JSON Schema (draft-07 keywords; `description` on every property says where the field came from). */
export type JsonSchema = { [key: string]: unknown };

/** A message to render later: a catalogue key and its parameters. */
export interface Msg {
  key: string;
  params: MessageParams;
}

/**
 * A request body: the portal's envelope `{"service","isUpdating","data":{...}}` (plus vendor extras `Ngay`,
 * `SecurityKey`) for the notice and the receipt, or a bare object such as the look-up's `{"MaHoSo": "..."}`.
 */
export type RequestBody = Record<string, unknown>;

/** What a template needs to build a plausible body. */
export interface TemplateContext {
  /** The province's unit code, e.g. `000.00.00.H26`. */
  unit: string;
  /** The moment to stamp into `Ngay`, `ThoiGianThanhToan`, `NGAY_QUYET_DINH` (formatted in Vietnam time, UTC+7). */
  now: Date;
  /** A dossier code; default `{unit}-{yyMMdd}-0101` (the shape of `000.04.05.H55-230731-0101`). */
  dossierCode?: string;
  /** Values replacing the shared samples, so that a notice, its receipt and a look-up agree (the rehearsal's). */
  facts?: Partial<TemplateFacts>;
}

/** The values the built-in templates share. */
export interface TemplateFacts {
  taxId: string;
  amount: number;
  itemName: string;
  payerName: string;
  payerId: string;
  noticeNumber: string;
  /** What the receipt says was paid for. */
  paymentText: string;
}

/** A JSON scalar: a result code may be a number, a string or a boolean (`"succeeded": true`). */
export type JsonScalar = string | number | boolean | null;

/** How an array answer (OpenCPS, June 2021: one result per dossier) is judged. */
export type ArrayRule = 'every' | 'any' | 'first' | 'reject';

/**
 * How to read a province's answer (its response convention). Data, not code: a province describes its own in the
 * config (`provinces.<key>.response`, or per API `apis.<id>.response`), starting from a named preset.
 */
export interface ResponseRule {
  /** Dotted path of the business code in the JSON answer, e.g. `error_code`, `succeeded` or `data.code`. */
  codeField: string;
  /** Success values of any JSON type; numbers and their strings compare alike, `true` and `"true"` too. */
  successCodes: JsonScalar[];
  /** Accepted HTTP statuses; default any 2xx. */
  statuses?: number[];
  /** Dotted path of the human-readable message (`message`). */
  messageField?: string;
  /** A JSON Schema of the vendor's wrapper; when set it replaces the type's response schema in the schema check. */
  wrapper?: JsonSchema;
  /** How an array answer is judged: every element, any element, the first, or refused. Default `every`. */
  array?: ArrayRule;
  /** Codes that mean "already received" when the same notice is sent again (judged by `test-api rehearse`). */
  duplicateCodes?: JsonScalar[];
  /** The slowest acceptable answer, in ms; no time check when absent. */
  maxTimeMs?: number;
}

/** One HTTP answer as the transport saw it. */
export interface HttpResult {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  body: string | Uint8Array;
  /** Total time of the exchange in ms. */
  timeMs: number;
}

export type CheckName = 'status' | 'json' | 'schema' | 'code' | 'time' | 'amount';

export interface Check {
  name: CheckName;
  ok: boolean;
  /** Why it passed or failed, to be rendered through the catalogue. */
  message: Msg;
}

/** One problem of a request body against its schema. */
export interface ValidationIssue {
  /** Dotted path of the field, e.g. `data.ThongTinThanhToan.ThoiGianThanhToan` (`` for the body itself). */
  path: string;
  /** What is wrong (catalogue key `api.issue.*` + params). */
  problem: Msg;
  /** A right value for this field, taken from the schema's `examples`, when known. */
  example?: string;
}

/** Where a type's definition came from. */
export type ApiTypeOrigin = 'builtin' | 'config' | 'builtin+config';

/** A request template as data: a JSON body whose strings may hold `${unit}`, `${dossierCode}`, `${now:FORMAT}`. */
export type TemplateData = RequestBody;

export interface ApiType {
  id: ApiTypeId;
  /** A built-in type's title, Vietnamese and English. */
  titles?: { vi: string; en: string };
  /** A title given in the config (a province's own type, or over a built-in one), shown instead of `titles`. */
  title?: string;
  /** The portal's `service` name in the envelope; absent for a bare body (the look-up, unless a province sets one). */
  service?: string;
  origin: ApiTypeOrigin;
  /** A config-supplied template replacing the built-in one (placeholders filled by buildTemplate). */
  template?: TemplateData;
  /** Builds the built-in template; absent for config-only types (they use `template`). */
  build?: (ctx: TemplateContext) => RequestBody;
  requestSchema: JsonSchema;
  responseSchema: JsonSchema;
  exampleRequest: RequestBody;
  exampleResponse: unknown;
  /** The default response convention for this type. */
  responseRule: ResponseRule;
  /**
   * What the type does in the portal's land-obligation sequence: it decides how `dvc mock-api` answers it and which
   * step of `dvc test-api rehearse` uses it. Absent for province-defined types (the mock accepts them).
   */
  role?: ApiRole;
  /** Its line in the support request (Vietnamese: the text is pasted into a Vietnamese form). */
  requestLine?: string;
}

/** The three roles of the land-obligation sequence. */
export type ApiRole = 'notice' | 'receipt' | 'lookup';

/** A province's override of one type, as loaded from the files the config names (src/io/api-type-files.ts). */
export interface ApiTypeOverride {
  service?: string;
  title?: string;
  template?: TemplateData;
  requestSchema?: JsonSchema;
  responseSchema?: JsonSchema;
}

export type ApiTypeOverrides = Record<string, ApiTypeOverride>;

/** One row of a tax notice (`/DATA/BODY/ROW_LIST/LIST`). */
export interface NoticeItem {
  MA_SO_THUE: string;
  SO_QUYET_DINH: string;
  /** dd-MM-yyyy */
  NGAY_QUYET_DINH: string;
  /** Whole VND, as written in the XML (digits). */
  SO_TIEN: string;
  TEN_TIEUMUC: string;
}

/** One dossier of a notice file (`ROW_LIST`): its code and its rows. */
export interface NoticeDossier {
  MA_HSO: string;
  items: NoticeItem[];
}

/** A flat table of a notice file: one line per LIST row with its dossier code, for `dvc test-api decode`. */
export interface NoticeRow extends NoticeItem {
  MA_HSO: string;
}

export interface DecodedNotice {
  dossiers: NoticeDossier[];
  rows: NoticeRow[];
  /** The XML text after base64 decoding. */
  xml: string;
  issues: ValidationIssue[];
}
