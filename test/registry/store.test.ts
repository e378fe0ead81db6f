import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { parseSites, SITE_COLUMNS } from '../../crawlers/sites.ts';
import { defaultRegistry } from '../../src/divisions/default-registry.ts';
import { combineSites } from '../../src/registry/combine.ts';
import { exportCells } from '../../src/registry/format.ts';
import { importPortalList } from '../../src/registry/import.ts';
import { crawlableSites, readRegistry, writeImport } from '../../src/registry/store.ts';
import { openDb } from '../../src/store/db.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/registry/portals.csv', import.meta.url));
const rowsOf = (text: string) => importPortalList(text, defaultRegistry(), { file: 'portals.csv' }).value.rows;

test('an import is written whole; a re-import keeps probe results of the ids that stay and removes the others', () => {
  const db = openDb(':memory:');
  const text = readFileSync(FIXTURE, 'utf8');
  const first = rowsOf(text);
  assert.deepEqual(writeImport(db, first, '2026-01-01'), { inserted: first.length, updated: 0, removed: 0 });
  assert.equal(readRegistry(db).length, first.length);
  db.prepare("UPDATE site_registry SET website_code = '1101080001', family = 'hanweb' WHERE id = 'gov-110108'").run();
  // The second list lacks the 北京市 row (line 2).
  const second = rowsOf(text.replace(/^北京市,北京市.*\n/m, ''));
  assert.deepEqual(writeImport(db, second, '2026-02-01'), { inserted: 0, updated: second.length, removed: 1 });
  assert.equal(db.prepare("SELECT COUNT(*) FROM site_registry WHERE id = 'gov-110000'").pluck().get(), 0);
  assert.deepEqual(db.prepare("SELECT website_code, family, imported_at FROM site_registry WHERE id = 'gov-110108'").get(),
    { website_code: '1101080001', family: 'hanweb', imported_at: '2026-02-01' });
  // A write that fails half-way leaves the registry as it was.
  const broken = rowsOf(text).map((r, i) => (i === 5 ? { ...r, level: 'nation' as never } : r));
  assert.throws(() => writeImport(db, broken, '2026-03-01'), /CHECK constraint/);
  assert.equal(readRegistry(db).length, second.length);
  assert.equal(db.prepare("SELECT COUNT(*) FROM site_registry WHERE imported_at = '2026-03-01'").pluck().get(), 0);
  db.close();
});

test('the crawl reads rows with status ok; a 年报 column of the probe becomes the entry', () => {
  const db = openDb(':memory:');
  writeImport(db, rowsOf(readFileSync(FIXTURE, 'utf8')), '2026-01-01');
  const ok = readRegistry(db, { ok: true }).map((r) => r.id);
  const sites = crawlableSites(db);
  assert.deepEqual(sites.map((s) => s.id), [...ok].sort());
  const haidian = sites.find((s) => s.id === 'gov-110108')!;
  assert.deepEqual([haidian.division, haidian.level, haidian.parent, haidian.entryRole, haidian.rps], ['110108', 'county', '110000', 'home', 0.5]);
  db.prepare("INSERT INTO site_columns (site_id, url, found_by, first_seen, last_seen) VALUES ('gov-110108', 'http://www.haidian.example.cn/zfxxgknb/', 'link text', 'a', 'b')").run();
  const withColumn = crawlableSites(db).find((s) => s.id === 'gov-110108')!;
  assert.deepEqual([withColumn.entryUrl, withColumn.entryRole], ['http://www.haidian.example.cn/zfxxgknb/', 'column']);
  db.close();
});

test('the exported registry CSV is what the crawler reads: ok rows crawled, the others kept with their status', () => {
  const rows = rowsOf(readFileSync(FIXTURE, 'utf8'));
  const csv = stringify([SITE_COLUMNS as unknown as string[], ...rows.map((r) => exportCells(r).map((c) => c ?? ''))]);
  const sites = parseSites(csv, 'export.csv');
  assert.deepEqual(sites.map((s) => s.id).sort(), rows.filter((r) => r.status === 'ok').map((r) => r.id).sort());
  const shihezi = sites.find((s) => s.id === 'gov-659001')!;
  assert.deepEqual([shihezi.level, shihezi.parent, shihezi.status, shihezi.source], ['county', '650000', 'ok', 'portals.csv line 18']);
});

test('file rows replace database rows of the same id or division', () => {
  const site = (id: string, division?: string) => ({ id, name: id, entryUrl: `http://${id}.example.cn/`, entryRole: 'home' as const,
    adapter: 'auto' as const, render: 'auto' as const, rps: 1, pageLimit: 10, allowedHosts: [`${id}.example.cn`], maxDepth: 2, ...(division ? { division } : {}) });
  const c = combineSites([site('hongze', '320813'), site('gov-110108')], [site('gov-320813', '320813'), site('gov-110108', '110108'), site('gov-110105', '110105')]);
  assert.deepEqual(c.sites.map((s) => s.id), ['hongze', 'gov-110108', 'gov-110105']);
  assert.equal(c.sites[1].division, undefined);
  assert.deepEqual([c.fromFile, c.fromDb, c.replaced], [2, 1, 2]);
});
