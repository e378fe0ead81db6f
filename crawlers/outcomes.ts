/** Final and intermediate outcomes of one frontier row: store, fail, block, retry later, add links. */
import { backoffDelay } from './backoff.ts';
import type { RunContext, SiteRun } from './context.ts';
import { recordDocument } from './documents.ts';
import type { Rejected } from './discover.ts';
import type { FrontierRow } from './frontier.ts';
import { contentTypeFor } from './sniff.ts';
import { dispositionFilename } from './disposition.ts';
import { isReportTitle } from './report-title.ts';
import type { FoundLink } from './types.ts';

/**
 * A row that ended failed. Hubs and external scripts are tried on the way to the columns (a portal's menu
 * links are often dead): their client errors are counted as links not followed, not as errors of the run.
 */
export function fail(ctx: RunContext, row: FrontierRow, site: SiteRun, kind: string): void {
  ctx.frontier.end(row.url_key, site.cycle, 'failed', kind);
  if ((row.role === 'hub' || row.role === 'script') && /^(http\.4\d\d|http\.soft_404|list\.not_html)$/.test(kind)) ctx.stats.skip(`${row.role}.${kind}`);
  else ctx.stats.error(row.host, kind);
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
  meta: { ext: string; contentType?: string; title?: string; publishedAt?: string; validators: Validators; filename?: string },
): void {
  const sha = ctx.blobs.put(bytes);
  // A download's own file name says what it is when its link said nothing (附件1, 下载).
  const fromHeader = dispositionFilename(meta.filename);
  const named = fromHeader?.replace(/\.(pdf|docx?|wps|rtf|ofd)$/i, '');
  const title = named && isReportTitle(named, { inColumn: true }) && (!meta.title || !isReportTitle(meta.title, { inColumn: true })) ? named : meta.title;
  const ext = meta.ext === 'doc' && /\.wps$/i.test(fromHeader ?? '') ? 'wps' : meta.ext;
  const now = new Date(ctx.now()).toISOString();
  const outcome = ctx.db.transaction(() => {
    const o = recordDocument(ctx.db, {
      urlKey: row.url_key, url: row.url, siteId: site.config.id, sha256: sha, bytes: bytes.length, ext,
      contentType: contentTypeFor(ext, meta.contentType), title, publishedAt: meta.publishedAt,
      referrer: row.referrer ?? undefined, now, context: row.context ?? undefined,
    });
    ctx.frontier.done(row.url_key, site.cycle, { ...meta.validators, sha256: sha });
    return o;
  })();
  ctx.stats.document(row.host, outcome);
}
