/**
 * Anchors of an HTML page (pure): resolved URL, best text (link text or title attribute), and the text of
 * the enclosing list item or table row (for the publication date). JS variables and template hrefs are
 * skipped.
 */
import * as cheerio from 'cheerio';
import { canonicalUrl } from './canonical.ts';

export interface Anchor {
  /** Absolute URL, resolved against the page (and `<base href>`), canonicalised. */
  url: string;
  /** Link text or title attribute, whichever is the longer complete text. */
  text: string;
  /** Text of the enclosing li / tr / dd / p, for dates next to the link. */
  context: string;
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
  if (truncated || (title.length > text.length && title.includes(text.replace(/(…|\.\.\.)$/, '')))) return title;
  return text;
}

export function pageBase(html: string | cheerio.CheerioAPI, pageUrl: string): string {
  const $ = typeof html === 'string' ? cheerio.load(html) : html;
  const base = $('base[href]').first().attr('href');
  return (base && canonicalUrl(base, pageUrl)) || pageUrl;
}

export function anchorsOf(html: string | cheerio.CheerioAPI, pageUrl: string): Anchor[] {
  const $ = typeof html === 'string' ? cheerio.load(html) : html;
  const base = pageBase($, pageUrl);
  const out: Anchor[] = [];
  $('a[href], area[href]').each((_, el) => {
    const a = $(el);
    const href = a.attr('href') ?? '';
    if (isJunkHref(href)) return;
    const url = canonicalUrl(href, base);
    if (!url) return;
    const text = bestText(clean(a.text()), clean(a.attr('title')));
    const holder = a.closest('li, tr, dd, dt, p, td');
    const context = clean(holder.length ? holder.text() : a.parent().text()).slice(0, 300);
    out.push({ url, text, context });
  });
  return out;
}
