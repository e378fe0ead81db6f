/**
 * The site registry (data/sites/*.csv or *.json). Columns / keys (snake_case or camelCase):
 * id, name, division, entry_url, entry_role (auto|home|column), adapter (auto or a family of crawlers/families/),
 * render (auto|static|browser), rps, page_limit, allowed_hosts (`;`- or space-separated suffixes; default the
 * entry host without `www.`), max_depth, charset; and from `nianbao sites export`: level, parent, source,
 * status (rows whose status is not `ok` are kept in the file but not crawled), status_reason.
 * Lines starting with `#` are comments in CSV (read with csv-parse, RFC 4180).
 * Every problem throws one ConfigError naming the file and the line or row: a CSV syntax error, a column or
 * key the registry does not know (with the nearest known name), a bad value, a duplicate id, and a registry
 * with no site to crawl.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { editDistance } from '../src/divisions/names.ts';
import { ConfigError } from '../src/model/errors.ts';
import { CsvSyntaxError, readCsv } from '../src/registry/csv-lines.ts';
import { hostAllowed } from './canonical.ts';
import { ADAPTERS } from './families/index.ts';
import type { SiteConfig } from './types.ts';

const list = z.union([z.array(z.string()), z.string()]).transform((v) =>
  (Array.isArray(v) ? v : v.split(/[;,|\s]+/)).map((s) => s.trim().toLowerCase()).filter(Boolean),
);
const optionalText = z.string().trim().optional().transform((v) => (v ? v : undefined));

const RowSchema = z.object({
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'letters, digits, . _ - (at most 64)'),
  name: z.string().trim().min(1, 'required'),
  division: optionalText.refine((v) => v === undefined || /^\d{6}(\d{3}|\d{6})?$/.test(v), '6, 9 or 12 digits'),
  entryUrl: z.string().trim().url().refine((v) => /^https?:\/\//i.test(v), 'http(s) URL'),
  entryRole: z.enum(['auto', 'home', 'column']).default('auto'),
  adapter: z.enum(ADAPTERS).default('auto'),
  render: z.enum(['auto', 'static', 'browser']).default('auto'),
  rps: z.coerce.number().positive().max(100).default(1),
  pageLimit: z.coerce.number().int().min(1).default(2000),
  allowedHosts: list.optional(),
  maxDepth: z.coerce.number().int().min(0).max(20).default(6),
  charset: optionalText,
  level: z.enum(['province', 'prefecture', 'county', 'township', 'department']).optional(),
  parent: optionalText.refine((v) => v === undefined || /^\d{6}(\d{3})?$/.test(v), '6 or 9 digits'),
  source: optionalText,
  status: z.string().trim().regex(/^[a-z_]+$/, 'a word such as ok or no_url').optional(),
  statusReason: optionalText,
});

/** Column names of a registry file, as written in CSV headers. */
export const SITE_COLUMNS = ['id', 'name', 'division', 'entry_url', 'entry_role', 'adapter', 'render', 'rps', 'page_limit',
  'allowed_hosts', 'max_depth', 'charset', 'level', 'parent', 'source', 'status', 'status_reason'] as const;

function camel(key: string): string {
  return key.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

const KNOWN = new Map(SITE_COLUMNS.map((c) => [camel(c), c]));

/** `page_limt` → `page_limit`: the known column nearest to an unknown one, if any is close. */
export function nearestColumn(name: string): string | null {
  const key = name.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[\s-]+/g, '_');
  let best: string | null = null;
  let bestD = 3;
  for (const c of SITE_COLUMNS) {
    const d = editDistance(key, c, 2);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

/** Throws for every key the registry does not know, naming the nearest known column. */
function checkKeys(keys: string[], where: string): void {
  const unknown = keys.filter((k) => !KNOWN.has(camel(k)));
  if (unknown.length === 0) return;
  const hints = unknown.map((k) => {
    const near = nearestColumn(k);
    return near ? `${k} (did you mean ${near}?)` : k;
  });
  throw new ConfigError('config.site_unknown_column', `${where}: unknown column${unknown.length > 1 ? 's' : ''} ${hints.join(', ')}; known: ${SITE_COLUMNS.join(', ')}`);
}

/** Drops empty strings so defaults apply to blank CSV cells. */
function normaliseKeys(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!(typeof v === 'string' && v.trim() === '')) out[camel(k)] = v;
  return out;
}

/** A row the crawl skips: its status says why (kept in the file so a person can fix it). */
function skipped(raw: Record<string, unknown>): boolean {
  const s = raw.status;
  return typeof s === 'string' && s.trim() !== '' && s.trim() !== 'ok';
}

/** Validates one registry row; `where` names it in the error. */
export function parseSiteRow(raw: Record<string, unknown>, where: string): SiteConfig {
  const r = RowSchema.safeParse(normaliseKeys(raw));
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
    throw new ConfigError('config.site_invalid', `${where}${raw.id ? ` (id ${String(raw.id)})` : ''}: ${issues}`);
  }
  const { statusReason: _reason, ...v } = r.data;
  const allowedHosts = v.allowedHosts?.length ? v.allowedHosts : [new URL(v.entryUrl).hostname.replace(/^www\./, '')];
  if (!hostAllowed(v.entryUrl, allowedHosts)) {
    throw new ConfigError('config.site_invalid', `${where} (id ${v.id}): entry_url host is not in allowed_hosts`);
  }
  const site: Record<string, unknown> = { ...v, allowedHosts };
  for (const k of Object.keys(site)) if (site[k] === undefined) delete site[k];
  return site as unknown as SiteConfig;
}

