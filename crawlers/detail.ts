/**
 * Detail pages (pure): title, publication date, attached report files (plain links to files, download
 * endpoints that do not look like files, pdf.js viewers, iframes and embeds), continuation pages of a report
 * split over several pages, and whether the page itself carries the report text (stored as a document) or
 * only wraps attachments (not stored).
 */
import type * as cheerio from 'cheerio';
import { canonicalUrl, pathOf } from './canonical.ts';
import { viewerTarget } from './anchors.ts';
import type { Page } from './page.ts';
import { scriptPaging, scriptPages } from './families/trs.ts';
import { findDate, isReportTitle, normaliseText } from './report-title.ts';

export const ATTACHMENT_EXT = /\.(pdf|docx?|wps|rtf)$/i;

/** The attachment extension of a URL (path, or a query value such as `filename=x.pdf`), lowercase, no dot. */
export function attachmentExt(url: string, text = ''): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  let path = u.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the raw path
  }
  let m = ATTACHMENT_EXT.exec(path);
  if (m) return m[1].toLowerCase();
  for (const v of u.searchParams.values()) {
    m = ATTACHMENT_EXT.exec(v.trim());
    if (m) return m[1].toLowerCase();
  }
  m = ATTACHMENT_EXT.exec(normaliseText(text).replace(/[)）]$/, ''));
  return m ? m[1].toLowerCase() : undefined;
}

/** Download endpoints that carry no file extension: `download.jsp?id=`, `/attach/…`, `getFile.do?fileId=` … */
const DOWNLOAD_PATH = /(down(load)?(file)?|getfile|fileDown|readfile|attach(ment)?s?|\/upload(s|file)?\/|\/files?\/\d|showfile|openfile|\bfj\b|fujian)/i;
const DOWNLOAD_PARAM = /^(file_?id|fileid|attach_?id|attid|fid|filename|file|fj_?id|docid)$/i;

export function looksLikeDownload(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (/\.(s?html?|jsp|aspx?|php|do|action)$/i.test(u.pathname) && !DOWNLOAD_PATH.test(u.pathname)) {
    return [...u.searchParams.keys()].some((k) => DOWNLOAD_PARAM.test(k)) && /down|file|attach/i.test(u.pathname);
  }
  return DOWNLOAD_PATH.test(u.pathname) && !/\/(index|list)[^/]*$/i.test(u.pathname);
}

/** Link texts that offer the file itself: 附件, 下载, 点击下载, 全文, a file name, a report title with an extension. */
export function isDownloadText(text: string): boolean {
  const t = normaliseText(text);
  if (ATTACHMENT_EXT.test(t.replace(/[)）]$/, ''))) return true;
  return /^(附件\d*|相关附件|点击下载|点此下载|下载附件|附件下载|下载|下载全文|全文下载|查看全文|查看原文|原文下载|阅读全文|PDF版|pdf版|PDF下载|文件下载)[:：]?/.test(t) && t.length <= 40;
}

export interface DetailLink {
  url: string;
  text: string;
  source?: string;
  chrome?: boolean;
}

export interface DetailInfo {
  title?: string;
  publishedAt?: string;
  attachments: DetailLink[];
  /** Other pages of the same article (`…_2.shtml`, 第2页), in order. */
  continuations: string[];
  /** The page text reads as a report (section markers), so the page itself is a report document. */
  hasReportText: boolean;
  /** Count of report section markers in the page text. */
  markers: number;
}

const MARKERS = [/总体情况/, /主动公开/, /依申请公开|收到和处理政府信息公开申请|政府信息公开申请/, /行政复议/, /行政诉讼/, /存在的主要问题|存在问题|改进/, /信息处理费|收费/];

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
  $('iframe[src], embed[src], object[data], iframe[data-src]').each((_, el) => {
    const src = $(el).attr('src') ?? $(el).attr('data') ?? $(el).attr('data-src') ?? '';
    const u = canonicalUrl(src, pageUrl);
    if (!u) return;
    const target = viewerTarget(u) ?? u;
    if (attachmentExt(target) || looksLikeDownload(target)) out.push({ url: target, text: '' });
  });
  return out;
}

