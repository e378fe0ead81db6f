/**
 * One anchor of a list page, classified (pure): a report (detail page or attachment), a 年报 column or
 * sub-column, a hub or organ page on the way to the columns, or nothing — with the reason, for the summary and
 * `crawl --explain`.
 */
import type { Anchor } from './anchors.ts';
import type { Collector } from './collector.ts';
import { attachmentExt, looksLikeDownload } from './detail.ts';
import { isArticleUrl, isHubText, nonReportReason, trapReason } from './link-words.ts';
import type { Page } from './page.ts';
import { findDate, hasColumnSlug, isBodyText, isColumnText, isReportTitle, isYearText, normaliseText } from './report-title.ts';

function firstSegment(url: string): string {
  return new URL(url).pathname.split('/').filter(Boolean)[0] ?? '';
}

/** Names ending like an organ (中心, 平台 …) that are site sections. */
const NOT_ORGAN = /(新闻|服务|办事|互动|数据|下载|帮助|网站|门户|平台|专题|地图|导航|首页|留言|信箱|访谈|视频|图片)/;

const MOBILE_SUFFIX = /\s*[（(]?(手机版|移动版|wap版|WAP版)[)）]?$/;

/** A link in a 年报 column that is only a file: a bare file name, 附件, 下载, 全文 … */
function isFileText(text: string): boolean {
  const t = normaliseText(text);
  return t === '' || /^[\w.\-()（）]+\.(pdf|docx?|wps|rtf)$/i.test(t) || /^(点击)?(下载|查看|阅读)?(附件|全文|原文|文件|下载|PDF|pdf)\d*[:：]?/.test(t);
}

/** Two names of one organ: 「峻德路街道办事处」 and 「峻德路街道」, 「兴安区司法局」 and 「司法局」. */
function sameOrgan(a: string, b: string): boolean {
  const core = (s: string): string => normaliseText(s).replace(/(人民政府|办事处|年报|年度报告)$/, '');
  const x = core(a);
  const y = core(b);
  return x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x));
}

/** Classifies one list entry (an anchor or an API record) and adds what is worth following. */
export function classifyAnchor(c: Collector, page: Page, a: Anchor, date?: string): void {
  const { role, depth } = page.ctx;
  const now = page.ctx.now;
  const trap = trapReason(a.url);
  if (trap) return c.drop(a.url, a.text, trap);
  const text = a.text.replace(MOBILE_SUFFIX, '');
  const inColumn = role === 'column' || role === 'page' || role === 'proxy' || role === 'script';
  const publishedAt = date ?? findDate(a.context, now);
  const nonReport = nonReportReason(text);
  if (nonReport) {
    if (/(年报|报告|年度)/.test(text)) return void c.reject(a.url, `non_report.${nonReport}`, text);
    return c.drop(a.url, text, `non_report.${nonReport}`);
  }
  const file = attachmentExt(a.url, text) !== undefined || looksLikeDownload(a.url);
  if (isReportTitle(text, { inColumn, now })) {
    const kind = file ? 'attachment' : 'detail';
    const title = kind === 'attachment' ? text.replace(/\.(pdf|docx?|wps|rtf)$/i, '') : text;
    c.add({ url: a.url, kind, title, publishedAt, depth: depth + 1, reason: 'report_title' });
    return;
  }
  // An article or a file in a column (a sub-column's link leads to a list page instead) is a report when listed
  // under a year or a bare report name (「2023年度」, 「政府信息公开工作年度报告」 with a date: the year read from the
  // document), or by a body's name only (「县财政局」 under a year heading), also on that organ's own page.
  if (!a.chrome && (file || isArticleUrl(a.url))) {
    const item = inColumn && (isYearText(text, now) || isColumnText(text));
    const ownReport = role === 'hub' && page.ctx.context !== undefined && sameOrgan(text, page.ctx.context);
    const named = (inColumn || ownReport) && isBodyText(text) && !NOT_ORGAN.test(text.replace(/办事处$/, ''));
    if (item || named) {
      c.add({ url: a.url, kind: file ? 'attachment' : 'detail', title: text, publishedAt, depth: depth + 1, reason: 'report_item', ...(item ? {} : bodyContext(text)) });
      return;
    }
  }
  const fromHub = role === 'home' || role === 'hub';
  const columnDepth = fromHub ? 1 : depth + 1;
  if (isColumnText(text) || (hasColumnSlug(a.url) && /(公开|年报|报告)/.test(text))) {
    c.add({ url: a.url, kind: 'list', role: 'column', title: text, depth: columnDepth, reason: 'column_text', ...bodyContext(text) });
    return;
  }
  if (inColumn) {
    if (file && isFileText(text) && !a.chrome) {
      c.add({ url: a.url, kind: 'attachment', title: undefined, publishedAt, depth: depth + 1, reason: 'file_in_column' });
      return;
    }
    const sameSection = firstSegment(a.url) === firstSegment(page.url) || hasColumnSlug(a.url);
    if (sameSection && !file && !a.chrome && (isYearText(text, now) || isBodyText(text))) {
      c.add({ url: a.url, kind: 'list', role: 'column', title: text, depth: depth + 1, reason: 'sub_column', ...bodyContext(text) });
      return;
    }
    return c.drop(a.url, text, 'unrelated');
  }
  if (fromHub && !file && !isArticleUrl(a.url)) {
    if (isHubText(text)) {
      c.add({ url: a.url, kind: 'list', role: 'hub', title: text, depth: depth + 1, reason: 'hub_words', ...bodyContext(text) });
      return;
    }
    if (role === 'hub' && isBodyText(text) && !NOT_ORGAN.test(text) && !a.chrome) {
      c.add({ url: a.url, kind: 'list', role: 'hub', title: text, depth: depth + 1, reason: 'organ', context: organName(text) });
      return;
    }
  }
  c.drop(a.url, text, 'unrelated');
}

/** An organ named by a sub-column or organ link (`高良涧街道`, `区教育局年报` → 区教育局). */
export function organName(text: string): string | undefined {
  const t = normaliseText(text).replace(/(政府信息公开|信息公开|政务公开)?(工作)?(年度报告|年报|专栏|目录)?$/, '');
  return isBodyText(t) && !/^(乡镇|部门|街道|县直|区直|市直|乡镇街道|镇街)/.test(t) ? t : undefined;
}

function bodyContext(text: string): { context?: string } {
  const o = organName(text);
  return o ? { context: o } : {};
}
