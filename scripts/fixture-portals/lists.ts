/**
 * List mechanisms shared by the families: visible entries newest first, page slices, hrefs written relative
 * the way CMS templates write them, and lists built by script — a JSON API named in an external .js file
 * (json-api), a 加载更多 button backed by JSON (load-more), and a list only a browser sees (xhr-only).
 */
import { anchor, esc, type Entry, type LinkStyle } from './markup.ts';
import type { Item } from './plan.ts';
import type { HostRole, Portal } from './portal.ts';
import { sessionize } from './traps.ts';

export interface PubEntry extends Entry {
  item: Item;
}

export function visibleEntries(portal: Portal, entries: PubEntry[]): PubEntry[] {
  return entries.filter((e) => portal.visible(e.item)).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.item.n - a.item.n));
}

export function pageCount(n: number, size: number): number {
  return Math.max(1, Math.ceil(n / size));
}

export function slice<T>(xs: T[], size: number, index: number): T[] {
  return xs.slice(index * size, (index + 1) * size);
}

export const styleOf = (e: Entry): LinkStyle => (e as PubEntry).item?.linkStyle ?? 'plain';

/** `to` as a page on `from` links it: `./x` under the same folder, `/x` on the same host, else absolute. */
export function relativeHref(from: string, to: string, relative = true): string {
  const f = new URL(from);
  const t = new URL(to);
  if (f.host !== t.host) return to;
  const dir = f.pathname.replace(/[^/]*$/, '');
  return relative && t.pathname.startsWith(dir) && t.pathname !== dir ? `./${t.pathname.slice(dir.length)}${t.search}` : `${t.pathname}${t.search}`;
}

/** A list page's href: relative as CMS templates write it, with a session id (trap-session). */
export function hrefFrom(portal: Portal, from: string, to: string, relative = true): string {
  return sessionize(portal, relativeHref(from, to, relative));
}

export function rel(portal: Portal, from: string, entries: PubEntry[], relative = true): PubEntry[] {
  return entries.map((e) => ({ ...e, href: hrefFrom(portal, from, e.href, relative) }));
}

function json(body: unknown): { body: string; type: string; validators: 'none' } {
  return { body: JSON.stringify(body), type: 'application/json;charset=UTF-8', validators: 'none' };
}

const item = (e: PubEntry): Record<string, string> => ({ title: e.title, url: e.href, time: e.date });

/** json-api: the page only includes `jsPath`; the script fetches `apiPath?pageNo=N&pageSize=S`. Returns the list HTML. */
export function jsonApiList(portal: Portal, role: HostRole, o: { jsPath: string; apiPath: string; columnId: number; entries: () => PubEntry[]; pageSize: number }): string {
  portal.route(role, o.jsPath, () => ({
    type: 'application/javascript', body: `var NB_LIST = { api: "${o.apiPath}", columnId: ${o.columnId}, pageSize: ${o.pageSize} };
function loadPage(pageNo) {
  $.getJSON(NB_LIST.api, { columnId: NB_LIST.columnId, pageNo: pageNo, pageSize: NB_LIST.pageSize }, function (res) {
    var html = '';
    $.each(res.data.list, function (i, it) { html += '<li><a href="' + it.url + '" target="_blank">' + it.title + '</a><span>' + it.time + '</span></li>'; });
    $('#list').html(html); renderPager(res.data.pageCount, pageNo);
  });
}
$(function () { loadPage(1); });`,
  }));
  portal.route(role, o.apiPath, (req) => {
    const size = Math.min(50, Number(req.query.get('pageSize') ?? o.pageSize) || o.pageSize);
    const p = Math.max(1, Number(req.query.get('pageNo') ?? 1) || 1);
    const all = o.entries();
    return json({ code: 200, data: { total: all.length, pageCount: pageCount(all.length, size), pageNo: p, list: slice(all, size, p - 1).map(item) } });
  });
  return `<ul id="list" class="list"></ul><div id="pager" class="page"></div><script src="${esc(o.jsPath)}"></script>`;
}

/** load-more: the first page inline, then 加载更多 fetching `apiPath?page=N` (JSON with hasMore). */
export function loadMoreList(portal: Portal, role: HostRole, o: { apiPath: string; entries: () => PubEntry[]; pageSize: number }): () => string {
  portal.route(role, o.apiPath, (req) => {
    const p = Math.max(1, Number(req.query.get('page') ?? 2) || 2);
    const all = o.entries();
    return json({ page: p, hasMore: p * o.pageSize < all.length, items: slice(all, o.pageSize, p - 1).map(item) });
  });
  return () => {
    const lis = slice(o.entries(), o.pageSize, 0).map((e) => `<li>${anchor(e, styleOf(e))}<span class="date">${e.date}</span></li>`).join('\n');
    return `<ul class="list" id="more-list">\n${lis}\n</ul><div class="more"><a href="javascript:void(0)" id="loadMore" data-url="${esc(o.apiPath)}" data-page="2">加载更多</a></div>
<script>$('#loadMore').click(function(){ var b=$(this), p=+b.attr('data-page'); $.get(b.attr('data-url'), {page:p}, function(r){ $.each(r.items, function(i,it){ $('#more-list').append('<li><a href="'+it.url+'">'+it.title+'</a><span>'+it.time+'</span></li>'); }); b.attr('data-page', p+1); if(!r.hasMore) b.hide(); }); });</script>`;
  };
}

/** xhr-only: the list URL is assembled at run time, its response is base64 JSON: only a browser sees the items. */
export function xhrOnlyList(portal: Portal, role: HostRole, o: { apiPath: string; entries: () => PubEntry[] }): string {
  portal.needsBrowser = true;
  portal.route(role, o.apiPath, () => ({
    body: Buffer.from(JSON.stringify(o.entries().map(item)), 'utf8').toString('base64'), type: 'text/plain', validators: 'none',
  }));
  const parts = o.apiPath.match(/.{1,4}/g) ?? [o.apiPath];
  return `<ul id="xlist" class="list"></ul><script>
(function(){ var p = [${parts.map((x) => `'${x.split('').reverse().join('')}'`).join(',')}].map(function(s){ return s.split('').reverse().join(''); }).join('');
var x = new XMLHttpRequest(); x.open('GET', p + '?t=' + Date.now()); x.onload = function(){
  var items = JSON.parse(decodeURIComponent(escape(atob(x.responseText)))); var ul = document.getElementById('xlist');
  items.forEach(function(it){ var li = document.createElement('li'); var a = document.createElement('a'); a.href = it.url; a.textContent = it.title; li.appendChild(a); ul.appendChild(li); });
}; x.send(); })();
</script>`;
}
