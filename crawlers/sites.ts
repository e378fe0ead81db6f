/**
 * The site registry (data/sites/*.csv or *.json). Columns / keys (snake_case or camelCase):
 * id, name, division, entry_url, entry_role (auto|home|column), adapter (auto or a family of crawlers/families/),
 * render (auto|static|browser), rps, page_limit, allowed_hosts (`;`- or space-separated suffixes; default the
 * entry host without `www.`), max_depth, charset. Lines starting with `#` are comments in CSV.
 * A bad row throws one ConfigError naming the file, the row and the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../src/model/errors.ts';
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
});

function camel(key: string): string {
  return key.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Drops empty strings so defaults apply to blank CSV cells. */
function normaliseKeys(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!(typeof v === 'string' && v.trim() === '')) out[camel(k)] = v;
  return out;
}

/** Validates one registry row; `where` names it in the error. */
export function parseSiteRow(raw: Record<string, unknown>, where: string): SiteConfig {
  const r = RowSchema.safeParse(normaliseKeys(raw));
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
    throw new ConfigError('config.site_invalid', `${where}${raw.id ? ` (id ${String(raw.id)})` : ''}: ${issues}`);
  }
  const v = r.data;
  const allowedHosts = v.allowedHosts?.length ? v.allowedHosts : [new URL(v.entryUrl).hostname.replace(/^www\./, '')];
  if (!hostAllowed(v.entryUrl, allowedHosts)) {
    throw new ConfigError('config.site_invalid', `${where} (id ${v.id}): entry_url host is not in allowed_hosts`);
  }
  return { ...v, allowedHosts };
}

/** Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

function csvRecords(text: string, path: string): { raw: Record<string, unknown>; where: string }[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const headerAt = rows.findIndex((r) => r.join('').trim() !== '' && !r[0].trim().startsWith('#'));
  if (headerAt < 0) return [];
  const header = rows[headerAt].map((h) => h.trim());
  const out: { raw: Record<string, unknown>; where: string }[] = [];
  rows.forEach((cells, i) => {
    if (i <= headerAt || cells.join('').trim() === '' || cells[0].trim().startsWith('#')) return;
    const raw: Record<string, unknown> = {};
    header.forEach((h, j) => (raw[h] = cells[j] ?? ''));
    out.push({ raw, where: `${path} line ${i + 1}` });
  });
  return out;
}

function jsonRecords(text: string, path: string): { raw: Record<string, unknown>; where: string }[] {
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
    return { raw: raw as Record<string, unknown>, where: `${path} entry ${i + 1}` };
  });
}

/** Parses registry text (CSV or JSON by content). */
export function parseSites(text: string, path = 'sites'): SiteConfig[] {
  const trimmed = text.trim().replace(/^\uFEFF/, '');
  const records = trimmed.startsWith('[') || trimmed.startsWith('{') ? jsonRecords(trimmed, path) : csvRecords(text, path);
  const seen = new Set<string>();
  return records.map(({ raw, where }) => {
    const site = parseSiteRow(raw, where);
    if (seen.has(site.id)) throw new ConfigError('config.site_invalid', `${where}: duplicate id ${site.id}`);
    seen.add(site.id);
    return site;
  });
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
  for (const f of files) {
    for (const s of parseSites(readRegistry(join(path, f)), join(path, f))) {
      if (sites.some((x) => x.id === s.id)) throw new ConfigError('config.site_invalid', `${join(path, f)}: duplicate id ${s.id}`);
      sites.push(s);
    }
  }
  return sites;
}