interface RawRecord {
  raw: Record<string, unknown>;
  where: string;
}

function csvRecords(text: string, path: string): RawRecord[] {
  let records;
  try {
    records = readCsv(text).records;
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ConfigError('config.site_file_invalid', `${path} line ${e.line}: ${e.reason}`, { cause: e });
    throw e;
  }
  const [head, ...rows] = records.filter((r) => r.cells.join('').trim() !== '');
  if (!head) return [];
  const header = head.cells.map((h) => h.trim());
  checkKeys(header, `${path} line ${head.line}`);
  return rows.map(({ line, cells }) => {
    if (cells.length > header.length) {
      throw new ConfigError('config.site_invalid', `${path} line ${line}: ${cells.length} fields where the header has ${header.length} (an unquoted comma?)`);
    }
    const raw: Record<string, unknown> = {};
    header.forEach((h, j) => (raw[h] = cells[j] ?? ''));
    return { raw, where: `${path} line ${line}` };
  });
}

function jsonRecords(text: string, path: string): RawRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError('config.site_file_invalid', `${path}: not valid JSON (${(e as Error).message})`);
  }
  const arr = Array.isArray(value) ? value : (value as { sites?: unknown })?.sites;
  if (!Array.isArray(arr)) throw new ConfigError('config.site_file_invalid', `${path}: expected an array of sites or {"sites": [...]}`);
  return arr.map((raw, i) => {
    if (raw === null || typeof raw !== 'object') throw new ConfigError('config.site_invalid', `${path} entry ${i + 1}: not an object`);
    checkKeys(Object.keys(raw), `${path} entry ${i + 1}`);
    return { raw: raw as Record<string, unknown>, where: `${path} entry ${i + 1}` };
  });
}

/** The sites to crawl of one registry text (CSV or JSON by content), without the empty-registry check. */
function parseSiteList(text: string, path: string): SiteConfig[] {
  const trimmed = text.trim().replace(/^\uFEFF/, '');
  const records = trimmed.startsWith('[') || trimmed.startsWith('{') ? jsonRecords(trimmed, path) : csvRecords(text, path);
  const seen = new Set<string>();
  const sites: SiteConfig[] = [];
  for (const { raw, where } of records) {
    const id = String(raw.id ?? '').trim();
    if (id && seen.has(id)) throw new ConfigError('config.site_invalid', `${where}: duplicate id ${id}`);
    seen.add(id);
    if (!skipped(raw)) sites.push(parseSiteRow(raw, where));
  }
  return sites;
}

function nonEmpty(sites: SiteConfig[], path: string): SiteConfig[] {
  if (sites.length === 0) {
    throw new ConfigError('config.site_registry_empty', `${path}: no site to crawl (no row, or no row with status ok)`);
  }
  return sites;
}

/** Parses registry text (CSV or JSON by content): the sites to crawl; an error when there is none. */
export function parseSites(text: string, path = 'sites'): SiteConfig[] {
  return nonEmpty(parseSiteList(text, path), path);
}

function readRegistry(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError('config.site_file_missing', `cannot read site registry ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** A registry file (CSV or JSON), or a folder: every *.csv and *.json in it, ids unique across files. */
export function loadSites(path: string): SiteConfig[] {
  if (!existsSync(path) || !statSync(path).isDirectory()) return parseSites(readRegistry(path), path);
  const files = readdirSync(path).filter((f) => /\.(csv|json)$/i.test(f)).sort();
  const sites: SiteConfig[] = [];
  const ids = new Set<string>();
  for (const f of files) {
    for (const s of parseSiteList(readRegistry(join(path, f)), join(path, f))) {
      if (ids.has(s.id)) throw new ConfigError('config.site_invalid', `${join(path, f)}: duplicate id ${s.id}`);
      ids.add(s.id);
      sites.push(s);
    }
  }
  return nonEmpty(sites, path);
}
