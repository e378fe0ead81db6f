/**
 * Anchors of an HTML page (pure): resolved URL, best text (link text or title attribute), the text of the
 * enclosing list item or table row (for the publication date), and where the link came from. Besides plain
 * `href`s it reads the links that are not plain hrefs: `onclick="window.open('…')"` / `location.href=…`,
 * `data-href` / `data-url`, GET forms made only of hidden fields, and pdf.js viewers (`viewer.html?file=…`,
 * whose target file is the link). JS variables and template hrefs are skipped.
 */
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { canonicalUrl } from './canonical.ts';

export type AnchorSource = 'href' | 'onclick' | 'data' | 'form' | 'viewer' | 'script';

export interface Anchor {
  /** Absolute URL, resolved against the page (and `<base href>`), canonicalised. */
  url: string;
  /** Link text or title attribute, whichever is the longer complete text. */
  text: string;
  /** Text of the enclosing li / tr / dd / p, for dates next to the link. */
  context: string;
  /** How the link was written (plain href by default). */
  source?: AnchorSource;
  /** The link sits in the page's header, navigation or footer (site-wide chrome, not content). */
  chrome?: boolean;
}

/** hrefs that are not URLs: JS, templates, string concatenation left over from scripts. */
export function isJunkHref(href: string): boolean {
  const h = href.trim();
  if (h === '' || h.startsWith('#')) return true;
  if (/^(javascript|mailto|tel|data|about|vbscript):/i.test(h)) return true;
  if (/\{\{|\}\}|\$\{|<%|%>|\{\$|\[\[|'\s*\+|\+\s*'|"\s*\+|\+\s*"/.test(h)) return true;
  // A bare JS identifier or member access (`url`, `item.link`, `data[i].href`)
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[[^\]]*\])+$/.test(h) && !/\.(s?html?|jsp|php|aspx?|pdf|docx?|wps|rtf)$/i.test(h)) return true;
  if (/^[A-Za-z_$][\w$]*$/.test(h) && !/^(index|default|list)$/i.test(h)) return true;
  return false;
}

function clean(s: string | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Chooses between the visible text and the title attribute (lists truncate titles: `…年度报…`). */
function bestText(text: string, title: string): string {
  if (!title) return text;
  if (!text) return title;
  const truncated = /(…|\.\.\.|。。。)$/.test(text);
  if (truncated || (title.length > text.length && title.includes(text.replace(/(…|\.\.\.|。。。)$/, '')))) return title;
  return text;
}

export function pageBase(html: string | cheerio.CheerioAPI, pageUrl: string): string {
  const $ = typeof html === 'string' ? cheerio.load(html) : html;
  const base = $('base[href]').first().attr('href');
  return (base && canonicalUrl(base, pageUrl)) || pageUrl;
}

/** The URL a script snippet navigates to: window.open('…'), location.href = '…', location.assign('…'). */
export function scriptTarget(js: string): string | undefined {
  const m =
    /(?:window\.open|location\.assign|location\.replace|window\.location\.assign)\s*\(\s*(["'])([^"']+)\1/.exec(js) ??
    /(?:window\.|document\.|top\.|parent\.|self\.)?location(?:\.href)?\s*=\s*(["'])([^"']+)\1/.exec(js) ??
    // A page helper called with a URL literal: openUrl('/a/b.html'), goto("…"), showDetail('x.shtml').
    /\b[A-Za-z_$][\w$]*\s*\(\s*(["'])((?:https?:\/\/|\/|\.\.?\/)[^"'\s]+|[^"'\s]+\.(?:s?html?|jsp|aspx?|php|pdf|docx?|wps)(?:\?[^"'\s]*)?)\1/.exec(js);
  return m?.[2];
}

/**
 * Page functions that build a URL from their argument: `function downloadFile(id) { window.open('/down.jsp?id='
 * + id) }` gives downloadFile → ['/down.jsp?id=', ''].
 */
export function functionTemplates(js: string): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const m of js.matchAll(/function\s+([A-Za-z_$][\w$]*)\s*\(\s*([A-Za-z_$][\w$]*)[^)]*\)\s*\{([^{}]{0,800})\}/g)) {
    const [, name, param, body] = m;
    const t = new RegExp(`(["'])([^"']*)\\1\\s*\\+\\s*${param.replace(/\$/g, '\\$')}\\b(?:\\s*\\+\\s*(["'])([^"']*)\\3)?`).exec(body);
    if (t && (/^(https?:|\/|\.)/.test(t[2]) || /[?=]$/.test(t[2]) || /\.(s?html?|jsp|aspx?|php|do)/.test(t[2] + (t[4] ?? '')))) out.set(name, [t[2], t[4] ?? '']);
  }
  return out;
}

/** A call of one of the page's URL-building functions: `downloadFile('123')` → its URL. */
function templatedCall(js: string, templates: Map<string, [string, string]>): string | undefined {
  for (const m of js.matchAll(/([A-Za-z_$][\w$]*)\s*\(\s*(["']?)([^"',)]*)\2\s*[,)]/g)) {
    const t = templates.get(m[1]);
    if (t) return `${t[0]}${m[3]}${t[1]}`;
  }
  return undefined;
}

/** pdf.js viewers and file previews: the file they open is the link. */
export function viewerTarget(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (!/viewer|preview|pdfjs|view\.(html|jsp|aspx?)|showfile|readfile|online/i.test(u.pathname)) return undefined;
  for (const key of ['file', 'url', 'src', 'path', 'fileurl', 'fileUrl', 'filePath']) {
    const v = u.searchParams.get(key);
    if (v && /\.(pdf|docx?|wps|rtf|ofd)(\?|$)|download|attach|upload|file/i.test(v)) return canonicalUrl(v, url);
  }
  return undefined;
}

const CHROME = 'header, footer, nav, .header, .footer, .nav, .navbar, .menu, #header, #footer, #nav, .top, .bottom, .foot, .head';

export interface AnchorOptions {
  /** Also mark anchors inside header / nav / footer (costs a closest() per anchor). Default false. */
  chrome?: boolean;
}

/** Link texts that name no document: the row's other cells do. */
const BUTTON_TEXT = /^(详情|查看|查看详情|点击查看|详细|详细信息|阅读全文|全文|浏览|打开|下载|点击下载)$/;

/**
 * A link text that names nothing: empty (an icon), a date, an 索引号 or other code, a 查看 button. Pager numbers
 * (「2」, 「»」) are not: they stay pager links.
 */
function isNameless(text: string): boolean {
  if (text === '') return true;
  if (BUTTON_TEXT.test(text)) return true;
  if (/\p{Script=Han}/u.test(text) && !/^[[(（【]?\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]?\s*(\d{1,2}\s*日?)?[\])）】]?$/u.test(text)) return false;
  return /^[[(（【]?\d{4}\s*[-./年]\s*\d{1,2}/u.test(text) || (/\d/.test(text) && text.replace(/\s/g, '').length >= 8);
}

/** The longest title attribute among the given elements, `except` left out. */
function longestTitle($: cheerio.CheerioAPI, titled: cheerio.Cheerio<AnyNode>, except?: AnyNode): string {
  let best = '';
  titled.each((_, el) => {
    if (el === except) return;
    const t = clean($(el).attr('title'));
    if (t.length > best.length) best = t;
  });
  return best;
}

/**
 * The title beside a nameless link in a list item (li, dd, or its parent block): the longest title attribute
 * of the other elements there, else the item's text without the link's, when it has Han characters.
 */
function besideTitle($: cheerio.CheerioAPI, a: cheerio.Cheerio<AnyNode>): string | undefined {
  const item = a.closest('li, dd, dt');
  const holder = item.length ? item : a.parent();
  if (!holder.length || holder.is('body, html') || holder.find('a[href]').length > 3) return undefined;
  // A pager's icons (next, last) stay nameless: their pager reads them by position, not by words.
  if (/(page|pager|pagination|fenye|paging)/i.test(`${holder.attr('class') ?? ''} ${holder.attr('id') ?? ''}`) || /(共\s*\d+\s*页|第\s*\d+\s*页|[上下]一页|尾页|首页)/.test(holder.text())) return undefined;
  const own = a.get(0);
  let best = longestTitle($, holder.find('[title]'), own);
  if (best) return best;
  // The element beside the link that holds a name (a title span or paragraph; not the date).
  holder.children().each((_, el) => {
    if (el === own || $(el).find('a[href]').length > 0) return;
    const t = clean($(el).text());
    if (/\p{Script=Han}{2}/u.test(t) && t.length > best.length && t.length <= 200) best = t;
  });
  if (best) return best;
  const rest = clean(holder.text().replace(a.text(), ' '));
  return /\p{Script=Han}{4}/u.test(rest) && rest.length <= 200 ? rest : undefined;
}

/**
 * The title of a table row of several cells, from the cells other than the link's own: the longest title
 * attribute there, else the longest cell text with Han characters (a pager row of one cell has none).
 */
function rowTitle($: cheerio.CheerioAPI, row: cheerio.Cheerio<AnyNode>, own: cheerio.Cheerio<AnyNode>): string | undefined {
  const cells = row.children('td, th').toArray().filter((c) => c !== own.get(0));
  if (cells.length === 0) return undefined;
  let best = longestTitle($, $(cells).find('[title]').addBack('[title]'));
  if (best) return best;
  for (const c of cells) {
    const t = clean($(c).text());
    if (/\p{Script=Han}{4}/u.test(t) && t.length > best.length) best = t;
  }
  return best || undefined;
}

export function anchorsOf(html: string | cheerio.CheerioAPI, pageUrl: string, options: AnchorOptions = {}): Anchor[] {
  const $ = typeof html === 'string' ? cheerio.load(html) : html;
  const base = pageBase($, pageUrl);
  const out: Anchor[] = [];
  const templates = functionTemplates($('script:not([src])').map((_, el) => $(el).text()).get().join('\n'));
  const target = (js: string): string | undefined => (templates.size ? templatedCall(js, templates) : undefined) ?? scriptTarget(js);
  const push = (el: AnyNode, href: string, source: AnchorSource, textOverride?: string): void => {
    if (isJunkHref(href)) return;
    let url = canonicalUrl(href, base);
    if (!url) return;
    const file = viewerTarget(url);
    if (file) (url = file), (source = 'viewer');
    const a = $(el);
    // A banner or button image: its alt or title says what the link is.
    const shown = clean(a.text()) || clean(a.find('img[alt], img[title]').first().attr('alt') ?? a.find('img[title]').first().attr('title'));
    let text = textOverride ?? bestText(shown, clean(a.attr('title')));
    const holder = a.closest('li, tr, dd, dt, p, td');
    // A link on a row's 索引号, its date, an icon or a 查看 button: the row's title (another cell, or the text
    // beside the link in its list item) names the link.
    if (textOverride === undefined && isNameless(text)) {
      const row = a.closest('tr');
      if (row.length) text = rowTitle($, row, a.closest('td, th')) ?? text;
      else text = besideTitle($, a) ?? text;
    }
    const context = clean(holder.length ? holder.text() : a.parent().text()).slice(0, 300);
    const anchor: Anchor = { url, text, context };
    if (source !== 'href') anchor.source = source;
    if (options.chrome && a.closest(CHROME).length > 0) anchor.chrome = true;
    out.push(anchor);
  };
  $('a[href], area[href]').each((_, el) => {
    const href = $(el).attr('href') ?? '';
    if (/^\s*(javascript:|#)/i.test(href) || href.trim() === '') {
      const to = target(`${href} ${$(el).attr('onclick') ?? ''}`);
      if (to) push(el, to, 'onclick');
      return;
    }
    push(el, href, 'href');
  });
  $('[onclick]:not(a), [data-href], [data-url], [data-link]').each((_, el) => {
    const e = $(el);
    const data = e.attr('data-href') ?? e.attr('data-url') ?? e.attr('data-link');
    const to = data ?? target(e.attr('onclick') ?? '');
    if (to && (!e.is('a') || !e.attr('href') || /^\s*(javascript:|#)/i.test(e.attr('href') ?? ''))) push(el, to, data ? 'data' : 'onclick');
  });
  // Jump menus: `<select onchange="window.open(this.value)">` whose options carry URLs.
  $('select option[value]').each((_, el) => {
    const value = ($(el).attr('value') ?? '').trim();
    if (/^(https?:\/\/|\/|\.\.?\/)/i.test(value) || /\.(s?html?|jsp|aspx?|php)(\?|$)/i.test(value)) push(el, value, 'data', clean($(el).text()));
  });
  $('form').each((_, el) => {
    const f = $(el);
    if ((f.attr('method') ?? 'get').toLowerCase() !== 'get') return;
    const inputs = f.find('input, select, textarea').toArray();
    const kindOf = (i: AnyNode): string => {
      const tag = (i as { tagName?: string }).tagName ?? '';
      return tag === 'select' ? 'select' : tag === 'textarea' ? 'text' : ($(i).attr('type') ?? 'text').toLowerCase();
    };
    // A search form (a text box for the visitor) is not a link.
    if (inputs.some((i) => !['hidden', 'submit', 'button', 'image', 'select'].includes(kindOf(i)))) return;
    const params = new URLSearchParams();
    for (const i of inputs) {
      const name = $(i).attr('name');
      if (name && kindOf(i) === 'hidden') params.set(name, $(i).attr('value') ?? '');
    }
    const action = f.attr('action') ?? pageUrl;
    const withParams = (p: URLSearchParams): string => (p.size ? `${action}${action.includes('?') ? '&' : '?'}${p.toString()}` : action);
    const select = inputs.find((i) => kindOf(i) === 'select' && $(i).attr('name'));
    if (select) {
      // A choice of years or organs: one link per option (bounded).
      $(select).find('option').slice(0, 40).each((__, o) => {
        const value = $(o).attr('value') ?? clean($(o).text());
        if (!value) return;
        const p = new URLSearchParams(params);
        p.set($(select).attr('name') as string, value);
        push(el, withParams(p), 'form', clean($(o).text()));
      });
      return;
    }
    const label = clean(f.find('button').first().text() || f.find('input[type=submit]').attr('value') || f.attr('title') || '');
    push(el, withParams(params), 'form', label);
  });
  return out;
}
