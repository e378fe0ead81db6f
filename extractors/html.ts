/**
 * HTML → document model. Decodes the bytes (decode.ts), finds the main content (html-content.ts), and walks
 * it in reading order: text runs become paragraphs at block boundaries and `<br>`, data tables become grids
 * (html-table.ts), layout tables are walked through as containers.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Block, DocumentModel, Format } from '../src/model/document.ts';
import { BadDocumentError } from '../src/model/errors.ts';
import { ok, warn, type Message, type Result } from '../src/model/result.ts';
import { decodeHtml } from './decode.ts';
import { boundDepth, MAX_HTML_DEPTH } from './html-depth.ts';
import { BLOCK_TAGS, children, descendants, isDropped, isElement, rawText, textLength } from './html-dom.ts';
import { findMainContent, isNoise } from './html-content.ts';
import { htmlTable, isLayoutTable } from './html-table.ts';
import { cleanText } from './normalise.ts';

export interface HtmlOptions {
  /** HTTP Content-Type header (its charset is trusted first, then checked against the bytes). */
  contentType?: string;
  /**
   * Take the whole body instead of looking for the main content: for HTML that is a whole document already
   * (DOCX via mammoth). Default false.
   */
  wholeBody?: boolean;
  /** Format recorded in the model. Default `html`. */
  format?: Format;
  /** Largest page, in characters after decoding and dropping inline data: URIs (memory guard). Default none. */
  maxChars?: number;
}

interface WalkState {
  blocks: Block[];
  warnings: Message[];
  buffer: string[];
  heading?: number;
  tables: number;
  offset: number;
  contentChars: number;
}

const DATA_URI = /(\b(?:src|href)\s*=\s*)(?:"data:[^"]*"|'data:[^']*')/gi;

function flush(s: WalkState): void {
  const text = cleanText(s.buffer.join(''));
  s.buffer = [];
  if (!text) return;
  const block: Block = { kind: 'paragraph', text, offset: s.offset };
  if (s.heading) block.heading = s.heading;
  s.blocks.push(block);
  s.offset += text.length + 1;
}

function walk(n: AnyNode, s: WalkState): void {
  if (n.type === 'text') {
    s.buffer.push((n as unknown as { data: string }).data);
    return;
  }
  if (!isElement(n)) {
    for (const c of children(n)) walk(c, s);
    return;
  }
  if (isDropped(n) || isNoise(n, s.contentChars)) return;
  if (n.name === 'br') {
    flush(s);
    return;
  }
  if (n.name === 'table' && !isLayoutTable(n)) {
    flush(s);
    const t = htmlTable(n, s.tables);
    if (t.grid.rows.length === 0) return;
    s.tables++;
    if (t.caption) {
      s.buffer.push(t.caption);
      flush(s);
    }
    s.blocks.push({ kind: 'table', table: t.grid });
    s.warnings.push(...t.warnings);
    return;
  }
  const block = BLOCK_TAGS.has(n.name);
  const level = /^h([1-6])$/.exec(n.name);
  if (block) flush(s);
  const saved = s.heading;
  if (level) s.heading = Number(level[1]);
  for (const c of children(n)) walk(c, s);
  if (block) flush(s);
  s.heading = saved;
}

function titleOf($: cheerio.CheerioAPI, root: AnyNode): string | undefined {
  // descendants() rather than $(root).find(): css-select's find is quadratic in a root's children.
  const h1 = descendants(root, 'h1')[0];
  const t = cleanText(h1 ? rawText(h1) : '') || cleanText($('title').first().text());
  return t || undefined;
}

/** Parses already-decoded HTML into the document model. */
export function htmlToModel(html: string, options: HtmlOptions = {}): Result<DocumentModel> {
  const warnings: Message[] = [];
  const bounded = boundDepth(html);
  if (bounded.cut > 0) {
    warnings.push(warn('html.too_deep', `elements nested deeper than ${MAX_HTML_DEPTH} levels (up to ${bounded.maxDepth}) were unwrapped: ${bounded.cut} tags cut, their text kept`));
  }
  const $ = cheerio.load(bounded.html);
  let root: AnyNode;
  if (options.wholeBody) {
    root = ($('body').get(0) as AnyNode | undefined) ?? ($.root().get(0) as AnyNode);
  } else {
    const main = findMainContent($);
    root = main.root;
    if (main.via === 'whole-page') warnings.push({ code: 'html.no_main_content', message: 'no main content container found; the whole page was used', level: 'info' });
  }
  const s: WalkState = { blocks: [], warnings, buffer: [], tables: 0, offset: 0, contentChars: textLength(root) };
  for (const c of children(root)) walk(c, s);
  flush(s);
  if (s.blocks.length === 0) warnings.push({ code: 'html.empty', message: 'the page has no text', level: 'warning' });
  return ok({ format: options.format ?? 'html', blocks: s.blocks, title: titleOf($, root) }, warnings);
}

/** HTML bytes → document model (charset detection included). */
export function extractHtml(bytes: Uint8Array, options: HtmlOptions = {}): Result<DocumentModel> {
  const decoded = decodeHtml(bytes, options.contentType);
  // Inline images (data: URIs) carry no text and can be most of a page's bytes.
  const html = decoded.text.replace(DATA_URI, '$1""');
  if (options.maxChars !== undefined && html.length > options.maxChars) {
    throw new BadDocumentError('html.too_large', `the page has ${html.length} characters of HTML; limit ${options.maxChars}`);
  }
  const r = htmlToModel(html, options);
  return ok({ ...r.value, charset: decoded.charset }, [...decoded.warnings, ...r.warnings]);
}
