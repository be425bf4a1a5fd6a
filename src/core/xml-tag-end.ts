/**
 * The index of the '>' that ends a start tag, from `from` (just after the element's name), skipping quoted
 * attribute values (which may hold '>'); -1 when the text ends first or a '<' stands outside quotes. Shared by the
 * notice reader (core/api/xml-tree.ts) and the evidence check that a file is well-formed XML
 * (core/evidence/file-sniff.ts).
 */
export function startTagEnd(src: string, from: number): number {
  let quote = '';
  for (let k = from; k < src.length; k++) {
    const c = src[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') return -1;
    else if (c === '>') return k;
  }
  return -1;
}
