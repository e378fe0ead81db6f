/**
 * `nianbao sites probe`: every selected registry portal visited once, politely — robots.txt, the registry's
 * rate per host, at most `maxPages` pages a portal, many portals in parallel — and each result committed as it
 * ends. Portals probed within `freshDays` are skipped, so a probe killed half-way (even by SIGKILL) resumes
 * where it stopped. Column paths found on the province's portals are tried on portals where nothing was found.
 */
import PQueue from 'p-queue';
import { decodeHtml } from '../../extractors/decode.ts';
import { hostOf } from '../../crawlers/canonical.ts';
import { createHttpAgent, httpGet } from '../../crawlers/http.ts';
import { HostGate } from '../../crawlers/politeness.ts';
import { robotsFromResponse, robotsUrlFor, type RobotsRules } from '../../crawlers/robots.ts';
import type { SiteConfig } from '../../crawlers/types.ts';
import type { DivisionRegistry } from '../divisions/registry.ts';
import type { Db } from '../store/db.ts';
import { probeSite, type ProbeFetch, type ProbeResult } from './probe-site.ts';
import { storeProbe, type ProbedSite } from './probe-store.ts';

export interface ProbeRunOptions {
  db: Db;
  registry: DivisionRegistry;
  userAgent: string;
  /** Only these ids; else every row with a URL (ok, duplicate_url and wrong_code rows too: the probe settles them). */
  siteIds?: string[];
  /** Division prefix of a province (2 digits). */
  province?: string;
  /** At most this many portals. */
  limit?: number;
  /** Portals probed within this many days are skipped (default 7; 0 probes everything again). */
  freshDays?: number;
  /** Portals probed at once (default 64). */
  concurrency?: number;
  maxPages?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  onSite?: (id: string, r: ProbeResult, done: number, total: number) => void;
}

export interface ProbeRunSummary {
  sites: number;
  reached: number;
  blocked: number;
  unreachable: number;
  withColumns: number;
  columns: number;
  children: number;
  wrongCode: number;
  requests: number;
  byFamily: Record<string, number>;
  byBlock: Record<string, number>;
  elapsedMs: number;
  /** CPU time of this process per request, in ms (the probe's own overhead). */
  cpuMsPerRequest: number;
}

interface Row extends ProbedSite {
  entryUrl: string;
}

function selectSites(o: ProbeRunOptions): Row[] {
  const where = ["entry_url IS NOT NULL", "origin <> 'probe'", "status IN ('ok', 'duplicate_url', 'wrong_code')"];
  const args: unknown[] = [];
  if (o.siteIds?.length) {
    where.push(`id IN (${o.siteIds.map(() => '?').join(',')})`);
    args.push(...o.siteIds);
  }
  if (o.province) {
    where.push('division LIKE ?');
    args.push(`${o.province}%`);
  }
  const fresh = o.freshDays ?? 7;
  if (fresh > 0 && !o.siteIds?.length) {
    where.push('(probed_at IS NULL OR probed_at < ?)');
    args.push(new Date(Date.now() - fresh * 86_400_000).toISOString());
  }
  const rows = o.db.prepare(
    `SELECT id, name, division, status, rps, page_limit AS pageLimit, max_depth AS maxDepth, allowed_hosts AS allowedHosts, entry_url AS entryUrl
     FROM site_registry WHERE ${where.join(' AND ')} ORDER BY probed_at IS NOT NULL, probed_at, id${o.limit ? ' LIMIT ?' : ''}`,
  ).all(...args, ...(o.limit ? [o.limit] : [])) as Row[];
  return rows;
}

