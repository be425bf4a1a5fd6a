/**
 * Reading an .xlsx for `map-communes`: the list of sheets, and each sheet's rows of raw cell values on demand.
 * Bad inputs (not a workbook, an old .xls, a password, a missing sheet, too many rows) are DvcErrors, exit 2.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import type { SheetRow } from '../../core/workbook/cell.js';
import { fsError } from '../fs-errors.js';
import { assertZipWorkbook } from './sniff-file.js';
import {
  parseRelationships,
  parseSheets,
  relsPathOf,
  resolveTarget,
  workbookPartOf,
  type SheetEntry,
  type SheetState,
} from './package-parts.js';
import { MAX_ROWS, readSharedStrings, readSheetRows, unclosedError } from './sheet-read.js';
import { MAX_WORKBOOK_BYTES, megabytes } from './workbook-limits.js';
import { UnclosedElementError } from './xml-scan.js';
import { InvalidCharRefError } from './xml-text.js';
import { dateStyleIndexes } from './styles-read.js';
import { ZipParts } from './zip-parts.js';

export type { SheetState } from './package-parts.js';

export interface SheetData {
  name: string;
  state: SheetState;
  /** 0-based position in the workbook's sheet list. */
  index: number;
  /** Rows with at least one cell, parsed on first call and kept. Throws excel.tooManyRows past 200,000. */
  rows(): SheetRow[];
}

export interface WorkbookData {
  path: string;
  sheets: SheetData[];
  /** The sheet of that name (exact, then ignoring case, spacing and Unicode form); excel.sheetMissing otherwise. */
  sheet(name: string): SheetData;
  /** The package, for a writer that patches this same file without reading it again. */
  readonly package: WorkbookPackage;
}

export interface WorkbookPackage {
  /** The path it was read from (for messages). */
  file: string;
  data: Buffer;
  zip: ZipParts;
  workbookPart: string;
  entries: SheetEntry[];
}

async function readInput(file: string): Promise<Buffer> {
  try {
    const { size } = await stat(file);
    if (size > MAX_WORKBOOK_BYTES)
      throw new DvcError(
        'excel.limit.fileSize',
        { path: path.basename(file), size: megabytes(size), limit: megabytes(MAX_WORKBOOK_BYTES) },
        ExitCode.Usage,
      );
    return await readFile(file);
  } catch (e) {
    throw fsError(e, { path: file, op: 'read' });
  }
}

/** Runs a parse of `part`, turning an invalid character reference or an unclosed tag into an input error. */
function parsingPart<T>(file: string, part: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof InvalidCharRefError)
      throw new DvcError('excel.xml.charRefPart', { path: path.basename(file), part, ref: e.ref }, ExitCode.Usage);
    if (e instanceof UnclosedElementError) throw unclosedError(part, e);
    throw e;
  }
}

/** Opens the package and finds its sheets; shared by readWorkbook, sheetNames and the writer. */
export async function openWorkbookPackage(file: string): Promise<WorkbookPackage> {
  const data = await readInput(file);
  assertZipWorkbook(data, file);
  let zip: ZipParts;
  try {
    zip = await ZipParts.fromBuffer(data, path.basename(file));
  } catch (e) {
    if (e instanceof DvcError) throw e;
    throw new DvcError('excel.corrupt', { path: path.basename(file), reason: (e as Error).message }, ExitCode.Usage, {
      cause: e,
    });
  }
  const workbookPart = workbookPartOf(zip);
  if (!workbookPart) {
    const kind = zip.has('xl/workbook.bin') ? 'excel.xlsb' : zip.has('content.xml') ? 'excel.ods' : 'excel.notWorkbook';
    throw new DvcError(kind, { path: path.basename(file) }, ExitCode.Usage);
  }
  const relsPart = relsPathOf(workbookPart);
  const rels = parsingPart(file, relsPart, () => parseRelationships(zip.text(relsPart)));
  const entries = parsingPart(file, workbookPart, () => parseSheets(zip.text(workbookPart) ?? '', workbookPart, rels));
  return { file, data, zip, workbookPart, entries };
}

function sheetKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The entry named `name`: exact first, then ignoring case, spacing and Unicode form. */
export function findSheetEntry<T extends { name: string }>(sheets: readonly T[], name: string): T | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => sheetKey(s.name) === sheetKey(name));
}

export function sheetMissingError(file: string, name: string, sheets: readonly { name: string }[]): DvcError {
  return new DvcError(
    'excel.sheetMissing',
    { path: path.basename(file), sheet: name, found: sheets.map((s) => `"${s.name}"`).join(', ') },
    ExitCode.Usage,
  );
}

/** The sheets of a workbook, in order, without parsing any sheet (for messages and `--std-sheet` choices). */
export async function sheetNames(file: string): Promise<{ name: string; state: SheetState }[]> {
  const pkg = await openWorkbookPackage(file);
  return pkg.entries.map((e) => ({ name: e.name, state: e.state }));
}

/** The shared strings and date styles every sheet of the package is read with. */
export interface ReadContext {
  sharedStrings: string[];
  invalidSharedStrings: Map<number, string>;
  dateStyles: Set<number>;
}

export function readContext(pkg: WorkbookPackage): ReadContext {
  const rels = parseRelationships(pkg.zip.text(relsPathOf(pkg.workbookPart)));
  const partOf = (suffix: string, fallback: string): string => {
    const rel = rels.find((r) => r.type.endsWith(suffix));
    return rel ? resolveTarget(pkg.workbookPart, rel.target) : fallback;
  };
  const stringsPart = partOf('/sharedStrings', 'xl/sharedStrings.xml');
  const stylesPart = partOf('/styles', 'xl/styles.xml');
  const invalidSharedStrings = new Map<number, string>();
  const sharedStrings = parsingPart(pkg.file, stringsPart, () =>
    readSharedStrings(pkg.zip.text(stringsPart), invalidSharedStrings),
  );
  return {
    sharedStrings,
    invalidSharedStrings,
    dateStyles: parsingPart(pkg.file, stylesPart, () => dateStyleIndexes(pkg.zip.text(stylesPart))),
  };
}

export async function readWorkbook(file: string, o: { maxRows?: number } = {}): Promise<WorkbookData> {
  const pkg = await openWorkbookPackage(file);
  const { zip } = pkg;
  let ctx: ReadContext | undefined;
  const context = () => (ctx ??= readContext(pkg));
  const sheets: SheetData[] = pkg.entries.map((entry, index) => {
    let rows: SheetRow[] | undefined;
    return {
      name: entry.name,
      state: entry.state,
      index,
      rows() {
        if (rows) return rows;
        const xml = entry.part && entry.isWorksheet ? zip.text(entry.part) : undefined;
        if (xml === undefined) throw new DvcError('excel.notWorksheet', { sheet: entry.name }, ExitCode.Usage);
        rows = readSheetRows(xml, { sheet: entry.name, ...context(), maxRows: o.maxRows ?? MAX_ROWS });
        return rows;
      },
    };
  });
  return {
    path: file,
    sheets,
    package: pkg,
    sheet(name: string) {
      const s = findSheetEntry(sheets, name);
      if (!s) throw sheetMissingError(file, name, sheets);
      return s;
    },
  };
}
