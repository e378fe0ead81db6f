/**
 * A missing database or an unwritable data folder is a usage error (exit 2) with a message naming the path,
 * never an empty database made on the fly, a silent exit 0, or a stack trace with exit 4.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../src/store/db.ts';

const BIN = fileURLToPath(new URL('../../bin/nianbao.mjs', import.meta.url));

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, NIANBAO_LOG: 'quiet' }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('export, status, extract, reparse and coverage refuse a missing database (exit 2) and point at the demo\'s', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-nodb-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'nianbao.sqlite');
  const out = join(dir, 'csv');
  const exp = cli(['export', '--db', db, '--out', out]);
  assert.equal(exp.status, 2, exp.stderr);
  assert.match(exp.stderr, new RegExp(`no database at ${db.replace(/[.]/g, '\\.')}`));
  assert.equal(existsSync(db), false, 'no empty database made');
  assert.equal(existsSync(out), false, 'no empty CSV files written');
  for (const command of ['extract', 'reparse', 'coverage']) {
    assert.equal(cli([command, '--db', db]).status, 2, command);
  }
  openDb(join(dir, 'demo.sqlite')).close();
  const st = cli(['status', '--data-dir', dir]);
  assert.equal(st.status, 2);
  assert.match(st.stderr, new RegExp(`the demo's database is ${join(dir, 'demo.sqlite').replace(/[.]/g, '\\.')}: add --db`));
  assert.equal(cli(['status', '--db', join(dir, 'demo.sqlite')]).status, 0);
});

test('an unwritable data folder or export folder is exit 2 with a clear message, not a stack trace', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-unwritable-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A file where a folder should be refuses writes even to root.
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  const run = cli(['run', '--no-crawl', '--data-dir', join(file, 'data')]);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /cannot open the database .*a-file\/data\/nianbao\.sqlite.*ENOTDIR/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  const good = join(dir, 'ok.sqlite');
  openDb(good).close();
  const exp = cli(['export', '--db', good, '--out', join(file, 'csv')]);
  assert.equal(exp.status, 2, exp.stderr);
  assert.match(exp.stderr, /cannot write .*a-file\/csv: ENOTDIR/);
  assert.deepEqual(readdirSync(dir).sort(), ['a-file', 'ok.sqlite'].concat(readdirSync(dir).filter((n) => n.startsWith('ok.sqlite-'))).sort());
});
