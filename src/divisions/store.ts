/**
 * The `divisions` table (migration 300): rebuild it from a registry, read a registry back from it.
 * A rebuild is one transaction and a no-op when the table already holds the same package version.
 */
import type { Db } from '../store/db.ts';
import { defaultRegistry } from './default-registry.ts';
import { DivisionRegistry } from './registry.ts';
import type { DivisionEntry, DivisionLevel, RegistrySource } from './types.ts';

export interface DivisionsMeta {
  source: string;
  version: string;
  rowCount: number;
  builtAt: string;
}

export interface UpdateResult {
  rebuilt: boolean;
  rows: number;
  source: RegistrySource;
  previous: DivisionsMeta | null;
}

function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function readDivisionsMeta(db: Db): DivisionsMeta | null {
  if (!tableExists(db, 'divisions_meta')) return null;
  const row = db
    .prepare('SELECT source, version, row_count AS rowCount, built_at AS builtAt FROM divisions_meta WHERE id = 1')
    .get() as DivisionsMeta | undefined;
  return row ?? null;
}

/** Fills `divisions` from the registry unless it already holds the same source and version (or `force`). */
export function updateDivisions(db: Db, registry: DivisionRegistry, now: string, force = false): UpdateResult {
  const previous = readDivisionsMeta(db);
  const count = (db.prepare('SELECT COUNT(*) FROM divisions').pluck().get() as number) ?? 0;
  const same =
    previous !== null && previous.source === registry.source.name && previous.version === registry.source.version &&
    previous.rowCount === registry.size && count === registry.size;
  if (same && !force) return { rebuilt: false, rows: count, source: registry.source, previous };
  const insert = db.prepare(
    `INSERT INTO divisions (code, name, level, parent_code, province, city, county, township)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM divisions').run();
    for (const e of registry.entries()) {
      const c = registry.columns(e.code);
      insert.run(e.code, e.name, e.level, e.parentCode, c.province, c.city, c.county, c.township);
    }
    db.prepare(
      `INSERT INTO divisions_meta (id, source, version, row_count, built_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET source = excluded.source, version = excluded.version,
         row_count = excluded.row_count, built_at = excluded.built_at`,
    ).run(registry.source.name, registry.source.version, registry.size, now);
  })();
  return { rebuilt: true, rows: registry.size, source: registry.source, previous };
}

/** The registry as stored in the database, or null when the table is missing or empty. */
export function registryFromDb(db: Db): DivisionRegistry | null {
  const meta = readDivisionsMeta(db);
  if (!meta || !tableExists(db, 'divisions')) return null;
  const rows = db.prepare('SELECT code, name, level, parent_code AS parentCode FROM divisions').all() as {
    code: string;
    name: string;
    level: DivisionLevel;
    parentCode: string | null;
  }[];
  if (rows.length === 0) return null;
  const entries: DivisionEntry[] = rows;
  return new DivisionRegistry(entries, { name: meta.source, version: meta.version });
}

/**
 * The registry for a database: the cached package registry when the table holds the same version (or is
 * empty), else the rows of the table (a database built from another package version).
 */
export function registryFor(db: Db): DivisionRegistry {
  const meta = readDivisionsMeta(db);
  const pkg = defaultRegistry();
  if (!meta || (meta.source === pkg.source.name && meta.version === pkg.source.version)) return pkg;
  return registryFromDb(db) ?? pkg;
}
