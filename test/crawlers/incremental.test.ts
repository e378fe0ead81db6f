/**
 * Acceptance: a second run (nightly) revisits lists and revalidates stored documents with conditional GETs;
 * only what changed is downloaded: the changed report becomes version 2 (version 1 kept), the new one is added.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { urlKey } from '../../crawlers/canonical.ts';
import { startFixtureSite } from '../../scripts/fixture-site/index.ts';
import { crawlFixture, fixtureSites, hasDocument } from './helpers/fixture-crawl.ts';
import { tempStore } from './helpers/store.ts';

test('a second run fetches only what changed (conditional GETs answered 304)', { timeout: 90_000 }, async (t) => {
  const site = await startFixtureSite();
  t.after(() => site.close());
  const store = tempStore(t);
  const sites = fixtureSites(site.sitesFile);
  await crawlFixture(store, sites, 'night-1');
  const before = site.expectedReports;
  const seen = site.requests.length;

  site.setRevision(2);
  const after = site.expectedReports;
  const summary = await crawlFixture(store, sites, 'night-2');
  const second = site.requests.slice(seen);

  const oldBySha = new Set(before.map((e) => `${urlKey(e.url)} ${e.sha256}`));
  const changed = after.filter((e) => before.some((b) => b.url === e.url) && !oldBySha.has(`${urlKey(e.url)} ${e.sha256}`));
  const added = after.filter((e) => !before.some((b) => b.url === e.url));
  assert.equal(changed.length, 1, 'revision 2 changes one report');
  assert.equal(added.length, 1, 'revision 2 adds one report');

  // Every stored report was asked for conditionally; all but the changed one answered 304.
  for (const e of before) {
    const path = new URL(e.url).pathname;
    const hits = second.filter((r) => r.site === e.site && r.path.startsWith(path));
    assert.ok(hits.length >= 1 && hits.every((r) => r.conditional), `${e.url}: conditional GET`);
    const want = changed.some((c) => c.url === e.url) ? 200 : 304;
    assert.ok(hits.every((r) => r.status === want), `${e.url}: ${hits.map((r) => r.status)} (want ${want})`);
  }
  assert.ok(second.some((r) => added[0].url.endsWith(r.path) && r.status === 200), 'the new report is downloaded');
  // Detail pages that only wrap an attachment are revalidated too, never downloaded again.
  assert.ok(second.filter((r) => r.status === 200 && /\.(pdf|docx?|wps)$|filename=/.test(r.path)).length === 0, 'no attachment downloaded again');

  assert.equal(summary.newDocuments, 1);
  assert.equal(summary.changedDocuments, 1);
  assert.equal(summary.errors, 0, JSON.stringify(summary.byErrorKind));
  for (const e of after) assert.ok(hasDocument(store, e.url, e.sha256), e.url);
  const versions = store.db.prepare('SELECT version, sha256 FROM documents WHERE url_key = ? ORDER BY version').all(urlKey(changed[0].url)) as { version: number; sha256: string }[];
  const old = before.find((b) => b.url === changed[0].url);
  assert.deepEqual(versions, [{ version: 1, sha256: old?.sha256 }, { version: 2, sha256: changed[0].sha256 }]);
});
