/**
 * The tables of generated 2008–2018 reports: the provincial annex (本年度 / 历年累计, 2009–2016) and the
 * national 统计表 of 2017–2018 (one 统计数 column), as abstract tables the text and HTML renderers print,
 * or (text only) as lines a PDF extraction leaves: a count and its 历年累计 glued into one digit run, a value
 * glued to the next item's number (「203.网上申请数」).
 */
import type { Rng } from '../prng.ts';
import type { TCell, TRow, TTable } from '../types.ts';
import type { Truth } from './truth.ts';

export interface TableOut {
  table: TTable | null;
  /** Text lines instead of a table (text reports only). */
  lines: string[] | null;
  /** What the table prints, by code. */
  printed: Map<string, number>;
  /** Codes whose printed digits run into each other: the reader may not recover them. */
  glued: string[];
}

const ANNEX_ROWS: [string, string, string][] = [
  ['p.proactive.total', '主动公开信息数', '条'],
  ['p.proactive.by_channel.website', '其中：网站公开', '条'],
  ['p.proactive.by_channel.gazette', '政府公报公开', '条'],
  ['p.proactive.by_channel.other', '其他方式公开', '条'],
  ['p.requests.received', '受理申请数', '件'],
  ['p.requests.by_channel.in_person', '其中：当面申请', '件'],
  ['p.requests.by_channel.online', '网上申请', '件'],
  ['p.requests.by_channel.mail', '信函申请', '件'],
  ['p.responses.total', '对申请的答复数', '件'],
  ['p.responses.granted', '其中：同意公开', '件'],
  ['p.responses.partial', '同意部分公开', '件'],
  ['p.responses.refused', '否决公开', '件'],
  ['p.review.count', '行政复议数', '件'],
  ['p.litigation.count', '行政诉讼数', '件'],
  ['p.appeals.count', '行政申诉数', '件'],
];

