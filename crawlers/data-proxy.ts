/**
 * Lists that a page fills by script from a data source (pure).
 * Hanweb (大汉 JCMS): an inline `<script type="text/xml"><datastore>` with the first records as CDATA HTML, and
 * `dataproxy.jsp` for the rest (startrecord / endrecord / perpage). JSON APIs: a URL literal in a script
 * (`….json`, `/api/…`, `list.do` …) or an ajax call (`$.ajax({url, type, data})`, `$.post(url, {…})`,
 * `fetch(url, {method, body})`) whose response holds an array of {title, url, date} objects, and its other
 * pages (a page count, or a total and a page size, with a page parameter in the query or the POST body).
 */
import { canonicalUrl } from './canonical.ts';
import { PAGE_PARAM } from './pagination.ts';

export interface ProxyRecord {
  /** Absolute URL. */
  url: string;
  title: string;
  publishedAt?: string;
  /** Raw HTML of the record (Hanweb) for context. */
  html?: string;
}

/** A list request: GET, or POST with a form-encoded body. */
export interface ListRequest {
  url: string;
  method?: 'POST';
  body?: string;
}

/** CDATA record HTML strings of every `<record>` in an XML datastore. */
export function datastoreRecords(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<record>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))\s*<\/record>/gi)) out.push(m[1] ?? m[2] ?? '');
  return out;
}

function numberAfter(text: string, names: string[]): number | undefined {
  for (const n of names) {
    const re = new RegExp(`(?:<${n}>\\s*(\\d+)\\s*</${n}>|\\b${n}["']?\\s*[:=]\\s*["']?(\\d+))`, 'i');
    const m = re.exec(text);
    if (m) return Number(m[1] ?? m[2]);
  }
  return undefined;
}

/**
 * Hanweb proxy requests for the records after the inline ones, in groups of 3 pages as jpage asks for them:
 * `dataproxy.jsp?startrecord=&endrecord=&perpage=`, POSTed with the jpage call's `ajaxParam` (columnid,
 * unitid, webid …) as jpage does; without one, a GET of the nextgroup URL with the same three parameters.
 */
