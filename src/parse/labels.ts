/**
 * Label knowledge as data: how each row, column and section heading of the templates is recognised in
 * real reports (official labels, variants of TEMPLATES.md §8.1, typos). Keys are regular expressions over
 * compact text (normalised, no whitespace, see normalize.ts); several keys per label so a label split or
 * misspelt in one place is still found by another part of it.
 */

export interface RowLabel {
  /** Row code inside its section: `new`, `result.withheld.state_secret`, `rules` … */
  row: string;
  keys: RegExp[];
}

/** Section 三 rows in printed order. `result.other.total` is the （六） row (2019, hybrid) or group label (2021). */
export const S3_ROWS: RowLabel[] = [
  { row: 'new', keys: [/本年新收/, /新收政府信息公开申请/, /年新收政府/] },
  { row: 'carried_in', keys: [/上年结转/, /上年度结转/, /上年.?转政府/, /年结转政府/] },
  { row: 'result.granted', keys: [/予以公开/, /以公开/, /\(一\)?[予以]{0,2}公开/] },
  { row: 'result.partial', keys: [/部分公开/] },
  { row: 'result.withheld.state_secret', keys: [/国家秘密/, /属于国家/] },
  { row: 'result.withheld.law_prohibited', keys: [/其他法律/, /禁止公开/, /其他法.?行政法规/] },
  { row: 'result.withheld.security_stability', keys: [/三安全/, /一稳定/, /危及/] },
  { row: 'result.withheld.third_party', keys: [/第三方/, /合法权益/, /保护第/] }, // 保护第: cut by a page break
  { row: 'result.withheld.internal_affairs', keys: [/内部事务/, /三类内部/, /内部事物/] },
  { row: 'result.withheld.process_info', keys: [/过程性/, /四类/] },
  { row: 'result.withheld.enforcement_file', keys: [/执法案卷/, /行政执法/] },
  { row: 'result.withheld.admin_query', keys: [/查询事项/, /行政查询/] },
  { row: 'result.unable.not_held', keys: [/不掌握/] },
  { row: 'result.unable.needs_creation', keys: [/没有现成/, /另行制作/] },
  { row: 'result.unable.unclear', keys: [/补正后/, /仍不明确/] },
  { row: 'result.not_processed.petition', keys: [/信访/, /举报投诉/] },
  { row: 'result.not_processed.duplicate', keys: [/重复申请/] },
  { row: 'result.not_processed.publication', keys: [/出版物/] },
  { row: 'result.not_processed.excessive', keys: [/大量反复/, /大量.{0,2}申请/, /(?<!申请人)无正当理(?!由?逾期)/] },
  { row: 'result.not_processed.confirm_reissue', keys: [/确认或重/, /重新出具/, /已获取信息/] },
  { row: 'result.other.total', keys: [/\(六\)其他处理/, /六\)?其他处理/, /其他处理/, /\(六\)其他/, /其他处(?!罚)/] },
  { row: 'result.other.no_correction', keys: [/逾期不补正/, /不补正/, /无正当理由逾期/] },
  { row: 'result.other.fee_unpaid', keys: [/收费通知/, /缴纳费用/, /未按收费/] },
  { row: 'result.other.misc', keys: [/\d\.其他(?!法|处理|结果|对外|组织|需要)/, /其他(?=\(七\)|七\)|总计|合计)/] },
  { row: 'result.total', keys: [/\(七\)总计/, /七\)?总计/, /总计/, /\(七\)合计/, /\(七\)总/] },
  { row: 'carried_out', keys: [/结转下年度/, /下年度继续/, /继续办理/] },
];

/** Column header words of section 三 (for locating the header and an extra subtotal column). */
export const S3_HEADER = /申请人情况|自然人|商业企业|科研机构|社会公益组织|法律服务机构|勾稽关系/;

export interface S2Row extends RowLabel {
  /** Column codes in printed order, per template family. */
  columns: { t2021?: string[]; t2019?: string[] };
}

export const S2_ROWS: S2Row[] = [
  { row: 'rules', keys: [/规章/], columns: { t2021: ['issued', 'repealed', 'in_force'], t2019: ['new_made', 'new_published', 'total_published'] } },
  { row: 'normative', keys: [/规范性文件/, /行政规范性/, /规范性/], columns: { t2021: ['issued', 'repealed', 'in_force'], t2019: ['new_made', 'new_published', 'total_published'] } },
  { row: 'licensing', keys: [/行政许可/, /许可/], columns: { t2021: ['decisions'], t2019: ['items_prev', 'items_delta', 'decisions'] } },
  { row: 'other_services', keys: [/对外管理服务/, /其他对外管理/], columns: { t2019: ['items_prev', 'items_delta', 'decisions'] } },
  { row: 'penalty', keys: [/行政处罚/, /处罚/], columns: { t2021: ['decisions'], t2019: ['items_prev', 'items_delta', 'decisions'] } },
  { row: 'coercion', keys: [/行政强制/, /强制/], columns: { t2021: ['decisions'], t2019: ['items_prev', 'items_delta', 'decisions'] } },
  { row: 'fees', keys: [/事业性收费/, /行政.{0,2}收费(?!金额)/, /行政事业性?收/, /行政事业性/], columns: { t2021: ['amount'], t2019: ['items_prev', 'items_delta'] } },
  { row: 'procurement', keys: [/集中采购(?!项目数量|总金额)/, /政府采购/, /政府集中/], columns: { t2019: ['projects', 'amount'] } },
];

/** Section 二 column headers that mark each template family (TEMPLATES.md §1). */
export const S2_MARKERS = {
  t2021: [/本年制发件数/, /本年废止件数/, /现行有效件数/, /本年处理决定数量/, /本年收费金额/, /制发件数/, /现行有效/],
  t2019: [/本年新制作数量/, /本年新公开数量/, /对外公开总数量/, /上一年项目数量/, /本年增\/?减/, /其他对外管理服务事项/, /采购项目数量/, /采购总金额/],
};

/** Section 四 header words. */
export const S4_HEADER = /行政复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|未经复议|复议后起诉/;
export const S4_GROUPS = ['review', 'litigation.direct', 'litigation.after_review'] as const;
export const S4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** Section headings: the numeral and words that identify each of the six sections (with variants). */
export const SECTION_HEADINGS: { n: number; numeral: string; keys: RegExp }[] = [
  { n: 1, numeral: '一', keys: /总体情况|概述|基本情况|总体概述/ },
  { n: 2, numeral: '二', keys: /主动公开/ },
  { n: 3, numeral: '三', keys: /收到和处理|依申请公开|政府信息公开申请/ },
  { n: 4, numeral: '四', keys: /复议|诉讼/ },
  { n: 5, numeral: '五', keys: /存在的?主要问题|问题及改进|改进情况|存在问题/ },
  { n: 6, numeral: '六', keys: /其他需要报告|其他事项|需要报告的事项/ },
];
