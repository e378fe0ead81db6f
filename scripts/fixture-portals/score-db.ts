/**
 * What a crawl left in a nianbao database, for the scorer: stored documents (URL, sha256, site), the parse
 * status of each content (reports table, when the pipeline ran), and the fetch log. Read-only; tables that do
 * not exist read as empty. URLs are compared in a normal form (session ids, fragments and parameter order
 * removed), written here independently of the crawler's own canonical form.
 */
import Database from 'better-sqlite3';

export interface StoredDoc {
  url: string;
  norm: string;
  sha256: string;
  siteId: string | null;
}

export interface ParsedReport {
  status: string;
  year: number | null;
  division: string | null;
  body: string | null;
  errorCode: string | null;
}

export interface Fetch {
  url: string;
  siteId: string | null;
  status: number | null;
  conditional: boolean;
}

export interface CrawlDb {
  documents: StoredDoc[];
  /** By sha256. Empty when the pipeline has not parsed anything. */
  reports: Map<string, ParsedReport>;
  fetches: Fetch[];
}

/** URL normal form: lower-case host, no fragment, no `;jsessionid=`, no session parameters, parameters sorted. */
export function normUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.hash = '';
  u.pathname = u.pathname.replace(/;jsessionid=[^/?]*/i, '');
  const keep = [...u.searchParams].filter(([k]) => !/^(jsessionid|t|_)$/i.test(k) && !(k.toLowerCase() === 'sid' && !u.pathname.includes('/gkmlpt/api/')));
  keep.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = new URLSearchParams(keep).toString();
  return u.toString();
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?").get(name) !== undefined;
}

export function readCrawlDb(path: string): CrawlDb {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const documents = hasTable(db, 'documents')
      ? (db.prepare('SELECT url, sha256, site_id AS siteId FROM documents').all() as Omit<StoredDoc, 'norm'>[]).map((d) => ({ ...d, norm: normUrl(d.url) }))
      : [];
    const reports = new Map<string, ParsedReport>();
    if (hasTable(db, 'reports')) {
      for (const r of db.prepare('SELECT sha256, status, year, division_code AS division, body, error_code AS errorCode FROM reports').all() as (ParsedReport & { sha256: string })[]) {
        reports.set(r.sha256, { status: r.status, year: r.year, division: r.division, body: r.body, errorCode: r.errorCode });
      }
    }
    const fetches = hasTable(db, 'fetches')
      ? (db.prepare('SELECT url, site_id AS siteId, status, conditional FROM fetches').all() as (Omit<Fetch, 'conditional'> & { conditional: number })[]).map((f) => ({ ...f, conditional: f.conditional === 1 }))
      : [];
    return { documents, reports, fetches };
  } finally {
    db.close();
  }
}
