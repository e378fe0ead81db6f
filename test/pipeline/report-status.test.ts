/**
 * A status says whether a report's numbers are usable (partial, text_only), and the same bytes get the same
 * verdict inside `nianbao run` (with a crawled link text as title) as from `nianbao parse`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { junkText } from '../../scripts/hostile/files.ts';
import { parseBytes } from '../../src/pipeline/parse-file.ts';
import { reportStatus } from '../../src/pipeline/report-status.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { formatSummary } from '../../src/pipeline/summary.ts';
import { openDb } from '../../src/store/db.ts';
import { addDocument, makeRecord, tempStore } from '../store/fixture-db.ts';
import { quietIo, seed, SEED_A, testConfig } from './helpers.ts';

// A report of 2021 that states no number (a report of 2017 would be read as p2008, with its figures).
const FREE_FORM = Buffer.from([
  '某某镇人民政府2021年政府信息公开工作年度报告',
  '一、总体情况', '本年度，某某镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开。',
  '二、主动公开政府信息情况', '及时公开政策文件和重点领域信息。',
  '三、收到和处理政府信息公开申请情况', '依法依规办理申请，按时答复。',
  '四、政府信息公开行政复议、行政诉讼情况', '无。',
  '五、存在的主要问题及改进情况', '公开的及时性有待提高。',
  '六、其他需要报告的事项', '无。',
].join('\n'), 'utf8');
const TITLE = '某某镇人民政府2023年政府信息公开工作年度报告';

test('status rules: text_only without a number, partial past 5% empty cells, else flagged or ok', () => {
  const values = (n: number, empty: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, i < empty ? null : 1]));
  assert.equal(reportStatus(makeRecord({ template: 'free_form', values: {}, checks: [] })), 'text_only');
  assert.equal(reportStatus(makeRecord({ values: values(200, 200), checks: [] })), 'text_only');
  assert.equal(reportStatus(makeRecord({ values: values(200, 193), checks: [] })), 'partial');
  assert.equal(reportStatus(makeRecord({ values: values(200, 11), checks: [] })), 'partial');
  assert.equal(reportStatus(makeRecord({ values: values(200, 10), checks: [] })), 'ok');
  assert.equal(reportStatus(makeRecord({ values: values(200, 10), flagged: ['c20'], checks: [] })), 'flagged');
});

test('a run stores and counts partial and text_only reports; junk with a report-like link text is not_report, as in `nianbao parse`', { timeout: 180_000 }, async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const text = seed(SEED_A).toString('utf8');
  const truncated = text.slice(0, text.indexOf('四、政府信息公开行政复议')); // section 四's 15 cells lost
  const junk = junkText(200_000);
  const shas = {
    full: addDocument(store, seed(SEED_A), { title: TITLE }),
    truncated: addDocument(store, truncated, { title: TITLE }),
    freeForm: addDocument(store, FREE_FORM, { title: TITLE }),
    junk: addDocument(store, junk, { title: TITLE }),
  };
  store.db.close();
  const config = testConfig(store);
  const summary = await runPipeline(config, { command: 'run', extract: {}, parse: {}, export: { dir: store.dir, bom: false } }, quietIo());
  const db = openDb(join(store.dir, 'nianbao.sqlite'));
  const status = (sha: string) => db.prepare('SELECT status FROM reports WHERE sha256 = ?').pluck().get(sha);
  try {
    assert.ok(['ok', 'flagged'].includes(status(shas.full) as string));
    assert.equal(status(shas.truncated), 'partial');
    assert.equal(status(shas.freeForm), 'text_only');
    assert.equal(status(shas.junk), 'not_report');
  } finally {
    db.close();
  }
  assert.equal(summary.parse?.byStatus.partial, 1);
  assert.equal(summary.parse?.byStatus.text_only, 1);
  assert.equal(summary.store.reports.partial, 1);
  assert.match(formatSummary(summary), /partial 1/);
  assert.match(formatSummary(summary), /text_only 1/);
  const csv = readFileSync(join(store.dir, 'reports.csv'), 'utf8');
  assert.match(csv, /,partial,/);
  assert.match(csv, /,text_only,/);
  const parsed = await parseBytes(junk, { file: 'junk.txt' });
  assert.equal(parsed.errorCode, 'parse.not_report');
  const withTitle = await parseBytes(junk, { file: 'junk.txt', title: TITLE });
  assert.equal(withTitle.errorCode, 'parse.not_report', 'a link text does not make junk a report');
});
