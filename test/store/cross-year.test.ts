// The cross-year check of 2008–2018 reports (历年累计 of year N ≥ that of N−1) over the stored dataset, and
// what cells.csv shows of a p2008 cell (evidence, kind, the cross-year flag).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDocument, makeRecord, tempStore } from './fixture-db.ts';
import { saveReport } from '../../src/store/reports.ts';
import { firstDocument } from '../../src/store/document-source.ts';
import { applyCrossYearChecks } from '../../src/store/cross-year.ts';
import { exportDataset } from '../../src/export/index.ts';

function p2008(store: ReturnType<typeof tempStore>, year: number, cum: number) {
  const sha = addDocument(store, `report ${year} ${cum}`, { publishedAt: `${year + 1}-02-01` });
  const record = makeRecord({
    template: 'p2008', year, body: '某某县人民政府', values: { 'p.proactive.total': 100, 'p.cum.proactive.total': cum }, flagged: [], checks: [], warnings: [],
    cells: {
      'p.proactive.total': { raw: '100条', source: 'read', kind: 'number', provenance: { offset: 12 }, evidence: '全年共主动公开政府信息100条。' },
      'p.cum.proactive.total': { raw: `${cum}`, source: 'read', kind: 'number', provenance: { table: 0, row: 1, col: 3 }, evidence: `主动公开信息数 条 100 ${cum}` },
    },
  });
  return saveReport(store.db, { sha256: sha, source: firstDocument(store.db, sha), extractorVersion: 'e', parserVersion: 'p', status: 'ok', record, now: '2999-01-01T00:00:00Z' }).id;
}

const statusOf = (store: ReturnType<typeof tempStore>, id: number) =>
  store.db.prepare('SELECT status, failed_checks, flagged_cells FROM reports WHERE id = ?').get(id) as { status: string; failed_checks: number; flagged_cells: number };

test('a 历年累计 below the previous year\'s fails, flags the later cell, and clears when fixed; re-running changes nothing', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const y1 = p2008(store, 2012, 900);
  const y2 = p2008(store, 2013, 800);
  assert.deepEqual(applyCrossYearChecks(store.db), { pairs: 1, failed: 1 });
  assert.deepEqual(statusOf(store, y2), { status: 'flagged', failed_checks: 1, flagged_cells: 1 });
  assert.equal(statusOf(store, y1).status, 'ok');
  const check = store.db.prepare("SELECT status, expected, actual FROM checks WHERE rule = 'P.cum_years'").get();
  assert.deepEqual({ ...(check as object) }, { status: 'fail', expected: 900, actual: 800 });
  const snapshot = () => store.db.prepare('SELECT * FROM checks ORDER BY report_id, seq').all();
  const before = snapshot();
  applyCrossYearChecks(store.db);
  assert.deepEqual(snapshot(), before, 'idempotent');
  const out = join(store.dir, 'csv');
  await exportDataset(store.db, out, { bom: false });
  const cells = readFileSync(join(out, 'cells.csv'), 'utf8').split('\n');
  assert.equal(cells[0], 'report_id,code,value,source,rule,flagged,raw,kind,evidence');
  assert.ok(cells.includes(`${y2},p.cum.proactive.total,800,read,,1,800,number,主动公开信息数 条 100 800`), cells.join('\n'));
  assert.ok(cells.includes(`${y1},p.proactive.total,100,read,,0,100条,number,全年共主动公开政府信息100条。`));
  // The earlier year re-read lower: the check passes and the flag it set goes.
  store.db.prepare("UPDATE cells SET value = 700 WHERE report_id = ? AND code = 'p.cum.proactive.total'").run(y1);
  assert.deepEqual(applyCrossYearChecks(store.db), { pairs: 1, failed: 0 });
  assert.deepEqual(statusOf(store, y2), { status: 'ok', failed_checks: 0, flagged_cells: 0 });
});
