/**
 * Scores a crawl against the portals' truth: per portal, family and pattern (and per presentation, organ kind
 * and format for reports) — reports found / expected (a stored document whose URL or sha256 matches; once the
 * pipeline has parsed, only with status ok or flagged, and whether its year and division are right),
 * non-reports kept, other pages kept, mobile twins kept, trap pages beyond their guard, requests outside the
 * allowed hosts, requests against robots.txt, per-host rate, and for a second run after setRevision(2) the
 * documents fetched again though neither new nor changed (304s are fine).
 */
import type { LoggedRequest } from '../fixture-site/server.ts';
import { normUrl, readCrawlDb, type CrawlDb } from './score-db.ts';
import { requestFigures } from './score-requests.ts';
import type { PortalTruth, ReportTruth, TruthFile } from './types.ts';

export interface Figures {
  portals: number;
  expected: number;
  found: number;
  /** Found and parsed ok / flagged (null before the pipeline parsed anything). */
  parsedOk: number | null;
  /** Parsed ok with the right year and division code. */
  attributed: number | null;
  nonReports: number;
  nonReportsKept: number;
  otherKept: number;
  twinsKept: number;
  splitComplete: number;
  splitExpected: number;
  trapPagesBeyond: number;
  offHost: number;
  robotsViolations: number;
  rateViolations: number;
  requests: number;
  /** Second run: documents fetched again (200) that were neither new nor changed. */
  refetchedUnchanged: number | null;
}

export interface PortalScore extends Figures {
  id: string;
  family: string;
  patterns: string[];
  missing: { url: string; presentation: string; organKind: string; year: number }[];
  keptNonReports: { url: string; kind: string }[];
  keptOther: string[];
  traps: { kind: string; fetched: number; beyond: number }[];
  offHostUrls: string[];
  robotsUrls: string[];
  /** Documents the second crawl fetched again (200) though they did not change. */
  refetchedUrls: string[];
  peakPerSecond: number;
  allowedPerSecond: number;
  byReport: { presentation: string; organKind: string; format: string; found: boolean; parsedOk: boolean | null }[];
}

export interface Score {
  parsed: boolean;
  total: Figures;
  byPortal: PortalScore[];
  byFamily: Record<string, Figures>;
  byPattern: Record<string, Figures>;
  byPresentation: Record<string, Figures>;
  byOrganKind: Record<string, Figures>;
  byFormat: Record<string, Figures>;
  foreignRequests: number;
}

export interface ScoreInput {
  /** Path of the nianbao database, or its contents already read. */
  db: string | CrawlDb;
  truth: TruthFile;
  /** The servers' request log of the run scored. */
  requests: LoggedRequest[];
  /** A second run after setRevision(2): its requests only (truth must then be the revision-2 truth). */
  rerunRequests?: LoggedRequest[];
}

const OK = new Set(['ok', 'flagged']);

export function emptyFigures(): Figures {
  return {
    portals: 0, expected: 0, found: 0, parsedOk: null, attributed: null, nonReports: 0, nonReportsKept: 0, otherKept: 0, twinsKept: 0,
    splitComplete: 0, splitExpected: 0, trapPagesBeyond: 0, offHost: 0, robotsViolations: 0, rateViolations: 0, requests: 0, refetchedUnchanged: null,
  };
}

export function addFigures(a: Figures, b: Partial<Figures>): Figures {
  const out = { ...a };
  for (const [k, v] of Object.entries(b) as [keyof Figures, number | null][]) {
    if (typeof v !== 'number') continue;
    const cur = out[k];
    (out as unknown as Record<string, number>)[k] = (typeof cur === 'number' ? cur : 0) + v;
  }
  return out;
}

function reportUrls(r: ReportTruth): string[] {
  return [r.url, ...(r.aliases ?? []), ...(r.pages ?? [])].map(normUrl);
}

