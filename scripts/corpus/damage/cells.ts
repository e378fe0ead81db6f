/** Damage to value cells: subtotal column, merged-away values, glued digits, dashes, blanks, units, full-width digits. */
import { S3_COLUMNS } from '../../../src/model/codebook.ts';
import { anySplit, countSplits, s3RowOk, s4RowOk } from '../glue.ts';
import { subtotalCode } from '../rules.ts';
import type { TCell, TRow } from '../types.ts';
import { blanksVisible, isTxt, tables, valueCells, type Damage, type DamageContext } from './context.ts';

const ORGS = S3_COLUMNS.slice(1, 6);

/** An extra 法人或其他组织 小计 column in section 三, after 自然人 or after 其他 (both seen). */
export const subtotalColumn: Damage = {
  kind: 'subtotal_column',
  fits: () => true,
  apply(ctx) {
    const t = tables(ctx, '三')[0];
    if (!t) return false;
    const after = ctx.rng.chance(0.5);
    t.rows[0]!.cells.find((c) => c.text === '申请人情况')!.colSpan = 8;
    t.rows[1]!.cells.find((c) => c.text === '法人或其他组织')!.colSpan = 6;
    t.rows[2]!.cells.splice(after ? 5 : 0, 0, { text: '小计', role: 'header' });
    for (const row of t.rows.filter((r) => r.role === 'data' && r.rowCode)) {
      const sum = ORGS.reduce((s, c) => s + (ctx.values[`s3.${row.rowCode}.${c}`] ?? 0), 0);
      const anchor = row.cells.findIndex((c) => c.code === `s3.${row.rowCode}.${after ? 'other_org' : 'natural_person'}`);
      // a pseudo code: later damage (dashes, merged cells) treats it like any value; the solver uses its equation
      ctx.values[subtotalCode(row.rowCode!)] = sum;
      row.cells.splice(anchor + 1, 0, { text: String(sum), role: 'value', code: subtotalCode(row.rowCode!) });
    }
    return true;
  },
};

/** Rows that keep only their total (seed 001): the six lost values are hidden; zero totals force them. */
export const mergedValues: Damage = {
  kind: 'merged_values',
  fits: blanksVisible,
  apply(ctx) {
    const t = tables(ctx, '三')[0];
    if (!t) return false;
    const rows = t.rows.filter((r) => r.role === 'data' && r.rowCode?.startsWith('result.') && r.rowCode !== 'result.total');
    const zero = rows.filter((r) => ctx.values[`s3.${r.rowCode}.total`] === 0);
    const start = ctx.rng.int(0, Math.max(0, zero.length - 1));
    const chosen = zero.slice(start, start + ctx.rng.int(1, 6));
    if (ctx.rng.chance(0.3)) {
      const busy = rows.filter((r) => (ctx.values[`s3.${r.rowCode}.total`] ?? 0) > 0);
      if (busy.length > 0) chosen.push(ctx.rng.pick(busy));
    }
    for (const row of chosen) {
      const lost = row.cells.filter((c) => c.role === 'value' && !c.code!.endsWith('.total'));
      for (const c of lost) if (c.code) ctx.hidden.add(c.code);
      const at = row.cells.indexOf(lost[0]!);
      row.cells.splice(at, lost.length, { text: '', role: 'filler', colSpan: lost.length });
    }
    return chosen.length > 0;
  },
};

/** Digits of whole rows concatenated (平潭). s3/s4 rows only when the sum rules leave one cut; s2 rows may stay ambiguous. */
export const gluedDigits: Damage = {
  kind: 'glued_digits',
  fits: isTxt,
  apply(ctx) {
    let done = 0;
    const digitsOf = (row: TRow): string => row.cells.filter((c) => c.role === 'value').map((c) => c.text).join('');
    const s4 = tables(ctx, '四')[0]?.rows.find((r) => r.role === 'data');
    if (s4 && ctx.rng.chance(0.6) && countSplits(digitsOf(s4), 15, s4RowOk) === 1) { s4.glued = true; done++; }
    const s3 = (tables(ctx, '三')[0]?.rows ?? []).filter((r) => r.role === 'data' && r.rowCode);
    for (const row of ctx.rng.sample(s3, ctx.rng.int(1, 4))) {
      if (countSplits(digitsOf(row), 7, s3RowOk) === 1) { row.glued = true; done++; }
    }
    const s2 = (tables(ctx, '二')[0]?.rows ?? []).filter((r) => r.role === 'data' && r.cells.filter((c) => c.role === 'value').length === 3);
    if (s2.length > 0 && ctx.rng.chance(0.5)) {
      const row = ctx.rng.pick(s2);
      const cells = row.cells.filter((c) => c.role === 'value');
      if (/^\d+$/.test(digitsOf(row))) {
        row.glued = true;
        done++;
        if (countSplits(digitsOf(row), cells.length, anySplit) > 1) for (const c of cells) ctx.unrecoverable.add(c.code!);
      }
    }
    return done > 0;
  },
};

const DASHES = ['-', '—', '无', '/', '／', '－', '——'];

