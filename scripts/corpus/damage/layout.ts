/** Damage to layout: wrapped values, shifted rows, page breaks, a missing table, one cell per line, headings. */
import { codesFor } from '../../../src/model/codebook.ts';
import { HEADINGS } from '../build-doc.ts';
import { preamble } from '../prose.ts';
import { splitTable, truncateTable, wrapRow } from '../table-ops.ts';
import type { Block, HeadingStyle } from '../types.ts';
import { blanksVisible, isTxt, tables, type Damage } from './context.ts';

/** Section 三 cut off after some row (seed 002): the rows below are lost; the rules may still force them. */
export const truncatedTable: Damage = {
  kind: 'truncated_table',
  fits: () => true,
  apply(ctx) {
    const t = tables(ctx, '三')[0];
    if (!t) return false;
    const data = t.rows.map((r, i) => [r, i] as const).filter(([r]) => r.role === 'data').map(([, i]) => i);
    // a hybrid table cut above its single （六） row would be indistinguishable from t2021: keep that row
    const other = t.rows.findIndex((r) => r.rowCode === 'result.other.total');
    const cut = ctx.rng.pick(data.slice(4).filter((i) => ctx.spec.template !== 'hybrid' || i > other));
    for (const row of t.rows.slice(cut)) for (const c of row.cells) if (c.code) ctx.hidden.add(c.code);
    truncateTable(t, cut);
    const last = t.rows[cut - 1]!.cells.find((c) => c.role === 'label');
    if (last && ctx.rng.chance(0.5)) last.text = [...last.text].slice(0, -1).join('');
    return true;
  },
};

/** A row's numbers on the line below its label (seed 000). */
export const valuesWrapped: Damage = {
  kind: 'values_wrapped',
  fits: () => true,
  apply(ctx) {
    const t = tables(ctx, '三')[0];
    if (!t) return false;
    const rows = t.rows.map((r, i) => [r, i] as const).filter(([r]) => r.role === 'data' && r.rowCode);
    const picked = ctx.rng.sample(rows, ctx.rng.int(1, 3)).sort((a, b) => b[1] - a[1]);
    for (const [, i] of picked) wrapRow(t, i);
    return picked.length > 0;
  },
};

/** A row printed one column left or right of the header (seed 004: 「3.其他」 and 「(七) 总计」). */
export const rowShift: Damage = {
  kind: 'row_shift',
  fits: (ctx) => blanksVisible(ctx) && (!isTxt(ctx) || ctx.doc.text.spans === 'expand'),
  apply(ctx) {
    const rows = (tables(ctx, '三')[0]?.rows ?? []).filter((r) => r.role === 'data' && r.rowCode);
    const picked = ctx.rng.sample(rows, ctx.rng.int(1, 2));
    for (const r of picked) r.shift = ctx.rng.chance(0.7) ? -1 : 1;
    return picked.length > 0;
  },
};

const PAGE_LINES = (n: number, of: number): string[] => [`- ${n} -`, `第${n}页 共${of}页`, `— ${n} —`, `${n}`];

/** A table cut by a page break: a page-number line and (usually) the header rows repeated. */
export const pageSplit: Damage = {
  kind: 'page_split',
  fits: () => true,
  apply(ctx) {
    const section = ctx.rng.chance(0.75) ? '三' : '二';
    const index = ctx.doc.blocks.findIndex((b) => b.kind === 'table' && b.table.section === section);
    if (index < 0) return false;
    const table = (ctx.doc.blocks[index] as Extract<Block, { kind: 'table' }>).table;
    const data = table.rows.map((r, i) => [r, i] as const).filter(([r]) => r.role !== 'header').map(([, i]) => i);
    if (data.length < 3) return false;
    const k = ctx.rng.pick(data.slice(1, -1));
    const [a, b] = splitTable(table, k, section === '三' && ctx.rng.chance(0.7), ctx.rng.chance(0.3));
    const page = ctx.rng.int(2, 6);
    const line = ctx.rng.pick(PAGE_LINES(page, page + ctx.rng.int(1, 5)));
    ctx.doc.blocks.splice(index, 1, { kind: 'table', table: a }, { kind: 'para', text: line, role: 'page' }, { kind: 'table', table: b });
    return true;
  },
};

