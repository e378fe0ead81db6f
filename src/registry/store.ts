/**
 * The `site_registry` table (migration 110): write an import in one transaction, read rows back, and the
 * rows the crawl uses as SiteConfig. An import replaces the rows of origin `import`; the probe's columns of
 * an id that stays are kept.
 */
import type { SiteConfig } from '../../crawlers/types.ts';
import type { Db } from '../store/db.ts';
import type { RegistryRow, SiteLevel, SiteStatus } from './types.ts';

interface DbRow {
  id: string; name: string; path: string; division: string | null; level: SiteLevel | null; parent: string | null;
  join_rule: string | null; entry_url: string | null; entry_role: RegistryRow['entryRole']; allowed_hosts: string;
  rps: number; page_limit: number; max_depth: number; source: string; source_meta: string | null; status: SiteStatus;
  status_reason: string | null;
}

const COLUMNS = ['id', 'name', 'path', 'division', 'level', 'parent', 'join_rule', 'entry_url', 'entry_role', 'allowed_hosts',
  'rps', 'page_limit', 'max_depth', 'source', 'source_meta', 'status', 'status_reason'] as const;

function toDb(r: RegistryRow): unknown[] {
  return [r.id, r.name, r.path, r.division, r.level, r.parent, r.joinRule, r.entryUrl, r.entryRole, r.allowedHosts.join(';'),
    r.rps, r.pageLimit, r.maxDepth, r.source, Object.keys(r.sourceMeta).length ? JSON.stringify(r.sourceMeta) : null,
    r.status, r.statusReason];
}

function fromDb(r: DbRow): RegistryRow {
  return {
    id: r.id, name: r.name, path: r.path, division: r.division, level: r.level, parent: r.parent, joinRule: r.join_rule,
    entryUrl: r.entry_url, entryRole: r.entry_role, allowedHosts: r.allowed_hosts ? r.allowed_hosts.split(';') : [],
    rps: r.rps, pageLimit: r.page_limit, maxDepth: r.max_depth, source: r.source,
    sourceMeta: r.source_meta ? (JSON.parse(r.source_meta) as Record<string, string>) : {}, status: r.status,
    statusReason: r.status_reason,
  };
}

export interface WriteFigures {
  inserted: number;
  updated: number;
  removed: number;
}

/** Replaces the imported rows with `rows` (one transaction: all or nothing). */
export function writeImport(db: Db, rows: RegistryRow[], now: string): WriteFigures {
  const upsert = db.prepare(
    `INSERT INTO site_registry (${COLUMNS.join(', ')}, origin, imported_at) VALUES (${COLUMNS.map(() => '?').join(', ')}, 'import', ?)
     ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')},
       origin = 'import', imported_at = excluded.imported_at`,
  );
  return db.transaction((): WriteFigures => {
    const before = new Set(db.prepare("SELECT id FROM site_registry WHERE origin = 'import'").pluck().all() as string[]);
    const existing = new Set(db.prepare('SELECT id FROM site_registry').pluck().all() as string[]);
    let inserted = 0;
    for (const r of rows) {
      if (!existing.has(r.id)) inserted++;
      upsert.run(...toDb(r), now);
      before.delete(r.id);
    }
    const del = db.prepare('DELETE FROM site_registry WHERE id = ?');
    for (const id of before) del.run(id);
    return { inserted, updated: rows.length - inserted, removed: before.size };
  })();
}

export interface RegistryFilter {
  /** Only rows with status ok (`true`) or only the others (`false`). */
  ok?: boolean;
  /** Division codes starting with this prefix (a province: 2 digits). */
  divisionPrefix?: string;
}

export function readRegistry(db: Db, filter: RegistryFilter = {}): RegistryRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.ok === true) where.push("status = 'ok'");
  if (filter.ok === false) where.push("status <> 'ok'");
  if (filter.divisionPrefix) {
    where.push('division LIKE ?');
    args.push(`${filter.divisionPrefix}%`);
  }
  const sql = `SELECT ${COLUMNS.join(', ')} FROM site_registry${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY division IS NULL, division, id`;
  return (db.prepare(sql).all(...args) as DbRow[]).map(fromDb);
}

/** The columns of the probe (current ones), by site id, most recently seen first. */
function columnsBySite(db: Db): Map<string, string[]> {
  const rows = db.prepare('SELECT site_id, url FROM site_columns WHERE gone_at IS NULL ORDER BY site_id, last_seen DESC, url').all() as { site_id: string; url: string }[];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.site_id, [...(out.get(r.site_id) ?? []), r.url]);
  return out;
}

/**
 * The rows the crawl uses (status ok), as crawler site configs: the portal home, or the 年报 column the
 * probe found (then the entry is that column).
 */
export function crawlableSites(db: Db): SiteConfig[] {
  const columns = columnsBySite(db);
  const rows = db.prepare(
    `SELECT id, name, division, level, parent, entry_url, entry_role, allowed_hosts, rps, page_limit, max_depth, source
     FROM site_registry WHERE status = 'ok' AND entry_url IS NOT NULL ORDER BY id`,
  ).raw().all() as [string, string, string | null, SiteLevel | null, string | null, string, RegistryRow['entryRole'], string, number, number, number, string][];
  return rows.map(([id, name, division, level, parent, entryUrl, entryRole, hosts, rps, pageLimit, maxDepth, source]) => {
    const [column, ...more] = columns.get(id) ?? [];
    return {
      id, name, entryUrl: column ?? entryUrl, entryRole: column ? 'column' : entryRole, adapter: 'auto', render: 'auto', rps, pageLimit,
      ...(more.length ? { columns: more } : {}),
      allowedHosts: hosts ? hosts.split(';') : [], maxDepth, status: 'ok', source,
      ...(division ? { division } : {}), ...(level ? { level } : {}), ...(parent ? { parent } : {}),
    };
  });
}
