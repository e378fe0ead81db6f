/**
 * nianbao crawlers — public API (keep stable; the dataset pipeline builds on it).
 *
 *   crawl(opts: CrawlOptions): Promise<CrawlSummary>
 *     CrawlOptions: { db: Db; blobs: BlobStore; sites: SiteConfig[]; runId: string; userAgent?: string;
 *       contact?: string; signal?: AbortSignal (finish in-flight requests and stop cleanly; the next crawl
 *       resumes); onProgress?: (p: CrawlProgress) => void; progressIntervalMs?; globalConcurrency? (default 8);
 *       politeness? (default true; false only for benchmarks — robots.txt is obeyed either way);
 *       browser?: 'auto' | 'never'; timeoutMs? (30 s); maxBytes? (50 MB); maxAttempts? (4); backoffBaseMs? (1 s);
 *       maxUrlLength? (1024) }
 *     CrawlSummary: { runId, pages, documents, newDocuments, changedDocuments, unchanged, duplicates, errors,
 *       blocked, disallowed, aborted, byHost: Record<host, HostSummary>, byErrorKind: Record<kind, count>,
 *       skipped: Record<reason, count>, elapsedMs }
 *   loadSites(path: string): SiteConfig[]     (CSV or JSON; ConfigError naming the bad row)
 *   parseSites(text: string, path?): SiteConfig[]
 *   latestDocuments(db): DocumentRow[]        (latest version of every stored document)
 *   canonicalUrl(href, base?), urlKey(href, base?)
 *
 * Tables (src/store/migrations/100-crawl.sql):
 *   documents — one row per (url_key, sha256): id, url_key, url, site_id, sha256, version, content_type, ext
 *     (pdf | doc | docx | wps | rtf | html | txt | bin), bytes, title, published_at (YYYY-MM-DD), referrer,
 *     first_seen, last_seen. Raw bytes are in the BlobStore under sha256, written before the row. A URL whose
 *     bytes change gets a new row (version + 1); old rows stay. The same bytes at another URL get their own row
 *     (the blob is stored once). HTML detail pages are documents only when they carry the report text or
 *     link no attachment.
 *   frontier — one row per canonical URL (state pending | in_progress | done | failed | blocked, kind list |
 *     detail | attachment, etag / last_modified, retries, last_error, next_attempt_at, depth, referrer …).
 *   fetches — the fetch log (run_id, url, status, bytes, ms, error_kind, conditional, via, evidence, time).
 *   sites — the registry as last crawled, with each site's crawl cycle.
 *
 * Cycles: a crawl resumes a site's unfinished cycle (after a kill or abort: nothing done is fetched again) or
 * opens a new one (lists revisited; stored documents with ETag / Last-Modified revalidated by conditional GET;
 * failures other than 404/410 retried).
 */
export { crawl, defaultUserAgent, CRAWLER_VERSION } from './crawl.ts';
export { loadSites, parseSites } from './sites.ts';
export { latestDocuments, type DocumentRow } from './documents.ts';
export { canonicalUrl, urlKey } from './canonical.ts';
export type { CrawlOptions, CrawlProgress, CrawlSummary, HostSummary, SiteConfig } from './types.ts';
