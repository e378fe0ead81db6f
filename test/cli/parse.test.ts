// `nianbao parse` as a user runs it: JSON per file, input order, non-zero exit when a file had an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../../bin/nianbao.mjs', import.meta.url).pathname;
const SEED = new URL('../fixtures/seeds/000_8a12988f6534bb3e.txt', import.meta.url).pathname;

test('parse --jsonl: one object per file in input order; a bad file gets an error and exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const r = spawnSync(process.execPath, [BIN, 'parse', '--jsonl', SEED, empty, join(dir, 'missing.pdf')], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].template, 't2021');
  assert.equal(lines[0].body, '闫庄镇人民政府');
  assert.equal(Object.keys(lines[0].values).length, 200);
  assert.match(lines[0].sha256, /^[0-9a-f]{64}$/);
  assert.equal(lines[0].cells['s3.new.total'].provenance.sha256, lines[0].sha256);
  assert.equal(lines[1].errorCode, 'input.empty');
  assert.equal(lines[2].errorCode, 'input.unreadable');
});

test('parse of good files exits 0; --help describes the command', () => {
  const ok = spawnSync(process.execPath, [BIN, 'parse', SEED], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).year, 2022);
  const help = spawnSync(process.execPath, [BIN, 'parse', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--jsonl/);
});

test('parse JSON names the issuing division, or leaves it unresolved with its candidates', () => {
  const dir = new URL('../fixtures/seeds/', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [BIN, 'parse', '--jsonl', `${dir}001_ece336a5f188f35c.txt`, SEED], { encoding: 'utf8' });
  const [xinxiang, yanzhuang] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(xinxiang.division.code, '410711004');
  assert.equal(yanzhuang.division, null); // several 闫庄镇: never a guess
  assert.ok(yanzhuang.division_candidates.length >= 2);
});
