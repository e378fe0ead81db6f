/**
 * A body's stored reports of the years next to one report: what the checks across years (X.1, X.2,
 * src/validate/cross-year.ts) compare it with. The body is the report's division code when resolved, else its
 * name, as `latest_reports` groups them; of several reports of one year, the one `latest_reports` keeps (its
 * ordering, among reports with numbers).
 */
import type { Db } from './db.ts';
import type { Neighbours, YearNeighbour } from '../validate/cross-year.ts';

export interface NeighbourKey {
  /** The report's own content (never its own neighbour). */
  sha256: string;
  divisionCode: string | null;
  body: string | null;
  year: number | null;
}

interface Row { id: number; sha256: string; year: number; template: string | null }

/** The stored neighbours (N−1, N+1) of a report, with their values and flags; their sha256 for re-parsing. */
export function neighboursOf(db: Db, key: NeighbourKey): { neighbours: Neighbours; shas: string[] } {
  const who = key.divisionCode ?? key.body;
  if (!who || key.year === null) return { neighbours: {}, shas: [] };
  // The rows latest_reports would keep, read through the (division_code, year) or (body, year) index: the
  // view itself ranks every report, too slow to ask once per report of a re-parse.
  const where = key.divisionCode ? 'division_code = ?' : 'division_code IS NULL AND body = ?';
  const ranked = db.prepare(
    `SELECT id, sha256, year, template FROM reports
     WHERE ${where} AND year IN (?, ?) AND sha256 <> ? AND status IN ('ok', 'flagged', 'partial') AND body IS NOT NULL
     ORDER BY year, (published_at IS NULL), published_at DESC,
       CASE status WHEN 'ok' THEN 0 WHEN 'flagged' THEN 1 ELSE 2 END, failed_checks, fetched_at DESC, id DESC`,
  ).all(who, key.year - 1, key.year + 1, key.sha256) as Row[];
  const rows = ranked.filter((r, i) => i === 0 || ranked[i - 1]!.year !== r.year);
  const cells = db.prepare('SELECT code, value, flagged, flagged_cross AS cross FROM cells WHERE report_id = ?');
  const load = (r: Row): YearNeighbour => {
    const values: Record<string, number | null> = {};
    const flagged: string[] = [];
    for (const c of cells.all(r.id) as { code: string; value: number | null; flagged: number; cross: number }[]) {
      values[c.code] = c.value;
      if (c.flagged && !c.cross) flagged.push(c.code);
    }
    return { year: r.year, template: r.template ?? '', values, flagged };
  };
  const neighbours: Neighbours = {};
  for (const r of rows) neighbours[r.year < key.year ? 'prev' : 'next'] = load(r);
  return { neighbours, shas: rows.map((r) => r.sha256) };
}
