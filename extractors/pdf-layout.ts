/**
 * Page layouts (words + ruling segments, from the PDF text layer or OCR) → blocks in reading order:
 * paragraphs from text lines, tables from ruled frames (pdf-ruled.ts) or aligned columns (pdf-columns.ts).
 * Running headers, footers and page numbers are removed; a table continuing on the next page is joined.
 */
import type { Block, TextLine } from '../src/model/document.ts';
import { warn, type Message } from '../src/model/result.ts';
import { median, wordHeight, type PageLayoutInput, type Word } from './layout-types.ts';
import { findColumnTables, type ColumnTable } from './pdf-columns.ts';
import { groupLines, lineText } from './pdf-lines.ts';
import { findRuledTables, type RuledTable } from './pdf-ruled.ts';
import { joinTables, ruledToRows, sameColumns } from './pdf-tables.ts';
import { cleanText } from './normalise.ts';

type Item =
  | { kind: 'lines'; y: number; lines: Word[][] }
  | { kind: 'ruled'; y: number; table: RuledTable }
  | { kind: 'columns'; y: number; table: ColumnTable };

interface PageItems {
  page: number;
  items: Item[];
}

const PAGE_NUMBER = [/^[-—–－\s]*\d{1,4}[-—–－\s]*$/, /^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/, /^\d+\s*\/\s*\d+$/, /^page\s*\d+(\s*of\s*\d+)?$/i];

function marginKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

/** Lines in the top/bottom 9% of a page that are page numbers or repeat on at least half the pages. */
function marginFilter(pages: PageLayoutInput[], linesByPage: Word[][][]): Set<Word[]> {
  const drop = new Set<Word[]>();
  const counts = new Map<string, number>();
  const candidates: { line: Word[]; key: string }[] = [];
  pages.forEach((p, i) => {
    const seen = new Set<string>();
    for (const line of linesByPage[i]) {
      const y0 = Math.min(...line.map((w) => w.y0));
      const y1 = Math.max(...line.map((w) => w.y1));
      if (y1 > p.height * 0.09 && y0 < p.height * 0.91) continue;
      const text = lineText(line);
      if (PAGE_NUMBER.some((re) => re.test(text))) { drop.add(line); continue; }
      const key = `${y0 < p.height / 2 ? 'top' : 'bottom'}:${marginKey(text)}`;
      candidates.push({ line, key });
      if (!seen.has(key)) { seen.add(key); counts.set(key, (counts.get(key) ?? 0) + 1); }
    }
  });
  if (pages.length >= 2) {
    for (const c of candidates) if ((counts.get(c.key) ?? 0) >= Math.max(2, pages.length / 2)) drop.add(c.line);
  }
  return drop;
}

function pageItems(p: PageLayoutInput, dropLine: (l: Word[]) => boolean, warnings: Message[]): PageItems {
  const { tables, rest } = findRuledTables(p.segments, p.words);
  for (const t of tables) if (!t.rectangular) warnings.push(warn('pdf.table_irregular', `page ${p.page}: a merged cell is not rectangular; its bounding box was used`, { where: { page: p.page } }));
  const lines = groupLines(rest).filter((l) => !dropLine(l));
  const { tables: colTables, rest: plain } = findColumnTables(lines);
  const items: Item[] = [
    ...tables.map((t): Item => ({ kind: 'ruled', y: t.ys[0], table: t })),
    ...colTables.map((t): Item => ({ kind: 'columns', y: t.y, table: t })),
  ];
  // Consecutive plain lines between tables form one 'lines' item.
  const sortedPlain = plain.map((l) => ({ l, y: Math.min(...l.map((w) => w.y0)) })).sort((a, b) => a.y - b.y);
  const tableYs = items.map((i) => i.y).sort((a, b) => a - b);
  let group: Word[][] = [];
  let groupY = 0;
  let zone = -1;
  const flush = () => { if (group.length > 0) items.push({ kind: 'lines', y: groupY, lines: group }); group = []; };
  for (const { l, y } of sortedPlain) {
    const z = tableYs.filter((t) => t < y).length;
    if (z !== zone) { flush(); zone = z; groupY = y; }
    group.push(l);
  }
  flush();
  items.sort((a, b) => a.y - b.y);
  return { page: p.page, items };
}

const CJKISH = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Joins wrapped lines into paragraphs: a new paragraph after a short line, at an indent or a wide gap. */
function paragraphs(lines: Word[][], page: number): { text: string; page: number; indented: boolean }[] {
  const info = lines.map((l) => ({ text: lineText(l), x0: l[0].x0, x1: l[l.length - 1].x1, y0: Math.min(...l.map((w) => w.y0)), h: median(l.map(wordHeight)) }));
  const left = Math.min(...info.map((i) => i.x0));
  const right = Math.max(...info.map((i) => i.x1));
  const pitch = median(info.slice(1).map((li, k) => li.y0 - info[k].y0).filter((d) => d > 0));
  const out: { text: string; page: number; indented: boolean }[] = [];
  let cur = '';
  let indented = false;
  info.forEach((li, k) => {
    const prev = info[k - 1];
    const indent = li.x0 > left + 1.5 * li.h;
    const newPara = !prev || prev.x1 < right - 2 * li.h || indent || li.y0 - prev.y0 > Math.max(2.2 * li.h, 1.5 * pitch) || Math.abs(li.h - prev.h) > 0.25 * li.h;
    if (newPara) {
      if (cur) out.push({ text: cleanText(cur), page, indented });
      cur = li.text;
      indented = indent;
      return;
    }
    cur = joinWrapped(cur, li.text);
  });
  if (cur) out.push({ text: cleanText(cur), page, indented });
  return out;
}

