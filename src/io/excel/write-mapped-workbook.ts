/**
 * The output workbook of `map-communes`: the input package with the standard sheet's target column filled and
 * coloured by status, a legend beside the table, and new sheets. The package is patched, not re-serialised:
 * every part that is not named below is copied unchanged, so styles, merged cells, validation, conditional
 * formats, defined names, comments, pictures and pivot caches survive whatever the producing application was.
 */
import path from 'node:path';
import { DvcError, ExitCode, isDvcError } from '../../errors.js';
import { columnIndex } from '../../core/workbook/cell.js';
import { TARGET_HEADER } from '../../core/workbook/column-synonyms.js';
import { checkOutputPath, openAtomicStream } from '../atomic-write.js';
import { METHOD_DEFLATE, ZipWriter } from '../zip/zip-writer.js';
import {
  STYLES,
  WORKSHEET,
  addContentTypes,
  addRelationships,
  addSheetsToWorkbook,
  removeContentType,
  removeRelationship,
  uniqueSheetName,
  type NewSheetRef,
} from './package-patch.js';
import { relsPathOf, resolveTarget } from './package-parts.js';
import {
  findSheetEntry,
  openWorkbookPackage,
  readContext,
  sheetMissingError,
  sheetRowsOf,
  type WorkbookPackage,
} from './read-workbook.js';
import { buildSheetXml, type ExtraSheet } from './sheet-build.js';
import { encodeParts, patchSheetXml, type CellWrite } from './sheet-patch.js';
import { readXmlPart } from './xml-part.js';
import { addCellPrompts } from './cell-prompts.js';
import type { SheetRow } from '../../core/workbook/cell.js';
import { StylesPatch, type CellStatus } from './styles-patch.js';

export type { CellStatus } from './styles-patch.js';
export type { ExtraSheet } from './sheet-build.js';

export interface MappedCell {
  /** 1-based row of the standard sheet. */
  row: number;
  /** The tax code to write, or null to leave the cell empty (still coloured). */
  value: string | null;
  status: CellStatus;
  /** A note Excel shows when the cell is selected (see cell-prompts.ts). */
  prompt?: { title: string; text: string };
}

export interface LegendRow {
  status: CellStatus;
  label: string;
}

export interface WorkbookPatch {
  /** The standard sheet's name as in the workbook. */
  stdSheet: string;
  headerRow: number;
  /** Column letter; default "I" (see chooseTargetColumn). */
  targetColumn?: string;
  /** Written into the header cell only when that cell is empty; default "Mã phường/xã CQT". */
  headerText?: string;
  cells: MappedCell[];
  /** A title and one coloured row per status, written one column right of the sheet's last used column. */
  legend?: { title?: string; rows: LegendRow[] };
  extraSheets?: ExtraSheet[];
}

export interface WriteResult {
  path: string;
  /** The names the extra sheets got (a taken name gets " (2)"). */
  sheetNames: string[];
  /** The legend's column letter, when there is a legend. */
  legendColumn?: string;
  /** A replaced cell held a formula, so the calculation chain was dropped (Excel rebuilds it). */
  droppedCalcChain: boolean;
}

const CALC_CHAIN_TYPE = '/calcChain';

