/**
 * Numbers from the sentences of a 2008–2018 report: each number with a unit is named by the words just
 * before it (phrases.ts) — or, for 「收到35份…申请」, just after it — within its sentence and under the topic of
 * its heading. 其中 breakdowns take their parent from the sentence (其中当面20件 after 受理申请35件); lists with
 * 分别 and 各 are distributed; negations give 0 (negations.ts). Figures of another year, changes (比上年增加),
 * percentages and look-alikes are not read. 到目前累计 / 历年累计 figures go to the `p.cum.*` twin.
 */
import { cumulativeTwin } from '../../model/codebook-pre2019.ts';
import { warn, type Message } from '../../model/result.ts';
import { chineseYearToDigits } from '../normalize.ts';
import { FREE_OF_CHARGE, NEGATION, NEGATION_RULES, ZERO_CLOSE, type NegationRule } from './negations.ts';
import { findNumbers, type NumberMatch } from './numbers.ts';
import { AFTER_PHRASES, DISCLOSURE, PHRASES } from './phrases.ts';
import { evidenceOf, type Reading } from './reading.ts';
import { sentencesOf, type Paragraph, type Topic } from './stream.ts';

/** Totals whose 其中 breakdowns follow in the same sentence. */
const PARENTS = new Set(['p.requests.received', 'p.responses.total', 'p.requests.closed', 'p.proactive.total', 'p.review.count', 'p.litigation.count', 'p.consultations.count', 'p.staff.total']);
const FILLER = /(共计|合计|总计|总共|一共|共|计|累计|达到|达|为|是|有|了|约|近|逾|超过|的|数量|总数|总量|件数|条数|次数|数|：|:|\s|分别|已|均|全部|全年|本年度|本年|今年|其中|，|,|（|\()+$/;
const CUM = /历年累计|累计至今|至今累计|到目前|截至目前|截止目前|截至今|截止今|迄今|以来|至今|累计已|历年来|总计已|(到|至|截至|截止)(年底|年末)[^，。；]{0,12}累计/;
const YEARLY_CUM = /(全年|本年度?|今年|年内|当年|全年度|年度内|\d{4}年度?)累计/;
const CHANGE = /(比|较|同比|与上年|与去年|相比)[^，。；]{0,16}(增加|减少|增长|下降|上升|提高|多|少)(了)?$|(增加|减少|增长|下降|上升|提高)(了)?$/;
const PREVIOUS = /(上年|去年|上一年度?|前一年|同期|上年度)[^，。；]{0,6}$/;
const CLAUSE = /[，,；;：:（(]/;
/** Plans are not this year's figures (下一步计划举办培训班5期). */
const PLAN = /计划|拟|将要|预计|力争|争取|目标|明年|下一年|今后|下一步/;

interface Ctx {
  paragraph: Paragraph;
  sentence: string;
  sentenceStart: number;
  topic: Topic;
  year: number | null;
  out: Reading[];
  warnings: Message[];
  order: { n: number };
}

function stripFillers(s: string): string {
  let t = s;
  for (let k = 0; k < 4; k++) t = t.replace(FILLER, '');
  return t;
}

function tailOf(segment: string): string {
  let i = segment.length - 1;
  while (i >= 0 && !CLAUSE.test(segment[i]!)) i--;
  const tail = segment.slice(i + 1);
  // 「…申请，共计」: the words are in the clause before.
  return stripFillers(tail) === '' && i > 0 ? tailOf(segment.slice(0, i)) + tail : tail;
}

interface Named {
  code: string;
  doubt?: string;
}

/** The phrase that names a figure whose preceding words are `tail` (first fit in PHRASES order). */
export function nameFigure(tail: string, unit: string, prefix: string, topic: Topic, parent: string | null): Named | null {
  const stripped = stripFillers(tail);
  if (stripped === '') return null;
  for (const p of PHRASES) {
    if (!p.re.test(stripped)) continue;
    if (unit !== '' && !p.units.test(unit)) continue;
    if (p.not?.test(tail)) continue;
    if (p.need && !p.need.test(tail) && !(p.topics?.includes(topic) ?? false)) continue;
    const constrained = p.scope !== undefined || p.topics !== undefined;
    const byScope = p.scope?.test(prefix) ?? false;
    const byTopic = p.topics?.includes(topic) ?? false;
    const scopeOk = !constrained || byScope || byTopic;
    const parentOk = parent !== null && (p.parents?.includes(parent) ?? false);
    if (p.parents ? !(parentOk || (constrained && scopeOk)) : !scopeOk) continue;
    const doubt = p.doubt ?? (p.topicDoubt && !byScope ? p.topicDoubt : undefined);
    return doubt ? { code: p.code, doubt } : { code: p.code };
  }
  return null;
}

function push(ctx: Ctx, code: string, value: number, raw: string, kind: Reading['kind'], at: number, length: number, extra: Partial<Reading> = {}): void {
  const prov = { ...ctx.paragraph.at(ctx.sentenceStart + at), length };
  ctx.out.push({
    code, value, raw, kind, origin: 'text', evidence: evidenceOf(ctx.sentence, at), prov, topic: ctx.topic,
    explicit: DISCLOSURE.test(ctx.sentence.slice(0, at + length)), order: ctx.order.n++, ...extra,
  });
}

/** Money: 万元 goes to the `_wan` twin; a yuan-only code never takes 万元 (nor the reverse). */
function moneyTarget(code: string, unit: string): string | null {
  const money = ['p.fees.amount', 'p.fees.waived', 'p.spending.amount', 'p.spending.litigation', 'p.funds.special_wan'];
  if (!money.includes(code)) return code;
  if (code === 'p.funds.special_wan') return unit === '万元' ? code : null;
  if (unit !== '万元') return code;
  return code === 'p.fees.amount' || code === 'p.spending.amount' ? `${code}_wan` : null;
}

function negations(ctx: Ctx): void {
  const s = ctx.sentence;
  let start = 0;
  for (const clause of s.split(/[，,；;。]/)) {
    const at = s.indexOf(clause, start);
    start = at + clause.length;
    const hits = new Set<string>();
    const rulesAfter = (text: string, rules: NegationRule[]) => rules.filter((r) => r.key.test(text) && !r.not?.test(clause) && scopeOk(r, clause, ctx));
    for (const m of clause.matchAll(NEGATION)) {
      const after = clause.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
      for (const r of rulesAfter(after, NEGATION_RULES)) hits.add(r.code);
      if (hits.size) addZeros(ctx, hits, clause, at + m.index!);
      hits.clear();
    }
    const z = ZERO_CLOSE.exec(clause);
    if (z) {
      for (const r of rulesAfter(clause.slice(0, z.index), NEGATION_RULES)) hits.add(r.code);
      addZeros(ctx, hits, clause, at);
    }
    const free = FREE_OF_CHARGE.exec(clause);
    if (free && (ctx.topic === 'fees' || /公开|申请/.test(s))) addZeros(ctx, new Set(['p.fees.amount']), clause, at + free.index);
  }
}

function scopeOk(r: NegationRule, clause: string, ctx: Ctx): boolean {
  if (!r.scope && !r.topics) return true;
  return Boolean(r.scope && (r.scope.test(clause) || r.scope.test(ctx.sentence))) || (r.topics?.includes(ctx.topic) ?? false);
}

function addZeros(ctx: Ctx, codes: Set<string>, clause: string, at: number): void {
  for (const code of codes) {
    push(ctx, code, 0, clause.trim(), 'negation', at, clause.length, { explicit: DISCLOSURE.test(clause) });
  }
}

/** 「当面申请、网上申请、信函申请分别为20件、12件、3件」: labels before 分别, numbers after, in order. */
function distribute(ctx: Ctx, nums: NumberMatch[], used: Set<number>, prefixOf: (n: NumberMatch) => string): void {
  const s = ctx.sentence;
  for (const m of s.matchAll(/分别(为|是|有|达|达到|占)?/g)) {
    const after = nums.filter((n) => n.start >= m.index! + m[0].length && n.unit !== '');
    const run: NumberMatch[] = [];
    let from = m.index! + m[0].length;
    for (const n of after) {
      if (!/^[、，,和及与以及\s]*$/.test(s.slice(from, n.start))) break;
      run.push(n);
      from = n.end;
    }
    let k = m.index! - 1;
    while (k >= 0 && !/[，,；;：:。]/.test(s[k]!)) k--;
    const labels = s.slice(k + 1, m.index!).split(/、|和|及|与|以及/).filter((x) => x.trim() !== '');
    if (run.length < 2 || labels.length !== run.length) continue;
    run.forEach((n, i) => {
      const named = nameFigure(labels[i]!, n.unit, prefixOf(n), ctx.topic, null);
      used.add(n.start);
      if (named) record(ctx, named, n);
    });
  }
}

function record(ctx: Ctx, named: Named, n: NumberMatch, segment = '', sameYear = false): string | null {
  let code: string | null = named.code;
  let doubt = named.doubt;
  if (CUM.test(segment) || /(截至|截止)\d{4}年/.test(segment) && /累计/.test(segment)) code = cumulativeTwin(code);
  else if (/累计/.test(segment) && !YEARLY_CUM.test(segment)) {
    // 「2012年，全局累计主动公开政府信息12条」: a bare 累计 in a sentence about the report's year is its total.
    if (!sameYear) code = cumulativeTwin(code);
    doubt = 'p.cum_unclear';
  } else if (/(截至|截止)/.test(segment) && cumulativeTwin(code)) doubt ??= 'p.cum_unclear';
  if (code === null) return null;
  // A figure summed over several bodies (全县各级行政机关, 各部门) may not be the reporting body's own.
  if (/各级|各部门|各单位|各乡镇|各街道|所属单位|全系统/.test(ctx.sentence.slice(0, n.start))) doubt ??= 'p.scope_wider';
  code = moneyTarget(code, n.unit);
  if (code === null) return null;
  const kind = n.approximate ? 'approximate' : 'number';
  push(ctx, code, n.value, n.raw, kind, n.start, n.end - n.start, doubt ? { doubt } : {});
  return code;
}

export function readSentences(paragraphs: Paragraph[], year: number | null): { readings: Reading[]; warnings: Message[] } {
  const out: Reading[] = [];
  const warnings: Message[] = [];
  const order = { n: 100000 };
  for (const paragraph of paragraphs) {
    let parent: string | null = null;
    for (const sent of sentencesOf(paragraph.text)) {
      const text = chineseYearToDigits(sent.text);
      const ctx: Ctx = { paragraph, sentence: text, sentenceStart: sent.start, topic: paragraph.topic, year, out, warnings, order };
      negations(ctx);
      // 「…受理申请35件。其中，当面20件…」: a sentence opening with 其中 continues the last total.
      parent = readNumbers(ctx, /^\s*其中/.test(text) ? parent : null) ?? parent;
    }
  }
  return { readings: out, warnings };
}

/** A year the clause is about (「2009年，…」, 「在2010年…」), not a comparison (比2009年) or a citation. */
function topicalYear(s: string, n: NumberMatch): boolean {
  if (!/^(19|20)\d\d$/.test(String(n.value)) || !/^\s*年/.test(s.slice(n.end))) return false;
  const before = s.slice(0, n.start).replace(/\s+$/, '');
  return before === '' || /[，,；;：:（(、在于和至到]$|(截至|截止)$/.test(before) && !/(比|较|与|同|相比)$/.test(before);
}

/** Reads the sentence's figures; returns the last total read (the parent of a following 其中 sentence). */
function readNumbers(ctx: Ctx, inherited: string | null): string | null {
  const s = ctx.sentence;
  const nums = findNumbers(s);
  const used = new Set<number>();
  const prefixOf = (n: NumberMatch) => s.slice(0, n.end);
  distribute(ctx, nums, used, prefixOf);
  let parent: string | null = inherited;
  let last: string | null = null;
  let prevRead = 0;
  let lastYear: number | null = null;
  for (const n of nums) {
    if (n.unit === '' && topicalYear(s, n)) lastYear = n.value;
    if (used.has(n.start)) {
      prevRead = n.end;
      continue;
    }
    const unitless = n.unit === '' && /[为是：:]$/.test(s.slice(0, n.start)) && /^\s*([，,；;。）)]|$)/.test(s.slice(n.end)) && !/^(19|20)\d\d$/.test(String(n.value));
    if ((n.unit === '' && !unitless) || s[n.numStart - 1] === '第' || /^\s*(%|％|个百分点|倍|‰)/.test(s.slice(n.end))) continue;
    const segment = s.slice(prevRead, n.start);
    prevRead = n.end;
    const tail = tailOf(segment);
    const stripped = stripFillers(tail);
    if (CHANGE.test(stripped) || PREVIOUS.test(stripped) || ctx.topic === 'problems' || PLAN.test(s.slice(0, n.start))) continue;
    if (lastYear !== null && ctx.year !== null && lastYear !== ctx.year && !CUM.test(segment) && !/累计/.test(segment)) continue;
    if (stripped.endsWith('各')) {
      spread(ctx, stripped.slice(0, -1), n, prefixOf(n));
      continue;
    }
    const named = nameFigure(tail, n.unit, prefixOf(n), ctx.topic, parent) ?? after(ctx, n, tail);
    if (!named) continue;
    const code = record(ctx, named, n, segment, lastYear !== null && lastYear === ctx.year);
    if (code && PARENTS.has(code)) parent = last = code;
  }
  return last;
}

/** 「行政复议、行政诉讼各1件」: every named indicator gets the number. */
function spread(ctx: Ctx, labels: string, n: NumberMatch, prefix: string): void {
  const codes = new Map<string, Named>();
  for (const part of labels.split(/、|和|及|与|或/)) {
    const named = nameFigure(part, n.unit, prefix, ctx.topic, null);
    if (named) codes.set(named.code, named);
  }
  for (const named of codes.values()) record(ctx, named, n);
}

function after(ctx: Ctx, n: NumberMatch, tail: string): Named | null {
  const rest = ctx.sentence.slice(n.end);
  const before = [tail.trim(), stripFillers(tail), tail.trim().replace(/了$/, '')];
  for (const p of AFTER_PHRASES) {
    if (!p.units.test(n.unit) || !p.after.test(rest) || !before.some((b) => p.before.test(b))) continue;
    if (p.scope && !p.scope.test(ctx.sentence) && ctx.topic !== 'work') continue;
    return { code: p.code };
  }
  return null;
}
