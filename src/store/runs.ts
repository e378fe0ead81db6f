/** The `runs` table: one row per pipeline command, with its summary JSON once it ends. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from './db.ts';

export type RunStatus = 'running' | 'ok' | 'failed' | 'interrupted' | 'crashed';

export interface RunRow {
  id: string;
  command: string;
  pid: number;
  host: string;
  startedAt: string;
  heartbeatAt: string;
  endedAt: string | null;
  status: RunStatus;
  exitCode: number | null;
  summary: unknown;
}

/** A sortable, unique run id: UTC timestamp, pid and a random suffix, e.g. `20261122T041800.123Z-1234-9f2c`. */
export function newRunId(now: Date = new Date(), pid = process.pid): string {
  return `${now.toISOString().replace(/[-:]/g, '')}-${pid}-${randomBytes(2).toString('hex')}`;
}

export function startRun(db: Db, run: { id: string; command: string; now: string }): void {
  db.prepare(
    `INSERT INTO runs (id, command, pid, host, started_at, heartbeat_at, status)
     VALUES (?, ?, ?, ?, ?, ?, 'running')`,
  ).run(run.id, run.command, process.pid, hostname(), run.now, run.now);
}

export function heartbeatRun(db: Db, id: string, now: string): void {
  db.prepare("UPDATE runs SET heartbeat_at = ? WHERE id = ? AND status = 'running'").run(now, id);
}

export function finishRun(db: Db, id: string, end: { status: RunStatus; exitCode: number; summary: unknown; now: string }): void {
  db.prepare('UPDATE runs SET ended_at = ?, status = ?, exit_code = ?, summary_json = ?, heartbeat_at = ? WHERE id = ?').run(
    end.now, end.status, end.exitCode, JSON.stringify(end.summary), end.now, id,
  );
}

/** Marks a run that died without finishing (its lock was taken over). */
export function markCrashed(db: Db, id: string, now: string): void {
  db.prepare("UPDATE runs SET status = 'crashed', ended_at = ? WHERE id = ? AND status = 'running'").run(now, id);
}

export function recentRuns(db: Db, limit = 5): RunRow[] {
  const rows = db
    .prepare(
      `SELECT id, command, pid, host, started_at AS startedAt, heartbeat_at AS heartbeatAt, ended_at AS endedAt,
              status, exit_code AS exitCode, summary_json AS summary
       FROM runs ORDER BY started_at DESC, id DESC LIMIT ?`,
    )
    .all(limit) as (Omit<RunRow, 'summary'> & { summary: string | null })[];
  return rows.map((r) => ({ ...r, summary: r.summary ? (JSON.parse(r.summary) as unknown) : null }));
}
