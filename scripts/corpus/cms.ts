/** The CMS page around a report: nav, breadcrumb, meta line, related links, footer; and the byte encoding. */
import iconv from 'iconv-lite';
import type { Rng } from './prng.ts';
import { esc } from './render-html.ts';
import type { HtmlStyle } from './types.ts';

export interface PageInfo {
  site: string;
  title: string;
  /** yyyy-mm-dd */
  published: string;
  /** Other years' reports listed in a side box (decoys for year detection). */
  related: string[];
}

function metaCharset(style: HtmlStyle, rng: Rng): string {
  if (style.charset === 'utf-8') return rng.chance(0.5) ? '<meta charset="utf-8">' : '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">';
  return rng.pick(['<meta charset=gbk>', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '<meta charset="GBK">']);
}

function contentWrap(style: HtmlStyle, content: string): string {
  switch (style.cms) {
    case 'trs': return `<div class="TRS_Editor"><div class="Custom_UnionStyle">\n${content}\n</div></div>`;
    case 'zoom': return `<div id="zoom" class="article-con">\n${content}\n</div>`;
    case 'ucap': return `<div class="article"><ucapcontent>\n${content}\n</ucapcontent></div>`;
    case 'none': return content;
  }
}

export function pageHtml(style: HtmlStyle, info: PageInfo, content: string, rng: Rng): string {
  const head = `<!DOCTYPE html>\n<html>\n<head>\n${metaCharset(style, rng)}\n<title>${esc(info.title)}_${esc(info.site)}</title>\n`
    + `<meta name="ArticleTitle" content="${esc(info.title)}">\n<meta name="PubDate" content="${info.published} ${rng.int(8, 17)}:${rng.int(10, 59)}">\n`
    + `<style>${style.cms === 'none' ? 'td{border:1px solid #000}' : '.TRS_Editor p{line-height:2;} #zoom td{border:1px solid #000}'}</style>\n</head>\n`;
  if (style.cms === 'none') return `${head}<body>\n${content}\n</body>\n</html>\n`;
  const nav = ['首页', '政务公开', '政府信息公开', '政务服务', '互动交流', '走进' + info.site.slice(0, 2)]
    .map((t, i) => `<li><a href="/col/col${1000 + i}/index.html">${t}</a></li>`).join('');
  const related = info.related.map((t, i) => `<li><a href="/art/${2019 + i}/${rng.int(1, 12)}/${rng.int(1, 28)}/art_${rng.int(1000, 9999)}_${rng.int(100000, 999999)}.html">${esc(t)}</a></li>`).join('\n');
  const views = rng.int(30, 5000);
  return `${head}<body>\n<div class="header"><div class="logo">${esc(info.site)}</div>\n<ul class="nav">${nav}</ul>\n`
    + `<form class="search" action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>\n`
    + `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>\n`
    + `<div class="main"><div class="article-box">\n<h1 class="article-title">${esc(info.title)}</h1>\n`
    + `<div class="article-info">发布时间：${info.published}　来源：${esc(info.site)}　浏览次数：${views}　字号：[ <a>大</a> <a>中</a> <a>小</a> ]</div>\n`
    + `${contentWrap(style, content)}\n`
    + `<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>\n</div>\n`
    + (related ? `<div class="related"><h3>相关链接</h3><ul>\n${related}\n</ul></div>\n` : '')
    + `</div>\n<div class="footer"><p>主办单位：${esc(info.site)}　网站标识码：${rng.int(1000000000, 9999999999)}</p>\n`
    + `<p>ICP备案号：豫ICP备${rng.int(10000000, 99999999)}号-${rng.int(1, 9)}　联系电话：0${rng.int(310, 398)}-${rng.int(2000000, 8999999)}</p></div>\n</body>\n</html>\n`;
}

/** Encodes a page; GBK falls back to GB18030 for characters outside GBK. */
export function encodePage(html: string, charset: HtmlStyle['charset']): Uint8Array {
  if (charset === 'utf-8') return new Uint8Array(Buffer.from(html, 'utf8'));
  const gbk = iconv.encode(html, 'gbk');
  return new Uint8Array(iconv.decode(gbk, 'gbk') === html ? gbk : iconv.encode(html, 'gb18030'));
}
