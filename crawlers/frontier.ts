/**
 * The SQLite-backed frontier (table `frontier`, one row per canonical URL) and the per-site crawl cycle
 * (table `sites`). A cycle is one complete pass over a site. Starting a crawl either resumes an unfinished
 * cycle (in_progress rows go back to pending, nothing done is fetched again) or opens a new one: list pages
 * are revisited, documents with validators are revalidated by conditional GET, failures are retried.
 */
import type { Db } from '../src/store/db.ts';
import { stmt } from './statements.ts';
import { hostOf, urlKey } from './canonical.ts';
import type { FoundLink, FrontierKind, FrontierState, ListRole, SiteConfig } from './types.ts';


/**
 * How many of the oldest claimable rows one claim looks at: a few times what it may return (its window function
 * sorts them all), at most 5,000 (bounds its cost on a huge frontier).
 */
const claimWindow = (perHost: number, limit: number): number => Math.min(5000, Math.max(256, perHost * limit * 4));
export interface FrontierRow {
  url_key: string;
  url: string;
  site_id: string;
  host: string;
  kind: FrontierKind;
  role: ListRole | null;
  state: FrontierState;
  retries: number;
  last_error: string | null;
  next_attempt_at: string | null;
  etag: string | null;
  last_modified: string | null;
  depth: number;
  referrer: string | null;
  title: string | null;
  published_at: string | null;
  sha256: string | null;
  render: string | null;
  cycle: number;
  fetched_at: string | null;
  /** NULL = GET. */
  method: 'POST' | null;
  body: string | null;
  context: string | null;
  verdict: string | null;
}

/** The frontier key of a link: its URL key, plus method and body for POSTed list requests. */
export function linkKey(link: Pick<FoundLink, 'url' | 'method' | 'body'>): string | undefined {
  const key = urlKey(link.url);
  if (!key || link.method !== 'POST') return key;
  return `${key} POST ${link.body ?? ''}`;
}

/** Errors not worth retrying in the next cycle. */
const PERMANENT = ['http.404', 'http.410'];

export class Frontier {
  constructor(private readonly db: Db) {}

  /** Registers the site and opens or resumes its cycle. Returns the cycle number and whether it resumed. */
  startSite(site: SiteConfig, entryRole: ListRole, nowIso: string): { cycle: number; resumed: boolean } {
    const db = this.db;
    return db.transaction(() => {
      stmt(db, 
        `INSERT INTO sites (id, name, division_code, entry_url, config_json, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, division_code = excluded.division_code,
           entry_url = excluded.entry_url, config_json = excluded.config_json, updated_at = excluded.updated_at`,
      ).run(site.id, site.name, site.division ?? null, site.entryUrl, JSON.stringify(site), nowIso);
      const row = stmt(db, 'SELECT cycle, cycle_finished_at FROM sites WHERE id = ?').get(site.id) as { cycle: number; cycle_finished_at: string | null };
      stmt(db, "UPDATE frontier SET state = 'pending' WHERE site_id = ? AND state = 'in_progress'").run(site.id);
      const resumed = row.cycle > 0 && row.cycle_finished_at === null;
      let cycle = row.cycle;
      if (!resumed) {
        cycle += 1;
        stmt(db, 'UPDATE sites SET cycle = ?, cycle_started_at = ?, cycle_finished_at = NULL WHERE id = ?').run(cycle, nowIso, site.id);
        stmt(db, 
          `UPDATE frontier SET state = 'pending', retries = 0, next_attempt_at = NULL
           WHERE site_id = ? AND (kind = 'list' OR state = 'blocked'
             OR (state = 'failed' AND coalesce(last_error, '') NOT IN (${PERMANENT.map(() => '?').join(',')}))
             OR (state = 'done' AND (etag IS NOT NULL OR last_modified IS NOT NULL)))`,
        ).run(site.id, ...PERMANENT);
      }
      this.add(site.id, { url: site.entryUrl, kind: 'list', role: entryRole, depth: 0 }, null, cycle);
      for (const url of site.columns ?? []) this.add(site.id, { url, kind: 'list', role: 'column', depth: 0 }, null, cycle);
      return { cycle, resumed };
    })();
  }

  finishCycle(siteId: string, nowIso: string): void {
    stmt(this.db, 'UPDATE sites SET cycle_finished_at = ? WHERE id = ?').run(nowIso, siteId);
  }

