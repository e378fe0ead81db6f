/** Abstract document → plain text, the way text dumps of real reports look (seeds 000–004, pdftotext). */
import { layout } from './grid.ts';
import { shiftTokens } from './table-ops.ts';
import type { AbstractDoc, Block, HeadingStyle, TCell, TextStyle, TTable } from './types.ts';

/** Where a split heading breaks: after its last 、 past the numbering, else in the middle. */
export function splitPoint(text: string): number {
  const i = text.lastIndexOf('、');
  return i > 2 && i < text.length - 1 ? i + 1 : Math.ceil(text.length / 2);
}

export function headingLines(text: string, level: number, style: HeadingStyle = 'plain'): string[] {
  switch (style) {
    case 'plain': return [text];
    case 'markdown': return [`${'#'.repeat(Math.min(level + 1, 4))} ${text}`];
    case 'bold': return [`**${text}**`];
    case 'numbered_md': return [`${'#'.repeat(Math.min(level + 1, 4))} **${text}**`];
    case 'split': { const k = splitPoint(text); return [text.slice(0, k), text.slice(k)]; }
  }
}

function verticalLines(cell: TCell): string[] {
  return [...cell.text.replace(/\s+/g, '')];
}

/** A header row whose cells are all vertical: line i holds the i-th character of every cell (seed 002). */
function transposed(cells: TCell[], sep: string): string[] {
  const chars = cells.map(verticalLines);
  const n = Math.max(...chars.map((c) => c.length));
  return Array.from({ length: n }, (_, i) => chars.map((c) => c[i] ?? '').join(sep));
}

function rowTokens(table: TTable, r: number, grid: ReturnType<typeof layout>, style: TextStyle): { tokens: string[]; valueAt: number } {
  const row = table.rows[r]!;
  const text = (c: TCell): string => (c.vertical ? '' : c.text);
  const valueIndex = (cells: (TCell | null)[]): number => cells.findIndex((c) => c?.role === 'value');
  if (style.spans === 'collapse' && !style.cellPerLine) return { tokens: row.cells.map(text), valueAt: valueIndex(row.cells) };
  const tokens: string[] = [];
  const cells: (TCell | null)[] = [];
  for (const slot of grid.slots[r]!) {
    // one cell per line: a colspan tail adds no line, a rowspan cover adds an empty one (seed 003)
    if (!slot.cell && style.cellPerLine && slot.owner && grid.starts.get(slot.owner)!.row === r) continue;
    tokens.push(slot.cell ? text(slot.cell) : '');
    cells.push(slot.cell);
  }
  return { tokens, valueAt: valueIndex(cells) };
}

export function tableLines(table: TTable, style: TextStyle): string[] {
  const grid = layout(table);
  const lines: string[] = [];
  table.rows.forEach((row, r) => {
    const vertical = row.cells.filter((c) => c.vertical);
    if (vertical.length > 0 && vertical.length === row.cells.length) {
      lines.push(...transposed(row.cells, style.sep));
      return;
    }
    if (!style.markdown) for (const cell of vertical) lines.push(...verticalLines(cell));
    let { tokens, valueAt } = rowTokens(table, r, grid, style);
    if (row.shift && valueAt >= 0) shiftTokens(tokens, valueAt, row.shift);
    if (row.glued) {
      const labels = row.cells.filter((c) => c.role !== 'value').map((c) => c.text).filter((t) => t !== '');
      const digits = row.cells.filter((c) => c.role === 'value').map((c) => c.text).join('');
      tokens = [...labels, digits];
    }
    if (style.markdown) {
      const cells = tokens.map((t) => t.replace(/\n/g, ''));
      lines.push(`| ${cells.join(' | ')} |`);
      if (r === 0) lines.push(`|${cells.map(() => ' --- ').join('|')}|`);
      return;
    }
    if (style.cellPerLine) {
      lines.push('');
      for (const t of tokens) lines.push(...`\t${t}`.split('\n'));
      return;
    }
    lines.push(...tokens.join(style.sep).split('\n'));
  });
  return lines;
}

function blockLines(block: Block, style: TextStyle): string[] {
  switch (block.kind) {
    case 'title': return block.lines.map((l, i) => (block.markdown ? `${i === 0 ? '#' : '##'} ${l}` : l));
    case 'heading': return headingLines(block.text, block.level, block.style);
    case 'para': return block.text.split('\n');
    case 'table': return tableLines(block.table, style);
  }
}

export function renderText(doc: AbstractDoc): string {
  const out: string[] = [];
  for (const block of doc.blocks) {
    out.push(...blockLines(block, doc.text));
    if (doc.text.blankLines || block.kind === 'table') out.push('');
  }
  return `${out.join('\n').replace(/\n{4,}/g, '\n\n\n')}\n`;
}
