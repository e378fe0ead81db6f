/**
 * gkmlpt, 政府信息公开目录管理平台 (Guangdong, every level): a single-page app at `/gkmlpt/index` whose script
 * sets `window._CONFIG = { SID: …, TREE: … }`; the 年报 route is `/gkmlpt/annualreport#<catId>` (a hash route:
 * no anchor in the static HTML), its list the JSON `/gkmlpt/api/all/<catId>?page=N&sid=<SID>` (items carry
 * `url`; stop at `post_count`), the posts static pages `/…/content/post_N.html`. Townships and departments are
 * other catIds of the TREE.
 */
import { canonicalUrl } from '../canonical.ts';
import { organName } from '../classify.ts';
import type { Collector } from '../collector.ts';
import type { Page } from '../page.ts';
import type { CmsFamily } from './types.ts';

const ROUTE = 'annualreport';
const PLATFORM = /^(.*?\/gkmlpt)\//;

export interface GkmlptConfig {
  sid?: string;
  /** The platform's base path (`/gkmlpt`, `/<department>/gkmlpt`). */
  base: string;
  /** Catalogue ids of 年报 nodes, with the organ they belong to when the tree says so. */
  reportCats: { id: string; organ?: string }[];
}

interface Node {
  id: string;
  name: string;
  parent?: string;
}

/** The JSON array or object that starts at `from` (balanced brackets, strings skipped). */
function balanced(js: string, from: number): string | undefined {
  const open = js[from];
  const close = open === '[' ? ']' : open === '{' ? '}' : '';
  if (!close) return undefined;
  let depth = 0;
  let quote = '';
  for (let i = from; i < js.length && i < from + 500_000; i++) {
    const ch = js[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === open) depth++;
    else if (ch === close && --depth === 0) return js.slice(from, i + 1);
  }
  return undefined;
}

function walkTree(value: unknown, parent: Node | undefined, out: Node[]): void {
  if (Array.isArray(value)) {
    for (const v of value) walkTree(v, parent, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  const id = o.id ?? o.catId ?? o.cat_id ?? o.value ?? o.key;
  const name = o.name ?? o.title ?? o.text ?? o.label;
  let node = parent;
  if ((typeof id === 'number' || typeof id === 'string') && typeof name === 'string') {
    node = { id: String(id), name, parent: parent?.name };
    out.push(node);
  }
  for (const k of ['children', 'child', 'nodes', 'items', 'sub']) if (o[k]) walkTree(o[k], node, out);
}

/** The config tree's nodes with their parents' names: parsed as JSON when it is, else read node by node. */
function treeNodes(js: string): Node[] {
  const at = /["']?TREE["']?\s*[:=]\s*/.exec(js);
  const text = at ? balanced(js, at.index + at[0].length) : undefined;
  if (text) {
    try {
      const out: Node[] = [];
      walkTree(JSON.parse(text), undefined, out);
      if (out.length) return out;
    } catch {
      // not strict JSON: fall through
    }
  }
  const out: Node[] = [];
  const re = /\{[^{}]*?["']?(?:id|catId|cat_id)["']?\s*:\s*["']?(\d+)["']?[^{}]*?["']?(?:name|title|text)["']?\s*:\s*["']([^"']+)["']|\{[^{}]*?["']?(?:name|title|text)["']?\s*:\s*["']([^"']+)["'][^{}]*?["']?(?:id|catId|cat_id)["']?\s*:\s*["']?(\d+)["']?/g;
  for (const m of js.matchAll(re)) out.push({ id: m[1] ?? m[4], name: m[2] ?? m[3] });
  return out;
}

const ORGAN = /(镇|乡|街道|办事处|局|委员会|委|办|中心|院|政府|管委会)$/;

export function gkmlptConfig(page: Page): GkmlptConfig | undefined {
  const js = page.scripts.join('\n');
  const pathBase = PLATFORM.exec(new URL(page.url).pathname)?.[1];
  if (!/_CONFIG/.test(js) && !pathBase) return undefined;
  const sid = /["']?SID["']?\s*[:=]\s*["']?([\w-]+)["']?/i.exec(js)?.[1];
  const declared = /["']?BASE["']?\s*[:=]\s*["']([^"']*\/gkmlpt)\/?["']/.exec(js)?.[1];
  const base = declared ?? pathBase ?? '/gkmlpt';
  const reportCats: { id: string; organ?: string }[] = [];
  for (const n of treeNodes(js)) {
    if (!/(年报|年度报告)/.test(n.name) || /(解读|网站)/.test(n.name)) continue;
    const organ = n.parent && ORGAN.test(n.parent.replace(/(信息公开|政务公开)$/, '')) ? n.parent.replace(/(信息公开|政务公开)$/, '') : undefined;
    reportCats.push({ id: n.id, ...(organ ? { organ } : {}) });
  }
  // Hash routes written in the page: `annualreport#123`, `#/annualreport/123`.
  for (const m of page.body.matchAll(/annualreport\/?#\/?(\d+)|#\/?annualreport\/(\d+)/g)) {
    const id = m[1] ?? m[2];
    if (!reportCats.some((c) => c.id === id)) reportCats.push({ id });
  }
  return { sid, base, reportCats };
}

export const gkmlpt: CmsFamily = {
  name: 'gkmlpt',
  fingerprint: (page) => /\/gkmlpt\//.test(page.url) || /\/gkmlpt\/(index|annualreport)|window\._CONFIG/.test(page.body),
  columnRoutes: () => [`/gkmlpt/${ROUTE}`],
  discover(page: Page, out: Collector): void {
    const fromHub = page.role === 'home' || page.role === 'hub';
    // Every platform linked (the county's, each department's own): its 年报 route is a column.
    const platforms = new Map<string, string | undefined>();
    for (const a of page.anchors) {
      const m = PLATFORM.exec(new URL(a.url).pathname);
      if (m && !platforms.has(m[1])) platforms.set(m[1], organName(a.text.replace(/(信息公开|政务公开)(目录)?$/, '')));
    }
    const herePath = new URL(page.url).pathname;
    for (const [base, organ] of platforms) {
      if (herePath === `${base}/${ROUTE}`) continue;
      const url = canonicalUrl(`${base}/${ROUTE}`, page.url);
      if (url) out.add({ url, kind: 'list', role: 'column', title: '年度报告', depth: fromHub ? 1 : page.ctx.depth + 1, reason: 'gkmlpt_route', ...(organ ? { context: organ } : {}) });
    }
    const cfg = gkmlptConfig(page);
    if (!cfg || !/_CONFIG/.test(page.scripts.join('\n'))) return;
    for (const cat of cfg.reportCats) {
      const api = new URL(`${cfg.base}/api/all/${cat.id}`, page.url);
      api.searchParams.set('page', '1');
      if (cfg.sid) api.searchParams.set('sid', cfg.sid);
      const url = canonicalUrl(api.toString());
      if (url) out.add({ url, kind: 'list', role: 'proxy', depth: Math.max(1, page.ctx.depth), reason: 'gkmlpt_api', ...(cat.organ ? { context: cat.organ } : {}) });
    }
  },
};
