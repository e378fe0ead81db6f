/**
 * Row labels of the tables in 2008–2018 reports, as data: the provincial annex tables (主动公开信息数 …
 * 行政申诉数, two columns 本年度 / 历年累计) and the national 统计表 of 2017–2018 (nine blocks, one column
 * 统计数). Tested in order on the compact label (numbering, 其中 and notes removed); the first match wins.
 * `block` rows open a block whose children (维持, 纠错, 其他情形) take the block's codes.
 */
export interface TableLabel {
  code: string;
  re: RegExp;
  /** The row opens a block (review, litigation) for the rows below it. */
  opens?: 'review' | 'litigation' | 'proactive' | 'requests' | 'responses' | 'other';
  /** Only inside this block. */
  within?: 'review' | 'litigation' | 'proactive' | 'requests';
}

export const TABLE_LABELS: TableLabel[] = [
  // 二、回应解读 (before the channels: 「政府网站在线访谈次数」 is not a website count)
  { code: 'p.response.hotspots', re: /回应.*(热点|舆情|关切)/ },
  { code: 'p.response.press_conferences', re: /新闻发布会/ },
  { code: 'p.response.online_interviews', re: /在线访谈/ },
  { code: 'p.response.interpretations', re: /政策解读|解读稿件/ },
  // 一、主动公开
  { code: 'p.proactive.normative_docs', re: /主动公开规范性文件|^规范性文件(数|公开)/ },
  { code: 'p.normative.issued', re: /制发规范性文件/ },
  { code: 'p.proactive.by_channel.website', re: /网站公开|政府网站|门户网站/ },
  { code: 'p.proactive.by_channel.gazette', re: /公报/ },
  { code: 'p.proactive.by_channel.weibo', re: /微博/ },
  { code: 'p.proactive.by_channel.weixin', re: /微信/ },
  { code: 'p.proactive.by_channel.other', re: /^其[他它](方式|渠道|形式)?(公开)?(政府信息)?(数)?$/, within: 'proactive' },
  { code: 'p.proactive.total', re: /主动公开(政府)?(信息|文件)(数|总数|条数)?|^本年度主动公开|^主动公开数/, opens: 'proactive' },
  // 三、依申请公开
  { code: 'p.requests.by_channel.in_person', re: /当面(申请|提出)|现场申请/ },
  { code: 'p.requests.by_channel.mail_or_fax', re: /信函、?传真|传真、?信函/ },
  { code: 'p.requests.by_channel.fax', re: /传真/ },
  { code: 'p.requests.by_channel.email', re: /电子邮件|电子邮箱/ },
  { code: 'p.requests.by_channel.online', re: /网上申请|网络申请|网上提交|在线申请/ },
  { code: 'p.requests.by_channel.mail', re: /信函申请|信函|来信/ },
  { code: 'p.requests.by_channel.other', re: /其[他它]形式申请|其[他它](形式|方式)$/, within: 'requests' },
  { code: 'p.requests.closed_on_time', re: /按时办结/ },
  { code: 'p.requests.closed_extended', re: /延期办结/ },
  { code: 'p.requests.closed', re: /申请办结|办结(数|总数)/ },
  { code: 'p.requests.received', re: /收到申请|受理申请|受理依申请|依申请公开(信息|申请)?(总)?数|申请(总)?数$|受理(政府信息)?公开申请|申请件数/, opens: 'requests' },
  { code: 'p.responses.already_public', re: /已主动公开/ },
  { code: 'p.responses.partial', re: /部分公开/ },
  { code: 'p.responses.refused', re: /不同意公开|不予公开|否决公开/ },
  { code: 'p.responses.granted', re: /同意公开|予以公开/ },
  { code: 'p.responses.refused_reason.state_secret', re: /国家秘密/ },
  { code: 'p.responses.refused_reason.commercial_secret', re: /商业秘密/ },
  { code: 'p.responses.refused_reason.privacy', re: /个人隐私/ },
  { code: 'p.responses.refused_reason.security_stability', re: /危及|三安全|社会稳定/ },
  { code: 'p.responses.refused_reason.not_gov_info', re: /不是.*政府信息|非.*所指.*政府信息/ },
  { code: 'p.responses.refused_reason.other_law', re: /法律.*其他情形/ },
  { code: 'p.responses.not_this_agency', re: /不属于本|非本(部门|机关|单位)/ },
  { code: 'p.responses.not_held', re: /不存在/ },
  { code: 'p.responses.supplement', re: /更改补充|补正/ },
  { code: 'p.responses.other_channel', re: /其他途径/ },
  { code: 'p.responses.other', re: /其他类型答复|其[他它]答复/ },
  { code: 'p.responses.total', re: /答复(数|总数)|申请答复/, opens: 'responses' },
  // 四—七、复议、诉讼、申诉、举报、收费
  { code: 'p.review_litigation.count', re: /复议(和|及|与|、)(行政)?诉讼/ },
  { code: 'p.review.count', re: /行政复议/, opens: 'review' },
  { code: 'p.litigation.count', re: /行政诉讼(数|数量|案件)?$/, opens: 'litigation' },
  { code: 'p.review.upheld', re: /维持/, within: 'review' },
  { code: 'p.litigation.upheld', re: /维护具体行政行为|驳回/, within: 'litigation' },
  { code: 'p.review.corrected', re: /纠错/, within: 'review' },
  { code: 'p.litigation.corrected', re: /纠错/, within: 'litigation' },
  { code: 'p.review.other', re: /其他情形/, within: 'review' },
  { code: 'p.litigation.other', re: /其他情形/, within: 'litigation' },
  { code: 'p.appeals_complaints.count', re: /申诉、?举报|诉讼、举报/ },
  { code: 'p.appeals.count', re: /申诉/ },
  { code: 'p.complaints.count', re: /举报|投诉/ },
  { code: 'p.fees.waived', re: /减免/ },
  { code: 'p.fees.amount', re: /收取的?费用|收费(金额|数)?|依申请公开信息收取/ },
  // 八、九、机构、经费、会议、培训
  { code: 'p.org.dedicated_units', re: /专门机构/ },
  { code: 'p.venues.count', re: /查阅点|查阅场所/ },
  { code: 'p.staff.full_time', re: /专职/ },
  { code: 'p.staff.part_time', re: /兼职/ },
  { code: 'p.staff.total', re: /工作人员|从事.*人员/ },
  { code: 'p.funds.special_wan', re: /专项经费/ },
  { code: 'p.spending.amount', re: /实际支出|事务支出/ },
  { code: 'p.meetings.count', re: /会议/ },
  { code: 'p.training.sessions', re: /培训班/ },
  { code: 'p.training.participants', re: /接受培训|培训人员|培训人次/ },
  { code: 'p.consultations.by_channel.in_person', re: /现场咨询/ },
  { code: 'p.consultations.by_channel.phone', re: /电话咨询/ },
  { code: 'p.consultations.by_channel.online', re: /网上咨询|网络咨询/ },
  { code: 'p.consultations.count', re: /咨询/ },
];

/** Column headers: the year's figure, the 历年累计 figure, the unit, one 统计数 column. */
export const YEAR_HEADER = /^(本年度?|本年数|当年|本期|\d{4}年度?)(数|数量|情况|统计数|数据)?$/;
export const CUM_HEADER = /累计/;
export const UNIT_HEADER = /^(单位|计量单位)$/;
export const VALUE_HEADER = /^(统计数|数量|数值|数据|统计数据|指标值|本年度?数?)$/;
/** A header row of such a table: 统计指标/指标名称/项目 with 单位, 本年度, 历年累计 or 统计数. */
export const HEADER_ROW = /(指标|项目|名称|内容|类别).*(单位|本年|累计|统计数|数量)|本年度?.*累计/;

/** Units printed in a unit column or after a label. */
export const TABLE_UNIT = /^(条|件|次|篇|份|项|个|人次|人|名|场|期|元|万元|起|宗|处|家)$/;
