/** `nianbao sites import|export|list` (in-process), and `nianbao crawl --registry db` crawling an imported site. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../divisions/run-command.ts';
import { loadSites } from '../../crawlers/sites.ts';
import { registerSites } from '../../src/cli/sites.ts';
import { loadSiteRegistry } from '../../src/pipeline/crawl-stage.ts';
import { openDb } from '../../src/store/db.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/registry/portals.csv', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/nianbao.mjs', import.meta.url));

async function sites(args: string[]): Promise<{ code: number; stdout: string }> {
  process.exitCode = 0;
  const stdout = await runCommand(registerSites, ['sites', ...args]);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout };
}

function tempDir(t: { after: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-sites-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('sites import prints its figures and every problem; list and export read the database', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'n.sqlite');
  const dry = await sites(['import', FIXTURE, '--db', db, '--dry-run']);
  assert.match(dry.stdout, /not written \(--dry-run\)/);
  const imp = await sites(['import', FIXTURE, '--db', db, '--rps', '0.25']);
  assert.equal(imp.code, 0);
  assert.match(imp.stdout, /21 rows in/);
  assert.match(imp.stdout, /county rows of the list \(省\/市\/县\): 9 of 11 joined/);
  assert.match(imp.stdout, /kept out of the crawl: .*duplicate_url 3/);
  assert.match(imp.stdout, /portals\.csv line 8\tparent_portal\t湖北省\/宜昌市\/长阳县\t/);
  assert.match(imp.stdout, /portals\.csv line 19\tbad_csv\t浙江省.*jiande.*\tunterminated quote/);
  const list = await sites(['list', '--problems', '--json', '--db', db]);
  const problems = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; rps: number });
  assert.equal(problems.length, 21 - 8);
  assert.ok(problems.every((p) => p.status !== 'ok' && p.rps === 0.25));
  const hubei = await sites(['list', '--province', '湖北', '--db', db]);
  const hubeiIds = hubei.stdout.trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
  assert.deepEqual(hubeiIds.slice(0, 4), ['gov-420500', 'gov-420528', 'gov-420581', 'gov-429004']);
  assert.match(hubeiIds[4], /^gov-429004-[0-9a-f]{6}$/, 'the repeated 仙桃市 row');
  assert.equal(hubeiIds.length, 5);
  const out = join(dir, 'registry.csv');
  assert.equal((await sites(['export', '--out', out, '--db', db])).code, 0);
  assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 1 + 21);
  assert.deepEqual(loadSites(out).map((s) => s.id).sort(), ['gov-110000', 'gov-110108', 'gov-330000', 'gov-420500', 'gov-420581', 'gov-429004', 'gov-441900', 'gov-659001']);
});

test('sites: a missing list, an empty registry and a bad flag are usage errors', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'n.sqlite');
  assert.equal((await sites(['import', join(dir, 'missing.csv'), '--db', db])).code, 2);
  assert.equal((await sites(['export', '--out', join(dir, 'x.csv'), '--db', db])).code, 2);
  assert.equal((await sites(['import', FIXTURE, '--db', db, '--page-limit', '1.5'])).code, 2);
});

test('the crawl reads the database registry, the file, or both', async (t) => {
  const dir = tempDir(t);
  const dbPath = join(dir, 'n.sqlite');
  await sites(['import', FIXTURE, '--db', dbPath]);
  const file = join(dir, 'sites.csv');
  writeFileSync(file, 'id,name,division,entry_url\nhand,海淀区年报,110108,http://www.haidian.example.cn/nb/\n');
  const db = openDb(dbPath);
  t.after(() => db.close());
  const ids = async (mode: 'db' | 'file' | 'both', only?: string[]) => (await loadSiteRegistry(file, only, db, mode)).map((s) => s.id);
  assert.deepEqual(await ids('file'), ['hand']);
  assert.equal((await ids('db')).length, 8);
  const both = await ids('both');
  assert.equal(both.length, 8, 'the hand-written row replaces gov-110108');
  assert.deepEqual([both[0], both.includes('gov-110108')], ['hand', false]);
  assert.deepEqual(await ids('both', ['gov-441900']), ['gov-441900']);
  await assert.rejects(loadSiteRegistry(file, ['gov-999999'], db, 'both'), /unknown site id\(s\) gov-999999 in .*sites\.csv or the database registry/);
  const empty = openDb(':memory:');
  await assert.rejects(loadSiteRegistry(file, undefined, empty, 'db'), /run nianbao sites import/);
  empty.close();
});

test('nianbao crawl --registry db crawls an imported portal and keeps its level and parent', { timeout: 60_000 }, async (t) => {
  const server = createServer((req, res) => {
    if (req.url === '/robots.txt') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><h1>海淀区人民政府</h1></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const dir = tempDir(t);
  const list = join(dir, 'list.csv');
  writeFileSync(list, `path,url\n北京市/海淀区,http://127.0.0.1:${(server.address() as AddressInfo).port}/\n`);
  await sites(['import', list, '--db', join(dir, 'n.sqlite')]);
  const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, 'crawl', '--registry', 'db', '--json', '--quiet', '--no-browser', '--data-dir', dir, '--db', join(dir, 'n.sqlite')],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  assert.equal(r.code, 0, r.stderr);
  assert.ok((JSON.parse(r.stdout) as { pages: number }).pages >= 1);
  const db = openDb(join(dir, 'n.sqlite'));
  t.after(() => db.close());
  const row = db.prepare("SELECT division_code, config_json FROM sites WHERE id = 'gov-110108'").get() as { division_code: string; config_json: string };
  assert.equal(row.division_code, '110108');
  assert.deepEqual([JSON.parse(row.config_json).level, JSON.parse(row.config_json).parent], ['county', '110000']);
});
