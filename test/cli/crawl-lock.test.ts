// `nianbao crawl` shares the run lock: while another run holds it, the crawl exits 3 and fetches nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/store/db.ts';
import { acquireRunLock, releaseRunLock } from '../../src/store/run-lock.ts';

const BIN = new URL('../../bin/nianbao.mjs', import.meta.url).pathname;

test('crawl exits 3 when another run holds the lock, and runs once it is free', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-crawl-lock-'));
  const dbPath = join(dir, 'n.sqlite');
  const sites = join(dir, 'sites.csv');
  // A closed loopback port: even a crawl that ran would reach nothing outside this machine.
  writeFileSync(sites, 'id,name,entry_url,allowed_hosts,rps\nlocal,本地,http://127.0.0.1:9/,127.0.0.1,5\n');
  const db = openDb(dbPath);
  acquireRunLock(db, { runId: 'nightly-holder' }); // this process is alive: the lock is not stale
  const locked = spawnSync(process.execPath, [BIN, 'crawl', '--db', dbPath, '--data-dir', dir, '--sites', sites, '--no-browser', '-q'], { encoding: 'utf8' });
  assert.equal(locked.status, 3, locked.stderr);
  assert.match(locked.stderr, /lock|running/i);
  assert.equal(db.prepare('SELECT COUNT(*) FROM fetches').pluck().get(), 0);
  releaseRunLock(db, 'nightly-holder');
  db.close();
  const free = spawnSync(process.execPath, [BIN, 'crawl', '--db', dbPath, '--data-dir', dir, '--sites', sites, '--no-browser', '-q'], { encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(free.status, 3, free.stderr);
});
