/**
 * Figures from the portals' request log (what the servers saw): trap pages fetched beyond their guard,
 * requests on hosts outside every portal, requests robots.txt forbids, and the per-host request rate against
 * the registry's rps and any Crawl-delay.
 */
import m from 'robots-parser';
import type { LoggedRequest } from '../fixture-site/server.ts';
import { normUrl } from './score-db.ts';
import type { PortalTruth, TrapTruth } from './types.ts';

const robotsParser = m as unknown as typeof m.default;

export interface RequestFigures {
  requests: number;
  trapPagesBeyond: number;
  traps: { kind: string; pattern: string; fetched: number; beyond: number }[];
  robotsViolations: string[];
  /** Gaps between two arrivals at one host shorter than 90% of the allowed interval. */
  rateViolations: number;
  /** Most requests to one host within any 1 s window. */
  peakPerSecond: number;
  /** Allowed requests per second on the strictest host. */
  allowedPerSecond: number;
}

function trapFigures(trap: TrapTruth, reqs: LoggedRequest[]): { fetched: number; beyond: number } {
  const re = new RegExp(trap.pattern);
  const hits = reqs.filter((r) => r.status !== 0 && re.test(r.path));
  if (trap.measure === 'repeats') {
    const distinct = new Set(hits.map((r) => normUrl(`http://h${r.path}`)));
    return { fetched: hits.length, beyond: Math.max(0, hits.length - distinct.size - trap.guard) };
  }
  const distinct = new Set<string>();
  for (const r of hits) {
    const n = re.exec(r.path)?.[1];
    const num = n === undefined ? undefined : Number(n);
    const outside = num === undefined || (trap.min !== undefined && num < trap.min) || (trap.max !== undefined && num > trap.max);
    if (outside) distinct.add(normUrl(`http://h${r.path}`));
  }
  return { fetched: hits.length, beyond: Math.max(0, distinct.size - trap.guard) };
}

/** Request figures of one portal; `reqs` are the log entries of its hosts. */
export function requestFigures(p: PortalTruth, reqs: LoggedRequest[]): RequestFigures {
  const byHost = new Map<string, LoggedRequest[]>();
  for (const r of reqs) {
    const h = hostOfEntry(r, p);
    byHost.set(h, [...(byHost.get(h) ?? []), r]);
  }
  const traps = p.traps.map((t) => ({ kind: t.kind, pattern: t.pattern, ...trapFigures(t, byHost.get(t.host) ?? []) }));
  const robotsViolations: string[] = [];
  let rateViolations = 0;
  let peak = 0;
  let allowed = p.rps;
  for (const h of p.hosts) {
    const list = (byHost.get(h.host) ?? []).slice().sort((a, b) => a.time - b.time);
    const robot = robotsParser(`${h.base}/robots.txt`, h.robots);
    for (const r of list) {
      if (r.path === '/robots.txt') continue;
      if (robot.isAllowed(`${h.base}${r.path}`, r.userAgent || 'nianbao') === false) robotsViolations.push(`${h.base}${r.path}`);
    }
    const interval = Math.max(1000 / p.rps, (h.crawlDelay ?? 0) * 1000);
    allowed = Math.min(allowed, 1000 / interval);
    for (let i = 1; i < list.length; i++) if (list[i]!.time - list[i - 1]!.time < interval * 0.9) rateViolations++;
    for (let i = 0, j = 0; i < list.length; i++) {
      while (list[i]!.time - list[j]!.time >= 1000) j++;
      peak = Math.max(peak, i - j + 1);
    }
  }
  return {
    requests: reqs.length, trapPagesBeyond: traps.reduce((s, t) => s + t.beyond, 0), traps, robotsViolations, rateViolations,
    peakPerSecond: peak, allowedPerSecond: Math.round(allowed * 100) / 100,
  };
}

/** `ip:port` the request was served on (the server's own address, not the Host header). */
function hostOfEntry(r: LoggedRequest, p: PortalTruth): string {
  const role = r.site.slice(p.id.length + 1);
  return p.hosts.find((h) => h.role === role)?.host ?? r.host;
}
