/** The crawl loop: claim due frontier rows host by host, process them under politeness, until done or aborted. */
import { FetchError } from '../src/model/errors.ts';
import { BrowserRenderer } from './browser.ts';
import { AbortedBeforeStart, type RunContext, type SiteRun } from './context.ts';
import { CookieJar } from './cookies.ts';
import { logFetch } from './documents.ts';
import { Frontier, type FrontierRow } from './frontier.ts';
import { createHttpAgent } from './http.ts';
import { fail } from './outcomes.ts';
import { HostGate } from './politeness.ts';
import { processRow } from './process.ts';
import { hasColumnSlug } from './report-title.ts';
import { CrawlStats } from './stats.ts';
import type { CrawlOptions, CrawlSummary, ListRole, SiteConfig } from './types.ts';

export const CRAWLER_VERSION = '0.1.0';

export function defaultUserAgent(contact?: string): string {
  const reach = contact ? `; +${contact}` : '';
  return `nianbao/${CRAWLER_VERSION} (government information disclosure annual reports research crawler${reach})`;
}

export function entryRoleOf(site: SiteConfig): ListRole {
  if (site.entryRole !== 'auto') return site.entryRole;
  return hasColumnSlug(site.entryUrl) ? 'column' : 'home';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, Math.max(0, ms));
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function buildContext(opts: CrawlOptions, stats: CrawlStats, sites: Map<string, SiteRun>, frontier: Frontier): RunContext {
  const userAgent = opts.userAgent ?? defaultUserAgent(opts.contact);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  return {
    db: opts.db, blobs: opts.blobs, frontier, stats, sites, runId: opts.runId, userAgent, timeoutMs, maxBytes,
    gate: new HostGate({ globalConcurrency: opts.globalConcurrency ?? 8, politeness: opts.politeness ?? true }),
    jar: new CookieJar(), agent: createHttpAgent(),
    browser: opts.browser === 'never' ? undefined : new BrowserRenderer({ userAgent, timeoutMs, maxBytes }),
    maxAttempts: opts.maxAttempts ?? 4, backoffBaseMs: opts.backoffBaseMs ?? 1000, maxUrlLength: opts.maxUrlLength ?? 1024,
    signal: opts.signal, now: opts.now ?? Date.now, challenges: new Map(), robotsCache: new Map(), hostRps: new Map(), listHashes: new Map(),
  };
}

function runRow(ctx: RunContext, row: FrontierRow, site: SiteRun): Promise<void> {
  return processRow(ctx, row, site).catch((e: unknown) => {
    if (e instanceof AbortedBeforeStart) return ctx.frontier.release(row.url_key);
    const kind = e instanceof FetchError ? e.code : 'internal';
    logFetch(ctx.db, { runId: ctx.runId, url: row.url, siteId: site.config.id, errorKind: kind, evidence: String((e as Error)?.stack ?? e).slice(0, 500) });
    fail(ctx, row, site, kind);
  });
}

async function loop(ctx: RunContext, capacity: number): Promise<void> {
  const inflight = new Set<Promise<void>>();
  const perHost = new Map<string, number>();
  const siteIds = [...ctx.sites.keys()];
  // Claims are made for a batch of free slots, not one slot at a time: each claim reads the frontier (with
  // thousands of hosts waiting for their slot, that read is most of the crawler's CPU).
  const batch = Math.max(1, Math.floor(capacity / 8));
  while (!ctx.signal?.aborted) {
    if (inflight.size > capacity - batch) {
      await Promise.race(inflight);
      continue;
    }
    const limited = [...ctx.sites.values()].filter((s) => s.pages >= s.config.pageLimit).map((s) => s.config.id);
    const busy = [...perHost].filter(([, n]) => n >= 2).map(([h]) => h);
    const rows = ctx.frontier.claim(new Date(ctx.now()).toISOString(), 2, capacity - inflight.size, busy, limited, siteIds);
    if (rows.length === 0) {
      if (inflight.size > 0) {
        await Promise.race([...inflight, sleep(200)]);
        continue;
      }
      const wake = ctx.frontier.nextWakeup(limited, siteIds);
      if (wake === undefined) break;
      await sleep(Math.min(1000, wake - ctx.now()), ctx.signal);
      continue;
    }
    for (const row of rows) {
      perHost.set(row.host, (perHost.get(row.host) ?? 0) + 1);
      const p: Promise<void> = runRow(ctx, row, ctx.sites.get(row.site_id) as SiteRun).finally(() => {
        inflight.delete(p);
        perHost.set(row.host, (perHost.get(row.host) ?? 1) - 1);
      });
      inflight.add(p);
    }
  }
  await Promise.all(inflight);
}

export async function crawl(opts: CrawlOptions): Promise<CrawlSummary> {
  const stats = new CrawlStats();
  const frontier = new Frontier(opts.db);
  const sites = new Map<string, SiteRun>();
  const startIso = new Date((opts.now ?? Date.now)()).toISOString();
  for (const s of opts.sites) {
    const { cycle } = frontier.startSite(s, entryRoleOf(s), startIso);
    sites.set(s.id, { config: s, cycle, pages: frontier.fetchedInCycle(s.id, cycle) });
  }
  const ctx = buildContext(opts, stats, sites, frontier);
  const report = (): void => opts.onProgress?.(stats.progress(frontier.pendingCount(), ctx.gate.busy));
  const timer = opts.onProgress ? setInterval(report, opts.progressIntervalMs ?? 2000) : undefined;
  timer?.unref();
  try {
    await loop(ctx, Math.max(2, (opts.globalConcurrency ?? 8) * 2));
  } finally {
    if (timer) clearInterval(timer);
    await ctx.browser?.close();
    await ctx.agent.close().catch(() => undefined);
  }
  const aborted = opts.signal?.aborted === true;
  if (!aborted) {
    const endIso = new Date(ctx.now()).toISOString();
    for (const s of sites.values()) {
      const open = frontier.open(s.config.id);
      if (open > 0 && s.pages >= s.config.pageLimit) stats.skip('page_limit', open);
      if (open === 0 || s.pages >= s.config.pageLimit) frontier.finishCycle(s.config.id, endIso);
    }
  }
  report();
  return stats.summary(opts.runId, aborted);
}
