/**
 * One table row → its label and value tokens, for a grid row (cells) or a text line (pdftotext, a text dump:
 * cells separated by spaces or tabs). A text line may hold several label–value pairs, and a value glued to
 * the next item's number (「35 3.对申请的答复数」 printed 「353.对申请的答复数」) is cut back where the numbering
 * says so (the next item after 2. is 3.).
 */
import type { Provenance } from '../../model/result.ts';
import type { Row } from '../rows.ts';
import { TABLE_UNIT } from './table-labels.ts';

export type TokKind = 'number' | 'dash' | 'zero_word';

export interface Tok {
  kind: TokKind;
  value: number | null;
  raw: string;
  /** The digits of a number with no separator inside (for glued runs). */
  digits?: string;
  gridCol?: number;
  prov: Provenance;
  /** Set when the digits were cut from the next item's numbering. */
  numbering?: 'split' | 'glued';
}

export interface Group {
  /** The label as printed (whitespace removed). */
  label: string;
  unit: string;
  values: Tok[];
}

const NUMBER = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-+]?\d+(\.\d+)?$/;
const DASH = /^(-|—|–|―|－|--|——|\/|／|\\)$/;
const ZERO_WORD = /^(无|零)$/;

export function isNumberText(s: string): boolean {
  return NUMBER.test(s.trim());
}

/** A grid row: label cells (text), value cells (numbers, dashes, 无), a unit cell. */
export function gridGroups(row: Row): Group[] {
  let label = '';
  let unit = '';
  const values: Tok[] = [];
  for (const c of row.cells) {
    const t = c.text.replace(/\s+/g, '');
    if (t === '') continue;
    const tok = valueTok(t, c.prov, c.gridCol);
    if (tok) values.push(tok);
    else if (TABLE_UNIT.test(t)) unit = t;
    else if (values.length === 0) label += t;
    else label += t; // a note after the values stays with the label
  }
  return label || values.length ? [{ label, unit, values }] : [];
}

function valueTok(t: string, prov: Provenance, gridCol?: number): Tok | null {
  const s = t.replace(/(条|件|次|篇|份|项|个|人次|人|名|场|期|元|万元)$/, '');
  if (NUMBER.test(s)) {
    const value = Number(s.replace(/,/g, ''));
    return { kind: 'number', value, raw: t, digits: /^\d+$/.test(s) ? s : undefined, gridCol, prov };
  }
  if (DASH.test(t)) return { kind: 'dash', value: null, raw: t, gridCol, prov };
  if (ZERO_WORD.test(t)) return { kind: 'zero_word', value: 0, raw: t, gridCol, prov };
  return null;
}

/** State carried from line to line of a text table: the last item number seen (「2.」). */
export interface LineState {
  lastMarker: number | null;
}

const PIECE = /(\d[\d,]*(?:\.\d+)?)([.、．](?=[\u4e00-\u9fff（(]))?|(\S+?)(?=\d|\s|$)|\s+/g;

/**
 * A text line → label–value groups. Numbers inside a label's parentheses (「计1条」) were removed by the
 * caller. `state.lastMarker` follows the item numbering so a glued 「353.」 after item 2. reads 35 then 3.
 */
export function lineGroups(text: string, base: Provenance, state: LineState): Group[] {
  const groups: Group[] = [];
  let cur: Group = { label: '', unit: '', values: [] };
  const push = () => {
    if (cur.label || cur.values.length || cur.unit) groups.push(cur);
    cur = { label: '', unit: '', values: [] };
  };
  for (const m of text.matchAll(PIECE)) {
    const at = (base.offset ?? 0) + m.index!;
    const prov: Provenance = { ...base, offset: at, length: m[0].length };
    if (m[1] !== undefined) {
      const digits = m[1];
      const marker = m[2] !== undefined;
      if (marker) {
        const pending = cur.label !== '' && cur.values.length === 0;
        const next = state.lastMarker !== null ? String(state.lastMarker + 1) : null;
        if (!pending || (next !== null && digits === next) || digits.length <= 2 && cur.label === '') {
          push();
          state.lastMarker = Number(digits);
          continue;
        }
        // A value glued to the next item's number.
        if (next !== null && digits.endsWith(next) && digits.length > next.length && /^\d+$/.test(digits)) {
          const v = digits.slice(0, -next.length);
          if (v === '0' || !v.startsWith('0')) {
            cur.values.push({ kind: 'number', value: Number(v), raw: `${digits}${m[2]}`, digits: v, prov, numbering: 'split' });
            push();
            state.lastMarker = Number(next);
            continue;
          }
        }
        cur.values.push({ kind: 'number', value: null, raw: `${digits}${m[2]}`, prov, numbering: 'glued' });
        push();
        state.lastMarker = null;
        continue;
      }
      const tok = valueTok(digits, prov);
      if (tok) cur.values.push(tok);
      continue;
    }
    const word = m[3];
    if (word === undefined) continue;
    if (DASH.test(word) || ZERO_WORD.test(word)) {
      if (cur.label !== '') cur.values.push(valueTok(word, prov)!);
      continue;
    }
    if (TABLE_UNIT.test(word)) {
      cur.unit = word;
      continue;
    }
    if (/^(条|件|次|篇|份|项|个|人次|人|名|场|期|元|万元)$/.test(word)) continue;
    if (cur.values.length > 0) push();
    // An item numbered （二） or 四、 starts a block whose sub-items count 1., 2. … again.
    if (cur.label === '' && /^([(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])/.test(word)) state.lastMarker = 0;
    cur.label += word;
  }
  push();
  return groups;
}