function columnLetterOf(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function freePartName(pkg: WorkbookPackage, taken: Set<string>): string {
  const dir = path.posix.join(path.posix.dirname(pkg.workbookPart), 'worksheets');
  for (let i = pkg.entries.length + 1; ; i++) {
    const part = path.posix.join(dir, `sheet${i}.xml`);
    if (!pkg.zip.has(part) && !taken.has(part.toLowerCase())) return part;
  }
}

function freeRelId(relsXml: string, n: number): string {
  let id = `rIdDvc${n}`;
  while (relsXml.includes(`Id="${id}"`)) id += 'x';
  return id;
}

export interface WriteOptions {
  /** Replace an existing output. */
  force?: boolean;
  /** The package as readWorkbook opened it, so the input is not read twice. */
  source?: WorkbookPackage;
}

/** Patches `input` into `output` (never the same file; an existing output needs `force`). */
export async function writeMappedWorkbook(
  input: string,
  output: string,
  patch: WorkbookPatch,
  o: WriteOptions = {},
): Promise<WriteResult> {
  return writePackage(input, output, patch, patch.extraSheets ?? [], o);
}

/** The input workbook with new sheets only (no sheet of the input is changed). */
export async function writeWorkbookWithSheets(
  input: string,
  output: string,
  sheets: ExtraSheet[],
  o: WriteOptions = {},
): Promise<WriteResult> {
  return writePackage(input, output, undefined, sheets, o);
}

/** The parts of the output package that differ from the input's. */
interface PackageEdits {
  replaced: Map<string, Buffer>;
  dropped: Set<string>;
  added: { name: string; data: Buffer }[];
  newRels: { id: string; type: string; target: string }[];
  newTypes: { part: string; contentType: string }[];
}

function stylesOf(pkg: WorkbookPackage): { styles: StylesPatch; part?: string } {
  const stylesRel = pkg.rels.find((r) => r.type.endsWith('/styles'));
  const part = stylesRel ? resolveTarget(pkg.workbookPart, stylesRel.target) : undefined;
  return { styles: new StylesPatch(part ? pkg.zip.text(part) : undefined), part };
}

/** Builds each new sheet as a part of its own and lists it in the workbook. */
function addExtraSheets(
  pkg: WorkbookPackage,
  extraSheets: ExtraSheet[],
  styles: StylesPatch,
  wbRels: string,
  edits: PackageEdits,
): string[] {
  const names: string[] = [];
  const refs: NewSheetRef[] = [];
  const taken = new Set<string>();
  for (const [i, sheet] of extraSheets.entries()) {
    const name = uniqueSheetName(sheet.name, [...pkg.entries.map((e) => e.name), ...names]);
    names.push(name);
    const built = buildSheetXml(sheet, {
      header: sheet.headerStyle ? styles.headerXf() : undefined,
      status: (s) => styles.statusXf(0, s),
    });
    const part = freePartName(pkg, taken);
    taken.add(part.toLowerCase());
    const relId = freeRelId(wbRels, i + 1);
    const relTarget = path.posix.relative(path.posix.dirname(pkg.workbookPart), part);
    refs.push({ name, relId, target: relTarget, part, filterRange: sheet.autoFilter ? built.range : undefined });
    edits.newRels.push({ id: relId, type: WORKSHEET.type, target: relTarget });
    edits.newTypes.push({ part, contentType: WORKSHEET.contentType });
    edits.added.push({ name: part, data: Buffer.from(built.xml, 'utf8') });
  }
  const workbookXml = pkg.zip.text(pkg.workbookPart) ?? '';
  edits.replaced.set(
    pkg.workbookPart.toLowerCase(),
    Buffer.from(addSheetsToWorkbook(workbookXml, refs, pkg.entries.length), 'utf8'),
  );
  return names;
}

/** The styles part: created when the package had none, replaced when statuses were added. */
function saveStyles(
  pkg: WorkbookPackage,
  s: { styles: StylesPatch; part?: string },
  wbRels: string,
  edits: PackageEdits,
): void {
  if (s.styles.created) {
    const part = path.posix.join(path.posix.dirname(pkg.workbookPart), 'styles.xml');
    edits.added.push({ name: part, data: Buffer.from(s.styles.toXml(), 'utf8') });
    edits.newRels.push({ id: freeRelId(wbRels, 99), type: STYLES.type, target: 'styles.xml' });
    edits.newTypes.push({ part, contentType: STYLES.contentType });
  } else if (s.styles.changed && s.part) {
    edits.replaced.set(s.part.toLowerCase(), Buffer.from(s.styles.toXml(), 'utf8'));
  }
}

/**
 * The deflate level of the parts a run writes: zlib's fast mode. On the national workbook the three written sheets
 * (7 MB of XML) deflate in ~30 ms instead of ~100 ms at level 6, for ~17 % more bytes; Excel deflates a workbook
 * again when the officer saves it (docs/decisions.md).
 */
const WRITTEN_PART_LEVEL = 2;

/**
 * The package, in the input's entry order, new parts last, written atomically by the one zip writer
 * (io/zip/zip-writer.ts). A copied part keeps its time (and its deflated bytes, when they check out); a new part
 * gets the time of writing.
 */
async function writeZip(
  pkg: WorkbookPackage,
  input: string,
  output: string,
  edits: PackageEdits,
  wbRelsPath: string,
  o: WriteOptions,
): Promise<string> {
  const parts: { name: string; data: Buffer; mtimeMs: number; copied?: boolean }[] = [];
  const now = Date.now();
  const replaced = new Map(edits.replaced);
  for (const e of pkg.zip.entries) {
    const key = e.name.toLowerCase();
    if (edits.dropped.has(key)) continue;
    const data = replaced.get(key) ?? pkg.zip.get(e.name);
    if (data) parts.push({ name: e.name, data, mtimeMs: e.mtime.getTime(), copied: !replaced.has(key) });
    replaced.delete(key);
  }
  const rels = replaced.get(wbRelsPath.toLowerCase());
  if (rels) parts.push({ name: wbRelsPath, data: rels, mtimeMs: now });
  for (const a of edits.added) parts.push({ name: a.name, data: a.data, mtimeMs: now });
  const sink = await openAtomicStream(output, { force: o.force, inputs: [input] });
  try {
    const zip = new ZipWriter(sink.stream);
    for (const p of parts) {
      // An unchanged part keeps its deflated bytes when they check out: deflating it again only costs time.
      const packed = p.copied ? pkg.zip.deflated(p.name) : undefined;
      const how = { method: METHOD_DEFLATE, mtimeMs: p.mtimeMs };
      if (packed) await zip.addCompressed(p.name, packed.bytes, { ...how, crc: packed.crc, size: packed.size });
      else await zip.addEntry(p.name, [p.data], { ...how, expectedSize: p.data.length, level: WRITTEN_PART_LEVEL });
    }
    await zip.finish();
    sink.stream.end();
    return await sink.commit();
  } catch (e) {
    await sink.abort().catch(() => {});
    throw isDvcError(e) ? e : sink.error(e);
  }
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

async function writePackage(
  input: string,
  output: string,
  patch: WorkbookPatch | undefined,
  extraSheets: ExtraSheet[],
  o: WriteOptions,
): Promise<WriteResult> {
  await checkOutputPath(output, { force: o.force, inputs: [input] });
  const pkg = o.source ?? (await openWorkbookPackage(input));
  const edits: PackageEdits = { replaced: new Map(), dropped: new Set(), added: [], newRels: [], newTypes: [] };
  const wbRelsPath = relsPathOf(pkg.workbookPart);
  let wbRels = pkg.zip.text(wbRelsPath) ?? EMPTY_RELS;
  let contentTypes = pkg.zip.text('[Content_Types].xml') ?? '';
  // Every part edited below as text is first read by the strict parser (the rels and the workbook part were, by
  // openWorkbookPackage; the styles by readContext): a malformed part is refused, never spliced.
  readXmlPart(contentTypes, { file: input, part: '[Content_Types].xml' }, () => ({ open() {}, close() {} }));
  readContext(pkg);
  const styles = stylesOf(pkg);

  const std = patch ? patchStdSheet(pkg, input, patch, styles.styles) : undefined;
  if (std) edits.replaced.set(std.part.toLowerCase(), std.data);
  const names = addExtraSheets(pkg, extraSheets, styles.styles, wbRels, edits);
  saveStyles(pkg, styles, wbRels, edits);

  // A formula we overwrote may be listed in the calculation chain; Excel rebuilds a missing chain silently.
  const calcRel = pkg.rels.find((r) => r.type.endsWith(CALC_CHAIN_TYPE));
  const droppedCalcChain = (std?.removedFormula ?? false) && calcRel !== undefined;
  if (droppedCalcChain && calcRel) {
    const part = resolveTarget(pkg.workbookPart, calcRel.target);
    edits.dropped.add(part.toLowerCase());
    wbRels = removeRelationship(wbRels, CALC_CHAIN_TYPE);
    contentTypes = removeContentType(contentTypes, part);
  }
  wbRels = addRelationships(wbRels, edits.newRels);
  contentTypes = addContentTypes(contentTypes, edits.newTypes);
  edits.replaced.set(wbRelsPath.toLowerCase(), Buffer.from(wbRels, 'utf8'));
  edits.replaced.set('[content_types].xml', Buffer.from(contentTypes, 'utf8'));

  const written = await writeZip(pkg, input, output, edits, wbRelsPath, o);
  return { path: written, sheetNames: names, legendColumn: std?.legendColumn, droppedCalcChain };
}

function targetIndexOf(patch: WorkbookPatch): number {
  const target = columnIndex(patch.targetColumn ?? 'I');
  if (target < 0)
    throw new DvcError(
      'excel.colSpec.column',
      { spec: patch.targetColumn ?? '', part: patch.targetColumn ?? '', keys: '' },
      ExitCode.Usage,
    );
  return target;
}

/** The legend: a title and one coloured label per status, one column right of the last used one. */
function legendWrites(
  patch: WorkbookPatch,
  existing: readonly SheetRow[],
  target: number,
  styles: StylesPatch,
): { writes: CellWrite[]; column?: number } {
  if (!patch.legend || patch.legend.rows.length === 0) return { writes: [] };
  // A loop, not Math.max(...rows): a spread of 100,000 rows overflows the call stack. Each row is read from its
  // end, down to the highest column found so far.
  let used = target;
  for (const r of existing)
    for (let i = r.cells.length - 1; i > used; i--) {
      const c = r.cells[i];
      if (c && c.value !== null && c.value !== '') {
        used = i;
        break;
      }
    }
  const col = used + 2;
  const first = Math.max(1, patch.headerRow);
  const title = patch.legend.title;
  const writes: CellWrite[] = [];
  if (title) writes.push({ row: first, column: col, value: title, style: () => styles.headerXf() });
  patch.legend.rows.forEach((l, i) =>
    writes.push({
      row: first + (title ? 1 : 0) + i,
      column: col,
      value: l.label,
      style: () => styles.statusXf(0, l.status),
    }),
  );
  return { writes, column: col };
}

function patchStdSheet(
  pkg: WorkbookPackage,
  input: string,
  patch: WorkbookPatch,
  styles: StylesPatch,
): { part: string; data: Buffer; removedFormula: boolean; legendColumn?: string } {
  const { zip } = pkg;
  const entry = findSheetEntry(pkg.entries, patch.stdSheet);
  if (!entry) throw sheetMissingError(input, patch.stdSheet, pkg.entries);
  if (!entry.part || !entry.isWorksheet || !zip.has(entry.part))
    throw new DvcError('excel.notWorksheet', { sheet: entry.name }, ExitCode.Usage);
  const target = targetIndexOf(patch);
  const existing = sheetRowsOf(pkg, entry);
  const sheetXml = zip.text(entry.part) ?? '';
  const headerCell = existing.find((r) => r.row === patch.headerRow)?.cells[target];
  const writes: CellWrite[] = [];
  if (patch.headerRow > 0 && (headerCell === undefined || headerCell.value === null || headerCell.value === '')) {
    writes.push({ row: patch.headerRow, column: target, value: patch.headerText ?? TARGET_HEADER, style: (s) => s });
  }
  const cells = patch.cells.filter((c) => c.row > patch.headerRow);
  for (const c of cells)
    writes.push({ row: c.row, column: target, value: c.value, style: (s) => styles.statusXf(s, c.status) });
  const legend = legendWrites(patch, existing, target, styles);
  writes.push(...legend.writes);
  const patched = patchSheetXml(sheetXml, {
    sheet: entry.name,
    writes,
    widths: [
      { column: target, width: 18 },
      ...(legend.column !== undefined ? [{ column: legend.column, width: 34 }] : []),
    ],
  });
  const prompts = cells.flatMap((c) => (c.prompt ? [{ row: c.row, column: target, ...c.prompt }] : []));
  // The notes go among the elements after the rows: only the last piece, from `</sheetData>` on, is edited.
  const { parts } = patched;
  parts[parts.length - 1] = addCellPrompts(parts[parts.length - 1], prompts, patched.prefix).xml;
  const legendColumn = legend.column !== undefined ? columnLetterOf(legend.column) : undefined;
  return { part: entry.part, data: encodeParts(parts), removedFormula: patched.removedFormula, legendColumn };
}
