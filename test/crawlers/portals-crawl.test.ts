/**
 * Acceptance on simulated county portals (scripts/fixture-portals/), one per CMS family with the patterns the
 * seed mixes in (hubs, organ trees, script-built lists, every pager, viewers, disguised attachments,
 * non-reports, traps, robots rules, second hosts): a crawl from the portal homes finds every report, keeps no
 * non-report, follows no trap past its guard, stays on the portals' hosts, obeys robots.txt and the rate; a
 * second crawl after the portals change fetches again only what changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_FAMILIES, startPortals } from '../../scripts/fixture-portals/index.ts';
import { PATTERNS } from '../../scripts/fixture-portals/types.ts';
import { scoreCrawl } from '../../scripts/fixture-portals/scorer.ts';
import { crawl } from '../../crawlers/index.ts';
import { loadSites } from '../../crawlers/sites.ts';
import { tempStore } from './helpers/store.ts';

test('simulated portals of every family: every report found, nothing else kept, no trap, polite; a revisit fetches only what changed', { timeout: 300_000 }, async (t) => {
  // Every pattern but a robots Crawl-delay (seconds per request: tested in politeness.test.ts, too slow here).
  const notYet = new Set(['crawl-delay']);
  const patterns = PATTERNS.filter((p) => !notYet.has(p));
  const portals = await startPortals({ seed: 5, n: BUILT_FAMILIES.length, render: false, rps: 50, families: [...BUILT_FAMILIES], patterns });
  t.after(() => portals.close());
  const store = tempStore(t);
  const sites = loadSites(portals.sitesFile);
  const first = await crawl({ db: store.db, blobs: store.blobs, sites, runId: 'run-1', backoffBaseMs: 50, timeoutMs: 15_000, browser: 'auto' });
  assert.equal(first.aborted, false);
  const requests = [...portals.requests];
  portals.setRevision(2);
  const before = portals.requests.length;
  await crawl({ db: store.db, blobs: store.blobs, sites, runId: 'run-2', backoffBaseMs: 50, timeoutMs: 15_000, browser: 'auto' });
  const rerun = portals.requests.slice(before);
  const score = scoreCrawl({ db: store.dbPath, truth: portals.truth(), requests, rerunRequests: rerun });
  const t0 = score.total;
  const missing = score.byPortal.flatMap((p) => p.missing.map((m) => `${p.id} ${p.family} ${m.presentation} ${m.url}`));
  assert.deepEqual(missing, [], 'every report found');
  assert.equal(t0.nonReportsKept, 0, JSON.stringify(score.byPortal.flatMap((p) => p.keptNonReports)));
  assert.equal(t0.trapPagesBeyond, 0, JSON.stringify(score.byPortal.flatMap((p) => p.traps.filter((x) => x.beyond > 0))));
  assert.equal(t0.offHost, 0);
  assert.equal(t0.robotsViolations, 0, JSON.stringify(score.byPortal.flatMap((p) => p.robotsUrls)));
  assert.equal(t0.rateViolations, 0);
  assert.equal(t0.refetchedUnchanged, 0, `the second crawl fetches only new or changed documents: ${score.byPortal.flatMap((p) => p.refetchedUrls)}`);
  assert.equal(t0.splitComplete, t0.splitExpected, 'split reports fetched whole');
});
