import {
  CHECKLIST,
  GUIDE_FILE,
  META_FILE,
  TEST_API_DIR,
  VIDEO_DIR,
  folderOf,
  isSystemFile,
  kindOfExtension,
  USUAL_EXTENSION,
} from './checklist.js';
import { integrityProblem, sniffKind } from './file-sniff.js';
import { dossierDate, isDossierCode, isEmail, isIsoDate, isPhone } from './metadata.js';
import { urlFindings } from './url-rules.js';
import { findPersonalNumbers } from './personal-data.js';
import { MAX_RESULT_AGE_DAYS, bestResultPerType, parseTestApiResults, type TestApiResult } from './test-api-result.js';
import type {
  CheckItem,
  EvidenceMeta,
  EvidenceMsg,
  FileKind,
  RequestKind,
  ScannedFile,
  Severity,
} from './evidence-types.js';

export interface Limits {
  maxFileMb: number;
  maxVideoMb: number;
}

/** The portal publishes no attachment limit; these are dvc's defaults, changed with `evidence.maxFileMb/maxVideoMb`. */
export const DEFAULT_LIMITS: Limits = { maxFileMb: 20, maxVideoMb: 200 };

export interface CheckInput {
  kind: RequestKind;
  /** null when evidence.yaml is missing or unreadable (then `metaProblem` says why). */
  meta: EvidenceMeta | null;
  metaProblem?: EvidenceMsg;
  files: readonly ScannedFile[];
  now: number;
  limits: Limits;
  /** API types every configuration request must give a URL for (the portal's published land types). */
  requiredApiTypes?: readonly string[];
}

export interface CheckOutcome {
  ok: boolean;
  kind: RequestKind;
  items: CheckItem[];
  /** The test-api results found, best per type. */
  results: TestApiResult[];
}

const DAY = 86_400_000;

function item(id: string, ok: boolean, severity: Severity, message: EvidenceMsg, fix?: EvidenceMsg): CheckItem {
  return ok ? { id, ok, severity, message } : { id, ok, severity, message, fix };
}

type Need = (field: string, value: string | undefined, valid: boolean, badKey: string, severity?: Severity) => void;

function fieldChecker(out: CheckItem[]): Need {
  return (field, value, valid, badKey, severity = 'error') => {
    const id = `metadata.${field}`;
    const fix = { key: `evidence.fix.meta.${field}` };
    if (value === undefined)
      out.push(item(id, false, severity, { key: 'evidence.item.metaMissing', params: { field } }, fix));
    else if (!valid) out.push(item(id, false, severity, { key: badKey, params: { field, value } }, fix));
    else out.push(item(id, true, severity, { key: `evidence.item.metaOk.${field}`, params: { field, value } }));
  };
}

/** The API types a request must give a URL for: those evidence.yaml names, and those the portal requires. */
export function apiTypesToConfigure(meta: EvidenceMeta, required: readonly string[]): string[] {
  return [...new Set([...Object.keys(meta.apis), ...(meta.namedApis ?? []), ...required])];
}

/** Each URL judged as the Government Office would before configuring it; a type without a URL is a gap. */
function apiItems(meta: EvidenceMeta, required: readonly string[]): CheckItem[] {
  const out: CheckItem[] = [];
  const types = apiTypesToConfigure(meta, required);
  if (types.length === 0)
    out.push(item('metadata.apis', false, 'error', { key: 'evidence.item.noApis' }, { key: 'evidence.fix.meta.apis' }));
  for (const type of types) {
    const id = `metadata.apis.${type}`;
    const url = meta.apis[type];
    if (url === undefined) {
      out.push(
        item(
          id,
          false,
          'error',
          { key: 'evidence.item.apiMissing', params: { type } },
          { key: 'evidence.fix.apiMissing', params: { type } },
        ),
      );
      continue;
    }
    const findings = urlFindings(url);
    for (const f of findings)
      out.push(
        item(
          `${id}.${f.key}`,
          false,
          f.severity,
          { key: `evidence.item.url.${f.key}`, params: { type, url } },
          { key: `evidence.fix.url.${f.key}`, params: { type, url } },
        ),
      );
    if (!findings.some((f) => f.severity === 'error'))
      out.push(item(id, true, 'error', { key: 'evidence.item.apiOk', params: { type, url } }));
  }
  return out;
}

function testPaymentItems(meta: EvidenceMeta, now: number, need: Need): CheckItem[] {
  const out: CheckItem[] = [];
  need('dossierCode', meta.dossierCode, isDossierCode(meta.dossierCode ?? ''), 'evidence.meta.badDossier');
  const dateOk = isIsoDate(meta.testDate ?? '') && Date.parse(`${meta.testDate}T00:00:00Z`) <= now + DAY;
  need('testDate', meta.testDate, dateOk, 'evidence.meta.badDate');
  const dd = meta.dossierCode && isDossierCode(meta.dossierCode) ? dossierDate(meta.dossierCode) : undefined;
  if (dd && dateOk && meta.testDate && dd > meta.testDate) {
    out.push(
      item(
        'metadata.dossierAfterTest',
        false,
        'warning',
        { key: 'evidence.item.dossierAfterTest', params: { code: meta.dossierCode ?? '', date: meta.testDate } },
        { key: 'evidence.fix.meta.testDate' },
      ),
    );
  }
  return out;
}

