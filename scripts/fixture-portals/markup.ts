/**
 * HTML of the simulated portals: the page frame (head, nav, footer with 网站标识码), article pages in each
 * family's markup, list anchors in the ways real lists write them (plain, onclick window.open, location.href,
 * data-href, titles cut with ... and the full text in title=).
 */
import type { Family } from './types.ts';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface Frame {
  /** Site name (header, footer). */
  site: string;
  charset: 'utf-8' | 'gb2312';
  /** Declare the charset in a meta tag (default true; charset-mismatch leaves it out). */
  meta?: boolean;
  /** Navigation bar HTML. */
  nav: string;
  /** 网站标识码 (10 digits; the first six are the division code). */
  siteCode: string;
  family: Family;
}

export function page(f: Frame, title: string, body: string, head = ''): string {
  const meta = f.meta === false ? '' : f.charset === 'utf-8' ? '<meta charset="utf-8">' : '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head>${meta}<meta http-equiv="X-UA-Compatible" content="IE=edge"><title>${esc(title)}</title>${head}
<link rel="stylesheet" href="/css/common.css"><script src="/js/jquery.min.js"></script></head>
<body><div class="top"><div class="logo">${esc(f.site)}</div><div class="nav">${f.nav}</div></div>
<div class="main">
${body}
</div>
<div class="footer"><p>主办单位：${esc(f.site)}办公室 &nbsp; 网站标识码：${f.siteCode}</p><p>ICP备案号：${f.siteCode.slice(0, 2)}ICP备${f.siteCode.slice(2, 9)}号 &nbsp; 公安机关备案号：${f.siteCode}01</p></div>
</body></html>`;
}

/** The container each family puts article text in. */
const CONTENT: Record<Family, [string, string]> = {
  trs: ['<div class="view TRS_UEDITOR trs_paper_default trs_web"><div class="TRS_Editor">', '</div></div>'],
  hanweb: ['<div id="zoom" class="bt-article-content">', '</div>'],
  gkmlpt: ['<div class="article-content">', '</div>'],
  lonsun: ['<div id="zoom" class="j-fontContent newscontnet minh300">', '</div>'],
  slug: ['<div class="con_text" id="conText">', '</div>'],
  generic: ['<div class="content" id="content">', '</div>'],
};

export interface ArticleInput {
  title: string;
  date: string;
  source: string;
  content: string;
  /** Attachment block HTML (links, viewers). */
  attachments?: string;
  /** Pager of a split article. */
  pager?: string;
}

export function article(f: Frame, a: ArticleInput): string {
  const [open, close] = CONTENT[f.family];
  const head = `<meta name="ArticleTitle" content="${esc(a.title)}"><meta name="PubDate" content="${a.date} 09:30"><meta name="ContentSource" content="${esc(a.source)}">`;
  const body = `<div class="position">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 政府信息公开</div>
<div class="article"><h1 class="title">${esc(a.title)}</h1>
<div class="info"><span>发布日期：${a.date}</span> <span>来源：${esc(a.source)}</span> <span>浏览次数：<em id="views"></em></span> <span>字号：[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>]</span></div>
${open}
${a.content}
${close}${a.pager ? `\n<div class="page">${a.pager}</div>` : ''}${a.attachments ? `\n<div class="fujian">${a.attachments}</div>` : ''}
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div></div>`;
  return page(f, a.title, body, head);
}

export type LinkStyle = 'plain' | 'onclick' | 'location' | 'data-href' | 'truncated';

export interface Entry {
  /** href as the page writes it (absolute, root-relative or ./relative). */
  href: string;
  title: string;
  date: string;
}

/** A title cut the way lists cut them (15 characters and ...). */
export function cut(title: string): string {
  return [...title].length > 16 ? `${[...title].slice(0, 15).join('')}...` : title;
}

/** One list anchor in a link style. */
export function anchor(e: Entry, style: LinkStyle): string {
  const t = esc(e.title);
  switch (style) {
    case 'plain': return `<a href="${esc(e.href)}" target="_blank" title="${t}">${t}</a>`;
    case 'truncated': return `<a href="${esc(e.href)}" target="_blank" title="${t}">${esc(cut(e.title))}</a>`;
    case 'onclick': return `<a href="javascript:void(0)" onclick="window.open('${esc(e.href)}')" title="${t}">${esc(cut(e.title))}</a>`;
    case 'location': return `<a href="javascript:;" onclick="location.href='${esc(e.href)}';return false;">${t}</a>`;
    case 'data-href': return `<a class="list-link" data-href="${esc(e.href)}" href="javascript:void(0);">${t}</a>`;
  }
}

/** `<ul>` of entries with dates. */
export function ulList(entries: Entry[], style: (e: Entry, i: number) => LinkStyle, cls = 'list'): string {
  const lis = entries.map((e, i) => `<li>${anchor(e, style(e, i))}<span class="date">${e.date}</span></li>`);
  return `<ul class="${cls}">\n${lis.join('\n')}\n</ul>${entries.some((e, i) => style(e, i) === 'data-href') ? DATA_HREF_SCRIPT : ''}`;
}

/** `<table>` of entries (older ASP/JSP sites). */
export function tableList(entries: Entry[], style: (e: Entry, i: number) => LinkStyle): string {
  const rows = entries.map((e, i) => `<tr><td class="xh">${i + 1}</td><td class="bt">${anchor(e, style(e, i))}</td><td class="rq">${e.date}</td></tr>`);
  return `<table class="list-table" width="100%"><tr><th>序号</th><th>标题</th><th>发布日期</th></tr>\n${rows.join('\n')}\n</table>${entries.some((e, i) => style(e, i) === 'data-href') ? DATA_HREF_SCRIPT : ''}`;
}

export const DATA_HREF_SCRIPT = `<script>$(function(){ $('.list-link').on('click', function(){ window.open($(this).attr('data-href')); }); });</script>`;

/** Plain links for navigation boxes. */
export function navList(links: { href: string; text: string }[], cls = 'nav-list'): string {
  return `<ul class="${cls}">${links.map((l) => `<li><a href="${esc(l.href)}">${esc(l.text)}</a></li>`).join('')}</ul>`;
}
