/**
 * gkmlpt (广东 政府信息公开目录管理平台): /gkmlpt/index is a single-page app whose script sets
 * `window._CONFIG = { SID, TREE }`; the 年报 route is /gkmlpt/annualreport#<catId> (hash routes, no anchors);
 * lists come from /gkmlpt/api/all/<catId>?page=N&sid=<SID> (articles with url, page count from total or
 * post_count); posts are static /gkmlpt/content/<a>/<b>/post_<id>.html with attachments under /attachment/.
 * Townships are catIds in the county TREE; departments run their own /<slug>/gkmlpt/ with their own SID.
 */
import { makeLayout, type ListDef } from '../layout.ts';
import { visibleEntries, type PubEntry } from '../lists.ts';
import type { Item, Organ } from '../plan.ts';
import type { Portal } from '../portal.ts';
import { buildHub, type OrganNav } from '../hub.ts';
import { familyRng, publishList } from './common.ts';

interface TreeNode {
  id: number;
  name: string;
  parent: number;
  children?: TreeNode[];
}

interface Platform {
  /** '' for the county, '/<slug>' for a department. */
  base: string;
  sid: string;
  tree: TreeNode[];
  /** catId → list */
  lists: Map<number, { list: ListDef; entries: PubEntry[] }>;
  organ: Organ;
}

/** The SPA: reads the category from the hash, fetches its API page and renders the items as links. */
const APP_JS = `!function(){var c=window._CONFIG,app=document.getElementById('app'),route=app.getAttribute('data-route');
function dflt(){if(route==='annualreport')for(var i=0;i<c.TREE.length;i++)if(c.TREE[i].name.indexOf('年报')>=0)return String(c.TREE[i].id);return '0';}
function show(){var h=location.hash.slice(1).split('/'),id=h[0]||dflt(),page=+(h[1]||1);
fetch(c.BASE+'/api/all/'+id+'?page='+page+'&sid='+c.SID).then(function(r){return r.json()}).then(function(j){
var n=j.total||j.post_count||0,size=j.page_size||10,html='<ul class="list">';
(j.articles||[]).forEach(function(a){html+='<li><a href="'+a.url+'" target="_blank">'+a.title+'</a><span>'+a.display_publish_time+'</span></li>'});
html+='</ul>';if(page*size<n)html+='<a class="next" href="#'+id+'/'+(page+1)+'">下一页</a>';app.innerHTML=html;});}
window.addEventListener('hashchange',show);show();}();`;

const STANDARD = ['机构职能', '政策文件', '规划信息', '财政信息', '人事信息', '政府信息公开指南', '政府信息公开制度'];

