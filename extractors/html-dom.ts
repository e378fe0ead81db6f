/** Small helpers over domhandler nodes (what cheerio parses into), shared by the HTML modules. */
import type { AnyNode, Element } from 'domhandler';

/** Elements whose content is never document text. */
export const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio',
  'select', 'button', 'input', 'textarea', 'map', 'head', 'link', 'meta', 'title',
]);

/** Elements that start a new line of text. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'caption', 'form', 'fieldset', 'address', 'figure', 'figcaption', 'hr', 'body', 'html',
]);

export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function children(n: AnyNode): AnyNode[] {
  return 'children' in n ? (n.children as AnyNode[]) : [];
}

export function elementChildren(n: AnyNode): Element[] {
  return children(n).filter(isElement);
}

/** Hidden by inline style or attribute (Word-paste ghost rows, collapsed menus). */
export function isHidden(el: Element): boolean {
  const style = (el.attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden') || 'hidden' in el.attribs;
}

export function isDropped(el: Element): boolean {
  return DROP_TAGS.has(el.name) || isHidden(el);
}

/** Raw text of a subtree (dropped elements skipped), without any layout: used for scoring. */
export function rawText(n: AnyNode, skipLinks = false): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (!isElement(n) && n.type !== 'root') return '';
  if (isElement(n)) {
    if (isDropped(n)) return '';
    if (skipLinks && n.name === 'a') return '';
  }
  let out = '';
  for (const c of children(n)) out += rawText(c, skipLinks);
  return out;
}

/** Length of the visible, non-space text of a subtree. */
export function textLength(n: AnyNode, skipLinks = false): number {
  return rawText(n, skipLinks).replace(/[\s\u00a0\u3000]+/g, '').length;
}

/** All descendants with a given tag name (not crossing dropped elements). */
export function descendants(n: AnyNode, name: string, out: Element[] = []): Element[] {
  for (const c of elementChildren(n)) {
    if (isDropped(c)) continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
