/**
 * Browser paths: rendering a JS-built list, and passing a simple JS cookie challenge (the browser runs the
 * page's script like any visitor; the cookie it sets is reused for plain requests). Captchas and block pages
 * met in the browser are recorded as blocked, never bypassed.
 */
import { FetchError } from '../src/model/errors.ts';
import type { Rendered } from './browser.ts';
import { classifyPage } from './block.ts';
import { attachmentExt } from './detail.ts';
import { AbortedBeforeStart, type RunContext, type SiteRun } from './context.ts';
import { logFetch } from './documents.ts';
import type { FrontierRow } from './frontier.ts';
import { handleListHtml } from './handle-body.ts';
import { block, fail, retryLater } from './outcomes.ts';

async function renderGated(ctx: RunContext, row: FrontierRow, site: SiteRun, url = row.url): Promise<Rendered | undefined> {
  const browser = ctx.browser;
  if (!browser) return fail(ctx, row, site, 'render.browser_disabled'), undefined;
  site.pages++;
  try {
    const r = await ctx.gate.run(row.host, async () => {
      if (ctx.signal?.aborted) throw new AbortedBeforeStart(row.url);
      return browser.render(url, ctx.jar.list(row.host), ctx.gate.intervalOf(row.host));
    });
    ctx.stats.page(row.host, url);
    logFetch(ctx.db, { runId: ctx.runId, url, siteId: site.config.id, status: r.status, bytes: r.html.length, ms: r.ms, via: 'browser' });
    for (const c of r.cookies) ctx.jar.set(row.host, c.name, c.value);
    return r;
  } catch (e) {
    if (e instanceof AbortedBeforeStart) throw e;
    const kind = e instanceof FetchError || (e as { code?: string }).code ? (e as { code: string }).code : 'browser.error';
    logFetch(ctx.db, { runId: ctx.runId, url: row.url, siteId: site.config.id, errorKind: kind, via: 'browser' });
    if (e instanceof FetchError && e.retryable) retryLater(ctx, row, site, kind);
    else fail(ctx, row, site, kind);
    return undefined;
  }
}

/** A list whose entries only exist after its scripts run. */
export async function renderList(ctx: RunContext, row: FrontierRow, site: SiteRun): Promise<void> {
  const r = await renderGated(ctx, row, site);
  if (!r) return;
  const verdict = classifyPage(r.html, r.status);
  if (verdict.kind !== 'ok') return block(ctx, row, site, `blocked.${verdict.kind === 'challenge' ? 'challenge_unsolved' : 'page'}`, verdict.evidence);
  if (r.status >= 400) return fail(ctx, row, site, `http.${r.status}`);
  handleListHtml(ctx, row, site, r.html, {}, 'browser', r.responses);
}

/**
 * A JS cookie challenge answered a plain request. The page is loaded once in the browser; when the cookie it
 * sets lets the page through, the row is queued again for a plain request carrying the cookie. A host that
 * keeps challenging (or shows a captcha) is blocked.
 */
export async function solveChallenge(ctx: RunContext, row: FrontierRow, site: SiteRun, evidence: string): Promise<void> {
  const solved = ctx.challenges.get(row.host) ?? 0;
  if (!ctx.browser) return block(ctx, row, site, 'blocked.challenge_no_browser', evidence);
  if (solved >= 2) return block(ctx, row, site, 'blocked.challenge_unsolved', evidence);
  ctx.challenges.set(row.host, solved + 1);
  // The cookie is the host's: a file (which a browser would download, not show) passes through its host's home.
  const file = row.kind === 'attachment' || attachmentExt(row.url) !== undefined;
  const r = await renderGated(ctx, row, site, file ? new URL('/', row.url).toString() : row.url);
  if (!r) return;
  const verdict = classifyPage(r.html, r.status);
  if (verdict.kind !== 'ok') return block(ctx, row, site, 'blocked.challenge_unsolved', verdict.evidence);
  ctx.frontier.retry(row.url_key, site.cycle, 'challenge.passed', ctx.now(), false);
}