export function buildGkmlpt(portal: Portal): void {
  const rng = familyRng(portal, 'gkmlpt');
  const layout = makeLayout(portal, { year: false, grouped: false, robotsTarget: 'department' });
  const countField = rng.chance(0.5) ? 'total' : 'post_count';
  const epoch = (d: string): number => Math.floor(Date.parse(`${d}T09:00:00+08:00`) / 1000);
  let cat = 2000 + rng.int(0, 900);
  const platforms: Platform[] = [];
  const county = portal.plan.organs[0]!;

  const platformOf = (o: Organ, base: string): Platform => {
    const p: Platform = { base, sid: String(rng.int(700000, 769999)), tree: [], lists: new Map(), organ: o };
    p.tree = STANDARD.map((name) => ({ id: cat++, name, parent: 0 }));
    platforms.push(p);
    return p;
  };
  const postPath = (p: Platform, item: Item): { detailPath: string; file: { role: 'www' | 'files'; path: string } } => {
    const id = 3000000 + portal.plan.index * 20000 + item.n * 17;
    const a = Math.floor(id / 1000000);
    const b = Math.floor(id / 1000);
    return {
      detailPath: `${p.base}/gkmlpt/content/${a}/${b}/post_${id}.html`,
      file: { role: portal.sites.files ? 'files' : 'www', path: `/attachment/0/${b % 1000}/${b}/${id + 1}.${item.format}` },
    };
  };
  const addList = (p: Platform, l: ListDef, node: TreeNode): void => {
    const api = `${p.base}/gkmlpt/api/all/${node.id}?sid=${p.sid}`;
    const column = portal.url('www', `${p.base}/gkmlpt/annualreport#${node.id}`);
    const entries = publishList(portal, l, portal.url('www', api), (item) => ({ role: 'www', ...postPath(p, item) }));
    p.lists.set(node.id, { list: l, entries });
    portal.addColumn({ url: column, body: l.organ.body, division: l.organ.division, organKind: l.organ.kind, role: 'column', dataUrl: portal.url('www', api) });
    if (l.disallowed) portal.addDisallow('www', `${p.base}/`);
  };

  const main = platformOf(county, '');
  const annual: TreeNode = { id: cat++, name: '政府信息公开年报', parent: 0 };
  main.tree.push(annual);
  addList(main, layout.top, annual);
  const townNode: TreeNode = { id: cat++, name: '镇（街道）信息公开', parent: 0, children: [] };
  const organs: OrganNav[] = [{ organ: county, column: portal.url('www', `/gkmlpt/annualreport#${annual.id}`) }];
  for (const o of portal.plan.organs.slice(1)) {
    const l = layout.byOrgan.get(o.key);
    if (!l) continue;
    if (o.kind === 'township') {
      const node: TreeNode = { id: cat++, name: o.short, parent: townNode.id, children: [] };
      const nb: TreeNode = { id: cat++, name: '政府信息公开年报', parent: node.id };
      node.children!.push({ id: cat++, name: '政策文件', parent: node.id }, nb);
      townNode.children!.push(node);
      addList(main, l, nb);
      organs.push({ organ: o, column: portal.url('www', `/gkmlpt/annualreport#${nb.id}`), home: portal.url('www', `/gkmlpt/index#${node.id}`) });
    } else {
      const p = platformOf(o, `/${o.slug}`);
      const nb: TreeNode = { id: cat++, name: '政府信息公开年报', parent: 0 };
      p.tree.push(nb);
      addList(p, l, nb);
      organs.push({ organ: o, column: portal.url('www', `/${o.slug}/gkmlpt/annualreport#${nb.id}`), home: portal.url('www', `/${o.slug}/gkmlpt/index`) });
    }
  }
  main.tree.push(townNode);

  for (const p of platforms) {
    const shell = (route: string) => () => portal.page(`${p.organ.short === '县政府' ? portal.plan.county.name : p.organ.body}政府信息公开`, `<div id="app" data-route="${route}"><noscript>请开启浏览器JavaScript功能</noscript></div>
<script>window._CONFIG = { SID: '${p.sid}', SITE_NAME: '${p.organ.body}', BASE: '${p.base}/gkmlpt', TREE: ${JSON.stringify(p.tree)} };</script>
<script src="${p.base}/gkmlpt/static/js/manifest.js"></script><script src="${p.base}/gkmlpt/static/js/app.js"></script>`);
    for (const r of ['index', 'annualreport', 'policy', 'guide']) portal.route('www', `${p.base}/gkmlpt/${r}`, shell(r));
    portal.route('www', `${p.base}/gkmlpt/static/js/manifest.js`, () => ({ type: 'application/javascript', body: '/* webpack manifest */' }));
    portal.route('www', `${p.base}/gkmlpt/static/js/app.js`, () => ({ type: 'application/javascript', body: APP_JS }));
    portal.prefix('www', `${p.base}/gkmlpt/api/all/`, (req) => {
      const id = Number(req.path.slice(`${p.base}/gkmlpt/api/all/`.length));
      if (req.query.get('sid') !== p.sid) return { body: JSON.stringify({ code: 1, msg: 'invalid sid', articles: [] }), type: 'application/json', validators: 'none' };
      // catId 0 is every post of the platform.
      const entry = p.lists.get(id);
      const size = portal.plan.pageSize;
      const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
      const all = visibleEntries(portal, id === 0 ? [...p.lists.values()].flatMap((x) => x.entries) : entry?.entries ?? []);
      const articles = all.slice((page - 1) * size, page * size).map((e) => ({
        id: Number(/post_(\d+)/.exec(e.href)?.[1] ?? e.item.n), title: e.title, url: e.href, publisher: e.item.organ.body,
        create_time: epoch(e.date), publish_time: epoch(e.date), display_publish_time: e.date, identifier: '', document_number: '',
      }));
      const body: Record<string, unknown> = { classify: { id, name: id === 0 ? '全部' : entry?.list.title ?? '' }, articles, page_size: size };
      body[countField] = all.length;
      return { body: JSON.stringify(body), type: 'application/json;charset=UTF-8', validators: 'none' };
    });
  }
  buildHub(portal, {
    hub: { role: 'www', path: '/zwgk/index.html' }, organs,
    hubLinks: [{ href: portal.url('www', '/gkmlpt/index'), text: '政府信息公开目录' }],
    ownTree: !portal.has('deep-hub'),
    treeLinks: organs.filter((o) => o.organ.kind === 'department').map((o) => ({ href: o.home ?? o.column, text: `${o.organ.short}信息公开` })),
  });
}
