/** Test workbooks for the excel layer: built with exceljs, assembled by hand, or fake OLE2 files. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { REFERENCE_HEADER } from '../core/workbook/reference-sheet.js';

export async function tempDir(prefix = 'dvc-excel-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** The standard sheet's header as the sample workbooks write it: a row number, then dvc's own standard header. */
export const STD_HEADER = ['STT', ...REFERENCE_HEADER];

/**
 * A 63-province-style workbook with every feature a round trip must keep: a title row and a merged title, a
 * blank row, styles, column widths, frozen panes, a formula, data validation, conditional formatting, a hidden
 * sheet, a defined name and a comment.
 */
export async function buildFeatureWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const std = wb.addWorksheet('MX Bo TTTT', { views: [{ state: 'frozen', xSplit: 0, ySplit: 3 }] });
  std.addRow(['DANH MỤC ĐƠN VỊ HÀNH CHÍNH']);
  std.mergeCells('A1:I1');
  std.getCell('A1').font = { bold: true, size: 14 };
  std.addRow([]);
  std.addRow(STD_HEADER);
  std.getRow(3).font = { bold: true };
  std.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  const data = [
    [1, '01', 'Thành phố Hà Nội', '001', 'Quận Ba Đình', '00001', 'Phường Phúc Xá', 'Phường'],
    [2, '01', 'Thành phố Hà Nội', '001', 'Quận Ba Đình', '00004', 'Phường Trúc Bạch', 'Phường'],
    [3, '01', 'Thành phố Hà Nội', '001', 'Quận Ba Đình', '00006', 'Phường Vĩnh Phúc', 'Phường'],
    [4, '19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên', '05431', 'Phường Quán Triều', 'Phường'],
  ];
  for (const r of data) std.addRow(r);
  std.getColumn(3).width = 33;
  std.getColumn(7).width = 27;
  std.getCell('K4').value = { formula: 'COUNTA(F4:F7)', result: 4 };
  std.getCell('H4').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Phường,Xã,Thị trấn"'] };
  std.addConditionalFormatting({
    ref: 'F4:F7',
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: ['LEN(F4)<>5'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } },
      },
    ],
  });
  std.getCell('G4').note = 'Ghi chú của cán bộ';
  const tax = wb.addWorksheet('MX CQT');
  tax.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã']);
  tax.addRow(['101', 'Hà Nội', '10101', 'Ba Đình', '1010101', 'Phúc Xá']);
  const hidden = wb.addWorksheet('Tham số', { state: 'hidden' });
  hidden.addRow(['Phiên bản', 3]);
  wb.definedNames.add("'MX CQT'!$E$2:$E$2", 'MaCQT');
  await wb.xlsx.writeFile(file);
}

