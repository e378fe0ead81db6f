/**
 * What third-party converters (PDF-to-Markdown, OCR-to-Markdown) make of the tables: markdown pipe tables,
 * and then a table cut into one small table per row group, header rows split into fragments, generic column
 * names (数据1 … 数据7), a section printed twice (a narrative list, then the table); and whole rows of digits
 * glued together (crawler text dumps), which only every rule together can split.
 */
import { jointSplits } from '../glue.ts';
import { equationsFor } from '../rules.ts';
import { splitTable } from '../table-ops.ts';
import type { Block, TCell, TRow, TTable } from '../types.ts';
import { isTxt, tables, type Damage, type DamageContext } from './context.ts';

/** The converters' output: markdown pipe tables, every grid cell written (spans expanded). */
function markdown(ctx: DamageContext): void {
  ctx.doc.text.markdown = true;
  ctx.doc.text.spans = 'expand';
  ctx.doc.text.cellPerLine = false;
}

const fitsText = (ctx: DamageContext) => isTxt(ctx) && !ctx.doc.text.cellPerLine;

function tableIndex(ctx: DamageContext, section: '二' | '三' | '四'): number {
  return ctx.doc.blocks.findIndex((b) => b.kind === 'table' && b.table.section === section);
}

/** Row group of a section 三 row (new, carried_in, granted … carried_out): where a converter cuts. */
function groupOf(row: TRow): string {
  const code = row.rowCode ?? '';
  const parts = code.split('.');
  return parts.length === 3 && parts[1] !== 'other' ? parts[1]! : parts.length >= 2 && parts[1] === 'other' ? 'other' : code;
}

/** One small table per row group (section 三) and per 第二十条 block (section 二), the header only on the first. */
export const splitTables: Damage = {
  kind: 'split_tables',
  fits: fitsText,
  apply(ctx) {
    markdown(ctx);
    let pieces = 0;
    for (const section of ['三', '二'] as const) {
      const at = tableIndex(ctx, section);
      if (at < 0) continue;
      const table = (ctx.doc.blocks[at] as Extract<Block, { kind: 'table' }>).table;
      const cuts = section === '三'
        ? table.rows.map((r, i) => [r, i] as const).filter(([r, i]) => r.role === 'data' && i > 0 && groupOf(r) !== groupOf(table.rows[i - 1]!)).map(([, i]) => i)
        : table.rows.map((r, i) => [r, i] as const).filter(([r, i]) => r.role === 'block' && i > 0).map(([, i]) => i);
      const parts: TTable[] = [];
      let rest = table;
      for (const k of [...cuts].reverse()) {
        const [a, b] = splitTable(rest, k, ctx.rng.chance(0.2), ctx.rng.chance(0.5));
        parts.unshift(b);
        rest = a;
      }
      parts.unshift(rest);
      const blocks: Block[] = parts.flatMap((t, i) => (i === 0 ? [] : ctx.rng.chance(0.3) ? [{ kind: 'para', text: '', role: 'body' } as Block] : [])
        .concat([{ kind: 'table', table: t }]));
      ctx.doc.blocks.splice(at, 1, ...blocks);
      pieces += parts.length;
    }
    return pieces > 2;
  },
};

/** Header cells of four or more characters broken in two, the second half on a header row of its own. */
export const fragmentedHeaders: Damage = {
  kind: 'fragmented_headers',
  fits: fitsText,
  apply(ctx) {
    markdown(ctx);
    let n = 0;
    for (const t of [...tables(ctx, '三'), ...tables(ctx, '四')]) {
      const rows: TRow[] = [];
      for (const row of t.rows) {
        rows.push(row);
        if (row.role !== 'header') continue;
        const long = row.cells.filter((c) => c.role === 'header' && [...c.text].length >= 4 && (c.rowSpan ?? 1) === 1);
        if (long.length === 0) continue;
        const tail: TCell[] = row.cells.map((c) => ({ text: '', role: 'filler', ...(c.colSpan ? { colSpan: c.colSpan } : {}) }));
        for (const c of long) {
          const chars = [...c.text];
          const k = ctx.rng.int(2, chars.length - 2);
          tail[row.cells.indexOf(c)] = { ...tail[row.cells.indexOf(c)]!, text: chars.slice(k).join(''), role: 'header' };
          c.text = chars.slice(0, k).join('');
          n++;
        }
        // cells spanning several rows from above stay as they are; the new row sits inside their span
        for (const r of rows) for (const c of r.cells) if ((c.rowSpan ?? 1) > 1 && r !== row && rows.indexOf(r) + (c.rowSpan ?? 1) > rows.indexOf(row)) c.rowSpan! += 1;
        for (const c of row.cells) if ((c.rowSpan ?? 1) > 1) c.rowSpan! += 1;
        rows.push({ role: 'header', cells: tail.filter((_, i) => (row.cells[i]!.rowSpan ?? 1) === 1) });
      }
      t.rows = rows;
    }
    return n > 0;
  },
};

