/** `nianbao crawl` (src/cli/crawl.ts) as a child process: help, usage errors, a crawl of the fixture site. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureSite } from '../../scripts/fixture-site/index.ts';
import { tempStore } from './helpers/store.ts';

const BIN = fileURLToPath(new URL('../../bin/nianbao.mjs', import.meta.url));

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'crawl', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('nianbao crawl --help lists the options', async () => {
  const r = await cli(['--help']);
  assert.equal(r.code, 0);
  for (const flag of ['--sites', '--db', '--data', '--contact', '--no-browser']) assert.ok(r.stdout.includes(flag), flag);
});

test('a bad registry row is a usage error (exit 2) naming the row', async (t) => {
  const store = tempStore(t);
  const file = join(store.dir, 'sites.csv');
  writeFileSync(file, 'id,name,entry_url\nok,A,http://a.gov.cn/\nbad,B,not-a-url\n');
  const r = await cli(['--sites', file, '--data', store.dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /sites\.csv line 3 \(id bad\)/);
});

test('a crawl of the fixture site prints progress and a summary by host and error kind; the captcha makes it exit 1', { timeout: 90_000 }, async (t) => {
  const site = await startFixtureSite();
  t.after(() => site.close());
  const store = tempStore(t);
  const r = await cli(['--sites', site.sitesFile, '--json'], { NIANBAO_DATA_DIR: store.dir });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /crawl done in .* documents \(\d+ new/);
  assert.match(r.stderr, /by host:/);
  assert.match(r.stderr, /by error kind:\n(.|\n)*blocked\.page +1/);
  const summary = JSON.parse(r.stdout) as { newDocuments: number; blocked: number };
  assert.equal(summary.blocked, 1);
  assert.equal(summary.newDocuments, site.expectedReports.length);
  const count = store.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  assert.ok(count >= site.expectedReports.length, 'stored in <NIANBAO_DATA_DIR>/nianbao.sqlite');
});
