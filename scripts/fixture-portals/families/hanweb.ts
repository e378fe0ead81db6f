/**
 * Hanweb 大汉 jcms (Zhejiang, Shandong, Gansu …): columns /col/colN/index.html whose list sits in an inline
 * `<script type="text/xml"><datastore>` (first records as `<record><![CDATA[…]]></record>`, a `nextgroup`
 * naming /module/web/jpage/dataproxy.jsp), the rest through dataproxy.jsp?startrecord=&endrecord=&perpage=
 * (columnid, unitid, webid; POST only with post-list); articles /art/YYYY/M/D/art_<col>_<id>.html, attachments
 * through /module/download/downfile.jsp; with year-subcolumns the townships' reports only in the disclosure
 * module /module/xxgk/xxgkAnnualReport.jsp?fbtime=YYYY&area=<code>.
 */
import { makeLayout, recordList, type ListDef } from '../layout.ts';
import { hrefFrom, rel, visibleEntries, type PubEntry } from '../lists.ts';
import { anchor, esc, navList } from '../markup.ts';
import type { Item } from '../plan.ts';
import type { Portal } from '../portal.ts';
import { buildHub, organHome, type OrganNav } from '../hub.ts';
import { failOnce } from '../publish.ts';
import { registerSessionTrap } from '../traps.ts';
import { familyRng, publishList } from './common.ts';

const PROXY = '/module/web/jpage/dataproxy.jsp';
const MODULE = '/module/xxgk/xxgkAnnualReport.jsp';

function record(e: PubEntry): string {
  return `<record><![CDATA[<li class="bt-li"><span class="bt-data-time">${e.date}</span>${anchor(e, e.item.linkStyle)}</li>]]></record>`;
}