export function hanwebProxyRequests(html: string, pageUrl: string, limit = 100): ListRequest[] {
  const next = /<nextgroup>\s*<!\[CDATA\[[\s\S]*?href=["']([^"']*dataproxy\.jsp[^"']*)["']/i.exec(html)?.[1]
    ?? /["']([^"'\s]*dataproxy\.jsp\?[^"'\s]*)["']/i.exec(html)?.[1]
    ?? /proxyUrl\s*:\s*["']([^"']+)["']/.exec(html)?.[1];
  if (!next) return [];
  const total = numberAfter(html, ['totalrecord', 'totalRecord']);
  const inline = datastoreRecords(html).length;
  const perPage = numberAfter(html, ['perpage', 'perPage']) ?? (inline || 15);
  if (total === undefined || total <= inline) return [];
  const group = perPage * 3;
  const base = canonicalUrl(next.replace(/&amp;/g, '&'), pageUrl);
  if (!base) return [];
  const ajaxParam = /ajaxParam\s*:\s*(\{[^{}]*\})/.exec(html)?.[1];
  const params = ajaxParam ? objectLiteral(ajaxParam, scriptVars(html)) : undefined;
  const proxyUrl = /proxyUrl\s*:\s*["']([^"']+)["']/.exec(html)?.[1];
  const out: ListRequest[] = [];
  for (let start = inline + 1; start <= total && out.length < limit; start += group) {
    const u = new URL(params && proxyUrl ? canonicalUrl(proxyUrl, pageUrl) ?? base : base);
    if (params) u.search = '';
    u.searchParams.set('startrecord', String(start));
    u.searchParams.set('endrecord', String(Math.min(total, start + group - 1)));
    u.searchParams.set('perpage', String(perPage));
    const c = canonicalUrl(u.toString());
    if (c) out.push(params ? { url: c, method: 'POST', body: params.toString() } : { url: c });
  }
  return out;
}

/** The GET URLs of hanwebProxyRequests (pages without a POST config). */
export function hanwebProxyUrls(html: string, pageUrl: string, limit = 100): string[] {
  return hanwebProxyRequests(html, pageUrl, limit).map((r) => r.url);
}

const JSON_URL = /["']((?:https?:\/\/[^"'\s]+|\/[^"'\s]*|[\w./-]+)(?:\.json|\/api\/[^"'\s]*|list\.do|query\.do|getList[^"'\s]*|queryList[^"'\s]*|\/list\.(?:jsp|action|aspx|php|ashx)|\/(?:data|ajax|interface)\/[^"'\s]*)(?:\?[^"'\s]*)?)["']/gi;

/** URL literals in scripts that look like JSON list APIs. */
export function jsonApiUrls(scripts: string[], pageUrl: string): string[] {
  const out = new Set<string>();
  for (const s of scripts) {
    for (const m of s.matchAll(JSON_URL)) {
      if (/\.(js|css|png|jpe?g|gif)(\?|$)/i.test(m[1])) continue;
      const c = canonicalUrl(m[1], pageUrl);
      if (c) out.add(c);
    }
  }
  return [...out];
}

/** The literal value of a simple JS object: `{ pageIndex: 1, columnId: "12", size: pageSize }` (variables looked up). */
function objectLiteral(src: string, vars: Map<string, string>): URLSearchParams | undefined {
  const params = new URLSearchParams();
  for (const m of src.matchAll(/["']?([A-Za-z_$][\w$]*)["']?\s*:\s*(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?)|([A-Za-z_$][\w$.]*))/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? (m[5] !== undefined ? vars.get(m[5]) ?? vars.get(m[5].replace(/^this\./, '')) : undefined);
    if (value !== undefined) params.set(m[1], value);
    else if (PAGE_PARAM.test(m[1])) params.set(m[1], '1');
  }
  return params.size ? params : undefined;
}

/**
 * String and number constants of a script: `var x = "…"`, and the members of object literals
 * (`var NB = { api: "/x.json", columnId: 12 }` gives `NB.api` and `NB.columnId`).
 */
function scriptVars(js: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of js.matchAll(/\b(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\d+))/g)) vars.set(m[1], m[2] ?? m[3] ?? m[4]);
  for (const m of js.matchAll(/\b(?:var|let|const|window\.)\s*([A-Za-z_$][\w$]*)\s*=\s*\{([^{}]{0,2000})\}/g)) {
    for (const p of m[2].matchAll(/["']?([A-Za-z_$][\w$]*)["']?\s*:\s*(?:"([^"]*)"|'([^']*)'|(-?\d+))/g)) vars.set(`${m[1]}.${p[1]}`, p[2] ?? p[3] ?? p[4]);
  }
  return vars;
}

/** A string literal, or a constant / member the script defines. */
function literalOrVar(token: string, vars: Map<string, string>): string | undefined {
  const t = token.trim();
  const q = /^(["'])(.*)\1$/.exec(t);
  if (q) return q[2];
  return vars.get(t);
}

/**
 * Ajax list calls in scripts: `$.ajax({ url: '…', type: 'post', data: {…} })`, `$.post('…', {…})`,
 * `$.get('…', {…})`, `$.getJSON('…', {…})`, `axios.post('…', {…})`, `fetch('…', { method: 'POST', body: … })`.
 * Returns the first page's request (a page parameter set to 1 when the data names one).
 */
export function ajaxRequests(scripts: string[], pageUrl: string): ListRequest[] {
  const out: ListRequest[] = [];
  const js = scripts.join('\n');
  const vars = scriptVars(js);
  const push = (rawUrl: string, method: string, data: string | undefined): void => {
    const url = canonicalUrl(rawUrl.replace(/&amp;/g, '&'), pageUrl);
    if (!url || /\.(js|css)(\?|$)/i.test(url)) return;
    const params = data ? objectLiteral(data, vars) : undefined;
    if (method.toUpperCase() === 'POST') out.push({ url, method: 'POST', body: params?.toString() ?? '' });
    else {
      const u = new URL(url);
      for (const [k, v] of params ?? []) u.searchParams.set(k, v);
      const c = canonicalUrl(u.toString());
      if (c) out.push({ url: c });
    }
  };
  for (const m of js.matchAll(/\$\.ajax\s*\(\s*\{([\s\S]{0,1500}?)\}\s*\)/g)) {
    const body = m[1];
    const token = /\burl\s*:\s*((["'])[^"']+\2|[A-Za-z_$][\w$.]*)/.exec(body)?.[1];
    const url = token ? literalOrVar(token, vars) : undefined;
    if (!url) continue;
    const method = /\b(?:type|method)\s*:\s*["'](\w+)["']/i.exec(body)?.[1] ?? 'GET';
    const data = /\bdata\s*:\s*(\{[^{}]*\})/.exec(body)?.[1];
    push(url, method, data);
  }
  for (const m of js.matchAll(/(?:\$|jQuery|axios)\.(post|get|getJSON)\s*\(\s*((["'])[^"']+\3|[A-Za-z_$][\w$.]*)\s*(?:,\s*(\{[^{}]*\}))?/g)) {
    const url = literalOrVar(m[2], vars);
    if (url) push(url, m[1] === 'post' ? 'POST' : 'GET', m[4]);
  }
  for (const m of js.matchAll(/\bfetch\s*\(\s*(["'])([^"']+)\1\s*(?:,\s*\{([\s\S]{0,600}?)\})?/g)) {
    const opts = m[3] ?? '';
    const method = /\bmethod\s*:\s*["'](\w+)["']/i.exec(opts)?.[1] ?? 'GET';
    const body = /\bbody\s*:\s*(?:new\s+URLSearchParams\s*\(\s*)?(\{[^{}]*\})/.exec(opts)?.[1] ?? /\bbody\s*:\s*(["'])([^"']*)\1/.exec(opts)?.[2];
    if (body && !body.startsWith('{') && method.toUpperCase() === 'POST') {
      const url = canonicalUrl(m[2], pageUrl);
      if (url) out.push({ url, method: 'POST', body });
    } else push(m[2], method, body);
  }
  return out;
}

const TITLE_KEYS = ['title', 'doctitle', 'docTitle', 'name', 'bt', 'articleTitle', 'subject', 'wjmc', 'fileName', 'filename', 'text', 'label'];
const URL_KEYS = ['url', 'link', 'href', 'docpuburl', 'docPubUrl', 'path', 'pageUrl', 'detailUrl', 'fileUrl', 'wjdz', 'linkUrl', 'link_url', 'post_url', 'downloadUrl', 'filePath', 'src'];
const DATE_KEYS = ['pubDate', 'publishDate', 'publishTime', 'publish_time', 'date', 'docreltime', 'docRelTime', 'fbrq', 'createTime', 'create_time', 'time', 'releaseTime', 'publishedAt', 'pubTime', 'updateTime'];

function pick(o: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number' && k.toLowerCase().includes('time') && v > 1e9) return new Date(v > 1e12 ? v : v * 1000).toISOString().slice(0, 10);
  }
  return undefined;
}

/** Every object anywhere in a JSON value that has a title and a URL. */
export function jsonRecords(value: unknown, pageUrl: string): ProxyRecord[] {
  const out: ProxyRecord[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const title = pick(o, TITLE_KEYS);
    const href = pick(o, URL_KEYS);
    const url = href && !/^(javascript|#)/i.test(href) ? canonicalUrl(href, pageUrl) : undefined;
    if (title && url) out.push({ url, title: title.replace(/<[^>]+>/g, ''), publishedAt: pick(o, DATE_KEYS) });
    for (const x of Object.values(o)) if (x !== null && typeof x === 'object') walk(x, depth + 1);
  };
  walk(value, 0);
  return out;
}

/** The page count a JSON response states: pageCount / totalPage / pages, or total ÷ page size. */
export function jsonPageCount(value: unknown, itemsOnPage: number): number | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const text = JSON.stringify(value).slice(0, 4000);
  const count = numberAfter(text, ['pageCount', 'totalPage', 'totalPages', 'total_page', 'page_count', 'pages', 'pageTotal', 'totalPageNum']);
  if (count !== undefined) return count;
  const total = numberAfter(text, ['post_count', 'totalCount', 'total_count', 'totalRecord', 'totalRecords', 'recordCount', 'totalElements', 'count', 'total']);
  const size = numberAfter(text, ['pageSize', 'page_size', 'perPage', 'per_page', 'limit', 'size', 'rows']) ?? (itemsOnPage > 0 ? itemsOnPage : undefined);
  if (total !== undefined && size) return Math.ceil(total / size);
  return undefined;
}

/** The name of the page field a JSON response echoes (`"pageNo": 1`), to page a request that named none. */
export function echoedPageParam(value: unknown): string | undefined {
  const text = JSON.stringify(value ?? null).slice(0, 4000);
  return /"(pageNo|pageIndex|pageNum|page|currentPage|curPage|current|page_no|page_index)"\s*:\s*"?1"?\b/.exec(text)?.[1];
}

/** Other pages of a paged list request: the page parameter (query or POST body) set to 1..count. */
export function pagedRequests(req: ListRequest, count: number, limit = 200, echoed?: string): ListRequest[] {
  if (count < 2) return [];
  if (echoed) {
    // The request named no page: the response's own page field is the parameter to send.
    const u = new URL(req.url);
    const body = new URLSearchParams(req.body ?? '');
    const named = [...u.searchParams.keys(), ...body.keys()].some((k) => PAGE_PARAM.test(k));
    if (!named) {
      if (req.method === 'POST') body.set(echoed, '1');
      else u.searchParams.set(echoed, '1');
      req = req.method === 'POST' ? { ...req, body: body.toString() } : { url: u.toString() };
    }
  }
  const out: ListRequest[] = [];
  if (req.method === 'POST') {
    const body = new URLSearchParams(req.body ?? '');
    const param = [...body.keys()].find((k) => PAGE_PARAM.test(k) || /^(pageIndex|pageNo|page)$/i.test(k));
    if (!param) return [];
    for (let i = 1; i <= Math.min(count, limit); i++) {
      body.set(param, String(i));
      if (body.toString() !== req.body) out.push({ url: req.url, method: 'POST', body: body.toString() });
    }
    return out;
  }
  const u = new URL(req.url);
  const param = [...u.searchParams.keys()].find((k) => PAGE_PARAM.test(k));
  if (!param) return [];
  for (let i = 1; i <= Math.min(count, limit); i++) {
    u.searchParams.set(param, String(i));
    const c = canonicalUrl(u.toString());
    if (c && c !== canonicalUrl(req.url)) out.push({ url: c });
  }
  return out;
}

/** Arrays of {title, url} objects written into inline scripts (`var list = [{title: '…', url: '…'}]`). */
export function scriptRecords(scripts: string[], pageUrl: string): ProxyRecord[] {
  const out: ProxyRecord[] = [];
  for (const s of scripts) {
    for (const m of s.matchAll(/\{[^{}]{0,600}\}/g)) {
      const obj = m[0];
      const title = /["']?(?:title|name|bt|docTitle)["']?\s*:\s*(["'])([^"'\n]{4,200})\1/.exec(obj)?.[2];
      const href = /["']?(?:url|link|href|docPubUrl|path)["']?\s*:\s*(["'])([^"'\s]+)\1/.exec(obj)?.[2];
      if (!title || !href) continue;
      const url = canonicalUrl(href, pageUrl);
      if (!url) continue;
      const date = /["']?(?:date|pubDate|time|publishDate)["']?\s*:\s*(["'])([^"']+)\1/.exec(obj)?.[2];
      out.push({ url, title, publishedAt: date });
    }
  }
  return out;
}
