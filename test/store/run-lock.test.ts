import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { tempStore } from './fixture-db.ts';
import { acquireRunLock, heartbeatLock, lockHolder, releaseRunLock, RunLockedError } from '../../src/store/run-lock.ts';
import { recentRuns, startRun } from '../../src/store/runs.ts';

function plantLock(store: ReturnType<typeof tempStore>, runId: string, pid: number, heartbeatAt: string): void {
  store.db
    .prepare('INSERT INTO run_lock (id, run_id, pid, host, acquired_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)')
    .run(runId, pid, hostname(), heartbeatAt, heartbeatAt);
  startRun(store.db, { id: runId, command: 'run', now: heartbeatAt });
}

test('a second run is refused while the first holds a live lock', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  assert.deepEqual(acquireRunLock(store.db, { runId: 'first' }), {});
  assert.throws(() => acquireRunLock(store.db, { runId: 'second' }), (e: unknown) => {
    assert.ok(e instanceof RunLockedError);
    assert.equal(e.code, 'run.locked');
    assert.equal(e.holder.pid, process.pid);
    return true;
  });
  assert.equal(heartbeatLock(store.db, 'first'), true);
  assert.equal(heartbeatLock(store.db, 'second'), false);
  releaseRunLock(store.db, 'first');
  assert.equal(lockHolder(store.db), undefined);
  assert.deepEqual(acquireRunLock(store.db, { runId: 'second' }), {});
});

test('a lock left by a dead process is taken over and its run marked crashed', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  plantLock(store, 'dead-run', dead, new Date().toISOString());
  const got = acquireRunLock(store.db, { runId: 'new-run' });
  assert.equal(got.tookOver?.runId, 'dead-run');
  assert.equal(lockHolder(store.db)?.runId, 'new-run');
  assert.equal(recentRuns(store.db).find((r) => r.id === 'dead-run')?.status, 'crashed');
});

test('a lock with a stale heartbeat is taken over even if its pid exists', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  plantLock(store, 'hung-run', process.pid, '2020-01-01T00:00:00.000Z');
  assert.equal(acquireRunLock(store.db, { runId: 'new-run', staleMs: 60_000 }).tookOver?.runId, 'hung-run');
});
