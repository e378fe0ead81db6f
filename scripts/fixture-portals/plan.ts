/**
 * The plan of one portal, drawn from the seed: its county and organs (the government, some departments, some
 * real townships / 街道), what each organ publishes in its 年报 column (reports per year in some format and
 * presentation, non-reports around them), and what changes in revision 2. Pure: no servers, no bytes rendered.
 */
import type { Level } from '../corpus/types.ts';
import { Rng } from '../corpus/prng.ts';
import { keySeed, reportContent, type BodyRef, type DocContent } from './documents.ts';
import type { LinkStyle } from './markup.ts';
import { nonReportContent } from './nonreports.ts';
import { DEPARTMENTS, pickCounty, type County } from './places.ts';
import type { Family, NonReportKind, OrganKind, Pattern, Presentation, ReportFormat } from './types.ts';

export interface Organ {
  key: string;
  kind: OrganKind;
  /** Short name (县政府, 教育局, 石门镇). */
  short: string;
  body: string;
  division: string;
  slug: string;
  /** Numeric id for column / organ ids in URLs. */
  num: number;
  ref: BodyRef;
}

export type ItemKind = 'report' | Exclude<NonReportKind, 'wrapper'>;

export interface Disguise {
  url: 'download-jsp' | 'attach' | 'servlet' | 'redirect';
  disposition: 'rfc5987' | 'gbk-percent' | 'raw-gbk' | 'utf8-percent' | 'none';
  type: 'correct' | 'octet' | 'html' | 'force';
  text: '点击下载' | '附件' | '下载' | 'name';
  /** The link is `javascript:downloadFile('<id>')`, a page script building the URL. */
  jsCall: boolean;
}

export interface Item {
  /** Sequence number within the portal (ids in URLs). */
  n: number;
  organ: Organ;
  kind: ItemKind;
  year: number;
  /** Title as the list shows it. */
  title: string;
  /** Official title (detail page h1). */
  fullTitle: string;
  date: string;
  format: ReportFormat;
  presentation: Presentation;
  /** Report content, or a non-report's title + HTML content. */
  doc: DocContent;
  /** Pages of a split HTML report. */
  split: number;
  /** Rendered bytes of a binary attachment (set before the portal is built). */
  binary?: Buffer;
  fromRevision: number;
  /** Bytes change in revision 2. */
  changes: boolean;
  linkStyle: LinkStyle;
  fileName: string;
  disguise?: Disguise;
  viewer?: 'pdfjs' | 'iframe' | 'embed';
}

export interface PortalPlan {
  index: number;
  id: string;
  seed: number;
  family: Family;
  patterns: Pattern[];
  county: County;
  organs: Organ[];
  items: Item[];
  /** List page size of this portal. */
  pageSize: number;
  siteCode: string;
  /** Formats allowed for attachments (empty: every report is HTML). */
  binaryFormats: ReportFormat[];
}

export interface PlanOptions {
  seed: number;
  index: number;
  family: Family;
  patterns: Pattern[];
  usedCounties: Set<string>;
  /** Reports per department / township (the county government publishes every year). */
  reportsPerBody: number;
  binaryFormats: ReportFormat[];
}

const NEWEST = 2024;

function levelOf(kind: OrganKind, name: string): Level {
  if (kind === 'department') return 'department';
  if (kind === 'township') return /街道/.test(name) ? 'street' : 'township';
  return /区$/.test(name) ? 'district' : 'county';
}

function selfOf(level: Level, name: string): string {
  switch (level) {
    case 'township': return /乡$/.test(name) ? '我乡' : '我镇';
    case 'street': return '我街道';
    case 'department': return '本局';
    case 'district': return '我区';
    default: return /市$/.test(name) ? '我市' : '我县';
  }
}

function organs(rng: Rng, county: County): Organ[] {
  const out: Organ[] = [];
  const add = (kind: OrganKind, short: string, body: string, division: string, slug: string): void => {
    const level = levelOf(kind, kind === 'county' ? county.name : short);
    out.push({
      key: `${kind[0]}-${slug}`, kind, short, body, division, slug, num: 1000 + out.length * 37 + rng.int(0, 30),
      ref: { name: body, level, self: selfOf(level, kind === 'county' ? county.name : short), site: `${county.name}人民政府` },
    });
  };
  add('county', '县政府', county.body, county.code, county.slug);
  for (const [name, slug] of rng.sample(DEPARTMENTS, rng.int(2, 4))) add('department', name, `${county.name}${name}`, county.code, slug);
  for (const t of rng.sample(county.towns, rng.int(3, 5))) add('township', t.name, t.body, t.code, t.slug);
  return out;
}