/** Zeros written as dashes / 无 / 「/」: the parser must not read them as 0 unless the rules force 0. */
export const dashZeros: Damage = {
  kind: 'dash_zeros',
  fits: () => true,
  apply(ctx) {
    const dash = ctx.rng.pick(DASHES);
    const zeros = tables(ctx).flatMap(valueCells).filter((c) => ctx.values[c.code!] === 0);
    const pick = ctx.rng.chance(0.3) ? zeros : ctx.rng.sample(zeros, ctx.rng.int(1, 8));
    for (const c of pick) { c.text = dash; ctx.hidden.add(c.code!); }
    return pick.length > 0;
  },
};

/** Zeros left empty between numbers in a row of numbers (they mean 0). */
export const blankZeros: Damage = {
  kind: 'blank_zeros',
  fits: blanksVisible,
  apply(ctx) {
    if (!isTxt(ctx) && ctx.rng.chance(0.35)) return everyZeroBlank(ctx);
    let n = 0;
    const rows = [...tables(ctx, '三'), ...tables(ctx, '四')].flatMap((t) => t.rows.filter((r) => r.role === 'data'));
    for (const row of ctx.rng.sample(rows, ctx.rng.int(2, rows.length))) {
      const cells = row.cells.filter((c) => c.role === 'value');
      cells.forEach((c, i) => {
        if (i > 0 && i < cells.length - 1 && c.code && ctx.values[c.code] === 0 && /\d/.test(cells[0]!.text) && /\d/.test(cells.at(-1)!.text)) { c.text = ''; n++; }
      });
    }
    return n > 0;
  },
};

/**
 * Shanghai 2019 style, in a grid (HTML and what is rendered from it): every 0 of sections 三 and 四 left
 * empty, at a row's edges too; a row of zeros is then all empty (its values hidden: only the rules can
 * restore them); sometimes the 总计 of the result sub-rows is left empty as well (hidden, restored by R3.3).
 */
function everyZeroBlank(ctx: DamageContext): boolean {
  let n = 0;
  // Hiding cells (rows of zeros, totals) is left out when the source breaks a rule: it could hide the break.
  const totals = ctx.rng.chance(0.5) && !ctx.ruleBroken;
  for (const row of [...tables(ctx, '三'), ...tables(ctx, '四')].flatMap((t) => t.rows.filter((r) => r.role === 'data'))) {
    const cells = row.cells.filter((c) => c.role === 'value' && c.code);
    if (cells.length === 0 || cells.some((c) => !/^[0-9０-９]+$/.test(c.text))) continue; // dashes, notes, merged
    const zero = (c: TCell) => ctx.values[c.code!] === 0;
    const allZero = cells.every(zero);
    if (allZero && ctx.ruleBroken) continue;
    for (const c of cells) {
      if (zero(c)) { c.text = ''; n++; if (allZero) ctx.hidden.add(c.code!); }
    }
    const total = cells.at(-1)!;
    if (totals && !allZero && row.rowCode?.startsWith('result.') && row.rowCode !== 'result.total' && total.code!.endsWith('.total') && total.text !== '') {
      total.text = '';
      ctx.hidden.add(total.code!);
    }
  }
  return n > 0;
}

/** Units or notes inside cells: 251000元, 12件, 12（其中修订3件）, 7730.28万元. */
export const unitsNotes: Damage = {
  kind: 'units_notes',
  fits: () => true,
  apply(ctx) {
    const cells = tables(ctx, '二').flatMap(valueCells).filter((c) => /^\d+(\.\d+)?$/.test(c.text));
    const edit = (c: TCell): void => {
      const v = ctx.values[c.code!] ?? 0;
      if (c.code === 's2.procurement.amount') c.text += '元';
      else if (c.code === 's2.fees.amount') c.text += '万元';
      else if (v > 2 && ctx.rng.chance(0.5)) c.text += `（其中${ctx.rng.pick(['修订', '新增', '网上办理'])}${ctx.rng.int(1, Math.min(v - 1, 9))}件）`;
      else c.text += ctx.rng.pick(['件', '个', '项']);
    };
    const picked = ctx.rng.sample(cells, ctx.rng.int(1, 3));
    picked.forEach(edit);
    return picked.length > 0;
  },
};

const toFullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/\./g, '．');

/** Full-width digits in value cells (and sometimes in the title). */
export const fullwidthDigits: Damage = {
  kind: 'fullwidth_digits',
  fits: () => true,
  apply(ctx) {
    const cells = tables(ctx).flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => c.role === 'value')));
    for (const c of cells) c.text = toFullWidth(c.text);
    const title = ctx.doc.blocks.find((b) => b.kind === 'title');
    if (title && title.kind === 'title' && ctx.rng.chance(0.3)) title.lines = title.lines.map(toFullWidth);
    return cells.some((c) => /[０-９]/.test(c.text));
  },
};

export const CELL_DAMAGES: Damage[] = [subtotalColumn, mergedValues, gluedDigits, dashZeros, blankZeros, unitsNotes, fullwidthDigits];
