/**
 * Used by the writer only, on parts the strict parser (xml-part.ts) has already read: finding elements of a large
 * XML part in linear time. A lazy regular expression such as `<row>([\s\S]*?)</row>`
 * rescans to the end of the part for every start tag that is never closed, which is quadratic: 80,000 unclosed
 * `<row>` tags (a 3 KB zip) took seconds. Here each start tag's end and close tag are found with indexOf and the
 * scan continues after them; a tag that is not closed ends the scan with UnclosedElementError.
 */

export class UnclosedElementError extends Error {
  constructor(
    readonly element: string,
    readonly offset: number,
  ) {
    super(`<${element}> at offset ${offset} is not closed`);
    this.name = 'UnclosedElementError';
  }
}

export interface ElementMatch {
  /** The start tag's attribute text (`r="3" spans="1:9"`). */
  attrs: string;
  /** The content between the tags; undefined for a self-closing element. */
  inner: string | undefined;
  /** Offsets of the whole element in the scanned text. */
  start: number;
  end: number;
}

/** The ">" that ends a start tag, past quoted attribute values (which may hold ">" in well-formed XML); -1 if none. */
export function startTagEnd(xml: string, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      i = xml.indexOf(xml[i], i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

const openers = new Map<string, RegExp>();

function opener(name: string): RegExp {
  let re = openers.get(name);
  if (!re) {
    re = new RegExp(`<((?:\\w+:)?)${name}(?=[\\s/>])`, 'g');
    openers.set(name, re);
  }
  return re;
}

/**
 * Each `<name …>…</name>` or `<name …/>` (any namespace prefix) of `xml` from offset `from`, in order. Elements of
 * the same name must not nest (true of rows, cells, string items).
 */
export function* elements(xml: string, name: string, from = 0): Generator<ElementMatch> {
  const re = new RegExp(opener(name));
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const attrsStart = m.index + m[0].length;
    const tagEnd = startTagEnd(xml, attrsStart);
    if (tagEnd < 0) throw new UnclosedElementError(name, m.index);
    if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
      yield { attrs: xml.slice(attrsStart, tagEnd - 1), inner: undefined, start: m.index, end: tagEnd + 1 };
      re.lastIndex = tagEnd + 1;
      continue;
    }
    const close = `</${m[1]}${name}>`;
    const closeAt = xml.indexOf(close, tagEnd + 1);
    if (closeAt < 0) throw new UnclosedElementError(name, m.index);
    const end = closeAt + close.length;
    yield { attrs: xml.slice(attrsStart, tagEnd), inner: xml.slice(tagEnd + 1, closeAt), start: m.index, end };
    re.lastIndex = end;
  }
}
