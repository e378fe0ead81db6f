/**
 * Lists that a page fills by JS from a data proxy (pure).
 * Hanweb (大汉 JCMS): an inline `<script type="text/xml"><datastore>` with the first records as CDATA HTML, and
 * `dataproxy.jsp` for the rest (startrecord / endrecord / perpage). JSON APIs: a URL literal in a script
 * (`….json`, `/api/…`, `list.do` …) whose response holds an array of {title, url, date} objects.
 */
import { canonicalUrl } from './canonical.ts';

export interface ProxyRecord {
  /** Absolute URL. */
  url: string;
  title: string;
  publishedAt?: string;
  /** Raw HTML of the record (Hanweb) for context. */
  html?: string;
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
 * Hanweb proxy URLs for the records after the inline ones: GET dataproxy.jsp with the nextgroup / proxy
 * parameters plus startrecord, endrecord and perpage, in groups of 3 pages as jpage requests them.
 */
export function hanwebProxyUrls(html: string, pageUrl: string, limit = 100): string[] {
  const next = /<nextgroup>\s*<!\[CDATA\[[\s\S]*?href=["']([^"']*dataproxy\.jsp[^"']*)["']/i.exec(html)?.[1]
    ?? /["']([^"'\s]*dataproxy\.jsp\?[^"'\s]*)["']/i.exec(html)?.[1];
  if (!next) return [];
  const total = numberAfter(html, ['totalrecord', 'totalRecord']);
  const inline = datastoreRecords(html).length;
  const perPage = numberAfter(html, ['perpage', 'perPage']) ?? (inline || 15);
  if (total === undefined || total <= inline) return [];
  const group = perPage * 3;
  const base = canonicalUrl(next.replace(/&amp;/g, '&'), pageUrl);
  if (!base) return [];
  const out: string[] = [];
  for (let start = inline + 1; start <= total && out.length < limit; start += group) {
    const u = new URL(base);
    u.searchParams.set('startrecord', String(start));
    u.searchParams.set('endrecord', String(Math.min(total, start + group - 1)));
    u.searchParams.set('perpage', String(perPage));
    const c = canonicalUrl(u.toString());
    if (c) out.push(c);
  }
  return out;
}

const JSON_URL = /["']((?:https?:\/\/[^"'\s]+|\/[^"'\s]*|[\w./-]+)(?:\.json|\/api\/[^"'\s]*|list\.do|query\.do|getList[^"'\s]*|queryList[^"'\s]*)(?:\?[^"'\s]*)?)["']/gi;

/** URL literals in inline scripts that look like JSON list APIs. */
export function jsonApiUrls(html: string, pageUrl: string): string[] {
  const out = new Set<string>();
  for (const s of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const m of s[1].matchAll(JSON_URL)) {
      if (/\.(js|css)(\?|$)/i.test(m[1])) continue;
      const c = canonicalUrl(m[1], pageUrl);
      if (c) out.add(c);
    }
  }
  return [...out];
}

const TITLE_KEYS = ['title', 'doctitle', 'docTitle', 'name', 'bt', 'articleTitle', 'subject', 'wjmc'];
const URL_KEYS = ['url', 'link', 'href', 'docpuburl', 'docPubUrl', 'path', 'pageUrl', 'detailUrl', 'fileUrl', 'wjdz'];
const DATE_KEYS = ['pubDate', 'publishDate', 'publishTime', 'date', 'docreltime', 'docRelTime', 'fbrq', 'createTime', 'time', 'releaseTime'];

function pick(o: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
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
    const url = href ? canonicalUrl(href, pageUrl) : undefined;
    if (title && url) out.push({ url, title: title.replace(/<[^>]+>/g, ''), publishedAt: pick(o, DATE_KEYS) });
    for (const x of Object.values(o)) if (x !== null && typeof x === 'object') walk(x, depth + 1);
  };
  walk(value, 0);
  return out;
}

/** Other pages of a paged JSON API: `pageCount`/`totalPage`/`pages` with a page parameter in the URL. */
export function jsonPageUrls(value: unknown, url: string, limit = 200): string[] {
  if (value === null || typeof value !== 'object') return [];
  const text = JSON.stringify(value).slice(0, 2000);
  const count = numberAfter(text, ['pageCount', 'totalPage', 'totalPages', 'pages', 'pageTotal']);
  if (!count || count < 2) return [];
  const u = new URL(url);
  const param = [...u.searchParams.keys()].find((k) => /^(page|pageno|pageindex|pagenum|curpage|currentpage|p|pn)$/i.test(k));
  if (!param) return [];
  const out: string[] = [];
  for (let i = 1; i <= Math.min(count, limit); i++) {
    u.searchParams.set(param, String(i));
    const c = canonicalUrl(u.toString());
    if (c && c !== canonicalUrl(url)) out.push(c);
  }
  return out;
}
