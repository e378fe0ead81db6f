/**
 * A 200 response for a frontier row. What it is is decided by its bytes, not its URL: files (PDF, Word, WPS …)
 * are stored as documents; markup is decoded (charset: forced per site, else header → meta → detection),
 * checked for challenge and block pages, and mined for links. An "attachment" that answers HTML is read as a
 * detail page. A detail page is stored when it carries the report text itself; a page that only wraps
 * attachments is not, and a page that is not a report (by its title, or with no report text and nothing
 * attached) is recorded with its verdict (`not_report.*`) and not stored.
 */
import { decodeHtml, decodeText } from '../extractors/decode.ts';
import { sha256 } from '../src/store/blobs.ts';
import { classifyPage, looksNotFound } from './block.ts';
import { canonicalUrl } from './canonical.ts';
import type { RunContext, SiteRun } from './context.ts';
import { fetchContinuations } from './continuations.ts';
import { analyseDetail, type DetailInfo } from './detail.ts';
import { discoverDetail, discoverList, discoverProxy } from './discover.ts';
import type { Discovery } from './collector.ts';
import type { FrontierRow } from './frontier.ts';
import type { HttpResponse } from './http.ts';
import { nonReportReason } from './link-words.ts';
import { addLinks, block, fail, storeDocument, validators, type Validators } from './outcomes.ts';
import { Page, type PageContext } from './page.ts';
import { isReportTitle } from './report-title.ts';
import { sniffExt } from './sniff.ts';
import type { ListRole } from './types.ts';

export type BodyResult = { kind: 'handled' } | { kind: 'challenge'; evidence: string } | { kind: 'needs_browser' };

const HANDLED: BodyResult = { kind: 'handled' };

function decodePage(site: SiteRun, res: HttpResponse): string {
  return site.config.charset ? decodeText(res.body, site.config.charset).text : decodeHtml(res.body, res.headers['content-type']).text;
}

export function pageContext(ctx: RunContext, row: FrontierRow, site: SiteRun): PageContext {
  return {
    url: row.url, role: (row.role ?? 'column') as ListRole, depth: row.depth, site: site.config, maxUrlLength: ctx.maxUrlLength,
    ...(row.context ? { context: row.context } : {}),
    ...(row.title ? { title: row.title } : {}),
    ...(row.method === 'POST' ? { request: { method: 'POST' as const, body: row.body ?? '' } } : {}),
  };
}

/**
 * Traps that repeat themselves: a list page whose content another list page of the site already had (session
 * ids, calendars), and a pagination page whose items are all known (a pager that never ends) add no pages.
 */
function guardRepeats(ctx: RunContext, row: FrontierRow, site: SiteRun, d: Discovery, html: string): Discovery {
  const seen = ctx.listHashes.get(site.config.id) ?? new Set<string>();
  ctx.listHashes.set(site.config.id, seen);
  const hash = sha256(html);
  if (seen.has(hash) && row.role !== 'home') {
    ctx.stats.skip('trap.repeated_page');
    return { ...d, links: [] };
  }
  seen.add(hash);
  if (row.role !== 'page' && row.role !== 'proxy') return d;
  const items = d.links.filter((l) => l.kind !== 'list');
  const pages = d.links.filter((l) => l.kind === 'list' && (l.role === 'page' || l.role === 'proxy'));
  if (items.length === 0 || pages.length === 0) return d;
  const fresh = items.filter((l) => !ctx.frontier.known(l)).length;
  if (fresh > 0) return d;
  const unknownPages = pages.filter((l) => !ctx.frontier.known(l)).length;
  if (unknownPages > 0) ctx.stats.skip('trap.repeated_items', unknownPages);
  return { ...d, links: d.links.filter((l) => !pages.includes(l)) };
}

