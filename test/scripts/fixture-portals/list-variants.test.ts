/**
 * The later list patterns keep the truth exact: read the way a browser reads them (whitespace stripped from
 * hrefs, protocol-relative and upper-case-scheme URLs resolved, fragments dropped, every page of a select
 * pager), the static columns of portals carrying index-table / select-pager / whitespace-hrefs / host-variants
 * link every report their truth lists and nothing the truth does not know.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { startPortals } from '../../../scripts/fixture-portals/index.ts';
import type { Pattern } from '../../../scripts/fixture-portals/types.ts';

const LIST_PATTERNS: Pattern[] = ['index-table', 'select-pager', 'whitespace-hrefs', 'host-variants'];

/** An href as a browser resolves it: tabs and newlines removed, spaces trimmed, the fragment dropped. */
function resolve(href: string, base: string): string | undefined {
  const h = href.replace(/[\t\n\r]/g, '').trim();
  if (!h || /^javascript:/i.test(h)) return undefined;
  const u = new URL(h, base);
  u.hash = '';
  return u.href;
}

function links(html: string, base: string): { targets: string[]; pages: string[] } {
  const $ = cheerio.load(html);
  const targets: string[] = [];
  $('a').each((_, a) => {
    const el = $(a);
    const script = /(?:window\.open|location\.href\s*=)\s*\(?'([^']*)'/.exec(el.attr('onclick') ?? '')?.[1];
    for (const h of [el.attr('href'), el.attr('data-href'), script]) {
      const u = h === undefined ? undefined : resolve(h, base);
      if (u) targets.push(u);
    }
  });
  const pages = $('#pageSel option').map((_, o) => resolve($(o).attr('value') ?? '', base)).get().filter(Boolean) as string[];
  return { targets, pages };
}

test('later list patterns: every listed report reachable the browser\'s way, every link known to the truth', { timeout: 120_000 }, async (t) => {
  const portals = await startPortals({ seed: 3, n: 8, render: false, families: ['trs', 'lonsun', 'slug', 'generic'], patterns: LIST_PATTERNS });
  t.after(() => portals.close());
  const truth = portals.truth();
  const carried = new Set(truth.portals.flatMap((p) => p.patterns));
  for (const p of LIST_PATTERNS) assert.ok(carried.has(p), `${p} carried`);
  let checked = 0;
  for (const p of truth.portals.filter((x) => x.patterns.some((y) => LIST_PATTERNS.includes(y)))) {
    const known = new Set([
      ...p.reports.flatMap((r) => [r.url, r.detailUrl ?? r.url, ...(r.aliases ?? [])]), ...p.nonReports.map((n) => n.url), ...p.columns.map((c) => c.url),
    ]);
    for (const c of p.columns.filter((x) => !x.dataUrl)) {
      const listed = p.reports.filter((r) => r.column === c.url);
      const seen = new Set<string>();
      const queue = [c.url];
      const done = new Set<string>();
      while (queue.length) {
        const url = queue.shift()!;
        if (done.has(url)) continue;
        done.add(url);
        const res = await fetch(url);
        assert.equal(res.status, 200, url);
        const html = new TextDecoder(/charset=gb2312/.test(res.headers.get('content-type') ?? '') ? 'gbk' : 'utf-8').decode(await res.arrayBuffer());
        const l = links(html, url);
        for (const u of l.targets) seen.add(u);
        if (p.patterns.includes('select-pager')) queue.push(...l.pages);
      }
      const base = new URL(c.url).host;
      for (const u of seen) {
        if (new URL(u).host !== base || !/\/(?:t\d{8}_\d+|\d+)\.s?html|Article\.aspx|a=show/.test(u)) continue;
        assert.ok(known.has(u), `${p.id}: ${c.url} links ${u}, unknown to the truth`);
      }
      // Without select-pager, only the first page is read here (its other pagers are scripts).
      const reach = p.patterns.includes('select-pager') ? listed : [];
      for (const r of reach) assert.ok(seen.has(r.detailUrl ?? r.url), `${p.id}: ${r.detailUrl ?? r.url} not reachable from ${c.url}`);
      checked += listed.length;
    }
  }
  assert.ok(checked > 0, 'some listed reports checked');
});
