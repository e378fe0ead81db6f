// Checks across years in the pipeline: a body's report of the next year, stored later, is compared with the
// year before (X.1), both reports carry the check and flag their cells, the export lists them, and a run
// with nothing new changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDocument, tempStore } from '../store/fixture-db.ts';
import { runPipeline, type RunPlan } from '../../src/pipeline/run.ts';
import { openDb } from '../../src/store/db.ts';
import { csvRecords } from '../export/read-csv.ts';
import { reportText } from '../parse/report-text.ts';
import { quietIo, testConfig } from './helpers.ts';

const ROW = (v: number) => `${v}\t0\t0\t0\t0\t0\t${v}`;
const report = (year: number, carriedIn: number, carriedOut: number) => reportText({
  title: `某某镇人民政府${year}年政府信息公开工作年度报告`,
  s3: { new: ROW(4), carried_in: ROW(carriedIn), 'result.granted': ROW(4 + carriedIn - carriedOut), 'result.total': ROW(4 + carriedIn - carriedOut), carried_out: ROW(carriedOut) },
});

test('X.1 across two stored years: rows in checks.csv for both reports, cells flagged, reruns stable', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const y2022 = addDocument(store, report(2022, 0, 2), { url: 'http://127.0.0.1/n/2022.txt' });
  store.db.close();
  const config = testConfig(store);
  const out = join(store.dir, 'csv');
  const plan: RunPlan = { command: 'run', extract: {}, parse: {}, export: { dir: out, bom: true } };
  await runPipeline(config, plan, quietIo());
  let db = openDb(config.db);
  assert.equal(db.prepare("SELECT COUNT(*) FROM checks WHERE rule LIKE 'X.1'").pluck().get(), 0, 'no neighbour yet');
  db.close();

  // The 2023 report says 3 were carried in; 2022 carried 2 out.
  db = openDb(config.db);
  const y2023 = addDocument({ ...store, db }, report(2023, 3, 0), { url: 'http://127.0.0.1/n/2023.txt' });
  db.close();
  const second = await runPipeline(config, plan, quietIo());
  assert.equal(second.parse?.created, 1);
  db = openDb(config.db);
  const x1 = (sha: string) => db.prepare(`SELECT c.col, c.status, c.expected, c.actual, c.cells_json FROM checks c JOIN reports r ON r.id = c.report_id
    WHERE r.sha256 = ? AND c.rule = 'X.1' ORDER BY c.seq`).all(sha) as { col: string; status: string; expected: number; actual: number; cells_json: string }[];
  const later = x1(y2023);
  assert.equal(later.length, 7);
  assert.deepEqual(later.filter((c) => c.status === 'fail').map((c) => [c.col, c.expected, c.actual]), [['natural_person@2022', 2, 3], ['total@2022', 2, 3]]);
  const earlier = x1(y2022);
  assert.deepEqual(earlier.filter((c) => c.status === 'fail').map((c) => [c.col, c.expected, c.actual, JSON.parse(c.cells_json)]),
    [['natural_person@2023', 3, 2, ['s3.carried_out.natural_person']], ['total@2023', 3, 2, ['s3.carried_out.total']]], 'the earlier report re-parsed with its new neighbour');
  const flags = db.prepare(`SELECT r.year, c.code, c.flagged_cross FROM cells c JOIN reports r ON r.id = c.report_id WHERE c.flagged = 1 ORDER BY r.year, c.code`).all();
  // Both years print 行政规范性文件 2 issued, 1 repealed, 5 in force: 5 + 1 ≠ 5 + 2 breaks X.2 as well.
  const cell = (year: number, code: string) => ({ year, code, flagged_cross: 1 });
  assert.deepEqual(flags, [
    cell(2022, 's2.normative.in_force'), cell(2022, 's3.carried_out.natural_person'), cell(2022, 's3.carried_out.total'),
    cell(2023, 's2.normative.in_force'), cell(2023, 's2.normative.issued'), cell(2023, 's2.normative.repealed'),
    cell(2023, 's3.carried_in.natural_person'), cell(2023, 's3.carried_in.total'),
  ]);
  assert.deepEqual(db.prepare('SELECT year, status FROM reports ORDER BY year').all(), [{ year: 2022, status: 'flagged' }, { year: 2023, status: 'flagged' }]);
  const dump = () => db.prepare('SELECT * FROM checks ORDER BY report_id, seq').all();
  const before = dump();
  db.close();

  const csv = csvRecords(readFileSync(join(out, 'checks.csv'), 'utf8')).filter((r) => r.rule === 'X.1' && r.status === 'fail');
  assert.equal(csv.length, 4);
  assert.ok(csv.some((r) => r.column === 'total@2022' && r.expected === '2' && r.actual === '3' && r.cells === 's3.carried_in.total'));

  const third = await runPipeline(config, plan, quietIo());
  assert.equal(third.parse?.pending, 0);
  db = openDb(config.db);
  assert.deepEqual(dump(), before);
  db.close();
});