/** Column paths of the portals of a province, most used first. */
function provincePaths(db: Db, province: string): string[] {
  const urls = db.prepare(
    `SELECT c.url FROM site_columns c JOIN site_registry r ON r.id = c.site_id WHERE c.gone_at IS NULL AND r.division LIKE ?`,
  ).pluck().all(`${province}%`) as string[];
  const counts = new Map<string, number>();
  for (const u of urls) {
    try {
      const p = new URL(u).pathname;
      if (p.length > 1) counts.set(p, (counts.get(p) ?? 0) + 1);
    } catch {
      // not a URL
    }
  }
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

export async function runProbe(o: ProbeRunOptions): Promise<ProbeRunSummary> {
  const started = Date.now();
  const cpu0 = process.cpuUsage();
  const sites = selectSites(o);
  const gate = new HostGate({ globalConcurrency: Math.max(8, o.concurrency ?? 64), politeness: true });
  const agent = createHttpAgent();
  const robots = new Map<string, Promise<RobotsRules>>();
  const summary: ProbeRunSummary = {
    sites: sites.length, reached: 0, blocked: 0, unreachable: 0, withColumns: 0, columns: 0, children: 0, wrongCode: 0, requests: 0,
    byFamily: {}, byBlock: {}, elapsedMs: 0, cpuMsPerRequest: 0,
  };
  const get = (url: string, rps: number): Promise<ReturnType<typeof httpGet> extends Promise<infer R> ? R : never> => {
    const host = hostOf(url);
    gate.configure(host, rps);
    return gate.run(host, () => {
      summary.requests++;
      return httpGet({
        url, agent, timeoutMs: o.timeoutMs ?? 20_000, maxBytes: 5 * 1024 * 1024,
        headers: { 'user-agent': o.userAgent, 'accept-language': 'zh-CN,zh;q=0.9', accept: 'text/html,application/json;q=0.9,*/*;q=0.5' },
      });
    });
  };
  const rulesFor = (url: string, rps: number): Promise<RobotsRules> => {
    const host = hostOf(url);
    let p = robots.get(host);
    if (!p) {
      const target = robotsUrlFor(url);
      p = get(target, rps).then((r) => robotsFromResponse(target, r.status, r.body.toString('utf8')), () => robotsFromResponse(target, 404, ''));
      robots.set(host, p);
    }
    return p;
  };
  const queue = new PQueue({ concurrency: Math.max(1, o.concurrency ?? 64) });
  let done = 0;
  for (const row of sites) {
    void queue.add(async () => {
      if (o.signal?.aborted) return;
      const fetch: ProbeFetch = async (url) => {
        if (!(await rulesFor(url, row.rps)).allowed(url)) return undefined;
        const r = await get(url, row.rps);
        const ct = r.headers['content-type'] ?? '';
        const body = /json/i.test(ct) ? r.body.toString('utf8') : decodeHtml(r.body, ct).text;
        return { url, status: r.status, body, location: r.headers.location };
      };
      const site: SiteConfig = {
        id: row.id, name: row.name, entryUrl: row.entryUrl, entryRole: 'home', adapter: 'auto', render: 'static', rps: row.rps,
        pageLimit: row.pageLimit, maxDepth: row.maxDepth, allowedHosts: row.allowedHosts ? row.allowedHosts.split(';') : [new URL(row.entryUrl).hostname],
        ...(row.division ? { division: row.division } : {}),
      };
      const province = row.division?.slice(0, 2);
      const result = await probeSite(site, fetch, { maxPages: o.maxPages, provincePaths: province ? provincePaths(o.db, province) : [] });
      const stored = storeProbe(o.db, row, result, o.registry, new Date().toISOString());
      if (result.blockClass) summary.blocked++, (summary.byBlock[result.blockClass] = (summary.byBlock[result.blockClass] ?? 0) + 1);
      else if (!result.finalUrl || result.error) summary.unreachable++;
      else summary.reached++;
      if (result.family) summary.byFamily[result.family] = (summary.byFamily[result.family] ?? 0) + 1;
      if (result.columns.length) summary.withColumns++;
      summary.columns += result.columns.length;
      summary.children += stored.children;
      if (stored.status === 'wrong_code') summary.wrongCode++;
      o.onSite?.(row.id, result, ++done, sites.length);
    });
  }
  await queue.onIdle();
  await agent.close().catch(() => undefined);
  const cpu = process.cpuUsage(cpu0);
  summary.elapsedMs = Date.now() - started;
  summary.cpuMsPerRequest = summary.requests ? (cpu.user + cpu.system) / 1000 / summary.requests : 0;
  return summary;
}
