import type { EvidenceMeta } from './evidence-types.js';

/**
 * The metadata of an evidence folder and its validation. `evidence.yaml` keeps the officer's words; this module
 * reads what it can and never throws: a missing or malformed field is a gap for `check` to report.
 */

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/;
/** Dossier codes seen on receipts: `000.04.05.H55-230731-0101` ({unit id}-{yyMMdd}-{NNNN}) and `H55.92-230404-0004`. */
const DOSSIER =
  /^((?:\d{3}\.\d{2}\.\d{2}\.H\d{2})|(?:H\d{2}(?:\.\d{1,3})+)|(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}))-(\d{2})(\d{2})(\d{2})-(\d{4})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PHONE = /^(?:\+?84|0)[1-9][0-9]{7,9}$/;

export function isEmail(s: string): boolean {
  return EMAIL.test(s.trim());
}

function validYmd(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function isDossierCode(s: string): boolean {
  const m = DOSSIER.exec(s.trim());
  if (!m) return false;
  return validYmd(2000 + Number(m[2]), Number(m[3]), Number(m[4]));
}

/** The date inside a dossier code, YYYY-MM-DD, or undefined. */
export function dossierDate(s: string): string | undefined {
  const m = DOSSIER.exec(s.trim());
  return m ? `20${m[2]}-${m[3]}-${m[4]}` : undefined;
}

export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s.trim());
  return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A phone number as people type it: spaces, dots and hyphens allowed; 0 or +84 prefix; a landline or a mobile. */
export function isPhone(s: string): boolean {
  return PHONE.test(s.replace(/[\s.()-]/g, ''));
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const s = v.normalize('NFC').trim();
    return s === '' ? undefined : s;
  }
  if (typeof v === 'number') return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Reads the parsed YAML of `evidence.yaml`; unknown keys are ignored, empty strings are absent. */
export function metaFromYaml(raw: unknown): EvidenceMeta {
  const r = obj(raw);
  const test = obj(r.testPayment);
  const apis: Record<string, string> = {};
  const namedApis = Object.keys(obj(r.apis));
  for (const [type, v] of Object.entries(obj(r.apis))) {
    const url = str(typeof v === 'object' ? obj(v).url : v);
    if (url) apis[type] = url;
  }
  return {
    unitName: str(r.unitName),
    province: str(r.province),
    dst: str(r.dst),
    email: str(r.email),
    contactName: str(r.contactName),
    contactPhone: str(r.contactPhone),
    dossierCode: str(test.dossierCode),
    testDate: str(test.date),
    apis,
    namedApis,
  };
}

/** Fields a person must supply; the order is the order of the prompts. */
export const META_FIELDS = ['unitName', 'email', 'contactName', 'contactPhone', 'dossierCode', 'testDate'] as const;
export type MetaField = (typeof META_FIELDS)[number] | 'apis';

/** Why a typed value is not acceptable for a field, as a message key; null when it is. */
export function fieldProblem(field: MetaField, value: string): string | null {
  const v = value.trim();
  if (v === '') return 'evidence.meta.empty';
  switch (field) {
    case 'email':
      return isEmail(v) ? null : 'evidence.meta.badEmail';
    case 'contactPhone':
      return isPhone(v) ? null : 'evidence.meta.badPhone';
    case 'dossierCode':
      return isDossierCode(v) ? null : 'evidence.meta.badDossier';
    case 'testDate':
      return isIsoDate(v) ? null : 'evidence.meta.badDate';
    case 'unitName':
      return v.length >= 3 ? null : 'evidence.meta.badUnit';
    default:
      return null;
  }
}

/** One answer to save in evidence.yaml: the YAML path of the field and its new value. */
export interface MetaChange {
  field: string;
  path: string[];
  value: string;
}

const YAML_PATH: Record<string, string[]> = {
  dossierCode: ['testPayment', 'dossierCode'],
  testDate: ['testPayment', 'date'],
};

/** What the answers add to or change in the metadata, in prompt order; blanks are not changes. */
export function answerChanges(before: EvidenceMeta, after: EvidenceMeta): MetaChange[] {
  const out: MetaChange[] = [];
  for (const f of META_FIELDS) {
    const v = after[f];
    if (v !== undefined && v !== '' && v !== before[f]) out.push({ field: f, path: YAML_PATH[f] ?? [f], value: v });
  }
  for (const [type, url] of Object.entries(after.apis)) {
    if (url !== '' && url !== before.apis[type]) out.push({ field: `apis.${type}`, path: ['apis', type], value: url });
  }
  return out;
}

/** The first answer that is not acceptable, with the message key saying why; undefined when all are. */
export function invalidAnswer(changes: readonly MetaChange[]): { change: MetaChange; key: string } | undefined {
  for (const c of changes) {
    const key = c.field.startsWith('apis.')
      ? isHttpUrl(c.value)
        ? null
        : 'evidence.meta.badUrl'
      : fieldProblem(c.field as MetaField, c.value);
    if (key) return { change: c, key };
  }
  return undefined;
}
