/** Section texts (一, 五, 六), the preamble, free-form (pre-2019) reports and a news page that is not a report. */
import type { TemplateId } from '../../src/model/codebook.ts';
import type { Rng } from './prng.ts';
import type { Body } from './bodies.ts';
import type { Values } from './values.ts';

const SUB_HEADINGS = ['（一）主动公开情况', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）政府信息公开平台建设情况', '（五）监督保障情况'];

const FILLER = [
  '严格落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。',
  '进一步健全政务公开工作机制，明确专人负责信息发布、审核和更新，确保公开内容及时、准确、完整。',
  '依托政府门户网站、政务新媒体和村务公开栏等渠道，及时发布群众关注的惠民政策和重点工作进展。',
  '严格执行信息发布保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。',
  '将政务公开工作纳入年度绩效考核，定期开展督查检查，对发现的问题及时督促整改。',
  '组织开展政务公开业务培训，提升工作人员的业务能力和服务水平。',
  '围绕乡村振兴、民生保障、安全生产等重点领域，加大信息公开力度，积极回应社会关切。',
];

const PROBLEMS = ['公开内容的深度和广度还需进一步拓展', '政策解读形式较为单一，图解、视频解读偏少', '工作人员业务水平有待进一步提高',
  '部分栏目信息更新不够及时', '依申请公开办理流程还需进一步规范'];
const FIXES = ['加强业务培训，提升工作人员的能力水平', '丰富政策解读形式，提高解读质量', '加强栏目日常维护，确保信息及时更新',
  '完善依申请公开办理机制，规范答复文书', '加大督查力度，推动各项工作落实到位'];

const ORDINALS = ['一', '二', '三', '四', '五', '六'];

export function sentences(rng: Rng, n: number): string {
  return rng.sample(FILLER, n).join('');
}

/** The preamble: the legal basis and the notice number; optionally every section title listed. */
export function preamble(rng: Rng, body: Body, year: number, template: TemplateId, listTitles: boolean): string {
  const notice = template === 't2019' ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号';
  const titles = listTitles
    ? `全文包括：${rng.pick(['', '一、'])}总体情况，${rng.pick(['', '二、'])}主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项。`
    : '';
  const phone = `0${rng.int(310, 398)}-${rng.int(2000000, 8999999)}`;
  return `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（${notice}）要求编制。${titles}`
    + `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有任何疑问，请与${body.name}联系（电话：${phone}）。`;
}

/** Section 一 paragraphs; one quotes the application counts (TEMPLATES.md X.5) so the text carries numbers too. */
export function section1(rng: Rng, body: Body, year: number, v: Values): string[] {
  const out: string[] = [];
  const subs = rng.chance(0.7);
  const n = (c: string): number => v[c] ?? 0;
  for (let i = 0; i < SUB_HEADINGS.length; i++) {
    const head = subs ? `${SUB_HEADINGS[i]}。` : '';
    let text = sentences(rng, rng.int(1, 2));
    if (i === 0) text = `${year}年，${body.self}通过政府网站主动公开政府信息${rng.int(20, 900)}条，${text}`;
    if (i === 1) {
      text = n('s3.new.total') + n('s3.carried_in.total') === 0
        ? `${year}年，${body.self}未收到政府信息公开申请。`
        : `${year}年，${body.self}共收到政府信息公开申请${n('s3.new.total')}件，上年结转${n('s3.carried_in.total')}件，办结${n('s3.result.total.total')}件，结转下年度继续办理${n('s3.carried_out.total')}件。`;
    }
    out.push(head + text);
    if (!subs && rng.chance(0.5)) break;
  }
  return out;
}

export function section5(rng: Rng): string[] {
  const k = rng.int(2, 3);
  const probs = rng.sample(PROBLEMS, k).map((p, i) => `${ORDINALS[i]}是${p}`).join('；');
  const fixes = rng.sample(FIXES, k).map((p, i) => `${ORDINALS[i]}是${p}`).join('；');
  return rng.chance(0.5)
    ? [`存在的主要问题：${probs}。`, `改进情况：${fixes}。`]
    : [`${probs}。针对上述问题，下一步将：${fixes}。`];
}

export function section6(rng: Rng, year: number, template: TemplateId): string[] {
  if (template === 't2019') return [rng.pick(['无。', '本年度无其他需要报告的事项。'])];
  const fee = rng.pick([`依据《政府信息公开信息处理费管理办法》，${year}年未收取信息处理费。`, '本年度未收取信息处理费。', `${year}年度共收取信息处理费0元。`]);
  return rng.chance(0.3) ? [fee, `${year}年办理人大代表建议${rng.int(0, 12)}件、政协提案${rng.int(0, 9)}件，均已按时办结。`] : [fee];
}

/**
 * A pre-2019 report: the 2008 条例 sections, numbers only inside sentences, no tables. `values` holds what its
 * sentences state under the `p.*` codes (the rest of the codebook is silent: null).
 */
export function freeFormReport(rng: Rng, body: Body, year: number): { headings: string[]; paras: string[][]; values: Record<string, number> } {
  const apps = rng.int(0, 40);
  const headings = ['一、概述', '二、主动公开政府信息情况', '三、依申请公开政府信息情况', '四、政府信息公开的收费及减免情况',
    '五、因政府信息公开申请行政复议、提起行政诉讼的情况', '六、政府信息公开工作存在的主要问题及改进措施'];
  const values: Record<string, number> = {};
  const s1 = `${year}年，${body.name}认真贯彻落实《中华人民共和国政府信息公开条例》，${sentences(rng, 2)}`;
  const total = rng.int(30, 2000);
  const s2 = `全年共主动公开政府信息${total}条，其中政府文件${rng.int(0, 60)}条，人事信息${rng.int(0, 40)}条。${sentences(rng, 1)}`;
  values['p.proactive.total'] = total;
  const s3 = apps === 0 ? `${year}年度，${body.self}未收到政府信息公开申请。` : `全年共受理政府信息公开申请${apps}件，已全部按期答复，其中同意公开${Math.ceil(apps / 2)}件。`;
  values['p.requests.received'] = apps;
  if (apps > 0) values['p.responses.granted'] = Math.ceil(apps / 2);
  values['p.fees.amount'] = 0;
  values['p.fees.waived'] = 0;
  let s5: string;
  if (rng.chance(0.8)) {
    s5 = `${year}年度，未发生因政府信息公开申请行政复议、提起行政诉讼的情况。`;
    values['p.review.count'] = 0;
    values['p.litigation.count'] = 0;
  } else {
    const k = rng.int(1, 3);
    s5 = `全年发生政府信息公开行政复议案件${k}件。`;
    values['p.review.count'] = k;
  }
  const paras = [[s1], [s2], [s3], [`${year}年度，${body.self}未收取政府信息公开相关费用，也无减免情况。`], [s5], [`${section5(rng).join('')}`]];
  return { headings, paras, values };
}

/** A news item about 政务公开 (not a report): the parser must say so, not invent a table. */
export function newsItem(rng: Rng, body: Body, year: number): { title: string; paras: string[] } {
  const title = rng.pick([`${body.name}召开${year}年政务公开工作培训会`, `${body.name}开展政府信息公开专项检查`, `关于公布${body.name}政府信息公开指南的通知`]);
  return {
    title,
    paras: [
      `${rng.int(1, 12)}月${rng.int(1, 28)}日，${body.name}组织召开政务公开工作会议，${rng.int(10, 80)}名干部参加。`,
      sentences(rng, 3),
      `会议要求，要认真做好${year}年政府信息公开工作年度报告编制和发布工作，确保按时发布。`,
    ],
  };
}
