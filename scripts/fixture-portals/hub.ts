/**
 * The way from the home page to the 年报 columns, shared by every family: the home page (nav, news, 领导之窗,
 * 办事服务, links to national sites and neighbouring portals, a search form, a calendar widget, a mobile
 * version), the 政务公开 hub, and (deep-hub) the organ tree pages → each organ's page → its 年报 column;
 * links through 301/302, meta refresh and JS redirects (redirects).
 */
import { esc, navList, type Entry } from './markup.ts';
import type { Organ } from './plan.ts';
import type { HostRole, Portal } from './portal.ts';
import { registerCalendarAndSearch } from './traps.ts';

/** The words a portal uses for its hub, organ trees and 年报 links (they vary from portal to portal). */
function words(portal: Portal): { hub: string; depts: string; towns: string; nb: string } {
  const i = portal.plan.index + portal.plan.seed;
  const pick = <T>(xs: T[], k: number): T => xs[(i * k + k) % xs.length]!;
  return {
    hub: pick(['政务公开', '信息公开', '政府信息公开', '政务信息公开'], 1),
    depts: pick(['部门信息公开', '县直部门', '部门公开', '政府部门'], 3),
    towns: pick(['乡镇（街道）信息公开', '乡镇街道', '镇（街道）公开', '乡镇信息公开'], 5),
    nb: pick(['政府信息公开年报', '信息公开年报', '政府信息公开工作年度报告', '年度报告', '年报'], 7),
  };
}

export interface OrganNav {
  organ: Organ;
  /** The organ's 年报 column (absolute URL). */
  column: string;
  /** The organ's own 信息公开 page when the family has one (absolute URL). */
  home?: string;
}

export interface HubSpec {
  hub: { role: HostRole; path: string };
  /** Family links on the hub (目录 platform, modules …). */
  hubLinks: { href: string; text: string }[];
  organs: OrganNav[];
  /** The family builds its own organ tree (gkmlpt TREE, Lonsun organs): the hub links `treeLinks` instead. */
  ownTree?: boolean;
  treeLinks?: { href: string; text: string }[];
}

/** A link to `target` through a redirect (with the redirects pattern, one link in two), as an absolute URL. */
export function via(portal: Portal, role: HostRole, target: string): string {
  if (!portal.has('redirects') || portal.seq++ % 2 === 1) return target;
  const n = portal.seq;
  const kind = n % 4;
  const path = kind === 0 ? `/go/${n}.jsp` : kind === 1 ? `/redirect.html?n=${n}` : kind === 2 ? `/link/${n}.html` : `/jump/${n}.htm`;
  portal.route(role, path, () => {
    switch (kind) {
      case 0: return { status: 302, headers: { location: target }, validators: 'none' };
      case 1: return { status: 301, headers: { location: target }, validators: 'none' };
      case 2: return { body: `<html><head><meta http-equiv="refresh" content="0;url=${esc(target)}"></head><body>正在跳转……</body></html>`, validators: 'none' };
      default: return { body: `<html><head><script type="text/javascript">window.location.href = "${target}";</script></head><body><a href="javascript:void(0)">正在跳转，请稍候</a></body></html>`, validators: 'none' };
    }
  });
  return portal.url(role, path);
}

function newsPages(portal: Portal): Entry[] {
  const c = portal.plan.county;
  const titles = [`${c.name}召开县委常委会会议`, `${c.name}部署春季农业生产工作`, `${c.name}开展安全生产大检查`, `${c.name}召开政务公开工作推进会`,
    `${c.name}举行重点项目集中开工仪式`, `${c.name}2024年政府工作报告`];
  return titles.map((t, i) => {
    const d = `2024-0${1 + (i % 3)}-${String(5 + i * 3).padStart(2, '0')}`;
    const path = `/xwzx/zwyw/${d.slice(0, 7).replace('-', '')}/t${d.replace(/-/g, '')}_${900000 + portal.plan.index * 100 + i}.html`;
    const content = `<p>${d.slice(5, 7)}月${d.slice(8)}日，${esc(t)}。</p><p>会议强调，要认真贯彻落实上级决策部署，扎实做好各项工作。</p>`;
    const body = (): Buffer => portal.encode(`<!DOCTYPE html><html><head><meta charset="${portal.charset}"><title>${esc(t)}</title></head><body><h1>${esc(t)}</h1><div class="content">${content}</div></body></html>`);
    portal.route('www', path, () => ({ body: body() }));
    portal.nonReports.push({ url: portal.url('www', path), kind: 'news', title: t, bytes: body, visible: () => true });
    portal.documentUrls.add(portal.url('www', path));
    return { href: path, title: t, date: d };
  });
}

