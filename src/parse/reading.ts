/** Shared pieces of the section readers: what a section reader returns, token ranges, column maps. */
import { warn, type Message } from '../model/result.ts';
import type { Stream, ValueToken } from './tokenize.ts';

/** A run of glued digits with several possible splits; the rules pick one later, or none. */
export interface Glued {
  codes: string[];
  candidates: number[][];
  tokens: ValueToken[];
}

export interface SectionRead {
  found: boolean;
  /** code → the token read for it (null: no value could be read). */
  cells: Map<string, ValueToken | null>;
  glued: Glued[];
  warnings: Message[];
}

export function emptyRead(): SectionRead {
  return { found: false, cells: new Map(), glued: [], warnings: [] };
}

/**
 * Tokens after the label text at `from` up to the label text at `to`. A token's pos is the label length
 * before it, so a token at exactly `from` precedes that label and belongs to what came before.
 */
export function tokensIn(stream: Stream, from: number, to: number): ValueToken[] {
  return stream.tokens.filter((t) => t.pos > from && t.pos <= to);
}

/** A synthetic token for a value cut out of glued digits. */
export function splitToken(source: ValueToken[], value: number): ValueToken {
  const first = source[0]!;
  return { ...first, kind: 'number', value, raw: source.map((t) => t.raw).join(' '), digits: String(value) };
}

/**
 * Grid columns of header labels found in the given rows (reliable grids only): label key → grid column,
 * in reading order of the first match of each key.
 */
export function headerColumns(stream: Stream, rowFrom: number, rowTo: number, keys: [string, RegExp][]): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = Math.max(0, rowFrom); r < rowTo && r < stream.rows.length; r++) {
    const row = stream.rows[r]!;
    if (!row.reliableGrid) continue;
    for (const cell of row.cells) {
      const text = cell.text.replace(/\s+/g, '');
      for (const [name, re] of keys) {
        if (!out.has(name) && re.test(text) && cell.gridCol !== undefined) out.set(name, cell.gridCol);
      }
    }
  }
  return out;
}

/** Maps tokens to columns by grid column; null when a token has no column or two share one. */
export function byGrid(tokens: ValueToken[], columns: Map<string, number>): Map<string, ValueToken> | null {
  const byCol = new Map<number, string>();
  for (const [name, col] of columns) byCol.set(col, name);
  const out = new Map<string, ValueToken>();
  for (const t of tokens) {
    if (t.gridCol === undefined) return null;
    const name = byCol.get(t.gridCol);
    if (!name || out.has(name)) return null;
    out.set(name, t);
  }
  return out;
}

export function rowOf(stream: Stream, pos: number): number {
  let lo = 0;
  let hi = stream.rowPos.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stream.rowPos[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const incomplete = (code: string, got: number, want: number, cell?: string): Message =>
  warn(code, `expected ${want} values, found ${got}${cell ? ` for ${cell}` : ''}: left empty`, { cell });
