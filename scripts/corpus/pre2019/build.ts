/**
 * One generated 2008–2018 report: title, preamble, the six sections of the 2007 条例 (or the 2017–2018
 * headings), an annex table or the 统计表, signature. The expected values are what the report states: the
 * table's figure where it prints one (a narrative that disagrees is a conflict the parser must flag), else
 * the narrative's, else null. Codes whose digits are glued count like any other (empty is missing).
 */
import { codesFor } from '../../../src/model/codebook.ts';
import { makeBody, publicationDate, levelFor } from '../bodies.ts';
import type { Rng } from '../prng.ts';
import type { AbstractDoc, Block, Expected, RuleBreak } from '../types.ts';
import { fees, lookalike, overview, problems, proactive, requests, response, reviews, type Ctx } from './narrative.ts';
import { Say } from './say.ts';
import { annexTable, statTable, type TableOut } from './tables.ts';
import { drawTruth } from './truth.ts';

export interface PreDoc {
  doc: AbstractDoc;
  expected: Omit<Expected, 'file' | 'meta'>;
  year: number;
  body: { name: string; site: string };
  date: { text: string; iso: string };
}

const CN_YEAR = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function title(rng: Rng, body: string, year: number): string[] {
  const y = rng.chance(0.1) ? [...String(year)].map((d) => CN_YEAR[Number(d)]).join('') : String(year);
  return [rng.weighted([
    [`${body}${y}年政府信息公开工作年度报告`, 6], [`${body}${y}年度政府信息公开工作报告`, 3],
    [`${body}关于${y}年政府信息公开工作情况的报告`, 2], [`${y}年${body}政府信息公开年度报告`, 2],
    [`${body}${y}年政府信息公开工作情况报告`, 2],
  ] as const)];
}

const HEADINGS_2008 = [
  ['一、概述', '一、基本情况', '一、总体情况'],
  ['二、主动公开政府信息情况', '二、主动公开政府信息的情况'],
  ['三、依申请公开政府信息情况', '三、依申请公开和不予公开政府信息情况'],
  ['四、政府信息公开的收费及减免情况', '四、政府信息公开收费及减免情况'],
  ['五、因政府信息公开申请行政复议、提起行政诉讼的情况', '五、因政府信息公开申请行政复议和提起行政诉讼情况'],
  ['六、政府信息公开工作存在的主要问题及改进措施', '六、存在的主要问题和改进措施'],
];

export function buildPre2019(rng: Rng): PreDoc {
  const level = levelFor(rng);
  const b = makeBody(rng, level);
  const year = rng.int(2008, 2018);
  const t = drawTruth(rng, level, year);
  const say = new Say(rng);
  const asText = rng.chance(0.5);
  const kind = year >= 2017 && rng.chance(0.6) ? 'stat' : year >= 2009 && year <= 2016 && rng.chance(0.35) ? 'annex' : 'none';
  const table: TableOut | null = kind === 'stat' ? statTable(rng, t, asText) : kind === 'annex' ? annexTable(rng, t, asText) : null;
  const c: Ctx = { say, rng, t, year, self: b.self, site: b.site, inTable: new Set(table?.printed.keys() ?? []) };
  const blocks: Block[] = [{ kind: 'title', lines: title(rng, b.name, year) }];
  if (rng.chance(0.7)) {
    blocks.push({ kind: 'para', role: 'preamble', text: `本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题和改进措施等。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有任何疑问，请与${b.name}联系（电话：0${rng.int(310, 398)}-${rng.int(2000000, 8999999)}）。` });
  }
  const late = year >= 2016 && rng.chance(0.4);
  const sections: [string, string[]][] = [
    [rng.pick(HEADINGS_2008[0]!), overview(c)], [rng.pick(HEADINGS_2008[1]!), proactive(c)],
    ...(late ? [['政策解读与回应社会关切情况', response(c)] as [string, string[]]] : []),
    [rng.pick(HEADINGS_2008[2]!), requests(c)], [rng.pick(HEADINGS_2008[3]!), fees(c)], [rng.pick(HEADINGS_2008[4]!), reviews(c)],
    [rng.pick(HEADINGS_2008[5]!), problems(c)],
  ];
  sections.forEach(([heading, paras], i) => {
    blocks.push({ kind: 'heading', level: 1, text: `${'一二三四五六七'[i]}、${heading.replace(/^[一二三四五六七]、/, '')}`, style: 'plain' });
    for (const text of paras) blocks.push({ kind: 'para', role: 'body', text });
  });
  if (rng.chance(0.3)) blocks.push({ kind: 'heading', level: 1, text: `${'七八'[sections.length - 6]}、其他需要报告的事项`, style: 'plain' }, { kind: 'para', role: 'body', text: lookalike(c) });
  if (table) {
    blocks.push({ kind: 'para', role: 'body', text: kind === 'stat' ? `附件：${b.name}${year}年政府信息公开情况统计表` : `附表：${year}年政府信息公开情况统计表` });
    if (table.table) blocks.push({ kind: 'table', table: table.table });
    if (table.lines) blocks.push({ kind: 'para', role: 'body', text: table.lines.join('\n') });
  }
  const date = publicationDate(rng, year);
  blocks.push({ kind: 'para', role: 'signature', text: b.name }, { kind: 'para', role: 'date', text: date.text });
  const doc: AbstractDoc = {
    blocks, pageTitle: (blocks[0] as { lines: string[] }).lines.join(''),
    text: { sep: rng.pick(['\t', ' ', '  '] as const), spans: 'collapse', cellPerLine: false, blankLines: rng.chance(0.6) },
    html: { word: rng.chance(0.3), charset: rng.chance(0.3) ? 'gbk' : 'utf-8', cms: rng.weighted([['trs', 3], ['zoom', 3], ['ucap', 2], ['none', 1]] as const) },
  };
  return { doc, expected: expectedOf(say, table, year, b.name), year, body: { name: b.name, site: b.site }, date };
}

function expectedOf(say: Say, table: TableOut | null, year: number, body: string): PreDoc['expected'] {
  const values: Record<string, number | null> = {};
  const breaks: RuleBreak[] = [];
  for (const code of codesFor('p2008')) {
    const inTable = table?.printed.get(code);
    const said = say.stated.get(code);
    values[code] = inTable ?? said ?? say.weakStated.get(code) ?? null;
    if (inTable !== undefined && said !== undefined && said !== inTable && !say.approx.has(code)) breaks.push({ rule: 'P.table_text', cells: [code] });
  }
  return {
    body, year, template: 'p2008', values, damage: [...(table ? [table.table ? 'table' : 'table_lines'] : []), ...(table?.glued.length ? ['glued'] : [])],
    ...(breaks.length ? { rule_breaks: breaks } : {}),
  };
}
