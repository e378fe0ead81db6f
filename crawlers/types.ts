/** Types shared by the crawler modules. No I/O here. */
import type { Db } from '../src/store/db.ts';
import type { BlobStore } from '../src/store/blobs.ts';

/** `auto` (every family, each acting where its fingerprint shows) or one CMS family module of crawlers/families/. */
export type AdapterName = 'auto' | 'generic' | 'trs' | 'hanweb' | 'gkmlpt' | 'lonsun' | 'slug' | 'ucap' | 'scripted';
export type RenderMode = 'auto' | 'static' | 'browser';
export type FrontierKind = 'list' | 'detail' | 'attachment';
/**
 * What a list page is: portal home, a 政务公开 hub or organ page on the way to the columns, a 年报 column (or
 * sub-column), a pagination page, a data proxy / API response, an external script that builds a list.
 */
export type ListRole = 'home' | 'hub' | 'column' | 'page' | 'proxy' | 'script';
export type FrontierState = 'pending' | 'in_progress' | 'done' | 'failed' | 'blocked';

/** One row of the site registry (data/sites/), validated. */
export interface SiteConfig {
  id: string;
  name: string;
  /** Administrative division code (GB/T 2260, 6 or 12 digits) when known. */
  division?: string;
  /** Portal home page or a 年报 column. */
  entryUrl: string;
  /** What entryUrl is; `auto` decides from the URL (a 年报 slug → column). */
  entryRole: 'auto' | 'home' | 'column';
  adapter: AdapterName;
  render: RenderMode;
  /** Requests per second per host (default 1). */
  rps: number;
  /** Maximum pages (requests of any kind) per site and cycle (default 2000). */
  pageLimit: number;
  /** Hosts the crawl may fetch from, by suffix (`hongze.gov.cn` also allows `www.hongze.gov.cn`). */
  allowedHosts: string[];
  /** Maximum list depth from the entry (default 6). */
  maxDepth: number;
  /** Force a charset for this site's pages (for servers that lie); default: header → meta → detection. */
  charset?: string;
  /** More 年报 columns to start from besides entryUrl (the registry probe's findings). */
  columns?: string[];
  /** National registry (`nianbao sites`): the unit's level, so reports found under it can be attributed. */
  level?: 'province' | 'prefecture' | 'county' | 'township' | 'department';
  /** Division code of the parent unit. */
  parent?: string;
  /** Where the row comes from (`gov-portals.csv line 12`). */
  source?: string;
  /** `ok` (crawled); rows with any other status are kept in the file but not crawled. */
  status?: string;
}

export interface CrawlProgress {
  pages: number;
  documents: number;
  errors: number;
  blocked: number;
  pending: number;
  inFlight: number;
  elapsedMs: number;
  /** Pages per second since the start. */
  rate: number;
  lastUrl?: string;
}

export interface HostSummary {
  pages: number;
  documents: number;
  newDocuments: number;
  notModified: number;
  errors: number;
  blocked: number;
}

export interface CrawlSummary {
  runId: string;
  /** Responses received (any kind, including 304s and robots.txt). */
  pages: number;
  /** Report documents seen this run (new + changed + unchanged + duplicates). */
  documents: number;
  newDocuments: number;
  /** A known URL whose bytes changed: stored as a new version, the old one kept. */
  changedDocuments: number;
  /** Documents answered 304 or with the same bytes as before. */
  unchanged: number;
  /** New URLs whose bytes are already stored under another URL (recorded, blob stored once). */
  duplicates: number;
  /** URLs that ended failed this run (after retries), robots exclusions not included. */
  errors: number;
  /** URLs answered with a captcha or block page. */
  blocked: number;
  /** URLs robots.txt forbids (not fetched). */
  disallowed: number;
  /** True when the crawl stopped on the abort signal before finishing. */
  aborted: boolean;
  byHost: Record<string, HostSummary>;
  byErrorKind: Record<string, number>;
  /**
   * Links not followed, by reason: offsite (mirrors), url_too_long, depth, hub_depth, page_limit, non-report
   * titles (non_report.*), traps (trap.past_page_count, trap.repeated_items, trap.repeated_page …).
   */
  skipped: Record<string, number>;
  /** Pages fetched and not kept as documents, by verdict (not_report.*). */
  rejected: Record<string, number>;
  elapsedMs: number;
}

export interface CrawlOptions {
  db: Db;
  blobs: BlobStore;
  sites: SiteConfig[];
  runId: string;
  /** Default `nianbao/<version> (+<contact>)`. */
  userAgent?: string;
  /** A URL or e-mail address put in the User-Agent so site operators can reach us. */
  contact?: string;
  /** Finish in-flight requests and stop cleanly; the next crawl resumes. */
  signal?: AbortSignal;
  onProgress?: (p: CrawlProgress) => void;
  /** Progress callback interval in ms (default 2000). */
  progressIntervalMs?: number;
  /** Requests in flight across all hosts (default 8). */
  globalConcurrency?: number;
  /** Default true; false disables rate limits and Crawl-delay (benchmarks only). robots.txt is always obeyed. */
  politeness?: boolean;
  /** `never` disables the browser (JS-rendered lists and cookie challenges then fail). Default auto. */
  browser?: 'auto' | 'never';
  /** Per-request timeout in ms (default 30000). */
  timeoutMs?: number;
  /** Largest response body accepted in bytes (default 50 MB). */
  maxBytes?: number;
  /** Attempts per URL for network errors, 5xx and 429 (default 4). */
  maxAttempts?: number;
  /** Base of the exponential backoff in ms (default 1000). */
  backoffBaseMs?: number;
  /** Longest URL followed (default 1024 characters). */
  maxUrlLength?: number;
  /** Current time source (tests); default Date.now. */
  now?: () => number;
}

/** A link found on a page, classified. */
export interface FoundLink {
  url: string;
  kind: FrontierKind;
  role?: ListRole;
  title?: string;
  publishedAt?: string;
  /** List depth of the target (entry = 0); for hubs, hops from the entry. */
  depth: number;
  /** POST requests (list APIs): method and form-encoded body. GET when absent. */
  method?: 'POST';
  body?: string;
  /** The organ (township, department, sub-column) the link was found under, for attributing reports. */
  context?: string;
  /** Why the link was kept (for `crawl --explain`). */
  reason?: string;
}
