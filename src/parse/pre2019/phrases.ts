/**
 * How the narrative of a 2008–2018 report names each `p.*` indicator, as data. A phrase is tested on the
 * words just before a number (its clause, back to the previous number; fillers such as 共/合计/为 removed),
 * anchored at their end; the first phrase that fits wins, so the specific come before the general
 * (部分公开 before 公开, 网上申请 before 申请). Wordings are those of spec/pre2019/codes.csv and their kin.
 */
import type { Topic } from './stream.ts';

export interface Phrase {
  code: string;
  /** Matched against the words before the number, anchored at their end. */
  re: RegExp;
  /** Units the figure may carry. */
  units: RegExp;
  /**
   * Where the phrase may be read: `scope` must match the sentence up to the number, or the paragraph's topic
   * must be one of `topics`. With neither set, anywhere.
   */
  scope?: RegExp;
  topics?: Topic[];
  /** Read only under a parent total met earlier in the sentence (其中当面20件 after 受理申请35件). */
  parents?: string[];
  /** Words in the clause that make the figure something else (热线, 审批, 税 …). */
  not?: RegExp;
  /** The words before the number must say this too, unless the topic is one of `topics`. */
  need?: RegExp;
  /** Kept but flagged, with this warning code. */
  doubt?: string;
  /** With only `topics` satisfied (no scope words in the sentence), flag with this warning code. */
  topicDoubt?: string;
}

export const ITEMS = /^(条|件|篇|项|份|个|则)$/;
const POSTS = /^(条|篇|则)$/;
const CASES = /^(件|份|条|个|次|人次|起|宗|项|批|例)$/;
const TIMES = /^(次|场|期)$/;
const PEOPLE = /^(人|名|人次)$/;
const HEADS = /^(人|名)$/;
const MONEY = /^(元|万元)$/;
const PLACES = /^(个|处|家)$/;

/** Words that make a sentence about disclosure (the indicator is not a look-alike from other work). */
export const DISCLOSURE = /信息公开|政务公开|依申请|公开申请|申请公开|条例/;
const REQUEST_SCOPE = /申请/;
/** Look-alikes: service halls, approvals, hotlines, petitions, proposals, taxes, site visits. */
const LOOKALIKE = /服务中心|服务大厅|便民|审批|许可|办件|热线|12345|来电|信访|来信来访|建议|提案|税|访问|点击|浏览|档案|移交|低保|救助|补贴|资金|项目|注册|登记|案卷|执法|处罚/;
const REQUEST_PARENTS = ['p.requests.received'];
const ANSWER_PARENTS = ['p.requests.received', 'p.responses.total', 'p.requests.closed'];
const X = '[^，,。；;：:]'; // one character inside the clause

const r = (s: string): RegExp => new RegExp(`${s}$`);
/** Archive transfers (向档案馆报送…) are not disclosure (spec rule 8). */
const ARCHIVE = /档案|图书馆|移交|报送/;
/** A channel's or an application's figure, or an archive transfer, is not the proactive total. */
const NOT_TOTAL = new RegExp(`申请|网站|公报|微博|微信|媒体|公开栏|${ARCHIVE.source}`);

