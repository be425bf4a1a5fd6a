/** The package structure of a workbook: where the workbook part is, its sheets and their parts (OPC). */
import path from 'node:path';
import { readXmlPart, type PartSource } from './xml-part.js';
import type { ZipParts } from './zip-parts.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: SheetState;
  /** The worksheet part, e.g. "xl/worksheets/sheet1.xml"; undefined for a chartsheet or a broken relation. */
  part?: string;
  /** The relationship type ends in "/worksheet". */
  isWorksheet: boolean;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const dir = path.posix.dirname(part);
  return path.posix.join(dir === '.' ? '' : dir, '_rels', `${path.posix.basename(part)}.rels`);
}

/** A relationship target resolved against its source part ("worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const dir = path.posix.dirname(sourcePart);
  return path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, target));
}

export function parseRelationships(data: Buffer | string | undefined, src: PartSource): Relationship[] {
  if (data === undefined) return [];
  // A fresh listener per reader (the fast scanner's, then saxes's if it gives up).
  return readXmlPart(data, src, () => {
    const out: Relationship[] = [];
    return {
      out,
      open(name: string, a: Readonly<Record<string, string>>) {
        if (name !== 'Relationship') return;
        out.push({
          id: a.Id ?? '',
          type: a.Type ?? '',
          target: a.Target ?? '',
          external: a.TargetMode === 'External',
        });
      },
      close() {},
    };
  }).out;
}

/** The workbook part named by the package's officeDocument relation ("xl/workbook.xml" in practice). */
export function workbookPartOf(zip: ZipParts, file: string): string | undefined {
  const root = parseRelationships(zip.get('_rels/.rels'), { file, part: '_rels/.rels' });
  const rel = root.find((r) => /\/officeDocument$/.test(r.type));
  if (rel) {
    const p = resolveTarget('', rel.target);
    if (zip.has(p)) return p;
  }
  return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
}

export function parseSheets(
  data: Buffer | string,
  src: PartSource,
  workbookPart: string,
  rels: readonly Relationship[],
): SheetEntry[] {
  const byId = new Map(rels.map((r) => [r.id, r]));
  // A fresh listener per reader (the fast scanner's, then saxes's if it gives up).
  return readXmlPart(data, src, () => {
    const out: SheetEntry[] = [];
    let inSheets = false;
    return {
      out,
      open(name: string, a: Readonly<Record<string, string>>) {
        if (name === 'sheets') inSheets = true;
        if (name !== 'sheet' || !inSheets) return;
        const relKey = Object.keys(a).find((k) => k === 'id' || k.endsWith(':id')) ?? 'r:id';
        const relId = a[relKey] ?? '';
        const rel = byId.get(relId);
        const stateAttr = a.state;
        out.push({
          name: (a.name ?? '').normalize('NFC'),
          sheetId: Number(a.sheetId ?? 0),
          relId,
          state: stateAttr === 'hidden' || stateAttr === 'veryHidden' ? stateAttr : 'visible',
          part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : undefined,
          isWorksheet: rel ? /\/worksheet$/.test(rel.type) : false,
        });
      },
      close(name: string) {
        if (name === 'sheets') inSheets = false;
      },
    };
  }).out;
}
