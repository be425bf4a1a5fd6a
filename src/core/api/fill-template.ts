import type { RequestBody, TemplateContext } from './api-types.js';
import { formatVnTime, VN_TIME_FORMATS, type VnTimeFormat } from './vn-time.js';
import { sampleDossierCode } from './builtin/samples.js';
import { sampleNotice } from './builtin/thong-bao-thue.js';
import { encodeNotice } from './notice-xml.js';

/**
 * Fills a province's template (JSON from `apiTypes.<id>.templateFile`): in every string, `${unit}`,
 * `${dossierCode}`, `${now:yyyyMMddHHmmss}` (or `dd-MM-yyyy`, `yyMMdd`, `yyyy-MM-dd`) and `${noticeBase64}` (the
 * sample notice XML, base64) are replaced. An unknown placeholder is left as written so the user sees it.
 */
export function fillTemplate(template: RequestBody, ctx: TemplateContext): RequestBody {
  return walk(template, ctx) as RequestBody;
}

function walk(v: unknown, ctx: TemplateContext): unknown {
  if (typeof v === 'string') return fillString(v, ctx);
  if (Array.isArray(v)) return v.map((x) => walk(x, ctx));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, ctx)]));
  return v;
}

export function fillString(s: string, ctx: TemplateContext): string {
  return s.replace(/\$\{(\w+)(?::([\w-]+))?\}/g, (whole, name: string, arg: string | undefined) => {
    switch (name) {
      case 'unit':
        return ctx.unit;
      case 'dossierCode':
        return sampleDossierCode(ctx);
      case 'now':
        return VN_TIME_FORMATS.includes(arg as VnTimeFormat) ? formatVnTime(ctx.now, arg as VnTimeFormat) : whole;
      case 'noticeBase64':
        return encodeNotice(sampleNotice(ctx));
      default:
        return whole;
    }
  });
}
