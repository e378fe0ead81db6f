/** Damage to labels: typos, numbering variants, stray spaces, labels split over two lines, vertical labels. */
import type { TCell } from '../types.ts';
import { tables, type Damage, type DamageContext } from './context.ts';

/** TEMPLATES.md §8.1 variants seen in real reports, plus a few plausible new ones. */
const TYPOS: [RegExp, string[]][] = [
  [/^社会公益组织$/, ['社会组织']],
  [/本机关不掌握相关政府信息/, ['本机不掌握相关政府信息']],
  [/其他法律行政法规禁止公开/, ['其他法律行政止公开', '其他法律法规禁止公开']],
  [/^本年废止件数$/, ['本年度止件数']],
  [/属于三类内部事务信息/, ['属于三类内部事物信息']],
  [/无正当理由大量反复申请/, ['无正当理由大量重复申请']],
  [/没有现成信息需要另行制作/, ['没有现成信息需另行制作']],
  [/^法律服务机构$/, ['法律服务组织']],
  [/^其他$/, ['其他组织']],
  [/^总计$/, ['合计']],
  [/危及“三安全一稳定”/, ['危及"三安全一稳定"', '危及三安全一稳定']],
  [/要求行政机关确认或重新出具已获取信息/, ['要求行政机关确认或者重新出具已获取信息']],
];

function labelCells(ctx: DamageContext): TCell[] {
  return tables(ctx).flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => c.role !== 'value' && c.role !== 'filler' && c.text.trim() !== '')));
}

export const labelTypos: Damage = {
  kind: 'label_typos',
  fits: () => true,
  apply(ctx) {
    let n = 0;
    const cells = labelCells(ctx);
    for (const [re, subs] of ctx.rng.sample(TYPOS, ctx.rng.int(1, 5))) {
      // 其他 / 总计 typos apply only to the s3 column headers, never to the 「3.其他」 row or 四's 总计
      const pool = re.source === '^其他$' || re.source === '^总计$'
        ? (tables(ctx, '三')[0]?.rows.filter((r) => r.role === 'header').flatMap((r) => r.cells) ?? [])
        : cells;
      for (const c of pool.filter((x) => re.test(x.text))) { c.text = c.text.replace(re, ctx.rng.pick(subs)); n++; }
    }
    return n > 0;
  },
};

const ARABIC = ['1、', '1．', '1.'];
const CHINESE = ['(一)', '( 一 )', '(一) ', '（一）'];

/** Enumerator variants: 1. / 1、 / 1． and （一） / (一) / ( 一 ). */
export const numbering: Damage = {
  kind: 'numbering',
  fits: () => true,
  apply(ctx) {
    const arabic = ctx.rng.pick(ARABIC.slice(0, 2));
    const chinese = ctx.rng.pick(CHINESE.slice(0, 3));
    const mixed = ctx.rng.chance(0.3);
    let n = 0;
    for (const c of labelCells(ctx)) {
      const before = c.text;
      c.text = c.text
        .replace(/^(\d)\./, (_, d: string) => (mixed ? ctx.rng.pick(ARABIC) : arabic).replace('1', d))
        .replace(/^（([一二三四五六七])）/, (_, d: string) => (mixed ? ctx.rng.pick(CHINESE) : chinese).replace('一', d));
      if (c.text !== before) n++;
    }
    return n > 0;
  },
};

function insertSpaces(ctx: DamageContext, text: string): string {
  const chars = [...text];
  const k = ctx.rng.int(1, Math.min(3, chars.length - 2));
  for (const at of ctx.rng.sample(chars.map((_, i) => i).slice(1, -1), k).sort((a, b) => b - a)) chars.splice(at, 0, ' ');
  return chars.join('');
}

/** Stray spaces inside labels: 「自然 人」, 「三、本 年度 办理 结果」, 「（三） 不予公 开」. */
export const labelSpaces: Damage = {
  kind: 'label_spaces',
  fits: () => true,
  apply(ctx) {
    const cells = labelCells(ctx).filter((c) => [...c.text].length >= 3);
    const picked = ctx.rng.sample(cells, ctx.rng.int(3, Math.max(3, Math.ceil(cells.length / 2))));
    for (const c of picked) c.text = insertSpaces(ctx, c.text);
    return picked.length > 0;
  },
};

/** Long labels broken over two lines (pdftotext: 「只计这一情」 / 「形，不计其他情形）」). */
export const labelSplit: Damage = {
  kind: 'label_split',
  fits: () => true,
  apply(ctx) {
    const cells = labelCells(ctx).filter((c) => c.role === 'label' && [...c.text].length >= 9 && !c.text.includes('\n'));
    const picked = ctx.rng.sample(cells, ctx.rng.int(1, 4));
    for (const c of picked) {
      const chars = [...c.text];
      const at = ctx.rng.int(4, chars.length - 3);
      c.text = `${chars.slice(0, at).join('')}\n${chars.slice(at).join('')}`;
    }
    return picked.length > 0;
  },
};

/** Group labels one character per line (三、本年度办理结果 / （三）不予公开 …); sometimes 四's header too. */
export const verticalLabels: Damage = {
  kind: 'vertical_labels',
  fits: () => true,
  apply(ctx) {
    const groups = tables(ctx, '三').flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => c.role === 'group')));
    const picked = ctx.rng.chance(0.5) ? groups : ctx.rng.sample(groups, ctx.rng.int(1, groups.length));
    for (const c of picked) c.vertical = true;
    const s4 = tables(ctx, '四')[0];
    if (s4 && ctx.rng.chance(0.4)) for (const c of s4.rows[2]!.cells) c.vertical = true;
    return picked.length > 0;
  },
};

export const LABEL_DAMAGES: Damage[] = [labelTypos, numbering, labelSpaces, labelSplit, verticalLabels];
