/**
 * Discovery (pure): (site, page) → links to follow. List pages (portal home, 政务公开 hubs and organ pages, 年报
 * columns, pagination pages) give hubs, columns, sub-columns, pages, API requests, report detail pages and
 * attachments; API responses and scripts give items and their other pages; detail pages give attachments and
 * the continuation pages of a split report. Each CMS family adds what it knows (crawlers/families/); off-site
 * links, over-long URLs, too-deep lists, non-report titles and trap pages are returned as rejected.
 */
import { Collector, type Discovery } from './collector.ts';
import { analyseDetail, type DetailInfo } from './detail.ts';
import { familiesFor, fingerprints } from './families/index.ts';
import { numberedPagesOf } from './families/generic.ts';
import { scriptPagesOf } from './families/trs.ts';
import { isColumnText, isReportTitle, isYearText } from './report-title.ts';
import { nonReportReason } from './link-words.ts';
import { Page, type PageContext } from './page.ts';

export type { PageContext } from './page.ts';
export type { Discovery, Rejected } from './collector.ts';

function pageOf(body: string | Page, ctx: PageContext): Page {
  return typeof body === 'string' ? new Page(body, ctx) : body;
}

/** Portal home pages, hubs, 年报 columns and their pagination pages. */
/**
 * A hub or organ page that is itself a 年报 column (its title says so: 「张楼镇政府信息公开年报」) is read as
 * one: lenient report titles, its pager, its scripts, a browser when its list is script-built.
 */
export function effectiveContext(page: Page, ctx: PageContext): PageContext {
  if (ctx.role !== 'hub') return ctx;
  const heading = page.heading;
  const names = heading.split(/[\s_|\-—–]+/).some((part) => isColumnText(part));
  return names || (/(年报|年度报告)/.test(heading) && !nonReportReason(heading)) ? { ...ctx, role: 'column', depth: 1 } : ctx;
}

export function discoverList(body: string | Page, given: PageContext): Discovery {
  const first = pageOf(body, given);
  const ctx = effectiveContext(first, given);
  const page = ctx === given ? first : first.withContext(ctx);
  const c = new Collector(ctx);
  const families = familiesFor(ctx.site.adapter);
  if (ctx.explain) for (const f of fingerprints(page)) c.families.add(f);
  // The generic reader's items first, then what each family knows, the pagers last: a pagination page (or a
  // hub) that lists no report does not follow its pager.
  const ordered = [...families.filter((f) => f.name === 'generic'), ...families.filter((f) => f.name !== 'generic')];
  for (const f of ordered) f.discover?.(page, c);
  // A year page that lists nothing ends the years it links (archives that link the year before forever).
  if (ctx.title && isYearText(ctx.title, ctx.now) && c.reports === 0) {
    for (const [key, l] of c.links) {
      if (l.kind === 'list' && l.reason === 'sub_column' && l.title && isYearText(l.title, ctx.now)) {
        c.links.delete(key);
        c.rejected.push({ url: l.url, reason: 'trap.empty_year' });
      }
    }
  }
  const found = c.links.size;
  const count = families.some((f) => f.name === 'trs') ? scriptPagesOf(page, c) : undefined;
  numberedPagesOf(page, c, count);
  const scripted = found === 0 && c.links.size === 0 && page.scripts.some((s) => s.trim() !== '');
  return c.result(scripted);
}

/** A data proxy / API response (XML datastore, JSON, JSONP, an HTML fragment) or an external script. */
export function discoverProxy(body: string | Page, ctx: PageContext): Discovery {
  const page = pageOf(body, ctx);
  const c = new Collector(ctx);
  for (const f of familiesFor(ctx.site.adapter)) if (f.readResponse?.(page, c)) break;
  return c.result(false);
}

/** An attachment link on a report detail page: a report title, or generic text (附件1, 下载, a file name). */
function reportAttachmentText(text: string): boolean {
  if (nonReportReason(text)) return false;
  if (isReportTitle(text, { inColumn: true })) return true;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  return han < 6 || /(年报|报告|附件|下载|全文|原文)/.test(text);
}

/**
 * An attachment's title: its link text when that names a body and a report (a page listing several
 * townships' reports), else the detail page's title (link texts are often just `2023年报告.pdf`).
 */
export function attachmentTitle(text: string, pageTitle: string | undefined): string | undefined {
  const bare = text.replace(/\.(pdf|docx?|wps|rtf)$/i, '').trim();
  const namesBody = /\p{Script=Han}{2,}.*?(\d{4}|[〇零一二三四五六七八九]{4})/u.test(bare);
  if (isReportTitle(bare, { inColumn: true }) && (namesBody || !pageTitle)) return bare;
  return pageTitle ?? (bare || undefined);
}

export interface DetailDiscovery extends Discovery {
  info: DetailInfo;
}

/** A report detail page: its attachments (and other report links, e.g. 上一篇/下一篇). */
export function discoverDetail(body: string | Page, ctx: PageContext): DetailDiscovery {
  const page = pageOf(body, ctx);
  const info = analyseDetail(page);
  const c = new Collector(ctx);
  for (const a of info.attachments) {
    if (!reportAttachmentText(a.text)) {
      c.drop(a.url, a.text, 'attachment_not_report');
      continue;
    }
    c.add({ url: a.url, kind: 'attachment', title: attachmentTitle(a.text, info.title), publishedAt: info.publishedAt, depth: ctx.depth, reason: 'attachment' });
  }
  return { ...c.result(false), info };
}
