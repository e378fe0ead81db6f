/**
 * Rows → one stream: the label text of the document (every non-value character, whitespace removed) and the
 * value tokens (numbers, dashes, blanks) placed in it. A token's `pos` is the length of the label stream
 * before it, so a value belongs to the last label anchor that starts before it, whatever the line breaks,
 * cell splits or wrapping of the source.
 */
import type { Provenance } from '../model/result.ts';
import type { Row, RowCell } from './rows.ts';

export type TokenKind = 'number' | 'dash' | 'blank';

export interface ValueToken {
  kind: TokenKind;
  value: number | null;
  /** The text the value was read from ('' for blanks). */
  raw: string;
  /** Digits only (for glued-digit splitting), numbers only. */
  digits?: string;
  unit?: string;
  pos: number;
  rowIndex: number;
  gridCol?: number;
  reliableGrid: boolean;
  confidence?: number;
  prov: Provenance;
}

export interface Stream {
  /** All label text, compact (no whitespace). */
  labels: string;
  /** Label-stream position where each row starts. */
  rowPos: number[];
  tokens: ValueToken[];
  rows: Row[];
}

const DASH = /^(-|—|–|―|─|－|--|——|\/|无|空|n\/?a|—\/—|\\|×)$/i;
const HAN_PAREN = /\([^()]*\p{Script=Han}[^()]*\)/gu;
/** A number, or a dash word standing alone between spaces (space-separated rows: 「15 － － 15」). */
const SCAN = /([-+]?\d[\d,]*(?:\.\d+)?)|(?<=^|\s)(-{1,2}|—{1,2}|–|―|\/|无|空)(?=\s|$)/g;
const MAYBE_DASH = /[-—–―\/无空]/;
const DASH_WORD = /(?:^|\s)(-{1,2}|—{1,2}|–|―|\/|无|空)(?:\s|$)/;
const NOISE_AFTER = /^(\s*(年|月|日|时|页|号|周岁|%|‰|位小数)|[-/]\d|\.\d*\s*%)/;
/** Generic column names converters write for a table's header (数据1 … 数据7, 列3, 栏2, 字段1). */
const GENERIC_HEADER = /(?:^|\s)(数据|列|栏|字段|数值)$/;
const UNIT_AFTER = /^\s*(万元|元|件|项|个|次|宗|条|人次|人)/;