/** Joins a wrapped line: no space next to CJK text or between two digits (a number broken by the wrap). */
function joinWrapped(a: string, b: string): string {
  const x = a.slice(-1);
  const y = b[0] ?? '';
  const tight = CJKISH.test(x) || CJKISH.test(y) || (/\d/.test(x) && /\d/.test(y));
  return a + (tight ? '' : ' ') + b;
}

/** A paragraph that ends without closing punctuation may continue on the next page. */
const OPEN_END = /[^。！？；：.!?;:”」』）)]$/;
const HEADING_START = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节条])/;

function positionedLines(p: PageLayoutInput, dropLine: (l: Word[]) => boolean): TextLine[] {
  return groupLines(p.words).filter((l) => !dropLine(l)).map((l) => {
    const items: TextLine['items'] = [];
    let chunk: Word[] = [];
    const emit = () => {
      if (chunk.length === 0) return;
      const conf = chunk.map((w) => w.confidence).filter((c): c is number => c !== undefined);
      items.push({ text: lineText(chunk), x: chunk[0].x0, width: chunk[chunk.length - 1].x1 - chunk[0].x0, ...(conf.length ? { confidence: Math.min(...conf) } : {}) });
      chunk = [];
    };
    for (const w of l) {
      const prev = chunk[chunk.length - 1];
      if (prev && w.x0 - prev.x1 > wordHeight(w)) emit();
      chunk.push(w);
    }
    emit();
    return { text: lineText(l), page: p.page, y: Math.min(...l.map((w) => w.y0)), items };
  });
}

export interface LayoutResult {
  blocks: Block[];
  lines: TextLine[];
  warnings: Message[];
}

/** Lays out all pages of one document (pages in order). */
export function layoutPages(pages: PageLayoutInput[]): LayoutResult {
  const warnings: Message[] = [];
  const linesByPage = pages.map((p) => groupLines(p.words));
  const dropped = marginFilter(pages, linesByPage);
  // Lines are regrouped after table extraction, so margins are matched by their words.
  const droppedWords = new Set<Word>([...dropped].flat());
  const dropLine = (l: Word[]) => l.every((w) => droppedWords.has(w));
  const perPage = pages.map((p) => pageItems(p, dropLine, warnings));
  const blocks: Block[] = [];
  let tableIndex = 0;
  let offset = 0;
  let open: { table: RuledTable; page: number } | undefined;
  const closeOpen = () => {
    if (!open) return;
    blocks.push({ kind: 'table', table: { index: tableIndex++, page: open.page, rows: ruledToRows(open.table), reliableColumns: open.table.rectangular } });
    open = undefined;
  };
  for (const pi of perPage) {
    pi.items.forEach((item, k) => {
      if (item.kind === 'ruled') {
        if (open && k === 0 && sameColumns(open.table, item.table)) {
          const j = joinTables(open.table, item.table);
          open.table = j.table;
          warnings.push({ code: 'pdf.table_joined', level: 'info', message: `a table continues from page ${open.page} to page ${pi.page}${j.merged ? `; ${j.merged} group label(s) carried over` : ''}`, where: { page: pi.page } });
          return;
        }
        closeOpen();
        open = { table: item.table, page: pi.page };
        return;
      }
      closeOpen();
      if (item.kind === 'columns') {
        blocks.push({ kind: 'table', table: { index: tableIndex++, page: pi.page, rows: item.table.rows, reliableColumns: item.table.reliableColumns } });
        return;
      }
      paragraphs(item.lines, pi.page).forEach((para, n) => {
        const last = blocks[blocks.length - 1];
        if (k === 0 && n === 0 && last?.kind === 'paragraph' && last.page === pi.page - 1 && OPEN_END.test(last.text) && !para.indented && !HEADING_START.test(para.text)) {
          const joined = cleanText(joinWrapped(last.text, para.text));
          offset += joined.length - last.text.length;
          last.text = joined;
          return;
        }
        blocks.push({ kind: 'paragraph', text: para.text, page: para.page, offset });
        offset += para.text.length + 1;
      });
    });
    // A table stays open across a page break only if it was the last thing on its page.
    if (open && pi.items[pi.items.length - 1]?.kind !== 'ruled') closeOpen();
  }
  closeOpen();
  const lines = pages.flatMap((p) => positionedLines(p, dropLine));
  return { blocks, lines, warnings };
}
