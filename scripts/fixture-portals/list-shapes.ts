/**
 * More shapes of static list pages (the newer patterns): a `<base href>` at another folder that every relative
 * link resolves against (base-href), links written with `../` climbing to the root or past it, `./`, bare names
 * and query-only `?id=` (relative-dots), anchors wrapping only a date or an icon beside the title
 * (title-in-span), and every year of a column on one page under 年度 headings or in year tabs, the reports named
 * only by their body (year-headings). Every choice is a hash of the portal and the item or page, so a page has
 * the same bytes whenever it is asked for.
 */
import { anchor, DATA_HREF_SCRIPT, esc, type Entry, type LinkStyle } from './markup.ts';
import type { Item } from './plan.ts';
import type { Portal } from './portal.ts';

type Listed = Entry & { item?: Item };

/** year-headings: the reports' listed titles become their body's name (县财政局, 财政局, 财政局年报); run before the families build. */
export function bodyTitles(portal: Portal): void {
  if (!portal.has('year-headings')) return;
  for (const item of portal.plan.items) {
    if (item.kind !== 'report') continue;
    const short = item.organ.kind === 'county' ? `${portal.plan.county.name}人民政府` : item.organ.short;
    item.title = [item.organ.body, short, `${short}年报`][portal.variant(`yh/t/${item.n}`, 3)]!;
  }
}

/** `to` written relative to the folder of `from` (same host; else absolute) in one of the ways templates write it. */
export function dotsHref(from: string, to: string, k: number): string {
  const f = new URL(from);
  const t = new URL(to);
  if (f.host !== t.host) return to;
  const query = t.search;
  // ?id=5: the same script with another query.
  if (query && f.pathname === t.pathname && k !== 1) return query;
  const dir = f.pathname.split('/').slice(1, -1);
  const path = t.pathname.split('/').slice(1);
  if (k === 1 || k === 3) {
    // Climbing to the root (k = 1) or one step past it, which a browser clamps (k = 3): ../../xxgk/….
    return `${'../'.repeat(dir.length + (k === 3 ? 1 : 0))}${path.join('/')}${query}` || './';
  }
  let common = 0;
  while (common < dir.length && common < path.length - 1 && dir[common] === path[common]) common++;
  const up = dir.length - common;
  const rest = `${path.slice(common).join('/')}${query}`;
  if (up > 0) return `${'../'.repeat(up)}${rest}`;
  return k === 0 || rest === '' || rest.startsWith('?') ? `./${rest}` : rest;
}

/** `to` relative to the folder `base` (a `<base href>`): `xxgk/…`, `../xxgk/…`. */
function fromBase(base: string, to: string): string {
  return dotsHref(base, to, 2).replace(/^\?/, `${new URL(to).pathname.split('/').pop()}?`);
}

/**
 * base-href: the `<base href>` of a page of list `key` (absolute, another folder of the same host), or undefined
 * when the page does not carry one: pages whose pager is a script (it writes hrefs relative to the page) keep none.
 */
export function listBase(portal: Portal, key: string, here: string, pager: string): string | undefined {
  if (!portal.has('base-href') || (/<script/i.test(pager) && !/id="pageSel"/.test(pager))) return undefined;
  // With relative-dots too, one list in two keeps no base (its links show the dots).
  if (portal.has('relative-dots') && portal.variant(`bh/on/${key}`, 2) === 0) return undefined;
  const u = new URL(here);
  const dir = u.pathname.replace(/[^/]*$/, '');
  const parent = dir.replace(/[^/]+\/$/, '');
  const choices = [...new Set(['/', parent, '/templet/default/'])].filter((d) => d !== dir);
  return `${u.origin}${choices[portal.variant(`bh/${dir}`, choices.length)]}`;
}

/** How a list page writes the href of absolute URL `abs`: against its base, with relative-dots, or as `fallback` does. */
export function writeHref(portal: Portal, here: string, base: string | undefined, abs: string, key: string, fallback: () => string): string {
  if (new URL(abs).host !== new URL(here).host) return fallback();
  if (base) return fromBase(base, abs);
  if (portal.has('relative-dots')) return dotsHref(here, abs, portal.variant(`rd/${key}`, 4));
  return fallback();
}

/** Rewrites the plain hrefs and option values of pager HTML written relative to `here` (script URLs stay). */
export function rewriteHrefs(html: string, here: string, to: (abs: string, key: string) => string): string {
  return html.replace(/(\bhref=|<option value=)"([^"]*)"/g, (all, attr: string, v: string) => {
    const raw = v.replace(/&amp;/g, '&');
    if (!raw || /^(javascript:|#)/i.test(raw)) return all;
    const abs = new URL(raw, here).href;
    return `${attr}"${esc(to(abs, abs))}"`;
  });
}

/** title-in-span: `<li><a …>date or icon</a><span class="title">标题</span></li>` (no title= on the anchor). */
export function spanList(portal: Portal, entries: Listed[], style: (e: Entry, i: number) => LinkStyle): string {
  const lis = entries.map((e, i) => {
    const k = portal.variant(`ts/${e.item?.n ?? i}`, 4);
    const inner = k % 2 === 0 ? `<span class="date">${e.date}</span>` : `<img src="/images/icon_${k === 1 ? 'dot' : 'doc'}.gif" alt="">`;
    const a = anchor(e, style(e, i)).replace(/ title="[^"]*"/, '').replace(/>[^<]*<\/a>$/, `>${inner}</a>`);
    const title = k < 2 ? `<span class="title">${esc(e.title)}</span>` : `<p class="title">${esc(e.title)}</p>`;
    return k % 2 === 0 ? `<li>${a}${title}</li>` : `<li>${a}${title}<em>${e.date}</em></li>`;
  });
  return `<ul class="list list-span">\n${lis.join('\n')}\n</ul>${entries.some((e, i) => style(e, i) === 'data-href') ? DATA_HREF_SCRIPT : ''}`;
}

/**
 * year-headings: every entry on one page grouped by year, newest first: `<h3>2023年度</h3>` over a list, or year
 * tabs whose panels are all in the page (the other years hidden) switched by `showTab(n)`.
 */
export function yearGroups<T extends Listed>(portal: Portal, key: string, entries: T[], list: (group: T[]) => string): string {
  const years = [...new Set(entries.map((e) => e.item?.year ?? Number(e.date.slice(0, 4))))].sort((a, b) => b - a);
  const group = (y: number): T[] => entries.filter((e) => (e.item?.year ?? Number(e.date.slice(0, 4))) === y);
  if (portal.variant(`yh/${key}`, 2) === 0) {
    return years.map((y) => `<div class="nb-year"><h3>${y}年度</h3>\n${list(group(y))}</div>`).join('\n');
  }
  const tabs = years.map((y, i) => `<li id="tabT${i}"${i === 0 ? ' class="on"' : ''} onclick="showTab(${i})">${y}年</li>`).join('');
  const panels = years.map((y, i) => `<div id="tab${i}" class="tab-panel" style="display:${i === 0 ? 'block' : 'none'}">\n${list(group(y))}</div>`).join('\n');
  return `<ul class="year-tabs">${tabs}</ul>\n${panels}
<script type="text/javascript">function showTab(n) { for (var i = 0; i < ${years.length}; i++) { document.getElementById('tab' + i).style.display = i === n ? 'block' : 'none'; document.getElementById('tabT' + i).className = i === n ? 'on' : ''; } }</script>`;
}
