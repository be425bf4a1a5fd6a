import path from 'node:path';
import { ensureDir, writeFileAtomic } from '../../io/atomic-write.js';
import type { ProbeResult } from './probe-result.js';

/** yyyyMMddHHmmss in Vietnam time (UTC+7), the portal's own timestamp format. */
export function stamp(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${v.getUTCFullYear()}${p(v.getUTCMonth() + 1)}${p(v.getUTCDate())}${p(v.getUTCHours())}${p(v.getUTCMinutes())}${p(v.getUTCSeconds())}`;
}

function safePart(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40) || 'x';
}

/**
 * Saves each exchange as `<dst>-<type>-<yyyyMMddHHmmss>[-n].{request,response,result}.json` for `dvc evidence`.
 * Names hold only the province, the type, the time and a counter: never a dossier code or a personal number.
 */
export async function saveExchanges(
  dir: string,
  probes: ProbeResult[],
  o: { force: boolean; now: Date },
): Promise<string[]> {
  await ensureDir(dir);
  // Loaded here, not at start-up: a probe that saves nothing pays nothing for the schema library.
  const { savedTestApiResultSchema } = await import('../../core/evidence/saved-test-result.js');
  const saved: string[] = [];
  const ts = stamp(o.now);
  for (const [i, p] of probes.entries()) {
    const stem = `${safePart(p.dst ?? 'url')}-${safePart(p.type)}-${ts}${probes.length > 1 ? `-${i + 1}` : ''}`;
    const file = (kind: string) => path.join(dir, `${stem}.${kind}.json`);
    const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
    const common = {
      dst: p.dst,
      type: p.type,
      url: p.url,
      timestamp: p.startedAt,
      ...(p.insecure ? { insecure: true } : {}),
    };
    saved.push(await writeFileAtomic(file('request'), json({ ...common, ...p.request }), { force: o.force }));
    saved.push(
      await writeFileAtomic(
        file('response'),
        json({
          ...common,
          response: p.response,
          ...(p.fault ? { fault: { kind: p.fault.kind, code: p.fault.code } } : {}),
        }),
        { force: o.force },
      ),
    );
    saved.push(
      await writeFileAtomic(
        file('result'),
        json(
          savedTestApiResultSchema.parse({
            ...common,
            ok: p.ok,
            name: p.name,
            status: p.response?.status ?? null,
            timings: p.timings,
            tls: p.tls,
            checks: p.checks,
            fault: p.fault ?? null,
            warnings: p.warnings,
            redirects: p.redirects,
          }),
        ),
        { force: o.force },
      ),
    );
  }
  return saved;
}