function metaItems(kind: RequestKind, meta: EvidenceMeta, now: number, required: readonly string[]): CheckItem[] {
  const out: CheckItem[] = [];
  const need = fieldChecker(out);
  need('unitName', meta.unitName, (meta.unitName ?? '').length >= 3, 'evidence.meta.badUnit');
  need('email', meta.email, isEmail(meta.email ?? ''), 'evidence.meta.badEmail');
  need('dst', meta.dst, true, 'evidence.meta.empty');
  need('contactName', meta.contactName, true, 'evidence.meta.empty', 'warning');
  need('contactPhone', meta.contactPhone, isPhone(meta.contactPhone ?? ''), 'evidence.meta.badPhone', 'warning');
  out.push(...apiItems(meta, required));
  if (kind === 'xac-nhan') {
    const extra = testPaymentItems(meta, now, need);
    out.push(...extra);
  }
  return out;
}

/** A kind as the officer knows the format, the same in both languages (never the id `text` or `other`). */
const FORMAT: Record<FileKind, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  pdf: 'PDF',
  mp4: 'MP4',
  webm: 'WebM',
  xml: 'XML',
  json: 'JSON',
  text: 'TXT',
  other: '?',
};

interface FileVerdict {
  items: CheckItem[];
  usable: boolean;
}

type Bad = (severity: Severity, key: string, fixKey: string, params?: Record<string, string | number>) => void;

/** The extension promises one format, the first bytes say another (or none dvc knows). */
function mismatch(bad: Bad, claimed: FileKind, actual: FileKind): void {
  if (actual === 'other')
    bad('error', 'evidence.file.contentUnknown', 'evidence.fix.unknownType', { claimed: FORMAT[claimed] });
  else
    bad('error', 'evidence.file.kindMismatch', 'evidence.fix.kindMismatch', {
      claimed: FORMAT[claimed],
      actual: FORMAT[actual],
      ext: USUAL_EXTENSION[actual],
    });
}

/** A personal number in a file name: a warning, its kind said in words. */
function privacyItems(rel: string): CheckItem[] {
  const names = findPersonalNumbers(rel);
  if (names.length === 0) return [];
  const kind = names.length === 1 ? names[0] : 'several';
  return [
    item(
      `privacy.${rel}`,
      false,
      'warning',
      { key: `evidence.item.personalInName.${kind}`, params: { file: rel } },
      { key: 'evidence.fix.personalInName' },
    ),
  ];
}

function fileItems(f: ScannedFile, limits: Limits): FileVerdict {
  const items: CheckItem[] = [];
  const id = f.itemId ?? `file.${f.rel}`;
  const bad: Bad = (severity, key, fixKey, params = {}) =>
    items.push(
      item(
        id,
        false,
        severity,
        { key, params: { file: f.rel, ...params } },
        { key: fixKey, params: { file: f.rel, ...params } },
      ),
    );
  items.push(...privacyItems(f.rel));
  if (f.notRegular) {
    bad('error', 'evidence.file.notRegular', 'evidence.fix.notRegular');
    return { items, usable: false };
  }
  if (f.size === 0) {
    bad('error', 'evidence.file.empty', 'evidence.fix.replaceFile');
    return { items, usable: false };
  }
  const claimed = kindOfExtension(f.rel);
  const actual = sniffKind(f.head);
  const folder = folderOf(f.rel);
  let usable = true;
  if (claimed === undefined) {
    bad('warning', 'evidence.file.unknownType', 'evidence.fix.unknownType');
    usable = false;
  } else if (claimed !== actual && !(claimed === 'text' && (actual === 'json' || actual === 'xml'))) {
    mismatch(bad, claimed, actual);
    return { items, usable: false };
  } else {
    const problem = integrityProblem(claimed, f);
    if (problem) {
      bad('error', problem, 'evidence.fix.replaceFile');
      return { items, usable: false };
    }
    if (folder && !folder.kinds.includes(claimed)) {
      bad('warning', 'evidence.file.wrongFolder', 'evidence.fix.wrongFolder', {
        kind: FORMAT[claimed],
        dir: folder.dir,
      });
    }
  }
  const mb = f.size / 1048576;
  const video = actual === 'mp4' || actual === 'webm';
  if (video && mb > limits.maxVideoMb)
    bad('warning', 'evidence.file.videoLarge', 'evidence.fix.videoLarge', {
      mb: mb.toFixed(1),
      max: limits.maxVideoMb,
    });
  if (!video && mb > limits.maxFileMb) {
    bad('error', 'evidence.file.tooLarge', 'evidence.fix.tooLarge', { mb: mb.toFixed(1), max: limits.maxFileMb });
    usable = false;
  }
  if (!folder && f.rel !== META_FILE && f.rel !== GUIDE_FILE)
    bad('warning', 'evidence.file.outsideChecklist', 'evidence.fix.outsideChecklist');
  return { items, usable };
}

