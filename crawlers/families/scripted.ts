/**
 * Lists built by script, whatever the CMS: JSON list APIs named in scripts (URL literals and ajax calls, GET
 * or POST), records written into inline scripts, URL templates of pager functions, and external scripts of
 * the page (fetched as their own rows and read the same way). API responses are read for their items and
 * their other pages (a page count, or a total and a page size).
 */
import { anchorsOf } from '../anchors.ts';
import { classifyAnchor } from '../classify.ts';
import type { Collector } from '../collector.ts';
import { ajaxRequests, echoedPageParam, jsonApiUrls, jsonPageCount, jsonRecords, pagedRequests, scriptRecords, type ListRequest } from '../data-proxy.ts';
import { findDate } from '../report-title.ts';
import type { Page } from '../page.ts';
import { placeholderPages, templatePages, totalPages } from '../pagination.ts';
import type { CmsFamily } from './types.ts';

/** Markup written by scripts (`document.write('<li><a href="…">…</a></li>')`, `html += '<a …>'`): its links. */
function writtenMarkup(scripts: string[]): string {
  const parts: string[] = [];
  for (const s of scripts) {
    if (!/<a\s/i.test(s)) continue;
    for (const m of s.matchAll(/(["'])((?:\\.|(?!\1)[^\\\n])*)\1/g)) if (/<a\s/i.test(m[2]!)) parts.push(m[2]!.replace(/\\(["'/])/g, '$1'));
  }
  return parts.join('\n');
}

function readScripts(page: Page, out: Collector, scripts: string[]): void {
  const depth = page.ctx.depth;
  const markup = writtenMarkup(scripts);
  if (markup && /href\s*=/i.test(markup)) for (const a of anchorsOf(markup, page.url)) classifyAnchor(out, page, a);
  for (const r of scriptRecords(scripts, page.url)) {
    classifyAnchor(out, page, { url: r.url, text: r.title, context: '' }, r.publishedAt ? findDate(r.publishedAt) : undefined);
  }
  const calls = ajaxRequests(scripts, page.url);
  const called = new Set(calls.map((r) => r.url.replace(/\?.*$/, '')));
  for (const r of calls) out.add({ ...r, kind: 'list', role: 'proxy', depth, reason: 'ajax_call' });
  // A URL literal the ajax calls already request with their parameters adds nothing.
  for (const url of jsonApiUrls(scripts, page.url)) if (!called.has(url.replace(/\?.*$/, ''))) out.add({ url, kind: 'list', role: 'proxy', depth, reason: 'script_api' });
  if (page.role === 'page' && out.reports === 0) return;
  const total = totalPages(page.body);
  for (const url of templatePages(scripts, page.url, total)) out.add({ url, kind: 'list', role: 'page', depth, reason: 'pager_template' });
  for (const url of placeholderPages(scripts, page.url, page.body)) out.add({ url, kind: 'list', role: 'page', depth, reason: 'pager_template' });
}

function readJson(page: Page, out: Collector): boolean {
  const trimmed = page.body.trim().replace(/^[\w$.]+\s*\(\s*([\s\S]*)\)\s*;?$/, '$1'); // JSONP callback(...)
  if (!/^[[{]/.test(trimmed)) return false;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return false;
  }
  const records = jsonRecords(value, page.url);
  for (const r of records) classifyAnchor(out, page, { url: r.url, text: r.title, context: '' }, r.publishedAt ? findDate(r.publishedAt) : undefined);
  if (out.reports === 0) return true;
  const count = jsonPageCount(value, records.length);
  const req = page.ctx.request ? { url: page.url, ...page.ctx.request } : { url: page.url };
  for (const next of pagedRequests(req, count ?? 0, 200, echoedPageParam(value))) out.add({ ...next, kind: 'list', role: 'proxy', depth: page.ctx.depth, reason: 'api_pages' });
  // 加载更多 APIs say only whether more follows: the next page, one at a time (repeated items end it).
  const next = count === undefined && hasMore(value) ? nextPageRequest(req) : undefined;
  if (next) out.add({ ...next, kind: 'list', role: 'proxy', depth: page.ctx.depth, reason: 'load_more' });
  return true;
}

function hasMore(value: unknown): boolean {
  const text = JSON.stringify(value ?? null).slice(0, 4000);
  return /"(hasMore|has_more|hasNext|has_next|more)"\s*:\s*(true|1|"true")/.test(text) || /"(isLastPage|lastPage|is_last|last)"\s*:\s*(false|0|"false")/.test(text);
}

/** The same request for the next page (page parameter in the query or the POST body). */
function nextPageRequest(req: ListRequest): ListRequest | undefined {
  const bump = (p: URLSearchParams): boolean => {
    for (const [k, v] of p) {
      if (/^(page|pageno|pageindex|pagenum|curpage|currentpage|p|pn)$/i.test(k) && /^\d{1,4}$/.test(v)) {
        p.set(k, String(Number(v) + 1));
        return true;
      }
    }
    return false;
  };
  if (req.method === 'POST') {
    const body = new URLSearchParams(req.body ?? '');
    return bump(body) ? { ...req, body: body.toString() } : undefined;
  }
  const u = new URL(req.url);
  return bump(u.searchParams) ? { url: u.toString() } : undefined;
}

export const scripted: CmsFamily = {
  name: 'scripted',
  fingerprint: (page) => page.scripts.some((s) => /\$\.(ajax|post|get|getJSON)\s*\(|fetch\s*\(|XMLHttpRequest|axios\./.test(s)),
  discover(page: Page, out: Collector): void {
    if (page.role === 'home' || (page.role === 'hub' && out.reports === 0)) return;
    readScripts(page, out, page.scripts);
    if (page.role === 'column') {
      for (const url of page.scriptSources) out.add({ url, kind: 'list', role: 'script', depth: page.ctx.depth, reason: 'external_script' });
    }
  },
  readResponse(page: Page, out: Collector): boolean {
    if (page.role === 'script') {
      readScripts(page, out, [page.body]);
      return true;
    }
    return readJson(page, out);
  },
};
