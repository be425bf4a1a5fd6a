import { redactPersonalNumbers } from './personal-data.js';
import { listApiTypes } from '../api/api-type-registry.js';
import type { EvidenceMeta, RequestKind } from './evidence-types.js';

/**
 * The support request of Appendix 1 (3252/VPCP-KSTT), "Màn hình hỗ trợ → Quản lý yêu cầu hỗ trợ → Thêm yêu cầu
 * hỗ trợ". The labels and fixed values are the letter's words, so they stay Vietnamese whatever --lang says:
 * the text is pasted into a Vietnamese form.
 */
export const SERVICE_GROUP = 'Tích hợp Cổng Dịch vụ công quốc gia';
export const SERVICE = 'Thanh toán nghĩa vụ tài chính về đất đai';

const TITLE_SUFFIX: Record<RequestKind, string> = {
  'cau-hinh': '- hỗ trợ cấu hình URL API thanh toán nghĩa vụ tài chính đất đai',
  'xac-nhan': '- Đề nghị xác nhận tích hợp thanh toán nghĩa vụ tài chính đất đai thành công',
};

export interface RequestFields {
  kind: RequestKind;
  /** Đơn vị: the province (the form offers provinces and cities). */
  unit: string;
  serviceGroup: string;
  service: string;
  email: string;
  /** Tên yêu cầu. */
  title: string;
  /** Mô tả yêu cầu, several lines. */
  description: string[];
  apis: { type: string; name: string; url: string }[];
  testPayment?: { dossierCode: string; date: string };
  /** Người phối hợp: the person the Government Office calls back (steps 3 and 6). */
  contact?: string;
  attachments: string[];
}

function ddmmyyyy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function apiTypeName(type: string, titles: Record<string, string> = {}): string {
  return titles[type] ?? listApiTypes().find((t) => t.id === type)?.requestLine ?? type;
}

/** Builds the fields from the metadata; missing values stay empty strings (the caller refuses them first). */
export function buildRequest(
  kind: RequestKind,
  meta: EvidenceMeta,
  attachments: readonly string[],
  titles: Record<string, string> = {},
): RequestFields {
  const unitName = meta.unitName ?? '';
  const apis = Object.entries(meta.apis).map(([type, url]) => ({ type, name: apiTypeName(type, titles), url }));
  const description: string[] = [];
  const dst = meta.dst ? ` (DSTCode: ${meta.dst})` : '';
  if (kind === 'cau-hinh') {
    description.push(
      `Đề nghị Văn phòng Chính phủ cấu hình URL API thanh toán nghĩa vụ tài chính về đất đai cho ${unitName}${dst}:`,
    );
  } else {
    description.push(
      `${unitName}${dst} đã kiểm thử thành công giao dịch thanh toán nghĩa vụ tài chính về đất đai trên Cổng Dịch vụ công quốc gia; đề nghị Văn phòng Chính phủ xác nhận tích hợp thành công.`,
    );
    description.push('Giao dịch thanh toán kiểm thử:');
    description.push(`- Mã hồ sơ: ${meta.dossierCode ?? ''}`);
    description.push(`- Ngày thanh toán: ${ddmmyyyy(meta.testDate ?? '')}`);
    description.push('Các API đã tích hợp:');
  }
  apis.forEach((a, i) => description.push(`${i + 1}. Tên loại API: ${a.name}; URL API: ${a.url}`));
  const contact = [meta.contactName, meta.contactPhone].filter(Boolean).join(' - ');
  return {
    kind,
    unit: meta.province ?? unitName,
    serviceGroup: SERVICE_GROUP,
    service: SERVICE,
    email: meta.email ?? '',
    title: `${unitName}${TITLE_SUFFIX[kind]}`,
    description,
    apis,
    testPayment: kind === 'xac-nhan' ? { dossierCode: meta.dossierCode ?? '', date: meta.testDate ?? '' } : undefined,
    contact: contact || undefined,
    attachments: [...attachments],
  };
}

/** The request with every text passed through `scrub` (a redactor, or the masking of numbers hidden in names). */
export function scrubRequest(f: RequestFields, scrub: (s: string) => string): RequestFields {
  return {
    ...f,
    unit: scrub(f.unit),
    email: scrub(f.email),
    title: scrub(f.title),
    description: f.description.map(scrub),
    apis: f.apis.map((a) => ({ ...a, url: scrub(a.url) })),
    contact: f.contact === undefined ? undefined : scrub(f.contact),
    testPayment: f.testPayment && { dossierCode: scrub(f.testPayment.dossierCode), date: f.testPayment.date },
    attachments: f.attachments.map(scrub),
  };
}

export function redactRequest(f: RequestFields): RequestFields {
  return scrubRequest(f, redactPersonalNumbers);
}

export function renderRequestText(f: RequestFields): string {
  return [...requestTextLines(f)].join('');
}

/**
 * The request text's lines, each with its line feed, one at a time: a request listing ten thousand attachments of
 * long names need never be one string (pack encodes them straight into the bytes it writes).
 */
export function* requestTextLines(f: RequestFields): Generator<string> {
  yield `Đơn vị: ${f.unit}\n`;
  yield `Nhóm dịch vụ: ${f.serviceGroup}\n`;
  yield `Dịch vụ: ${f.service}\n`;
  yield `Email phản hồi: ${f.email}\n`;
  yield `Tên yêu cầu: ${f.title}\n`;
  yield 'Mô tả yêu cầu:\n';
  for (const l of f.description) yield `  ${l}\n`;
  if (f.contact) yield `Người phối hợp: ${f.contact}\n`;
  yield `Đính kèm file (${f.attachments.length}):\n`;
  for (const a of f.attachments) yield `  - ${a}\n`;
}

function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

export function renderRequestMarkdown(f: RequestFields): string {
  const lines = [
    `# ${md(f.title)}`,
    '',
    '| Trường | Nội dung |',
    '| --- | --- |',
    `| Đơn vị | ${md(f.unit)} |`,
    `| Nhóm dịch vụ | ${md(f.serviceGroup)} |`,
    `| Dịch vụ | ${md(f.service)} |`,
    `| Email phản hồi | ${md(f.email)} |`,
    `| Tên yêu cầu | ${md(f.title)} |`,
  ];
  if (f.contact) lines.push(`| Người phối hợp | ${md(f.contact)} |`);
  lines.push(
    '',
    '## Mô tả yêu cầu',
    '',
    ...f.description.map(md),
    '',
    `## Đính kèm file (${f.attachments.length})`,
    '',
  );
  for (const a of f.attachments) lines.push(`- \`${a}\``);
  return lines.join('\n') + '\n';
}