function homePage(portal: Portal, hubUrl: string, countyColumn: string): void {
  const c = portal.plan.county;
  const f = portal.foreign;
  const news = newsPages(portal);
  const w = words(portal);
  const quickHref = via(portal, 'www', countyColumn);
  const quick = portal.has('deep-hub') || portal.plan.index % 3 === 0 ? [] : [{ href: quickHref, text: w.nb }];
  // Some portals link the 年报 column from a banner image whose words are only in alt / title.
  const banner = !portal.has('deep-hub') && portal.plan.index % 3 === 0
    ? `<div class="banner"><a href="${esc(quickHref)}" target="_blank"><img src="/images/banner_nb.jpg" alt="${w.nb}" title="${w.nb}"></a></div>` : '';
  const mobile = portal.has('wap-twins') ? [{ href: '/m/index.html', text: '手机版' }] : [];
  const mirror = portal.has('mirrors') ? [{ href: `${f.mirror}/${c.slug}/index.html`, text: '镜像站点' }] : [];
  portal.nav = navList([
    { href: '/', text: '首页' }, { href: '/zjxx/index.html', text: `走进${c.name}` }, { href: hubUrl, text: w.hub },
    { href: `${f.gov}/zwfw/${c.code}/`, text: '政务服务' }, { href: '/hdjl/index.html', text: '互动交流' }, { href: '/ztzl/index.html', text: '专题专栏' },
  ], 'nav');
  const links = [
    { href: `${f.gov}/`, text: '中国政府网' }, { href: `${f.gov}/${c.code.slice(0, 2)}0000/`, text: `${c.province}人民政府` },
    ...portal.neighbours.map((n) => ({ href: n.url, text: n.name })),
  ];
  const search = `<form class="search" action="/search/search.jsp" method="get"><input type="text" name="q" placeholder="请输入关键词"><input type="submit" value="搜索"></form>`;
  const extras = registerCalendarAndSearch(portal);
  const body = `${search}
<div class="box"><h3>要闻动态</h3><ul>${news.map((n) => `<li><a href="${esc(n.href)}" target="_blank">${esc(n.title)}</a><span>${n.date}</span></li>`).join('')}</ul></div>
<div class="box"><h3>领导之窗</h3>${navList([{ href: '/zjxx/ldzc/index.html', text: '县长' }, { href: '/zjxx/ldzc/index.html', text: '副县长' }])}</div>
<div class="box"><h3>办事服务</h3>${navList([{ href: `${f.gov}/zwfw/${c.code}/bszn`, text: '办事指南' }, { href: `${f.gov}/zwfw/${c.code}/hdjl`, text: '我要咨询' }])}</div>
<div class="box"><h3>${w.hub}</h3>${navList([{ href: hubUrl, text: '政府信息公开' }, ...quick, { href: '/zwgk/tzgg/index.html', text: '通知公告' }])}</div>${banner}
${extras}
<div class="box">${navList([...mobile, ...mirror])}</div>
<div class="links"><h3>友情链接</h3>${navList(links)}</div>`;
  const home = (): ReturnType<Portal['page']> => portal.page(`${c.name}人民政府`, body);
  // With redirects, the root only sends the visitor on (302, or a meta refresh as many portals do).
  portal.route('www', '/', !portal.has('redirects') ? home : portal.plan.index % 2 === 0
    ? () => ({ status: 302, headers: { location: '/index.html' }, validators: 'none' })
    : () => ({ body: '<html><head><meta http-equiv="refresh" content="0; url=index.html"></head><body></body></html>', validators: 'none' }));
  portal.route('www', '/index.html', home);
  for (const p of ['/zjxx/index.html', '/zjxx/ldzc/index.html', '/hdjl/index.html', '/ztzl/index.html', '/zwgk/tzgg/index.html']) {
    portal.route('www', p, () => portal.page(c.name, `<div class="box">${navList([{ href: '/', text: '返回首页' }, { href: hubUrl, text: '政务公开' }])}</div>`));
  }
}