/** Discovery on list HTML (static or rendered), API responses and scripts; the row marked done. */
export function handleListHtml(ctx: RunContext, row: FrontierRow, site: SiteRun, html: string, v: Validators, render?: string, extra?: { url: string; body: string }[]): BodyResult {
  const pc = pageContext(ctx, row, site);
  const page = new Page(html, pc);
  let d = row.role === 'proxy' || row.role === 'script' ? discoverProxy(page, pc) : discoverList(page, pc);
  // Responses the page's scripts fetched in the browser (XHR / fetch): read like API responses.
  for (const r of extra ?? []) {
    const rc = { ...pc, url: r.url, role: 'proxy' as const };
    const more = discoverProxy(new Page(r.body, rc), rc);
    d = { ...d, links: [...d.links, ...more.links], rejected: [...d.rejected, ...more.rejected], reports: d.reports + more.reports };
  }
  const canRender = ctx.browser !== undefined && site.config.render !== 'static' && row.render !== 'browser' && render === undefined;
  if (d.looksScripted && d.role !== 'home' && d.role !== 'hub' && canRender) return { kind: 'needs_browser' };
  d = guardRepeats(ctx, row, site, d, html);
  addLinks(ctx, row, site, d.links, d.rejected);
  // A "column" link that opens a report itself (the latest 年报 as the column's only page): stored as one.
  if ((d.role === 'column' || d.role === 'hub') && d.reports === 0 && row.role !== 'proxy' && row.role !== 'script') {
    const info = analyseDetail(page);
    if (info.hasReportText && info.attachments.length === 0 && isReportTitle(info.title ?? row.title ?? '', { inColumn: true })) {
      storeDocument(ctx, row, site, Buffer.from(html, 'utf8'), {
        ext: 'html', contentType: 'text/html; charset=utf-8', title: info.title ?? row.title ?? undefined, publishedAt: info.publishedAt, validators: v,
      });
      return HANDLED;
    }
  }
  ctx.frontier.done(row.url_key, site.cycle, { ...v, sha256: sha256(html), render });
  return HANDLED;
}

/** A fetched page that is not kept: recorded with its verdict and counted. */
function notKept(ctx: RunContext, row: FrontierRow, site: SiteRun, v: Validators, body: Buffer, verdict: string): void {
  ctx.frontier.done(row.url_key, site.cycle, { ...v, sha256: sha256(body), verdict });
  if (verdict.startsWith('not_report')) ctx.stats.reject(row.host, verdict);
}

/**
 * A detail page without report text or attachments may be a sub-list (a year's page listing every
 * township's report) or a "page not found" served with 200; otherwise it is not a report.
 */
function handleBareDetail(ctx: RunContext, row: FrontierRow, site: SiteRun, page: Page, res: HttpResponse, info: DetailInfo): void {
  const v = validators(res.headers);
  if (looksNotFound(page.body)) return fail(ctx, row, site, 'http.soft_404');
  const pc = { ...pageContext(ctx, row, site), role: 'column' as const };
  const asList = discoverList(page.withContext(pc), pc);
  if (asList.reports >= 2) {
    addLinks(ctx, row, site, asList.links, asList.rejected);
    ctx.frontier.done(row.url_key, site.cycle, { ...v, sha256: sha256(res.body) });
    return;
  }
  // Part of a report (one section's table), or a report whose title says so: the parser decides.
  const titled = isReportTitle(row.title ?? '', { inColumn: true }) || isReportTitle(info.title ?? '', { inColumn: true });
  if (info.markers >= 1 && titled) {
    return storeDocument(ctx, row, site, res.body, {
      ext: 'html', contentType: res.headers['content-type'], title: row.title ?? info.title, publishedAt: row.published_at ?? info.publishedAt, validators: v,
    });
  }
  notKept(ctx, row, site, v, res.body, 'not_report.no_report_text');
}

