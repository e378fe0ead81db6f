/**
 * A probe result written to the registry, in one transaction: the portal's final URL, footer code, family and
 * block class with the probe's date; its 年报 columns in `site_columns` (a column not seen again is marked
 * gone, never deleted, so a column that moved keeps its history); the township and department columns as
 * child rows (townships keyed by their 9-digit code, departments by name); a footer code that names another
 * region marks the row `wrong_code`, and one that names this row's region settles a `duplicate_url`.
 */
import { createHash } from 'node:crypto';
import type { DivisionRegistry } from '../divisions/registry.ts';
import type { Db } from '../store/db.ts';
import type { ColumnFound } from './probe-page.ts';
import type { ProbeResult } from './probe-site.ts';

export interface ProbedSite {
  id: string;
  name: string;
  division: string | null;
  status: string;
  rps: number;
  pageLimit: number;
  maxDepth: number;
  allowedHosts: string;
}

/** The 6-digit region a 网站标识码 names (its first six digits). */
function codeRegion(code: string): string | undefined {
  return /^\d{6}/.test(code) ? code.slice(0, 6) : undefined;
}

/** The division padded to six digits (32 → 320000, 3208 → 320800). */
function region6(division: string): string {
  return division.slice(0, 6).padEnd(6, '0');
}

/** Does the footer code agree with the division? Undefined when there is no code to judge by. */
export function codeAgrees(websiteCode: string | undefined, division: string | null): boolean | undefined {
  const region = websiteCode ? codeRegion(websiteCode) : undefined;
  if (!region || !division) return undefined;
  return region === region6(division);
}

/** The 9-digit code of a township of `county` named `organ` (人民政府 / 办事处 left off), when exactly one fits. */
export function townshipCode(county: string, organ: string, registry: DivisionRegistry): string | undefined {
  const name = organ.replace(/(人民政府|政府|办事处|党委)$/, '');
  const hits = registry.children(county.slice(0, 6)).filter((e) => e.level === 'township' && (e.name === name || e.name.replace(/(镇|乡|街道)$/, '') === name.replace(/(镇|乡|街道)$/, '')));
  return hits.length === 1 ? hits[0].code : undefined;
}

function childId(parent: ProbedSite, organ: string, township: string | undefined): string {
  if (township) return `gov-${township}`;
  return `${parent.id}-d${createHash('sha256').update(organ).digest('hex').slice(0, 8)}`;
}

/** Upserts the columns of a site, marks the ones not seen this time gone; returns the current ones. */
function writeColumns(db: Db, siteId: string, columns: ColumnFound[], now: string): void {
  const up = db.prepare(
    `INSERT INTO site_columns (site_id, url, kind, found_by, first_seen, last_seen, gone_at) VALUES (?, ?, 'annual_report', ?, ?, ?, NULL)
     ON CONFLICT (site_id, url) DO UPDATE SET last_seen = excluded.last_seen, found_by = excluded.found_by, gone_at = NULL`,
  );
  for (const c of columns) up.run(siteId, c.url, c.foundBy, now, now);
  const keep = new Set(columns.map((c) => c.url));
  const current = db.prepare('SELECT url FROM site_columns WHERE site_id = ? AND gone_at IS NULL').pluck().all(siteId) as string[];
  const gone = db.prepare('UPDATE site_columns SET gone_at = ? WHERE site_id = ? AND url = ?');
  for (const url of current) if (!keep.has(url)) gone.run(now, siteId, url);
}

export interface StoredProbe {
  status: string;
  own: number;
  children: number;
}

export function storeProbe(db: Db, site: ProbedSite, r: ProbeResult, registry: DivisionRegistry, now: string): StoredProbe {
  return db.transaction((): StoredProbe => {
    const agrees = codeAgrees(r.websiteCode, site.division);
    let status = site.status;
    let reason: string | null = null;
    if (agrees === false) {
      status = 'wrong_code';
      reason = `footer 网站标识码 ${r.websiteCode} names region ${r.websiteCode?.slice(0, 6)}, not ${site.division}`;
    } else if (agrees === true && (site.status === 'duplicate_url' || site.status === 'wrong_code')) {
      status = 'ok';
      reason = `footer 网站标识码 ${r.websiteCode} confirms the portal (probe)`;
    }
    // A portal that moved to another host (a new domain, http → https on another name) is crawled there.
    let hosts = site.allowedHosts;
    if (r.finalUrl) {
      const host = new URL(r.finalUrl).hostname.replace(/^www\./, '');
      const list = hosts ? hosts.split(';') : [];
      if (!list.some((h) => host === h || host.endsWith(`.${h}`))) hosts = [...list, host].join(';');
    }
    db.prepare(
      `UPDATE site_registry SET final_url = ?, website_code = ?, family = ?, block_class = ?, probed_at = ?,
         status = ?, status_reason = coalesce(?, status_reason), allowed_hosts = ? WHERE id = ?`,
    ).run(r.finalUrl ?? null, r.websiteCode ?? null, r.family ?? null, r.blockClass ?? r.error ?? null, now, status, reason, hosts, site.id);
    // A blocked or unreachable portal keeps the columns it had: nothing was seen, nothing moved.
    if (!r.finalUrl || r.blockClass || r.error) return { status, own: 0, children: 0 };
    const own = r.columns.filter((c) => !c.organ);
    writeColumns(db, site.id, own, now);
    const byOrgan = new Map<string, ColumnFound[]>();
    for (const c of r.columns) if (c.organ) byOrgan.set(c.organ, [...(byOrgan.get(c.organ) ?? []), c]);
    const insert = db.prepare(
      `INSERT INTO site_registry (id, name, path, division, level, parent, entry_url, entry_role, allowed_hosts, rps, page_limit,
         max_depth, source, origin, status, status_reason, imported_at, probed_at)
       VALUES (?, ?, '', ?, ?, ?, ?, 'column', ?, ?, ?, ?, ?, 'probe', ?, NULL, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, entry_url = excluded.entry_url, probed_at = excluded.probed_at,
         allowed_hosts = excluded.allowed_hosts, status = CASE WHEN site_registry.origin = 'probe' THEN excluded.status ELSE site_registry.status END`,
    );
    for (const [organ, cols] of byOrgan) {
      const township = site.division ? townshipCode(site.division, organ, registry) : undefined;
      const id = childId(site, organ, township);
      const level = township || /(镇|乡|街道|办事处)$/.test(organ.replace(/(人民政府|政府)$/, '')) ? 'township' : 'department';
      insert.run(id, organ, township ?? site.division, level, site.division, cols[0].url,
        hosts, site.rps, site.pageLimit, site.maxDepth, `probe of ${site.id}`, status === 'ok' ? 'ok' : status, now, now);
      writeColumns(db, id, cols, now);
    }
    return { status, own: own.length, children: byOrgan.size };
  }).immediate();
}
