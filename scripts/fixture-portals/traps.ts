/**
 * Crawler traps and their guards: a calendar and search result pages that never end (home page), list pagers
 * that answer past their stated page count, year archives going back forever, session ids in every link. Each
 * trap is recorded with the pattern of its pages and how many of them a polite crawler may fetch.
 */
import { esc, type Entry } from './markup.ts';
import type { HostRole, Portal } from './portal.ts';

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function day(d: Date, delta: number): string {
  return new Date(d.getTime() + delta * 86400000).toISOString().slice(0, 10);
}

/** Calendar and search traps (trap-calendar); returns the home page widget HTML. */
export function registerCalendarAndSearch(portal: Portal): string {
  const search = (q: string, p: number): string => `/search/search.jsp?q=${encodeURIComponent(q)}&page=${p}`;
  portal.route('www', '/search/search.jsp', (req) => {
    const q = req.query.get('q') ?? '';
    if (!portal.has('trap-calendar') || q === '') return portal.page('搜索', '<p>请输入关键词进行搜索。</p>', { validators: 'none' });
    const p = Number(req.query.get('page') ?? 1) || 1;
    const hits = portal.reports.slice(0, 3).map((r) => `<li><a href="${esc(r.detailUrl ?? r.url)}">${esc(r.item.title)}</a></li>`).join('');
    return portal.page('搜索结果', `<p>共找到相关结果约${1000 + p}条</p><ul class="results">${hits}</ul><div class="page"><a href="${esc(search(q, p + 1))}">下一页</a> <a href="${esc(search(q, p + 10))}">${p + 10}</a></div>`, { validators: 'none' });
  });
  if (!portal.has('trap-calendar')) return '';
  portal.route('www', '/calendar/', (req) => {
    const d = new Date(`${req.query.get('date') ?? '2024-03-01'}T00:00:00Z`);
    const date = Number.isNaN(d.getTime()) ? new Date('2024-03-01T00:00:00Z') : d;
    const cell = (k: number): string => `<a href="/calendar/?date=${day(date, k)}">${day(date, k).slice(8)}</a>`;
    return portal.page(`${date.toISOString().slice(0, 10)} 日程`, `<div class="calendar"><a href="/calendar/?date=${day(date, -30)}">上月</a> ${[-3, -2, -1, 0, 1, 2, 3].map(cell).join(' ')} <a href="/calendar/?date=${day(date, 30)}">下月</a></div><p>当日无活动安排。</p>`, { validators: 'none' });
  });
  portal.addTrap({ role: 'www', kind: 'calendar', pattern: '^/calendar/', measure: 'distinct', guard: 1, note: 'calendar pages: every day links the next and the previous' });
  portal.addTrap({ role: 'www', kind: 'search', pattern: '^/search/search\\.jsp\\?', measure: 'distinct', guard: 1, note: 'search results page forever' });
  if (portal.plan.index % 2 === 0) portal.addDisallow('www', '/search/');
  return `<div class="box calendar-widget"><h3>政务日历</h3><a href="/calendar/?date=2024-03-01">2024年3月1日</a></div>
<div class="box hot"><h3>热门搜索</h3><a href="${esc(search('年度报告', 1))}">年度报告</a> <a href="${esc(search('政府信息公开', 1))}">政府信息公开</a></div>`;
}

/** A pager trap on a list: pages past `lastIndex` answer (endless) or are linked (past-count). */
export function registerPagerTrap(portal: Portal, role: HostRole, pattern: string, lastIndex: number, kind: 'endless-pager' | 'past-count'): void {
  portal.addTrap({
    role, kind, pattern, measure: 'distinct', max: lastIndex, guard: 1,
    note: kind === 'endless-pager' ? `pages past the stated count (${lastIndex}) repeat the last page and link the next one` : `the pager links pages past the stated count (${lastIndex})`,
  });
}

/** Appends a fresh session id to a same-host link (trap-session): `;jsessionid=` on Java portals, `sid=` on the others. */
export function sessionize(portal: Portal, href: string): string {
  if (!portal.has('trap-session')) return href;
  const sid = Math.random().toString(16).slice(2, 18).toUpperCase();
  const u = new URL(href, 'http://x');
  if (u.host !== 'x' && !Object.values(portal.sites).some((s) => s && new URL(s.base).host === u.host)) return href;
  const at = href.indexOf('?');
  if (portal.family === 'generic') return `${href}${at < 0 ? '?' : '&'}sid=${sid.toLowerCase()}`;
  return at < 0 ? `${href};jsessionid=${sid}` : `${href.slice(0, at)};jsessionid=${sid}${href.slice(at)}`;
}

export function registerSessionTrap(portal: Portal, role: HostRole): void {
  if (!portal.has('trap-session') || portal.traps.some((t) => t.kind === 'session-id' && t.host === portal.host(role))) return;
  portal.addTrap({ role, kind: 'session-id', pattern: '(;jsessionid=|[?&]sid=)', measure: 'repeats', guard: 0, note: 'every link carries a new session id: the same page under another URL' });
}

/** A year archive (`path?year=YYYY`) linking the year before and after forever (trap-archive). */
export function registerArchive(portal: Portal, role: HostRole, path: string, entriesOf: (year: number) => Entry[], years: number[]): string {
  const first = Math.min(...years);
  const last = Math.max(...years);
  portal.route(role, path, (req) => {
    const y = Number(req.query.get('year') ?? last) || last;
    const list = entriesOf(y).map((e) => `<li><a href="${esc(e.href)}">${esc(e.title)}</a><span>${e.date}</span></li>`).join('');
    return portal.page(`${y}年`, `<h2>${y}年度</h2><ul class="list">${list}</ul><div class="page"><a href="${path}?year=${y - 1}">上一年</a> <a href="${path}?year=${y + 1}">下一年</a></div>`, { validators: 'none' });
  });
  portal.addTrap({ role, kind: 'year-archive', pattern: `^${escapeRe(path)}\\?year=(\\d+)`, measure: 'distinct', min: first - 2, max: last + 2, guard: 0, note: `year archive links the year before and after forever (reports ${first}–${last})` });
  return portal.url(role, `${path}?year=${last}`);
}