export function buildHanweb(portal: Portal): void {
  const rng = familyRng(portal, 'hanweb');
  const layout = makeLayout(portal, { year: false });
  const webid = rng.int(1, 400);
  const moduleOnly = portal.has('year-subcolumns');
  const colOf = new Map<ListDef, number>();
  // Group columns (部门年报, 乡镇年报) each get their own id (two groups of one organ must not share one).
  const groups = layout.all.filter((l) => l.role === 'group');
  for (const l of layout.all) colOf.set(l, 1229000000 + portal.plan.index * 10000 + l.organ.num + (l.role === 'group' ? 9000 + groups.indexOf(l) : 0));
  const artPath = (col: number, item: Item): string => {
    const [y, m, d] = item.date.split('-').map(Number);
    return `/art/${y}/${m}/${d}/art_${col}_${7000000 + portal.plan.index * 10000 + item.n * 11}.html`;
  };
  const fileOf = (item: Item): { role: 'www' | 'files'; path: string } => ({
    role: portal.sites.files ? 'files' : 'www',
    path: rng.chance(0.5) ? `/module/download/downfile.jsp?classid=0&filename=${(item.n * 2654435761 >>> 0).toString(16)}.${item.format}` : `/picture/0/${(item.n * 40503 >>> 0).toString(16)}${item.n}.${item.format}`,
  });
  const moduleUrl = (y?: number): string => portal.url('www', `${MODULE}?${y ? `fbtime=${y}&` : ''}area=${portal.plan.county.code}`);
  const entries = new Map<ListDef, PubEntry[]>();
  const moduleItems: PubEntry[] = [];
  for (const l of layout.all) {
    const col = colOf.get(l)!;
    const inModule = moduleOnly && l.organ.kind === 'township';
    const url = inModule ? moduleUrl() : portal.url('www', `/col/col${col}/index.html`);
    const es = l.items.map((item) => ({ item, e: publishList(portal, { ...l, items: [item] }, inModule ? moduleUrl(item.year) : url, () => ({ role: 'www', detailPath: artPath(col, item), file: fileOf(item) }))[0]! }));
    if (inModule) {
      moduleItems.push(...es.map((x) => x.e));
      continue;
    }
    entries.set(l, es.map((x) => x.e));
    if (l.disallowed) portal.addDisallow('www', `/col/col${col}/`);
  }
  const proxyQuery = (l: ListDef): string => `webid=${webid}&path=%2F&columnid=${colOf.get(l)}&unitid=${colOf.get(l)! + 3}&webname=${encodeURIComponent(`${portal.plan.county.name}人民政府`)}&permissiontype=0`;
  const perpage = portal.plan.pageSize;
  const inline = perpage * 2;
  for (const [l, es] of entries) {
    const col = colOf.get(l)!;
    const url = portal.url('www', `/col/col${col}/index.html`);
    recordList(portal, l, url, portal.url('www', `${PROXY}?${proxyQuery(l)}`));
    const children = l.children.map((c) => `<li><a href="/col/col${colOf.get(c)}/index.html">${esc(c.title)}</a></li>`).join('');
    const page = () => {
      const all = rel(portal, url, visibleEntries(portal, es), false);
      const store = `<div id="${col + 3}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="${PROXY}?page=1&${proxyQuery(l)}"></a>]]></nextgroup>
<recordset>
${all.slice(0, inline).map(record).join('\n')}
</recordset></datastore></script></div>
<script type="text/javascript">$(document).ready(function(){ $('#${col + 3}').jpage({ dataStore: dataStore, perPage: ${perpage}, totalRecord: ${all.length}, proxyUrl: '${PROXY}', groupSize: 2, barPosition: 'bottom', ajaxParam: { col: 1, appid: 1, webid: ${webid}, path: '/', columnid: ${col}, sourceContentType: 1, unitid: ${col + 3}, webname: '${portal.plan.county.name}人民政府', permissiontype: 0 } }); });</script>`;
      return portal.page(l.title, `<div class="bt-column"><h2>${esc(l.title)}</h2>${children ? `<ul class="sub-col">${children}</ul>` : ''}${store}</div>`);
    };
    portal.route('www', `/col/col${col}/index.html`, l === layout.top && portal.has('transient-errors') ? failOnce(portal, `429:col${col}`, 429, page) : page);
  }
  portal.route('www', PROXY, (req) => {
    if (portal.has('post-list') && req.method !== 'POST') return { status: 405, body: 'Request method GET not supported', type: 'text/plain', validators: 'none' };
    const params = new URLSearchParams(req.body?.toString('utf8') ?? '');
    for (const [k, v] of req.query) params.set(k, v);
    const l = [...entries.keys()].find((x) => String(colOf.get(x)) === params.get('columnid'));
    if (!l) return { body: '<?xml version="1.0" encoding="UTF-8"?><datastore><recordset></recordset></datastore>', type: 'text/xml;charset=UTF-8', validators: 'none' };
    const all = rel(portal, portal.url('www', `/col/col${colOf.get(l)}/index.html`), visibleEntries(portal, entries.get(l)!), false);
    const start = Math.max(1, Number(params.get('startrecord') ?? 1) || 1);
    const end = Math.max(start, Number(params.get('endrecord') ?? start + perpage * 3 - 1) || start);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><datastore><nextgroup><![CDATA[]]></nextgroup><recordset>${all.slice(start - 1, end).map(record).join('\n')}</recordset><totalrecord>${all.length}</totalrecord><totalpage>${Math.ceil(all.length / perpage)}</totalpage></datastore>`;
    return { body: xml, type: 'text/xml;charset=UTF-8', validators: 'none' };
  });
  if (portal.has('trap-session')) registerSessionTrap(portal, 'www');
  const years = [...new Set(moduleItems.map((e) => e.item.year))].sort((a, b) => b - a);
  if (moduleOnly) {
    for (const y of years) portal.addColumn({ url: moduleUrl(y), body: portal.plan.county.body, division: portal.plan.county.code, organKind: 'county', role: 'module', year: y });
    portal.route('www', MODULE, (req) => {
      const y = Number(req.query.get('fbtime') ?? 0);
      const here = moduleUrl(y || undefined);
      if (!y) return portal.page('政府信息公开年报', `<div class="nb-years">${navList(years.map((x) => ({ href: hrefFrom(portal, here, moduleUrl(x), false), text: `${x}年度` })))}</div>`, { validators: 'none' });
      const list = rel(portal, here, visibleEntries(portal, moduleItems.filter((e) => e.item.year === y)), false);
      return portal.page(`${y}年度政府信息公开年报`, `<table class="nb">${list.map((e) => `<tr><td>${esc(e.item.organ.short)}</td><td>${anchor(e, e.item.linkStyle)}</td><td>${e.date}</td></tr>`).join('')}</table>`, { validators: 'none' });
    });
  }
  const organs: OrganNav[] = portal.plan.organs.flatMap((o) => {
    const l = layout.byOrgan.get(o.key);
    if (!l || !entries.has(l)) return [];
    const column = portal.url('www', `/col/col${colOf.get(l)}/index.html`);
    const nav: OrganNav = { organ: o, column };
    if (o.kind !== 'county') nav.home = organHome(portal, 'www', nav, `/col/col${colOf.get(l)! + 1}/index.html`);
    return [nav];
  });
  buildHub(portal, {
    hub: { role: 'www', path: `/col/col${1229000000 + portal.plan.index * 10000 + 1}/index.html` }, organs,
    hubLinks: moduleOnly ? [{ href: moduleUrl(), text: '乡镇（街道）政府信息公开年报' }] : [],
  });
}
