/**
 * Section 二 (proactive disclosure): blocks 「第二十条第（N）项」 with rows 规章, 行政规范性文件, 行政许可 … Values are
 * the tokens after each row label. Section 二 has no arithmetic rule, so glued digits are split only when the
 * digit count leaves one way; otherwise the cells stay empty with a warning.
 */
import { warn } from '../model/result.ts';
import { findAnchors } from './anchors.ts';
import { S2_MARKERS, S2_ROWS, type S2Row } from './labels.ts';
import { emptyRead, incomplete, rowOf, shortRow, splitToken, tokensIn, type SectionRead } from './reading.ts';
import { splitDigits } from './split-digits.ts';
import type { Stream, ValueToken } from './tokenize.ts';

export type S2Family = 't2021' | 't2019';

export interface S2Read extends SectionRead {
  family: S2Family | null;
}

export function s2Family(labels: string): S2Family | null {
  const score = (res: RegExp[]) => res.filter((re) => re.test(labels)).length;
  const a = score(S2_MARKERS.t2021);
  const b = score(S2_MARKERS.t2019);
  if (a === 0 && b === 0) return null;
  return a >= b ? 't2021' : 't2019';
}

/** Money cells: convert between 元 and 万元 when the cell states the other unit. */
function money(t: ValueToken, want: '万元' | '元'): ValueToken {
  if (t.value === null || !t.unit || t.unit === want) return t;
  if (t.unit === '元' && want === '万元') return { ...t, value: t.value / 10000 };
  if (t.unit === '万元' && want === '元') return { ...t, value: t.value * 10000 };
  return t;
}

/** Tokens grouped by the row they stand in. */
function valueRows(tokens: ValueToken[]): ValueToken[][] {
  const out: ValueToken[][] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last[0]!.rowIndex === t.rowIndex) last.push(t);
    else out.push([t]);
  }
  return out;
}

/** A row with values and no label text at all (its label cell empty). */
function unlabelled(stream: Stream, tokens: ValueToken[]): boolean {
  const row = stream.rows[tokens[0]!.rowIndex]!;
  // A label cell OCR left one or two characters of (「章」 of 规章) names nothing either.
  // A number with its unit (「0个」, 「16件」) is a value, not a label.
  const value = (t: string) => /^[-+]?\d[\d.,\s]*(个|件|项|条|次|元|万元)?$/u.test(t.trim());
  return row.cells.every((c, i) => !/[\p{Script=Han}A-Za-z]/u.test(c.text) || value(c.text) || (i === 0 && row.reliableGrid && c.text.replace(/\s+/g, '').length <= 2));
}

/**
 * The template family of a section 二 whose headers say nothing (generic column names): 2019 prints
 * 其他对外管理服务事项 and 政府集中采购 rows and three values per 许可/处罚/强制 row, 2021 one. Null when the
 * rows disagree or say nothing.
 */
function familyFromRows(stream: Stream, anchors: ReturnType<typeof findAnchors>, to: number): S2Family | null {
  const votes = new Set<S2Family>();
  anchors.forEach((a, i) => {
    const row = S2_ROWS[a.idx]!.row;
    if (row === 'other_services' || row === 'procurement') votes.add('t2019');
    if (!['licensing', 'penalty', 'coercion'].includes(row)) return;
    const n = tokensIn(stream, a.start, i + 1 < anchors.length ? anchors[i + 1]!.start : to).length;
    if (n === 1) votes.add('t2021');
    else if (n === 3) votes.add('t2019');
  });
  return votes.size === 1 ? [...votes][0]! : null;
}

