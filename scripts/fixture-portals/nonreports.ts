/**
 * Pages that sit in or around a 年报 column but are not annual reports: 年报解读 (quoting the report's numbers),
 * 图解, 法治政府建设年度报告, 网站工作年度报表, 工作要点, budgets, notices about reports, drafts, 指南, 制度, a summary
 * page titled like a report, a report-like title on a notice. Each gives a title and HTML content.
 */
import type { Rng } from '../corpus/prng.ts';
import type { Values } from '../corpus/values.ts';
import { esc } from './markup.ts';
import type { NonReportKind } from './types.ts';

export interface NonReportContent {
  title: string;
  content: string;
}

export interface NonReportInput {
  body: string;
  /** 我县 / 本局 … */
  self: string;
  year: number;
  /** The report's values, for 解读 quoting them. */
  values?: Values;
  /** Links for a summary page (title, href). */
  links?: { title: string; href: string }[];
}

const p = (t: string): string => `<p>${esc(t)}</p>`;

function table(rows: (string | number)[][]): string {
  return `<table border="1" cellspacing="0">${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`).join('')}</table>`;
}

function interpretation(rng: Rng, i: NonReportInput): NonReportContent {
  const v = i.values ?? {};
  const n = (c: string): number => Number(v[c] ?? 0);
  return {
    title: rng.pick([`《${i.body}${i.year}年政府信息公开工作年度报告》解读`, `图文解读：${i.body}${i.year}年政府信息公开工作年度报告`, `${i.year}年政府信息公开工作年度报告政策解读`]),
    content: [
      p(`近日，${i.body}发布了${i.year}年政府信息公开工作年度报告。现就报告主要内容解读如下：`),
      p('一、主动公开情况'),
      p(`${i.year}年，${i.self}主动公开规范性文件${n('s2.normative.issued') || n('s2.normative.new_published')}件，行政许可处理决定${n('s2.licensing.decisions')}件，行政处罚决定${n('s2.penalty.decisions')}件。`),
      p('二、依申请公开情况'),
      p(`全年新收政府信息公开申请${n('s3.new.total')}件，上年结转${n('s3.carried_in.total')}件，办结${n('s3.result.total.total')}件，其中予以公开${n('s3.result.granted.total')}件。`),
      p('三、行政复议和行政诉讼情况'),
      p(`因政府信息公开被申请行政复议${n('s4.review.total')}件，被提起行政诉讼${n('s4.litigation.direct.total') + n('s4.litigation.after_review.total')}件。`),
      p('四、下一步工作'),
      p('继续深化政务公开，提升公开质量和实效。'),
    ].join('\n'),
  };
}

function graphic(rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: `图解：${i.body}${i.year}年政府信息公开工作年度报告`,
    content: `<p style="text-align:center"><img src="/images/tj${i.year}${rng.int(100, 999)}.png" alt="图解${i.year}年政府信息公开工作年度报告" width="640"></p>`,
  };
}

function ruleOfLaw(rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: `${i.body}${i.year}年度法治政府建设年度报告`,
    content: [
      p(`${i.year}年，${i.self}深入学习贯彻习近平法治思想，全面推进法治政府建设，现将有关情况报告如下：`),
      p('一、主要举措和成效'), p(`全年制定行政规范性文件${rng.int(1, 9)}件，办理行政复议案件${rng.int(0, 30)}件。`),
      p('二、存在的不足和原因'), p('法治宣传教育的针对性还需增强。'),
      p('三、党政主要负责人履行推进法治建设第一责任人职责情况'), p('主要负责人带头尊法学法守法用法。'),
      p(`四、${i.year + 1}年推进法治政府建设的主要安排`), p('持续推进严格规范公正文明执法。'),
    ].join('\n'),
  };
}

function websiteReport(rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: `${i.body}门户网站工作年度报表（${i.year}年度）`,
    content: p('政府网站工作年度报表') + table([
      ['网站名称', `${i.body}门户网站`], ['首页网址', 'http://www.example.gov.cn'], ['主办单位', `${i.body}办公室`],
      ['网站类型', '政府门户网站'], ['独立用户访问总量（单位：个）', rng.int(10000, 900000)], ['网站总访问量（单位：次）', rng.int(100000, 9000000)],
      ['信息发布（单位：条）总数', rng.int(300, 9000)], ['概况类信息更新量', rng.int(5, 90)], ['政务动态信息更新量', rng.int(100, 5000)],
      ['解读回应 解读信息发布（单位：条）', rng.int(3, 80)], ['办事服务 是否发布服务事项目录', '是'], ['互动交流 留言办理 收到留言数量（单位：条）', rng.int(10, 900)],
    ]),
  };
}

function workPlan(rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: rng.pick([`${i.body}${i.year + 1}年政务公开工作要点`, `关于印发《${i.body}${i.year + 1}年政务公开工作要点》的通知`]),
    content: [p('一、围绕稳经济促发展加强政策发布解读'), p('二、围绕保障和改善民生加强信息公开'), p('三、围绕提升政府治理能力强化公开'), p('四、加强公开平台建设'), p('五、强化工作保障')].join('\n'),
  };
}

function budget(rng: Rng, i: NonReportInput): NonReportContent {
  const final = rng.chance(0.5);
  return {
    title: `${i.body}${i.year}年度部门${final ? '决算' : '预算'}公开`,
    content: p(`${i.body}${i.year}年度部门${final ? '决算' : '预算'}情况说明`) + table([
      ['项目', '金额（万元）'], ['一般公共预算财政拨款收入', rng.int(100, 90000)], ['政府性基金预算财政拨款收入', rng.int(0, 9000)],
      ['本年支出合计', rng.int(100, 90000)], ['“三公”经费支出', rng.int(1, 300)],
    ]),
  };
}

function notice(rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: rng.pick([`关于报送${i.year}年政府信息公开工作年度报告的通知`, `关于做好${i.year}年度政府信息公开工作年度报告编制发布工作的通知`]),
    content: [
      p('各乡镇人民政府、街道办事处，县政府各部门：'),
      p(`根据《中华人民共和国政府信息公开条例》规定，现就做好${i.year}年政府信息公开工作年度报告编制和发布工作通知如下：`),
      p(`一、各单位要按照国务院办公厅印发的年度报告格式，于${i.year + 1}年1月31日前编制完成本单位${i.year}年政府信息公开工作年度报告。`),
      p('二、年度报告须包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等内容。'),
      p(`三、请于${i.year + 1}年3月31日前在本单位政府信息公开专栏发布。`),
    ].join('\n'),
  };
}

function guide(_rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: `${i.body}政府信息公开指南`,
    content: [p('一、主动公开'), p('（一）公开范围'), p('（二）公开方式和时限'), p('二、依申请公开'), p('（一）受理机构'), p('（二）申请方式'), p('三、监督和救济')].join('\n'),
  };
}

function system(_rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: `${i.body}政府信息公开工作制度`,
    content: [p('第一条 为规范政府信息公开工作，制定本制度。'), p('第二条 政府信息公开工作年度报告应当于每年1月31日前向社会公布。'), p('第三条 本制度自印发之日起施行。')].join('\n'),
  };
}

function draft(rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: `${i.body}${i.year}年政府信息公开工作年度报告（征求意见稿）`,
    content: p(`现将《${i.body}${i.year}年政府信息公开工作年度报告（征求意见稿）》公开征求意见，征求意见时间为${rng.int(5, 20)}个工作日。`) + p('附件：征求意见稿（全文待审定后发布）'),
  };
}

function summary(_rng: Rng, i: NonReportInput): NonReportContent {
  const links = (i.links ?? []).map((l) => `<li><a href="${esc(l.href)}">${esc(l.title)}</a></li>`).join('\n');
  return {
    title: `${i.year}年政府信息公开工作年度报告`,
    content: p(`根据《中华人民共和国政府信息公开条例》规定，现将各单位${i.year}年政府信息公开工作年度报告汇总公布如下：`) + `<ul>${links}</ul>`,
  };
}

function misleading(rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: rng.pick([`${i.body}${i.year}年政府信息公开工作年度报告`, `${i.year}年度政府信息公开工作年度报告`]),
    content: [
      p(`${i.body}${i.year}年政府信息公开工作年度报告已编制完成，按规定将于近期在本网站政府信息公开专栏发布，敬请关注。`),
      p(`如需查阅往年年度报告，请访问政府信息公开专栏或来电咨询（电话：0${rng.int(310, 398)}-${rng.int(2000000, 8999999)}）。`),
    ].join('\n'),
  };
}

function deleted(_rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: `${i.body}${i.year}年政府信息公开工作年度报告`,
    content: `<div class="error-page"><p>对不起，您访问的信息不存在或已被删除！</p><p><a href="/">返回首页</a></p></div>`,
  };
}

function news(rng: Rng, i: NonReportInput): NonReportContent {
  return {
    title: rng.pick([`${i.body}召开政务公开工作推进会`, `${i.body}开展政府信息公开专项检查`, `${i.body}召开${i.year}年度政府信息公开工作培训会`]),
    content: [p(`${rng.int(1, 12)}月${rng.int(1, 28)}日，${i.body}召开会议，部署政务公开重点工作。`), p('会议要求，要按时编制发布政府信息公开工作年度报告。')].join('\n'),
  };
}

const MAKERS: Record<Exclude<NonReportKind, 'wrapper'>, (rng: Rng, i: NonReportInput) => NonReportContent> = {
  interpretation, graphic, 'rule-of-law': ruleOfLaw, 'website-report': websiteReport, 'work-plan': workPlan, budget, notice, draft,
  guide, system, summary, misleading, deleted, news,
};

export function nonReportContent(rng: Rng, kind: Exclude<NonReportKind, 'wrapper'>, input: NonReportInput): NonReportContent {
  return MAKERS[kind](rng, input);
}
