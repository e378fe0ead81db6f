/**
 * What every family builder shares: an Rng of its own, publishing every item of a list, rendering one list
 * page with the family's pager (endless past the stated count with trap-pager), sub-column links (anchors, or a
 * GET form with form-links), and list-level patterns (json-api, load-more, xhr-only) on the lists chosen for them.
 */
import { Rng } from '../../corpus/prng.ts';
import { keySeed } from '../documents.ts';
import { recordList, type Layout, type ListDef } from '../layout.ts';
import { hrefFrom, jsonApiList, loadMoreList, pageCount, rel, slice, styleOf, visibleEntries, xhrOnlyList, type PubEntry } from '../lists.ts';
import { indexTable, selectPager, varyChildHref, varyHref } from '../list-variants.ts';
import { listBase, rewriteHrefs, spanList, writeHref, yearGroups } from '../list-shapes.ts';
import { esc, navList, tableList, ulList } from '../markup.ts';
import type { HostRole, Portal } from '../portal.ts';
import { publishItem, type PublishSpec } from '../publish.ts';
import { registerPagerTrap } from '../traps.ts';

export function familyRng(portal: Portal, salt: string): Rng {
  return new Rng(keySeed(portal.plan.seed, `${portal.plan.id}/${salt}`));
}

/** Publishes every item of `l`; `spec(item)` gives its paths. */
export function publishList(portal: Portal, l: ListDef, columnUrl: string, spec: (item: ListDef['items'][number]) => Omit<PublishSpec, 'columns'>): PubEntry[] {
  return l.items.map((item) => ({ ...publishItem(portal, item, { ...spec(item), columns: [columnUrl] }), item }));
}

export type ListMode = 'static' | 'json-api' | 'load-more' | 'xhr-only';

/** Which lists carry the scripted patterns: json-api on the top list, load-more on one organ list, xhr-only on the last. */
export function listModes(portal: Portal, layout: Layout): Map<ListDef, ListMode> {
  const modes = new Map<ListDef, ListMode>(layout.all.map((l) => [l, 'static']));
  const others = layout.all.filter((l) => l !== layout.top && !l.disallowed && l.items.length > 0);
  if (portal.has('json-api')) modes.set(layout.top, 'json-api');
  if (portal.has('xhr-only') && others.length > 0) modes.set(others[others.length - 1]!, 'xhr-only');
  if (portal.has('load-more') && others.length > 1) modes.set(others[0]!, 'load-more');
  else if (portal.has('load-more') && !portal.has('json-api')) modes.set(layout.top, 'load-more');
  return modes;
}

export interface ListPageInput {
  portal: Portal;
  role: HostRole;
  list: ListDef;
  /** Absolute URL of the list's first page. */
  url: string;
  entries: PubEntry[];
  index: number;
  /** Absolute URL of page i. */
  pageUrl: (i: number) => string;
  /** The pager HTML for (count, index). */
  pager: (count: number, index: number, total: number) => string;
  /** Sub-column links (absolute URLs). */
  children: { href: string; text: string }[];
  /** The GET form replacing the sub-column links (form-links). */
  form?: string;
  table?: boolean;
  relative?: boolean;
  /** Pages are GET URLs (false: only a POST reaches page 2, and select-pager leaves the pager as it is). */
  getPages?: boolean;
}

/**
 * One page of a static list, or undefined past the end. With trap-pager, pages past the end repeat the last
 * page and link the next one.
 */
