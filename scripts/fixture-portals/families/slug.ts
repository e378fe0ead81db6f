/**
 * site-slug `.shtml` sites (Heilongjiang, Xinjiang, Jiangxi, Tibet): every organ is a sub-site /<slug>/ of
 * the county host; columns /<slug>/c1NNNNN/ with a first page zfxxgknb_list.shtml (or list.shtml) and then
 * …_list_2.shtml / list_2.shtml, a 共N页 pager (or a script one with script-pager), articles
 * /<slug>/c1NNNNN/YYYYMM/<id>.shtml split as <id>_2.shtml, attachments under …/files/.
 */
import { makeLayout, recordList, type ListDef } from '../layout.ts';
import { hrefFrom, type PubEntry } from '../lists.ts';
import { esc } from '../markup.ts';
import { pagerHtml } from '../pagers.ts';
import type { HostRole, Portal } from '../portal.ts';
import { buildHub, organHome, type OrganNav } from '../hub.ts';
import { failOnce } from '../publish.ts';
import { escapeRe, registerArchive } from '../traps.ts';
import { familyRng, listModes, listPage, pagerTrap, publishList, scriptedList } from './common.ts';

export function buildSlug(portal: Portal): void {
  const rng = familyRng(portal, 'slug');
  const role: HostRole = portal.role('xxgk');
  const layout = makeLayout(portal);
  const named = rng.chance(0.5);
  const modes = listModes(portal, layout);
  const county = portal.plan.county.slug;
  const dirOf = new Map<ListDef, string>();
  let c = 100000 + rng.int(100, 900);
  for (const l of layout.all) dirOf.set(l, `/${l.organ.kind === 'township' && l.role === 'column' ? l.organ.slug : county}/c${c++}/`);
  const first = (dir: string): string => `${dir}${named ? 'zfxxgknb_list' : 'list'}.shtml`;
  const pageFile = (dir: string, i: number): string => (i === 0 ? first(dir) : `${dir}${named ? 'zfxxgknb_list' : 'list'}_${i + 1}.shtml`);
  for (const l of layout.all) {
    const dir = dirOf.get(l)!;
    const url = portal.url(role, first(dir));
    if (l.disallowed) portal.addDisallow(role, dir);
    const entries: PubEntry[] = publishList(portal, l, url, (item) => {
      const id = 5000000 + portal.plan.index * 10000 + item.n * 7;
      const ym = item.date.slice(0, 7).replace('-', '');
      return {
        role, detailPath: `${dir}${ym}/${id}.shtml`, pagePath: (n) => `${dir}${ym}/${id}_${n}.shtml`,
        file: { role: portal.sites.files ? 'files' : role, path: `${dir}${ym}/${id.toString(16)}/files/${(id * 31).toString(16)}.${item.format}` },
      };
    });
    const children = l.children.map((ch) => ({ href: hrefFrom(portal, url, portal.url(role, first(dirOf.get(ch)!)), false), text: ch.title }));
    const mode = modes.get(l) ?? 'static';
    if (mode !== 'static') {
      const body = scriptedList(portal, role, mode, l, url, entries, dir, Number(dir.split('/c')[1]?.replace('/', '')));
      portal.route(role, first(dir), () => portal.page(l.title, `${children.length ? `<ul class="sub">${children.map((x) => `<li><a href="${esc(x.href)}">${esc(x.text)}</a></li>`).join('')}</ul>` : ''}${body()}`));
      continue;
    }
    recordList(portal, l, url);
    const pageUrl = (i: number): string => portal.url(role, pageFile(dir, i));
    const render = (i: number) => () => {
      const p = listPage({
        portal, role, list: l, url, entries, index: i, pageUrl, children, relative: false,
        pager: (count, index, total) => (portal.has('script-pager')
          ? `<div id="pageNav"></div><script>var pageCount = ${count}, currentPage = ${index + 1}, pageName = '${named ? 'zfxxgknb_list' : 'list'}'; showPageNav('pageNav', pageCount, currentPage, pageName, 'shtml');</script>`
          : pagerHtml('gong', { count, index, prefix: '', ext: '', total, size: portal.plan.pageSize, hrefOf: (k) => hrefFrom(portal, pageUrl(index), pageUrl(k), false) })),
      });
      return p ? portal.page(p.title, p.body, {}, p.head) : undefined;
    };
    portal.route(role, first(dir), l === layout.top && portal.has('transient-errors') ? failOnce(portal, `429:${dir}`, 429, render(0)) : render(0));
    portal.prefix(role, dir, (req) => {
      const m = new RegExp(`^${escapeRe(dir)}${named ? 'zfxxgknb_list' : 'list'}_(\\d+)\\.shtml$`).exec(req.path);
      return m && Number(m[1]) >= 2 ? render(Number(m[1]) - 1)() : undefined;
    });
    pagerTrap(portal, role, l, `^${escapeRe(dir)}${named ? 'zfxxgknb_list' : 'list'}_(\\d+)\\.shtml`, (count) => count + 1);
  }
  if (portal.has('trap-archive')) {
    const years = [...new Set(portal.plan.items.map((i) => i.year))];
    const top = portal.url(role, first(dirOf.get(layout.top)!));
    registerArchive(portal, role, `/${county}/wnnb.shtml`, (y) => layout.top.items.filter((i) => i.year === y && portal.visible(i)).map((i) => ({ href: top, title: i.title, date: i.date })), years);
  }
  const organs: OrganNav[] = portal.plan.organs.flatMap((o) => {
    const l = layout.byOrgan.get(o.key);
    if (!l) return [];
    const nav: OrganNav = { organ: o, column: portal.url(role, first(dirOf.get(l)!)) };
    if (o.kind !== 'county') nav.home = organHome(portal, role, nav, `/${o.slug}/index.html`);
    return [nav];
  });
  const archive = portal.has('trap-archive') ? [{ href: portal.url(role, `/${county}/wnnb.shtml`), text: '往年年报' }] : [];
  buildHub(portal, { hub: { role, path: `/${county}/zwgk/index.shtml` }, hubLinks: archive, organs });
}
