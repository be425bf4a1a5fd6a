/** Registering new worksheets in a package: workbook.xml, its relationships, [Content_Types].xml. */
import { escapeXml } from './xml-text.js';

const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const FORBIDDEN = /[\\/?*[\]:]/g;

/** A legal, unused sheet name: Excel forbids \ / ? * [ ] :, allows 31 characters and compares without case. */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const base =
    wanted
      .normalize('NFC')
      .replace(FORBIDDEN, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  const used = new Set(taken.map((n) => n.normalize('NFC').toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** A sheet name in a formula: always quoted, quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface NewSheetRef {
  name: string;
  relId: string;
  /** Part path relative to the workbook part's folder ("worksheets/sheet4.xml"). */
  target: string;
  /** Full part name ("xl/worksheets/sheet4.xml"). */
  part: string;
  /** AutoFilter range ("A1:F20") for the hidden _FilterDatabase name. */
  filterRange?: string;
}

export function addSheetsToWorkbook(xml: string, sheets: readonly NewSheetRef[], existingCount: number): string {
  if (sheets.length === 0) return xml;
  const p = /<(\w+:)?workbook\b/.exec(xml)?.[1] ?? '';
  const rPrefix = new RegExp(`xmlns:(\\w+)="${RNS}"`).exec(xml)?.[1];
  let out = xml;
  let idAttr = `${rPrefix ?? 'r'}:id`;
  if (!rPrefix) {
    out = out.replace(new RegExp(`<${p}workbook\\b`), `<${p}workbook xmlns:r="${RNS}"`);
    idAttr = 'r:id';
  }
  const ids = [...out.matchAll(/<(?:\w+:)?sheet\b[^<>]*?\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  let nextId = ids.reduce((m, id) => Math.max(m, id), 0) + 1;
  const added = sheets
    .map((s) => `<${p}sheet name="${escapeXml(s.name)}" sheetId="${nextId++}" ${idAttr}="${s.relId}"/>`)
    .join('');
  out = out.replace(new RegExp(`</${p}sheets>`), `${added}</${p}sheets>`);
  const names = sheets
    .map((s, i) =>
      s.filterRange
        ? `<${p}definedName name="_xlnm._FilterDatabase" localSheetId="${existingCount + i}" hidden="1">${escapeXml(`${quoteSheetName(s.name)}!${absolute(s.filterRange)}`)}</${p}definedName>`
        : '',
    )
    .join('');
  if (names) {
    if (new RegExp(`</${p}definedNames>`).test(out))
      out = out.replace(new RegExp(`</${p}definedNames>`), `${names}</${p}definedNames>`);
    else {
      // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook's order).
      const after = [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`].find((t) =>
        out.includes(t),
      );
      const fg = new RegExp(`<${p}functionGroups\\b[^<>]*/>`).exec(out);
      const at =
        after && after !== `</${p}sheets>`
          ? out.indexOf(after) + after.length
          : fg
            ? fg.index + fg[0].length
            : out.indexOf(`</${p}sheets>`) + `</${p}sheets>`.length;
      out = `${out.slice(0, at)}<${p}definedNames>${names}</${p}definedNames>${out.slice(at)}`;
    }
  }
  return out;
}

function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

export function addRelationships(xml: string, rels: readonly { id: string; type: string; target: string }[]): string {
  const added = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join('');
  return xml.replace(/<\/(\w+:)?Relationships>/, (close) => `${added}${close}`);
}

export function removeRelationship(xml: string, typeSuffix: string): string {
  return xml.replace(new RegExp(`<(?:\\w+:)?Relationship\\b[^<>]*?Type="[^"]*${typeSuffix}"[^<>]*?/>`, 'g'), '');
}

export function addContentTypes(xml: string, parts: readonly { part: string; contentType: string }[]): string {
  const added = parts.map((x) => `<Override PartName="/${x.part}" ContentType="${x.contentType}"/>`).join('');
  return xml.replace(/<\/(\w+:)?Types>/, (close) => `${added}${close}`);
}

export function removeContentType(xml: string, part: string): string {
  return xml.replace(
    new RegExp(
      `<(?:\\w+:)?Override\\b[^<>]*?PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^<>]*?/>`,
      'gi',
    ),
    '',
  );
}

export const WORKSHEET = { type: WORKSHEET_TYPE, contentType: WORKSHEET_CT };
export const STYLES = {
  type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
