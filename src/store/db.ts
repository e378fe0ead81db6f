/**
 * The pipeline's SQLite database (better-sqlite3, WAL). Migrations are the `*.sql` files in
 * src/store/migrations/, applied in file-name order, each once, recorded in `schema_migrations`.
 * Number ranges: 100–199 crawl (frontier, fetches, documents), 200–299 dataset (extractions, reports,
 * cells, checks, runs), 300–399 divisions.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../model/errors.ts';

export type Db = Database.Database;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface OpenOptions {
  /** Open read-only (no migrations). Default false. */
  readonly?: boolean;
}

/**
 * Opens (creating when needed) the database at `path`. A folder that cannot be made or written, or a file
 * that cannot be opened, is a ConfigError `store.unwritable` naming the path (exit 2), not a crash.
 */
export function openDb(path: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly: options.readonly ?? false });
  } catch (e) {
    throw new ConfigError('store.unwritable', `cannot open the database ${path}: ${(e as Error).message} (is its folder writable? choose another with --data-dir or --db)`, { cause: e });
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) migrate(db);
  return db;
}

export function migrate(db: Db, dir = MIGRATIONS_DIR): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = readFileSync(join(dir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(file, new Date().toISOString());
    })();
    applied.push(file);
  }
  return applied;
}