function dateIn(rng: Rng, year: number): string {
  return `${year + 1}-${String(rng.weighted([[1, 6], [2, 3], [3, 2], [6, 1]] as const)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function poorTitle(rng: Rng, year: number, ext: string): string {
  return rng.pick([`${year}年度报告`, `${year}年度信息公开`, `附件：${year}年报.${ext}`, `${year}年政府信息公开年报`, `年报${year}`]);
}

/** Years an organ reports on. */
function reportYears(rng: Rng, o: Organ, perBody: number, pre2019: boolean): number[] {
  if (o.kind === 'county') {
    const ys = [2019, 2020, 2021, 2022, 2023, NEWEST].filter(() => rng.chance(0.92));
    if (pre2019) ys.unshift(...[2015, 2016, 2017, 2018].filter(() => rng.chance(0.6)));
    return ys.length ? ys : [NEWEST];
  }
  const last = rng.chance(0.8) ? NEWEST : NEWEST - 1;
  return Array.from({ length: Math.max(1, perBody) }, (_, i) => last - i).filter((y) => y >= 2019);
}

interface Drafting {
  rng: Rng;
  plan: PortalPlan;
  has: (p: Pattern) => boolean;
}

function pickFormat(d: Drafting, o: Organ): ReportFormat {
  const f = d.plan.binaryFormats;
  if (f.length === 0 || d.rng.chance(o.kind === 'township' ? 0.5 : 0.45)) return 'html';
  return d.rng.pick(f);
}

function presentation(d: Drafting, format: ReportFormat, doc: DocContent): Pick<Item, 'presentation' | 'split' | 'viewer' | 'disguise'> {
  const { rng, has } = d;
  if (format === 'html') {
    return has('split-report') && doc.template !== 'free_form' && rng.chance(0.3) ? { presentation: 'split', split: rng.int(2, 3) } : { presentation: 'html', split: 1 };
  }
  if (has('viewer') && rng.chance(0.45)) {
    const viewer = format === 'pdf' ? rng.pick(['pdfjs', 'iframe', 'embed'] as const) : 'iframe';
    return { presentation: viewer === 'pdfjs' ? 'viewer' : viewer, split: 1, viewer };
  }
  if (has('disguised-attachment') && rng.chance(0.5)) {
    return {
      presentation: 'download', split: 1,
      disguise: {
        url: rng.pick(['download-jsp', 'attach', 'servlet', 'redirect'] as const),
        disposition: rng.pick(['rfc5987', 'gbk-percent', 'raw-gbk', 'utf8-percent', 'none'] as const),
        type: rng.pick(['correct', 'octet', 'html', 'force'] as const),
        text: rng.pick(['点击下载', '附件', '下载', 'name'] as const),
        jsCall: rng.chance(0.3),
      },
    };
  }
  return { presentation: rng.chance(0.2) ? 'direct' : 'wrapper', split: 1 };
}

function linkStyle(d: Drafting): LinkStyle {
  if (!d.has('js-links')) return d.rng.chance(0.25) ? 'truncated' : 'plain';
  return d.rng.weighted([['plain', 3], ['truncated', 2], ['onclick', 2], ['location', 1], ['data-href', 1]] as const);
}

function addItem(d: Drafting, o: Organ, kind: ItemKind, year: number, doc: DocContent, format: ReportFormat, extra: Partial<Item> = {}): Item {
  const ext = format === 'html' ? 'html' : format;
  const base: Item = {
    n: d.plan.items.length + 1, organ: o, kind, year, title: doc.title, fullTitle: doc.title, date: doc.date, format,
    presentation: 'html', doc, split: 1, fromRevision: 1, changes: false, linkStyle: linkStyle(d),
    fileName: `${doc.title}.${ext}`,
  };
  const item = { ...base, ...extra };
  d.plan.items.push(item);
  return item;
}

function addReport(d: Drafting, o: Organ, year: number, fromRevision = 1): Item {
  const { rng, plan } = d;
  const format = pickFormat(d, o);
  const doc = reportContent(plan.seed, `${plan.id}/${o.key}/${year}`, o.ref, year, d.has('split-report'));
  doc.date = dateIn(rng, year);
  const item = addItem(d, o, 'report', year, doc, format, { ...presentation(d, format, doc), fromRevision });
  if (d.has('misleading-titles') && rng.chance(0.2)) {
    item.title = poorTitle(rng, year, format === 'html' ? 'html' : format);
    if (rng.chance(0.5)) item.fileName = `${rng.int(20000000, 29999999)}${rng.int(100000, 999999)}.${format === 'html' ? 'pdf' : format}`;
  }
  return item;
}

function addNonReport(d: Drafting, o: Organ, kind: Exclude<ItemKind, 'report'>, year: number, report?: Item): Item {
  const c = nonReportContent(d.rng, kind, { body: o.body, self: o.ref.self, year, values: report?.doc.values });
  const doc: DocContent = { title: c.title, content: c.content, standalone: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${c.title}</title></head><body><h1>${c.title}</h1>${c.content}</body></html>`, template: 'unknown', date: dateIn(d.rng, year) };
  const binary = kind === 'budget' && d.plan.binaryFormats.includes('pdf') && d.rng.chance(0.6);
  return addItem(d, o, kind, year, doc, binary ? 'pdf' : 'html', { presentation: binary ? 'wrapper' : 'html' });
}

