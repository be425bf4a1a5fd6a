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
  type Relationship,
  type SheetEntry,
  type SheetState,
} from './package-parts.js';
import { MAX_ROWS, readSharedStrings, readSheetRows } from './sheet-read.js';
import { MAX_WORKBOOK_BYTES, megabytes } from './workbook-limits.js';
import { dateStyleIndexes } from './styles-read.js';
import { ZipParts } from './zip-parts.js';

export type { SheetState } from './package-parts.js';

export interface SheetData {
  name: string;
  state: SheetState;
  /** 0-based position in the workbook's sheet list. */
  index: number;
  /** Rows with at least one cell, parsed on first call and kept. Throws excel.tooManyRows past MAX_ROWS. */
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
  /** The workbook part's relationships. */
  rels: Relationship[];
  entries: SheetEntry[];
  /** Shared strings and date styles, read once (see readContext). */
  context?: ReadContext;
  /** The rows of each worksheet part read so far, so that the writer does not read the sheet again. */
  rowsRead: Map<string, SheetRow[]>;
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
  const workbookPart = workbookPartOf(zip, file);
  if (!workbookPart) {
    const kind = zip.has('xl/workbook.bin') ? 'excel.xlsb' : zip.has('content.xml') ? 'excel.ods' : 'excel.notWorkbook';
    throw new DvcError(kind, { path: path.basename(file) }, ExitCode.Usage);
  }
  const relsPart = relsPathOf(workbookPart);
  const rels = parseRelationships(zip.get(relsPart), { file, part: relsPart });
  const entries = parseSheets(zip.get(workbookPart) ?? '', { file, part: workbookPart }, workbookPart, rels);
  return { file, data, zip, workbookPart, rels, entries, rowsRead: new Map() };
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
  dateStyles: Set<number>;
}

/** Reads the shared strings and styles once per package. */
export function readContext(pkg: WorkbookPackage): ReadContext {
  if (pkg.context) return pkg.context;
  const partOf = (suffix: string, fallback: string): string => {
    const rel = pkg.rels.find((r) => r.type.endsWith(suffix));
    return rel ? resolveTarget(pkg.workbookPart, rel.target) : fallback;
  };
  const stringsPart = partOf('/sharedStrings', 'xl/sharedStrings.xml');
  const stylesPart = partOf('/styles', 'xl/styles.xml');
  pkg.context = {
    sharedStrings: readSharedStrings(pkg.zip.get(stringsPart), { file: pkg.file, part: stringsPart }),
    dateStyles: dateStyleIndexes(pkg.zip.get(stylesPart), { file: pkg.file, part: stylesPart }),
  };
  return pkg.context;
}

/** The rows of one worksheet of the package, read once and kept for the writer. */
export function sheetRowsOf(pkg: WorkbookPackage, entry: SheetEntry, maxRows = MAX_ROWS): SheetRow[] {
  const part = entry.part && entry.isWorksheet ? entry.part : undefined;
  const data = part ? pkg.zip.get(part) : undefined;
  if (!part || data === undefined) throw new DvcError('excel.notWorksheet', { sheet: entry.name }, ExitCode.Usage);
  const key = part.toLowerCase();
  const hit = pkg.rowsRead.get(key);
  if (hit) return hit;
  const rows = readSheetRows(data, { sheet: entry.name, file: pkg.file, part, ...readContext(pkg), maxRows });
  pkg.rowsRead.set(key, rows);
  return rows;
}

export async function readWorkbook(file: string, o: { maxRows?: number } = {}): Promise<WorkbookData> {
  const pkg = await openWorkbookPackage(file);
  const sheets: SheetData[] = pkg.entries.map((entry, index) => ({
    name: entry.name,
    state: entry.state,
    index,
    rows: () => sheetRowsOf(pkg, entry, o.maxRows ?? MAX_ROWS),
  }));
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
