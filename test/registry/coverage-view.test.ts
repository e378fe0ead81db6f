import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultRegistry } from '../../src/divisions/default-registry.ts';
import { buildCoverage } from '../../src/divisions/coverage.ts';
import { readCoverageRows } from '../../src/divisions/coverage-data.ts';
import { registryHtml, registrySummary, registryTables, registryView } from '../../src/registry/coverage-view.ts';
import { importPortalList } from '../../src/registry/import.ts';
import { readPortalStates, shortCode } from '../../src/registry/site-states.ts';
import { writeImport } from '../../src/registry/store.ts';
import { openDb, type Db } from '../../src/store/db.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/registry/portals.csv', import.meta.url));

/** The fixture registry, then what a crawl left: fetches, frontier states, one report. */
function crawledDb(): Db {
  const db = openDb(':memory:');
  writeImport(db, importPortalList(readFileSync(FIXTURE, 'utf8'), defaultRegistry(), { file: 'portals.csv' }).value.rows, 'now');
  const site = db.prepare("INSERT INTO sites (id, name, division_code, entry_url, config_json, updated_at) VALUES (?, ?, ?, ?, '{}', 'now')");
  const front = db.prepare("INSERT INTO frontier (url_key, url, site_id, host, kind, role, state, depth, discovered_at) VALUES (?, ?, ?, 'h', 'list', ?, ?, ?, 'now')");
  const fetch = db.prepare("INSERT INTO fetches (run_id, url, site_id, status, error_kind, time) VALUES (?, ?, ?, ?, ?, 'now')");
  site.run('hand-xicheng', '西城区', '110102000000', 'http://xicheng.example.cn/');
  for (const [id, runs] of Object.entries({
    'gov-110108': [['r1', null, 'net.timeout'], ['r2', 200, null]], // failed once, reached in the latest run
    'gov-659001': [['r1', 200, null], ['r2', null, 'net.timeout'], ['r2', 503, 'http.503']], // reached before, not in the latest run
    'gov-420581': [['r2', 200, null]],
    'gov-429004': [['r2', 200, null]],
    'hand-xicheng': [['r2', 200, null]],
  })) runs.forEach(([run, status, kind], i) => fetch.run(run, `http://${id}/${i}`, id, status, kind));
  front.run('a', 'http://h/a', 'gov-420581', 'home', 'blocked', 0);
  front.run('b', 'http://h/b', 'gov-110108', 'column', 'done', 1);
  front.run('c', 'http://h/c', 'hand-xicheng', 'column', 'done', 1);
  db.prepare(`INSERT INTO reports (sha256, extractor_version, parser_version, status, year, body, division_code, body_kind, first_parsed_at, parsed_at)
    VALUES ('s', 'e', 'p', 'ok', 2022, '海淀区人民政府', '110108', '人民政府', 'now', 'now')`).run();
  return db;
}

test('the registry view says where each county gap comes from', () => {
  const db = crawledDb();
  const registry = defaultRegistry();
  const m = buildCoverage(readCoverageRows(db).value, registry, { level: 'county', years: [2022, 2023] }).value;
  const view = registryView(m, readPortalStates(db), registry);
  const at = (code: string) => {
    const v = view.find((x) => x.row.code === code)!;
    return [v.gap, v.portal?.siteId ?? null, v.portal?.reach ?? null];
  };
  assert.deepEqual(at('110108'), ['none', 'gov-110108', 'reachable']);
  assert.deepEqual(at('659001'), ['unreachable', 'gov-659001', 'unreachable']);
  assert.deepEqual(at('420581'), ['blocked', 'gov-420581', 'blocked']);
  assert.deepEqual(at('429004'), ['no_column', 'gov-429004', 'reachable']);
  assert.deepEqual(at('110102'), ['no_report', 'hand-xicheng', 'reachable']);
  assert.deepEqual(at('420528'), ['portal_problem', 'gov-420528', 'not_crawled']);
  assert.deepEqual(at('441900'), ['not_crawled', 'gov-441900', 'not_crawled']);
  assert.deepEqual(at('110101'), ['no_portal', null, null]);
  const [bodies, provinces] = registryTables(m, view);
  const row = bodies.rows.find((r) => r[0] === '659001')!;
  assert.deepEqual(row.slice(6, 15), ['gov-659001', 'known', 'unreachable', 'net.timeout', 'not_found', 0, 0, 2, 'unreachable']);
  const total = provinces.rows[provinces.rows.length - 1];
  assert.equal(total[1], '合计');
  assert.equal(total[2], view.length);
  const html = registryHtml(provinces);
  assert.equal(html.match(/<tr/g)?.length, provinces.rows.length + 1, 'a header row and one row per province and the total');
  assert.match(html, /<th>合计<\/th>/);
  assert.match(registrySummary(m, view), /reachable 3, blocked 1, column found 2, with reports 1; gaps: no_portal \d+, portal_problem 7, not_crawled 1, unreachable 1, blocked 1, no_column 1, no_report 1$/);
  db.close();
});

test('12-digit codes of hand-written sites map to the registry codes', () => {
  assert.deepEqual(['410526000000', '410526105000', '410526', '4105'].map(shortCode), ['410526', '410526105', '410526', '4105']);
});