/** `t20240115_123_2.html` continues `t20240115_123.html`; `a.shtml` → `a_2.shtml` … */
function continuationOf(pageUrl: string, candidate: string): number | undefined {
  const here = new URL(pageUrl);
  const other = new URL(candidate);
  if (here.host !== other.host) return undefined;
  const stem = /^(.*?)(?:_(\d{1,2}))?\.([a-z]+)$/i.exec(here.pathname);
  const m = /^(.*?)_(\d{1,2})\.([a-z]+)$/i.exec(other.pathname);
  if (stem && m && m[1] === stem[1] && m[3] === stem[3]) return Number(m[2]);
  // Same path with a page parameter (`?page=2`, `&p=2`).
  if (here.pathname === other.pathname) {
    for (const [k, v] of other.searchParams) {
      if (/^(page|p|pageno|pageindex|pagenum|curpage|cp)$/i.test(k) && /^\d{1,2}$/.test(v) && here.searchParams.get(k) !== v) return Number(v);
    }
  }
  return undefined;
}

const IMAGE_PATH = /\.(jpe?g|png|gif|bmp|webp|tiff?)$/i;

export function analyseDetail(page: Page): DetailInfo {
  const $ = page.$;
  const pageUrl = page.url;
  const title =
    metaContent($, ['ArticleTitle', 'title', 'og:title', 'Title']) ??
    ($('h1').first().text().trim() || undefined) ??
    ($('title').first().text().trim() || undefined);
  const bodyText = page.text;
  const publishedAt =
    findDate(metaContent($, ['PubDate', 'pubdate', 'firstpublishedtime', 'publishdate', 'article:published_time', 'weibo:article:create_at']) ?? '') ??
    findDate(/(发布时间|发布日期|发文日期|成文日期|日期|时间)\s*[:：]?\s*([^\s]{8,20})/.exec(bodyText)?.[2] ?? '');
  const seen = new Set<string>([pageUrl]);
  const attachments: DetailLink[] = [];
  const pages = new Map<number, string>();
  for (const a of [...page.anchors, ...embedded($, pageUrl)]) {
    if (seen.has(a.url)) continue;
    // An image beside a report (its 图解, a photo) is no report unless its own link names one (a scan).
    const image = IMAGE_PATH.test(pathOf(a.url));
    if (image && !isReportTitle(a.text)) continue;
    const chrome = a.chrome === true;
    const isFile = image || attachmentExt(a.url, a.text) !== undefined || a.source === 'viewer';
    const isDownload = !chrome && looksLikeDownload(a.url) && (isDownloadText(a.text) || a.text === '' || /(年报|报告)/.test(a.text));
    const isOffer = !chrome && isDownloadText(a.text) && !/\.(s?html?)$/i.test(new URL(a.url).pathname) && !/\/(index|list)/i.test(a.url);
    if (isFile || isDownload || isOffer) {
      seen.add(a.url);
      attachments.push({ url: a.url, text: a.text });
      continue;
    }
    const n = continuationOf(pageUrl, a.url);
    if (n !== undefined && n >= 1 && n <= 50 && (/^(第?\s*\d+\s*页?|下一页|\d+)$/.test(normaliseText(a.text)) || a.text === '')) {
      if (!pages.has(n)) pages.set(n, a.url);
    }
  }
  // A TRS article pager (`createPageHTML(3, 0, "t20240326_5", "html")`): the other pages of this article.
  const paging = scriptPaging(page.scripts);
  const stem = /([^/]+)\.[a-z]+$/i.exec(new URL(pageUrl).pathname)?.[1];
  if (paging && stem && paging.prefix === stem.replace(/_\d{1,2}$/, '')) {
    scriptPages(pageUrl, paging, 50).forEach((u, i) => {
      if (u !== pageUrl && !pages.has(i + 1)) pages.set(i + 1, u);
    });
  }
  const continuations = [...pages.entries()].sort(([x], [y]) => x - y).map(([, u]) => u);
  const markers = reportMarkerCount(bodyText);
  return { title: title?.replace(/\s+/g, ' '), publishedAt, attachments, continuations, hasReportText: markers >= 3, markers };
}