export const PHRASES: Phrase[] = [
  // ── response and interpretation (回应解读) ──
  { code: 'p.response.press_conferences', re: r(`新闻发布会${X}{0,6}`), units: TIMES },
  { code: 'p.response.online_interviews', re: r(`在线访谈${X}{0,6}`), units: TIMES },
  { code: 'p.response.interpretations', re: r(`解读${X}{0,10}`), units: /^(篇|条|件|期|次|份)$/ },
  { code: 'p.response.hotspots', re: r(`(回应|回复)${X}{0,16}(热点|关切|舆情|关注)${X}{0,6}`), units: /^(次|条|个|件)$/ },

  // ── consultations (before request channels: 现场咨询 is not 现场申请) ──
  { code: 'p.consultations.by_channel.in_person', re: r(`(现场|窗口|当面|来访)${X}{0,3}咨询${X}{0,6}`), units: CASES, scope: DISCLOSURE, topics: ['request'], not: /热线|12345|服务中心/ },
  { code: 'p.consultations.by_channel.phone', re: r(`电话${X}{0,3}咨询${X}{0,6}`), units: CASES, scope: DISCLOSURE, topics: ['request'], not: /热线|12345|服务中心/ },
  { code: 'p.consultations.by_channel.online', re: r(`(网上|网络|在线|网站|邮件)${X}{0,3}咨询${X}{0,6}`), units: CASES, scope: DISCLOSURE, topics: ['request'], not: /热线|12345|服务中心/ },
  { code: 'p.consultations.count', re: r(`咨询${X}{0,8}`), units: CASES, scope: DISCLOSURE, topics: ['request', 'proactive'], not: /热线|12345|服务中心|便民|来电/ },

  // ── review and litigation ──
  { code: 'p.review_litigation.count', re: r(`(行政复议|复议)(和|及|与|、|或)(提起)?(行政诉讼|诉讼)${X}{0,10}`), units: CASES, scope: DISCLOSURE, topics: ['review'], topicDoubt: 'p.scope_from_heading' },
  { code: 'p.review.upheld', re: r(`维持${X}{0,10}`), units: CASES, parents: ['p.review.count'] },
  { code: 'p.review.corrected', re: r(`(纠错|纠正|撤销|变更|确认违法)${X}{0,6}`), units: CASES, parents: ['p.review.count'] },
  { code: 'p.litigation.upheld', re: r(`(维持|驳回)${X}{0,10}`), units: CASES, parents: ['p.litigation.count'] },
  { code: 'p.review.other', re: r(`其[他它](情形|情况|结果)?`), units: CASES, parents: ['p.review.count'] },
  { code: 'p.litigation.other', re: r(`其[他它](情形|情况|结果)?`), units: CASES, parents: ['p.litigation.count'] },
  { code: 'p.litigation.corrected', re: r(`(纠错|纠正|撤销|败诉)${X}{0,6}`), units: CASES, parents: ['p.litigation.count'] },
  { code: 'p.spending.litigation', re: r(`诉讼${X}{0,12}(费用|支出)${X}{0,4}`), units: MONEY, scope: DISCLOSURE, topics: ['fees', 'review'] },
  { code: 'p.review.count', re: r(`行政复议${X}{0,10}`), units: CASES, scope: DISCLOSURE, topics: ['review'], topicDoubt: 'p.scope_from_heading' },
  { code: 'p.litigation.count', re: r(`(行政诉讼|诉讼|起诉)${X}{0,10}`), units: CASES, scope: DISCLOSURE, topics: ['review'], topicDoubt: 'p.scope_from_heading' },
  { code: 'p.appeals_complaints.count', re: r(`申诉(、|和|及|与)举报${X}{0,6}`), units: CASES, scope: DISCLOSURE, topics: ['review'] },
  { code: 'p.appeals.count', re: r(`申诉${X}{0,6}`), units: CASES, scope: DISCLOSURE, topics: ['review'], topicDoubt: 'p.scope_from_heading' },
  { code: 'p.complaints.count', re: r(`(举报|投诉)${X}{0,6}`), units: CASES, scope: /信息公开|政务公开/ },

  // ── fees, funds, spending (money: 元, or 万元 into the _wan twin) ──
  { code: 'p.fees.waived', re: r(`减免${X}{0,10}`), units: MONEY, scope: DISCLOSURE, topics: ['fees'], not: /税/ },
  { code: 'p.funds.special_wan', re: r(`专项(工作)?经费${X}{0,8}`), units: MONEY, scope: DISCLOSURE, topics: ['work', 'other', 'fees'] },
  { code: 'p.spending.amount', re: r(`(实际支出|支出|花费|开支)${X}{0,8}`), units: MONEY, scope: DISCLOSURE, topics: ['fees', 'work', 'other'], not: /税/ },
  { code: 'p.fees.amount', re: r(`(收取|收费|收缴|检索费|复制费|邮寄费|工本费|费用)${X}{0,10}`), units: MONEY, scope: DISCLOSURE, topics: ['fees'], not: /税|罚|审批|行政事业性|减免/ },

  // ── staff, organisation, venues, meetings, training ──
  { code: 'p.staff.total', re: r(`(专兼职|专、兼职|专职和兼职|专兼职工作)${X}{0,10}`), units: HEADS },
  { code: 'p.staff.full_time', re: r(`(专职|全职)${X}{0,10}`), units: HEADS, scope: /公开/, topics: ['work', 'overview', 'other'] },
  { code: 'p.staff.part_time', re: r(`兼职${X}{0,10}`), units: HEADS, scope: /公开/, topics: ['work', 'overview', 'other'] },
  { code: 'p.staff.total', re: r(`(信息公开|政务公开)${X}{0,10}(工作)?人员${X}{0,4}`), units: HEADS },
  { code: 'p.org.dedicated_units', re: r(`(专门|工作)机构${X}{0,4}`), units: PLACES, scope: /信息公开|政务公开/ },
  { code: 'p.venues.count', re: r(`(查阅点|查阅场所|查阅室|查阅中心|阅览室|查询点|公开点|查阅窗口)${X}{0,4}`), units: PLACES },
  { code: 'p.meetings.count', re: r(`(召开|组织)${X}{0,20}(会议|专题会|推进会|工作会|座谈会|调度会)${X}{0,4}`), units: TIMES, scope: /信息公开|政务公开/ },
  { code: 'p.training.participants', re: r(`(培训|参训|受训)${X}{0,8}`), units: PEOPLE, scope: /信息公开|政务公开|公开工作/, topics: ['work'], not: /举办|组织|开展/ },
  { code: 'p.training.sessions', re: r(`(举办|组织|开展|召开)${X}{0,16}(培训班|培训会|培训|讲座)${X}{0,4}`), units: /^(次|期|场|个)$/, scope: /信息公开|政务公开|公开工作/, topics: ['work'] },
  { code: 'p.training.participants', re: r(`(培训|参训|受训)(人员|干部|工作人员|学员)?${X}{0,4}`), units: PEOPLE, scope: /信息公开|政务公开|公开工作/, topics: ['work'] },

  // ── applications (依申请公开): channels, closing, answers, the total ──
  { code: 'p.requests.by_channel.mail_or_fax', re: r(`(信函|邮寄)(、|和|及|或)传真${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, parents: REQUEST_PARENTS },
  { code: 'p.requests.by_channel.in_person', re: r(`(当面|现场|窗口|到场|来访)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, parents: REQUEST_PARENTS, not: /咨询/ },
  { code: 'p.requests.by_channel.fax', re: r(`传真${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, parents: REQUEST_PARENTS },
  { code: 'p.requests.by_channel.email', re: r(`(电子邮件|电子邮箱|邮件|E-?mail|email)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, parents: REQUEST_PARENTS },
  { code: 'p.requests.by_channel.online', re: r(`(网上|网络|在线|网站|互联网|网页|网上平台)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, parents: REQUEST_PARENTS, not: /咨询|访谈/ },
  { code: 'p.requests.by_channel.mail', re: r(`(信函|邮寄|来信|书信|邮政|书面)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, parents: REQUEST_PARENTS },
  { code: 'p.requests.by_channel.other', re: r(`其[他它](形式|方式|途径|渠道)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, parents: REQUEST_PARENTS },
  { code: 'p.requests.closed_on_time', re: r(`(按时|按期|如期|规定期限内|法定期限内|限期内)${X}{0,6}(办结|答复|办理)`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'] },
  { code: 'p.requests.closed_extended', re: r(`延期${X}{0,6}(办结|答复|办理)?`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'] },
  { code: 'p.requests.closed', re: r(`办结${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], not: LOOKALIKE },
  { code: 'p.responses.already_public', re: r(`(已主动公开|已经主动公开|主动公开范围|属于已公开|已公开)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], parents: ANSWER_PARENTS },
  { code: 'p.responses.partial', re: r(`部分公开${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], parents: ANSWER_PARENTS },
  { code: 'p.responses.refused_reason.state_secret', re: r(`国家秘密${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'] },
  { code: 'p.responses.refused_reason.commercial_secret', re: r(`商业秘密${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'] },
  { code: 'p.responses.refused_reason.privacy', re: r(`个人隐私${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'] },
  { code: 'p.responses.refused_reason.security_stability', re: r(`(危及|三安全|社会稳定)${X}{0,8}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'] },
  { code: 'p.responses.refused_reason.not_gov_info', re: r(`(不是|不属于|非)${X}{0,6}所指${X}{0,4}政府信息${X}{0,4}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'] },
  { code: 'p.responses.refused', re: r(`(不予公开|不同意公开|不公开|否决公开|拒绝公开|不予提供)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], parents: ANSWER_PARENTS },
  { code: 'p.responses.granted', re: r(`(同意公开|予以公开|全部公开|准予公开|同意全部公开|同意提供|予以提供)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], parents: ANSWER_PARENTS },
  { code: 'p.responses.not_this_agency', re: r(`(不属于|非)${X}{0,12}(本机关|本单位|本部门|本行政机关|本局|我局|我委|我办|本级|掌握|公开范围|职责)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], parents: ANSWER_PARENTS },
  { code: 'p.responses.not_held', re: r(`(信息不存在|不存在|不掌握|未制作|没有制作)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], parents: ANSWER_PARENTS },
  { code: 'p.responses.supplement', re: r(`(更改|补充|补正)${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], parents: ANSWER_PARENTS },
  { code: 'p.responses.other_channel', re: r(`其他途径${X}{0,6}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], parents: ANSWER_PARENTS },
  { code: 'p.responses.total', re: r(`(答复|回复|办理答复|作出答复|予以答复|处理)${X}{0,4}`), units: CASES, scope: REQUEST_SCOPE, topics: ['request'], not: new RegExp(`留言|来信|咨询|信箱|网民|${LOOKALIKE.source}`) },
  { code: 'p.requests.received', re: r(`(受理|收到|接到|接收|接受|办理|处理|收悉|共有|提出|登记)${X}{0,24}申请(事项|件|材料|表|信息)?`), units: CASES, scope: /公开/, topics: ['request'], need: /(信息|依申请|公开)的?申请|申请公开/, not: new RegExp(`复议|诉讼|招聘|${LOOKALIKE.source}`) },
  { code: 'p.requests.received', re: r(`依申请${X}{0,4}公开(政府信息|信息|事项|申请|类信息|工作)?${X}{0,6}`), units: CASES, not: /复议|诉讼|答复|办结/ },
  { code: 'p.requests.received', re: r(`(政府信息公开|信息公开|公开)申请${X}{0,6}`), units: CASES, not: /复议|诉讼|答复|办结/ },
  { code: 'p.requests.received', re: r(`申请公开(政府)?信息${X}{0,4}`), units: CASES, not: /复议|诉讼/ },

  // ── proactive disclosure: channels, then the total ──
  { code: 'p.proactive.by_channel.weibo', re: r(`微博${X}{0,10}`), units: POSTS },
  { code: 'p.proactive.by_channel.weixin', re: r(`(微信|公众号)${X}{0,10}`), units: POSTS },
  { code: 'p.proactive.by_channel.gazette', re: r(`公报${X}{0,10}`), units: /^(条|件|篇|份)$/ },
  { code: 'p.normative.issued', re: r(`(制发|制定|出台|印发|发布)${X}{0,8}规范性文件${X}{0,2}`), units: ITEMS },
  { code: 'p.proactive.normative_docs', re: r(`规范性文件${X}{0,2}`), units: ITEMS, scope: /主动公开/, topics: ['proactive'] },
  { code: 'p.proactive.by_channel.website', re: r(`(政府网站|门户网站|政府网|官方网站|官网|网站|信息公开网|公开专栏|信息公开平台)${X}{0,14}(公开|发布|更新|上传|刊登|挂网|公布)${X}{0,12}`), units: ITEMS, not: /访问|点击|浏览|微博|微信/ },
  { code: 'p.proactive.by_channel.other', re: r(`其[他它](方式|形式|途径|渠道)${X}{0,8}`), units: ITEMS, topics: ['proactive'], parents: ['p.proactive.total'] },
  { code: 'p.proactive.total', re: r(`主动公开${X}{0,16}`), units: ITEMS, not: NOT_TOTAL },
  { code: 'p.proactive.total', re: r(`(公开目录|信息公开目录)${X}{0,12}`), units: ITEMS, not: ARCHIVE },
  { code: 'p.proactive.total', re: r(`(公开|公布)${X}{0,8}(政府信息|政务信息|各类信息|信息)`), units: ITEMS, topics: ['proactive', 'overview'], not: NOT_TOTAL },
  { code: 'p.proactive.total', re: r(`(发布|更新)${X}{0,8}(政府信息|政务信息|各类信息|信息)`), units: ITEMS, topics: ['proactive'], not: NOT_TOTAL, doubt: 'p.proactive_generic' },
];

/** Phrases read with the number before the words: 「收到35份信息公开申请」, 「召开3次新闻发布会」, 「两次举办…培训」. */
export interface AfterPhrase {
  code: string;
  /** The words before the number (anchored at their end; '' allowed). */
  before: RegExp;
  /** The words after the unit (anchored at their start). */
  after: RegExp;
  units: RegExp;
  scope?: RegExp;
}

export const AFTER_PHRASES: AfterPhrase[] = [
  { code: 'p.requests.received', before: /(收到|受理|接到|接收|共有|共)$/, after: new RegExp(`^${X}{0,14}申请(?!人)`), units: /^(份|件|个|条|人次)$/, scope: /公开/ },
  { code: 'p.response.press_conferences', before: /(召开|举办|参加|组织|举行)$/, after: new RegExp(`^${X}{0,6}新闻发布会`), units: TIMES },
  { code: 'p.meetings.count', before: /(召开|组织召开|组织)$/, after: new RegExp(`^${X}{0,16}(会议|专题会|推进会|工作会)`), units: TIMES, scope: /信息公开|政务公开/ },
  { code: 'p.training.sessions', before: /(举办|组织|开展|^|，|,)$/, after: new RegExp(`^(举办|组织|开展)?${X}{0,16}(培训班|培训会|培训|讲座)`), units: /^(次|期|场)$/, scope: /信息公开|政务公开|公开工作/ },
  { code: 'p.training.participants', before: /.?/, after: /^(参加|参与|接受)(了)?(培训|学习)/, units: PEOPLE, scope: /信息公开|政务公开|公开工作/ },
  { code: 'p.venues.count', before: /(设立|设置|建立|建成|开设)$/, after: new RegExp(`^${X}{0,12}(查阅点|查阅场所|查阅室|查阅中心|查阅窗口)`), units: PLACES },
  { code: 'p.staff.total', before: /(配备|有|确定|落实|明确)$/, after: new RegExp(`^${X}{0,4}(专兼职|专、兼职)`), units: HEADS },
  { code: 'p.staff.full_time', before: /(配备|有|确定|落实|明确)$/, after: new RegExp(`^${X}{0,4}(专职|全职)`), units: HEADS, scope: /公开/ },
  { code: 'p.staff.part_time', before: /(配备|有|确定|落实|明确)$/, after: new RegExp(`^${X}{0,4}兼职`), units: HEADS, scope: /公开/ },
  { code: 'p.staff.total', before: /(配备|有|确定|落实|明确)$/, after: new RegExp(`^${X}{0,12}(信息公开|政务公开)${X}{0,6}(工作)?人员`), units: HEADS },
];