export function organHome(portal: Portal, role: HostRole, o: OrganNav, path: string): string {
  portal.route(role, path, () => portal.page(`${o.organ.short}信息公开`, `<h2>${esc(o.organ.body)}</h2>${navList([
    { href: `${path.replace(/index\.html$/, '')}zn/index.html`, text: '政府信息公开指南' }, { href: `${path.replace(/index\.html$/, '')}zd/index.html`, text: '政府信息公开制度' },
    { href: `${path.replace(/index\.html$/, '')}fdzdgknr/index.html`, text: '法定主动公开内容' }, { href: via(portal, role, o.column), text: words(portal).nb },
  ])}`));
  for (const sub of ['zn', 'zd', 'fdzdgknr']) {
    portal.route(role, `${path.replace(/index\.html$/, '')}${sub}/index.html`, () => portal.page(o.organ.short, '<ul class="list"></ul><div class="page">暂无信息</div>'));
  }
  return portal.url(role, path);
}

/** The organ selector of a tree page: links, or with js-links a <select> that opens the chosen page. */
function organLinks(portal: Portal, links: { href: string; text: string }[]): string {
  if (portal.has('js-links') && links.length > 2) {
    return `<select onchange="if(this.value){window.open(this.value)}"><option value="">--请选择--</option>${links.map((l) => `<option value="${esc(l.href)}">${esc(l.text)}</option>`).join('')}</select>`;
  }
  return navList(links, 'organ-list');
}

export function buildHub(portal: Portal, spec: HubSpec): void {
  const role = spec.hub.role;
  const w = words(portal);
  const hubUrl = portal.url(role, spec.hub.path);
  const county = spec.organs.find((o) => o.organ.kind === 'county');
  homePage(portal, via(portal, 'www', hubUrl), county?.column ?? hubUrl);
  const depts = spec.organs.filter((o) => o.organ.kind === 'department');
  const towns = spec.organs.filter((o) => o.organ.kind === 'township');
  let organBlock = '';
  if (spec.ownTree) {
    organBlock = navList(spec.treeLinks ?? []);
  } else if (portal.has('deep-hub')) {
    const tree = (name: string, path: string, list: OrganNav[], dir: string): { href: string; text: string } => {
      const links = list.map((o) => ({ href: o.home ?? organHome(portal, role, o, `${dir}${o.organ.slug}/index.html`), text: o.organ.short }));
      portal.route(role, path, () => portal.page(name, `<h2>${name}</h2>${organLinks(portal, links)}`));
      return { href: via(portal, role, portal.url(role, path)), text: name };
    };
    organBlock = navList([
      tree(w.depts, '/zwgk/bmxxgk/index.html', depts, '/zwgk/bmxxgk/'),
      tree(w.towns, '/zwgk/xzxxgk/index.html', towns, '/zwgk/xzxxgk/'),
    ]);
  } else {
    const list = (os: OrganNav[]): string => navList(os.map((o) => ({ href: via(portal, role, o.column), text: `${o.organ.short}` })));
    organBlock = `<h3>部门政府信息公开年报</h3>${list(depts)}<h3>乡镇（街道）政府信息公开年报</h3>${list(towns)}`;
  }
  const top = [
    { href: `${spec.hub.path.replace(/[^/]*$/, '')}xxgkzn/index.html`, text: '政府信息公开指南' },
    { href: `${spec.hub.path.replace(/[^/]*$/, '')}xxgkzd/index.html`, text: '政府信息公开制度' },
    ...(county ? [{ href: via(portal, role, county.column), text: w.nb }] : []),
    { href: `${spec.hub.path.replace(/[^/]*$/, '')}ysqgk/index.html`, text: '依申请公开' },
    ...spec.hubLinks,
  ];
  for (const t of ['xxgkzn', 'xxgkzd', 'ysqgk']) {
    portal.route(role, `${spec.hub.path.replace(/[^/]*$/, '')}${t}/index.html`, () => portal.page('政府信息公开', '<div class="content"><p>暂无内容</p></div>'));
  }
  portal.route(role, spec.hub.path, () => portal.page(w.hub, `<div class="box"><h3>政府信息公开</h3>${navList(top)}</div><div class="box organs">${organBlock}</div>`));
}