async function handleDetailHtml(ctx: RunContext, row: FrontierRow, site: SiteRun, html: string, res: HttpResponse): Promise<void> {
  const pc = pageContext(ctx, row, site);
  const page = new Page(html, pc);
  const d = discoverDetail(page, pc);
  const v = validators(res.headers);
  const moved = page.redirect ? canonicalUrl(page.redirect) : undefined;
  if (moved && !d.info.hasReportText) {
    // A redirect stub in front of the report (meta refresh, script): follow it as the same row.
    addLinks(ctx, row, site, [{ url: moved, kind: row.kind, title: row.title ?? undefined, publishedAt: row.published_at ?? undefined, depth: row.depth }], []);
    return ctx.frontier.done(row.url_key, site.cycle, { ...v, sha256: sha256(res.body), verdict: 'redirect' });
  }
  const pageTitle = d.info.title ?? '';
  const titleVerdict = nonReportReason(pageTitle) ?? (row.title ? nonReportReason(row.title) : undefined);
  if (titleVerdict && !(isReportTitle(pageTitle) && !nonReportReason(pageTitle))) {
    // A notice or an interpretation: only attachments that themselves name a report are followed.
    addLinks(ctx, row, site, d.links.filter((l) => l.title !== undefined && l.title !== pageTitle && isReportTitle(l.title)), []);
    return notKept(ctx, row, site, v, res.body, `not_report.${titleVerdict}`);
  }
  if (!d.info.hasReportText && d.info.attachments.length === 0 && d.info.continuations.length === 0) return handleBareDetail(ctx, row, site, page, res, d.info);
  addLinks(ctx, row, site, d.links, d.rejected);
  if (d.info.continuations.length > 0) {
    const whole = await fetchContinuations(ctx, row, site, html, res.body, d.info.continuations);
    if (whole.hasReportText) {
      return storeDocument(ctx, row, site, whole.bytes, {
        ext: 'html', contentType: res.headers['content-type'], title: row.title ?? d.info.title, publishedAt: row.published_at ?? d.info.publishedAt, validators: v,
      });
    }
  }
  if (d.info.hasReportText) {
    storeDocument(ctx, row, site, res.body, {
      ext: 'html', contentType: res.headers['content-type'], title: row.title ?? d.info.title,
      publishedAt: row.published_at ?? d.info.publishedAt, validators: v,
    });
  } else if (d.info.attachments.length > 0) {
    ctx.frontier.done(row.url_key, site.cycle, { ...v, sha256: sha256(res.body), verdict: 'wrapper' });
  } else notKept(ctx, row, site, v, res.body, 'not_report.no_report_text');
}

export async function handleBody(ctx: RunContext, row: FrontierRow, site: SiteRun, res: HttpResponse): Promise<BodyResult> {
  if (row.role === 'script') {
    handleListHtml(ctx, row, site, res.body.toString('utf8').slice(0, 2_000_000), validators(res.headers));
    return HANDLED;
  }
  const ext = sniffExt(res.body, row.url, res.headers['content-type']);
  const markup = ext === 'html' || ext === 'xml' || ext === 'json';
  if (!markup) {
    if (row.kind === 'list') return fail(ctx, row, site, `list.not_html`), HANDLED;
    storeDocument(ctx, row, site, res.body, {
      ext, contentType: res.headers['content-type'], title: row.title ?? undefined, publishedAt: row.published_at ?? undefined,
      validators: validators(res.headers), filename: res.headers['content-disposition'],
    });
    return HANDLED;
  }
  const html = decodePage(site, res);
  if (ext === 'html') {
    const verdict = classifyPage(html, res.status);
    if (verdict.kind === 'challenge') return { kind: 'challenge', evidence: verdict.evidence };
    if (verdict.kind === 'blocked') return block(ctx, row, site, 'blocked.page', verdict.evidence), HANDLED;
  }
  if (row.kind === 'attachment' && ext !== 'html') return fail(ctx, row, site, 'attachment.not_a_file'), HANDLED;
  // A detail page, or an "attachment" that is an HTML page (a report served under a .doc URL, a download
  // page that wraps the file): read it as a detail page.
  if (row.kind === 'detail' || row.kind === 'attachment') return await handleDetailHtml(ctx, row, site, html, res), HANDLED;
  return handleListHtml(ctx, row, site, html, validators(res.headers));
}
