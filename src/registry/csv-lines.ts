/**
 * CSV with line numbers (csv-parse, RFC 4180): every record with the line it starts on. A comment is a line
 * whose first character is `#` (a `#` inside a URL is not). `lenient`: when the text has a syntax error
 * (an unterminated quote, a stray quote), each physical line is read on its own and the lines that still
 * fail are returned as errors, so one broken line costs one row; otherwise the first error is thrown.
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line number of the record's first line. */
  line: number;
  cells: string[];
}

export interface CsvLineError {
  line: number;
  message: string;
  /** The line as written (lenient reading only). */
  text?: string;
}

export interface CsvRead {
  records: CsvRecord[];
  errors: CsvLineError[];
}

const OPTIONS = {
  bom: true,
  comment: '#',
  comment_no_infix: true,
  relax_column_count: true,
  skip_empty_lines: true,
  info: true,
} as const;

type Info = { info: { lines: number; columns?: unknown }; record: string[] };

function readAll(text: string): CsvRecord[] {
  const out = parse(text, OPTIONS) as unknown as Info[];
  // info.lines is the line the record ends on; records of the portal lists span one line, but a quoted
  // newline makes the record start earlier: count its line breaks back.
  return out.map(({ info, record }) => ({
    line: info.lines - record.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
    cells: record,
  }));
}

const MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminated quote (a field opens with " and never closes)',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the whole field and double the inner quotes)',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote',
};

/** csv-parse's error as one sentence (its own `at line N` left out: the caller names the line). */
export function describeCsvError(e: unknown): string {
  const err = e as CsvError;
  return MESSAGES[err.code] ?? String(err.message).replace(/ at line \d+/, '');
}

/** Each physical line read on its own: the records, and the lines that fail. */
function readLines(text: string): CsvRead {
  const records: CsvRecord[] = [];
  const errors: CsvLineError[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    try {
      const [rec] = parse(raw, { relax_column_count: true }) as string[][];
      if (rec) records.push({ line: i + 1, cells: rec });
    } catch (e) {
      errors.push({ line: i + 1, message: describeCsvError(e), text: raw });
    }
  });
  return { records, errors };
}

/**
 * Reads CSV text. Strict (default): a syntax error throws a CsvSyntaxError naming the first line that cannot
 * be read on its own (for an unterminated quote, the line where it opens). Lenient: see the file comment.
 */
export function readCsv(text: string, lenient = false): CsvRead {
  try {
    return { records: readAll(text), errors: [] };
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const byLine = readLines(text);
    if (lenient) return byLine;
    const first = byLine.errors[0] ?? { line: (e as CsvError & { lines?: number }).lines ?? 1, message: describeCsvError(e) };
    throw new CsvSyntaxError(first.line, first.message);
  }
}

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(readonly line: number, readonly reason: string) {
    super(`line ${line}: ${reason}`);
  }
}
