/**
 * The truth of a built portal in the current revision: every report (URL, sha256 of the bytes served, body,
 * division, year, robots exclusion), non-report, trap, column, robots rule and document URL.
 */
import m from 'robots-parser';
import { sha256, type HostRole, type Portal } from './portal.ts';
import type { PortalTruth, ReportTruth } from './types.ts';

// robots-parser's .d.ts declares `export default` but the package is `module.exports = fn`.
const robotsParser = m as unknown as typeof m.default;

/** A checker of URLs against every robots.txt of the portal (as any user agent matching `*`). */
export function robotsChecker(portal: Portal): (url: string) => boolean {
  const parsers = Object.entries(portal.sites).map(([role, site]) => {
    const robotsUrl = `${site!.base}/robots.txt`;
    return { host: new URL(site!.base).host, robot: robotsParser(robotsUrl, portal.robots(role as HostRole)) };
  });
  return (url) => {
    const host = new URL(url).host;
    const p = parsers.find((x) => x.host === host);
    return !p || p.robot.isAllowed(url, 'nianbao') !== false;
  };
}

export function portalTruth(portal: Portal, rps: number): PortalTruth {
  const allowed = robotsChecker(portal);
  const rev = portal.revision;
  const plan = portal.plan;
  const reports: ReportTruth[] = portal.reports.filter((r) => portal.visible(r.item)).map((r) => {
    const item = r.item;
    const pageSha = r.pageBytes?.map((b) => sha256(b()));
    const reachable = r.columns.some(allowed) && (!r.detailUrl || allowed(r.detailUrl)) && allowed(r.url) && (r.pages ?? []).every(allowed);
    return {
      url: r.url, ...(r.pages ? { pages: r.pages, pageSha256: pageSha } : {}), ...(r.aliases.length ? { aliases: r.aliases } : {}),
      sha256: sha256(r.bytes()), format: r.format, presentation: r.presentation, body: item.organ.body, division: item.organ.division,
      organKind: item.organ.kind, year: item.year, title: item.title, ...(r.detailUrl ? { detailUrl: r.detailUrl } : {}), column: r.columns[0] ?? '',
      robotsExcluded: !reachable, ...(item.fromRevision > 1 ? { fromRevision: item.fromRevision } : {}),
      ...(item.changes ? { changedInRevision: 2 } : {}), template: item.doc.template,
    };
  });
  const nonReports = portal.nonReports.filter((n) => n.visible()).map((n) => ({ url: n.url, kind: n.kind, title: n.title, sha256: sha256(n.bytes()), ...(n.column ? { column: n.column } : {}) }));
  const hosts = (Object.entries(portal.sites) as [HostRole, NonNullable<Portal['sites'][HostRole]>][]).map(([role, site]) => ({
    role, base: site.base, host: new URL(site.base).host, robots: portal.robots(role), ...(portal.crawlDelay[role] ? { crawlDelay: portal.crawlDelay[role] } : {}),
  }));
  const disallowed = (Object.entries(portal.disallow) as [HostRole, string[]][]).flatMap(([role, paths]) => paths.map((path) => ({ host: portal.host(role), path })));
  const changed = portal.reports.filter((r) => r.item.changes).map((r) => r.url);
  const added = portal.reports.filter((r) => r.item.fromRevision > 1).map((r) => r.url);
  // Files that come with a new report and are no report page (a 图解 listed beside it: attachment-list).
  const addedFiles = portal.nonReports.filter((n) => (n.item?.fromRevision ?? 1) > 1 && n.kind !== 'wrapper').map((n) => n.url);
  return {
    id: plan.id, name: `${plan.county.name}人民政府`, family: plan.family, patterns: plan.patterns, division: plan.county.code,
    entryUrl: portal.url('www', '/'), allowedHosts: hosts.map((h) => new URL(h.base).hostname).filter((h, i, a) => a.indexOf(h) === i),
    hosts, rps, columns: portal.columns, reports, nonReports, traps: portal.traps, disallowed,
    documentUrls: [...portal.documentUrls], twins: portal.twins, revision: rev, revision2: { changed, added, ...(addedFiles.length ? { addedFiles } : {}) }, needsBrowser: portal.needsBrowser,
  };
}
