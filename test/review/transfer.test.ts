// `nianbao corrections export|import`: decisions move to another store holding the same document, are applied
// there at once, and a bad file is refused whole, naming its row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDocument, tempStore } from '../store/fixture-db.ts';
import { quietIo, testConfig } from '../pipeline/helpers.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { openDb } from '../../src/store/db.ts';
import { saveCorrection } from '../../src/store/corrections.ts';
import { registerCorrections } from '../../src/cli/corrections.ts';
import { runCommand } from '../divisions/run-command.ts';
import { correction, flaggedReportText } from './helpers.ts';

async function storeWithReport(t: { after(fn: () => void): void }): Promise<{ dir: string; sha: string; db: string }> {
  const store = tempStore();
  t.after(() => store.cleanup());
  const sha = addDocument(store, flaggedReportText());
  store.db.close();
  const config = testConfig(store);
  await runPipeline(config, { command: 'run', extract: {}, parse: {} }, quietIo());
  return { dir: store.dir, sha, db: config.db };
}

async function cli(args: string[]): Promise<{ out: string; code: number }> {
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    const out = await runCommand(registerCorrections, [...args, '--log', 'quiet']);
    return { out, code: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = before;
  }
}

test('corrections export → import on another store: applied at once; twice is a no-op; a bad row refuses the file', { timeout: 180_000 }, async (t) => {
  const a = await storeWithReport(t);
  const b = await storeWithReport(t);
  const dbA = openDb(a.db);
  saveCorrection(dbA, correction({ sha256: a.sha, code: 's4.review.total', value: 2, parsed: 0, note: '-见原文第4页' }));
  saveCorrection(dbA, correction({ sha256: a.sha, code: 'report.body', value: '某某乡人民政府', parsed: '某某镇人民政府' }));
  dbA.close();
  const file = join(a.dir, 'corrections.csv');
  assert.equal((await cli(['corrections', 'export', file, '--data-dir', a.dir])).code, 0);
  const text = readFileSync(file, 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'BOM');
  assert.match(text, /'-见原文第4页/, 'a note that starts like a formula is guarded');

  const imported = await cli(['corrections', 'import', file, '--data-dir', b.dir]);
  assert.equal(imported.code, 0, imported.out);
  const dbB = openDb(b.db, { readonly: true });
  t.after(() => dbB.close());
  assert.deepEqual(dbB.prepare("SELECT c.value, c.source FROM cells c JOIN reports r ON r.id = c.report_id WHERE r.sha256 = ? AND c.code = 's4.review.total'").get(b.sha), { value: 2, source: 'corrected' });
  assert.deepEqual(dbB.prepare('SELECT status, body FROM reports WHERE sha256 = ?').get(b.sha), { status: 'ok', body: '某某乡人民政府' });
  assert.equal(dbB.prepare("SELECT note FROM corrections WHERE code = 's4.review.total'").pluck().get(), '-见原文第4页', 'the guard is undone');

  const runs = () => dbB.prepare('SELECT COUNT(*) FROM runs').pluck().get();
  const before = runs();
  assert.equal((await cli(['corrections', 'import', file, '--data-dir', b.dir])).code, 0);
  assert.equal(runs(), before, 'nothing changed: no re-parse');

  const bad = join(b.dir, 'bad.csv');
  writeFileSync(bad, `${text.trimEnd()}\n${b.sha},s4.review.other,set,-1,,,me,2026-12-09T00:00:00Z\n`);
  const refused = await cli(['corrections', 'import', bad, '--data-dir', b.dir]);
  assert.equal(refused.code, 2);
  assert.equal(dbB.prepare('SELECT COUNT(*) FROM corrections').pluck().get(), 2, 'nothing of the bad file was imported');
});