function testApiItems(
  kind: RequestKind,
  meta: EvidenceMeta | null,
  results: readonly TestApiResult[],
  now: number,
): CheckItem[] {
  const severity: Severity = kind === 'xac-nhan' ? 'error' : 'warning';
  const best = bestResultPerType(results);
  const out: CheckItem[] = [];
  for (const type of Object.keys(meta?.apis ?? {})) {
    const id = `test-api.${type}`;
    const r = best.get(type);
    const fixRun = { key: 'evidence.fix.runTestApi', params: { type, dst: meta?.dst ?? '<DST>', dir: TEST_API_DIR } };
    if (!r) {
      out.push(item(id, false, severity, { key: 'evidence.item.testApiMissing', params: { type } }, fixRun));
      continue;
    }
    if (!r.ok) {
      out.push(
        item(
          id,
          false,
          severity,
          {
            key: 'evidence.item.testApiFailed',
            params: { type, file: r.file, checks: r.failedChecks.join(', ') || '-' },
          },
          fixRun,
        ),
      );
      continue;
    }
    if (r.at === undefined) {
      out.push(
        item(id, false, 'warning', { key: 'evidence.item.testApiUndated', params: { type, file: r.file } }, fixRun),
      );
      continue;
    }
    const days = Math.floor((now - r.at) / DAY);
    if (days > MAX_RESULT_AGE_DAYS) {
      out.push(
        item(
          id,
          false,
          severity,
          { key: 'evidence.item.testApiOld', params: { type, file: r.file, days, max: MAX_RESULT_AGE_DAYS } },
          fixRun,
        ),
      );
      continue;
    }
    const url = meta?.apis[type];
    if (r.url && url && r.url !== url) {
      out.push(
        item(
          `${id}.url`,
          false,
          'warning',
          { key: 'evidence.item.testApiOtherUrl', params: { type, tested: r.url, url } },
          fixRun,
        ),
      );
    }
    out.push(item(id, true, severity, { key: 'evidence.item.testApiOk', params: { type, file: r.file, days } }));
  }
  return out;
}

/** Every requirement of the chosen request, each with whether it holds and how to fix it. */
export function checkEvidence(input: CheckInput): CheckOutcome {
  const items: CheckItem[] = [];
  if (!input.meta)
    items.push(
      item(
        'metadata',
        false,
        'error',
        input.metaProblem ?? { key: 'evidence.item.metaFileMissing', params: { file: META_FILE } },
        { key: 'evidence.fix.metaFile' },
      ),
    );
  else items.push(...metaItems(input.kind, input.meta, input.now, input.requiredApiTypes ?? []));

  const usableByFolder = new Map<string, number>();
  const results: TestApiResult[] = [];
  for (const f of input.files) {
    if (isSystemFile(f.rel)) continue;
    const v = fileItems(f, input.limits);
    items.push(...v.items);
    const folder = folderOf(f.rel);
    if (folder && v.usable) usableByFolder.set(folder.id, (usableByFolder.get(folder.id) ?? 0) + 1);
    if (f.facts) results.push(...f.facts.results);
    else if (folder?.dir === TEST_API_DIR && f.text !== undefined && f.rel.toLowerCase().endsWith('.json'))
      results.push(...parseTestApiResults(f.rel, f.text));
  }
  for (const folder of CHECKLIST) {
    if (!folder.requiredFor.includes(input.kind)) continue;
    const n = usableByFolder.get(folder.id) ?? 0;
    items.push(
      n > 0
        ? item(`folder.${folder.id}`, true, 'error', {
            key: 'evidence.item.folderOk',
            params: { dir: folder.dir, count: n },
          })
        : item(
            `folder.${folder.id}`,
            false,
            'error',
            { key: 'evidence.item.folderEmpty', params: { dir: folder.dir, title: folder.title } },
            { key: 'evidence.fix.folderEmpty', params: { dir: folder.dir } },
          ),
    );
  }
  if (input.kind === 'xac-nhan' && !usableByFolder.has('06')) {
    items.push(item(`folder.06`, true, 'warning', { key: 'evidence.item.videoOptional', params: { dir: VIDEO_DIR } }));
  }
  items.push(...testApiItems(input.kind, input.meta, results, input.now));
  const ok = items.every((i) => i.ok || i.severity !== 'error');
  return { ok, kind: input.kind, items, results: [...bestResultPerType(results).values()] };
}

/** The metadata fields a request text cannot do without, for exit 2 in non-interactive runs. */
export function missingRequestFields(kind: RequestKind, meta: EvidenceMeta | null): string[] {
  const m = meta ?? { apis: {} };
  const missing: string[] = [];
  if (!m.unitName) missing.push('unitName');
  if (!m.email) missing.push('email');
  if (Object.keys(m.apis).length === 0) missing.push('apis');
  if (kind === 'xac-nhan') {
    if (!m.dossierCode) missing.push('dossierCode');
    if (!m.testDate) missing.push('testDate');
  }
  return missing;
}
