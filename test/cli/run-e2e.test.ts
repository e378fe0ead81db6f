/**
 * End to end: `nianbao run` (a child process, as cron runs it) against the local fixture site
 * (scripts/fixture-site/), then a second run that must find nothing new to extract or parse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempStore } from '../store/fixture-db.ts';
import { openDb } from '../../src/store/db.ts';
import type { RunSummary } from '../../src/pipeline/summary.ts';
import { startFixtureSite } from '../../scripts/fixture-site/index.ts';
import { csvRecords } from '../export/read-csv.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the CLI asynchronously (the fixture site lives in this process and must keep answering). */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/nianbao.mjs'), ...args], {
      cwd: ROOT, env: { ...process.env, NIANBAO_LOG: 'json' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-20_000)));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('nianbao run against the fixture site: every expected report stored and exported; a second run does nothing', { timeout: 10 * 60_000 }, async (t) => {
  const site = await startFixtureSite();
  t.after(() => site.close());
  const store = tempStore();
  t.after(() => store.cleanup());
  store.db.close();
  const args = ['run', '--sites', site.sitesFile, '--data-dir', store.dir, '--json'];

  const first = await runCli(args);
  assert.ok(first.code === 0 || first.code === 1, `exit ${first.code}: ${first.stderr.slice(-3000)}`);
  const s1 = JSON.parse(first.stdout) as RunSummary;
  assert.ok((s1.crawl?.newDocuments ?? 0) > 0, 'the crawl found documents');

  const db = openDb(join(store.dir, 'nianbao.sqlite'));
  const report = db.prepare('SELECT status, year FROM reports WHERE sha256 = ?');
  for (const e of site.expectedReports) {
    const r = report.get(e.sha256) as { status: string; year: number | null } | undefined;
    assert.ok(r, `no report for ${e.url}`);
    if (!e.expected) continue;
    // Documents with an expected-values file are real reports: they must parse, with the right year.
    const want = JSON.parse(readFileSync(join(ROOT, e.expected), 'utf8')) as { year: number };
    assert.ok(['ok', 'flagged', 'partial'].includes(r.status), `${e.url}: status ${r.status}`);
    assert.equal(r.year, want.year, `${e.url} (${e.source}): year`);
  }
  // Every document the crawl found has a row in documents.csv, those it lost (blocked, failed) included.
  const documents = new Set(csvRecords(readFileSync(join(store.dir, 'documents.csv'), 'utf8')).map((d) => d.url));
  const lost = db.prepare("SELECT url FROM frontier WHERE kind IN ('detail', 'attachment') AND state IN ('failed', 'blocked')").pluck().all() as string[];
  assert.ok(lost.length > 0, 'the fixture site has a blocked page');
  for (const url of [...lost, ...site.expectedReports.map((e) => e.url)]) assert.ok(documents.has(url), `${url} in documents.csv`);
  db.close();
  const csv = readFileSync(join(store.dir, 'reports.csv'));
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);

  const second = await runCli(args);
  assert.ok(second.code === 0 || second.code === 1, second.stderr.slice(-3000));
  const s2 = JSON.parse(second.stdout) as RunSummary;
  assert.equal(s2.extract?.pending, 0, 'nothing extracted again');
  assert.equal(s2.parse?.pending, 0, 'nothing parsed again');
});
