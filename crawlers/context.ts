/** Everything one crawl run shares: store, frontier, politeness, cookies, browser, robots cache, counters. */
import type { Agent } from 'undici';
import type { BlobStore } from '../src/store/blobs.ts';
import type { Db } from '../src/store/db.ts';
import type { BrowserRenderer } from './browser.ts';
import { hostOf } from './canonical.ts';
import type { CookieJar } from './cookies.ts';
import { logFetch } from './documents.ts';
import type { Frontier } from './frontier.ts';
import { httpGet, type HttpResponse } from './http.ts';
import type { HostGate } from './politeness.ts';
import { DISALLOW_ALL, robotsFromResponse, robotsUrlFor, type RobotsRules } from './robots.ts';
import type { CrawlStats } from './stats.ts';
import type { SiteConfig } from './types.ts';

export interface SiteRun {
  config: SiteConfig;
  cycle: number;
  /** Requests made for the site in this cycle (the page limit). */
  pages: number;
}

export interface RunContext {
  db: Db;
  blobs: BlobStore;
  frontier: Frontier;
  gate: HostGate;
  jar: CookieJar;
  agent: Agent;
  browser: BrowserRenderer | undefined;
  stats: CrawlStats;
  sites: Map<string, SiteRun>;
  runId: string;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxAttempts: number;
  backoffBaseMs: number;
  maxUrlLength: number;
  signal?: AbortSignal;
  now: () => number;
  /** Challenge pages solved per host in this run (at most 2 before the host counts as blocked). */
  challenges: Map<string, number>;
  robotsCache: Map<string, Promise<RobotsRules>>;
  /** Smallest rps of the sites sharing a host. */
  hostRps: Map<string, number>;
  /** sha256 of the list pages seen per site in this run (a page repeating another adds nothing). */
  listHashes: Map<string, Set<string>>;
}

/** Thrown inside a gated task when the crawl was aborted before the request started. */
export class AbortedBeforeStart extends Error {
  override name = 'AbortedBeforeStart';
}

/** GET (or POST) through the host gate, with the run's User-Agent and cookies. */
export function gatedGet(ctx: RunContext, url: string, headers: Record<string, string> = {}, post?: { body: string }): Promise<HttpResponse> {
  const host = hostOf(url);
  return ctx.gate.run(host, async () => {
    if (ctx.signal?.aborted) throw new AbortedBeforeStart(url);
    const cookie = ctx.jar.header(host);
    const res = await httpGet({
      url,
      agent: ctx.agent,
      ...(post ? { method: 'POST' as const, body: post.body } : {}),
      timeoutMs: ctx.timeoutMs,
      maxBytes: ctx.maxBytes,
      headers: {
        'user-agent': ctx.userAgent,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.7',
        'accept-language': 'zh-CN,zh;q=0.9',
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
    });
    ctx.jar.absorb(host, res.setCookies);
    return res;
  });
}

async function loadRobots(ctx: RunContext, url: string): Promise<RobotsRules> {
  let target = robotsUrlFor(url);
  for (let hop = 0; hop < 5; hop++) {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await gatedGet(ctx, target);
        ctx.stats.page(hostOf(target), target);
        logFetch(ctx.db, { runId: ctx.runId, url: target, status: res.status, bytes: res.body.length, ms: res.ms });
        const location = res.headers.location;
        if (res.status >= 300 && res.status < 400 && location) {
          target = new URL(location, target).toString();
          break;
        }
        if (res.status >= 500 && attempt < 2) continue;
        return robotsFromResponse(target, res.status, res.body.toString('utf8'));
      } catch (e) {
        if (e instanceof AbortedBeforeStart) throw e;
        logFetch(ctx.db, { runId: ctx.runId, url: target, errorKind: (e as { code?: string }).code ?? 'internal' });
        if (attempt >= 2) return DISALLOW_ALL;
      }
    }
  }
  return DISALLOW_ALL;
}

/** robots.txt rules for a URL's host, fetched once per run (through the host gate). */
export function robotsFor(ctx: RunContext, url: string): Promise<RobotsRules> {
  const host = hostOf(url);
  let p = ctx.robotsCache.get(host);
  if (!p) {
    p = loadRobots(ctx, url);
    p.catch(() => ctx.robotsCache.delete(host));
    ctx.robotsCache.set(host, p);
  }
  return p;
}
