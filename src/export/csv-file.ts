/**
 * Writing one CSV file safely: UTF-8 (with a BOM by default, for Excel on Chinese Windows), text cells that
 * a spreadsheet would read as a formula neutralised with a leading apostrophe, written to a temp file and
 * renamed so a reader never sees half a file.
 */
import { stringify } from 'csv-stringify';
import { createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that starts with = + - @ tab or CR gets a leading apostrophe (OWASP CSV injection advice). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Numbers are written as numbers (a negative count stays -3); text is neutralised; null is empty. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return neutralise(value);
}

export interface CsvOptions {
  /** Write the UTF-8 byte order mark (default true). */
  bom?: boolean;
}

/** Writes header + rows to `path` atomically; returns the number of data rows. */
export async function writeCsv(path: string, header: readonly string[], rows: Iterable<CsvValue[]>, options: CsvOptions = {}): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  let count = 0;
  function* cells(): Generator<string[]> {
    for (const row of rows) {
      count++;
      yield row.map(csvCell);
    }
  }
  try {
    await pipeline(
      Readable.from(cells()),
      stringify({ bom: options.bom ?? true, header: true, columns: header.map((h) => csvCell(h)), eof: true }),
      createWriteStream(tmp),
    );
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return count;
}

/** Writes a text file atomically (temp name, then rename). */
export function writeTextFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
