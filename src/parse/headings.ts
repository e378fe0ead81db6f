/**
 * Section headings 一–六: markdown, bold, split across lines, variants; a preamble or table of contents that
 * lists all six titles is not taken for the sections (the chain of headings closest together wins).
 */
import { bestChain, type Anchor } from './anchors.ts';
import { SECTION_HEADINGS } from './labels.ts';
import type { Row } from './rows.ts';

const HEADING = /^[#\s*]*(?:第)?([一二三四五六])(?:部分)?\s*[、.,:：\s]\s*(.*)$/;

export interface Headings {
  /** Row index of each section's heading (1–6), when found. */
  row: Partial<Record<number, number>>;
}

export function findHeadings(rows: Row[]): Headings {
  const cands: Anchor[] = [];
  rows.forEach((row, i) => {
    const text = row.text.replace(/\t/g, ' ').trim();
    const m = HEADING.exec(text);
    if (!m) return;
    const compactLen = text.replace(/\s+/g, '').length;
    if (compactLen > 40) return; // a paragraph, not a heading
    if (/\d/.test(text.replace(/\d{4}\s*年/g, ''))) return; // a table row with values (四、结转下年度继续办理 0 0 …)
    const def = SECTION_HEADINGS.find((h) => h.numeral === m[1]);
    if (!def) return;
    const own = m[2]!.replace(/\s+/g, '');
    // A heading split over two lines: 「三、收到和处理政府信息公开」 + 「申请情况」.
    const joined = own + (own.length < 16 ? (rows[i + 1]?.text ?? '').replace(/\s+/g, '').slice(0, 12) : '');
    if (!def.keys.test(own) && !(own.length < 16 && def.keys.test(joined))) return;
    if (row.tableIndex !== undefined && def.n !== 4) return; // 三、本年度办理结果 etc. are table rows
    cands.push({ idx: def.n, start: i, end: i });
  });
  // Chain in order 一..六; equal lengths → the tightest (a table of contents is followed by the real ones).
  const chain = bestChain(cands, 'late');
  const row: Headings['row'] = {};
  for (const a of chain) row[a.idx] = a.start;
  return { row };
}

/** The text of rows strictly between two row indexes, lines joined with newlines. */
export function textBetween(rows: Row[], from: number, to: number): string {
  return rows
    .slice(from + 1, to)
    .map((r) => r.text.replace(/\t+/g, ' ').trim())
    .filter((t) => t !== '')
    .join('\n');
}