function nonReports(d: Drafting, o: Organ, reports: Item[]): void {
  const { rng, has } = d;
  const latest = reports[reports.length - 1];
  const y = latest?.year ?? NEWEST;
  if (o.kind === 'county') {
    for (const r of rng.sample(reports.filter((x) => x.year >= 2019), rng.int(1, 2))) addNonReport(d, o, 'interpretation', r.year, r);
    addNonReport(d, o, rng.pick(['graphic', 'website-report'] as const), y);
    addNonReport(d, o, rng.pick(['rule-of-law', 'work-plan', 'notice'] as const), y);
    if (rng.chance(0.4)) addNonReport(d, o, rng.pick(['guide', 'system', 'draft'] as const), y);
    if (has('misleading-titles')) addNonReport(d, o, rng.pick(['misleading', 'summary'] as const), y);
    // A listed report page that was taken down: 200 with 信息不存在, under a report's title.
    if (rng.chance(0.3) && reports.length > 1) addNonReport(d, o, 'deleted', rng.pick(reports).year);
  } else if (o.kind === 'department') {
    if (rng.chance(0.6)) addNonReport(d, o, 'budget', y);
    if (rng.chance(0.3)) addNonReport(d, o, 'interpretation', y, latest);
  } else if (rng.chance(0.4)) {
    addNonReport(d, o, rng.pick(['work-plan', 'rule-of-law', 'notice'] as const), y);
  }
}

export function planPortal(o: PlanOptions): PortalPlan {
  const rng = new Rng(keySeed(o.seed, `portal-${o.index}`));
  const county = pickCounty(rng, o.family, o.usedCounties);
  const id = `p${String(o.index + 1).padStart(2, '0')}-${county.slug}`;
  const plan: PortalPlan = {
    index: o.index, id, seed: o.seed, family: o.family, patterns: o.patterns, county, organs: organs(rng, county), items: [],
    pageSize: rng.int(4, 8), siteCode: `${county.code}${String(rng.int(0, 9999)).padStart(4, '0')}`, binaryFormats: o.binaryFormats,
  };
  const d: Drafting = { rng, plan, has: (p) => o.patterns.includes(p) };
  for (const organ of plan.organs) {
    const reports = reportYears(rng, organ, o.reportsPerBody, d.has('pre2019')).map((y) => addReport(d, organ, y));
    nonReports(d, organ, reports);
  }
  // Revision 2: one HTML report corrected in place, the county's next report published.
  const changing = plan.items.find((i) => i.kind === 'report' && i.presentation === 'html' && i.organ.kind === 'county');
  if (changing) changing.changes = true;
  const county0 = plan.organs[0]!;
  const newest = Math.max(...plan.items.filter((i) => i.organ === county0 && i.kind === 'report').map((i) => i.year), NEWEST);
  addReport(d, county0, newest + 1, 2);
  return plan;
}
