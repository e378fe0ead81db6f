/**
 * gkmlpt, 政府信息公开目录管理平台 (Guangdong, every level): a single-page app at `/gkmlpt/index` whose script
 * sets `window._CONFIG = { SID: …, TREE: … }`; the 年报 route is `/gkmlpt/annualreport#<catId>` (a hash route:
 * no anchor in the static HTML), its list the JSON `/gkmlpt/api/all/<catId>?page=N&sid=<SID>` (items carry
 * `url`; stop at `post_count`), the posts static pages `/…/content/post_N.html`. Townships and departments are
 * other catIds of the TREE.
 */
import { canonicalUrl } from '../canonical.ts';
import type { Collector } from '../collector.ts';
import type { Page } from '../page.ts';
import type { CmsFamily } from './types.ts';

const ROUTE = '/gkmlpt/annualreport';

export interface GkmlptConfig {
  sid?: string;
  /** Catalogue ids of 年报 nodes, with the organ they belong to when the tree says so. */
  reportCats: { id: string; organ?: string }[];
}

/** Nodes `{ id: 123, name: '年度报告', … }` of the config's tree, in either key order, with their parents. */
function treeNodes(js: string): { id: string; name: string; index: number }[] {
  const out: { id: string; name: string; index: number }[] = [];
  const re = /\{[^{}]*?["']?(?:id|catId|cat_id|value|key)["']?\s*:\s*["']?(\d+)["']?[^{}]*?["']?(?:name|title|text|label)["']?\s*:\s*["']([^"']+)["']|\{[^{}]*?["']?(?:name|title|text|label)["']?\s*:\s*["']([^"']+)["'][^{}]*?["']?(?:id|catId|cat_id|value|key)["']?\s*:\s*["']?(\d+)["']?/g;
  for (const m of js.matchAll(re)) out.push({ id: m[1] ?? m[4], name: m[2] ?? m[3], index: m.index });
  return out;
}

export function gkmlptConfig(page: Page): GkmlptConfig | undefined {
  const js = page.scripts.join('\n');
  if (!/_CONFIG|gkmlpt/i.test(js) && !/gkmlpt/.test(page.url)) return undefined;
  const sid = /["']?SID["']?\s*[:=]\s*["']?([\w-]+)["']?/i.exec(js)?.[1];
  const nodes = treeNodes(js);
  const reportCats: { id: string; organ?: string }[] = [];
  for (const [i, n] of nodes.entries()) {
    if (!/(年报|年度报告)/.test(n.name) || /(解读|网站)/.test(n.name)) continue;
    // The nearest earlier node that names an organ is its parent in the tree's source order.
    const organ = nodes.slice(0, i).reverse().find((p) => /(镇|乡|街道|局|委|办|中心|院|政府)$/.test(p.name))?.name;
    reportCats.push({ id: n.id, ...(organ ? { organ } : {}) });
  }
  // Hash routes written in the page: `annualreport#123`, `#/annualreport/123`.
  for (const m of page.body.matchAll(/annualreport\/?#\/?(\d+)|#\/?annualreport\/(\d+)/g)) {
    const id = m[1] ?? m[2];
    if (!reportCats.some((c) => c.id === id)) reportCats.push({ id });
  }
  return { sid, reportCats };
}

export const gkmlpt: CmsFamily = {
  name: 'gkmlpt',
  fingerprint: (page) => /\/gkmlpt\//.test(page.url) || /\/gkmlpt\/(index|annualreport)|window\._CONFIG/.test(page.body),
  columnRoutes: () => [ROUTE],
  discover(page: Page, out: Collector): void {
    // Any link into the platform: its 年报 route is a column.
    const platform = page.anchors.find((a) => /\/gkmlpt\//.test(a.url));
    if (platform && !page.url.includes(ROUTE)) {
      const url = canonicalUrl(ROUTE, platform.url);
      if (url) out.add({ url, kind: 'list', role: 'column', title: '年度报告', depth: page.role === 'home' || page.role === 'hub' ? 1 : page.ctx.depth + 1, reason: 'gkmlpt_route' });
    }
    const cfg = gkmlptConfig(page);
    if (!cfg) return;
    for (const cat of cfg.reportCats) {
      const api = new URL(`/gkmlpt/api/all/${cat.id}`, page.url);
      api.searchParams.set('page', '1');
      if (cfg.sid) api.searchParams.set('sid', cfg.sid);
      const url = canonicalUrl(api.toString());
      if (url) out.add({ url, kind: 'list', role: 'proxy', depth: Math.max(1, page.ctx.depth), reason: 'gkmlpt_api', ...(cat.organ ? { context: cat.organ } : {}) });
    }
  },
};
