/**
 * Reviewers' corrections (`nianbao review`, `nianbao corrections`): one row per (document sha256, code), kept
 * apart from the parse so that every re-parse applies them again (src/review/apply.ts). A code is a codebook
 * cell or a report field (REPORT_FIELDS).
 */
import type { Db } from './db.ts';

export type CorrectionAction = 'set' | 'empty' | 'confirm';

/** Report fields a reviewer may decide, under the reports.csv column they change. */
export const REPORT_FIELDS = ['report.status', 'report.body', 'report.year', 'report.division_code'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export function isReportField(code: string): code is ReportField {
  return (REPORT_FIELDS as readonly string[]).includes(code);
}

export interface Correction {
  sha256: string;
  code: string;
  action: CorrectionAction;
  /** set: the value (a number for cells and report.year, text for the other report fields); confirm: the value confirmed. */
  value: number | string | null;
  /** What the parser gave when the decision was made (null: empty). */
  parsed: number | string | null;
  note: string | null;
  reviewer: string;
  /** ISO time. */
  correctedAt: string;
}

const COLUMNS = `sha256, code, action, value, parsed, note, reviewer, corrected_at AS correctedAt`;

export function correctionsFor(db: Db, sha: string): Correction[] {
  return db.prepare(`SELECT ${COLUMNS} FROM corrections WHERE sha256 = ? ORDER BY code`).all(sha) as Correction[];
}

export function getCorrection(db: Db, sha: string, code: string): Correction | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM corrections WHERE sha256 = ? AND code = ?`).get(sha, code) as Correction | undefined;
}

/** Every correction, by document and code (the export order). */
export function allCorrections(db: Db): Correction[] {
  return db.prepare(`SELECT ${COLUMNS} FROM corrections ORDER BY sha256, code`).all() as Correction[];
}

/** Whole numbers are bound as SQLite integers (better-sqlite3 binds a JS number as a real: 2.0). */
function bindable(v: number | string | null): number | bigint | string | null {
  return typeof v === 'number' && Number.isSafeInteger(v) ? BigInt(v) : v;
}

/** Inserts or replaces the decision for (sha256, code). */
export function saveCorrection(db: Db, c: Correction): void {
  db.prepare(
    `INSERT INTO corrections (sha256, code, action, value, parsed, note, reviewer, corrected_at)
     VALUES (@sha256, @code, @action, @value, @parsed, @note, @reviewer, @correctedAt)
     ON CONFLICT (sha256, code) DO UPDATE SET action = excluded.action, value = excluded.value,
       parsed = excluded.parsed, note = excluded.note, reviewer = excluded.reviewer, corrected_at = excluded.corrected_at`,
  ).run({ ...c, value: bindable(c.value), parsed: bindable(c.parsed) });
}

/** Removes a decision (the parser's value stands again at the next parse); true when there was one. */
export function deleteCorrection(db: Db, sha: string, code: string): boolean {
  return db.prepare('DELETE FROM corrections WHERE sha256 = ? AND code = ?').run(sha, code).changes > 0;
}

export interface MergeResult {
  added: number;
  replaced: number;
  /** Rows identical to, or older than, what the store holds. */
  kept: number;
  /** Documents whose decisions changed. */
  changedShas: string[];
}

/**
 * Merges corrections from another machine: a row replaces the store's only when it is newer (corrected_at),
 * so importing the same file twice, or an older file, changes nothing. One transaction.
 */
export function mergeCorrections(db: Db, rows: readonly Correction[]): MergeResult {
  const out: MergeResult = { added: 0, replaced: 0, kept: 0, changedShas: [] };
  const changed = new Set<string>();
  db.transaction(() => {
    for (const row of rows) {
      const have = getCorrection(db, row.sha256, row.code);
      if (have && (have.correctedAt >= row.correctedAt || sameDecision(have, row))) {
        out.kept++;
        continue;
      }
      saveCorrection(db, row);
      if (have) out.replaced++;
      else out.added++;
      changed.add(row.sha256);
    }
  })();
  out.changedShas = [...changed].sort();
  return out;
}

function sameDecision(a: Correction, b: Correction): boolean {
  return a.action === b.action && a.value === b.value && a.note === b.note && a.reviewer === b.reviewer;
}
