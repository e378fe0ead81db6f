/**
 * A report split over several pages (`…_2.shtml`, 第2页): the other pages are fetched in order, through the
 * host gate and robots.txt like any request, and their article text appended to the first page's, so the
 * report is stored and parsed as one document under the first page's URL. At most 30 pages.
 */
import * as cheerio from 'cheerio';
import { decodeHtml } from '../extractors/decode.ts';
import { findMainContent } from '../extractors/html-content.ts';
import { canonicalUrl } from './canonical.ts';
import { AbortedBeforeStart, gatedGet, robotsFor, type RunContext, type SiteRun } from './context.ts';
import { reportMarkerCount } from './detail.ts';
import { logFetch } from './documents.ts';
import type { FrontierRow } from './frontier.ts';
import { Page } from './page.ts';

const MAX_PAGES = 30;

/** The article part of a page, as the HTML extractor finds it (html-content.ts), else the body. */
function articleHtml(page: Page): string {
  const $ = page.$;
  const main = findMainContent($);
  return (main.via === 'whole-page' ? $('body').html() : $(main.root).html()) ?? page.body;
}

/**
 * The first page with the others' articles appended inside its own article (where the extractor will look),
 * or at the end of its body when it has none.
 */
function joinPages(html: string, parts: string[]): string {
  const blocks = parts.map((p, i) => `<div class="nianbao-page" data-page="${i + 2}">${p}</div>`).join('\n');
  const $ = cheerio.load(html);
  const main = findMainContent($);
  if (main.via !== 'whole-page' && main.root.type === 'tag') {
    $(main.root).append(blocks);
    return $.html();
  }
  const joined = html.replace(/<\/body>/i, `${blocks}</body>`);
  return joined === html ? `${html}\n${blocks}` : joined;
}

export interface WholeReport {
  bytes: Buffer;
  hasReportText: boolean;
}

export async function fetchContinuations(ctx: RunContext, row: FrontierRow, site: SiteRun, html: string, first: Buffer, urls: string[]): Promise<WholeReport> {
  const parts: string[] = [];
  const seen = new Set<string>([row.url]);
  let queue = urls.slice(0, MAX_PAGES);
  while (queue.length > 0 && parts.length < MAX_PAGES) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    if (!(await robotsFor(ctx, url)).allowed(url) || site.pages >= site.config.pageLimit) break;
    site.pages++;
    try {
      const res = await gatedGet(ctx, url, { referer: row.url });
      ctx.stats.page(row.host, url);
      logFetch(ctx.db, { runId: ctx.runId, url, siteId: site.config.id, status: res.status, bytes: res.body.length, ms: res.ms });
      if (res.status !== 200) break;
      const page = new Page(decodeHtml(res.body, res.headers['content-type']).text, { url, role: 'column', depth: row.depth, site: site.config });
      parts.push(articleHtml(page));
      // Pagers often show only a window of page numbers: later pages link further ones.
      const more = page.anchors.map((a) => a.url).filter((u) => !seen.has(u) && urls.some((x) => sameStem(x, u)));
      queue = [...queue, ...more.filter((u) => !queue.includes(u))].sort(byPageNumber);
    } catch (e) {
      if (e instanceof AbortedBeforeStart) throw e;
      logFetch(ctx.db, { runId: ctx.runId, url, siteId: site.config.id, errorKind: (e as { code?: string }).code ?? 'internal' });
      break;
    }
  }
  const appended = parts.length ? joinPages(html, parts) : html;
  // Stored as UTF-8 whatever the first page declared.
  const whole = parts.length ? appended.replace(/(<meta[^>]*charset\s*=\s*["']?)[\w-]+/gi, '$1utf-8') : appended;
  const text = new Page(whole, { url: row.url, role: 'column', depth: 0, site: site.config }).text;
  return { bytes: parts.length ? Buffer.from(whole, 'utf8') : first, hasReportText: reportMarkerCount(text) >= 3 };
}

function stemOf(url: string): string {
  return (canonicalUrl(url) ?? url).replace(/_\d{1,2}(\.[a-z]+)$/i, '$1').replace(/([?&](page|p|pageno|pageindex|pagenum|curpage|cp)=)\d+/i, '$1');
}

function sameStem(a: string, b: string): boolean {
  return stemOf(a) === stemOf(b);
}

function pageNumber(url: string): number {
  return Number(/_(\d{1,2})\.[a-z]+$/i.exec(url)?.[1] ?? /[?&](?:page|p|pageno|pageindex|pagenum|curpage|cp)=(\d+)/i.exec(url)?.[1] ?? 0);
}

function byPageNumber(a: string, b: string): number {
  return pageNumber(a) - pageNumber(b);
}
