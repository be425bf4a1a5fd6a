/**
 * The one way a part of a workbook is read: saxes, a strict streaming XML parser (the one exceljs uses), fed the
 * part's bytes in slices. Whatever XML 1.0 forbids — an unclosed or mismatched element, a NUL or other disallowed
 * character, an empty or invalid character reference, an undefined entity, bytes that are not UTF-8, a DOCTYPE —
 * ends the read with excel.xml.malformed naming the file, the part, the line and column: a damaged part is refused,
 * never read differently from what Excel would show. See docs/decisions.md ("XML of a workbook: saxes").
 */
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { saxesParserClass, type SaxesParser } from './saxes-module.js';
import { DvcError, ExitCode } from '../../errors.js';
import { quoteInput } from '../../core/text/terminal-safe.js';
import { scanLean } from './xml-lean.js';

/** What a reader of one part listens to. Element names come without their namespace prefix ("row", not "x:row"). */
export interface PartListener {
  open(name: string, attrs: Readonly<Record<string, string>>): void;
  close(name: string): void;
  /** Character data (references decoded), in one or more pieces per text node. */
  text?(text: string): void;
  /** A comment, CDATA section or processing instruction (after the XML declaration) was met. */
  markup?(kind: 'comment' | 'cdata' | 'pi'): void;
}

/** The bytes decoded per slice: the part is never held as one string, so memory stays near its compressed size. */
const SLICE_BYTES = 1 << 20;

/** A refusal raised by a listener (a limit, a bad cell), carried through the parser unchanged. */
class ListenerError extends Error {
  constructor(readonly inner: unknown) {
    super('listener');
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export interface PartSource {
  /** The workbook's file name, for messages. */
  file: string;
  /** The part name inside the package ("xl/worksheets/sheet1.xml"). */
  part: string;
}

function malformed(src: PartSource, line: number, column: number, reason: string): DvcError {
  return new DvcError(
    'excel.xml.malformed',
    { path: path.basename(src.file), part: src.part, line, column, reason: quoteInput(reason.replace(/\.$/, '')) },
    ExitCode.Usage,
  );
}

/**
 * Parts up to this size may take the fast path of xml-lean.ts, which holds the part as one string; a larger part
 * is fed to saxes in slices, so that memory stays near the compressed size whatever the part.
 */
const LEAN_MAX_BYTES = 16 << 20;

/**
 * Reads `data` (a part's bytes, or its text) as XML, calling the listener for each element and text. Given a
 * function that makes a listener, a part of up to LEAN_MAX_BYTES is first read by the fast scanner of xml-lean.ts;
 * where that scanner gives up, a fresh listener reads the part through saxes. Returns the listener that read it.
 */
export function readXmlPart<L extends PartListener>(
  data: Buffer | string,
  src: PartSource,
  listener: L | (() => L),
): L {
  checkUtf8(data, src);
  if (typeof listener === 'function') {
    if (data.length <= LEAN_MAX_BYTES) {
      const lean = listener();
      if (scanLean(textOf(data), lean)) return lean;
    }
    listener = listener();
  }
  readWithSaxes(data, src, listener);
  return listener;
}

function textOf(data: Buffer | string): string {
  if (typeof data === 'string') return data.charCodeAt(0) === 0xfeff ? data.slice(1) : data;
  const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  return data.toString('utf8', bom);
}

function checkUtf8(data: Buffer | string, src: PartSource): void {
  if (typeof data !== 'string' && !isUtf8(data)) {
    // Where: the first line and column whose bytes do not decode.
    const bad = new TextDecoder('utf-8', { fatal: false }).decode(data).indexOf('\ufffd');
    const before = data.toString('utf8').slice(0, Math.max(0, bad));
    const line = before.split('\n').length;
    throw malformed(src, line, before.length - before.lastIndexOf('\n'), 'the bytes are not UTF-8.');
  }
}

function readWithSaxes(data: Buffer | string, src: PartSource, listener: PartListener): void {
  // Position tracking costs a fifth of the parse: a part is parsed without it, and only a part found malformed
  // is parsed again, with it, to say where (the listener is not called the second time).
  try {
    parse(data, listener, false);
  } catch (e) {
    if (e instanceof ListenerError) throw e.inner;
    if (!(e instanceof Error)) throw e;
    try {
      parse(data, { open() {}, close() {} }, true);
    } catch (located) {
      const m = /^(\d+):(\d+): ([\s\S]*)$/.exec((located as Error).message);
      if (m) throw malformed(src, Number(m[1]), Number(m[2]), m[3]);
    }
    throw malformed(src, 0, 0, e.message);
  }
}

function parse(data: Buffer | string, listener: PartListener, position: boolean): void {
  const Parser = saxesParserClass();
  const parser = new Parser({ xmlns: false, position });
  const onText = listener.text?.bind(listener);
  parser.on('opentag', (tag) => {
    try {
      listener.open(localName(tag.name), tag.attributes as Record<string, string>);
    } catch (e) {
      throw new ListenerError(e);
    }
  });
  parser.on('closetag', (tag) => {
    try {
      listener.close(localName(tag.name));
    } catch (e) {
      throw new ListenerError(e);
    }
  });
  const text = onText
    ? (t: string) => {
        try {
          onText(t);
        } catch (e) {
          throw new ListenerError(e);
        }
      }
    : undefined;
  if (text) parser.on('text', text);
  const markup = listener.markup?.bind(listener);
  const guarded = (kind: 'comment' | 'cdata' | 'pi') => {
    try {
      markup?.(kind);
    } catch (e) {
      throw new ListenerError(e);
    }
  };
  parser.on('cdata', (t) => {
    guarded('cdata');
    text?.(t);
  });
  if (markup) {
    parser.on('comment', () => guarded('comment'));
    parser.on('processinginstruction', () => guarded('pi'));
  }
  // OOXML parts never have a DTD; an internal subset is how entity bombs and external entities come in.
  parser.on('doctype', () => parser.fail('a DOCTYPE is not allowed in a workbook part.'));
  if (typeof data === 'string') parser.write(data.charCodeAt(0) === 0xfeff ? data.slice(1) : data);
  else writeBytes(parser, data);
  parser.close();
}

/** Feeds valid UTF-8 to the parser in slices cut between characters (never inside a multi-byte sequence). */
function writeBytes(parser: SaxesParser, data: Buffer): void {
  let at = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  while (at < data.length) {
    let end = Math.min(at + SLICE_BYTES, data.length);
    while (end < data.length && (data[end] & 0xc0) === 0x80) end--;
    parser.write(data.toString('utf8', at, end));
    at = end;
  }
}
