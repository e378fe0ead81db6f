/**
 * Bounds the nesting depth of HTML before the tree builder sees it. parse5 (cheerio's HTML parser) checks
 * scopes by walking the stack of open elements, so 100,000 nested `<div>`s cost it minutes, and every
 * recursive walk over the tree risks a stack overflow. htmlparser2's tokenizer runs in linear time: the tags
 * that would open deeper than the limit are found with it and cut out of the source (their text stays).
 * Elements whose end tag is optional (p, li, td …) and void elements never count towards the depth.
 */
import { Tokenizer } from 'htmlparser2';

/** Deeper than any real page (government article pages nest 20–40 levels). */
export const MAX_HTML_DEPTH = 256;

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image',
  'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot',
  'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp']);
/** How far below the top a close tag is matched (a stray close tag is ignored, as parse5 mostly does). */
const MATCH_WITHIN = 16;

export interface Bounded {
  html: string;
  /** Tags cut out (0 when the page was within the limit). */
  cut: number;
  /** The deepest nesting seen (counted elements only). */
  maxDepth: number;
}

interface Open {
  name: string;
  cut: boolean;
}

export function boundDepth(html: string, limit = MAX_HTML_DEPTH): Bounded {
  if (tagOpenings(html, limit) <= limit) return { html, cut: 0, maxDepth: 0 };
  const stack: Open[] = [];
  const ranges: [number, number][] = [];
  let maxDepth = 0;
  let pending: { name: string; start: number } | null = null;
  const open = (end: number): void => {
    const p = pending;
    pending = null;
    if (!p || VOID.has(p.name) || OPTIONAL_END.has(p.name)) return;
    const cut = stack.length >= limit;
    stack.push({ name: p.name, cut });
    if (stack.length > maxDepth) maxDepth = stack.length;
    if (cut) ranges.push([p.start, end + 1]);
  };
  const close = (name: string, start: number, nameEnd: number): void => {
    if (VOID.has(name) || OPTIONAL_END.has(name)) return;
    for (let i = stack.length - 1; i >= Math.max(0, stack.length - MATCH_WITHIN); i--) {
      if (stack[i]!.name !== name) continue;
      const top = stack[i]!;
      stack.length = i;
      if (top.cut) {
        const gt = html.indexOf('>', nameEnd);
        ranges.push([start, gt < 0 ? html.length : gt + 1]);
      }
      return;
    }
  };
  const nothing = (): void => undefined;
  const tokenizer = new Tokenizer({ decodeEntities: false }, {
    onopentagname(start, end) {
      pending = { name: html.slice(start, end).toLowerCase(), start: start - 1 };
    },
    onopentagend: open,
    onselfclosingtag: open,
    onclosetag(start, end) {
      close(html.slice(start, end).toLowerCase(), start - 2, end);
    },
    onattribdata: nothing, onattribentity: nothing, onattribend: nothing, onattribname: nothing, oncdata: nothing,
    oncomment: nothing, ondeclaration: nothing, onend: nothing, onprocessinginstruction: nothing, ontext: nothing,
    ontextentity: nothing,
  });
  tokenizer.write(html);
  tokenizer.end();
  if (ranges.length === 0) return { html, cut: 0, maxDepth };
  // Ranges were found in document order.
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from < at) continue;
    parts.push(html.slice(at, from));
    at = to;
  }
  parts.push(html.slice(at));
  return { html: parts.join(''), cut: ranges.length, maxDepth };
}

/** `<` characters in `html`, counting stops past `limit` (fewer cannot nest that deep). */
function tagOpenings(html: string, limit: number): number {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0 && n <= limit; i = html.indexOf('<', i + 1)) n++;
  return n;
}
