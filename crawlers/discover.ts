/**
 * Discovery (pure): (site, page) → links to follow. List pages (portal home, 年报 columns, pagination pages,
 * data proxy responses) give columns, sub-columns, pages, report detail pages and attachments; detail pages give
 * attachments. Off-site links (mirrors), over-long URLs and too-deep lists are returned as rejected.
 */
import * as cheerio from 'cheerio';
import { anchorsOf, type Anchor } from './anchors.ts';
import { desktopTwin, hostAllowed, isWapTwin } from './canonical.ts';
import { datastoreRecords, hanwebProxyUrls, jsonApiUrls, jsonPageUrls, jsonRecords } from './data-proxy.ts';
import { analyseDetail, attachmentExt, type DetailInfo } from './detail.ts';
import { paginationUrls } from './pagination.ts';
import { findDate, hasColumnSlug, isBodyText, isColumnText, isReportTitle, isYearText } from './report-title.ts';
import type { FoundLink, ListRole, SiteConfig } from './types.ts';

export interface PageContext {
  url: string;
  role: ListRole;
  depth: number;
  site: SiteConfig;
  maxUrlLength?: number;
  now?: Date;
}

export interface Rejected {
  url: string;
  reason: 'offsite' | 'url_too_long' | 'depth';
}

export interface Discovery {
  links: FoundLink[];
  rejected: Rejected[];
  /** Report detail pages and attachments found on the page. */
  reports: number;
  /** The page has scripts but nothing to follow: its list is probably rendered by JS. */
  looksScripted: boolean;
}

class Collector {
  readonly links = new Map<string, FoundLink>();
  readonly rejected: Rejected[] = [];
  reports = 0;
  constructor(private readonly ctx: PageContext) {}

  add(link: FoundLink): void {
    const url = isWapTwin(link.url) ? desktopTwin(link.url) : link.url;
    if (url === this.ctx.url || this.links.has(url)) return;
    if (!hostAllowed(url, this.ctx.site.allowedHosts)) return void this.rejected.push({ url, reason: 'offsite' });
    if (url.length > (this.ctx.maxUrlLength ?? 1024)) return void this.rejected.push({ url, reason: 'url_too_long' });
    if (link.kind === 'list' && link.depth > this.ctx.site.maxDepth) return void this.rejected.push({ url, reason: 'depth' });
    if (link.kind !== 'list') this.reports++;
    this.links.set(url, { ...link, url });
  }

  result(looksScripted: boolean): Discovery {
    return { links: [...this.links.values()], rejected: this.rejected, reports: this.reports, looksScripted };
  }
}

function firstSegment(url: string): string {
  return new URL(url).pathname.split('/').filter(Boolean)[0] ?? '';
}

/** Classifies one list entry (an anchor or a proxy record). */
function classify(c: Collector, ctx: PageContext, a: Anchor, date?: string): void {
  const inColumn = ctx.role !== 'home';
  const now = ctx.now;
  const publishedAt = date ?? findDate(a.context, now);
  a = { ...a, text: a.text.replace(/\s*[（(]?(手机版|移动版|wap版|WAP版)[)）]?$/, '') };
  if (isReportTitle(a.text, { inColumn, now })) {
    const kind = attachmentExt(a.url, a.text) ? 'attachment' : 'detail';
    const title = kind === 'attachment' ? a.text.replace(/\.(pdf|docx?|wps|rtf)$/i, '') : a.text;
    c.add({ url: a.url, kind, title, publishedAt, depth: ctx.depth + 1 });
    return;
  }
  const column = { url: a.url, kind: 'list', role: 'column', title: a.text, depth: ctx.depth + 1 } as const;
  if (isColumnText(a.text) || (hasColumnSlug(a.url) && /(公开|年报|报告)/.test(a.text))) return c.add(column);
  const sameSection = firstSegment(a.url) === firstSegment(ctx.url) || hasColumnSlug(a.url);
  if (inColumn && sameSection && !attachmentExt(a.url) && (isYearText(a.text, now) || isBodyText(a.text))) c.add(column);
}

/** CMS-specific list strategies a site's adapter enables (auto: all; generic: plain links and numbered pages). */
export function strategies(adapter: SiteConfig['adapter']): { trsPager: boolean; hanweb: boolean; jsonApi: boolean } {
  return {
    trsPager: adapter === 'auto' || adapter === 'trs',
    hanweb: adapter === 'auto' || adapter === 'hanweb',
    jsonApi: adapter === 'auto' || adapter === 'hanweb' || adapter === 'ucap',
  };
}

/** Portal home pages, 年报 columns and their pagination pages. */
export function discoverList(html: string, ctx: PageContext): Discovery {
  const $ = cheerio.load(html);
  const c = new Collector(ctx);
  const use = strategies(ctx.site.adapter);
  const anchors = anchorsOf($, ctx.url);
  for (const a of anchors) classify(c, ctx, a);
  // Hanweb: the first records sit in an inline XML datastore that cheerio does not parse as HTML.
  if (use.hanweb) for (const rec of datastoreRecords(html)) for (const a of anchorsOf(rec, ctx.url)) classify(c, ctx, a);
  const found = c.links.size;
  if (ctx.role !== 'home') {
    // A pagination page that lists no report ends the chain (endless `?page=N`, calendars).
    if (ctx.role === 'column' || c.reports > 0) {
      for (const url of paginationUrls(ctx.url, html, anchors, 200, use.trsPager)) c.add({ url, kind: 'list', role: 'page', depth: ctx.depth });
    }
    if (use.hanweb) for (const url of hanwebProxyUrls(html, ctx.url)) c.add({ url, kind: 'list', role: 'proxy', depth: ctx.depth });
    if (use.jsonApi) for (const url of jsonApiUrls(html, ctx.url)) c.add({ url, kind: 'list', role: 'proxy', depth: ctx.depth });
  }
  const scripted = found === 0 && c.links.size === 0 && /<script\b/i.test(html);
  return c.result(scripted);
}

/** A data proxy response: a Hanweb XML datastore or a JSON list. */
export function discoverProxy(body: string, ctx: PageContext): Discovery {
  const c = new Collector(ctx);
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return c.result(false);
    }
    for (const r of jsonRecords(value, ctx.url)) {
      classify(c, ctx, { url: r.url, text: r.title, context: '' }, r.publishedAt ? findDate(r.publishedAt) : undefined);
    }
    if (c.reports > 0) for (const url of jsonPageUrls(value, ctx.url)) c.add({ url, kind: 'list', role: 'proxy', depth: ctx.depth });
    return c.result(false);
  }
  for (const rec of datastoreRecords(trimmed)) for (const a of anchorsOf(rec, ctx.url)) classify(c, ctx, a);
  return c.result(false);
}

/** An attachment link on a report detail page: a report title, or generic text (附件1, 下载, a file name). */
function reportAttachmentText(text: string): boolean {
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
export function discoverDetail(html: string, ctx: PageContext): DetailDiscovery {
  const info = analyseDetail(html, ctx.url);
  const c = new Collector(ctx);
  for (const a of info.attachments) {
    if (!reportAttachmentText(a.text)) continue;
    c.add({ url: a.url, kind: 'attachment', title: attachmentTitle(a.text, info.title), publishedAt: info.publishedAt, depth: ctx.depth });
  }
  return { ...c.result(false), info };
}
