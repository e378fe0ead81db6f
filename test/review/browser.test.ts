// `nianbao review` in Debian's chromium, driven by playwright-core: from the queue to the flagged cell with the
// keyboard, the value typed and saved, kept after a reload, then `nianbao reparse --all` and `nianbao export`
// carry it as source = corrected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { reviewFixture } from './fixture-run.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };
const WAIT = { timeout: 60_000 };

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin/nianbao.mjs'), ...args], { cwd: ROOT, env: { ...process.env, NIANBAO_LOG: 'quiet' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finish(child: ChildProcess): Promise<{ code: number | null; out: string }> {
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** Starts `nianbao review` and resolves with the URL it prints. */
function startReview(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = cli(['review', '--data-dir', dataDir, '--reviewer', 'browser-test']);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('exit', (code) => reject(new Error(`nianbao review exited ${code}: ${out}`)));
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): [number, number] {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test('review in chromium: keyboard to the flagged cell, correct it, reload, re-parse, export', { timeout: 300_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) return t.skip(`chromium not installed at ${CHROMIUM}`);
  const fx = await reviewFixture(t, { pdf: false });
  const { child, url } = await startReview(fx.dir);
  t.after(() => child.kill('SIGTERM'));
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-review-profile-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: VIEWPORT });
  t.after(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // The queue lists the flagged report, selected; Enter opens it.
  await page.goto(url, WAIT);
  assert.equal(new URL(page.url()).search, '', 'the token left the address bar');
  assert.equal(await page.locator('#queue tbody tr').count(), 1);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/reports/${fx.flagged}`, WAIT);

  // f: the first flagged cell; arrows to the 总计 of 行政复议; Enter edits.
  await page.keyboard.press('f');
  await page.locator('td.cell.selected[data-code="s4.review.upheld"]').waitFor(WAIT);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  const total = page.locator('td.cell[data-code="s4.review.total"]');
  await page.locator('td.cell.selected[data-code="s4.review.total"]').waitFor(WAIT);
  assert.match(await page.locator('#detail').innerText(), /s4\.review\.total[\s\S]*R4\.1 review: fail expected 0, actual 2/);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'value');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  // The checks re-run as the value is typed.
  await page.locator('#preview', { hasText: 'the report would be ok' }).waitFor(WAIT);
  assert.equal(await page.locator('td.cell.st-flagged').count(), 0, 'the preview lifts the flags');
  await Promise.all([page.waitForEvent('load', WAIT), page.keyboard.press('Enter')]);
  await page.locator('td.cell.st-corrected[data-code="s4.review.total"]').waitFor(WAIT);
  assert.equal(await total.innerText(), '2');
  assert.equal(await page.locator('#report-status').innerText(), 'ok');

  // Kept across a reload; the page as the researcher sees it.
  await page.reload(WAIT);
  await page.locator('td.cell.st-corrected[data-code="s4.review.total"]').waitFor(WAIT);
  assert.equal(await total.innerText(), '2');
  assert.equal(await page.locator('td.cell.st-flagged').count(), 0);
  const shot = join(fx.dir, 'report-page.png');
  await page.screenshot({ path: shot });
  assert.deepEqual(pngSize(readFileSync(shot)), [VIEWPORT.width, VIEWPORT.height]);
  assert.ok(readFileSync(shot).length > 20_000, 'the screenshot has content');
  assert.deepEqual(errors, [], 'no script error on the pages');
  await browser.close();

  // The correction survives a full re-parse and is marked in the export.
  const reparse = await finish(cli(['reparse', '--all', '--data-dir', fx.dir]));
  assert.equal(reparse.code, 0, reparse.out);
  const out = join(fx.dir, 'csv');
  const exported = await finish(cli(['export', '--data-dir', fx.dir, '--out', out, '--no-bom']));
  assert.equal(exported.code, 0, exported.out);
  const lines = readFileSync(join(out, 'cells.csv'), 'utf8').split('\n');
  assert.ok(lines.includes(`${fx.flagged},s4.review.total,2,corrected,,0,0,number,`), lines.filter((l) => l.includes('s4.review.total')).join('\n'));
  assert.match(readFileSync(join(out, 'corrections.csv'), 'utf8'), /,s4\.review\.total,set,2,0,,browser-test,/);
});
