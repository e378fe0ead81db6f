/**
 * Did the crawl reach its sites? Read from the crawler's tables after a crawl: per site, the answers it got
 * this run (any HTTP status below 500) and the documents it saw (documents.last_seen since the crawl began). A site that got no answer at all was unreachable. The run is an outage when every site was
 * unreachable, or when the crawl saw no document where the previous crawl of the same sites saw some: a
 * nightly job must not report that as success.
 */
import type { Db } from '../store/db.ts';

export interface SiteHealth {
  /** Requests this run, and how many got an answer (an HTTP status below 500). */
  requests: number;
  answered: number;
  /** Documents seen this run (new, changed, unchanged or answered 304). */
  documents: number;
}

export type CrawlVerdict = 'ok' | 'sites_failed' | 'outage';

export interface CrawlHealth {
  verdict: CrawlVerdict;
  /** Sites crawled, and those that got no answer to any request. */
  sites: number;
  unreachable: string[];
  /** Sites that saw no document this run where their previous crawl saw some. */
  emptied: string[];
  documents: number;
  /** Documents the previous crawl of these sites saw (null when none is recorded). */
  previousDocuments: number | null;
  /** Why, in one sentence, when the verdict is not ok. */
  reason?: string;
  /** Documents seen per site this run (kept in the run summary for the next run's comparison). */
  documentsBySite: Record<string, number>;
}

/** Names listed in a reason before "and N more". */
const LIST = 5;

/** A site as the health check sees it: its id and the hosts of its entry URL(s). */
export interface SiteRef {
  id: string;
  hosts: string[];
}

/**
 * Per-site figures of crawl `runId`, which started at `since` (ISO time). A request counts as answered when
 * the server sent any status below 500 (a 404 robots.txt is an answer; a 502 is not). robots.txt requests
 * carry no site: they count for the sites whose entry host they were sent to.
 */
export function siteHealth(db: Db, runId: string, since: string, sites: readonly SiteRef[]): Map<string, SiteHealth> {
  const out = new Map<string, SiteHealth>(sites.map((s) => [s.id, { requests: 0, answered: 0, documents: 0 }]));
  const byHost = new Map<string, SiteHealth[]>();
  for (const s of sites) for (const h of s.hosts) byHost.set(h, [...(byHost.get(h) ?? []), out.get(s.id)!]);
  const fetches = db.prepare('SELECT site_id AS site, url, status FROM fetches WHERE run_id = ?').iterate(runId) as Iterable<{ site: string | null; url: string; status: number | null }>;
  for (const f of fetches) {
    const targets = f.site !== null ? [out.get(f.site)] : (byHost.get(hostOf(f.url)) ?? []);
    for (const h of targets) {
      if (!h) continue;
      h.requests++;
      if (f.status !== null && f.status >= 200 && f.status < 500) h.answered++;
    }
  }
  const seen = db.prepare(
    'SELECT site_id AS site, COUNT(DISTINCT url_key) AS n FROM documents WHERE last_seen >= ? AND site_id IS NOT NULL GROUP BY site_id',
  ).all(since) as { site: string; n: number }[];
  for (const s of seen) {
    const h = out.get(s.site);
    if (h) h.documents = s.n;
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * The verdict on one crawl. `previous` holds the documents per site of the last recorded crawl (sites it did
 * not crawl are missing); `aborted` crawls (stopped by a signal) are never called an outage.
 */
export function judgeCrawl(sites: Map<string, SiteHealth>, previous: Record<string, number> | null, aborted = false): CrawlHealth {
  const ids = [...sites.keys()];
  const unreachable = ids.filter((id) => { const h = sites.get(id)!; return h.requests > 0 && h.answered === 0; });
  const documentsBySite = Object.fromEntries(ids.map((id) => [id, sites.get(id)!.documents]));
  const documents = ids.reduce((n, id) => n + sites.get(id)!.documents, 0);
  const known = previous ? ids.filter((id) => previous[id] !== undefined) : [];
  const previousDocuments = previous && known.length ? known.reduce((n, id) => n + previous[id]!, 0) : null;
  const emptied = known.filter((id) => previous![id]! > 0 && sites.get(id)!.documents === 0);
  const base = { sites: ids.length, unreachable, emptied, documents, previousDocuments, documentsBySite };
  if (aborted || ids.length === 0) return { verdict: 'ok', ...base };
  if (unreachable.length === ids.length) {
    return { verdict: 'outage', ...base, reason: `no site answered: all ${ids.length} unreachable (${names(unreachable)})` };
  }
  if (documents === 0 && (previousDocuments ?? 0) > 0) {
    return { verdict: 'outage', ...base, reason: `the crawl saw no document where the previous crawl of these sites saw ${previousDocuments}` };
  }
  if (unreachable.length || emptied.length) {
    const parts = [
      unreachable.length ? `${unreachable.length} of ${ids.length} sites unreachable (${names(unreachable)})` : '',
      emptied.length ? `${emptied.length} sites saw no document where they saw some before (${names(emptied)})` : '',
    ].filter(Boolean);
    return { verdict: 'sites_failed', ...base, reason: parts.join('; ') };
  }
  return { verdict: 'ok', ...base };
}

function names(ids: string[]): string {
  return ids.length <= LIST ? ids.join(', ') : `${ids.slice(0, LIST).join(', ')} and ${ids.length - LIST} more`;
}

/** Documents per site of the last recorded crawl (`crawl.health` in a run summary), or null. */
export function previousCrawl(db: Db, beforeRunId: string): Record<string, number> | null {
  const rows = db.prepare(
    `SELECT summary_json FROM runs WHERE id <> ? AND summary_json LIKE '%"documentsBySite"%'
     ORDER BY started_at DESC, id DESC LIMIT 1`,
  ).pluck().all(beforeRunId) as string[];
  if (!rows.length) return null;
  const s = JSON.parse(rows[0]!) as { crawl?: { health?: { documentsBySite?: Record<string, number> } } };
  return s.crawl?.health?.documentsBySite ?? null;
}

/** Judges crawl `runId` (started at `since`) of `sites` against the last recorded crawl. */
export function crawlHealth(db: Db, runId: string, since: string, sites: readonly { id: string; entryUrl: string }[], aborted: boolean): CrawlHealth {
  const refs = sites.map((s) => ({ id: s.id, hosts: [hostOf(s.entryUrl)] }));
  return judgeCrawl(siteHealth(db, runId, since, refs), previousCrawl(db, runId), aborted);
}