/** Generic column names (项目, 数据1 … 数据N) instead of the template's header rows. */
export const genericHeaders: Damage = {
  kind: 'generic_headers',
  fits: fitsText,
  apply(ctx) {
    markdown(ctx);
    let n = 0;
    const s2 = ctx.rng.chance(0.5);
    for (const t of tables(ctx, '二')) {
      if (!s2) break;
      for (const row of t.rows.filter((r) => r.role === 'header')) {
        row.cells.forEach((c, i) => { c.text = i === 0 ? '项目' : `数据${i}`; });
        n++;
      }
    }
    for (const t of [...tables(ctx, '三'), ...tables(ctx, '四')]) {
      const width = t.section === '三' ? 7 : 15;
      const head: TRow = { role: 'header', cells: [...(t.labelCols ? [{ text: '项目', colSpan: t.labelCols, role: 'header' as const }] : []),
        ...Array.from({ length: width }, (_, i) => ({ text: `数据${i + 1}`, role: 'header' as const }))] };
      const firstData = t.rows.findIndex((r) => r.role !== 'header');
      t.rows.splice(0, firstData, head);
      n++;
    }
    return n > 0;
  },
};

const S3_GROUP_WORDS: [string, string][] = [
  ['result.granted', '予以公开'], ['result.partial', '部分公开'], ['result.withheld', '不予公开'], ['result.unable', '无法提供'],
  ['result.not_processed', '不予处理'], ['result.other', '其他处理'],
];

/** Section 三 printed twice: a narrative list of its totals, then the table. */
export const duplicatedSection: Damage = {
  kind: 'duplicated_section',
  fits: fitsText,
  apply(ctx) {
    markdown(ctx);
    const at = tableIndex(ctx, '三');
    if (at < 0) return false;
    const v = (code: string) => ctx.values[code] ?? 0;
    const results = S3_GROUP_WORDS.map(([code, word]) => `${word}${code === 'result.granted' || code === 'result.partial' ? v(`s3.${code}.total`) : sumGroup(ctx, code)}件`).join('，');
    const text = [
      `（一）本年新收政府信息公开申请${v('s3.new.total')}件。`,
      `（二）上年结转政府信息公开申请${v('s3.carried_in.total')}件。`,
      `（三）本年度办理结果：${results}，总计${v('s3.result.total.total')}件。`,
      `（四）结转下年度继续办理${v('s3.carried_out.total')}件。`,
    ];
    ctx.doc.blocks.splice(at, 0, ...text.map((t): Block => ({ kind: 'para', text: t, role: 'body' })));
    return true;
  },
};

function sumGroup(ctx: DamageContext, prefix: string): number {
  const printed = ctx.values[`s3.${prefix}.total.total`];
  if (typeof printed === 'number') return printed; // the 2019 （六） row
  return Object.entries(ctx.values)
    .filter(([c]) => c.startsWith(`s3.${prefix}.`) && c.endsWith('.total') && c !== `s3.${prefix}.total.total`)
    .reduce((s, [, x]) => s + (x ?? 0), 0);
}

/** The section 一 sentence quoting the application counts, when printed (the parser may use it). */
function narrativeNumbers(ctx: DamageContext): Record<string, number> {
  for (const b of ctx.doc.blocks) {
    if (b.kind !== 'para') continue;
    const m = /共收到政府信息公开申请(\d+)件，上年结转(\d+)件，办结(\d+)件，结转下年度继续办理(\d+)件/.exec(b.text);
    if (m) return { 's3.new.total': Number(m[1]), 's3.carried_in.total': Number(m[2]), 's3.result.total.total': Number(m[3]), 's3.carried_out.total': Number(m[4]) };
  }
  return {};
}

/**
 * Every row of sections 三 and 四 printed with its digits glued together (「21710000218」). The cells no
 * combination of splits alone decides (under the row sums, the column rules, the group sums and the numbers
 * section 一 quotes) are unrecoverable; rows whose splits are too many to search are left unglued.
 */
export const gluedRows: Damage = {
  kind: 'glued_rows',
  fits: (ctx) => isTxt(ctx) && !ctx.doc.text.markdown,
  apply(ctx) {
    const rows = [...tables(ctx, '三'), ...tables(ctx, '四')].flatMap((t) => t.rows.filter((r) => r.role === 'data' && r.cells.some((c) => c.role === 'value')));
    const glue = rows.filter((r) => r.cells.filter((c) => c.role === 'value').every((c) => /^\d+$/.test(c.text)));
    if (glue.length === 0) return false;
    const eqs = equationsFor(ctx.spec.template);
    const quoted = narrativeNumbers(ctx);
    const extra = Object.entries(quoted).map(([code, x]) => ({ rule: 'narrative', about: code, plus: [code], minus: [`narr:${code}`] }));
    const known: Record<string, number | null> = { ...ctx.values, ...Object.fromEntries(Object.keys(quoted).map((c) => [`narr:${c}`, quoted[c]!])) };
    for (const c of [...ctx.hidden, ...ctx.absent]) known[c] = null; // not printed: unknown to a reader
    for (let tries = 0; tries < glue.length; tries++) {
      const groups = glue.map((r) => {
        const cells = r.cells.filter((c) => c.role === 'value');
        return { codes: cells.map((c) => c.code!), digits: cells.map((c) => c.text).join('') };
      });
      const solved = jointSplits(groups, known, [...eqs, ...extra]);
      if (solved.kind === 'too_many') {
        glue.splice(solved.worst, 1); // too many splits to search: this row stays printed with its separators
        continue;
      }
      for (const r of glue) r.glued = true;
      for (const code of solved.undecided) ctx.unrecoverable.add(code);
      return true;
    }
    return false;
  },
};

export const CONVERTER_DAMAGES: Damage[] = [splitTables, fragmentedHeaders, genericHeaders, duplicatedSection, gluedRows];
