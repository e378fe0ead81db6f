import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runCommand } from '../divisions/run-command.ts';
import { registerCoverage } from '../../src/cli/coverage.ts';
import { openDb } from '../../src/store/db.ts';

const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

const run = (args: string[]): Promise<string> => runCommand(registerCoverage, args);

function makeDb(path: string): void {
  const db = openDb(path);
  const ins = db.prepare(
    `INSERT INTO reports (sha256, extractor_version, parser_version, status, year, body, division_code, body_kind, first_parsed_at, parsed_at)
     VALUES (?, 'e1', 'p1', ?, ?, ?, ?, ?, 'now', 'now')`,
  );
  ins.run('a', 'ok', 2022, '牛屯镇', '410526105', '人民政府');
  ins.run('b', 'failed', 2023, '牛屯镇', '410526105', '人民政府');
  ins.run('c', 'flagged', 2023, '新乡市牧野区花园办事处', '410711004', '街道办事处');
  ins.run('d', 'ok', 2022, '闫庄镇人民政府', null, '人民政府');
  db.close();
}

test('nianbao coverage writes the CSVs and an HTML page that renders in chromium', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cov-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'n.sqlite');
  makeDb(db);
  const out = join(dir, 'out');
  const stdout = await run(['coverage', '--level', 'township', '--province', '河南省', '--db', db, '--out', out, '--no-bom']);
  assert.match(stdout, /township bodies × 2 years: 2 parsed, 1 found not parsed/);
  const csv = readFileSync(join(out, 'coverage.csv'), 'utf8').split('\n');
  assert.equal(csv[0], 'code,name,level,province,city,county,township,2022,2023,years_parsed,years_found,years_missing');
  assert.ok(csv.includes('410526105,牛屯镇,township,河南省,安阳市,滑县,牛屯镇,parsed,found,1,1,0'));
  assert.ok(csv.includes('410711004,花园街道,township,河南省,新乡市,牧野区,花园街道,missing,parsed,1,0,1'));
  assert.ok(csv.length > 2000, 'every township of the province is a row, published or not');
  assert.match(readFileSync(join(out, 'coverage-unplaced.csv'), 'utf8'), /闫庄镇人民政府,2022,parsed,1/);

  if (!existsSync(CHROMIUM)) return t.skip(`chromium not installed at ${CHROMIUM}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(out, 'coverage.html')).href);
    assert.match(await page.title(), /coverage/);
    assert.equal(await page.locator('#provinces tbody tr').count(), 2, '河南省 and the total');
    assert.ok((await page.locator('#matrix tbody tr').count()) > 2000);
    const niutun = page.locator('#matrix tbody tr', { hasText: '牛屯镇' });
    assert.deepEqual(await niutun.locator('td.p, td.f').evaluateAll((tds) => tds.map((td) => td.className)), ['p', 'f']);
    const shot = join(dir, 'coverage.png');
    await page.screenshot({ path: shot });
    assert.ok(statSync(shot).size > 5000, 'a non-empty screenshot');
  } finally {
    await browser.close();
  }
});

test('nianbao coverage rejects a bad level or year range as a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cov-'));
  try {
    const before = process.exitCode;
    await run(['coverage', '--level', 'village', '--db', join(dir, 'n.sqlite'), '--out', dir]);
    assert.equal(process.exitCode, 2);
    await run(['coverage', '--years', '2023-2019', '--db', join(dir, 'n.sqlite'), '--out', dir]);
    assert.equal(process.exitCode, 2);
    process.exitCode = before;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
