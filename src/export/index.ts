/**
 * `exportDataset(db, outDir)`: reports.csv, cells.csv, checks.csv, warnings.csv, codebook.csv, corrections.csv and
 * documents.csv, and the scripts that load reports.csv into Stata (reports.do) and R (reports.R), each
 * written atomically. Deterministic: the same store gives byte-identical files.
 */
import { join } from 'node:path';
import type { Db } from '../store/db.ts';
import { ensureWideView } from '../store/wide-view.ts';
import { writeCsv, writeTextFile } from './csv-file.ts';
import { rScript } from './r-script.ts';
import { stataDoFile } from './stata.ts';
import { reportVariables } from './variables.ts';
import { CELL_COLUMNS, CHECK_COLUMNS, CODEBOOK_COLUMNS, CORRECTION_COLUMNS, WARNING_COLUMNS, reportHeader } from './columns.ts';
import { correctionRows } from './corrections.ts';
import { cellRows, checkRows, codebookRows, reportRows, warningRows, type RowOptions } from './rows.ts';
import { DOCUMENT_COLUMNS, documentRows } from './documents.ts';

export interface ExportOptions extends RowOptions {
  /** UTF-8 byte order mark (default true). */
  bom?: boolean;
}

export interface ExportedFile {
  name: string;
  path: string;
  /** Data rows (for a script: the variables it loads). */
  rows: number;
}

/** The loading scripts written beside the CSV files. */
export const SCRIPT_FILES = ['reports.do', 'reports.R'];

export async function exportDataset(db: Db, outDir: string, options: ExportOptions = {}): Promise<ExportedFile[]> {
  ensureWideView(db);
  const csv = { bom: options.bom ?? true };
  const files: [string, readonly string[], () => Iterable<(string | number | null | undefined)[]>][] = [
    ['reports.csv', reportHeader(), () => reportRows(db, options)],
    ['cells.csv', CELL_COLUMNS, () => cellRows(db, options)],
    ['checks.csv', CHECK_COLUMNS, () => checkRows(db, options)],
    ['warnings.csv', WARNING_COLUMNS, () => warningRows(db, options)],
    ['codebook.csv', CODEBOOK_COLUMNS, () => codebookRows()],
    ['corrections.csv', CORRECTION_COLUMNS, () => correctionRows(db, options)],
    ['documents.csv', DOCUMENT_COLUMNS, () => documentRows(db)],
  ];
  const out: ExportedFile[] = [];
  for (const [name, header, rows] of files) {
    const path = join(outDir, name);
    out.push({ name, path, rows: await writeCsv(path, header, rows(), csv) });
  }
  const vars = reportVariables();
  for (const [name, text] of [['reports.do', stataDoFile(vars)], ['reports.R', rScript(vars)]] as const) {
    const path = join(outDir, name);
    writeTextFile(path, text);
    out.push({ name, path, rows: vars.length });
  }
  return out;
}
