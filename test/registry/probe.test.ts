/**
 * The registry probe on simulated portals of every CMS family: a portal list imported (names joined to real
 * division codes), then `probeSite` + `storeProbe` on each: every 年报 column and every township and department
 * column the portal holds is found (those robots.txt forbids excepted), townships get their 9-digit codes,
 * the footer code and family are recorded; a wrong footer code marks the row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import m from 'robots-parser';
import { BUILT_FAMILIES, startPortals } from '../../scripts/fixture-portals/index.ts';
import { PATTERNS } from '../../scripts/fixture-portals/types.ts';
import { defaultRegistry } from '../../src/divisions/default-registry.ts';
import { importPortalList } from '../../src/registry/import.ts';
import { blockClass, websiteCode } from '../../src/registry/probe-page.ts';
import { runProbe } from '../../src/registry/probe-run.ts';
import { codeAgrees } from '../../src/registry/probe-store.ts';
import { writeImport } from '../../src/registry/store.ts';
import { openDb } from '../../src/store/db.ts';

const robotsParser = m as unknown as typeof m.default;

test('footer codes, block classes and the code check', () => {
  assert.equal(websiteCode('<p>主办单位：某县人民政府 网站标识码：3208130001 京ICP备</p>'), '3208130001');
  assert.equal(websiteCode('<span>网站标识码:</span><span>4405070012</span>'), '4405070012');
  assert.equal(websiteCode('<p>网站标识码 32081300011</p>'), undefined);
  assert.equal(codeAgrees('3208130001', '320813'), true);
  assert.equal(codeAgrees('3309030001', '310107'), false);
  assert.equal(codeAgrees('3200000001', '32'), true);
  assert.equal(codeAgrees(undefined, '320813'), undefined);
  assert.equal(blockClass(412, '<html></html>'), 'http_412');
  assert.equal(blockClass(200, '<html><body><form><p>请输入验证码后继续访问</p><input name="captcha"></form></body></html>'), 'captcha');
  assert.equal(blockClass(200, `<html><body>${'<p>正文内容</p>'.repeat(200)}</body></html>`), undefined);
});

test('the probe finds every 年报 column of simulated portals of every family, with townships and departments', { timeout: 240_000 }, async (t) => {
  const patterns = [...PATTERNS];
  const portals = await startPortals({ seed: 11, n: BUILT_FAMILIES.length, render: false, rps: 50, families: [...BUILT_FAMILIES], patterns });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-probe-'));
  t.after(async () => {
    await portals.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const registry = defaultRegistry();
  const list = ['path,url', ...portals.portals.map((p) => `${registry.path(p.division)},${p.entryUrl}`)].join('\n');
  const imported = importPortalList(list, registry, { file: 'portals.csv', defaults: { rps: 50, pageLimit: 500, maxDepth: 6 } });
  const db = openDb(join(dir, 'db.sqlite'));
  t.after(() => db.close());
  writeImport(db, imported.value.rows, new Date().toISOString());
  // Portals with a second host (IP addresses here, where a real county has one domain) list both.
  for (const p of portals.portals) db.prepare('UPDATE site_registry SET allowed_hosts = ? WHERE entry_url = ?').run(p.allowedHosts.join(';'), p.entryUrl);
  const summary = await runProbe({ db, registry, userAgent: 'nianbao-test', concurrency: 8 });
  assert.equal(summary.sites, portals.portals.length);
  // A portal behind a JS challenge (HTTP 521) is recorded as blocked, not probed further.
  const challenged = portals.portals.filter((p) => p.patterns.includes('js-challenge'));
  assert.equal(summary.reached, portals.portals.length - challenged.length);
  assert.equal(summary.blocked, challenged.length);
  for (const p of challenged) {
    assert.equal(db.prepare('SELECT block_class FROM site_registry WHERE entry_url = ?').pluck().get(p.entryUrl), 'http_521');
  }

  const found = db.prepare('SELECT site_id, url FROM site_columns WHERE gone_at IS NULL').all() as { site_id: string; url: string }[];
  const urls = new Set(found.map((f) => f.url.split('?')[0]));
  const missing: string[] = [];
  for (const p of portals.portals.filter((x) => !challenged.some((c) => c.id === x.id))) {
    const robots = p.hosts.map((h) => ({ base: h.base, rules: robotsParser(`${h.base}/robots.txt`, h.robots) }));
    const forbidden = (u: string): boolean => robots.some((r) => u.startsWith(r.base) && r.rules.isAllowed(u, 'nianbao') === false);
    for (const c of p.columns.filter((x) => x.role === 'column')) {
      const target = (c.dataUrl ?? c.url).split(/[?#]/)[0];
      if (forbidden(c.dataUrl ?? c.url)) continue;
      if (!urls.has(target) && !urls.has(c.url.split('#')[0])) missing.push(`${p.id} ${p.family} ${c.organKind} ${c.body} ${c.url}`);
    }
    const row = db.prepare('SELECT family, website_code FROM site_registry WHERE entry_url = ?').get(p.entryUrl) as { family: string; website_code: string };
    // A site of no particular CMS may show the markup another copies (dated TRS paths).
    if (p.family !== 'generic') assert.equal(row.family, p.family, `${p.id} family`);
    assert.equal(row.website_code?.slice(0, 6), p.division, `${p.id} footer code`);
  }
  assert.deepEqual(missing, [], 'every 年报 column found');
  // Townships are child rows keyed by their own 9-digit codes; departments by name under their county.
  const towns = portals.portals.filter((x) => !challenged.some((c) => c.id === x.id)).flatMap((p) => p.columns.filter((c) => c.role === 'column' && c.organKind === 'township').map((c) => c.division));
  const rows = new Set(db.prepare("SELECT division FROM site_registry WHERE origin = 'probe' AND level = 'township'").pluck().all() as string[]);
  assert.ok(towns.length > 0);
  for (const code of towns) assert.ok(rows.has(code), `township ${code} has its row`);
  const depts = db.prepare("SELECT count(*) FROM site_registry WHERE origin = 'probe' AND level = 'department'").pluck().get() as number;
  assert.ok(depts > 0, 'departments have rows');

  // A second probe keeps every column current; a footer code of another region marks the row.
  const id = db.prepare("SELECT id FROM site_registry WHERE origin = 'import' LIMIT 1").pluck().get() as string;
  db.prepare("UPDATE site_registry SET division = '110101' WHERE id = ?").run(id);
  await runProbe({ db, registry, userAgent: 'nianbao-test', siteIds: [id] });
  assert.equal(db.prepare('SELECT status FROM site_registry WHERE id = ?').pluck().get(id), 'wrong_code');
  assert.equal(db.prepare('SELECT count(*) FROM site_columns WHERE gone_at IS NOT NULL').pluck().get(), 0);
  // Every portal was probed just now: a probe started again (after a kill, say) has nothing left to do.
  assert.equal((await runProbe({ db, registry, userAgent: 'nianbao-test' })).sites, 0);
});
