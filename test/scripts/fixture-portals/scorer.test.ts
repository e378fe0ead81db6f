/**
 * The scorer counts right on a hand-made database and request log: a report found by URL, one found by its
 * sha256 under another URL, a missing one, a robots-excluded one not expected, a kept non-report, an off-host
 * fetch, a request against robots.txt, trap pages beyond the guard, requests too close together, and on a
 * second run a document fetched again though unchanged (a 304 is fine).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { LoggedRequest } from '../../../scripts/fixture-site/server.ts';
import { scoreCrawl } from '../../../scripts/fixture-portals/scorer.ts';
import type { PortalTruth, ReportTruth, TruthFile } from '../../../scripts/fixture-portals/types.ts';

const W = 'http://127.0.10.1:8001';
const F = 'http://127.0.10.3:8003';

function report(path: string, sha: string, extra: Partial<ReportTruth> = {}): ReportTruth {
  return {
    url: `${W}${path}`, sha256: sha, format: 'html', presentation: 'html', body: '某县人民政府', division: '440229', organKind: 'county',
    year: 2023, title: '2023年报', column: `${W}/xxgk/nb/index.html`, robotsExcluded: false, template: 't2021', ...extra,
  };
}

function truth(): TruthFile {
  const p: PortalTruth = {
    id: 'p01-x', name: '某县人民政府', family: 'trs', patterns: ['trap-pager'], division: '440229', entryUrl: `${W}/`,
    allowedHosts: ['127.0.10.1', '127.0.10.3'], rps: 2, columns: [],
    hosts: [
      { role: 'www', base: W, host: '127.0.10.1:8001', robots: 'User-agent: *\nDisallow: /private/\n' },
      { role: 'files', base: F, host: '127.0.10.3:8003', robots: 'User-agent: *\n' },
    ],
    reports: [
      report('/xxgk/nb/t1.html', 'a'.repeat(64)), report('/xxgk/nb/t2.html', 'b'.repeat(64), { year: 2022 }),
      report('/xxgk/nb/t3.html', 'c'.repeat(64)), report('/private/t4.html', 'd'.repeat(64), { robotsExcluded: true }),
    ],
    nonReports: [{ url: `${W}/xxgk/nb/jd.html`, kind: 'interpretation', title: '解读', sha256: 'e'.repeat(64) }],
    traps: [{ kind: 'endless-pager', host: '127.0.10.1:8001', pattern: '^/xxgk/nb/index_(\\d+)\\.html', measure: 'distinct', max: 2, guard: 1, note: '' }],
    disallowed: [{ host: '127.0.10.1:8001', path: '/private/' }], documentUrls: [`${W}/xxgk/nb/t1.html`, `${W}/xxgk/nb/t2.html`, `${W}/xxgk/nb/t3.html`],
    twins: [], revision: 2, revision2: { changed: [`${W}/xxgk/nb/t3.html`], added: [] }, needsBrowser: false,
  };
  return { seed: 1, revision: 2, createdAt: '', portals: [p], foreignHosts: ['127.0.9.2:9000'] };
}

function req(site: string, path: string, time: number, status = 200): LoggedRequest {
  return { site, method: 'GET', path, time, host: '', status, conditional: false, userAgent: 'nianbao/0.1', cookie: '' };
}

test('the scorer counts found, missing, kept, off-host, robots, traps, rate and refetches', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-score-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'db.sqlite');
  const db = new Database(path);
  db.exec(`CREATE TABLE documents (url TEXT, sha256 TEXT, site_id TEXT);
    CREATE TABLE reports (sha256 TEXT, status TEXT, year INTEGER, division_code TEXT, body TEXT, error_code TEXT);
    CREATE TABLE fetches (url TEXT, site_id TEXT, status INTEGER, conditional INTEGER)`);
  const doc = db.prepare('INSERT INTO documents VALUES (?, ?, ?)');
  doc.run(`${W}/xxgk/nb/t1.html;jsessionid=ABC`, 'a'.repeat(64), 'p01-x'); // found by URL (session id dropped)
  doc.run(`${W}/copy/t2.html`, 'b'.repeat(64), 'p01-x'); // found by sha256
  doc.run(`${W}/xxgk/nb/jd.html`, 'e'.repeat(64), 'p01-x'); // a non-report
  doc.run(`${W}/xxgk/nb/index.html`, 'f'.repeat(64), 'p01-x'); // a list page stored as a document
  const rep = db.prepare('INSERT INTO reports VALUES (?, ?, ?, ?, ?, NULL)');
  rep.run('a'.repeat(64), 'ok', 2023, '440229', '某县人民政府');
  rep.run('b'.repeat(64), 'flagged', 2021, '440229', '某县人民政府'); // wrong year: found, not attributed
  rep.run('e'.repeat(64), 'ok', 2023, '440229', '某县人民政府'); // a non-report kept as a report
  rep.run('f'.repeat(64), 'not_report', null, null, null); // rejected: not kept
  db.prepare('INSERT INTO fetches VALUES (?, ?, 200, 0)').run('http://127.0.9.2:9000/mirror.pdf', 'p01-x');
  db.close();

  const log = [
    req('p01-x-www', '/robots.txt', 0), req('p01-x-www', '/', 1000), req('p01-x-www', '/private/t4.html', 1100),
    ...[1, 2, 3, 4, 5].map((i) => req('p01-x-www', `/xxgk/nb/index_${i}.html`, 2000 + i * 600)),
    req('p01-x-files', '/a.pdf', 5000),
  ];
  const rerun = [req('p01-x-www', '/xxgk/nb/t1.html', 9000), req('p01-x-www', '/xxgk/nb/t2.html', 10000, 304), req('p01-x-www', '/xxgk/nb/t3.html', 11000)];
  const s = scoreCrawl({ db: path, truth: truth(), requests: log, rerunRequests: rerun });
  const p = s.byPortal[0]!;
  assert.equal(p.expected, 3, 'the robots-excluded report is not expected');
  assert.equal(p.found, 2);
  assert.deepEqual(p.missing.map((x) => x.url), [`${W}/xxgk/nb/t3.html`]);
  assert.equal(p.parsedOk, 2);
  assert.equal(p.attributed, 1, 'only the report with the right year and division');
  assert.deepEqual(p.keptNonReports, [{ url: `${W}/xxgk/nb/jd.html`, kind: 'interpretation' }]);
  assert.equal(p.otherKept, 0, 'a page parsed as not_report is not kept');
  assert.equal(p.offHost, 1);
  assert.deepEqual(p.robotsUrls, [`${W}/private/t4.html`]);
  assert.equal(p.trapPagesBeyond, 2, 'index_3..5 are past the count, one of them tolerated');
  // rps 2: arrivals at least 500 ms apart; 1000 → 1100 is too close, the 600 ms steps are fine.
  assert.equal(p.rateViolations, 1);
  assert.equal(p.refetchedUnchanged, 1, 't1 fetched again; t2 answered 304; t3 changed');
  assert.equal(s.total.found, 2);
  assert.equal(s.byFamily.trs?.found, 2);
  assert.equal(s.byPattern['trap-pager']?.trapPagesBeyond, 2);
});
