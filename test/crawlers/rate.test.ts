/** Acceptance: the crawl never exceeds a host's rate, measured from the server's request log. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureSite } from '../../scripts/fixture-site/index.ts';
import { crawlFixture, fixtureSites } from './helpers/fixture-crawl.ts';
import { tempStore } from './helpers/store.ts';

test('requests to a host never exceed its requests per second', { timeout: 60_000 }, async (t) => {
  const site = await startFixtureSite();
  t.after(() => site.close());
  const store = tempStore(t);
  const rps = 5;
  const summary = await crawlFixture(store, fixtureSites(site.sitesFile, ['trs', 'ucap'], { rps, pageLimit: 12 }), 'rate', { globalConcurrency: 8 });
  assert.ok(summary.pages >= 12);
  for (const name of ['trs', 'ucap']) {
    const times = site.requests.filter((r) => r.site === name).map((r) => r.time).sort((a, b) => a - b);
    assert.ok(times.length >= 8, `${name}: ${times.length} requests`);
    // Arrivals at least 1/rps = 200 ms apart (the gate counts from the end of the previous request, so delays
    // on our side can only widen the gaps the server sees); 5 ms tolerance for clock rounding.
    for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 195, `${name}: gap ${times[i] - times[i - 1]} ms`);
    // And no sliding one-second window holds more than rps requests (+1 for the window edge).
    for (const start of times) assert.ok(times.filter((x) => x >= start && x < start + 1000).length <= rps + 1, name);
  }
});
