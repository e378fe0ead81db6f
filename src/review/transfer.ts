/**
 * `nianbao corrections export|import FILE`: reviewers' decisions moved between machines as a CSV file in the
 * format of corrections.csv (documents are named by content sha256, so the file applies to any store holding
 * the same documents). Reading is all or nothing: a bad row refuses the whole file, naming the row.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ConfigError } from '../model/errors.ts';
import type { Db } from '../store/db.ts';
import type { Correction } from '../store/corrections.ts';
import { CORRECTION_COLUMNS } from '../export/columns.ts';
import { correctionRows } from '../export/corrections.ts';
import { writeCsv } from '../export/csv-file.ts';
import { checkCorrection } from './correction-input.ts';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

export async function exportCorrections(db: Db, path: string, options: { bom?: boolean } = {}): Promise<number> {
  return writeCsv(path, CORRECTION_COLUMNS, correctionRows(db), { bom: options.bom ?? true });
}

/** Undoes the export's spreadsheet guard (a text cell starting with = + - @ tab or CR got a leading '). */
function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function readCorrectionsFile(path: string): Correction[] {
  const bytes = readFileSync(path);
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ConfigError('corrections.too_large', `${path}: larger than ${MAX_FILE_BYTES} bytes`);
  let rows: Record<string, string>[];
  try {
    rows = parse(bytes, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
  } catch (e) {
    throw new ConfigError('corrections.bad_file', `${path}: not a corrections CSV file: ${(e as Error).message}`);
  }
  const missing = ['sha256', 'code', 'action', 'value', 'reviewer', 'corrected_at'].filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length) throw new ConfigError('corrections.bad_file', `${path}: missing columns ${missing.join(', ')}`);
  return rows.map((row, i) => {
    const get = (k: string): string => unguard(row[k] ?? '');
    const checked = checkCorrection({
      sha256: get('sha256'), code: get('code'), action: get('action'), value: get('value'), parsed: get('parsed'),
      note: get('note'), reviewer: get('reviewer'), correctedAt: get('corrected_at'),
    });
    // Row 1 is the header.
    if (!checked.ok) throw new ConfigError('corrections.bad_row', `${path}: row ${i + 2}: ${checked.error}`);
    return checked.value;
  });
}
