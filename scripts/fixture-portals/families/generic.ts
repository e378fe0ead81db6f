/**
 * Small-county sites on ASP.NET, PHP or static generators: List.aspx?cid=N&page=N with Article.aspx?id= (page 2
 * on by __doPostBack with post-list), index.php?m=content&c=index&a=lists&catid=N&page=N (a POSTed 下一页 form
 * with post-list), or /news/list_N.html → list_N_2.html with /html/YYYY/MMDD/<id>.html; 共N页 pagers, tables,
 * a 尾页 link past the end with trap-pager, the list inside an iframe with framed-list.
 */
import { esc } from '../markup.ts';
import { makeLayout, recordList, type ListDef } from '../layout.ts';
import { hrefFrom, type PubEntry } from '../lists.ts';
import type { Item } from '../plan.ts';
import type { HostRole, Portal } from '../portal.ts';
import { buildHub, organHome, type OrganNav } from '../hub.ts';
import { pagerHtml } from '../pagers.ts';
import { failOnce, type PublishSpec } from '../publish.ts';
import { registerArchive, registerPagerTrap, registerSessionTrap } from '../traps.ts';
import { familyRng, listModes, listPage, publishList, scriptedList } from './common.ts';

type Style = 'aspx' | 'php' | 'html';

interface Scheme {
  list: (cid: number, page: number) => string;
  detail: (item: Item, id: number) => Omit<PublishSpec, 'columns' | 'role'>;
  /** Route path of every list page and how to read (cid, page) from a request. */
  listPath: string | ((cid: number) => string);
  read: (req: { path: string; query: URLSearchParams; body?: Buffer }) => { cid: number; page: number } | undefined;
  hub: string;
}

function scheme(style: Style): Scheme {
  switch (style) {
    case 'aspx': return {
      list: (cid, p) => `/List.aspx?cid=${cid}${p > 1 ? `&page=${p}` : ''}`,
      detail: (item, id) => ({ detailPath: `/Article.aspx?id=${id}`, pagePath: (n) => `/Article.aspx?id=${id}&page=${n}`, file: { role: 'www', path: `/UploadFiles/${item.date.replace(/-/g, '')}/${id}${item.n}.${item.format}` } }),
      listPath: '/List.aspx',
      read: (req) => {
        const form = new URLSearchParams(req.body?.toString('utf8') ?? '');
        const page = Number(form.get('__EVENTARGUMENT') || req.query.get('page') || 1);
        return { cid: Number(req.query.get('cid') ?? 0), page };
      },
      hub: '/zwgk.aspx',
    };
    case 'php': return {
      list: (cid, p) => `/index.php?m=content&c=index&a=lists&catid=${cid}${p > 1 ? `&page=${p}` : ''}`,
      detail: (item, id) => ({ detailPath: `/index.php?m=content&c=index&a=show&catid=${item.organ.num}&id=${id}`, pagePath: (n) => `/index.php?m=content&c=index&a=show&catid=${item.organ.num}&id=${id}&page=${n}`, file: { role: 'www', path: `/uploadfile/${item.date.slice(0, 4)}/${item.date.slice(5, 7)}${item.date.slice(8)}/${id}${item.n}.${item.format}` } }),
      listPath: '/index.php',
      read: (req) => {
        const form = new URLSearchParams(req.body?.toString('utf8') ?? '');
        if ((req.query.get('a') ?? form.get('a')) !== 'lists') return undefined;
        return { cid: Number(form.get('catid') ?? req.query.get('catid') ?? 0), page: Number(form.get('page') ?? req.query.get('page') ?? 1) };
      },
      hub: '/index.php?m=content&c=index&a=zwgk',
    };
    case 'html': return {
      list: (cid, p) => `/news/list_${cid}${p > 1 ? `_${p}` : ''}.html`,
      detail: (item, id) => {
        const base = `/html/${item.date.slice(0, 4)}/${item.date.slice(5, 7)}${item.date.slice(8)}/${id}`;
        return { detailPath: `${base}.html`, pagePath: (n) => `${base}_${n}.html`, file: { role: 'www', path: `/uploads/soft/${item.date.slice(2, 4)}${item.date.slice(5, 7)}/${id}-${item.n}.${item.format}` } };
      },
      listPath: (cid) => `/news/list_${cid}`,
      read: (req) => {
        const m = /^\/news\/list_(\d+)(?:_(\d+))?\.html$/.exec(req.path);
        return m ? { cid: Number(m[1]), page: Number(m[2] ?? 1) } : undefined;
      },
      hub: '/zwgk/index.html',
    };
  }
}

