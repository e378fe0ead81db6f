/**
 * TRS-style sites (and the many CMSs that copied them): dated articles `/<path>/YYYYMM/tYYYYMMDD_N.html`,
 * columns named zfxxgknb / xxgknb / gknb / zfxxgkndbg, list pages `index.html`, `index_1.html` … written by a
 * pager script: `createPageHTML(count, current, "index", "html")` and its cousins with other names and
 * argument orders (`createPageHTML('page_div', 12, 1, 'index', 'shtml', 180)`, `pageNav(…)`), or variables
 * (`var countPage = 12`). The page count and URL pattern are read from the call's arguments.
 */
import { canonicalUrl } from '../canonical.ts';
import type { Collector } from '../collector.ts';
import type { Page } from '../page.ts';
import type { CmsFamily } from './types.ts';

export interface ScriptPaging {
  count: number;
  prefix: string;
  suffix: string;
  /** The current page the call states (TRS: 0 on the first page; 1-based pagers: 1). */
  current?: number;
}

function scriptVars(js: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of js.matchAll(/\b(?:var|let|const)?\s*([A-Za-z_$][\w$]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\d+))\s*[;,\n]/g)) {
    vars.set(m[1], m[2] ?? m[3] ?? m[4]);
  }
  return vars;
}

function argValue(token: string, vars: Map<string, string>): string | undefined {
  const t = token.trim();
  const q = /^["'](.*)["']$/.exec(t);
  if (q) return q[1];
  if (/^\d+$/.test(t)) return t;
  return vars.get(t);
}

/** Any call (not a definition) whose arguments end in a file stem and an extension: a pager script. */
const PAGER_CALL = /\b([A-Za-z_$][\w$]*)\s*\(([^()]*)\)/g;
const SUFFIX = /^\.?(s?html?|jsp|aspx?|php)$/i;

/**
 * The page count from the numbers before the stem: one number is the count; `(count, current)` (TRS,
 * `createPageHTML('div', 12, 1, …)`); three or more are `(records, page size, current)` (`pageBar(56, 15, 0, …)`).
 */
function countOf(nums: number[]): { count: number; current?: number } | undefined {
  if (nums.length === 0) return undefined;
  if (nums.length >= 3 && nums[1]! > 1) {
    // (records, page size, current page): the current page lies within the pages they make.
    const pages = Math.max(1, Math.ceil(nums[0]! / nums[1]!));
    if (nums[2]! <= pages) return { count: pages, current: nums[2] };
  }
  return { count: nums[0]!, current: nums.length === 2 ? nums[1] : undefined };
}

/** The first script pager call (or page-count variables) whose arguments give a count, a prefix and a suffix. */
export function scriptPaging(scripts: string[]): ScriptPaging | undefined {
  const js = scripts.join('\n');
  const vars = scriptVars(js);
  for (const call of js.matchAll(PAGER_CALL)) {
    // Skip the function's own definition (`function createPageHTML(a, b) {`).
    if (/function\s*$/.test(js.slice(Math.max(0, call.index - 12), call.index)) || /^(if|for|while|switch|function|return)$/.test(call[1]!)) continue;
    const args = call[2]!.split(',').map((a) => argValue(a, vars));
    const suffixAt = args.findIndex((a) => a !== undefined && SUFFIX.test(a));
    if (suffixAt < 1) continue;
    const prefix = args[suffixAt - 1];
    const nums = args.slice(0, suffixAt - 1).filter((a): a is string => a !== undefined && /^\d+$/.test(a)).map(Number);
    const c = countOf(nums);
    if (c === undefined || !prefix || !/^[\w-]+$/.test(prefix)) continue;
    return { count: c.count, current: c.current, prefix: prefix.replace(/_$/, ''), suffix: (args[suffixAt] as string).replace(/^\./, '') };
  }
  const count = Number(vars.get('countPage') ?? vars.get('pageCount') ?? vars.get('totalPage') ?? vars.get('page_count') ?? NaN);
  if (Number.isFinite(count) && count > 0) {
    const prefix = vars.get('prefix') ?? vars.get('pagePrefix') ?? 'index';
    const suffix = (vars.get('suffix') ?? vars.get('pageSuffix') ?? 'html').replace(/^\./, '');
    if (/^[\w-]+$/.test(prefix) && SUFFIX.test(suffix)) return { count, prefix, suffix };
  }
  return undefined;
}

/**
 * index.html, index_1.html … index_(count-1).html (TRS counts the second page as _1). A first page that calls
 * itself page 1 may belong to a pager that names the second page _2: then _count is asked for too (one
 * request too many under either naming, never a page missed).
 */
export function scriptPages(pageUrl: string, p: ScriptPaging, limit = 200): string[] {
  const out: string[] = [];
  const first = !new RegExp(`${p.prefix}_\\d+\\.${p.suffix}$`).test(new URL(pageUrl).pathname);
  const last = first && p.current === 1 ? p.count : p.count - 1;
  for (let i = 0; i <= Math.min(last, limit - 1); i++) {
    const name = i === 0 ? `${p.prefix}.${p.suffix}` : `${p.prefix}_${i}.${p.suffix}`;
    const u = canonicalUrl(name, pageUrl);
    if (u && u !== canonicalUrl(pageUrl)) out.push(u);
  }
  return out;
}

export const trs: CmsFamily = {
  name: 'trs',
  fingerprint: (page) =>
    /\/\d{6}\/t\d{8}_\d+\.html/.test(page.body) || /createPageHTML|TRS_Editor|trs_editor|TRS_AUTOADD/.test(page.body),
};

/** The pages a script pager implies, added after the page's items (a page listing no report adds none). */
export function scriptPagesOf(page: Page, out: Collector): number | undefined {
  if (page.role === 'home' || page.role === 'script') return undefined;
  const paging = scriptPaging(page.scripts);
  if (!paging || ((page.role === 'page' || page.role === 'hub') && out.reports === 0)) return paging?.count;
  for (const url of scriptPages(page.url, paging)) out.add({ url, kind: 'list', role: 'page', depth: page.ctx.depth, reason: 'script_pager' });
  return paging.count;
}
