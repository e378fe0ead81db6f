/**
 * Finds the main content of a government article page: known CMS containers first (TRS, Hanweb, UCAP, …),
 * then the smallest element holding most of the page's non-link text. Navigation, breadcrumbs, footers and
 * share bars inside it are dropped.
 */
import type { AnyNode, Element } from 'domhandler';
import type { CheerioAPI } from 'cheerio';
import { elementChildren, isDropped, textLength } from './html-dom.ts';

/** CMS content containers, in order of trust. */
export const CONTENT_SELECTORS = [
  '.TRS_Editor', '#zoom', '.ucapcontent', '#ucapcontent', '#UCAP-CONTENT', '.article', '#content',
  '.article-content', '.pages_content', '#Zoom', '.zoom', '.wzy_nr', '.content',
];

const NOISE_TAGS = new Set(['nav', 'footer', 'aside']);
const NOISE_NAME = /(^|[-_\s])(nav|navbar|menu|breadcrumbs?|crumbs?|position|location|dqwz|footer|foot|share|fenxiang|bdshare|print|toolbar|pager|pagination|sidebar|related|xgwz|xgxx|copyright|banner|topbar)([-_\s\d]|$)/i;
const MIN_CONTENT_CHARS = 40;

function hasTable(el: Element): boolean {
  return elementChildren(el).some((c) => c.name === 'table' || hasTable(c));
}

export interface MainContent {
  root: AnyNode;
  /** How it was found: a selector, `largest-block` or `whole-page`. */
  via: string;
}

/** Descends from `start` while one child holds ≥ 70% of the non-link text. */
function largestBlock(start: AnyNode): AnyNode {
  let node = start;
  for (;;) {
    const total = textLength(node, true);
    if (total === 0) return node;
    let best: Element | undefined;
    let bestLen = 0;
    for (const c of elementChildren(node)) {
      if (isDropped(c)) continue;
      const len = textLength(c, true);
      if (len > bestLen) { best = c; bestLen = len; }
    }
    if (!best || bestLen < total * 0.7) return node;
    node = best;
  }
}

export function findMainContent($: CheerioAPI): MainContent {
  for (const sel of CONTENT_SELECTORS) {
    const found = $(sel).toArray() as Element[];
    let best: Element | undefined;
    let bestLen = 0;
    for (const el of found) {
      const len = textLength(el);
      if (len > bestLen) { best = el; bestLen = len; }
    }
    if (best && (bestLen >= MIN_CONTENT_CHARS || hasTable(best))) return { root: best, via: sel };
  }
  const body = ($('body').get(0) as AnyNode | undefined) ?? ($.root().get(0) as AnyNode);
  const block = largestBlock(body);
  return { root: block, via: block === body ? 'whole-page' : 'largest-block' };
}

function linkDensity(el: Element): number {
  const all = textLength(el);
  return all === 0 ? 1 : 1 - textLength(el, true) / all;
}

/** The first `max` non-space characters of a subtree's text (stops early). */
function textPrefix(n: AnyNode, max: number): string {
  let out = '';
  const visit = (x: AnyNode): boolean => {
    if (x.type === 'text') {
      out += (x as unknown as { data: string }).data.replace(/[\s\u00a0\u3000]+/g, '');
      return out.length >= max;
    }
    if (x.type !== 'tag' || isDropped(x as Element)) return false;
    for (const c of (x as Element).children) if (visit(c)) return true;
    return false;
  };
  visit(n);
  return out.slice(0, max);
}

/** True for navigation-like elements inside the content: small, link-heavy or named like a nav/footer. */
export function isNoise(el: Element, contentChars: number): boolean {
  if (NOISE_TAGS.has(el.name)) return true;
  if (el.name === 'header') return linkDensity(el) > 0.5;
  if (el.name === 'table') return false;
  const name = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  if (name.trim() && NOISE_NAME.test(name) && textLength(el) < Math.max(400, contentChars * 0.2)) return true;
  if (/^(当前位置|您现在的位置|您的位置|所在位置)[:：]/.test(textPrefix(el, 12)) && textLength(el) < 200) return true;
  return false;
}
