/** HTML templates of the fixture site: portal pages, lists, detail pages (TRS-like markup). */
import type { FixtureDoc } from './docs.ts';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface Link {
  href: string;
  text: string;
  title?: string;
  date?: string;
}

export function page(title: string, body: string, options: { charset?: string; head?: string } = {}): string {
  const charset = options.charset ?? 'utf-8';
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${esc(title)}</title>${options.head ?? ''}</head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a> <a href="javascript:void(0)">无障碍</a></div>
${body}
<div class="footer">主办单位：示例县人民政府办公室 <a href="http://www.gov.cn/">中国政府网</a></div></body></html>`;
}

export function linkList(items: Link[]): string {
  const lis = items.map((i) => `<li><a href="${esc(i.href)}"${i.title ? ` title="${esc(i.title)}"` : ''} target="_blank">${esc(i.text)}</a>${i.date ? `<span class="date">${i.date}</span>` : ''}</li>`);
  return `<ul class="list">\n${lis.join('\n')}\n</ul>`;
}

/** A publication date for a report of `year`: early the following year, spread by id. */
export function pubDate(doc: FixtureDoc): string {
  const day = 1 + (parseInt(doc.id.slice(-4), 16) % 27);
  return `${doc.year + 1}-01-${String(day).padStart(2, '0')}`;
}

/** Plain text as paragraphs. */
export function textToHtml(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('\n');
}

export interface DetailOptions {
  title: string;
  date: string;
  content: string;
  attachments?: Link[];
  extra?: string;
  charset?: string;
}

export function detailHtml(o: DetailOptions): string {
  const att = o.attachments?.length
    ? `<div class="attachments">附件：${o.attachments.map((a) => `<a href="${esc(a.href)}">${esc(a.text)}</a>`).join(' ')}</div>`
    : '';
  const head = `<meta name="ArticleTitle" content="${esc(o.title)}"><meta name="PubDate" content="${o.date} 09:30">`;
  const body = `<div class="article"><h1>${esc(o.title)}</h1><div class="info">发布日期：${o.date} 来源：示例县人民政府办公室</div>
<div class="TRS_Editor">${o.content}</div>${att}${o.extra ?? ''}</div>`;
  return page(o.title, body, { charset: o.charset, head });
}
