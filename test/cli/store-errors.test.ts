/**
 * A missing database or an unwritable data folder is a usage error (exit 2) with a message naming the path,
 * never an empty database made on the fly, a silent exit 0, or a stack trace with exit 4.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../src/store/db.ts';

const BIN = fileURLToPath(new URL('../../bin/nianbao.mjs', import.meta.url));

function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NIANBAO_LOG: 'quiet' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

test('export, status, extract, reparse and coverage refuse a missing database (exit 2) and point at the demo\'s', { timeout: 180_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-nodb-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'nianbao.sqlite');
  const out = join(dir, 'csv');
  const [exp, ...others] = await Promise.all([['export', '--db', db, '--out', out], ...['extract', 'reparse', 'coverage'].map((c) => [c, '--db', db])].map(cli));
  assert.equal(exp!.status, 2, exp!.stderr);
  assert.match(exp!.stderr, new RegExp(`no database at ${db.replace(/[.]/g, '\\.')}`));
  assert.deepEqual(others.map((r) => r.status), [2, 2, 2], 'extract, reparse, coverage');
  assert.equal(existsSync(db), false, 'no empty database made');
  assert.equal(existsSync(out), false, 'no empty CSV files written');
  openDb(join(dir, 'demo.sqlite')).close();
  const [st, demo] = await Promise.all([cli(['status', '--data-dir', dir]), cli(['status', '--db', join(dir, 'demo.sqlite')])]);
  assert.equal(st.status, 2);
  assert.match(st.stderr, new RegExp(`the demo's database is ${join(dir, 'demo.sqlite').replace(/[.]/g, '\\.')}: add --db`));
  assert.equal(demo.status, 0);
});

test('an unwritable data folder or export folder is exit 2 with a clear message, not a stack trace', { timeout: 180_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-unwritable-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A file where a folder should be refuses writes even to root.
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  const good = join(dir, 'ok.sqlite');
  openDb(good).close();
  const [run, exp] = await Promise.all([cli(['run', '--no-crawl', '--data-dir', join(file, 'data')]), cli(['export', '--db', good, '--out', join(file, 'csv')])]);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /cannot open the database .*a-file\/data\/nianbao\.sqlite.*ENOTDIR/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(exp.status, 2, exp.stderr);
  assert.match(exp.stderr, /cannot write .*a-file\/csv: ENOTDIR/);
  assert.deepEqual(readdirSync(dir).sort(), ['a-file', 'ok.sqlite'].concat(readdirSync(dir).filter((n) => n.startsWith('ok.sqlite-'))).sort());
});
