// Builds a small tab-separated 2021 report (seed 000's shape) from section 三/四 rows, for parser tests.
export const S3_LABELS: [string, string][] = [
  ['new', '一、本年新收政府信息公开申请数量'], ['carried_in', '二、上年结转政府信息公开申请数量'],
  ['result.granted', '三、本年度办理结果\t(一) 予以公开'], ['result.partial', '\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['result.withheld.state_secret', '\t(三) 不予公开\t1.属于国家秘密'], ['result.withheld.law_prohibited', '\t\t2.其他法律行政法规禁止公开'],
  ['result.withheld.security_stability', '\t\t3.危及“三安全一稳定”'], ['result.withheld.third_party', '\t\t4.保护第三方合法权益'],
  ['result.withheld.internal_affairs', '\t\t5.属于三类内部事务信息'], ['result.withheld.process_info', '\t\t6.属于四类过程性信息'],
  ['result.withheld.enforcement_file', '\t\t7.属于行政执法案卷'], ['result.withheld.admin_query', '\t\t8.属于行政查询事项'],
  ['result.unable.not_held', '\t(四) 无法提供\t1.本机关不掌握相关政府信息'], ['result.unable.needs_creation', '\t\t2.没有现成信息需要另行制作'],
  ['result.unable.unclear', '\t\t3.补正后申请内容仍不明确'], ['result.not_processed.petition', '\t(五) 不予处理\t1.信访举报投诉类申请'],
  ['result.not_processed.duplicate', '\t\t2.重复申请'], ['result.not_processed.publication', '\t\t3.要求提供公开出版物'],
  ['result.not_processed.excessive', '\t\t4.无正当理由大量反复申请'], ['result.not_processed.confirm_reissue', '\t\t5.要求行政机关确认或重新出具已获取信息'],
  ['result.other.no_correction', '\t(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['result.other.fee_unpaid', '\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['result.other.misc', '\t\t3.其他'], ['result.total', '\t(七) 总计'], ['carried_out', '四、结转下年度继续办理'],
];

export interface ReportParts {
  /** Row code → the printed cells after the label (already joined as they should appear). */
  s3?: Record<string, string>;
  s4?: string;
  s2?: string;
  title?: string;
}

const zeros = (n: number) => Array(n).fill('0').join('\t');

export function reportText(parts: ReportParts = {}): string {
  const s3 = S3_LABELS.map(([code, label]) => `${label}\t${parts.s3?.[code] ?? zeros(7)}`).join('\n');
  return [
    parts.title ?? '某某镇人民政府2023年政府信息公开工作年度报告',
    '一、总体情况', '2023年，我镇认真贯彻落实政府信息公开条例。',
    '二、主动公开政府信息情况',
    parts.s2 ?? ['第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t0', '行政规范性文件\t2\t1\t5',
      '第二十条第（五）项', '信息内容\t本年处理决定数量', '行政许可\t33', '第二十条第（六）项', '信息内容\t本年处理决定数量',
      '行政处罚\t1', '行政强制\t0', '第二十条第（八）项', '信息内容\t本年收费金额（单位：万元）', '行政事业性收费\t7730.28'].join('\n'),
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
    '\t自然人\t法人或其他组织\t\t\t\t\t总计', '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
    s3,
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    parts.s4 ?? zeros(15),
    '五、存在的主要问题及改进情况', '一是公开内容不够丰富。', '六、其他需要报告的事项', '本年度未收取信息处理费。',
  ].join('\n');
}
