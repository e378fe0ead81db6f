/**
 * Detail pages (pure): title, publication date, attached report files, and whether the page itself carries
 * the report text (stored as a document) or only wraps attachments (not stored).
 */
import * as cheerio from 'cheerio';
import { anchorsOf } from './anchors.ts';
import { canonicalUrl } from './canonical.ts';
import { findDate, normaliseText } from './report-title.ts';

export const ATTACHMENT_EXT = /\.(pdf|docx?|wps|rtf)$/i;

/** The attachment extension of a URL (path, or a query value such as `filename=x.pdf`), lowercase, no dot. */
export function attachmentExt(url: string, text = ''): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const path = decodeURIComponent(u.pathname);
  let m = ATTACHMENT_EXT.exec(path);
  if (m) return m[1].toLowerCase();
  for (const v of u.searchParams.values()) {
    m = ATTACHMENT_EXT.exec(v.trim());
    if (m) return m[1].toLowerCase();
  }
  m = ATTACHMENT_EXT.exec(normaliseText(text).replace(/[)）]$/, ''));
  return m ? m[1].toLowerCase() : undefined;
}

export interface DetailLink {
  url: string;
  text: string;
}

export interface DetailInfo {
  title?: string;
  publishedAt?: string;
  attachments: DetailLink[];
  /** The page text reads as a report (section markers), so the page itself is a report document. */
  hasReportText: boolean;
}

const MARKERS = [/总体情况/, /主动公开/, /依申请公开|收到和处理政府信息公开申请/, /行政复议/, /行政诉讼/, /存在的主要问题|存在问题|改进/, /信息处理费|收费/];

export function reportMarkerCount(text: string): number {
  return MARKERS.filter((re) => re.test(text)).length;
}

function metaContent($: cheerio.CheerioAPI, names: string[]): string | undefined {
  for (const n of names) {
    const v = $(`meta[name="${n}" i]`).attr('content') ?? $(`meta[property="${n}" i]`).attr('content');
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

/** Files embedded by iframe / embed / object, and pdf.js viewers (`viewer.html?file=/x.pdf`). */
function embedded($: cheerio.CheerioAPI, pageUrl: string): DetailLink[] {
  const out: DetailLink[] = [];
  $('iframe[src], embed[src], object[data]').each((_, el) => {
    const src = $(el).attr('src') ?? $(el).attr('data') ?? '';
    const u = canonicalUrl(src, pageUrl);
    if (!u) return;
    const file = new URL(u).searchParams.get('file');
    const target = file ? canonicalUrl(file, u) : u;
    if (target && attachmentExt(target)) out.push({ url: target, text: '' });
  });
  return out;
}

export function analyseDetail(html: string, pageUrl: string): DetailInfo {
  const $ = cheerio.load(html);
  const title =
    metaContent($, ['ArticleTitle', 'title', 'og:title', 'Title']) ??
    ($('h1').first().text().trim() || undefined) ??
    ($('title').first().text().trim() || undefined);
  const bodyText = $('body').text().replace(/\s+/g, ' ');
  const publishedAt =
    findDate(metaContent($, ['PubDate', 'pubdate', 'firstpublishedtime', 'publishdate', 'article:published_time', 'weibo:article:create_at']) ?? '') ??
    findDate(/(发布时间|发布日期|发文日期|成文日期|日期|时间)\s*[:：]?\s*([^\s]{8,20})/.exec(bodyText)?.[2] ?? '');
  const seen = new Set<string>();
  const attachments: DetailLink[] = [];
  for (const a of [...anchorsOf($, pageUrl), ...embedded($, pageUrl)]) {
    if (!attachmentExt(a.url, a.text) || seen.has(a.url) || a.url === pageUrl) continue;
    seen.add(a.url);
    attachments.push({ url: a.url, text: a.text });
  }
  $('script, style').remove();
  const text = $('body').text();
  return { title: title?.replace(/\s+/g, ' '), publishedAt, attachments, hasReportText: reportMarkerCount(text) >= 3 };
}
