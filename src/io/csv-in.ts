/**
 * The one CSV reader (decisions, test cases), on csv-parse: RFC 4180 quoting, CRLF or LF, an optional UTF-8 BOM, and
 * `;` as the separator when the header line has no comma (Excel in a Vietnamese locale may save that way). Each row
 * keeps the file line it starts on, so that a message can name it.
 */
import { parse } from 'csv-parse/sync';
import { DvcError, ExitCode } from '../errors.js';
import { stripBom } from '../core/text/utf8.js';
import { quoteInput } from '../core/text/terminal-safe.js';
import { hasMessage } from '../i18n/i18n.js';

/**
 * Characters in one field (csv-parse's max_record_size bounds its field buffer). A decision or a test case is a
 * few codes and a note; a longer field — a 50 MB line — is refused as soon as it passes the limit, before it takes
 * memory (docs/map-communes.md).
 */
export const MAX_CSV_RECORD_CHARS = 10_000;

export interface CsvLine {
  cells: string[];
  /** The line of the file on which the row starts (1 = the header). */
  line: number;
}

/** Every non-empty row; a file csv-parse cannot read (an unclosed quote…) is `errorKey` with the reason, exit 2. */
export function readCsvLines(text: string, file: string, errorKey: string): CsvLine[] {
  const src = stripBom(text);
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  try {
    const rows = parse(src, {
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      max_record_size: MAX_CSV_RECORD_CHARS,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return (
      rows
        .filter((r) => !(r.record.length === 1 && r.record[0].trim() === ''))
        // csv-parse counts the line a record ends on; a quoted field with line breaks started earlier.
        .map((r) => ({
          cells: r.record,
          line: r.info.lines - r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0),
        }))
    );
  } catch (e) {
    const own = ownWords(e, errorKey);
    if (own) throw new DvcError(own.key, { file, ...own.params }, ExitCode.Usage);
    // csv-parse quotes the offending record in some messages: never more than a few lines of it.
    throw new DvcError(errorKey, { file, reason: quoteInput((e as Error).message) }, ExitCode.Usage);
  }
}

/** csv-parse's errors that the catalogue says in the officer's words (`<errorKey>.<kind>`), with the line. */
const OWN_WORDS: Record<string, string> = {
  CSV_MAX_RECORD_SIZE: 'recordSize',
  CSV_QUOTE_NOT_CLOSED: 'quoteNotClosed',
};

function ownWords(e: unknown, errorKey: string): { key: string; params: Record<string, number> } | undefined {
  const { code, lines } = (e ?? {}) as { code?: unknown; lines?: unknown };
  const kind = typeof code === 'string' ? OWN_WORDS[code] : undefined;
  if (!kind || typeof lines !== 'number' || !hasMessage(`${errorKey}.${kind}`)) return undefined;
  return { key: `${errorKey}.${kind}`, params: { line: lines, limit: MAX_CSV_RECORD_CHARS } };
}

/** Rows as objects keyed by the header (trimmed, lower-cased), values trimmed. */
export function readCsvRecords(
  text: string,
  file: string,
  errorKey: string,
): { header: string[]; records: Record<string, string>[] } {
  const [head, ...body] = readCsvLines(text, file, errorKey);
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  return {
    header,
    records: body.map((r) => Object.fromEntries(header.map((h, i) => [h, (r.cells[i] ?? '').trim()]))),
  };
}
