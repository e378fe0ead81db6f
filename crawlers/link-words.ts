/**
 * Words in link texts and URLs (pure): what is not an annual disclosure report though it sits in the same
 * column, which links lead from a portal home to its 政务公开 hub and organ tree, and which URLs are traps
 * (search, calendars, logins, print views) never worth following.
 */

/** Normalised text: NFKC, no whitespace. */
function norm(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
}

/**
 * Titles that are not a 政府信息公开 annual report, each with the reason recorded when a link or page is
 * rejected. Strong markers reject any title; weak ones only a title that does not name a disclosure report
 * itself (a 财政局 or 统计局 publishes its own 年报: 「县财政局2023年政府信息公开工作年度报告」 is a report).
 */
const STRONG: [RegExp, string][] = [
  [/解读|图解|一图|图示|读懂|答记者问|新闻发布/, 'interpretation'],
  [/法治政府|依法行政|法治建设/, 'rule_of_law_report'],
  [/网站.{0,8}(年度报表|年报|年度报告|工作报表)|政府网站|工作报表|年度报表/, 'website_report'],
  [/的通知|通知$|报送|征集|征求意见|意见稿|培训|会议|督查|考核|通报|测评|检查/, 'notice'],
  [/草稿|草案|初稿|内部稿|送审稿|讨论稿/, 'draft'],
];
const WEAK: [RegExp, string][] = [
  [/政府工作报告|工作要点|工作计划|工作安排|工作方案|实施方案/, 'work_plan'],
  [/预算|决算|三公经费|审计报告|财政收支/, 'budget'],
  [/统计公报|统计年鉴|统计年报|国民经济|公报$/, 'statistics'],
  [/企业年报|年报公示|年度报告公示|信用|年检/, 'enterprise_report'],
  [/指南|目录|制度|规定|办法|流程|申请表|答复书|告知书/, 'guide'],
  [/环境状况|环境质量|社会责任|履职|述职|绩效|评估/, 'other_report'],
];
const NAMES_DISCLOSURE_REPORT = /(信息公开|政务公开|政府公开).{0,6}(年度报告|年报|工作报告)/;

export function nonReportReason(title: string): string | undefined {
  const t = norm(title);
  for (const [re, reason] of STRONG) if (re.test(t)) return reason;
  if (NAMES_DISCLOSURE_REPORT.test(t)) return undefined;
  for (const [re, reason] of WEAK) if (re.test(t)) return reason;
  return undefined;
}

/** Links from a home page (or a hub) toward the disclosure platform and its organ tree. */
const HUB = /(政务公开|信息公开|政府公开|主动公开|公开目录|公开专栏|公开平台|法定主动|政务信息|机构设置|组织机构|机构职能|政府机构|部门(信息)?公开|乡镇(街道)?(信息)?公开|镇街|乡镇|街道|部门|县直|区直|市直|单位)/;
const NOT_HUB = /(依申请|申请表|指南|制度|意见箱|留言|信箱|咨询|投诉|办事|服务|招聘|招标|采购|新闻|动态|要闻|图片|视频|专题|解读|互动|调查|征集|登录|注册|English|无障碍|长者|关怀|召开|会议|推进|开展|举办|部署|培训|调研|检查|通知|公告|督导|座谈|考察|学习|[，,。！!？?：:“”"])/i;

export function isHubText(text: string): boolean {
  const t = norm(text);
  return t.length >= 2 && t.length <= 16 && HUB.test(t) && !NOT_HUB.test(t) && !/\d{4}/.test(t);
}

/** URLs of dated articles (news, notices): never a hub or a column. */
export function isArticleUrl(url: string): boolean {
  return /\/t\d{8}_\d+|\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_|\/content\/post_\d+|\/\d{6}\/[\w-]+\.s?html?$|\/\d{4}-\d{2}\/\d{2}\/|\/(article|content|detail)[/_-]?\d+/i.test(url)
    // Article scripts with an id (PHPCMS `a=show&…&id=`, `Article.aspx?id=`, `show.php?id=`), Lonsun `/public/<organ>/<id>.html`,
    // dated folders (`/html/2024/0118/16917.html`).
    || /[?&]a=show\b[^#]*[?&]id=\d+|\/(show|detail|view|article|info|content)\w*\.(aspx?|php|jsp|do)\?[^#]*\b\w*id=\d+|\/public\/\d+\/\d+\.s?html?$|\/\d{4}\/\d{4}\/\d+\.s?html?$/i.test(url);
}

/** URLs that are traps or chrome: site search, calendars, logins, print/share views, feeds, media. */
const TRAP_PATH = /(search|sousuo|jsearch|was5|query\.jsp|login|logout|register|passport|uc\/|\/user\/|print|share|rss|feed|calendar|rili|sitemap|\/mail|captcha|verify|vote|comment|\.(jpe?g|png|gif|bmp|svg|ico|css|js|mp4|mp3|avi|flv|swf|zip|rar|7z|exe|apk|xls|xlsx|ppt|pptx)$)/i;
const TRAP_PARAM = /^(keyword|keywords|kw|q|query|searchword|searchWord|wd|word|sw|date|day|month|calendar|print|share|lang)$/i;

/** The reason a URL is never followed, or undefined. */
export function trapReason(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'bad_url';
  }
  const m = TRAP_PATH.exec(u.pathname);
  if (m) return /\.(jpe?g|png|gif|bmp|svg|ico|css|js|mp4|mp3|avi|flv|swf|zip|rar|7z|exe|apk|xls|xlsx|ppt|pptx)$/i.test(u.pathname) ? 'not_a_page' : `trap.${m[1].toLowerCase().replace(/[^a-z]/g, '') || 'path'}`;
  for (const k of u.searchParams.keys()) if (TRAP_PARAM.test(k)) return `trap.${k.toLowerCase()}`;
  return undefined;
}