/** A plain two-sheet workbook built from rows. */
export async function buildWorkbook(file: string, sheets: Record<string, unknown[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

async function zipParts(file: string, parts: Record<string, string>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(parts)) zip.addBuffer(Buffer.from(text, 'utf8'), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  await writeFile(file, Buffer.concat(chunks));
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A minimal hand-assembled package: no styles part, no shared strings, prefixed `x:` elements, cells without
 * `r` attributes in one row, and `sheetXml` as the first sheet's sheetData content.
 */
export async function buildMinimalWorkbook(
  file: string,
  sheetData: string,
  extraSheet = true,
  prefix = 'x',
): Promise<void> {
  const px = (xml: string) =>
    prefix === 'x'
      ? xml
      : xml
          .replace(/<(\/?)x:/g, `<$1${prefix ? `${prefix}:` : ''}`)
          .replace(/xmlns:x=/g, prefix ? `xmlns:${prefix}=` : 'xmlns=');
  sheetData = px(sheetData);
  const sheetsXml = [
    `<x:sheet name="MX Bo TTTT" sheetId="1" r:id="rId1"/>`,
    extraSheet ? `<x:sheet name="MX CQT" sheetId="2" r:id="rId2"/>` : '',
  ].join('');
  await zipParts(file, {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      (extraSheet
        ? '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        : '') +
      '</Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': px(
      `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${NS}" xmlns:r="${RNS}"><x:sheets>${sheetsXml}</x:sheets></x:workbook>`,
    ),
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${RNS}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (extraSheet ? `<Relationship Id="rId2" Type="${RNS}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` : '') +
      `</Relationships>`,
    'xl/worksheets/sheet1.xml':
      px(`<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${NS}"><x:sheetData>`) +
      sheetData +
      px(`</x:sheetData></x:worksheet>`),
    ...(extraSheet
      ? {
          'xl/worksheets/sheet2.xml': px(
            `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Mã xã</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Tên xã</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
          ),
        }
      : {}),
  });
}

/**
 * A compound-file (OLE2) image: the real 8-byte signature, a header sector and a directory sector holding the
 * given stream names in UTF-16LE, as Office writes an encrypted package ("EncryptionInfo", "EncryptedPackage")
 * or an old workbook ("Workbook").
 */
export function ole2File(streamNames: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streamNames].slice(0, 4).forEach((name, i) => {
    const n = Buffer.from(name, 'utf16le');
    n.copy(dir, i * 128);
    dir.writeUInt16LE(n.length + 2, i * 128 + 64);
    dir[i * 128 + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, dir]);
}

/**
 * A package shaped like one Excel saves: mc:Ignorable and x14ac attributes, row spans, styled empty cells
 * already in column I, a shared formula, merged cells, conditional formatting, data validation, a `<cols>`
 * range covering column I, styles with number formats, dxfs and an extLst, and shared strings.
 */
export async function buildExcelStyleWorkbook(file: string): Promise<void> {
  const strings = ['DANH MỤC', 'Mã PX', 'Phường Xã', 'Mã phường/xã CQT', 'Phường Phúc Xá', 'Phường Trúc Bạch'];
  const mc =
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"';
  await zipParts(file, {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${NS}" xmlns:r="${RNS}" ${mc}><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720"/></bookViews><sheets><sheet name="MX Bo TTTT" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${RNS}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId1" Type="${RNS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    'xl/styles.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="${NS}" ${mc}><numFmts count="1"><numFmt numFmtId="164" formatCode="@"/></numFmts>` +
      '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"><alignment horizontal="center"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>',
    'xl/worksheets/sheet1.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${NS}" xmlns:r="${RNS}" ${mc} xr:uid="{00000000-0001-0000-0000-000000000000}"><dimension ref="A1:K5"/>` +
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="I4" sqref="I4"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="10.7109375" customWidth="1"/><col min="2" max="12" width="20.7109375" customWidth="1"/></cols><sheetData>' +
      '<row r="1" spans="1:11" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c></row>' +
      '<row r="3" spans="1:11" x14ac:dyDescent="0.25"><c r="A3" s="1" t="s"><v>1</v></c><c r="B3" s="1" t="s"><v>2</v></c><c r="I3" s="1" t="s"><v>3</v></c></row>' +
      '<row r="4" spans="1:11" x14ac:dyDescent="0.25"><c r="A4" s="2" t="s"><v>4</v></c><c r="B4" s="2"><v>1</v></c><c r="I4" s="2"/><c r="K4"><f t="shared" ref="K4:K5" si="0">LEN(A4)</f><v>14</v></c></row>' +
      '<row r="5" spans="1:11" x14ac:dyDescent="0.25"><c r="A5" s="2" t="s"><v>5</v></c><c r="B5" s="2"><v>4</v></c><c r="I5" s="2"/><c r="K5"><f t="shared" si="0"/><v>16</v></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells><conditionalFormatting sqref="A4:A5"><cfRule type="containsBlanks" dxfId="0" priority="1"><formula>LEN(TRIM(A4))=0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="textLength" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="A4:A5"><formula1>5</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  });
}