export function readSection2(stream: Stream, from: number, to: number): S2Read {
  const read: S2Read = { ...emptyRead(), family: null };
  const region = stream.labels.slice(from, to);
  read.family = s2Family(region);
  const anchors = findAnchors(stream.labels, S2_ROWS, from, to);
  if (!read.family && anchors.length > 0) {
    read.family = familyFromRows(stream, anchors, to);
    if (read.family) read.warnings.push(warn('parse.s2_family_from_rows', `section 二's column headers are not the template's; its rows say ${read.family}`, { level: 'info' }));
  }
  if (anchors.length === 0 || !read.family) return read;
  read.found = true;
  const family = read.family;
  const setRow = (def: S2Row, vals: (ValueToken | null)[]) =>
    (def.columns[family] ?? []).forEach((c, k) => {
      const code = `s2.${def.row}.${c}`;
      let t = vals[k] ?? null;
      if (t && code === 's2.fees.amount') t = money(t, '万元');
      if (t && code === 's2.procurement.amount') t = money(t, '元');
      read.cells.set(code, t);
    });
  // Rows before the first label found whose label was lost (OCR): value-only rows just above it.
  const before = S2_ROWS.slice(0, anchors[0]!.idx).filter((d) => d.columns[family]);
  const lead = valueRows(tokensIn(stream, from, anchors[0]!.start)).slice(-before.length);
  if (before.length > 0 && lead.length === before.length && lead.every((r, k) => r.length === before[k]!.columns[family]!.length && unlabelled(stream, r))) {
    before.forEach((d, k) => setRow(d, lead[k]!));
    read.warnings.push(warn('parse.s2_label_missing', `label(s) of ${before.map((d) => d.row).join(', ')} not found; values taken in order`));
  }
  anchors.forEach((a, i) => {
    const def = S2_ROWS[a.idx]!;
    const cols = def.columns[family];
    if (!cols) return;
    const g = tokensIn(stream, a.start, i + 1 < anchors.length ? anchors[i + 1]!.start : to);
    const set = (vals: (ValueToken | null)[]) => setRow(def, vals);
    // Rows whose labels were lost between this label and the next: whole rows of values, one per grid row.
    const skipped = i + 1 < anchors.length ? S2_ROWS.slice(a.idx + 1, anchors[i + 1]!.idx).filter((d) => d.columns[family]) : [];
    const rows = valueRows(g);
    const targets = [def, ...skipped];
    const ownRow = rowOf(stream, a.end - 1);
    /** Each value row for its row definition, whole or placed by its cells; null when one cannot be placed. */
    const byCells = (defs: S2Row[]): (ValueToken | null)[][] | null => {
      const placed = rows.map((r, k) => {
        const n = defs[k]!.columns[family]!.length;
        return r.length === n ? r : shortRow(stream, r, n);
      });
      return placed.every((p) => p !== null) ? placed : null;
    };
    // A trusted grid: one grid row per row, the label's own first, each placed by its cells (「行政」 for 行政许可
    // after a row with a cell lost: in order, the next row's value would fill this one's).
    if (skipped.length > 0 && rows.length === targets.length && rows[0]![0]!.rowIndex === ownRow
      && rows.every((r) => stream.rows[r[0]!.rowIndex]!.reliableGrid)) {
      const placed = byCells(targets);
      if (placed) {
        targets.forEach((d, k) => setRow(d, placed[k]!));
        read.warnings.push(warn('parse.s2_label_missing', `label(s) of ${skipped.map((d) => d.row).join(', ')} not found; the grid rows after s2.${def.row}'s own placed by their cells`));
        return;
      }
    }
    if (g.length === cols.length) return set(g);
    if (skipped.length > 0 && rows.length === targets.length && rows.every((r, k) => r.length === targets[k]!.columns[family]!.length)) {
      targets.forEach((d, k) => setRow(d, rows[k]!));
      read.warnings.push(warn('parse.s2_label_missing', `label(s) of ${skipped.map((d) => d.row).join(', ')} not found; values taken in order`));
      return;
    }
    // The label's own grid row empty (its values lost, or none printed), one grid row per row whose label was
    // lost after it (「行政」 for 行政许可): each placed by its cells.
    if (skipped.length > 0 && rows.length === skipped.length && rows.every((r) => r[0]!.rowIndex !== ownRow)) {
      const placed = byCells(skipped);
      if (placed) {
        set([]);
        skipped.forEach((d, k) => setRow(d, placed[k]!));
        read.warnings.push(warn('parse.s2_label_missing', `label(s) of ${skipped.map((d) => d.row).join(', ')} not found; the rows after s2.${def.row}'s empty one taken in order`));
        return;
      }
    }
    // Glued only when no single number could be written so (「000」, 「0512」); 「99」 may be one value whose
    // neighbour was lost, so it is never cut.
    const glued = g.length === 1 && cols.length > 1 && g[0]!.kind === 'number' && /^0\d/.test(g[0]!.digits ?? '') && !g[0]!.raw.includes('.');
    if (glued) {
      const cands = splitDigits([g[0]!.digits!], cols.length, { maxDigits: 9 });
      if (cands.length === 1) {
        read.warnings.push(warn('parse.digits_split', `s2.${def.row}: glued digits ${g[0]!.raw} have one split only`, { cell: `s2.${def.row}` }));
        return set(cands[0]!.map((v) => splitToken(g, v)));
      }
      // Several splits: left to the evidence outside the table (the year before, X.2), else empty.
      if (cands.length > 1) read.glued.push({ codes: cols.map((c) => `s2.${def.row}.${c}`), candidates: cands, tokens: g });
      else read.warnings.push(warn('parse.digits_unsplittable', `s2.${def.row}: glued digits ${g[0]!.raw} fit no split`, { cell: `s2.${def.row}` }));
      return set([]);
    }
    if (g.length > cols.length && g.slice(cols.length).every((t) => t.rowIndex !== g[cols.length - 1]!.rowIndex)) {
      read.warnings.push(warn('parse.s2_trailing_values', `s2.${def.row}: ${g.length - cols.length} extra values ignored`));
      return set(g.slice(0, cols.length));
    }
    const placed = shortRow(stream, g, cols.length);
    if (placed) {
      const lost = placed.filter((t) => t === null).length;
      if (lost) read.warnings.push(warn('parse.s2_cells_missing', `s2.${def.row}: ${lost} cell(s) empty or unreadable in the grid`, { cell: `s2.${def.row}` }));
      return set(placed);
    }
    set([]);
    read.warnings.push(incomplete('parse.s2_row_incomplete', g.length, cols.length, `s2.${def.row}`));
  });
  return read;
}