function parseNumber(raw: string): { value: number; digits: string } | null {
  let s = raw.replace(/^\+/, '');
  if (s.includes(',')) {
    if (!/^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  const value = Number(s);
  if (!Number.isFinite(value)) return null;
  return { value, digits: s.replace(/^-/, '') };
}

/**
 * A value token at the current end of the label stream. A module-level function, not a closure or an
 * object spread: this runs for every number of every report (both are slow once transpiled).
 */
function makeToken(stream: Stream, row: Row, cell: RowCell, rowIndex: number, kind: TokenKind, value: number | null, raw: string, digits?: string, unit?: string): ValueToken {
  return {
    kind, value, raw, digits, unit, pos: stream.labels.length, rowIndex,
    gridCol: row.reliableGrid ? cell.gridCol : undefined, reliableGrid: row.reliableGrid, confidence: cell.confidence, prov: cell.prov,
  };
}

const NUMBER_CELL = /^\s*[-+]?\d[\d,.]*\s*$/;
/** Digit groups apart by spaces, the later ones of two or more digits, a fraction maybe, and a unit. */
const SPACED_WITH_UNIT = /^(\d+(?:\s+\d{2,})+(?:\.\d+)?)\s*(元|万元)$/u;

/** Index of the row's last cell holding just a number (-1 if none). */
function lastNumberCellOf(row: Row): number {
  for (let i = row.cells.length - 1; i >= 0; i--) if (NUMBER_CELL.test(row.cells[i]!.text)) return i;
  return -1;
}

export function buildStream(rows: Row[]): Stream {
  const stream: Stream = { labels: '', rowPos: [], tokens: [], rows };
  const addLabel = (text: string, _rowIndex: number) => {
    const t = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
    stream.labels += t;
  };

  // Empty rows (a line of only tabs) waiting to learn whether they sit between two rows of values.
  let pendingEmpty: number[] = [];
  let prevValueOnly = false;
  rows.forEach((row, rowIndex) => {
    stream.rowPos.push(stream.labels.length);
    const labelStart = stream.labels.length;
    if (row.cells.every((c) => c.text.trim() === '')) {
      if (prevValueOnly) pendingEmpty.push(rowIndex);
      return;
    }
    const cellTokens: ValueToken[][] = [];
    const lastNumberCell = row.reliableGrid ? lastNumberCellOf(row) : -1;
    const cellStart: number[] = [];
    row.cells.forEach((cell, ci) => {
      cellStart[ci] = stream.labels.length;
      const out: ValueToken[] = [];
      cellTokens[ci] = out;
      const trimmed = cell.text.trim();
      if (trimmed === '') return;
      // (OCR: a dash cell read as two marks, 「- —」, is one dash.)
      if (DASH.test(trimmed) || (row.ocr && row.reliableGrid && /^[-—–―─－](\s*[-—–―─－])+$/.test(trimmed))) {
        out.push(makeToken(stream, row, cell, rowIndex, 'dash', null, trimmed));
        return;
      }
      if (!/\d/.test(trimmed) && !(MAYBE_DASH.test(trimmed) && DASH_WORD.test(trimmed))) {
        addLabel(trimmed, rowIndex); // label text only: the common case, no number scanning
        return;
      }
      // OCR puts a space on either side of a decimal point (「109955114. 38 元」): one number.
      const cellText = row.ocr && /\d\s*\.\s*\d/.test(cell.text) ? cell.text.replace(/(\d)\s*\.\s*(\d)/g, '$1.$2') : cell.text;
      const text = !cellText.includes('(') ? cellText : cellText.replace(HAN_PAREN, (m) => m.replace(/\d/g, (d) => `\u0000${d}`));
      let last = 0;
      for (const m of text.matchAll(SCAN)) {
        const start = m.index!;
        const before = text.slice(last, start);
        if (m[2] !== undefined) {
          addLabel(before.replace(/\u0000/g, ''), rowIndex);
          last = start + m[0].length;
          out.push(makeToken(stream, row, cell, rowIndex, 'dash', null, m[2]));
          continue;
        }
        let raw = m[0];
        const after = text.slice(start + raw.length);
        const prev = text.slice(0, start);
        if (/\u0000$/.test(prev) || /第\s*$/.test(prev) || NOISE_AFTER.test(after) || (/^\.\d/.test(after)) || GENERIC_HEADER.test(prev)) {
          continue; // inside a parenthetical note, 第N…, a date, a percentage, a converter's column name (数据3)
        }
        // OCR: a note whose opening parenthesis was lost (「640 中修订 8 件)」): a number closed by 」) after words.
        if (row.ocr && /^\s*[件项个条次]?\s*[)）]/.test(after) && !/[(（]/.test(prev) && /\p{Script=Han}/u.test(prev)) continue;
        let enumerator = '';
        // 「2 重复申请」: a grid label cell (left of the row's values) opening with a small number, its dot lost
        // (「1信访举报投诉类申请」: OCR lost the dot and the space too; three characters of words then.)
        const bareNumbering = row.reliableGrid && ci < lastNumberCell && prev.trim() === '' && /^\d{1,2}$/.test(raw) && /^(\s+[\u3400-\u9fff]{2}|[\u3400-\u9fff]{3})/.test(after);
        // (OCR reads the dot as a colon now and then: 「2:没有现成信息」.)
        const dotted = row.ocr ? /^\s*[.:：][\s.,，、:：]*(?=[\u3400-\u9fff(])/ : /^\s*[.][\s.,，、:：]*(?=[\u3400-\u9fff(])/;
        if (bareNumbering || (dotted.test(after) && /^[-+]?\d+$/.test(raw))) {
          enumerator = bareNumbering ? raw : raw.slice(-1); // 1.属于…, 2.,没有… (OCR) (also glued: 00000001.属于 → 0000000 + enumerator 1)
          raw = raw.slice(0, raw.length - enumerator.length);
        }
        if (/[-+]$/.test(raw)) raw = '';
        addLabel(before.replace(/\u0000/g, ''), rowIndex);
        last = start + m[0].length - enumerator.length;
        if (raw === '' || raw === '-' || raw === '+') continue;
        const num = parseNumber(raw);
        if (!num) {
          addLabel(raw, rowIndex);
          continue;
        }
        const unit = enumerator ? undefined : UNIT_AFTER.exec(after)?.[1];
        out.push(makeToken(stream, row, cell, rowIndex, 'number', num.value, raw + (unit ?? ''), num.digits, unit));
      }
      addLabel(text.slice(last).replace(/\u0000/g, ''), rowIndex);
      // OCR: one grid cell read as several numbers (「1 1」: 11, or 1 beside a border mark) is a cell that could
      // not be read, not two values (the rules may still force it).
      // A number in spaced groups with its unit (「298 565元」, full-width digits) is one number, when no group but
      // the first is short and the first does not start with 0 (「0 4」 is two numbers).
      if (row.ocr && row.reliableGrid && out.length > 1 && out.every((t) => t.kind === 'number')) {
        const spaced = SPACED_WITH_UNIT.exec(cellText.trim());
        if (spaced && !spaced[1]!.startsWith('0')) {
          const joined = spaced[1]!.replace(/\s+/g, '');
          const num = parseNumber(joined);
          if (num) out.splice(0, out.length, { ...out[0]!, value: num.value, raw: joined + spaced[2], digits: num.digits, unit: spaced[2] });
        } else if (!/\p{Script=Han}/u.test(trimmed)) {
          out.splice(0, out.length, { ...out[0]!, kind: 'dash', value: null, raw: trimmed, digits: undefined, unit: undefined });
        }
      }
    });
    // Blanks: empty cells between two value cells of the same row mean zero; in OCR'd grids a short
    // non-number there is an unreadable value, not a label.
    const valued = row.cells.map((_, ci) => (cellTokens[ci]?.length ?? 0) > 0);
    const first = valued.indexOf(true);
    const lastV = valued.lastIndexOf(true);
    const tokens: ValueToken[] = [];
    row.cells.forEach((cell, ci) => {
      tokens.push(...(cellTokens[ci] ?? []));
      const text = cell.text.trim();
      // OCR: the row's last cell (its 总计) read as a mark or two after the numbers is unreadable too.
      const lastMark = row.reliableGrid && row.ocr && first >= 0 && ci === row.cells.length - 1 && ci > lastV && text !== '' && !/\p{Script=Han}/u.test(text);
      if (ci <= first || (ci >= lastV && !lastMark) || (cellTokens[ci]?.length ?? 0) > 0) return;
      // (After any label between: 「1 | 3.危及… | _ | 1」 puts the blank with the row the label names.)
      const pos = Math.max(tokens.length ? tokens[tokens.length - 1]!.pos : stream.labels.length, cellStart[ci] ?? 0);
      if (text === '') {
        tokens.push({ kind: 'blank', value: null, raw: '', pos, rowIndex, gridCol: row.reliableGrid ? cell.gridCol : undefined, reliableGrid: row.reliableGrid, prov: cell.prov });
      } else if (row.reliableGrid && row.ocr && [...text].length <= 2) {
        // OCR: a character or two read where a number stands (十 for 4): a cell that could not be read
        tokens.push({ ...makeToken(stream, row, cell, rowIndex, 'dash', null, text), pos });
      }
    });
    const valueOnly = tokens.length > 0 && stream.labels.length === labelStart;
    if (valueOnly && prevValueOnly) {
      // One cell per line: an empty cell between two values is a blank meaning zero.
      for (const r of pendingEmpty) {
        const cell = stream.rows[r]!.cells[0]!;
        stream.tokens.push({ kind: 'blank', value: null, raw: '', pos: labelStart, rowIndex: r, reliableGrid: false, prov: cell.prov });
      }
    }
    pendingEmpty = [];
    prevValueOnly = valueOnly;
    stream.tokens.push(...tokens);
    addLabel('\n', rowIndex); // rows never glue label text together (whitespace is dropped anyway)
  });
  return stream;
}
