/**
 * A 200 response for a frontier row: attachments are stored; HTML lists and detail pages are decoded
 * (charset: forced per site, else header → meta → detection), checked for challenge and block pages, and
 * mined for links. A detail page is stored as a document when it carries the report text itself or has no
 * attachment.
 */
import { decodeHtml, decodeText } from '../extractors/decode.ts';
import { sha256 } from '../src/store/blobs.ts';
import { classifyPage, looksNotFound } from './block.ts';
import type { RunContext, SiteRun } from './context.ts';
import { discoverDetail, discoverList, discoverProxy, type PageContext } from './discover.ts';
import type { FrontierRow } from './frontier.ts';
import type { HttpResponse } from './http.ts';
import { addLinks, block, fail, storeDocument, validators, type Validators } from './outcomes.ts';
import { sniffExt } from './sniff.ts';
import type { ListRole } from './types.ts';

export type BodyResult = { kind: 'handled' } | { kind: 'challenge'; evidence: string } | { kind: 'needs_browser' };

const HANDLED: BodyResult = { kind: 'handled' };

function decodePage(site: SiteRun, res: HttpResponse): string {
  return site.config.charset ? decodeText(res.body, site.config.charset).text : decodeHtml(res.body, res.headers['content-type']).text;
}

function pageContext(ctx: RunContext, row: FrontierRow, site: SiteRun): PageContext {
  return { url: row.url, role: (row.role ?? 'column') as ListRole, depth: row.depth, site: site.config, maxUrlLength: ctx.maxUrlLength };
}

/** Discovery on list HTML (static or rendered) and the row marked done. */
export function handleListHtml(ctx: RunContext, row: FrontierRow, site: SiteRun, html: string, v: Validators, render?: string): BodyResult {
  const pc = pageContext(ctx, row, site);
  const d = row.role === 'proxy' ? discoverProxy(html, pc) : discoverList(html, pc);
  const canRender = ctx.browser !== undefined && site.config.render !== 'static' && row.render !== 'browser' && render === undefined;
  if (d.looksScripted && row.role !== 'home' && canRender) return { kind: 'needs_browser' };
  addLinks(ctx, row, site, d.links, d.rejected);
  ctx.frontier.done(row.url_key, site.cycle, { ...v, sha256: sha256(html), render });
  return HANDLED;
}

/**
 * A detail page without report text or attachments may be a sub-list (a year's page listing every
 * township's report) or a "page not found" served with 200; otherwise it is the report itself.
 */
function handleBareDetail(ctx: RunContext, row: FrontierRow, site: SiteRun, html: string, v: Validators): boolean {
  if (looksNotFound(html)) return fail(ctx, row, site, 'http.soft_404'), true;
  const asList = discoverList(html, { ...pageContext(ctx, row, site), role: 'column' });
  if (asList.reports < 2) return false;
  addLinks(ctx, row, site, asList.links, asList.rejected);
  ctx.frontier.done(row.url_key, site.cycle, { ...v, sha256: sha256(html) });
  return true;
}

function handleDetailHtml(ctx: RunContext, row: FrontierRow, site: SiteRun, html: string, res: HttpResponse): void {
  const d = discoverDetail(html, pageContext(ctx, row, site));
  const v = validators(res.headers);
  if (!d.info.hasReportText && d.info.attachments.length === 0 && handleBareDetail(ctx, row, site, html, v)) return;
  addLinks(ctx, row, site, d.links, d.rejected);
  if (d.info.hasReportText || d.info.attachments.length === 0) {
    storeDocument(ctx, row, site, res.body, {
      ext: 'html', contentType: res.headers['content-type'], title: row.title ?? d.info.title,
      publishedAt: row.published_at ?? d.info.publishedAt, validators: v,
    });
  } else {
    ctx.frontier.done(row.url_key, site.cycle, { ...v, sha256: sha256(res.body) });
  }
}

export function handleBody(ctx: RunContext, row: FrontierRow, site: SiteRun, res: HttpResponse): BodyResult {
  const ext = sniffExt(res.body, row.url, res.headers['content-type']);
  const markup = ext === 'html' || ext === 'xml' || ext === 'json';
  if (!markup || (row.kind === 'attachment' && ext !== 'html')) {
    if (row.kind === 'list') return fail(ctx, row, site, `list.not_html`), HANDLED;
    storeDocument(ctx, row, site, res.body, {
      ext, contentType: res.headers['content-type'], title: row.title ?? undefined, publishedAt: row.published_at ?? undefined,
      validators: validators(res.headers),
    });
    return HANDLED;
  }
  const html = decodePage(site, res);
  if (ext === 'html') {
    const verdict = classifyPage(html, res.status);
    if (verdict.kind === 'challenge') return { kind: 'challenge', evidence: verdict.evidence };
    if (verdict.kind === 'blocked') return block(ctx, row, site, 'blocked.page', verdict.evidence), HANDLED;
  }
  if (row.kind === 'attachment') return fail(ctx, row, site, 'attachment.not_a_file'), HANDLED;
  if (row.kind === 'detail') return handleDetailHtml(ctx, row, site, html, res), HANDLED;
  return handleListHtml(ctx, row, site, html, validators(res.headers));
}
