/**
 * Types of the national site registry (`nianbao sites`): one row per government unit and portal, joined to
 * its GB/T 2260 division code, with the reason it is or is not crawled. No I/O here.
 */

export type SiteLevel = 'province' | 'prefecture' | 'county' | 'township' | 'department';
export const SITE_LEVELS: readonly SiteLevel[] = ['province', 'prefecture', 'county', 'township', 'department'];

/**
 * `ok`: the crawl uses the row. Any other value says why not:
 * `no_url` (the list has none), `bad_url` (not an http(s) URL), `unjoined` (no division matches the names),
 * `ambiguous` (several do), `duplicate_division` (an earlier row already holds the code),
 * `duplicate_url` (another unit claims the same site), `parent_portal` (the URL is the parent unit's portal),
 * `bad_csv` (the line could not be read).
 */
export type SiteStatus =
  | 'ok' | 'no_url' | 'bad_url' | 'unjoined' | 'ambiguous' | 'duplicate_division' | 'duplicate_url' | 'parent_portal'
  | 'bad_csv';
export const SITE_STATUSES: readonly SiteStatus[] = [
  'ok', 'no_url', 'bad_url', 'unjoined', 'ambiguous', 'duplicate_division', 'duplicate_url', 'parent_portal', 'bad_csv',
];

/** One row of the registry as stored in `site_registry` (migration 110). */
export interface RegistryRow {
  /** Stable: `gov-<division code>` when joined; otherwise `x-<hash of the list's path>`. */
  id: string;
  name: string;
  /** Names along the path as the list gives them (`浙江省/舟山市/普陀区`). */
  path: string;
  /** GB/T 2260 code: 6 digits (9 for a township); null when not joined. */
  division: string | null;
  level: SiteLevel | null;
  /** Division code of the parent unit (6 digits); null for a province or when not joined. */
  parent: string | null;
  /** How the names were joined: `exact`, `short`, `renamed`, `in_province` (comma-separated). */
  joinRule: string | null;
  entryUrl: string | null;
  entryRole: 'auto' | 'home' | 'column';
  allowedHosts: string[];
  rps: number;
  pageLimit: number;
  maxDepth: number;
  /** `<file name> line <n>`. */
  source: string;
  /** The list's own columns about the row (its reachability probe: access_method, final_url, checked_at …). */
  sourceMeta: Record<string, string>;
  status: SiteStatus;
  statusReason: string | null;
}

/** Crawl settings given to every imported row (the politeness of a national crawl). */
export interface ImportDefaults {
  rps: number;
  pageLimit: number;
  maxDepth: number;
}

export const NATIONAL_DEFAULTS: ImportDefaults = { rps: 0.5, pageLimit: 1500, maxDepth: 6 };
