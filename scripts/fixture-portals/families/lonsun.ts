/**
 * Lonsun 龙讯 EX (Anhui, Qinghai …): every organ (the government, each department, each township) is its own
 * organ id under /public/; /public/column/<organId>?type=3 is its 年报 page (1 制度, 2 指南, 4 主动公开目录,
 * 5 依申请公开), paged by pageIndex=N, filtered by timeFrame=YYYY (the year sub-columns; an endless year
 * archive with trap-archive); details /public/<organId>/<id>.html, attachments /group1/M00/…; the organs are
 * listed on an organ page reached from the hub.
 */
import { recordList, makeLayout, type ListDef } from '../layout.ts';
import { hrefFrom, type PubEntry } from '../lists.ts';
import { navList } from '../markup.ts';
import { pagerHtml } from '../pagers.ts';
import type { Item } from '../plan.ts';
import type { HostRole, Portal } from '../portal.ts';
import { buildHub, type OrganNav } from '../hub.ts';
import { failOnce } from '../publish.ts';
import { registerPagerTrap, registerSessionTrap } from '../traps.ts';
import { listPage, publishList } from './common.ts';

const TYPES: [number, string][] = [[2, '政府信息公开指南'], [1, '政府信息公开制度'], [4, '法定主动公开内容'], [3, '政府信息公开年报'], [5, '依申请公开']];

