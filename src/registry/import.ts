/**
 * Import core: a portal list's text → registry rows, each joined to its division or kept out of the crawl
 * with its reason, and the import's figures. Pure (the registry and the clock come in); the runner
 * (store.ts, cli/sites.ts) writes the rows in one transaction.
 */
import { createHash } from 'node:crypto';
import { PLACEHOLDER_NAMES } from '../divisions/names.ts';
import type { DivisionRegistry } from '../divisions/registry.ts';
import type { DivisionEntry } from '../divisions/types.ts';
import { ok, warn, type Message, type Result } from '../model/result.ts';
import { markDivisionConflicts, markUrlConflicts, type Claim } from './conflicts.ts';
import { joinPath } from './join.ts';
import { readPortalList, type PortalListRow } from './portal-list.ts';
import { NATIONAL_DEFAULTS, type ImportDefaults, type RegistryRow, type SiteLevel, type SiteStatus } from './types.ts';
import { checkUrl, schemeSwitched, siteKey } from './urls.ts';

export interface ImportFigures {
  rows: number;
  /** Rows joined to a division, by level. */
  joined: Record<SiteLevel, number>;
  /** Rows of the list with three names (省/市/县) and how many of them were joined. */
  countyRows: number;
  countyRowsJoined: number;
  /** Rows the crawl uses. */
  ok: number;
  problems: Partial<Record<SiteStatus, number>>;
  /** Division codes held by more than one row with status ok (0 by construction; printed as a check). */
  codesUsedTwice: number;
}

export interface ImportResult {
  rows: RegistryRow[];
  figures: ImportFigures;
}

export interface ImportOptions {
  /** The list's file name, as `source` names it. */
  file: string;
  defaults?: ImportDefaults;
}

const LEVEL: Record<DivisionEntry['level'], SiteLevel> = { province: 'province', city: 'prefecture', county: 'county', township: 'township' };

/** GB/T 2260 form of a registry code: 6 digits (11 → 110000, 4419 → 441900), 9 for a township. */
export function gbCode(code: string): string {
  return code.length < 6 ? code.padEnd(6, '0') : code;
}

/** The nearest ancestor that is a real unit (not 市辖区 or 省直辖县级行政区划), as a GB/T code. */
function parentCode(registry: DivisionRegistry, e: DivisionEntry): string | null {
  const real = registry.ancestors(e.code).filter((a) => !PLACEHOLDER_NAMES.has(a.name) && a.name !== e.name);
  return real.length ? gbCode(real[real.length - 1].code) : null;
}

const hash = (s: string): string => createHash('sha1').update(s).digest('hex').slice(0, 10);

function baseRow(r: PortalListRow, file: string, d: ImportDefaults): RegistryRow {
  return {
    id: `x-${hash(r.names.join('/') || `${file}:${r.line}`)}`, name: r.name, path: r.names.join('/'), division: null, level: null,
    parent: null, joinRule: null, entryUrl: null, entryRole: 'home', allowedHosts: [], rps: d.rps, pageLimit: d.pageLimit,
    maxDepth: d.maxDepth, source: `${file} line ${r.line}`, sourceMeta: r.meta, status: 'ok', statusReason: null,
  };
}

function rowOf(r: PortalListRow, registry: DivisionRegistry, file: string, d: ImportDefaults): Claim {
  const row = baseRow(r, file, d);
  let ancestors: string[] = [];
  const url = checkUrl(r.url);
  if (url.ok) {
    const switched = schemeSwitched(url.url, r.meta.final_url);
    row.entryUrl = switched ?? url.url;
    if (switched) row.statusReason = 'entry_url is the list\'s final_url (its probe had to switch http/https)';
    row.allowedHosts = [siteKey(url.host)];
  }
  const j = joinPath(r.names, registry);
  if (j.ok) {
    row.division = gbCode(j.entry.code);
    row.id = `gov-${row.division}`;
    row.level = LEVEL[j.entry.level];
    row.parent = parentCode(registry, j.entry);
    row.joinRule = j.rules.join(',');
    ancestors = registry.ancestors(j.entry.code).map((a) => gbCode(a.code));
  } else {
    row.status = j.status;
    row.statusReason = j.reason;
  }
  if (!url.ok && row.status === 'ok') {
    row.status = url.status;
    row.statusReason = url.reason;
  }
  return { row, line: r.line, ancestors };
}

function figuresOf(rows: RegistryRow[], list: PortalListRow[], file: string): ImportFigures {
  const joined: Record<SiteLevel, number> = { province: 0, prefecture: 0, county: 0, township: 0, department: 0 };
  const problems: ImportFigures['problems'] = {};
  const okCodes = new Map<string, number>();
  for (const r of rows) {
    if (r.level) joined[r.level]++;
    if (r.status !== 'ok') problems[r.status] = (problems[r.status] ?? 0) + 1;
    else if (r.division) okCodes.set(r.division, (okCodes.get(r.division) ?? 0) + 1);
  }
  const bySource = new Map(rows.map((r) => [r.source, r]));
  const county = list.filter((l) => l.names.length === 3);
  const joinedAt = (l: PortalListRow): boolean => !!bySource.get(`${file} line ${l.line}`)?.division;
  return {
    rows: rows.length, joined, ok: rows.length - Object.values(problems).reduce((a, b) => a + b, 0), problems,
    countyRows: county.length,
    countyRowsJoined: county.filter(joinedAt).length,
    codesUsedTwice: [...okCodes.values()].filter((n) => n > 1).length,
  };
}

export function importPortalList(text: string, registry: DivisionRegistry, options: ImportOptions): Result<ImportResult> {
  const warnings: Message[] = [];
  const d = options.defaults ?? NATIONAL_DEFAULTS;
  const list = readPortalList(text, options.file);
  const claims = list.rows.map((r) => rowOf(r, registry, options.file, d));
  markDivisionConflicts(claims);
  markUrlConflicts(claims);
  const rows = claims.map((c) => c.row);
  for (const e of list.errors) {
    const row = baseRow({ line: e.line, names: [], name: '', url: '', meta: {} }, options.file, d);
    rows.push({ ...row, id: `x-${hash(e.text ?? `${options.file}:${e.line}`)}`, name: (e.text ?? '').slice(0, 80), status: 'bad_csv', statusReason: e.message });
    warnings.push(warn('registry.bad_csv', `${options.file} line ${e.line}: ${e.message}`));
  }
  const lineOf = (r: RegistryRow): number => Number(r.source.slice(r.source.lastIndexOf(' ') + 1));
  rows.sort((a, b) => lineOf(a) - lineOf(b));
  const seen = new Map<string, number>();
  for (const r of rows) {
    // The same unjoined path twice: ids stay unique.
    const n = seen.get(r.id) ?? 0;
    seen.set(r.id, n + 1);
    if (n > 0) r.id = `${r.id}-${lineOf(r)}`;
  }
  return ok({ rows, figures: figuresOf(rows, list.rows, options.file) }, warnings);
}