/** The national 统计表 (2017–2018): [code, label, unit]; a null code is a block heading. */
const STAT_ROWS: [string | null, string, string][] = [
  [null, '一、主动公开情况', ''],
  ['p.proactive.total', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条'],
  ['p.proactive.normative_docs', '其中：主动公开规范性文件数', '条'],
  ['p.normative.issued', '制发规范性文件总数', '件'],
  [null, '（二）通过不同渠道和方式公开政府信息的情况', ''],
  ['p.proactive.by_channel.gazette', '1.政府公报公开政府信息数', '条'],
  ['p.proactive.by_channel.website', '2.政府网站公开政府信息数', '条'],
  ['p.proactive.by_channel.weibo', '3.政务微博公开政府信息数', '条'],
  ['p.proactive.by_channel.weixin', '4.政务微信公开政府信息数', '条'],
  ['p.proactive.by_channel.other', '5.其他方式公开政府信息数', '条'],
  [null, '二、回应解读情况', ''],
  ['p.response.hotspots', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次'],
  ['p.response.press_conferences', '1.参加或举办新闻发布会总次数', '次'],
  ['p.response.online_interviews', '2.政府网站在线访谈次数', '次'],
  ['p.response.interpretations', '3.政策解读稿件发布数', '篇'],
  [null, '三、依申请公开情况', ''],
  ['p.requests.received', '（一）收到申请数', '件'],
  ['p.requests.by_channel.in_person', '1.当面申请数', '件'],
  ['p.requests.by_channel.fax', '2.传真申请数', '件'],
  ['p.requests.by_channel.online', '3.网上申请数', '件'],
  ['p.requests.by_channel.mail', '4.信函申请数', '件'],
  ['p.requests.by_channel.other', '5.其他形式申请数', '件'],
  ['p.requests.closed', '（二）申请办结数', '件'],
  ['p.requests.closed_on_time', '1.按时办结数', '件'],
  ['p.requests.closed_extended', '2.延期办结数', '件'],
  ['p.responses.total', '（三）申请答复数', '件'],
  ['p.responses.already_public', '1.属于已主动公开范围数', '件'],
  ['p.responses.granted', '2.同意公开答复数', '件'],
  ['p.responses.partial', '3.同意部分公开答复数', '件'],
  ['p.responses.refused', '4.不同意公开答复数', '件'],
  ['p.responses.refused_reason.state_secret', '其中：涉及国家秘密', '件'],
  ['p.responses.refused_reason.commercial_secret', '涉及商业秘密', '件'],
  ['p.responses.refused_reason.privacy', '涉及个人隐私', '件'],
  ['p.responses.refused_reason.security_stability', '危及国家安全、公共安全、经济安全和社会稳定', '件'],
  ['p.responses.refused_reason.not_gov_info', '不是《条例》所指政府信息', '件'],
  ['p.responses.refused_reason.other_law', '法律法规规定的其他情形', '件'],
  ['p.responses.not_this_agency', '5.不属于本行政机关公开数', '件'],
  ['p.responses.not_held', '6.申请信息不存在数', '件'],
  ['p.responses.supplement', '7.告知作出更改补充数', '件'],
  ['p.responses.other_channel', '8.告知通过其他途径办理数', '件'],
  ['p.review.count', '四、行政复议数量', '件'],
  ['p.review.upheld', '（一）维持具体行政行为数', '件'],
  ['p.review.corrected', '（二）被依法纠错数', '件'],
  ['p.review.other', '（三）其他情形数', '件'],
  ['p.litigation.count', '五、行政诉讼数量', '件'],
  ['p.litigation.upheld', '（一）维持具体行政行为或者驳回原告诉讼请求数', '件'],
  ['p.litigation.corrected', '（二）被依法纠错数', '件'],
  ['p.litigation.other', '（三）其他情形数', '件'],
  ['p.complaints.count', '六、举报投诉数量', '件'],
  ['p.fees.amount_wan', '七、依申请公开信息收取的费用', '万元'],
  [null, '八、机构建设和保障经费情况', ''],
  ['p.org.dedicated_units', '（一）政府信息公开工作专门机构数', '个'],
  ['p.venues.count', '（二）设置政府信息公开查阅点数', '个'],
  ['p.staff.total', '（三）从事政府信息公开工作人员数', '人'],
  ['p.staff.full_time', '1.专职人员数（不包括政府公报及政府网站工作人员数）', '人'],
  ['p.staff.part_time', '2.兼职人员数', '人'],
  ['p.funds.special_wan', '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '万元'],
  [null, '九、政府信息公开会议和培训情况', ''],
  ['p.meetings.count', '（一）召开政府信息公开工作会议或专题会议数', '次'],
  ['p.training.sessions', '（二）举办各类培训班数', '次'],
  ['p.training.participants', '（三）接受培训人员数', '人次'],
];

const label = (text: string): TCell => ({ text, role: 'label' });
const value = (text: string, code?: string): TCell => ({ text, role: 'value', ...(code ? { code } : {}) });

export function annexTable(rng: Rng, t: Truth, asText: boolean): TableOut {
  const printed = new Map<string, number>();
  const glued: string[] = [];
  const withUnit = rng.chance(0.7);
  const header: TRow = { role: 'header', cells: [label(rng.pick(['指标名称', '统计指标', '项目'])), ...(withUnit ? [label('单位')] : []), label(rng.pick(['本年度', '本年'])), label('历年累计')] };
  const rows: TRow[] = [header];
  const glue = asText && rng.chance(0.3);
  for (const [code, name, unit] of ANNEX_ROWS) {
    const y = t[code];
    if (y === undefined) continue;
    const cumCode = code.replace(/^p\./, 'p.cum.');
    const c = t[cumCode];
    printed.set(code, y);
    if (c !== undefined) printed.set(cumCode, c);
    const row: TRow = { role: 'data', cells: [label(withUnit ? name : `${name}（${unit}）`), ...(withUnit ? [label(unit)] : []), value(String(y), code), value(c === undefined ? '' : String(c), cumCode)] };
    if (glue && c !== undefined && rng.chance(0.3)) {
      row.glued = true;
      glued.push(code, cumCode);
    }
    rows.push(row);
  }
  return { table: { section: '二', rows, labelCols: withUnit ? 2 : 1 }, lines: null, printed, glued };
}

export function statTable(rng: Rng, t: Truth, asText: boolean): TableOut {
  const printed = new Map<string, number>();
  const glued: string[] = [];
  const rowsOf = STAT_ROWS.filter(([code]) => code === null || t[code] !== undefined || code === 'p.fees.amount_wan');
  const val = (code: string) => (code === 'p.fees.amount_wan' ? (t['p.fees.amount'] ?? 0) / 10000 : t[code] ?? 0);
  for (const [code] of rowsOf) if (code) printed.set(code, val(code));
  if (asText && rng.chance(0.4)) {
    // A PDF extraction: one row per line, and now and then a value glued to the next item's number.
    const lines: string[] = ['统计指标 单位 统计数'];
    for (let i = 0; i < rowsOf.length; i++) {
      const [code, name, unit] = rowsOf[i]!;
      let line = code ? `${name} ${unit} ${val(code)}` : name;
      const next = rowsOf[i + 1];
      if (code && next?.[0] && /^\d\./.test(next[1]) && rng.chance(0.25)) {
        line += `${next[1]} ${next[2]} ${val(next[0])}`;
        glued.push(code);
        i++;
      }
      lines.push(line);
    }
    return { table: null, lines, printed, glued };
  }
  const rows: TRow[] = [{ role: 'header', cells: [label('统计指标'), label('单位'), label('统计数')] }];
  for (const [code, name, unit] of rowsOf) {
    rows.push({ role: 'data', cells: code ? [label(name), label(unit), value(String(val(code)), code)] : [{ text: name, role: 'group', colSpan: 3 }] });
  }
  return { table: { section: '二', rows, labelCols: 2 }, lines: null, printed, glued };
}
