/**
 * A report split over several pages is stored as one document whose article holds every page: parsed, it has
 * the template's tables of every page (section 二 on page 1, sections 三 and 四 on the next), not page 1 alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPortals } from '../../scripts/fixture-portals/index.ts';
import { crawl } from '../../crawlers/index.ts';
import { loadSites } from '../../crawlers/sites.ts';
import { parseBytes } from '../../src/pipeline/parse-file.ts';
import { tempStore } from './helpers/store.ts';

test('a split report is stored whole and parses to its template, with the tables of every page', { timeout: 180_000 }, async (t) => {
  const portals = await startPortals({ seed: 33, n: 2, render: false, rps: 100, families: ['generic', 'trs'], patterns: ['split-report'] });
  t.after(() => portals.close());
  const store = tempStore(t);
  await crawl({ db: store.db, blobs: store.blobs, sites: loadSites(portals.sitesFile), runId: 'split', backoffBaseMs: 50, browser: 'never' });
  const split = portals.truth().portals.flatMap((p) => p.reports.filter((r) => r.presentation === 'split'));
  assert.ok(split.length >= 2, 'the portals carry split reports');
  for (const r of split) {
    const doc = store.db.prepare('SELECT sha256, url FROM documents WHERE url = ?').get(r.url) as { sha256: string; url: string } | undefined;
    assert.ok(doc, `${r.url} stored`);
    const out = await parseBytes(store.blobs.get(doc.sha256), { file: 'report.html', url: doc.url });
    assert.equal(out.template, r.template, `${r.url}: parsed as its template`);
    assert.equal(out.year, r.year);
    // Section 三 (the page after the first) is read: its grand total is a number.
    assert.equal(typeof out.values?.['s3.new.total'], 'number', `${r.url}: section 三 read`);
  }
});