  /**
   * Adds a discovered link (first discovery wins). A known document whose listed publication date changed
   * since it was last fetched is queued again. Returns true when the URL is new.
   */
  add(siteId: string, link: FoundLink, referrer: string | null, cycle: number): boolean {
    const key = linkKey(link);
    if (!key) return false;
    const existing = stmt(this.db, 'SELECT state, kind, published_at, cycle FROM frontier WHERE url_key = ?').get(key) as
      | { state: FrontierState; kind: FrontierKind; published_at: string | null; cycle: number }
      | undefined;
    if (existing) {
      if (existing.state === 'done' && existing.kind !== 'list' && existing.cycle < cycle && link.publishedAt
        && existing.published_at && link.publishedAt !== existing.published_at) {
        stmt(this.db, "UPDATE frontier SET state = 'pending', published_at = ? WHERE url_key = ?").run(link.publishedAt, key);
      }
      return false;
    }
    stmt(this.db, 
      `INSERT INTO frontier (url_key, url, site_id, host, kind, role, depth, referrer, title, published_at, discovered_at, cycle,
         method, body, context)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    ).run(key, link.url, siteId, hostOf(link.url), link.kind, link.role ?? null, link.depth, referrer, link.title ?? null,
      link.publishedAt ?? null, new Date().toISOString(), link.method ?? null, link.method ? link.body ?? '' : null, link.context ?? null);
    return true;
  }

  /**
   * Claims up to `perHost` due rows per host (oldest first), skipping hosts and sites given, and marks them
   * in_progress.
   */
  claim(nowIso: string, perHost: number, limit: number, skipHosts: string[], skipSites: string[], onlySites: string[]): FrontierRow[] {
    const rows = stmt(this.db, 
      `SELECT * FROM (
         SELECT w.*, row_number() OVER (PARTITION BY host ORDER BY seq) AS rn FROM (
           -- A bounded slice of the oldest pending rows (index frontier_pending_order): claim time stays
           -- flat as the frontier grows; rows past the slice are claimed in later rounds.
           SELECT f.*, f.rowid AS seq FROM frontier f
           WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
             AND host NOT IN (SELECT value FROM json_each(?)) AND site_id NOT IN (SELECT value FROM json_each(?))
             AND site_id IN (SELECT value FROM json_each(?))
           ORDER BY f.rowid LIMIT ?) w)
       WHERE rn <= ? ORDER BY rn, seq LIMIT ?`,
    ).all(nowIso, JSON.stringify(skipHosts), JSON.stringify(skipSites), JSON.stringify(onlySites), claimWindow(perHost, limit), perHost, limit) as FrontierRow[];
    const mark = stmt(this.db, "UPDATE frontier SET state = 'in_progress' WHERE url_key = ?");
    this.db.transaction(() => rows.forEach((r) => mark.run(r.url_key)))();
    return rows;
  }

  /** Earliest next_attempt_at of a pending row (epoch ms), or undefined when nothing waits. */
  nextWakeup(skipSites: string[], onlySites: string[]): number | undefined {
    const r = stmt(this.db, 
      `SELECT min(coalesce(next_attempt_at, '')) AS t, count(*) AS n FROM frontier
       WHERE state = 'pending' AND site_id NOT IN (SELECT value FROM json_each(?))
         AND site_id IN (SELECT value FROM json_each(?))`,
    ).get(JSON.stringify(skipSites), JSON.stringify(onlySites)) as { t: string | null; n: number };
    if (r.n === 0) return undefined;
    return r.t ? Date.parse(r.t) : 0;
  }

  /** True when the link's URL (and request) is already in the frontier. */
  known(link: Pick<FoundLink, 'url' | 'method' | 'body'>): boolean {
    const key = linkKey(link);
    return key !== undefined && stmt(this.db, 'SELECT 1 FROM frontier WHERE url_key = ?').get(key) !== undefined;
  }

  /** Puts a claimed row back untouched (abort before its request started). */
  release(key: string): void {
    stmt(this.db, "UPDATE frontier SET state = 'pending' WHERE url_key = ? AND state = 'in_progress'").run(key);
  }

  /** Marks a row done; `verdict` says why a fetched page was not kept (not_report.*), NULL otherwise. */
  done(key: string, cycle: number, fields: { etag?: string | null; lastModified?: string | null; sha256?: string | null; render?: string | null; verdict?: string | null }): void {
    stmt(this.db, 
      `UPDATE frontier SET state = 'done', last_error = NULL, next_attempt_at = NULL, retries = 0, cycle = ?,
         fetched_at = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), sha256 = coalesce(?, sha256),
         render = coalesce(?, render), verdict = ?
       WHERE url_key = ?`,
    ).run(cycle, new Date().toISOString(), fields.etag ?? null, fields.lastModified ?? null, fields.sha256 ?? null, fields.render ?? null,
      fields.verdict ?? null, key);
  }

  retry(key: string, cycle: number, error: string, nextAt: number, countsAsRetry = true): void {
    stmt(this.db, 
      `UPDATE frontier SET state = 'pending', last_error = ?, next_attempt_at = ?, retries = retries + ?, cycle = ?
       WHERE url_key = ?`,
    ).run(error, new Date(nextAt).toISOString(), countsAsRetry ? 1 : 0, cycle, key);
  }

  end(key: string, cycle: number, state: 'failed' | 'blocked', error: string): void {
    stmt(this.db, 'UPDATE frontier SET state = ?, last_error = ?, next_attempt_at = NULL, cycle = ?, fetched_at = ? WHERE url_key = ?')
      .run(state, error, cycle, new Date().toISOString(), key);
  }

  /** Switches a row to browser rendering and queues it again at once. */
  requeueForBrowser(key: string): void {
    stmt(this.db, "UPDATE frontier SET state = 'pending', render = 'browser', next_attempt_at = NULL WHERE url_key = ?").run(key);
  }

  /** Rows of a site fetched in this cycle (the page limit counts these). */
  fetchedInCycle(siteId: string, cycle: number): number {
    return (stmt(this.db, 'SELECT count(*) AS n FROM frontier WHERE site_id = ? AND cycle = ? AND fetched_at IS NOT NULL')
      .get(siteId, cycle) as { n: number }).n;
  }

  /** Rows still to do for a site (pending or in_progress). */
  open(siteId: string): number {
    return (stmt(this.db, "SELECT count(*) AS n FROM frontier WHERE site_id = ? AND state IN ('pending', 'in_progress')")
      .get(siteId) as { n: number }).n;
  }

  pendingCount(): number {
    return (stmt(this.db, "SELECT count(*) AS n FROM frontier WHERE state = 'pending'").get() as { n: number }).n;
  }
}
