/**
 * Pagination of list pages (pure): numbered links to other pages of the same list (`index_N.html`,
 * `list_12_N.html`, `list_N.shtml`, `?page=N`, `?pageIndex=N` …), the page count a list states (`共N页`,
 * `totalPage = N`, records ÷ page size), and the pages that count implies. Pages past a stated count are
 * returned as rejected: a pager that never ends stops at the site's own count.
 */
import { canonicalUrl } from './canonical.ts';
import type { Anchor } from './anchors.ts';

export const PAGE_PARAM = /^(page|pageno|page_no|pageindex|page_index|pagenum|pagenumber|curpage|currentpage|current|cp|p|pn|pi|pageid|start_page)$/i;
/** `index.html`, `index_3.html`, `list_12.html`, `list_12_3.html`, `list_3.shtml`, `default_2.aspx`. */
const NUMBERED_FILE = /^(.*\/)([A-Za-z][\w-]*?)(?:_(\d{1,4}))?\.(s?html?|jsp|php|aspx?)$/i;

export interface PageLinks {
  urls: string[];
  /** Numbered pages past the stated page count (never followed). */
  pastCount: string[];
  /** The page count the list states, when it does. */
  total?: number;
}

/** `共 12 页`, `共12页`, `1/12页`, `totalPage: 12`, `pageCount = 12`, records ÷ page size. */
export function totalPages(html: string): number | undefined {
  const m =
    /共\s*(\d{1,4})\s*页/.exec(html) ??
    /(?:^|[^\d/])\d{1,4}\s*\/\s*(\d{1,4})\s*页/.exec(html) ??
    /\b(?:total_?pages?|page_?count|count_?page|page_?total|totalpagenum|pagesize_?total|allpage|maxpage|pages)["']?\s*[:=]\s*["']?(\d{1,4})\b/i.exec(html);
  if (m) return Number(m[1]);
  const records = /\b(?:total_?records?|total_?count|record_?count|totalrecord|total)["']?\s*[:=]\s*["']?(\d{1,6})\b/i.exec(html);
  const size = /\b(?:page_?size|per_?page|perpage|pagesize|rows|size|limit)["']?\s*[:=]\s*["']?(\d{1,4})\b/i.exec(html);
  if (records && size && Number(size[1]) > 0) return Math.max(1, Math.ceil(Number(records[1]) / Number(size[1])));
  return undefined;
}

/** The number a list page states for itself: `当前第2页`, `第2页/共5页`, `2/5页`. */
export function currentPage(html: string): number | undefined {
  const m = /当前\s*第?\s*(\d{1,4})\s*页/.exec(html) ?? /第\s*(\d{1,4})\s*页\s*[/／,，]?\s*共\s*\d{1,4}\s*页/.exec(html) ?? /(?:^|[^\d/])(\d{1,4})\s*\/\s*\d{1,4}\s*页/.exec(html);
  return m ? Number(m[1]) : undefined;
}

function sameDir(a: URL, b: URL): boolean {
  return a.host === b.host && a.pathname.replace(/[^/]*$/, '') === b.pathname.replace(/[^/]*$/, '');
}

/** The query of a URL without its page parameters, and the page parameter used. */
function splitPageParam(u: URL): { rest: string; param?: string; n?: number } {
  const rest = new URLSearchParams(u.search);
  let param: string | undefined;
  let n: number | undefined;
  for (const [k, v] of u.searchParams) {
    if (PAGE_PARAM.test(k) && /^\d{1,4}$/.test(v)) {
      param = k;
      n = Number(v);
      rest.delete(k);
    }
  }
  rest.sort();
  return { rest: rest.toString(), param, n };
}

/** Two queries that differ by at most one parameter (a framed list's `inner=1`, a pager's own flag). */
function nearlySame(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = new URLSearchParams(a);
  const pb = new URLSearchParams(b);
  const keys = new Set([...pa.keys(), ...pb.keys()]);
  let diff = 0;
  for (const k of keys) if (pa.get(k) !== pb.get(k)) diff++;
  return diff <= 1 && keys.size >= 2;
}

/** Texts of pager links: numbers, 下一页, 尾页, arrows … (a sibling column's link has a name). */
const PAGER_TEXT = /^(\d{1,4}|[<>«»‹›]+|首页|尾页|末页|上一?页|下一?页|前一?页|后一?页|最后一?页|第一页|next|prev(ious)?|last|first|更多|\.\.\.|…|跳转|go|第\s*\d+\s*页|\[\d+\])$/i;

function fileName(m: RegExpExecArray): string {
  return m[3] === undefined ? m[2] : `${m[2]}_${m[3]}`;
}

/** Numbered links to other pages of the same list, and the pages a stated count implies. */
export function numberedPages(pageUrl: string, html: string, anchors: Anchor[], limit = 200, knownTotal?: number): PageLinks {
  const here = new URL(pageUrl);
  const total = totalPages(html) ?? knownTotal;
  const hereQ = splitPageParam(here);
  const hereFile = NUMBERED_FILE.exec(here.pathname);
  const out = new Set<string>();
  const past = new Set<string>();
  const add = (url: string | undefined, pageNo: number): void => {
    if (!url) return;
    if (total !== undefined && pageNo > total) past.add(url);
    else if (pageNo <= limit) out.add(url);
  };
  let byParam: URL | undefined;
  let paramName = '';
  const groups = new Map<string, Map<number, string>>();
  const firsts = new Map<string, string>();
  for (const a of anchors) {
    let u: URL;
    try {
      u = new URL(a.url);
    } catch {
      continue;
    }
    if (u.host !== here.host) continue;
    const q = splitPageParam(u);
    if (q.param && q.n !== undefined && u.pathname === here.pathname && nearlySame(q.rest, hereQ.rest)) {
      byParam ??= u;
      paramName ||= q.param;
      add(a.url, q.n);
      continue;
    }
    const f = NUMBERED_FILE.exec(u.pathname);
    if (!f || !hereFile || !sameDir(u, here) || u.search !== here.search) continue;
    const text = a.text.replace(/\s+/g, '');
    if (text !== '' && !PAGER_TEXT.test(text)) continue;
    if (f[3] === undefined) firsts.set(f[2], a.url);
    else {
      const g = groups.get(f[2]) ?? new Map<number, string>();
      g.set(Number(f[3]), a.url);
      groups.set(f[2], g);
    }
  }
  if (hereFile) {
    // The list's base name: `index` seen from index.html or index_3.html; `list_12` from list_12.html.
    const hereName = fileName(hereFile);
    const base = groups.has(hereName) ? hereName : hereFile[3] !== undefined && (groups.has(hereFile[2]) || firsts.has(hereFile[2])) ? hereFile[2] : undefined;
    if (base !== undefined) {
      const g = groups.get(base) ?? new Map<number, string>();
      const first = firsts.get(base);
      if (first) out.add(first);
      // TRS counts from index_1 (the second page); others from list_2.
      // The page's own number, when it states it (当前第1页 on list_56_1.html), settles which convention it is.
      const ns = [...g.keys(), ...(base === hereFile[2] && hereFile[3] !== undefined ? [Number(hereFile[3])] : [])];
      const current = base === hereFile[2] && hereFile[3] !== undefined ? currentPage(html) : undefined;
      const zeroBased = current !== undefined && [0, 1].includes(current - Number(hereFile[3]))
        ? current - Number(hereFile[3]) === 1
        : ns.length > 0 && Math.min(...ns) <= 1;
      for (const [n, url] of g) add(url, zeroBased ? n + 1 : n);
      if (total !== undefined) {
        const from = zeroBased ? 1 : 2;
        const to = zeroBased ? total - 1 : total;
        for (let i = from; i <= Math.min(to, limit); i++) add(canonicalUrl(`${hereFile[1]}${base}_${i}.${hereFile[4]}`, pageUrl), zeroBased ? i + 1 : i);
      }
    }
  }
  if (byParam && total !== undefined) {
    for (let i = 1; i <= Math.min(total, limit); i++) {
      const u = new URL(byParam.toString());
      u.searchParams.set(paramName, String(i));
      add(canonicalUrl(u.toString()), i);
    }
  }
  const self = canonicalUrl(pageUrl) ?? pageUrl;
  out.delete(self);
  past.delete(self);
  return { urls: [...out].slice(0, limit), pastCount: [...past], total };
}

/**
 * Page URLs from a URL template a pager script builds: `'list.jsp?pageIndex=' + n + '&col=3'`,
 * `"index_" + (i) + ".html"`. Needs the count; returns pages 1..count (or the 0-based TRS form).
 */
export function templatePages(scripts: string[], pageUrl: string, total: number | undefined, limit = 200): string[] {
  if (total === undefined || total < 2) return [];
  const out = new Set<string>();
  for (const s of scripts) {
    for (const m of s.matchAll(/(["'])([^"'\s]*?(?:[?&](?:page|pageno|pageindex|pagenum|curpage|currentpage|p|pn)=|_))\1\s*\+\s*\(?\s*[A-Za-z_$][\w$]*\s*(?:[-+]\s*\d+\s*)?\)?\s*(?:\+\s*(["'])([^"'\s]*)\3)?/gi)) {
      const prefix = m[2];
      const suffix = m[4] ?? '';
      if (!/[?&=]$|_$/.test(prefix) || (prefix.endsWith('_') && !/^\.(s?html?|jsp|aspx?|php)/i.test(suffix))) continue;
      const zeroBased = prefix.endsWith('_');
      for (let i = zeroBased ? 1 : 1; i <= Math.min(zeroBased ? total - 1 : total, limit); i++) {
        const c = canonicalUrl(`${prefix}${i}${suffix}`, pageUrl);
        if (c) out.add(c);
      }
    }
  }
  out.delete(canonicalUrl(pageUrl) ?? pageUrl);
  return [...out];
}

const PLACEHOLDER = /\{\{?\s*(?:page|p|n|num|pageno|pageindex|pagenum|index|i|0)\s*\}?\}|%d|\[page\]|\$page|#page#/i;

/**
 * Pages of a pager configured with a URL template: `new Pager({ total: 56, size: 15, url: 'index_{page}.html',
 * base: 0 })`, `pager.init({ pageCount: 4, link: 'list.jsp?page={p}' })`, `'list_%d.shtml'`. The count comes
 * from the same object (pageCount, or total ÷ size) or the page's stated count; `base`/`start` says what the
 * second page is numbered (`index_1` with base 0; `list_2` with base 1, the default outside `_` names).
 */
export function placeholderPages(scripts: string[], pageUrl: string, html: string, limit = 200): string[] {
  const out = new Set<string>();
  for (const s of scripts) {
    for (const m of s.matchAll(/(["'])([^"'\s]{1,300})\1/g)) {
      const template = m[2];
      if (!PLACEHOLDER.test(template) || !/[/._?=&-]|^[\w-]+$/.test(template.replace(PLACEHOLDER, ''))) continue;
      // The object or call around the template holds its count and base.
      const open = s.lastIndexOf('{', m.index);
      const close = s.indexOf('}', m.index + m[0].length);
      const around = open >= 0 && close > 0 && close - open < 2000 ? s.slice(open, close + 1) : s.slice(Math.max(0, m.index - 300), m.index + 300);
      const count = totalPages(around) ?? totalPages(html);
      if (!count || count < 2) continue;
      const baseM = /\b(?:base|start|startpage|start_page|firstindex|first_index|offset)["']?\s*[:=]\s*(\d)/i.exec(around);
      const base = baseM ? Number(baseM[1]) : /_\s*$/.test(template.slice(0, template.search(PLACEHOLDER))) ? 0 : 1;
      for (let pageNo = 2; pageNo <= Math.min(count, limit); pageNo++) {
        const c = canonicalUrl(template.replace(PLACEHOLDER, String(pageNo - 1 + base)), pageUrl);
        if (c) out.add(c);
      }
    }
  }
  out.delete(canonicalUrl(pageUrl) ?? pageUrl);
  return [...out];
}
