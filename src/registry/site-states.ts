/**
 * What the crawl learned about each site, for coverage (read-only, defensive about missing tables):
 * the portals known per division (imported registry rows of any status, and hand-written sites the crawl
 * has seen), whether the latest crawl reached each site (its fetches of its latest run, and a blocked
 * entry page), and whether a 年报 column was found (a column page crawled, or one the probe recorded).
 */
import type { Db } from '../store/db.ts';

export type Reach = 'reachable' | 'blocked' | 'unreachable' | 'not_crawled';

export interface PortalState {
  siteId: string;
  /** Registry status (`ok`, `parent_portal` …); `ok` for a hand-written site. */
  status: string;
  reach: Reach;
  /** The most frequent error kind of the latest run when unreachable. */
  error: string | null;
  column: boolean;
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

interface FetchFigures {
  ok: number;
  n: number;
  error: string | null;
}

/** Per site: fetches of its latest run (ok = 2xx/3xx answers without an error kind). */
function latestFetches(db: Db): Map<string, FetchFigures> {
  const rows = db.prepare(
    `WITH last AS (SELECT site_id, MAX(id) AS id FROM fetches WHERE site_id IS NOT NULL GROUP BY site_id),
          run AS (SELECT f.site_id, f.run_id FROM fetches f JOIN last ON f.id = last.id)
     SELECT f.site_id AS site, SUM(f.status BETWEEN 200 AND 399 AND f.error_kind IS NULL) AS ok, COUNT(*) AS n,
            (SELECT g.error_kind FROM fetches g WHERE g.site_id = f.site_id AND g.run_id = run.run_id AND g.error_kind IS NOT NULL
             GROUP BY g.error_kind ORDER BY COUNT(*) DESC LIMIT 1) AS error
     FROM fetches f JOIN run ON f.site_id = run.site_id AND f.run_id = run.run_id GROUP BY f.site_id`,
  ).all() as { site: string; ok: number; n: number; error: string | null }[];
  return new Map(rows.map((r) => [r.site, { ok: r.ok, n: r.n, error: r.error }]));
}

/** A 12-digit statistical code as the registry's 6 or 9 digits (410526000000 → 410526, 410526105000 → 410526105). */
export function shortCode(code: string): string {
  if (code.length !== 12 || code.slice(9) !== '000') return code;
  return code.slice(6, 9) === '000' ? code.slice(0, 6) : code.slice(0, 9);
}

function siteSet(db: Db, sql: string): Set<string> {
  return new Set(db.prepare(sql).pluck().all() as string[]);
}

/** Portal states by GB/T division code (6 digits; 9 for a township). Several portals per code are possible. */
export function readPortalStates(db: Db): Map<string, PortalState[]> {
  const out = new Map<string, PortalState[]>();
  const sites: { id: string; division: string; status: string }[] = [];
  if (hasTable(db, 'site_registry')) {
    sites.push(...(db.prepare('SELECT id, division, status FROM site_registry WHERE division IS NOT NULL').all() as typeof sites));
  }
  const known = new Set(sites.map((s) => s.id));
  if (hasTable(db, 'sites')) {
    const crawled = db.prepare("SELECT id, division_code AS division, 'ok' AS status FROM sites WHERE division_code IS NOT NULL").all() as typeof sites;
    for (const s of crawled) if (!known.has(s.id)) sites.push({ ...s, division: shortCode(s.division) });
  }
  const fetched = hasTable(db, 'fetches') ? latestFetches(db) : new Map<string, FetchFigures>();
  const blocked = hasTable(db, 'frontier') ? siteSet(db, "SELECT DISTINCT site_id FROM frontier WHERE depth = 0 AND state = 'blocked'") : new Set<string>();
  const columns = hasTable(db, 'frontier') ? siteSet(db, "SELECT DISTINCT site_id FROM frontier WHERE role = 'column' AND state = 'done'") : new Set<string>();
  if (hasTable(db, 'site_columns')) for (const id of siteSet(db, 'SELECT DISTINCT site_id FROM site_columns WHERE gone_at IS NULL')) columns.add(id);
  for (const s of sites) {
    const f = fetched.get(s.id);
    const reach: Reach = blocked.has(s.id) ? 'blocked' : !f ? 'not_crawled' : f.ok > 0 ? 'reachable' : 'unreachable';
    const state: PortalState = { siteId: s.id, status: s.status, reach, error: reach === 'unreachable' ? f?.error ?? null : null, column: columns.has(s.id) };
    const l = out.get(s.division);
    if (l) l.push(state);
    else out.set(s.division, [state]);
  }
  return out;
}
