/**
 * Hostile and odd workbooks, built byte by byte so a test controls what a normal writer never produces: a part
 * that inflates to a gigabyte, a declared size that lies, two parts whose names differ only in case, raw control
 * characters in a sheet name, unclosed tags, invalid character references, huge cells and row counts.
 */
import { writeFile } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The bytes as stored in the zip. */
  data: Buffer;
  /** The uncompressed size written in the headers (a hostile file may lie). */
  size: number;
  crc: number;
}

/** A zip file from entries whose data is already in stored form: sizes in the local headers, no descriptors. */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(1 << 11, 6);
    head.writeUInt16LE(e.method, 8);
    head.writeUInt16LE(0x21, 12);
    head.writeUInt32LE(e.crc >>> 0, 14);
    head.writeUInt32LE(e.data.length, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    head.copy(central, 8, 6, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, e.data);
    centrals.push(central, name);
    offset += head.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A deflated entry holding `content`. */
export function deflated(name: string, content: string | Buffer): RawEntry {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, method: 8, data: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/**
 * A deflated entry of `head`, then `fill` repeated up to `inflatedBytes`, then `tail`, compressed without ever
 * holding the inflated text: one full-flush block of 1 MiB of `fill` is repeated (each block is self-contained).
 * The headers declare `declaredSize` (default: the true size) and a CRC of 0 (dvc never gets that far).
 */
export function bombEntry(
  name: string,
  o: { head: string; fill: string; tail: string; inflatedBytes: number; declaredSize?: number },
): RawEntry {
  const chunk = Buffer.alloc(1 << 20, o.fill);
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const block = deflateRawSync(chunk, flush);
  const repeats = Math.max(1, Math.floor(o.inflatedBytes / chunk.length));
  const parts = [deflateRawSync(Buffer.from(o.head, 'utf8'), flush)];
  for (let i = 0; i < repeats; i++) parts.push(block);
  parts.push(deflateRawSync(Buffer.from(o.tail, 'utf8')));
  const size = Buffer.byteLength(o.head) + repeats * chunk.length + Buffer.byteLength(o.tail);
  return { name, method: 8, data: Buffer.concat(parts), size: o.declaredSize ?? Math.min(size, 0xffffffff), crc: 0 };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface HostileSheet {
  name: string;
  /** The whole worksheet part, or an entry built elsewhere (a bomb). */
  xml: string | RawEntry;
}

/** The `<worksheet>` part around a `<sheetData>` body. */
export function worksheetXml(sheetData: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`;
}

/** A row of inline-string cells from column A. */
export function inlineRow(row: number, values: readonly string[]): string {
  const cells = values.map(
    (v, i) => `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${v}</t></is></c>`,
  );
  return `<row r="${row}">${cells.join('')}</row>`;
}

/** A workbook package of the given sheets (parts xl/worksheets/sheetN.xml), plus any extra raw entries. */
export function hostileWorkbook(
  sheets: readonly HostileSheet[],
  o: { extra?: RawEntry[]; sharedStrings?: string; styles?: string } = {},
): Buffer {
  const sheetTags = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const sst =
    (o.sharedStrings ? `<Relationship Id="rIdS" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    (o.styles ? `<Relationship Id="rIdT" Type="${RNS}/styles" Target="styles.xml"/>` : '');
  // Listed as Excel lists them: a reader that goes by content type (openpyxl) then reads the same parts.
  const typeOverrides =
    (o.sharedStrings
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : '') +
    (o.styles
      ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      : '');
  const entries: RawEntry[] = [
    deflated(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${typeOverrides}</Types>`,
    ),
    deflated(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflated(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>${sheetTags}</sheets></workbook>`,
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}">${rels}${sst}</Relationships>`,
    ),
    ...sheets.map((s, i) =>
      typeof s.xml === 'string'
        ? deflated(`xl/worksheets/sheet${i + 1}.xml`, s.xml)
        : { ...s.xml, name: `xl/worksheets/sheet${i + 1}.xml` },
    ),
    ...(o.sharedStrings
      ? [
          deflated(
            'xl/sharedStrings.xml',
            `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${o.sharedStrings}</sst>`,
          ),
        ]
      : []),
    ...(o.styles ? [deflated('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?>${o.styles}`)] : []),
    ...(o.extra ?? []),
  ];
  return rawZip(entries);
}

export const STD_HEADER_ROW = ['STT', 'Mã TP', 'Tỉnh / Thành Phố', 'Mã QH', 'Quận Huyện', 'Mã PX', 'Phường Xã', 'Cấp'];
export const TAX_HEADER_ROW = ['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã'];

/** The name of the n-th generated commune: distinct, pronounceable, with diacritics. */
function communeName(n: number): string {
  const syl = [
    'An',
    'Bình',
    'Cường',
    'Đông',
    'Hòa',
    'Lạc',
    'Minh',
    'Phú',
    'Quang',
    'Sơn',
    'Tân',
    'Thịnh',
    'Vĩnh',
    'Xuân',
  ];
  let s = '';
  let k = n;
  do {
    s += (s ? ' ' : '') + syl[k % syl.length];
    k = Math.floor(k / syl.length);
  } while (k > 0);
  return s;
}

/**
 * The standard and tax sheets of `stdRows` and `taxRows` generated communes in one province and one district per
 * 500 communes; the tax sheet names every standard commune (folded, with a "Xa" prefix) and adds unused rows.
 */
export function bigWorkbook(stdRows: number, taxRows: number): Buffer {
  const std: string[] = [inlineRow(1, STD_HEADER_ROW)];
  for (let i = 0; i < stdRows; i++) {
    const d = Math.floor(i / 500);
    std.push(
      inlineRow(i + 2, [
        String(i + 1),
        '19',
        'Tỉnh Thái Nguyên',
        String(d + 1).padStart(3, '0'),
        `Huyện ${communeName(d)}`,
        String(i + 1).padStart(6, '0'),
        `Xã ${communeName(i)}`,
        'Xã',
      ]),
    );
  }
  const tax: string[] = [inlineRow(1, TAX_HEADER_ROW)];
  for (let i = 0; i < taxRows; i++) {
    const d = Math.floor(i / 500);
    tax.push(
      inlineRow(i + 2, ['109', 'Thái Nguyên', `109${d}`, `Huyện ${communeName(d)}`, `9${i}`, `Xã ${communeName(i)}`]),
    );
  }
  return hostileWorkbook([
    { name: 'MX Bo TTTT', xml: worksheetXml(std.join('')) },
    { name: 'MX CQT', xml: worksheetXml(tax.join('')) },
  ]);
}

export async function writeBytes(file: string, bytes: Buffer): Promise<string> {
  await writeFile(file, bytes);
  return file;
}
