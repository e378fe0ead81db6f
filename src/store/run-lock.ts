/**
 * The run lock: one row in `run_lock` naming the run allowed to write. A second run fails with
 * RunLockedError (exit 3). A lock whose process is dead (same host) or whose heartbeat is older than
 * `staleMs` is taken over, and the run that held it is marked crashed.
 */
import { hostname } from 'node:os';
import type { Db } from './db.ts';
import { PipelineError } from '../model/errors.ts';
import { markCrashed } from './runs.ts';
import { isAlive } from '../../extractors/process-tree.ts';

/** Another live run holds the lock. */
export class RunLockedError extends PipelineError {
  override name = 'RunLockedError';
  constructor(readonly holder: LockHolder) {
    super('run.locked', `another nianbao run holds the lock: run ${holder.runId}, pid ${holder.pid} on ${holder.host}, ` +
      `last heartbeat ${holder.heartbeatAt}`);
  }
}

export interface LockHolder {
  runId: string;
  pid: number;
  host: string;
  acquiredAt: string;
  heartbeatAt: string;
}

export interface AcquireOptions {
  runId: string;
  /** A heartbeat older than this is stale (default 10 minutes). */
  staleMs?: number;
  now?: Date;
  /** For tests: is this pid alive on this host? */
  isAlive?: (pid: number) => boolean;
}

export interface AcquireResult {
  /** The lock that was taken over, if any. */
  tookOver?: LockHolder;
}

/** Is a process with this pid alive on this host? */
export const pidAlive = isAlive;

export function lockHolder(db: Db): LockHolder | undefined {
  return db
    .prepare(
      'SELECT run_id AS runId, pid, host, acquired_at AS acquiredAt, heartbeat_at AS heartbeatAt FROM run_lock WHERE id = 1',
    )
    .get() as LockHolder | undefined;
}

export function isStale(holder: LockHolder, now: Date, staleMs: number, isAlive: (pid: number) => boolean): boolean {
  if (holder.host === hostname() && !isAlive(holder.pid)) return true;
  return now.getTime() - Date.parse(holder.heartbeatAt) > staleMs;
}

export function acquireRunLock(db: Db, options: AcquireOptions): AcquireResult {
  const now = options.now ?? new Date();
  const staleMs = options.staleMs ?? 10 * 60_000;
  const isAlive = options.isAlive ?? pidAlive;
  return db.transaction((): AcquireResult => {
    const holder = lockHolder(db);
    if (holder && holder.runId !== options.runId && !isStale(holder, now, staleMs, isAlive)) {
      throw new RunLockedError(holder);
    }
    const iso = now.toISOString();
    db.prepare(
      `INSERT INTO run_lock (id, run_id, pid, host, acquired_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, pid = excluded.pid, host = excluded.host,
         acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
    ).run(options.runId, process.pid, hostname(), iso, iso);
    if (holder && holder.runId !== options.runId) {
      markCrashed(db, holder.runId, iso);
      return { tookOver: holder };
    }
    return {};
  }).immediate();
}

export function heartbeatLock(db: Db, runId: string, now: Date = new Date()): boolean {
  return db.prepare('UPDATE run_lock SET heartbeat_at = ? WHERE id = 1 AND run_id = ?').run(now.toISOString(), runId).changes === 1;
}

export function releaseRunLock(db: Db, runId: string): void {
  db.prepare('DELETE FROM run_lock WHERE id = 1 AND run_id = ?').run(runId);
}
