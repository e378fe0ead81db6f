import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { buildCoverage, provinceFilter } from '../../src/divisions/coverage.ts';
import { readCoverageRows, type CoverageReportRow } from '../../src/divisions/coverage-data.ts';
import { coverageTables } from '../../src/divisions/coverage-tables.ts';
import { renderCoverageHtml } from '../../src/divisions/coverage-html.ts';
import { DivisionRegistry, levelOfCode } from '../../src/divisions/registry.ts';
import { ConfigError } from '../../src/model/errors.ts';
import type { DivisionEntry } from '../../src/divisions/types.ts';

const e = (code: string, name: string, parentCode: string | null): DivisionEntry => ({ code, name, level: levelOfCode(code)!, parentCode });
const reg = new DivisionRegistry(
  [
    e('41', '河南省', null), e('4105', '安阳市', '41'), e('410526', '滑县', '4105'),
    e('410526105', '牛屯镇', '410526'), e('410526106', '万古镇', '410526'),
    e('37', '山东省', null), e('3703', '淄博市', '37'), e('370305', '临淄区', '3703'), e('370305103', '敬仲镇', '370305'),
  ],
  { name: 'test', version: '0' },
);

const row = (divisionCode: string | null, year: number, status: string, body = 'x镇人民政府', kind: CoverageReportRow['kind'] = null): CoverageReportRow =>
  ({ divisionCode, year, status, body, kind });

const reports: CoverageReportRow[] = [
  row('410526105', 2021, 'failed'), row('410526105', 2021, 'ok'), row('410526105', 2023, 'failed'),
  row('370305103', 2022, 'flagged'),
  row('410526', 2022, 'ok', '滑县人民政府'),
  row('410526106', 2022, 'ok', '万古镇财政所', 'department'),
  row(null, 2022, 'ok', '闫庄镇人民政府'), row(null, 2022, 'ok', '闫庄镇人民政府'),
  row('410526106', 2022, 'not_report'),
];

test('every township is a row; a parsed report beats a failed one; departments do not count', () => {
  const { value: m, warnings } = buildCoverage(reports, reg, { level: 'township' });
  assert.deepEqual(m.years, [2021, 2022, 2023]);
  assert.deepEqual(m.rows.map((r) => [r.code, r.cells]), [
    ['370305103', ['missing', 'parsed', 'missing']],
    ['410526105', ['parsed', 'missing', 'found']],
    ['410526106', ['missing', 'missing', 'missing']],
  ]);
  assert.deepEqual(m.unplaced, [{ body: '闫庄镇人民政府', year: 2022, status: 'parsed', reports: 2 }]);
  assert.deepEqual(m.totals.total, { parsed: 2, found: 1, missing: 6 });
  assert.deepEqual(m.provinces.map((p) => [p.name, p.bodies, p.byYear[1]]), [
    ['山东省', 1, { parsed: 1, found: 0, missing: 0 }],
    ['河南省', 2, { parsed: 0, found: 0, missing: 2 }],
  ]);
  assert.ok(warnings.some((w) => w.code === 'coverage.other_level'));
});

test('departments count when asked; county level; fixed years', () => {
  const m = buildCoverage(reports, reg, { level: 'county', years: [2022], includeDepartments: true }).value;
  assert.deepEqual(m.rows.map((r) => [r.code, r.cells]), [['370305', ['missing']], ['410526', ['parsed']]]);
  const t = buildCoverage(reports, reg, { level: 'township', includeDepartments: true }).value;
  assert.deepEqual(t.rows.find((r) => r.code === '410526106')?.cells, ['missing', 'parsed', 'missing']);
});

test('province filter by name, short name or code; unknown → ConfigError', () => {
  for (const p of ['河南省', '河南', '41', '410000']) {
    const m = buildCoverage(reports, reg, { level: 'township', province: p }).value;
    assert.deepEqual(m.rows.map((r) => r.code), ['410526105', '410526106'], p);
    assert.equal(m.province, '河南省');
  }
  assert.throws(() => provinceFilter('火星', reg), (err: unknown) => err instanceof ConfigError && err.code === 'coverage.unknown_province');
});

test('no reports: rows without year columns', () => {
  const m = buildCoverage([], reg, { level: 'township' }).value;
  assert.deepEqual(m.years, []);
  assert.equal(m.rows.length, 3);
  assert.match(renderCoverageHtml(m, 'now'), /no reports yet/);
});

test('tables: one CSV row per body with counts; province totals; unplaced bodies', () => {
  const m = buildCoverage(reports, reg, { level: 'township', province: '河南省' }).value;
  const [bodies, provinces, unplaced] = coverageTables(m);
  assert.deepEqual(bodies.header.slice(7), ['2021', '2022', '2023', 'years_parsed', 'years_found', 'years_missing']);
  assert.deepEqual(bodies.rows[0], ['410526105', '牛屯镇', 'township', '河南省', '安阳市', '滑县', '牛屯镇', 'parsed', 'missing', 'found', 1, 1, 1]);
  assert.deepEqual(provinces.rows[0].slice(0, 3), ['41', '河南省', 2]);
  assert.equal(provinces.rows[0][provinces.rows[0].length - 1], 0.1667);
  assert.deepEqual(unplaced.rows, [['闫庄镇人民政府', 2022, 'parsed', 2]]);
});

test('the HTML page is self-contained and escapes names', () => {
  const m = buildCoverage([row(null, 2022, 'ok', '<script>x</script>', '人民政府')], reg, { level: 'township' }).value;
  const html = renderCoverageHtml(m, '2026-01-01');
  assert.ok(!/<script>x/.test(html));
  assert.ok(html.includes('&lt;script&gt;x&lt;/script&gt;'));
  assert.ok(!/(src|href)=["']?https?:/.test(html), 'no external resources');
  assert.match(html, /<table id="matrix"/);
  assert.match(html, /<table id="provinces"/);
});

test('readCoverageRows copes with a reports table that lacks columns, and with none', () => {
  const db = new Database(':memory:');
  const none = readCoverageRows(db);
  assert.deepEqual(none.value, []);
  assert.equal(none.warnings[0].code, 'coverage.no_reports');
  db.exec("CREATE TABLE reports (year INTEGER, division_code TEXT); INSERT INTO reports VALUES (2022, '410526105')");
  const some = readCoverageRows(db);
  assert.deepEqual(some.value, [{ divisionCode: '410526105', year: 2022, status: 'unknown', body: null, kind: null }]);
  assert.ok(some.warnings.some((w) => w.code === 'coverage.missing_column'));
  assert.equal(buildCoverage(some.value, reg, { level: 'township' }).value.rows[1].cells[0], 'found');
  db.close();
});
