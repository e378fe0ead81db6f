/** Final and intermediate outcomes of one frontier row: store, fail, block, retry later, add links. */
import { backoffDelay } from './backoff.ts';
import type { RunContext, SiteRun } from './context.ts';
import { recordDocument } from './documents.ts';
import type { Rejected } from './discover.ts';
import type { FrontierRow } from './frontier.ts';
import { contentTypeFor } from './sniff.ts';
import type { FoundLink } from './types.ts';

export function fail(ctx: RunContext, row: FrontierRow, site: SiteRun, kind: string): void {
  ctx.frontier.end(row.url_key, site.cycle, 'failed', kind);
  ctx.stats.error(row.host, kind);
}

export function block(ctx: RunContext, row: FrontierRow, site: SiteRun, kind: string, evidence: string): void {
  ctx.frontier.end(row.url_key, site.cycle, 'blocked', `${kind}: ${evidence}`.slice(0, 500));
  ctx.stats.block(row.host, kind);
}

/** Queues the row again after a delay, or fails it when it has used its attempts. */
export function retryLater(ctx: RunContext, row: FrontierRow, site: SiteRun, kind: string, delayMs?: number, extraAttempts = 0): void {
  const attempt = row.retries + 1;
  if (attempt >= ctx.maxAttempts + extraAttempts) return fail(ctx, row, site, kind);
  const delay = delayMs ?? backoffDelay(attempt, { baseMs: ctx.backoffBaseMs });
  ctx.frontier.retry(row.url_key, site.cycle, kind, ctx.now() + delay);
}

/** Adds discovered links and counts the rejected ones, in one transaction. */
export function addLinks(ctx: RunContext, row: FrontierRow, site: SiteRun, links: FoundLink[], rejected: Rejected[]): number {
  let added = 0;
  ctx.db.transaction(() => {
    for (const l of links) if (ctx.frontier.add(site.config.id, l, row.url, site.cycle)) added++;
  })();
  for (const r of rejected) ctx.stats.skip(r.reason);
  return added;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export function validators(headers: Record<string, string>): Validators {
  return { etag: headers.etag, lastModified: headers['last-modified'] };
}

/** Stores bytes as a document version and marks the row done, in one transaction (blob first). */
export function storeDocument(
  ctx: RunContext,
  row: FrontierRow,
  site: SiteRun,
  bytes: Buffer,
  meta: { ext: string; contentType?: string; title?: string; publishedAt?: string; validators: Validators },
): void {
  const sha = ctx.blobs.put(bytes);
  const now = new Date(ctx.now()).toISOString();
  const outcome = ctx.db.transaction(() => {
    const o = recordDocument(ctx.db, {
      urlKey: row.url_key, url: row.url, siteId: site.config.id, sha256: sha, bytes: bytes.length, ext: meta.ext,
      contentType: contentTypeFor(meta.ext, meta.contentType), title: meta.title, publishedAt: meta.publishedAt,
      referrer: row.referrer ?? undefined, now,
    });
    ctx.frontier.done(row.url_key, site.cycle, { ...meta.validators, sha256: sha });
    return o;
  })();
  ctx.stats.document(row.host, outcome);
}
