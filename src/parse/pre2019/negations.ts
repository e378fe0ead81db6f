/**
 * Negated statements that clearly name an indicator are 0 (spec/pre2019 README, rule 1): 未收到…申请,
 * 没有收费, 未发生因政府信息公开申请行政复议、提起行政诉讼的情况 (one negation covering several indicators),
 * 无不予公开政府信息情况, 全部免费为申请人提供, …案件均为零. Silence stays null: nothing here guesses.
 */
import type { Topic } from './stream.ts';

export interface NegationRule {
  code: string;
  /** Tested on the words after the negation word, inside its clause. */
  key: RegExp;
  /** The clause must not also hold these words (they make it about something else). */
  not?: RegExp;
  /** The clause or its sentence must say this, or the topic must be one of `topics`. */
  scope?: RegExp;
  topics?: Topic[];
}

const DISCLOSURE = /信息公开|政务公开|依申请|公开申请|申请公开|条例/;

export const NEGATION_RULES: NegationRule[] = [
  { code: 'p.requests.received', key: /申请(?!人|行政复议|复议|诉讼|的?答复|公开的?信息不存在)/, not: /复议|诉讼|咨询|收费|费用|答复|不予公开/, scope: /公开/, topics: ['request'] },
  { code: 'p.spending.litigation', key: /诉讼[^，。；]{0,12}(费用|支出)/, scope: DISCLOSURE, topics: ['fees', 'review'] },
  // Under a heading 「与诉讼有关的费用支出」: 「没有相应费用支出」.
  { code: 'p.spending.litigation', key: /^[^，。；]{0,6}(费用支出|支出)/, not: /收取|收费/, topics: ['review'] },
  { code: 'p.review.count', key: /复议/, scope: DISCLOSURE, topics: ['review'] },
  { code: 'p.litigation.count', key: /诉讼|起诉/, not: /诉讼[^，。；]{0,12}(费用|支出)/, scope: DISCLOSURE, topics: ['review'] },
  { code: 'p.appeals.count', key: /申诉/, scope: DISCLOSURE, topics: ['review'] },
  { code: 'p.complaints.count', key: /举报|投诉/, scope: /信息公开|政务公开/ },
  { code: 'p.fees.amount', key: /收取|收费|收过费|费用(?!减免)|缴费/, not: /诉讼[^，。；]{0,12}(费用|支出)|税/, scope: DISCLOSURE, topics: ['fees'] },
  { code: 'p.fees.waived', key: /减免|免除|免收|免费情况/, not: /税/, scope: DISCLOSURE, topics: ['fees'] },
  { code: 'p.responses.refused', key: /不予公开|不公开答复|拒绝公开/, scope: /申请/, topics: ['request'] },
  { code: 'p.consultations.count', key: /咨询/, not: /热线|12345/, scope: DISCLOSURE, topics: ['request'] },
  { code: 'p.staff.full_time', key: /(专职|全职)(工作)?人员/, scope: /公开/, topics: ['work', 'overview', 'other'] },
];

/**
 * Negation words. 未 only before a verb of receiving or happening (未来, 未经复议, 未按时, 尚未审结 are
 * not negations of a count); 无 only before the indicator or a determiner.
 */
export const NEGATION = /(?:均|也|并|亦|从|全年|本年度?)?(?:未(?=发生|收到|接到|受理|收取|产生|出现|有|接收|遇到|涉及|提起|被|因|办理|向|收过|发现|进行|存在)|没有|无(?=任何|因|涉及|有关|相关|此类|该类|向|政府信息|不予|申请|依申请|收费|减免|行政|诉讼|复议|申诉|举报|投诉|专职|全职|咨询)|暂无|尚无|均无|亦无|也无|并无|未曾|不存在(?=因|涉及|有关|相关|收费|减免|申请|行政))/g;

/** Statements of no fee without a negation word: 免费提供, 实行免费, 不收取任何费用, 暂不收费. */
export const FREE_OF_CHARGE = /(免费(向申请人)?(提供|公开|查阅)|(实行|均为|全部|一律|全部实行)免费|不收取(任何)?(费用|检索费|复制费)|暂不收费|不收费|无偿提供)/;

/** 「…均为零」「…为0」 closing a clause: the counts named before it are 0. */
export const ZERO_CLOSE = /(均为|均是|为|是|皆为|都是|都为)(零|0)(?:件|次|条|人次|元)?\s*$/;
