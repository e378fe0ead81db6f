/**
 * Pagination of list pages (pure): TRS `createPageHTML(...)` / `countPage` inline JS (index.html, index_1.html …),
 * numbered links (`index_N.ext`, `?page=N`, `?pageIndex=N` …) plus a `共N页` total. Returns the other pages of
 * the same list, canonical, at most `limit`.
 */
import { canonicalUrl } from './canonical.ts';
import type { Anchor } from './anchors.ts';

const PAGE_PARAM = /^(page|pageno|pageindex|pagenum|curpage|currentpage|p|pn|pagenumber)$/i;
const INDEX_FILE = /^(.*?)(index|list|default)(_(\d+))?\.(s?html?|jsp|php|aspx?)$/i;

function scriptVars(html: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of html.matchAll(/\b(?:var|let|const)?\s*([A-Za-z_$][\w$]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\d+))\s*[;,\n]/g)) {
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

interface TrsPaging {
  count: number;
  prefix: string;
  suffix: string;
}

/** `createPageHTML(count, current, prefix, suffix)` or `createPageHTML(divId, count, current, prefix, suffix, total)`. */
export function trsPaging(html: string): TrsPaging | undefined {
  const vars = scriptVars(html);
  const call = /createPageHTML\s*\(([^)]*)\)/.exec(html);
  if (call && !/function\s+createPageHTML\s*\(\s*$/.test(html.slice(Math.max(0, call.index - 30), call.index))) {
    const args = call[1].split(',').map((a) => argValue(a, vars));
    const nums = args.map((a) => (a !== undefined && /^\d+$/.test(a) ? Number(a) : undefined));
    const start = nums[0] === undefined && nums[1] !== undefined ? 1 : 0;
    const count = nums[start];
    const prefix = args[start + 2];
    const suffix = args[start + 3];
    if (count !== undefined && prefix && suffix && /^[\w-]+$/.test(prefix) && /^[a-z]+$/i.test(suffix)) {
      return { count, prefix, suffix };
    }
  }
  const count = Number(vars.get('countPage') ?? vars.get('pageCount') ?? vars.get('totalPage') ?? NaN);
  if (Number.isFinite(count) && count > 0) {
    const prefix = vars.get('prefix') ?? 'index';
    const suffix = vars.get('suffix') ?? 'html';
    if (/^[\w-]+$/.test(prefix) && /^[a-z]+$/i.test(suffix)) return { count, prefix, suffix };
  }
  return undefined;
}

function trsPages(pageUrl: string, p: TrsPaging, limit: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(p.count, limit); i++) {
    const name = i === 0 ? `${p.prefix}.${p.suffix}` : `${p.prefix}_${i}.${p.suffix}`;
    const u = canonicalUrl(name, pageUrl);
    if (u) out.push(u);
  }
  return out;
}

/** `共 12 页`, `共12页`, `totalPage: 12`. */
export function totalPages(html: string): number | undefined {
  const m = /共\s*(\d{1,4})\s*页/.exec(html) ?? /total_?pages?["']?\s*[:=]\s*["']?(\d{1,4})/i.exec(html);
  return m ? Number(m[1]) : undefined;
}

function sameList(a: URL, b: URL): boolean {
  return a.host === b.host && a.pathname.replace(/[^/]*$/, '') === b.pathname.replace(/[^/]*$/, '');
}

/** Numbered links to other pages of the same list, and the page ranges they imply with a known total. */
function linkedPages(pageUrl: string, html: string, anchors: Anchor[], limit: number): string[] {
  const here = new URL(pageUrl);
  const total = totalPages(html);
  const out = new Set<string>();
  for (const a of anchors) {
    const u = new URL(a.url);
    if (!sameList(u, here)) continue;
    const file = INDEX_FILE.exec(u.pathname);
    const herefile = INDEX_FILE.exec(here.pathname);
    const param = [...u.searchParams.keys()].find((k) => PAGE_PARAM.test(k) && /^\d+$/.test(u.searchParams.get(k) ?? ''));
    if (param) {
      const others = new URLSearchParams(u.search);
      others.delete(param);
      const mine = new URLSearchParams(here.search);
      for (const k of [...mine.keys()]) if (PAGE_PARAM.test(k)) mine.delete(k);
      if (others.toString() !== mine.toString() || u.pathname !== here.pathname) continue;
      out.add(a.url);
      const n = total ?? 0;
      for (let i = 1; i <= Math.min(n, limit); i++) {
        u.searchParams.set(param, String(i));
        const c = canonicalUrl(u.toString());
        if (c) out.add(c);
      }
    } else if (file && (file[4] !== undefined || herefile?.[4] !== undefined) && (!herefile || herefile[2] === file[2])) {
      out.add(a.url);
      const n = total ?? 0;
      for (let i = 1; i < Math.min(n, limit); i++) {
        const c = canonicalUrl(`${file[1]}${file[2]}_${i}.${file[5]}`, u.toString());
        if (c) out.add(c);
      }
    }
  }
  return [...out];
}

/**
 * Other pages of the list shown at `pageUrl` (never `pageUrl` itself), at most `limit`. `scripted` reads the
 * TRS inline-JS pager too (numbered links are always read).
 */
export function paginationUrls(pageUrl: string, html: string, anchors: Anchor[], limit = 200, scripted = true): string[] {
  const here = canonicalUrl(pageUrl) ?? pageUrl;
  const trs = scripted ? trsPaging(html) : undefined;
  const found = new Set<string>(trs ? trsPages(here, trs, limit) : []);
  for (const u of linkedPages(here, html, anchors, limit)) found.add(u);
  found.delete(here);
  return [...found].slice(0, limit);
}
