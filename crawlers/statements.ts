/**
 * Prepared statements cached per database connection: the crawl loop runs the same few queries for every
 * request, and preparing them each time cost several percent of its CPU.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../src/store/db.ts';

type Statement = Database.Statement<unknown[], unknown>;

const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = db.prepare<unknown[], unknown>(sql);
    byDb.set(sql, s);
  }
  return s;
}
