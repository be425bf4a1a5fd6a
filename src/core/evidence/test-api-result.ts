import { stripBom } from './file-sniff.js';
import { savedTestApiResultSchema } from './saved-test-result.js';

/**
 * A result of `dvc test-api`, read from the files in 05-ket-qua-kiem-tra-api. Two shapes are accepted:
 * the file `dvc test-api --save <dir>` writes (`<dst>-<type>-<yyyyMMddHHmmss>.result.json`:
 * {ok, dst, type, url, checks:[{name, ok, message}], timestamp}) and the `--json` output saved by hand
 * ({ok, type, checks}, possibly several under `results`). Request/response dumps are not results.
 */
export interface TestApiResult {
  file: string;
  ok: boolean;
  type: string;
  dst?: string;
  url?: string;
  /** When the test ran (ms since epoch); undefined when neither the file nor its name says. */
  at?: number;
  failedChecks: string[];
}

const SAVED_NAME = /(?:^|\/)([A-Za-z0-9_.]+)-([a-z0-9-]+)-(\d{14})\.result\.json$/i;

/** yyyyMMddHHmmss in a saved file's name, read as Vietnam time (UTC+7), the time the portal and test-api print. */
function timeFromName(rel: string): number | undefined {
  const m = SAVED_NAME.exec(rel);
  if (!m) return undefined;
  const d = m[3];
  const t = Date.UTC(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +d.slice(8, 10) - 7,
    +d.slice(10, 12),
    +d.slice(12, 14),
  );
  return Number.isNaN(t) ? undefined : t;
}

function asResult(file: string, v: unknown): TestApiResult | null {
  const parsed = savedTestApiResultSchema.safeParse(v);
  if (!parsed.success) return null;
  const o = parsed.data;
  const failedChecks = o.checks.filter((c) => !c.ok).map((c) => c.name);
  const stamp = o.timestamp === undefined ? Number.NaN : Date.parse(o.timestamp);
  return {
    file,
    ok: o.ok && failedChecks.length === 0,
    type: o.type,
    dst: o.dst ?? undefined,
    url: o.url,
    at: Number.isNaN(stamp) ? timeFromName(file) : stamp,
    failedChecks,
  };
}

/** The test-api results in one JSON text; [] when the JSON is something else (a request or response dump). */
export function parseTestApiResults(file: string, text: string): TestApiResult[] {
  let v: unknown;
  try {
    v = JSON.parse(stripBom(text));
  } catch {
    return [];
  }
  const one = asResult(file, v);
  if (one) return [one];
  const list =
    v !== null && typeof v === 'object' && Array.isArray((v as Record<string, unknown>).results)
      ? ((v as Record<string, unknown>).results as unknown[])
      : Array.isArray(v)
        ? v
        : [];
  return list.map((x) => asResult(file, x)).filter((x): x is TestApiResult => x !== null);
}

export const MAX_RESULT_AGE_DAYS = 30;

/** The newest passing result per type wins; otherwise the newest result. */
export function bestResultPerType(results: readonly TestApiResult[]): Map<string, TestApiResult> {
  const out = new Map<string, TestApiResult>();
  const rank = (r: TestApiResult) => [r.ok ? 1 : 0, r.at ?? 0] as const;
  for (const r of results) {
    const cur = out.get(r.type);
    if (!cur) {
      out.set(r.type, r);
      continue;
    }
    const [a1, a2] = rank(r);
    const [b1, b2] = rank(cur);
    if (a1 > b1 || (a1 === b1 && a2 > b2)) out.set(r.type, r);
  }
  return out;
}