export function buildLonsun(portal: Portal): void {
  const role: HostRole = portal.role('xxgk');
  const layout = makeLayout(portal, { year: false, grouped: false });
  const organId = (l: ListDef): number => 6596000 + l.organ.num;
  const colUrl = (l: ListDef, q = ''): string => portal.url(role, `/public/column/${organId(l)}?type=3${q}`);
  const hex = (item: Item): string => (item.n * 2654435761 >>> 0).toString(16).padStart(8, '0');
  const urls = new Map<ListDef, string>();
  for (const l of layout.all) {
    const id = organId(l);
    const url = colUrl(l);
    urls.set(l, url);
    if (l.disallowed) {
      portal.addDisallow(role, `/public/column/${id}`);
      portal.addDisallow(role, `/public/${id}/`);
    }
    const entries: PubEntry[] = publishList(portal, l, url, (item) => {
      const doc = 3000000 + portal.plan.index * 10000 + item.n * 19;
      return {
        role, detailPath: `/public/${id}/${doc}.html`, pagePath: (n) => `/public/${id}/${doc}_${n}.html`,
        file: { role: portal.sites.files ? 'files' : role, path: `/group1/M00/${hex(item).slice(0, 2).toUpperCase()}/${hex(item).slice(2, 4).toUpperCase()}/wKg${hex(item)}AAB${item.n}.${item.format}` },
      };
    });
    recordList(portal, l, url);
    const years = [...new Set(l.items.map((i) => i.year))].sort((a, b) => b - a);
    const yearLinks = (here: string, y?: number): string => {
      if (portal.has('form-links')) {
        return `<form action="/public/column/${id}" method="get"><input type="hidden" name="type" value="3"><select name="timeFrame"><option value="">全部</option>${years.map((x) => `<option value="${x}">${x}年</option>`).join('')}</select><input type="submit" value="筛选"></form>`;
      }
      const ys = portal.has('trap-archive') && y ? [y + 1, y, y - 1] : years;
      return `<div class="time-frame">${navList([{ href: hrefFrom(portal, here, url, false), text: '全部' }, ...ys.map((x) => ({ href: hrefFrom(portal, here, colUrl(l, `&timeFrame=${x}`), false), text: `${x}年` }))])}</div>`;
    };
    if (portal.has('year-subcolumns')) for (const y of years) portal.addColumn({ url: colUrl(l, `&timeFrame=${y}`), body: l.organ.body, division: l.organ.division, organKind: l.organ.kind, role: 'year', year: y });
    const pastCount = portal.has('trap-pager') ? 3 : 0;
    const render = (index: number, year?: number) => {
      const list = year ? entries.filter((e) => e.item.year === year) : entries;
      const pageUrl = (i: number): string => colUrl(l, `${year ? `&timeFrame=${year}` : ''}${i > 0 ? `&pageIndex=${i + 1}` : ''}`);
      const p = listPage({
        portal, role, list: l, url, entries: list, index, pageUrl, children: [], relative: false,
        form: yearLinks(pageUrl(index), year),
        pager: (count, i, total) => pagerHtml('gong', { count, index: i, prefix: '', ext: '', total, size: portal.plan.pageSize, hrefOf: (k) => hrefFrom(portal, pageUrl(i), pageUrl(k), false), pastEnd: pastCount ? count - 1 + pastCount : undefined }),
      });
      if (!p && year && (year < 2000 || year > 2100)) return undefined;
      return portal.page(`${l.organ.short} ${p?.title ?? l.title}`, `${tabs(id)}${p?.body ?? `<div class="column">${yearLinks(pageUrl(0), year)}<p>暂无信息</p></div>`}`, {}, p?.head);
    };
    const route = (req: { query: URLSearchParams }) => {
      const type = Number(req.query.get('type') ?? 4);
      if (type !== 3) return portal.page(`${l.organ.short}${TYPES.find(([t]) => t === type)?.[1] ?? '信息公开'}`, `${tabs(id)}<ul class="list"></ul><p>暂无信息</p>`);
      const index = Math.max(1, Number(req.query.get('pageIndex') ?? 1) || 1) - 1;
      const year = Number(req.query.get('timeFrame') ?? 0) || undefined;
      return render(index, year);
    };
    portal.route(role, `/public/column/${id}`, l === layout.top && portal.has('transient-errors') ? failOnce(portal, `429:${id}`, 429, route) : route);
    if (portal.has('trap-pager') && l.items.length > 0) {
      const count = Math.ceil(l.items.length / portal.plan.pageSize);
      registerPagerTrap(portal, role, `^/public/column/${id}\\?(?:.*&)?pageIndex=(\\d+)`, count, 'endless-pager');
    }
    if (portal.has('trap-archive') && years.length > 0) {
      portal.addTrap({ role, kind: 'year-archive', pattern: `^/public/column/${id}\\?(?:.*&)?timeFrame=(\\d+)`, measure: 'distinct', min: Math.min(...years) - 2, max: Math.max(...years) + 2, guard: 0, note: 'timeFrame links the year before and after forever' });
    }
  }
  if (portal.has('trap-session')) registerSessionTrap(portal, role);
  const organs: OrganNav[] = portal.plan.organs.flatMap((o) => {
    const l = layout.byOrgan.get(o.key);
    return l ? [{ organ: o, column: urls.get(l)!, home: portal.url(role, `/public/column/${organId(l)}?type=4`) }] : [];
  });
  const treeUrl = portal.url(role, '/public/organ/index.html');
  portal.route(role, '/public/organ/index.html', () => portal.page('信息公开机构', `<div class="organ-tree"><h3>县政府部门</h3>${navList(organs.filter((o) => o.organ.kind === 'department').map((o) => ({ href: o.home!, text: o.organ.short })))}
<h3>乡镇（街道）</h3>${navList(organs.filter((o) => o.organ.kind === 'township').map((o) => ({ href: o.home!, text: o.organ.short })))}</div>`));
  buildHub(portal, {
    hub: { role: 'www', path: '/zwgk/index.html' }, organs,
    hubLinks: [{ href: organs[0]!.home!, text: '政府信息公开平台' }],
    ownTree: portal.has('deep-hub'), treeLinks: [{ href: treeUrl, text: '信息公开机构' }],
  });
}

function tabs(id: number): string {
  return `<div class="xxgk-nav">${navList(TYPES.map(([t, name]) => ({ href: `/public/column/${id}?type=${t}`, text: name })))}</div>`;
}
