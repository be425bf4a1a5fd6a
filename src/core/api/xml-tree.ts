import { stripBom } from '../text/utf8.js';
import { startTagEnd } from '../xml-tag-end.js';
/**
 * A small XML reader for the known shape of tax-notice files (elements and text; attributes are read and
 * ignored; comments, processing instructions, CDATA and the five entities plus numeric references are handled).
 * It rejects what is not well-formed and says where. DTDs are refused: a notice never has one, and refusing them
 * rules out entity-expansion attacks.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The concatenated text directly inside this element (entities decoded, CRLF → LF). */
  text: string;
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`${reason} (line ${line})`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError(`bare '&'`, line);
    if (name.startsWith('#x') || name.startsWith('#X')) {
      const cp = Number.parseInt(name.slice(2), 16);
      if (!Number.isFinite(cp) || cp > 0x10ffff) throw new XmlSyntaxError(`bad character reference &${name};`, line);
      return String.fromCodePoint(cp);
    }
    if (name.startsWith('#')) {
      const cp = Number.parseInt(name.slice(1), 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff) throw new XmlSyntaxError(`bad character reference &${name};`, line);
      return String.fromCodePoint(cp);
    }
    const v = ENTITIES[name];
    if (v === undefined) throw new XmlSyntaxError(`unknown entity &${name};`, line);
    return v;
  });
}

/** Parses a whole document and returns its root element; throws XmlSyntaxError when it is not well-formed. */
export function parseXml(input: string): XmlElement {
  return new XmlParser(stripBom(input).replace(/\r\n?/g, '\n')).parse();
}

/** One pass over a document: each construct (text, declaration, comment, CDATA, closing and opening tag) a step. */
class XmlParser {
  private i = 0;
  private line = 1;
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;

  constructor(private readonly src: string) {}

  parse(): XmlElement {
    while (this.i < this.src.length) this.step();
    if (this.stack.length > 0) {
      const open = this.stack[this.stack.length - 1];
      throw new XmlSyntaxError(`<${open.name}> (line ${open.line}) is never closed`, this.line);
    }
    if (!this.root) throw new XmlSyntaxError('no root element', this.line);
    return this.root;
  }

  private step(): void {
    const { src, i } = this;
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > i) this.text(textEnd);
    else if (src.startsWith('<?', i)) this.advance(this.expectEnd('?>', 'processing instruction') + 2);
    else if (src.startsWith('<!--', i)) this.advance(this.expectEnd('-->', 'comment') + 3);
    else if (src.startsWith('<![CDATA[', i)) this.cdata();
    else if (src.startsWith('<!', i)) throw new XmlSyntaxError('DOCTYPE is not allowed', this.line);
    else if (src.startsWith('</', i)) this.closingTag();
    else this.openingTag();
  }

  private top(): XmlElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  private advance(to: number): void {
    for (let k = this.i; k < to; k++) if (this.src.charCodeAt(k) === 10) this.line++;
    this.i = to;
  }

  private expectEnd(marker: string, what: string): number {
    const end = this.src.indexOf(marker, this.i);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what}`, this.line);
    return end;
  }

  private text(textEnd: number): void {
    const raw = this.src.slice(this.i, textEnd);
    const top = this.top();
    if (top) top.text += decodeEntities(raw, this.line);
    else if (raw.trim() !== '') throw new XmlSyntaxError('text outside the root element', this.line);
    this.advance(textEnd);
  }

  private cdata(): void {
    const top = this.top();
    if (!top) throw new XmlSyntaxError('CDATA outside the root element', this.line);
    const end = this.expectEnd(']]>', 'CDATA section');
    top.text += this.src.slice(this.i + 9, end);
    this.advance(end + 3);
  }

  private closingTag(): void {
    const { src, i, line } = this;
    const m = NAME.exec(src.slice(i + 2));
    const name = m ? m[0] : '';
    const close = src.indexOf('>', i);
    if (!m || close < 0 || src.slice(i + 2 + name.length, close).trim() !== '')
      throw new XmlSyntaxError('bad closing tag', line);
    const top = this.stack.pop();
    if (!top) throw new XmlSyntaxError(`closing tag </${name}> without an opening tag`, line);
    if (top.name !== name)
      throw new XmlSyntaxError(`</${name}> closes <${top.name}> (opened on line ${top.line})`, line);
    this.advance(close + 1);
  }

  private openingTag(): void {
    const { src, i, line } = this;
    const m = NAME.exec(src.slice(i + 1));
    if (!m) throw new XmlSyntaxError(`'<' not followed by an element name`, line);
    const close = startTagEnd(src, i + 1 + m[0].length);
    if (close < 0) throw new XmlSyntaxError(`unterminated tag <${m[0]}`, line);
    const selfClosing = src.charCodeAt(close - 1) === 47; // '/'
    const el: XmlElement = { name: m[0], children: [], text: '', line };
    const parent = this.top();
    if (parent) parent.children.push(el);
    else if (this.root) throw new XmlSyntaxError(`a second root element <${m[0]}>`, line);
    else this.root = el;
    if (!selfClosing) this.stack.push(el);
    this.advance(close + 1);
  }
}

/**
 * The one XML escaper (notice files, workbook parts, JUnit reports): text for element content and attribute values;
 * drops the characters XML 1.0 forbids.
 */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
