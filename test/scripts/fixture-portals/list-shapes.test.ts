/**
 * The newer list patterns keep the truth exact: read the way a browser reads them (the page's `<base href>`
 * first, `../` and `?query` relatives resolved, the GBK bytes decoded whatever the header says), the static
 * columns of portals carrying base-href / relative-dots / title-in-span / year-headings / charset-mismatch link
 * only URLs the truth knows, every report of a column whose pager is not a script, the reports' names beside
 * (not inside) their anchors with title-in-span, and under their year's heading or tab with year-headings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { startPortals } from '../../../scripts/fixture-portals/index.ts';
import { NEWER_PATTERNS, type PortalTruth } from '../../../scripts/fixture-portals/types.ts';

/** Bytes as a browser decodes them here: UTF-8 when they are valid UTF-8, else GBK (the header may lie). */
function decode(b: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gbk').decode(b);
  }
}

function resolve(href: string | undefined, base: string): string | undefined {
  const h = href?.replace(/[\t\n\r]/g, '').trim();
  if (!h || /^javascript:/i.test(h)) return undefined;
  const u = new URL(h, base);
  u.hash = '';
  return u.href;
}

const DETAIL = /\/(?:t\d{8}_\d+|\d+)\.s?html|Article\.aspx|a=show/;

interface Seen {
  /** Resolved link → its anchor's element text and the year heading above it. */
  links: Map<string, { text: string; beside: string; year?: string }>;
  pages: string[];
  scriptPager: boolean;
  base?: string;
  /** Links that resolve elsewhere when the base is ignored. */
  misread: string[];
  charsetHeader: string;
  meta: boolean;
  utf8: boolean;
}

async function read(url: string): Promise<Seen> {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  const bytes = Buffer.from(await res.arrayBuffer());
  const $ = cheerio.load(decode(bytes));
  const baseHref = $('base').attr('href');
  const base = baseHref ? new URL(baseHref, url).href : url;
  const links = new Map<string, { text: string; beside: string; year?: string }>();
  const misread: string[] = [];
  $('a').each((_, a) => {
    const el = $(a);
    const script = /(?:window\.open|location\.href\s*=)\s*\(?'([^']*)'/.exec(el.attr('onclick') ?? '')?.[1];
    for (const h of [el.attr('href'), el.attr('data-href'), script]) {
      const u = resolve(h, base);
      if (!u) continue;
      const panel = el.closest('.tab-panel').attr('id');
      const year = el.closest('.nb-year').find('h3').first().text() || (panel ? $(`#tabT${panel.slice(3)}`).text() : undefined);
      links.set(u, { text: el.text().trim(), beside: el.siblings('.title').text().trim(), year });
      if (baseHref && resolve(h, url) !== u) misread.push(u);
    }
  });
  const pagerLinks = $('.page a').filter((_, a) => /^(首页|上一页|下一页|尾页|\d+)$/.test($(a).text().trim())).map((_, a) => resolve($(a).attr('href'), base)).get();
  const options = $('#pageSel option').map((_, o) => resolve($(o).attr('value'), base)).get();
  return {
    links, pages: [...pagerLinks, ...options].filter(Boolean) as string[], scriptPager: $('.page script').length > 0 && $('#pageSel').length === 0,
    base: baseHref, misread, charsetHeader: res.headers.get('content-type') ?? '', meta: /<meta[^>]+charset/i.test(bytes.toString('latin1')),
    utf8: (() => { try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); return true; } catch { return false; } })(),
  };
}

