/**
 * Types of the simulated county portals (scripts/fixture-portals): the families, the patterns mixed into
 * portals, and the truth each portal publishes (what a complete, polite crawl must find and must avoid).
 */

/** CMS families (see ../shared/registry/README.md). */
export const FAMILIES = ['gkmlpt', 'hanweb', 'trs', 'lonsun', 'slug', 'generic'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * Real-world patterns mixed into portals. Every seed puts each of them into at least one portal (when the
 * portal count allows), on a family that can carry it.
 */
export const PATTERNS = [
  /** Organs (departments, townships) reached only through the 政务公开 hub → organ tree → organ page. */
  'deep-hub',
  /** Hub and column links through 301/302, meta refresh and JS `location.href` pages. */
  'redirects',
  /** List links as `javascript:void(0)` + onclick window.open / location.href, `data-href`, titles cut with `...`. */
  'js-links',
  /** GET forms (year selectors, organ selectors) as the only way to a list. */
  'form-links',
  /** Pagers written by script functions with other names and argument orders. */
  'script-pager',
  /** List data POSTed (dataproxy, list.aspx). */
  'post-list',
  /** The column page is a frame shell; the list is the page inside the iframe. */
  'framed-list',
  /** A 加载更多 button backed by JSON. */
  'load-more',
  /** List items from a JSON API referenced in an external .js file. */
  'json-api',
  /** A list only a browser sees (built by obfuscated script). */
  'xhr-only',
  /** HTML reports split over several pages. */
  'split-report',
  /** PDFs behind pdf.js viewer.html?file=, iframes, <embed>. */
  'viewer',
  /** download.jsp?id=, /attach/ without extension, names only in Content-Disposition, wrong Content-Type. */
  'disguised-attachment',
  /** A second host: an xxgk platform host and/or a file server host. */
  'second-host',
  /** Titles that look like reports on notices and summary pages, real reports with poor titles. */
  'misleading-titles',
  /** Pagers that never end and page numbers past the stated count. */
  'trap-pager',
  /** Calendars and search result pages linked from everywhere. */
  'trap-calendar',
  /** Session ids in URLs. */
  'trap-session',
  /** Year archives going back forever. */
  'trap-archive',
  /** Year sub-columns under the 年报 column. */
  'year-subcolumns',
  /** Grouped sub-columns: 部门年报 / 乡镇年报 lists holding many bodies' reports. */
  'grouped-subcolumns',
  /** robots.txt disallowing one real 年报 path (its reports must not be fetched). */
  'robots-report',
  /** robots.txt Crawl-delay. */
  'crawl-delay',
  /** A 429 with Retry-After and a 503, once each. */
  'transient-errors',
  /** A 521 JS cookie challenge (加速乐-style) in front of the portal: only a browser gets through. */
  'js-challenge',
  /** The whole portal encoded GBK. */
  'gbk',
  /** `_wap` twins and a mobile site. */
  'wap-twins',
  /** Links to mirrors on other hosts (not allowed). */
  'mirrors',
  /** 2014–2018 narrative reports. */
  'pre2019',
  /** 政府信息公开目录 lists as a table of 索引号 / 名称 / 发布机构 / 生成日期, titles cut (full text in title=), some rows linked only on the 索引号. */
  'index-table',
  /** Pagination only by `<select onchange="location.href=this.value">` (or `goPage(this.value)`) and a 跳转 box. */
  'select-pager',
  /** List hrefs with newlines, tabs and spaces around or inside, titles with full-width digits (２０２３年). */
  'whitespace-hrefs',
  /** Links to the portal written protocol-relative (`//host/path`), with an upper-case scheme or a #fragment; sub-columns linked as `dir/` instead of `dir/index.html`. */
  'host-variants',
  /** Wrapper pages listing attachments under 附件： as 附件1.pdf (the name says nothing), with a 图解 image as 附件2. */
  'attachment-list',
  /** List pages with `<base href>` at another folder of the same host, their links relative to it (`xxgk/…`, `../xxgk/…`). */
  'base-href',
  /** A 年报 column listing every year on one page under 2023年度 headings (or year tabs in hidden divs), the reports' link texts only the body's name. */
  'year-headings',
  /** GBK pages whose HTTP header says utf-8, or that declare no charset anywhere (the meta tag present or missing). */
  'charset-mismatch',
  /** List links written `../../xxgk/…` (climbing to the root, or past it), `./t….html`, bare `t….html` and query-only `?id=5`. */
  'relative-dots',
  /** List items whose `<a>` wraps only the date or an icon, the title in a sibling `<span>` / `<p>`. */
  'title-in-span',
] as const;
/** Patterns added after the first set: drawn by a random stream of their own, so older seeds keep their portals. */
export const LATER_PATTERNS: readonly Pattern[] = ['index-table', 'select-pager', 'whitespace-hrefs', 'host-variants', 'attachment-list'];
/** The third set: drawn by a stream of their own again, so seeds keep the portals the first two sets gave them. */
export const NEWER_PATTERNS: readonly Pattern[] = ['base-href', 'year-headings', 'charset-mismatch', 'relative-dots', 'title-in-span'];
export type Pattern = (typeof PATTERNS)[number];

export type OrganKind = 'county' | 'department' | 'township';
export type ReportFormat = 'html' | 'pdf' | 'docx' | 'doc' | 'wps';

export type NonReportKind =
  | 'interpretation' // 年报解读 (numbers quoted from the report)
  | 'graphic' // 图解
  | 'rule-of-law' // 法治政府建设年度报告
  | 'website-report' // 网站工作年度报表
  | 'work-plan' // 工作要点
  | 'budget' // 预算/决算
  | 'notice' // 关于报送…年度报告的通知
  | 'draft' // 征求意见稿
  | 'guide' // 政府信息公开指南
  | 'system' // 政府信息公开制度
  | 'summary' // a page titled like a report that only lists other reports
  | 'misleading' // a report-like title on a page that is a notice
  | 'wrapper' // a detail page that only wraps an attachment
  | 'deleted' // a listed page answering 200 with 信息不存在 (soft 404)
  | 'news'; // ordinary news

/** How a report is put online. */
export type Presentation =
  | 'html' // the detail page is the report
  | 'wrapper' // a detail page with an attachment link
  | 'direct' // the list links the attachment
  | 'viewer' // pdf.js viewer.html?file=
  | 'iframe' // <iframe src=file>
  | 'embed' // <embed>/<object>
  | 'download' // download.jsp?id= / /attach/<id> with the name only in Content-Disposition
  | 'split'; // an HTML report over several pages

export interface ReportTruth {
  /** The URL whose bytes are the report: the attachment, or the detail page of an HTML report (first page when split). */
  url: string;
  /** Split reports: every page in order (the report is their concatenation). */
  pages?: string[];
  /** Other URLs that answer with the same bytes (redirects, mirrors on allowed hosts). */
  aliases?: string[];
  /** sha256 of the bytes served at `url` in the current revision. */
  sha256: string;
  /** Split reports: sha256 of every page. */
  pageSha256?: string[];
  format: ReportFormat;
  presentation: Presentation;
  body: string;
  /** Division code of the body: 6 digits (county, department) or 9 (township). */
  division: string;
  organKind: OrganKind;
  year: number;
  /** Title as listed (may be poor). */
  title: string;
  /** Detail page that links the attachment, when there is one. */
  detailUrl?: string;
  /** The column URL that lists it. */
  column: string;
  /** Under a robots.txt Disallow: must not be fetched and is not counted as expected. */
  robotsExcluded: boolean;
  /** Published only from revision 2 on. */
  fromRevision?: number;
  /** Bytes change in revision 2. */
  changedInRevision?: number;
  /** Template of the generated report (t2021, t2019, hybrid, free_form). */
  template: string;
}

export interface NonReportTruth {
  url: string;
  kind: NonReportKind;
  title: string;
  sha256: string;
  column?: string;
}

export type TrapKind = 'endless-pager' | 'past-count' | 'calendar' | 'search' | 'session-id' | 'year-archive';

export interface TrapTruth {
  kind: TrapKind;
  /** Host (`ip:port`) the trap lives on. */
  host: string;
  /** Regular expression (source) matched against path + query. */
  pattern: string;
  /**
   * `distinct`: distinct matching URLs beyond `guard` count (when `min`/`max` are given, only URLs whose first
   * captured number is outside [min, max] match); `repeats`: requests matching minus distinct pages after the
   * session part is removed.
   */
  measure: 'distinct' | 'repeats';
  min?: number;
  max?: number;
  /** Pages a polite crawler may fetch there. */
  guard: number;
  note: string;
}

export interface ColumnTruth {
  url: string;
  body: string;
  division: string;
  organKind: OrganKind;
  /** What it is: the organ's 年报 column, a year sub-column, a grouped sub-column (部门/乡镇), a module page. */
  role: 'column' | 'year' | 'group' | 'module';
  year?: number;
  /** Data URL behind a scripted column (gkmlpt API, dataproxy), for reference. */
  dataUrl?: string;
}

export interface HostTruth {
  role: 'www' | 'xxgk' | 'files';
  /** `http://ip:port` */
  base: string;
  /** `ip:port` */
  host: string;
  robots: string;
  /** Seconds, from robots.txt. */
  crawlDelay?: number;
}

export interface PortalTruth {
  id: string;
  name: string;
  family: Family;
  patterns: Pattern[];
  /** 6-digit county division code. */
  division: string;
  entryUrl: string;
  /** Host names (IPs) for the registry's allowed_hosts. */
  allowedHosts: string[];
  hosts: HostTruth[];
  rps: number;
  columns: ColumnTruth[];
  reports: ReportTruth[];
  nonReports: NonReportTruth[];
  traps: TrapTruth[];
  /** robots.txt Disallow rules, per host. */
  disallowed: { host: string; path: string }[];
  /** URLs of every document-like page or file (reports, pages of split reports, non-reports, wrappers), for the rerun measure. */
  documentUrls: string[];
  /** Mobile twins of report pages (other bytes, same report): storing both counts a report twice. */
  twins: { url: string; of: string }[];
  revision: number;
  /** URLs whose bytes changed in revision 2, reports new in revision 2, and non-report files new with them (a 图解). */
  revision2: { changed: string[]; added: string[]; addedFiles?: string[] };
  /** Needs a real browser for some of its lists. */
  needsBrowser: boolean;
}

export interface TruthFile {
  seed: number;
  revision: number;
  createdAt: string;
  portals: PortalTruth[];
  /** Hosts that belong to no portal (mirrors, national sites): any request there is off-host. */
  foreignHosts: string[];
}
