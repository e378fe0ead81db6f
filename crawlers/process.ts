/**
 * One frontier row, start to end: page limit, robots.txt, (conditional) GET through the host gate, then by
 * status: body handling, 304, redirect (the target is queued as a link), 429/503 (host paused for
 * Retry-After), 5xx and network errors (exponential backoff), other 4xx (failed, or blocked with evidence).
 */
import { PipelineError } from '../src/model/errors.ts';
import { classifyStatus, parseRetryAfter, retryDelay } from './backoff.ts';
import { classifyPage } from './block.ts';
import { canonicalUrl, hostAllowed, urlKey } from './canonical.ts';
import { AbortedBeforeStart, gatedGet, robotsFor, type RunContext, type SiteRun } from './context.ts';
import { logFetch, touchDocument } from './documents.ts';
import type { FrontierRow } from './frontier.ts';
import { handleBody } from './handle-body.ts';
import type { HttpResponse } from './http.ts';
import { block, fail, retryLater, validators } from './outcomes.ts';
import { renderList, solveChallenge } from './render.ts';

function conditionalHeaders(row: FrontierRow): Record<string, string> {
  // Documents are revalidated only when stored (sha256 known); lists always when we have validators.
  if ((row.kind !== 'list' && row.sha256 === null) || row.method === 'POST') return {};
  const h: Record<string, string> = {};
  if (row.etag) h['if-none-match'] = row.etag;
  if (row.last_modified) h['if-modified-since'] = row.last_modified;
  return h;
}

function onRedirect(ctx: RunContext, row: FrontierRow, site: SiteRun, res: HttpResponse): void {
  const target = res.headers.location ? canonicalUrl(res.headers.location, row.url) : undefined;
  if (!target) return fail(ctx, row, site, 'redirect.invalid');
  if (urlKey(target) === row.url_key) return fail(ctx, row, site, 'redirect.loop');
  if (!hostAllowed(target, site.config.allowedHosts)) return fail(ctx, row, site, 'redirect.offsite');
  ctx.frontier.add(site.config.id, {
    url: target, kind: row.kind, role: row.role ?? undefined, title: row.title ?? undefined,
    publishedAt: row.published_at ?? undefined, depth: row.depth, context: row.context ?? undefined,
  }, row.referrer ?? row.url, site.cycle);
  ctx.frontier.done(row.url_key, site.cycle, {});
}

function onNotModified(ctx: RunContext, row: FrontierRow, site: SiteRun, res: HttpResponse): void {
  ctx.frontier.done(row.url_key, site.cycle, validators(res.headers));
  if (row.kind !== 'list' && touchDocument(ctx.db, row.url_key, new Date(ctx.now()).toISOString())) {
    ctx.stats.document(row.host, 'not_modified');
  }
}

/** Evidence of a JS cookie challenge in an error response, when it is one. */
function challengeOf(res: HttpResponse): string | undefined {
  if (!/html/i.test(res.headers['content-type'] ?? '') && !res.body.subarray(0, 200).toString('latin1').includes('<')) return undefined;
  const verdict = classifyPage(res.body.toString('utf8'), res.status);
  return verdict.kind === 'challenge' ? verdict.evidence : undefined;
}

function onClientError(ctx: RunContext, row: FrontierRow, site: SiteRun, res: HttpResponse): void {
  if (/html/i.test(res.headers['content-type'] ?? '') || res.body.subarray(0, 200).toString('latin1').includes('<')) {
    const verdict = classifyPage(res.body.toString('utf8'), res.status);
    if (verdict.kind !== 'ok') return block(ctx, row, site, `blocked.http_${res.status}`, verdict.evidence);
  }
  fail(ctx, row, site, `http.${res.status}`);
}

async function fetchAndHandle(ctx: RunContext, row: FrontierRow, site: SiteRun): Promise<void> {
  const headers = conditionalHeaders(row);
  if (row.referrer) headers.referer = row.referrer;
  site.pages++;
  let res: HttpResponse;
  try {
    res = await gatedGet(ctx, row.url, headers, row.method === 'POST' ? { body: row.body ?? '' } : undefined);
  } catch (e) {
    if (e instanceof AbortedBeforeStart) throw e;
    const kind = e instanceof PipelineError ? e.code : 'internal';
    logFetch(ctx.db, { runId: ctx.runId, url: row.url, siteId: site.config.id, errorKind: kind, conditional: 'if-none-match' in headers || 'if-modified-since' in headers });
    if (e instanceof PipelineError && e.retryable) return retryLater(ctx, row, site, kind);
    return fail(ctx, row, site, kind);
  }
  const outcome = classifyStatus(res.status);
  ctx.stats.page(row.host, row.url, outcome === 'not_modified');
  logFetch(ctx.db, {
    runId: ctx.runId, url: row.url, siteId: site.config.id, status: res.status, bytes: res.body.length, ms: res.ms,
    conditional: 'if-none-match' in headers || 'if-modified-since' in headers,
    errorKind: outcome === 'ok' || outcome === 'not_modified' || outcome === 'redirect' ? undefined : `http.${res.status}`,
  });
  // A firewall's JS challenge answers with an error status (412, 468, 521 …): passed by the browser like a
  // visitor would, or recorded as blocked; never retried in a loop.
  if (outcome === 'retry' || outcome === 'fail') {
    const challenge = challengeOf(res);
    if (challenge) return solveChallenge(ctx, row, site, challenge);
  }
  switch (outcome) {
    case 'ok': {
      const r = await handleBody(ctx, row, site, res);
      if (r.kind === 'challenge') await solveChallenge(ctx, row, site, r.evidence);
      else if (r.kind === 'needs_browser') ctx.frontier.requeueForBrowser(row.url_key);
      return;
    }
    case 'not_modified':
      return onNotModified(ctx, row, site, res);
    case 'redirect':
      return onRedirect(ctx, row, site, res);
    case 'throttled': {
      const ra = parseRetryAfter(res.headers['retry-after'], ctx.now());
      const delay = retryDelay(row.retries + 1, ra, { baseMs: ctx.backoffBaseMs });
      ctx.gate.pause(row.host, ctx.now() + delay);
      return retryLater(ctx, row, site, `http.${res.status}`, delay, 2);
    }
    case 'retry':
      return retryLater(ctx, row, site, `http.${res.status}`);
    default:
      return onClientError(ctx, row, site, res);
  }
}

/** Processes one claimed row; never throws except AbortedBeforeStart (the caller releases the row). */
export async function processRow(ctx: RunContext, row: FrontierRow, site: SiteRun): Promise<void> {
  const rules = await robotsFor(ctx, row.url);
  if (!rules.allowed(row.url)) {
    // robots.txt unreachable (5xx, network): RFC 9309 says crawl nothing; that is an error of this run.
    if (rules.status === 'unavailable') return fail(ctx, row, site, 'robots.unavailable');
    ctx.frontier.end(row.url_key, site.cycle, 'failed', 'robots.disallowed');
    return ctx.stats.disallow('robots.disallowed');
  }
  const rps = Math.min(ctx.hostRps.get(row.host) ?? Infinity, site.config.rps);
  ctx.hostRps.set(row.host, rps);
  ctx.gate.configure(row.host, rps, rules.crawlDelayMs ?? 0);
  if (row.kind === 'list' && (row.render === 'browser' || site.config.render === 'browser')) return renderList(ctx, row, site);
  await fetchAndHandle(ctx, row, site);
}