/** Section 四's table is absent (a sentence instead, or nothing): its cells are expected null. */
export const missingTable: Damage = {
  kind: 'missing_table',
  fits: () => true,
  apply(ctx) {
    const index = ctx.doc.blocks.findIndex((b) => b.kind === 'table' && b.table.section === '四');
    if (index < 0) return false;
    const note: Block[] = ctx.rng.chance(0.6) ? [{ kind: 'para', text: `${ctx.spec.year}年度，${ctx.spec.body.self}未发生政府信息公开行政复议、行政诉讼案件。`, role: 'body' }] : [];
    ctx.doc.blocks.splice(index, 1, ...note);
    for (const c of codesFor(ctx.spec.template).filter((c) => c.startsWith('s4.'))) ctx.absent.add(c);
    return true;
  },
};

/** Every table cell on its own line (seed 003, a DOCX text dump). */
export const cellPerLine: Damage = {
  kind: 'cell_per_line',
  fits: isTxt,
  apply(ctx) {
    ctx.doc.text.cellPerLine = true;
    return true;
  },
};

const VARIANTS: Record<string, string[]> = {
  二: ['二、行政机关主动公开政府信息情况', '二、主动公开政府信息情况'],
  三: ['三、行政机关收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况'],
  四: ['四、政府信息公开行政复议及行政诉讼情况', '四、政府信息公开行政复议和行政诉讼情况', '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况',
    '四、因政府信息公开申请行政复议、提起行政诉讼的情况'],
  五: ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在的主要问题和改进情况'],
};

/** Section headings in the wordings of TEMPLATES.md §2. */
export const headingVariants: Damage = {
  kind: 'heading_variants',
  fits: () => true,
  apply(ctx) {
    let n = 0;
    for (const b of ctx.doc.blocks) {
      if (b.kind !== 'heading' || !b.section || !VARIANTS[b.section] || !ctx.rng.chance(0.7)) continue;
      const text = ctx.rng.pick(VARIANTS[b.section]!.filter((v) => v !== HEADINGS[b.section!]));
      if (text !== b.text) { b.text = text; n++; }
    }
    return n > 0;
  },
};

/** Headings as markdown, bold, or split over two lines. */
export const headingMarkup: Damage = {
  kind: 'heading_markup',
  fits: () => true,
  apply(ctx) {
    const styles: HeadingStyle[] = ['markdown', 'bold', 'split', 'numbered_md'];
    const one = ctx.rng.chance(0.6) ? ctx.rng.pick(styles) : null;
    const heads = ctx.doc.blocks.filter((b) => b.kind === 'heading');
    for (const h of heads) if (h.kind === 'heading') h.style = one ?? ctx.rng.pick(styles);
    return heads.length > 0;
  },
};

/** A preamble that lists all six section titles (must not be taken as the headings themselves). */
export const preambleTitles: Damage = {
  kind: 'preamble_titles',
  fits: () => true,
  apply(ctx) {
    const text = preamble(ctx.rng, ctx.spec.body, ctx.spec.year, ctx.spec.template, true);
    const at = ctx.doc.blocks.findIndex((b) => b.kind === 'para' && b.role === 'preamble');
    if (at >= 0) ctx.doc.blocks[at] = { kind: 'para', text, role: 'preamble' };
    else ctx.doc.blocks.splice(1, 0, { kind: 'para', text, role: 'preamble' });
    return true;
  },
};

export const LAYOUT_DAMAGES: Damage[] = [truncatedTable, valuesWrapped, rowShift, pageSplit, missingTable, cellPerLine, headingVariants, headingMarkup, preambleTitles];