test('newer list patterns: links resolve the browser\'s way to what the truth knows, every report reached and named as listed', { timeout: 120_000 }, async (t) => {
  const portals = await startPortals({ seed: 3, n: 8, render: false, families: ['trs', 'lonsun', 'slug', 'generic'], patterns: NEWER_PATTERNS });
  t.after(() => portals.close());
  const truth = portals.truth();
  const carried = new Set(truth.portals.flatMap((p) => p.patterns));
  for (const p of NEWER_PATTERNS) assert.ok(carried.has(p), `${p} carried`);
  const shown = { base: 0, misread: 0, dots: 0, spans: 0, headed: 0, lyingHeader: 0, noMeta: 0 };
  const has = (p: PortalTruth, x: (typeof NEWER_PATTERNS)[number]): boolean => p.patterns.includes(x);
  for (const p of truth.portals.filter((x) => x.patterns.some((y) => NEWER_PATTERNS.includes(y)))) {
    const known = new Set([...p.reports.flatMap((r) => [r.url, r.detailUrl ?? r.url, ...(r.aliases ?? [])]), ...p.nonReports.map((n) => n.url), ...p.columns.map((c) => c.url)]);
    for (const c of p.columns.filter((x) => !x.dataUrl && x.role !== 'module')) {
      const links = new Map<string, { text: string; beside: string; year?: string }>();
      const queue = [c.url];
      const done = new Set<string>();
      let scripted = false;
      while (queue.length && done.size < 20) {
        const url = queue.shift()!;
        if (done.has(url)) continue;
        done.add(url);
        const s = await read(url);
        for (const [u, v] of s.links) links.set(u, v);
        queue.push(...s.pages.filter((u) => !done.has(u)));
        scripted ||= s.scriptPager;
        if (s.base) shown.base++;
        shown.misread += s.misread.length;
        if (has(p, 'charset-mismatch') && !s.utf8 && /charset=utf-8/i.test(s.charsetHeader)) shown.lyingHeader++;
        if (has(p, 'charset-mismatch') && !s.meta && !/charset/i.test(s.charsetHeader)) shown.noMeta++;
        if (has(p, 'charset-mismatch')) assert.ok(!s.utf8, `${url}: GBK bytes`);
      }
      for (const u of links.keys()) {
        if (new URL(u).host !== new URL(c.url).host || !DETAIL.test(u)) continue;
        assert.ok(known.has(u), `${p.id}: ${c.url} links ${u}, unknown to the truth`);
      }
      const html = await (await fetch(c.url)).arrayBuffer().then((b) => decode(Buffer.from(b)));
      if (has(p, 'relative-dots') && /href="(?:\.\.\/|\?)/.test(html)) shown.dots++;
      const listed = p.reports.filter((r) => r.column === c.url);
      if (scripted && !has(p, 'year-headings')) continue;
      for (const r of listed) {
        const l = links.get(r.detailUrl ?? r.url);
        assert.ok(l, `${p.id}: ${r.detailUrl ?? r.url} not reachable from ${c.url}`);
        if (has(p, 'title-in-span') && !has(p, 'index-table')) {
          assert.equal(l.beside, r.title, `${r.url}: title beside the anchor`);
          assert.doesNotMatch(l.text, /[\u4e00-\u9fff]/, `${r.url}: the anchor holds no title`);
          shown.spans++;
        }
        if (has(p, 'year-headings')) {
          assert.ok(l.year?.startsWith(String(r.year)), `${r.url}: under ${r.year}, found ${l.year}`);
          assert.ok(r.title.length > 0 && !/\d{4}/.test(r.title), `${r.url}: named by its body only (${r.title})`);
          shown.headed++;
        }
      }
    }
  }
  // Every pattern shows on the pages (not merely in the portal's list).
  assert.ok(shown.base > 0 && shown.misread > 0, `base-href shown: ${JSON.stringify(shown)}`);
  assert.ok(shown.dots > 0, `relative-dots shown: ${JSON.stringify(shown)}`);
  assert.ok(shown.spans > 0 && shown.headed > 0, `title-in-span and year-headings shown: ${JSON.stringify(shown)}`);
  assert.ok(shown.lyingHeader > 0 || shown.noMeta > 0, `charset-mismatch shown: ${JSON.stringify(shown)}`);
});