function scorePortal(p: PortalTruth, db: CrawlDb, parsed: boolean, reqs: LoggedRequest[], rerun?: LoggedRequest[]): PortalScore {
  const docs = db.documents;
  const byNorm = new Map<string, typeof docs>();
  const bySha = new Map<string, typeof docs>();
  for (const d of docs) {
    byNorm.set(d.norm, [...(byNorm.get(d.norm) ?? []), d]);
    bySha.set(d.sha256, [...(bySha.get(d.sha256) ?? []), d]);
  }
  const matchesOf = (urls: string[], shas: string[]): typeof docs => [...urls.flatMap((u) => byNorm.get(u) ?? []), ...shas.flatMap((s) => bySha.get(s) ?? [])];
  const okStatus = (sha: string): boolean => OK.has(db.reports.get(sha)?.status ?? '');
  const claimed = new Set<(typeof docs)[number]>();
  const byReport: PortalScore['byReport'] = [];
  const missing: PortalScore['missing'] = [];
  let found = 0, parsedOk = 0, attributed = 0, splitComplete = 0, splitExpected = 0;
  for (const r of p.reports.filter((x) => !x.robotsExcluded)) {
    const m = matchesOf(reportUrls(r), [r.sha256, ...(r.pageSha256 ?? [])]);
    m.forEach((d) => claimed.add(d));
    const isFound = m.length > 0;
    const ok = parsed ? m.some((d) => okStatus(d.sha256)) : null;
    const right = parsed && m.some((d) => {
      const rep = db.reports.get(d.sha256);
      return rep !== undefined && OK.has(rep.status) && rep.year === r.year && rep.division === r.division;
    });
    if (isFound) found++;
    else missing.push({ url: r.url, presentation: r.presentation, organKind: r.organKind, year: r.year });
    if (ok) parsedOk++;
    if (right) attributed++;
    if (r.pages) {
      splitExpected++;
      // Compared as normalised URLs: a crawler may send the query's parameters in another order. A report
      // revision 2 adds can only be fetched by the second run.
      const added = p.revision2.added.includes(r.url);
      const fetched = new Set([...reqs, ...(added ? rerun ?? [] : [])].filter((q) => q.status === 200 || q.status === 304).map((q) => normUrl(`http://x${q.path}`)));
      if (r.pages.every((u) => fetched.has(normUrl(`http://x${new URL(u).pathname}${new URL(u).search}`)))) splitComplete++;
    }
    byReport.push({ presentation: r.presentation, organKind: r.organKind, format: r.format, found: isFound, parsedOk: ok });
  }
  for (const r of p.reports.filter((x) => x.robotsExcluded)) matchesOf(reportUrls(r), [r.sha256]).forEach((d) => claimed.add(d));
  const kept = (d: (typeof docs)[number]): boolean => (parsed ? okStatus(d.sha256) : true);
  const keptNonReports: PortalScore['keptNonReports'] = [];
  for (const n of p.nonReports) {
    const m = matchesOf([normUrl(n.url)], [n.sha256]).filter((d) => !claimed.has(d));
    m.forEach((d) => claimed.add(d));
    if (m.some(kept)) keptNonReports.push({ url: n.url, kind: n.kind });
  }
  const twinDocs = p.twins.flatMap((t) => byNorm.get(normUrl(t.url)) ?? []);
  twinDocs.forEach((d) => claimed.add(d));
  const own = docs.filter((d) => d.siteId === p.id || p.hosts.some((h) => d.url.includes(`//${h.host}/`)));
  const keptOther = own.filter((d) => !claimed.has(d) && kept(d)).map((d) => d.url);
  const rf = requestFigures(p, reqs);
  const hosts = new Set(p.hosts.map((h) => h.host));
  const offHostUrls = db.fetches.filter((f) => f.siteId === p.id && !hosts.has(hostOf(f.url))).map((f) => f.url);
  let refetchedUnchanged: number | null = null;
  const refetchedUrls: string[] = [];
  if (rerun) {
    const fresh = new Set([...p.revision2.changed, ...p.revision2.added].flatMap((u) => {
      const r = p.reports.find((x) => x.url === u);
      return r ? [...reportUrls(r), ...(r.detailUrl ? [normUrl(r.detailUrl)] : [])] : [normUrl(u)];
    }).concat((p.revision2.addedFiles ?? []).map(normUrl)));
    const docUrls = new Set(p.documentUrls.map(normUrl));
    refetchedUnchanged = rerun.filter((q) => {
      const h = p.hosts.find((x) => x.role === q.site.slice(p.id.length + 1));
      const u = h ? normUrl(`${h.base}${q.path}`) : '';
      const again = q.status === 200 && docUrls.has(u) && !fresh.has(u);
      if (again) refetchedUrls.push(u);
      return again;
    }).length;
  }
  return {
    id: p.id, family: p.family, patterns: p.patterns, portals: 1, expected: byReport.length, found, parsedOk: parsed ? parsedOk : null,
    attributed: parsed ? attributed : null, nonReports: p.nonReports.length, nonReportsKept: keptNonReports.length, otherKept: keptOther.length,
    twinsKept: twinDocs.filter(kept).length, splitComplete, splitExpected, trapPagesBeyond: rf.trapPagesBeyond, offHost: offHostUrls.length,
    robotsViolations: rf.robotsViolations.length, rateViolations: rf.rateViolations, requests: rf.requests, refetchedUnchanged,
    missing, keptNonReports, keptOther, traps: rf.traps.map((t) => ({ kind: t.kind, fetched: t.fetched, beyond: t.beyond })), offHostUrls,
    robotsUrls: rf.robotsViolations, refetchedUrls, peakPerSecond: rf.peakPerSecond, allowedPerSecond: rf.allowedPerSecond, byReport,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function group<T>(rows: T[], keys: (r: T) => string[], figures: (r: T) => Partial<Figures>, parsed: boolean): Record<string, Figures> {
  const out: Record<string, Figures> = {};
  for (const r of rows) for (const k of keys(r)) out[k] = addFigures(out[k] ?? { ...emptyFigures(), parsedOk: parsed ? 0 : null }, figures(r));
  return out;
}

export function scoreCrawl(input: ScoreInput): Score {
  const db = typeof input.db === 'string' ? readCrawlDb(input.db) : input.db;
  const parsed = db.reports.size > 0;
  const logOf = (reqs: LoggedRequest[], id: string): LoggedRequest[] => reqs.filter((r) => r.site.startsWith(`${id}-`));
  const byPortal = input.truth.portals.map((p) => scorePortal(p, db, parsed, logOf(input.requests, p.id), input.rerunRequests ? logOf(input.rerunRequests, p.id) : undefined));
  const strip = (s: PortalScore): Partial<Figures> => {
    const { id: _i, family: _f, patterns: _p, missing: _m, keptNonReports: _k, keptOther: _o, traps: _t, offHostUrls: _h, robotsUrls: _r, refetchedUrls: _u, peakPerSecond: _a, allowedPerSecond: _b, byReport: _c, ...f } = s;
    return f;
  };
  const foreign = new Set(input.truth.foreignHosts);
  const foreignRequests = input.requests.filter((r) => r.site.startsWith('foreign-') || foreign.has(r.host)).length;
  const reports = byPortal.flatMap((s) => s.byReport);
  const rep = (r: PortalScore['byReport'][number]): Partial<Figures> => ({ expected: 1, found: r.found ? 1 : 0, parsedOk: r.parsedOk === null ? null : r.parsedOk ? 1 : 0 });
  const total = byPortal.reduce((a, s) => addFigures(a, strip(s)), { ...emptyFigures(), parsedOk: parsed ? 0 : null, attributed: parsed ? 0 : null, refetchedUnchanged: input.rerunRequests ? 0 : null });
  return {
    parsed, total, byPortal, foreignRequests,
    byFamily: group(byPortal, (s) => [s.family], strip, parsed),
    byPattern: group(byPortal, (s) => s.patterns, strip, parsed),
    byPresentation: group(reports, (r) => [r.presentation], rep, parsed),
    byOrganKind: group(reports, (r) => [r.organKind], rep, parsed),
    byFormat: group(reports, (r) => [r.format], rep, parsed),
  };
}
