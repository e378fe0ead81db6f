/**
 * The cross-year check of the 2008–2018 reports: 历年累计 (`p.cum.*`) of year N ≥ that of the same body's
 * nearest earlier year (spec/pre2019). It needs two reports, so it runs over the stored dataset after each
 * parse stage, on the reports `latest_reports` keeps, and owns what it writes: its `P.cum_years` checks,
 * its `check.cum_years` warnings and `cells.flagged_cross`, all rewritten each time (idempotent). A report
 * with a failed cross-year check becomes `flagged`; one whose only reason was such a check becomes `ok` again.
 */
import type { Db } from './db.ts';
import { crossYearChecks, type YearValues } from '../validate/pre2019.ts';

export interface CrossYearStats {
  pairs: number;
  failed: number;
}

const RULE = 'P.cum_years';
const WARNING = 'check.cum_years';

export function applyCrossYearChecks(db: Db): CrossYearStats {
  const stats: CrossYearStats = { pairs: 0, failed: 0 };
  return db.transaction(() => {
    const touched = new Set<number>(db.prepare(`SELECT DISTINCT report_id FROM checks WHERE rule = ?`).pluck().all(RULE) as number[]);
    db.prepare('DELETE FROM checks WHERE rule = ?').run(RULE);
    db.prepare('DELETE FROM report_warnings WHERE code = ?').run(WARNING);
    // Only p2008 reports' flags are this check's; the national templates' (X.1, X.2) are the parser's.
    db.prepare(`UPDATE cells SET flagged_cross = 0 WHERE flagged_cross = 1
      AND report_id IN (SELECT id FROM reports WHERE template = 'p2008')`).run();
    const reports = db.prepare(`SELECT id, COALESCE(division_code, body) AS who, year FROM latest_reports
      WHERE template = 'p2008' ORDER BY who, year`).all() as { id: number; who: string; year: number }[];
    const cum = db.prepare(`SELECT code, value FROM cells WHERE report_id = ? AND code LIKE 'p.cum.%' AND value IS NOT NULL`);
    const valuesOf = (id: number, year: number): YearValues => ({
      year, values: Object.fromEntries((cum.all(id) as { code: string; value: number }[]).map((c) => [c.code, c.value])),
    });
    const seq = db.prepare('SELECT COALESCE(MAX(seq), -1) + 1 FROM checks WHERE report_id = ?').pluck();
    const addCheck = db.prepare('INSERT INTO checks (report_id, seq, rule, col, status, expected, actual, cells_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const wseq = db.prepare('SELECT COALESCE(MAX(seq), -1) + 1 FROM report_warnings WHERE report_id = ?').pluck();
    const addWarning = db.prepare('INSERT INTO report_warnings (report_id, seq, code, level, message, cell) VALUES (?, ?, ?, ?, ?, ?)');
    const flag = db.prepare('UPDATE cells SET flagged_cross = 1 WHERE report_id = ? AND code = ?');
    for (let i = 1; i < reports.length; i++) {
      const [a, b] = [reports[i - 1]!, reports[i]!];
      if (a.who !== b.who || a.year >= b.year) continue;
      const checks = crossYearChecks(valuesOf(a.id, a.year), valuesOf(b.id, b.year));
      if (checks.length === 0) continue;
      stats.pairs++;
      touched.add(b.id);
      for (const c of checks) {
        addCheck.run(b.id, seq.get(b.id), RULE, c.column, c.status, c.expected, c.actual, JSON.stringify(c.cells));
        if (c.status !== 'fail') continue;
        stats.failed++;
        flag.run(b.id, c.column);
        addWarning.run(b.id, wseq.get(b.id), WARNING, 'warning', `${c.column}: 历年累计 ${c.actual} in ${b.year} is below ${c.expected} in ${a.year}`, c.column);
      }
    }
    refreshStatus(db, [...touched]);
    return stats;
  })();
}

/** Status and counts of reports whose cross-year checks changed, from their cells and checks. */
function refreshStatus(db: Db, ids: number[]): void {
  const update = db.prepare(`UPDATE reports SET
      failed_checks = (SELECT COUNT(*) FROM checks WHERE report_id = @id AND status = 'fail'),
      flagged_cells = (SELECT COUNT(*) FROM cells WHERE report_id = @id AND (flagged = 1 OR flagged_cross = 1)),
      status = CASE WHEN EXISTS (SELECT 1 FROM cells WHERE report_id = @id AND (flagged = 1 OR flagged_cross = 1))
                      OR EXISTS (SELECT 1 FROM checks WHERE report_id = @id AND status = 'fail' AND rule NOT LIKE 'X.%')
                    THEN 'flagged' ELSE 'ok' END
    WHERE id = @id AND status IN ('ok', 'flagged')`);
  for (const id of ids) update.run({ id });
}