export function listPage(i: ListPageInput): { title: string; body: string; head: string } | undefined {
  const { portal, list } = i;
  const size = portal.plan.pageSize;
  const all = visibleEntries(portal, i.entries);
  // year-headings: every year on the first page, no pager.
  const grouped = portal.has('year-headings');
  if (grouped && i.index > 0) return undefined;
  const count = grouped ? 1 : pageCount(all.length, size);
  const past = i.index >= count;
  if (past && !portal.has('trap-pager')) return undefined;
  const shown = grouped ? all : slice(all, size, past ? count - 1 : i.index);
  const here = i.pageUrl(i.index);
  const relative = i.relative ?? true;
  const pagerRaw = grouped ? '' : portal.has('select-pager') && i.getPages !== false
    ? selectPager(portal, list.key, count, Math.min(i.index, count - 1), all.length, (k) => hrefFrom(portal, here, i.pageUrl(k), relative))
    : i.pager(count, i.index, all.length);
  // base-href / relative-dots: every relative link written against the base, or with ../ and ?query.
  const base = listBase(portal, list.key, here, pagerRaw);
  const write = (abs: string, key: string, fallback: () => string): string => writeHref(portal, here, base, abs, key, fallback);
  const items = shown.map((e) => ({ ...e, href: write(e.href, `i/${e.item.n}`, () => hrefFrom(portal, here, e.href, relative)) }))
    .map((e) => ({ ...e, href: varyHref(portal, base ?? here, e, styleOf(e)) }));
  const render = (group: typeof items): string => (portal.has('index-table') ? indexTable(portal, group, styleOf)
    : portal.has('title-in-span') ? spanList(portal, group, styleOf) : i.table ? tableList(group, styleOf) : ulList(group, styleOf));
  const listHtml = grouped ? yearGroups(portal, list.key, items, render) : render(items);
  const next = past || (!grouped && portal.has('trap-pager') && i.index === count - 1) ? ` <a href="${esc(i.pageUrl(i.index + 1))}">下一页</a>` : '';
  const children = i.children.map((c) => {
    const href = varyChildHref(portal, i.role, here, c.href);
    return { ...c, href: write(new URL(href, here).href, `c/${href}`, () => href) };
  });
  const subs = i.form ?? (children.length ? navList(children, 'sub-columns') : '');
  const pager = base || portal.has('relative-dots') ? rewriteHrefs(pagerRaw, here, (abs, key) => write(abs, key, () => abs)) : pagerRaw;
  const head = base ? `<base href="${esc(base)}">` : '';
  return { title: list.title, head, body: `<div class="column"><h2>${esc(list.title)}</h2>${subs}\n${listHtml}\n<div class="page">${pager}${next}</div></div>` };
}

/** Registers the endless-pager trap of a list when the portal has trap-pager. */
export function pagerTrap(portal: Portal, role: HostRole, l: ListDef, pattern: string, firstIndexPastEnd: (count: number) => number): void {
  if (!portal.has('trap-pager') || l.items.length === 0) return;
  const count = pageCount(l.items.length, portal.plan.pageSize);
  registerPagerTrap(portal, role, pattern, firstIndexPastEnd(count) - 1, 'endless-pager');
}

/** The body of a scripted list (json-api, load-more, xhr-only), with its data routes under `dataBase`. */
export function scriptedList(portal: Portal, role: HostRole, mode: Exclude<ListMode, 'static'>, l: ListDef, url: string, entries: PubEntry[], dataBase: string, columnId: number): () => string {
  const rooted = (): PubEntry[] => rel(portal, url, visibleEntries(portal, entries), false);
  const size = portal.plan.pageSize;
  let body: () => string;
  let dataUrl: string;
  if (mode === 'json-api') {
    dataUrl = `${dataBase}api/list.json`;
    const b = jsonApiList(portal, role, { jsPath: `${dataBase}js/nblist.js`, apiPath: dataUrl, columnId, entries: rooted, pageSize: size });
    body = () => b;
  } else if (mode === 'load-more') {
    dataUrl = `${dataBase}more.json`;
    body = loadMoreList(portal, role, { apiPath: dataUrl, entries: rooted, pageSize: size });
  } else {
    dataUrl = `${dataBase}data/${columnId}.dat`;
    const b = xhrOnlyList(portal, role, { apiPath: dataUrl, entries: rooted });
    body = () => b;
  }
  recordList(portal, l, url, portal.url(role, dataUrl));
  return () => `<div class="column"><h2>${esc(l.title)}</h2>${body()}</div>`;
}
