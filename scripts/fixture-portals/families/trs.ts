/**
 * TRS-style dated pages (Hubei, Sichuan, Fujian, path-named xxgk trees in Guangxi …): a 信息公开 tree under
 * /xxgk/ (on its own host with second-host), 年报 columns named zfxxgknb / xxgknb / gknb / zfxxgkndbg with
 * index.html, index_1.html … written by createPageHTML (or a cousin with script-pager), articles
 * ./YYYYMM/tYYYYMMDD_N.html with attachments P0…pdf beside them, split articles t…_1.html, year and township
 * sub-columns.
 */
import { hrefFrom, type PubEntry } from '../lists.ts';
import { makeLayout, recordList, type ListDef } from '../layout.ts';
import { esc } from '../markup.ts';
import { SCRIPT_COUSINS, pagerHtml, type PagerStyle } from '../pagers.ts';
import type { Item } from '../plan.ts';
import type { HostRole, Portal } from '../portal.ts';
import { buildHub, type OrganNav } from '../hub.ts';
import { escapeRe, registerArchive } from '../traps.ts';
import { familyRng, listModes, listPage, pagerTrap, publishList, scriptedList } from './common.ts';
import { failOnce } from '../publish.ts';

export function buildTrs(portal: Portal): void {
  const rng = familyRng(portal, 'trs');
  const col = rng.pick(['zfxxgknb', 'xxgknb', 'gknb', 'zfxxgkndbg']);
  const role: HostRole = portal.role('xxgk');
  const layout = makeLayout(portal);
  const pagerStyle: PagerStyle = portal.has('script-pager') ? rng.pick(SCRIPT_COUSINS) : 'trs';
  const modes = listModes(portal, layout);
  const dirs = new Map<ListDef, string>();
  const dirOf = (l: ListDef, parent?: string): string => {
    if (parent) return `${parent}${l.role === 'year' ? l.year : l.key}/`;
    if (l === layout.top) return `/xxgk/${col}/`;
    return `/xxgk/${l.organ.kind === 'department' ? 'bmxxgk' : 'xzxxgk'}/${l.organ.slug}/${col}/`;
  };
  const walk = (l: ListDef, parent?: string): void => {
    dirs.set(l, dirOf(l, parent));
    l.children.forEach((c) => walk(c, dirs.get(l)));
  };
  for (const l of layout.byOrgan.values()) walk(l);

  const detailPath = (dir: string, item: Item): { detailPath: string; pagePath: (n: number) => string; stem: string } => {
    const d = item.date.replace(/-/g, '');
    const stem = `t${d}_${4000000 + portal.plan.index * 10000 + item.n * 13}`;
    const base = `${dir}${d.slice(0, 6)}/`;
    return { detailPath: `${base}${stem}.html`, pagePath: (n) => `${base}${stem}_${n - 1}.html`, stem };
  };

  for (const l of layout.all) {
    const dir = dirs.get(l)!;
    const url = portal.url(role, `${dir}index.html`);
    if (l.disallowed) portal.addDisallow(role, dir);
    const entries: PubEntry[] = publishList(portal, l, url, (item) => {
      const p = detailPath(dir, item);
      return {
        role, detailPath: p.detailPath, pagePath: p.pagePath,
        pager: (urls, cur) => pagerHtml('trs', { count: urls.length, index: cur, prefix: p.stem, ext: 'html', total: urls.length, size: 1, hrefOf: (i) => urls[i]! }),
      };
    });
    const children = l.children.map((c) => ({ href: hrefFrom(portal, url, portal.url(role, `${dirs.get(c)}index.html`)), text: c.title }));
    const form = portal.has('form-links') && l.children.length > 0
      ? `<form action="${dir}list.jsp" method="get">年度：<select name="year">${l.children.map((c) => `<option value="${c.year ?? c.key}">${esc(c.title)}</option>`).join('')}</select><input type="submit" value="查询"></form>`
      : undefined;
    // The sub-column form answers whether the list itself is static or script-built.
    if (form) {
      portal.route(role, `${dir}list.jsp`, (req) => {
        const y = req.query.get('year');
        const child = l.children.find((c) => String(c.year ?? c.key) === y);
        return child ? { status: 302, headers: { location: portal.url(role, `${dirs.get(child)}index.html`) }, validators: 'none' } : undefined;
      });
    }
    const mode = modes.get(l) ?? 'static';
    if (mode !== 'static') {
      const body = scriptedList(portal, role, mode, l, url, entries, dir, l.organ.num);
      const page = () => portal.page(l.title, `${form ?? (children.length ? `<ul class="sub-columns">${children.map((c) => `<li><a href="${esc(c.href)}">${esc(c.text)}</a></li>`).join('')}</ul>` : '')}${body()}`);
      portal.route(role, `${dir}index.html`, page);
      portal.route(role, dir, page);
      continue;
    }
    recordList(portal, l, url);
    const pageUrl = (i: number): string => portal.url(role, `${dir}${i === 0 ? 'index' : `index_${i}`}.html`);
    const render = (i: number) => () => {
      const p = listPage({
        portal, role, list: l, url, entries, index: i, pageUrl, children, form,
        pager: (count, index, total) => pagerHtml(pagerStyle, { count, index, prefix: 'index', ext: 'html', total, size: portal.plan.pageSize, hrefOf: (k) => hrefFrom(portal, pageUrl(index), pageUrl(k)) }),
      });
      return p ? portal.page(p.title, p.body, {}, p.head) : undefined;
    };
    const first = l === layout.top && portal.has('transient-errors') ? failOnce(portal, `429:${dir}`, 429, render(0)) : render(0);
    portal.route(role, `${dir}index.html`, first);
    portal.route(role, dir, render(0));
    portal.prefix(role, `${dir}index_`, (req) => {
      const m = /index_(\d+)\.html$/.exec(req.path);
      return m && req.path === `${dir}index_${m[1]}.html` ? render(Number(m[1]))() : undefined;
    });
    pagerTrap(portal, role, l, `^${escapeRe(dir)}index_(\\d+)\\.html`, (count) => count);
  }
  if (portal.has('trap-archive')) {
    const years = [...new Set(portal.plan.items.map((i) => i.year))];
    const archive = registerArchive(portal, role, `/xxgk/${col}/wnnb.jsp`, (y) => layout.top.items.filter((i) => i.year === y && portal.visible(i)).map((i) => ({ href: portal.url(role, `${dirs.get(layout.top)}index.html`), title: i.title, date: i.date })), years);
    portal.route(role, `/xxgk/${col}/wnnb.html`, () => portal.page('往年年报', `<a href="${esc(archive)}">往年年报查询</a>`));
  }
  const organs: OrganNav[] = portal.plan.organs.flatMap((o) => {
    const l = layout.byOrgan.get(o.key);
    return l ? [{ organ: o, column: portal.url(role, `${dirs.get(l)}index.html`) }] : [];
  });
  const archiveLink = portal.has('trap-archive') ? [{ href: portal.url(role, `/xxgk/${col}/wnnb.html`), text: '往年年报' }] : [];
  buildHub(portal, { hub: { role, path: '/xxgk/index.html' }, hubLinks: archiveLink, organs });
}
