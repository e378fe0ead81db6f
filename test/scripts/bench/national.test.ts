// The national night's portals, their server, and how the bench judges a revisit and the start-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { COLUMN, portalAddress, portalIndex, portalPage, portalShape, portalSites } from '../../../scripts/bench/national/portals.ts';
import { startPortalServer } from '../../../scripts/bench/national/server.ts';
import { nationalAim, nationalLimit, type NationalResult } from '../../../scripts/bench/sections/national.ts';
import { startupAims, type StartupResult } from '../../../scripts/bench/sections/startup.ts';

test('each portal has its own loopback address, 2–5 list pages with a pager and 2–4 reports', () => {
  assert.equal(portalAddress(0), '127.200.1.1');
  assert.equal(portalAddress(2999), '127.211.250.1');
  for (const i of [0, 1, 249, 250, 2999]) assert.equal(portalIndex(portalAddress(i)), i);
  assert.equal(portalIndex('127.0.0.1'), null);
  const shapes = Array.from({ length: 12 }, (_, i) => portalShape(i));
  assert.deepEqual([...new Set(shapes.map((s) => s.pages))].sort(), [2, 3, 4, 5]);
  assert.deepEqual([...new Set(shapes.map((s) => s.reports))].sort(), [2, 3, 4]);
  const { pages, reports } = portalShape(7);
  const first = portalPage(7, `${COLUMN}/index.html`, '一、总体情况')!;
  assert.match(first.body, new RegExp(`createPageHTML\\(${pages}, 0, "index", "html"\\)`));
  const links = [...first.body.matchAll(/href="([^"]+_7_\d\.html)"/g)].map((m) => m[1]!);
  assert.equal(links.length, reports);
  assert.match(portalPage(7, links[0]!, '一、总体情况')!.body, /示例7县人民政府[\s\S]*一、总体情况/);
  assert.ok(portalPage(7, `${COLUMN}/index_${pages - 1}.html`, ''));
  assert.equal(portalPage(7, `${COLUMN}/index_${pages}.html`, ''), null);
  const [site] = portalSites(1, 8080, 1);
  assert.equal(site!.entryUrl, `http://127.200.1.1:8080${COLUMN}/index.html`);
  assert.deepEqual(site!.allowedHosts, ['127.200.1.1']);
});

function get(host: string, port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; etag?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('one server process answers every portal on its own address, with 304 for a matching conditional GET', async () => {
  const server = await startPortalServer(3, '报告正文');
  try {
    const a = await get(portalAddress(2), server.port, `${COLUMN}/index.html`);
    assert.equal(a.status, 200);
    assert.match(a.body, /示例2县/);
    const again = await get(portalAddress(2), server.port, `${COLUMN}/index.html`, { 'if-none-match': a.etag! });
    assert.equal(again.status, 304);
    assert.equal((await get(portalAddress(1), server.port, '/nothing.html')).status, 404);
  } finally {
    const stats = await server.stop();
    assert.equal(stats.requests, 3);
    assert.equal(stats.notModified, 1);
  }
});

const figures = (o: Partial<NationalResult['revisit']>): NationalResult['revisit'] => ({
  wallMs: 600_000, cpuMs: 100_000, requests: 20_000, statuses: { 304: 20_000 }, documents: 9000, newDocuments: 0, changedDocuments: 0, errors: 0,
  rssMiB: [200, 210, 215, 215, 216, 216, 217, 217, 218, 218, 218], heapUsedMiB: 60, politeFloorMs: 9000, serverCpuMs: 50_000, serverRequests: 20_000, profile: null, ...o,
});
const national = (revisit: NationalResult['revisit']): NationalResult => ({ portals: 3000, listPages: 10_500, reports: 9000, rps: 1, concurrency: 256, seed: revisit, revisit });

test('the national aim: under 15 minutes with flat memory and no errors; the limit named from the figures', () => {
  const ok = national(figures({}));
  assert.equal(nationalAim(ok).met, true);
  assert.match(nationalLimit(ok), /neither/);
  assert.equal(nationalAim(national(figures({ wallMs: 16 * 60_000 }))).met, false);
  assert.equal(nationalAim(national(figures({ rssMiB: [200, 210, 300, 400, 500, 600, 700, 800, 900, 1000, 1100] }))).met, false);
  assert.match(nationalLimit(national(figures({ cpuMs: 590_000 }))), /crawler's CPU: its thread had work 98 %/);
  // A busy machine gives the crawler 40 % of a core, but its thread never waits: CPU-bound, and the profile says where.
  const profile = { totalMs: 1000, self: [{ name: '(idle)', ms: 50, share: 0.05 }], inclusive: [{ name: 'loop crawlers/crawl.ts', ms: 900, share: 0.9 }, { name: 'claim crawlers/frontier.ts', ms: 750, share: 0.75 }] };
  assert.match(nationalLimit(national(figures({ cpuMs: 240_000, profile }))), /had work 95 % of the time \(the machine gave it 40 % of a core\); claim crawlers\/frontier.ts takes 75 %/);
  assert.match(nationalLimit(national(figures({ politeFloorMs: 590_000 }))), /per-host rate/);
});

test('start-up aims: --help by CPU, one PDF against twice the in-process figure plus start-up, peak memory', () => {
  const t = (cpuMs: number, maxRssKiB = 100_000) => ({ wallMs: cpuMs * 2, cpuMs, maxRssKiB });
  const s: StartupResult = {
    bundleStale: null, help: [t(150), t(170), t(160)], file: 'a.pdf', parseCli: [t(500), t(520)],
    parseInProcess: [{ wallMs: 300, cpuMs: 200 }, { wallMs: 300, cpuMs: 200 }], batch: null,
  };
  const byId = (x: StartupResult) => Object.fromEntries(startupAims(x).map((a) => [a.id, a.met]));
  assert.deepEqual(byId(s), { 'startup-help': true, 'startup-parse': true, 'startup-memory': true });
  assert.deepEqual(byId({ ...s, help: [t(400)], parseCli: [t(900, 400_000)] }), { 'startup-help': false, 'startup-parse': false, 'startup-memory': false });
});
