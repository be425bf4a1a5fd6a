import type { DecodedNotice, NoticeDossier, NoticeItem, NoticeRow, ValidationIssue } from './api-types.js';
import { escapeXml, parseXml, XmlSyntaxError, type XmlElement } from './xml-tree.js';
import { isDdMmYyyy } from './vn-time.js';
import { decodeUtf8Strict } from '../text/utf8.js';

/**
 * The tax-notice file of `NhanThongBaoThueDat`: XML `/DATA/BODY/ROW_LIST` (one per dossier: `MA_HSO` and `LIST`
 * rows), base64-encoded into `data.FileThongBaoThue`. Shape read from Thanh Hóa's and OpenCPS's receivers.
 */

export const NOTICE_ITEM_FIELDS = ['MA_SO_THUE', 'SO_QUYET_DINH', 'NGAY_QUYET_DINH', 'SO_TIEN', 'TEN_TIEUMUC'] as const;

/** Other spellings met when reading (one receiver writes TEN_TIEU_MUC). */
const ALIASES: Record<string, (typeof NOTICE_ITEM_FIELDS)[number]> = { TEN_TIEU_MUC: 'TEN_TIEUMUC' };

const EXAMPLES: Record<string, string> = {
  MA_HSO: '000.04.05.H55-230731-0101',
  MA_SO_THUE: '8012345678',
  SO_QUYET_DINH: 'TB-2023-000123',
  NGAY_QUYET_DINH: '31-07-2023',
  SO_TIEN: '1500000',
  TEN_TIEUMUC: 'Lệ phí trước bạ nhà đất',
};

/** The XML text of a notice file, UTF-8, one ROW_LIST per dossier. */
export function buildNoticeXml(dossiers: readonly NoticeDossier[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<DATA>', '  <BODY>'];
  for (const d of dossiers) {
    out.push('    <ROW_LIST>', `      <MA_HSO>${escapeXml(d.MA_HSO)}</MA_HSO>`);
    for (const item of d.items) {
      out.push('      <LIST>');
      for (const f of NOTICE_ITEM_FIELDS) out.push(`        <${f}>${escapeXml(item[f])}</${f}>`);
      out.push('      </LIST>');
    }
    out.push('    </ROW_LIST>');
  }
  out.push('  </BODY>', '</DATA>', '');
  return out.join('\n');
}

/** base64 of the UTF-8 notice XML: the value of `data.FileThongBaoThue`. */
export function encodeNotice(dossiers: readonly NoticeDossier[]): string {
  return Buffer.from(buildNoticeXml(dossiers), 'utf8').toString('base64');
}

function issue(
  path: string,
  key: string,
  params: Record<string, string | number>,
  exampleOf?: string,
): ValidationIssue {
  const example = exampleOf ? EXAMPLES[exampleOf] : undefined;
  return { path, problem: { key, params }, ...(example !== undefined ? { example } : {}) };
}

function childText(el: XmlElement, name: string): string | undefined {
  const c = el.children.find((x) => x.name === name || ALIASES[x.name] === name);
  return c ? c.text.trim() : undefined;
}

/** Reads and checks notice XML: well-formed, required elements, dd-MM-yyyy dates, whole-VND amounts. */
export function parseNoticeXml(xml: string, basePath = ''): { dossiers: NoticeDossier[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const dossiers: NoticeDossier[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError)
      return { dossiers, issues: [issue(basePath, 'api.issue.xmlMalformed', { reason: e.reason, line: e.line })] };
    throw e;
  }
  if (root.name !== 'DATA')
    return {
      dossiers,
      issues: [issue(`${basePath}/${root.name}`, 'api.issue.xmlRoot', { found: root.name, expected: 'DATA' })],
    };
  const body = root.children.find((c) => c.name === 'BODY');
  if (!body) return { dossiers, issues: [issue(`${basePath}/DATA`, 'api.issue.xmlMissing', { element: 'BODY' })] };
  const rowLists = body.children.filter((c) => c.name === 'ROW_LIST');
  if (rowLists.length === 0)
    issues.push(issue(`${basePath}/DATA/BODY`, 'api.issue.xmlMissing', { element: 'ROW_LIST' }));
  rowLists.forEach((rl, r) => {
    const rlPath = `${basePath}/DATA/BODY/ROW_LIST[${r + 1}]`;
    const maHso = childText(rl, 'MA_HSO');
    if (!maHso)
      issues.push(
        issue(
          `${rlPath}/MA_HSO`,
          maHso === undefined ? 'api.issue.xmlMissing' : 'api.issue.xmlEmpty',
          { element: 'MA_HSO' },
          'MA_HSO',
        ),
      );
    const lists = rl.children.filter((c) => c.name === 'LIST');
    if (lists.length === 0) issues.push(issue(rlPath, 'api.issue.xmlMissing', { element: 'LIST' }));
    const items: NoticeItem[] = lists.map((li, k) => readItem(li, `${rlPath}/LIST[${k + 1}]`, issues));
    dossiers.push({ MA_HSO: maHso ?? '', items });
  });
  return { dossiers, issues };
}

function readItem(li: XmlElement, path: string, issues: ValidationIssue[]): NoticeItem {
  const item = {} as NoticeItem;
  for (const f of NOTICE_ITEM_FIELDS) {
    const v = childText(li, f);
    item[f] = v ?? '';
    if (v === undefined) issues.push(issue(`${path}/${f}`, 'api.issue.xmlMissing', { element: f }, f));
    else if (v === '') issues.push(issue(`${path}/${f}`, 'api.issue.xmlEmpty', { element: f }, f));
  }
  if (item.NGAY_QUYET_DINH && !isDdMmYyyy(item.NGAY_QUYET_DINH)) {
    issues.push(
      issue(
        `${path}/NGAY_QUYET_DINH`,
        'api.issue.dateFormat',
        { value: item.NGAY_QUYET_DINH, format: 'dd-MM-yyyy' },
        'NGAY_QUYET_DINH',
      ),
    );
  }
  if (item.SO_TIEN && !/^\d+$/.test(item.SO_TIEN)) {
    issues.push(issue(`${path}/SO_TIEN`, 'api.issue.amountInteger', { value: item.SO_TIEN }, 'SO_TIEN'));
  }
  return item;
}

/** Strict base64 (standard alphabet, padding optional, whitespace ignored): null when the text is not base64. */
export function decodeBase64Strict(text: string): Buffer | null {
  const s = text.replace(/\s+/g, '');
  if (s === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) return null;
  return Buffer.from(s, 'base64');
}

/** Decodes `FileThongBaoThue` (base64 → UTF-8 XML → rows). `path` names the field in issues. */
export function decodeNotice(base64: string, path = 'data.FileThongBaoThue'): DecodedNotice {
  const bytes = decodeBase64Strict(base64);
  if (!bytes) return { dossiers: [], rows: [], xml: '', issues: [issue(path, 'api.issue.base64', {})] };
  // A notice that is not UTF-8 (often Windows-1258 or TCVN3 saved by an old tool) is reported, never read with U+FFFD.
  const decoded = decodeUtf8Strict(bytes);
  if (!decoded.ok)
    return {
      dossiers: [],
      rows: [],
      xml: '',
      issues: [issue(path, 'api.issue.xmlNotUtf8', { offset: decoded.offset, line: decoded.line })],
    };
  const xml = decoded.text;
  const { dossiers, issues } = parseNoticeXml(xml, path);
  const rows: NoticeRow[] = dossiers.flatMap((d) => d.items.map((it) => ({ MA_HSO: d.MA_HSO, ...it })));
  return { dossiers, rows, xml, issues };
}
