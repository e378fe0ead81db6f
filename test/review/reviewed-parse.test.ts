// Corrections survive re-parses: the parse stage applies them to every parse (src/review/reviewed-parse.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDocument, tempStore } from '../store/fixture-db.ts';
import { quietIo, testConfig } from '../pipeline/helpers.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { DEFAULT_PARSER, type Parser } from '../../src/pipeline/context.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { deleteCorrection, saveCorrection } from '../../src/store/corrections.ts';
import { correction, flaggedReportText } from './helpers.ts';

function report(db: Db, sha: string): Record<string, unknown> {
  return db.prepare('SELECT * FROM reports WHERE sha256 = ?').get(sha) as Record<string, unknown>;
}

function cell(db: Db, sha: string, code: string): Record<string, unknown> | undefined {
  return db.prepare('SELECT c.* FROM cells c JOIN reports r ON r.id = c.report_id WHERE r.sha256 = ? AND c.code = ?').get(sha, code) as Record<string, unknown> | undefined;
}

test('corrections and decisions are applied by every re-parse, with a warning where the parser now reads otherwise', { timeout: 180_000 }, async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const sha = addDocument(store, flaggedReportText(), { url: 'http://127.0.0.1/r.txt' });
  store.db.close();
  const config = testConfig(store);
  const out = join(store.dir, 'csv');
  const first = await runPipeline(config, { command: 'run', extract: {}, parse: {} }, quietIo());
  assert.equal(first.parse?.byStatus.flagged, 1);

  const db = openDb(config.db);
  t.after(() => db.close());
  assert.equal(report(db, sha).flagged_cells, 5);
  saveCorrection(db, correction({ sha256: sha, code: 's4.review.total', value: 2, parsed: 0, note: '原文总计为2' }));
  saveCorrection(db, correction({ sha256: sha, code: 'report.division_code', value: '410526' }));

  const reparse = { command: 'reparse', extract: {}, parse: { all: true }, export: { dir: out, bom: false } };
  await runPipeline(config, reparse, quietIo());
  let r = report(db, sha);
  assert.deepEqual([r.status, r.flagged_cells, r.failed_checks], ['ok', 0, 0]);
  assert.deepEqual([r.division_code, r.province, r.county], ['410526', '河南省', '滑县'], 'the reviewer\'s division, with its names');
  assert.deepEqual([cell(db, sha, 's4.review.total')!.value, cell(db, sha, 's4.review.total')!.source], [2, 'corrected']);
  const cells = readFileSync(join(out, 'cells.csv'), 'utf8').split('\n');
  assert.ok(cells.some((l) => l.startsWith(`${r.id},s4.review.total,2,corrected,`)), 'cells.csv marks the corrected value');
  const reports = readFileSync(join(out, 'reports.csv'), 'utf8').split('\n');
  const header = reports[0]!.split(',');
  assert.equal(reports[1]!.split(',')[header.indexOf('corrected_cells')], '1');
  const corrections = readFileSync(join(out, 'corrections.csv'), 'utf8').trim().split('\n');
  assert.deepEqual(corrections.slice(1).map((l) => l.split(',').slice(2, 6)), [
    ['report.division_code', 'set', '410526', ''], ['s4.review.total', 'set', '2', '0'],
  ]);

  // A new parser version that reads 7 there: re-parsed, the correction stands, with a warning.
  const drifted: Parser = {
    version: 'next',
    parse(doc, hints) {
      const res = DEFAULT_PARSER.parse(doc, hints);
      res.value.values['s4.review.total'] = 7;
      return res;
    },
  };
  const bumped = await runPipeline(config, { command: 'reparse', parse: {} }, { ...quietIo(), parser: drifted });
  assert.equal(bumped.parse?.reparsed, 1);
  assert.equal(cell(db, sha, 's4.review.total')!.value, 2);
  const warning = db.prepare("SELECT w.message FROM report_warnings w JOIN reports r ON r.id = w.report_id WHERE r.sha256 = ? AND w.code = 'review.parser_changed'").pluck().get(sha);
  assert.match(String(warning), /now reads 7, not 0/);

  // Not a report: stored as not_report without cells; undone, the report comes back.
  saveCorrection(db, correction({ sha256: sha, code: 'report.status', value: 'not_report', note: '测试' }));
  await runPipeline(config, { command: 'reparse', parse: { all: true } }, quietIo());
  r = report(db, sha);
  assert.deepEqual([r.status, r.error_code], ['not_report', 'review.not_report']);
  assert.match(String(r.error_message), /not an annual report \(tester, 2026-12-01\): 测试/);
  assert.equal(cell(db, sha, 's4.review.total'), undefined);
  deleteCorrection(db, sha, 'report.status');
  await runPipeline(config, { command: 'reparse', parse: { all: true } }, quietIo());
  assert.equal(report(db, sha).status, 'ok');
  assert.equal(cell(db, sha, 's4.review.total')!.source, 'corrected');
});