export function buildGeneric(portal: Portal): void {
  const rng = familyRng(portal, 'generic');
  const style: Style = rng.pick(['aspx', 'php', 'html']);
  const s = scheme(style);
  const role: HostRole = portal.role('xxgk');
  const layout = makeLayout(portal);
  const modes = listModes(portal, layout);
  const cids = new Map<ListDef, number>();
  let next = rng.int(11, 60);
  for (const l of layout.all) cids.set(l, next++);
  const byCid = new Map<number, { l: ListDef; entries: PubEntry[] }>();
  const u = (p: string): string => portal.url(role, p);
  const postBack = portal.has('post-list');
  for (const l of layout.all) {
    const cid = cids.get(l)!;
    const url = u(s.list(cid, 1));
    if (l.disallowed) portal.addDisallow(role, s.list(cid, 1).replace(/\.html$/, ''));
    const entries = publishList(portal, l, url, (item) => {
      const d = s.detail(item, 800 + portal.plan.index * 1000 + item.n * 3);
      return { role, ...d, file: { ...d.file!, role: portal.sites.files ? 'files' : role } };
    });
    byCid.set(cid, { l, entries });
    const mode = modes.get(l) ?? 'static';
    if (mode !== 'static') {
      const body = scriptedList(portal, role, mode, l, url, entries, `/ajax/c${cid}/`, cid);
      // A script-built list still links its sub-columns (部门年报, 乡镇年报) in the page.
      const subs = () => (l.children.length ? `<ul class="sub-columns">${l.children.map((c) => `<li><a href="${esc(u(s.list(cids.get(c)!, 1)))}">${esc(c.title)}</a></li>`).join('')}</ul>` : '');
      portal.route(role, s.list(cid, 1), () => portal.page(l.title, `${subs()}${body()}`));
      byCid.delete(cid);
      continue;
    }
    recordList(portal, l, url);
    if (portal.has('trap-pager') && l.items.length > 0) {
      const count = Math.ceil(l.items.length / portal.plan.pageSize);
      const pat = style === 'html' ? `^/news/list_${cid}_(\\d+)\\.html` : style === 'aspx' ? `^/List\\.aspx\\?(?=.*\\bcid=${cid}\\b).*\\bpage=(\\d+)` : `^/index\\.php\\?(?=.*\\bcatid=${cid}\\b)(?=.*\\ba=lists\\b).*\\bpage=(\\d+)`;
      registerPagerTrap(portal, role, pat, count, 'past-count');
    }
  }
  const render = (cid: number, page: number) => {
    const e = byCid.get(cid);
    if (!e) return undefined;
    const { l, entries } = e;
    const pageUrl = (i: number): string => u(s.list(cid, i + 1));
    const pastEnd = portal.has('trap-pager') ? Math.ceil(l.items.length / portal.plan.pageSize) + 2 : undefined;
    const p = listPage({
      portal, role, list: l, url: pageUrl(0), entries, index: page - 1, pageUrl, table: rng.chance(0.5), relative: false, getPages: !(postBack && style !== 'html'),
      children: l.children.map((c) => ({ href: hrefFrom(portal, pageUrl(page - 1), u(s.list(cids.get(c)!, 1)), false), text: c.title })),
      pager: (count, index, total) => (postBack && style !== 'html' ? postBackPager(style, cid, count, index, total) : pagerHtml('gong', { count, index, prefix: '', ext: '', total, size: portal.plan.pageSize, hrefOf: (k) => hrefFrom(portal, pageUrl(index), pageUrl(k), false), pastEnd })),
    });
    return p ? portal.page(p.title, p.body, { validators: style === 'html' ? 'both' : 'none' }, p.head) : undefined;
  };
  const framed = portal.has('framed-list');
  const inner = (cid: number): string => (style === 'html' ? `/news/list_${cid}_1.html` : `${s.list(cid, 1)}&inner=1`);
  const listRoute = (req: Parameters<Scheme['read']>[0] & { method?: string }) => {
    const r = s.read(req);
    if (!r) return undefined;
    // framed-list: the first page is a shell whose iframe holds the list.
    if (framed && r.page <= 1 && byCid.has(r.cid) && !req.query.has('inner') && !req.path.endsWith('_1.html')) {
      return portal.page(byCid.get(r.cid)!.l.title, `<iframe name="list" src="${inner(r.cid)}" width="100%" height="800" frameborder="0" scrolling="no"></iframe>`, { validators: 'none' });
    }
    // With post-list, page 2 on comes only from a POST (ASP.NET postback or a form).
    if (postBack && style !== 'html' && r.page > 1 && req.method !== 'POST') return render(r.cid, 1);
    return render(r.cid, Math.max(1, r.page || 1));
  };
  if (typeof s.listPath === 'string') portal.route(role, s.listPath, portal.has('transient-errors') ? failOnce(portal, '429:list', 429, listRoute) : listRoute);
  else portal.prefix(role, '/news/list_', listRoute);
  if (portal.has('trap-session')) registerSessionTrap(portal, role);
  if (portal.has('trap-archive')) {
    const years = [...new Set(portal.plan.items.map((i) => i.year))];
    const top = u(s.list(cids.get(layout.top)!, 1));
    registerArchive(portal, role, style === 'aspx' ? '/Archive.aspx' : '/archive.php', (y) => layout.top.items.filter((i) => i.year === y && portal.visible(i)).map((i) => ({ href: top, title: i.title, date: i.date })), years);
  }
  const organs: OrganNav[] = portal.plan.organs.flatMap((o) => {
    const l = layout.byOrgan.get(o.key);
    if (!l) return [];
    const nav: OrganNav = { organ: o, column: u(s.list(cids.get(l)!, 1)) };
    if (o.kind !== 'county') nav.home = organHome(portal, role, nav, `/${o.slug}/index.html`);
    return [nav];
  });
  const archive = portal.has('trap-archive') ? [{ href: u(style === 'aspx' ? '/Archive.aspx?year=2024' : '/archive.php?year=2024'), text: '往年年报' }] : [];
  buildHub(portal, { hub: { role, path: s.hub }, hubLinks: archive, organs });
}

function postBackPager(style: Style, cid: number, count: number, index: number, total: number): string {
  if (style === 'aspx') {
    const links = Array.from({ length: count }, (_, i) => (i === index ? `<span>${i + 1}</span>` : `<a href="javascript:__doPostBack('AspNetPager1','${i + 1}')">${i + 1}</a>`)).join(' ');
    return `<form name="form1" method="post" action="List.aspx?cid=${cid}" id="form1"><input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value=""><input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value=""><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk${cid}">
<script type="text/javascript">function __doPostBack(t, a) { var f = document.forms['form1']; f.__EVENTTARGET.value = t; f.__EVENTARGUMENT.value = a; f.submit(); }</script>
<div id="AspNetPager1">共${total}条 ${links}</div></form>`;
  }
  const nextPage = index + 2 <= count ? `<input type="hidden" name="page" value="${index + 2}"><input type="submit" value="下一页">` : '';
  return `<form method="post" action="/index.php"><input type="hidden" name="m" value="content"><input type="hidden" name="c" value="index"><input type="hidden" name="a" value="lists"><input type="hidden" name="catid" value="${cid}">共${count}页 第${index + 1}页 ${nextPage}</form>`;
}
