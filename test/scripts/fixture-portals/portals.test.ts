/**
 * The simulated portals serve what their truth says: every report URL (and every page of a split report)
 * answers with the bytes whose sha256 is recorded, every column answers 200, robots.txt holds every
 * disallowed path, revision 2 changes one report and adds one, and the same seed gives the same truth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import m from 'robots-parser';
import { BUILT_FAMILIES, startPortals } from '../../../scripts/fixture-portals/index.ts';
import { CARRIERS } from '../../../scripts/fixture-portals/patterns.ts';
import { PATTERNS } from '../../../scripts/fixture-portals/types.ts';

const robotsParser = m as unknown as typeof m.default;

let cookie = '';

async function get(url: string): Promise<{ status: number; bytes: Buffer }> {
  for (let i = 0; ; i++) {
    const r = await fetch(url, { redirect: 'follow', headers: cookie ? { cookie } : {} });
    const bytes = Buffer.from(await r.arrayBuffer());
    // One 429 and one 503 per portal with transient-errors: asked again, as a crawler would.
    if ((r.status === 429 || r.status === 503) && i < 2) continue;
    // js-challenge: the script's cookie, as a browser would set it.
    const m = /'(__jsl_clearance_s)='\)\+encodeURIComponent\(\['([^']*)','([^']*)'\]/.exec(bytes.toString('utf8'));
    if (r.status === 521 && m && i < 3) {
      cookie = `${m[1]}=${encodeURIComponent(`${m[2]}|${m[3]}`)}`;
      continue;
    }
    return { status: r.status, bytes };
  }
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

test('every family serves the reports, columns and robots rules its truth lists', { timeout: 120_000 }, async (t) => {
  const portals = await startPortals({ seed: 7, n: BUILT_FAMILIES.length * 2, render: false });
  t.after(() => portals.close());
  const truth = portals.truth();
  assert.deepEqual(new Set(truth.portals.map((p) => p.family)), new Set(BUILT_FAMILIES), 'every family built');
  const carried = new Set(truth.portals.flatMap((p) => p.patterns));
  for (const p of PATTERNS) if (BUILT_FAMILIES.some((f) => CARRIERS[p].has(f))) assert.ok(carried.has(p), `pattern ${p} carried by a portal`);
  for (const p of truth.portals) {
    assert.ok(p.reports.length >= 5, `${p.id} publishes ${p.reports.length} reports`);
    assert.ok(p.nonReports.length > 0, `${p.id} has non-reports`);
    assert.ok(p.columns.length > 0, `${p.id} has columns`);
    for (const r of p.reports) {
      const got = await get(r.url);
      assert.equal(got.status, 200, r.url);
      assert.equal(sha(got.bytes), r.sha256, `bytes of ${r.url}`);
      for (const [i, u] of (r.pages ?? []).entries()) assert.equal(sha((await get(u)).bytes), r.pageSha256?.[i], `page ${i + 1} of ${r.url}`);
      assert.ok(r.division.startsWith(p.division), `${r.body} (${r.division}) belongs to ${p.division}`);
    }
    for (const c of p.columns) {
      const page = await get(c.url);
      assert.equal(page.status, 200, `column ${c.url}`);
      // The column (its page, its list frame, or the data its script reads) links its newest reports.
      const listed = p.reports.filter((r) => r.column === c.url || r.column === c.dataUrl);
      if (listed.length === 0) continue;
      let text = page.bytes.toString('latin1');
      const frame = /<iframe name="list" src="([^"]+)"/.exec(text)?.[1];
      if (frame) text += (await get(new URL(frame.replace(/&amp;/g, '&'), c.url).toString())).bytes.toString('latin1');
      if (c.dataUrl) {
        const data = (await get(`${c.dataUrl}${c.dataUrl.includes('?') ? '&' : '?'}page=1&pageNo=1`)).bytes.toString('latin1');
        text += /^[A-Za-z0-9+/=]+$/.test(data) ? Buffer.from(data, 'base64').toString('utf8') : data;
      }
      const leaf = (u: string): string => { const x = new URL(u); return `${x.pathname.split('/').pop()}${x.search}`; };
      const linked = listed.filter((r) => [r.detailUrl, r.url, ...(r.aliases ?? [])].some((u) => u && text.includes(leaf(u).replace(/&/g, '&amp;')) || (u && text.includes(leaf(u)))));
      assert.ok(linked.length > 0, `${p.id}: ${c.url} links none of its ${listed.length} reports`);
    }
    for (const d of p.disallowed) {
      const h = p.hosts.find((x) => x.host === d.host)!;
      const robots = (await get(`${h.base}/robots.txt`)).bytes.toString('utf8');
      assert.equal(robotsParser(`${h.base}/robots.txt`, robots).isAllowed(`${h.base}${d.path}`, 'nianbao'), false, `${d.path} disallowed on ${d.host}`);
    }
    for (const r of p.reports.filter((x) => x.robotsExcluded)) {
      assert.ok(p.disallowed.some((d) => [r.url, r.column, r.detailUrl ?? ''].some((u) => u.includes(`//${d.host}${d.path}`))), `${r.url} is excluded by a rule`);
    }
  }
  const before = new Map(truth.portals.flatMap((p) => p.reports.map((r) => [r.url, r.sha256])));
  portals.setRevision(2);
  for (const p of portals.truth().portals) {
    const changed = p.reports.filter((r) => before.has(r.url) && before.get(r.url) !== r.sha256).map((r) => r.url);
    const added = p.reports.filter((r) => !before.has(r.url)).map((r) => r.url);
    assert.deepEqual(changed, p.revision2.changed, `${p.id}: revision 2 changes ${p.revision2.changed.length}`);
    assert.deepEqual(added, p.revision2.added, `${p.id}: revision 2 adds ${p.revision2.added.length}`);
    assert.equal(added.length, 1);
    for (const u of added) assert.equal(sha((await get(u)).bytes), p.reports.find((r) => r.url === u)!.sha256);
  }
});

test('the same seed gives the same portals, paths, bodies and years', { timeout: 60_000 }, async (t) => {
  const a = await startPortals({ seed: 3, n: 2, render: false });
  t.after(() => a.close());
  const b = await startPortals({ seed: 3, n: 2, render: false });
  t.after(() => b.close());
  const shape = (x: typeof a): string[] => x.portals.flatMap((p) => [p.id, ...p.reports.map((r) => `${new URL(r.url).pathname} ${r.body} ${r.year} ${r.sha256.slice(0, 12)}`)]);
  const sa = shape(a);
  const sb = shape(b);
  // Host addresses differ (ports), and HTML embeds them only in navigation links of other hosts: compare paths and bodies.
  assert.deepEqual(sa.map((s) => s.split(' ').slice(0, 3).join(' ')), sb.map((s) => s.split(' ').slice(0, 3).join(' ')));
});
