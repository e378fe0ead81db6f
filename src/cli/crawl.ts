/**
 * `nianbao crawl [--sites FILE] [--registry both|db|file] [--db PATH] [--data-dir DIR]`: crawls the site registry into the database and the
 * raw-file store, printing progress on stderr and a summary by host and error kind at the end.
 * Exit codes: 0 ok, 1 some URLs failed or were blocked, 2 usage or configuration error, 3 another run or
 * crawl holds the lock, 5 an outage (no site answered, or no document seen where the last crawl saw some).
 * The crawl is recorded in `runs` (command `crawl`) with its summary.
 * Paths: data dir = --data, else env NIANBAO_DATA_DIR, else data/out; db = --db, else env NIANBAO_DB, else
 * <data>/nianbao.sqlite; blobs = env NIANBAO_BLOBS_DIR, else <data>/raw/ (the same defaults as `nianbao run`).
 * First SIGINT/SIGTERM stops cleanly (in-flight requests finish; the next crawl resumes).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { CrawlProgress, CrawlSummary } from '../../crawlers/types.ts';
import { ConfigError } from '../model/errors.ts';
import { acquireRunLock, heartbeatLock, releaseRunLock } from '../store/run-lock.ts';
import { finishRun, startRun } from '../store/runs.ts';
import { EXIT_CODES, withExitCode } from './exit-codes.ts';
import { REGISTRY_HELP, registryMode } from './registry-option.ts';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

interface CrawlCliOptions {
  sites?: string;
  registry: string;
  db?: string;
  data?: string;
  dataDir?: string;
  site?: string[];
  contact?: string;
  userAgent?: string;
  concurrency?: string;
  browser: boolean;
  json?: boolean;
  quiet?: boolean;
  explain?: string;
  as?: string;
}

const EXPLAIN_ROLES = ['home', 'hub', 'column', 'page', 'proxy', 'script', 'detail'];

/** `--explain URL`: one page fetched and explained; no database, no lock. Exit 1 when the page could not be read. */
async function runExplain(o: CrawlCliOptions): Promise<number> {
  const url = o.explain as string;
  if (!/^https?:\/\//i.test(url)) throw new ConfigError('config.bad_flag', `--explain needs an http(s) URL, not ${url}`);
  if (o.as && !EXPLAIN_ROLES.includes(o.as)) throw new ConfigError('config.bad_flag', `--as must be one of ${EXPLAIN_ROLES.join(', ')}`);
  const { explainUrl, formatExplanation } = await import('../../crawlers/explain.ts');
  const { defaultUserAgent, loadSites } = await import('../../crawlers/index.ts');
  const { hostAllowed } = await import('../../crawlers/canonical.ts');
  const sitesPath = o.sites ?? process.env.NIANBAO_SITES ?? join(PROJECT_DIR, 'data/sites/sites.csv');
  let site;
  try {
    site = loadSites(sitesPath).find((s) => hostAllowed(url, s.allowedHosts));
  } catch {
    site = undefined; // an unreadable registry does not stop an explanation
  }
  const e = await explainUrl({
    url, site, role: o.as as never, userAgent: o.userAgent ?? process.env.NIANBAO_USER_AGENT ?? defaultUserAgent(o.contact ?? process.env.NIANBAO_CONTACT),
  });
  process.stdout.write(o.json ? `${JSON.stringify(e, null, 1)}\n` : `${formatExplanation(e)}\n`);
  return e.error || e.robots !== 'allowed' || (e.status ?? 0) >= 400 ? 1 : 0;
}

export function formatProgress(p: CrawlProgress): string {
  return `crawl: ${p.pages} pages (${p.rate.toFixed(1)}/s), ${p.documents} documents, ${p.errors} errors, ${p.blocked} blocked, ${p.pending} queued`;
}

export function formatSummary(s: CrawlSummary): string {
  const lines = [
    `crawl ${s.aborted ? 'stopped (resumable)' : 'done'} in ${(s.elapsedMs / 1000).toFixed(1)} s: ${s.pages} pages, ${s.documents} documents ` +
      `(${s.newDocuments} new, ${s.changedDocuments} changed, ${s.unchanged} unchanged, ${s.duplicates} duplicate), ` +
      `${s.errors} errors, ${s.blocked} blocked, ${s.disallowed} disallowed by robots.txt`,
  ];
  const hosts = Object.entries(s.byHost);
  if (hosts.length) {
    lines.push('by host:', `  ${'host'.padEnd(32)} ${'pages'.padStart(6)} ${'docs'.padStart(6)} ${'new'.padStart(5)} ${'304'.padStart(5)} ${'errors'.padStart(6)} ${'blocked'.padStart(7)}`);
    for (const [h, v] of hosts) {
      lines.push(`  ${h.padEnd(32)} ${String(v.pages).padStart(6)} ${String(v.documents).padStart(6)} ${String(v.newDocuments).padStart(5)} ${String(v.notModified).padStart(5)} ${String(v.errors).padStart(6)} ${String(v.blocked).padStart(7)}`);
    }
  }
  const kinds = Object.entries(s.byErrorKind).sort(([, a], [, b]) => b - a);
  if (kinds.length) lines.push('by error kind:', ...kinds.map(([k, n]) => `  ${k.padEnd(32)} ${n}`));
  const skipped = Object.entries(s.skipped);
  if (skipped.length) lines.push(`links not followed: ${skipped.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const rejected = Object.entries(s.rejected ?? {});
  if (rejected.length) lines.push(`pages fetched and not kept (not reports): ${rejected.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  return lines.join('\n');
}

async function runCrawl(o: CrawlCliOptions): Promise<number> {
  if (o.explain) return runExplain(o);
  // Loaded on use, so `nianbao --help` and other commands never load the store, the registry or the crawler.
  const [{ BlobStore }, { openDb }, { crawlHealth }, { loadSiteRegistry }] = await Promise.all([
    import('../store/blobs.ts'), import('../store/db.ts'), import('../pipeline/crawl-health.ts'), import('../pipeline/crawl-stage.ts'),
  ]);
  const dataDir = o.dataDir ?? o.data ?? process.env.NIANBAO_DATA_DIR ?? join(PROJECT_DIR, 'data/out');
  const sitesPath = o.sites ?? process.env.NIANBAO_SITES ?? join(PROJECT_DIR, 'data/sites/sites.csv');
  const db = openDb(o.db ?? process.env.NIANBAO_DB ?? join(dataDir, 'nianbao.sqlite'));
  let sites;
  try {
    sites = await loadSiteRegistry(sitesPath, o.site, db, registryMode(o.registry));
  } catch (e) {
    db.close();
    throw e;
  }
  // Loaded on use, so other commands never load the crawler (nor the browser driver).
  const { crawl } = await import('../../crawlers/index.ts');
  const concurrency = o.concurrency === undefined ? undefined : Number(o.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    db.close();
    throw new ConfigError('config.bad_flag', `--concurrency must be a positive integer, not ${o.concurrency}`);
  }
  const runId = `crawl-${new Date().toISOString()}-${randomUUID().slice(0, 8)}`;
  // The same lock as `nianbao run`: a crawl never writes the frontier while a nightly run does.
  try {
    acquireRunLock(db, { runId });
  } catch (e) {
    db.close();
    throw e;
  }
  const since = new Date().toISOString();
  startRun(db, { id: runId, command: 'crawl', now: since });
  const heartbeat = setInterval(() => heartbeatLock(db, runId), 30_000);
  const ac = new AbortController();
  const onSignal = (sig: NodeJS.Signals): void => {
    if (ac.signal.aborted) process.exit(130);
    process.stderr.write(`nianbao crawl: ${sig}: finishing requests in flight (signal again to stop now)\n`);
    ac.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await crawl({
      db, blobs: new BlobStore(process.env.NIANBAO_BLOBS_DIR ?? join(dataDir, 'raw')), sites, runId,
      contact: o.contact ?? process.env.NIANBAO_CONTACT, userAgent: o.userAgent ?? process.env.NIANBAO_USER_AGENT,
      signal: ac.signal, globalConcurrency: concurrency, browser: o.browser ? 'auto' : 'never',
      onProgress: o.quiet ? undefined : (p) => process.stderr.write(`${formatProgress(p)}\n`),
    });
    const health = crawlHealth(db, runId, since, sites, summary.aborted);
    const result = { ...summary, health };
    process.stderr.write(`${formatSummary(summary)}\n`);
    if (health.verdict !== 'ok') process.stderr.write(`${health.verdict === 'outage' ? 'OUTAGE: ' : ''}${health.reason}\n`);
    if (o.json) process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
    const exitCode = health.verdict === 'outage' ? EXIT_CODES.outage : summary.errors + summary.blocked > 0 ? EXIT_CODES.documentErrors : EXIT_CODES.ok;
    const status = summary.aborted ? 'interrupted' : exitCode === 0 ? 'ok' : 'failed';
    finishRun(db, runId, { status, exitCode, summary: { crawl: result }, now: new Date().toISOString() });
    return exitCode;
  } catch (e) {
    finishRun(db, runId, { status: 'failed', exitCode: EXIT_CODES.internal, summary: { error: String((e as Error)?.stack ?? e) }, now: new Date().toISOString() });
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    clearInterval(heartbeat);
    releaseRunLock(db, runId);
    db.close();
  }
}

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('crawl the site registry for annual reports (resumable; nightly runs fetch only what changed)')
    .option('--sites <path>', 'site registry file or folder (env NIANBAO_SITES; default data/sites/sites.csv)')
    .option('--registry <which>', REGISTRY_HELP, 'both')
    .option('--db <path>', 'SQLite database (default <data>/nianbao.sqlite)')
    .option('--data-dir <dir>', 'data folder for the database and raw files (env NIANBAO_DATA_DIR; default data/out)')
    .option('--data <dir>', 'same as --data-dir (kept for old scripts)')
    .option('--site <id...>', 'only these site ids')
    .option('--contact <url-or-email>', 'contact put in the User-Agent (env NIANBAO_CONTACT)')
    .option('--user-agent <ua>', 'replace the whole User-Agent (env NIANBAO_USER_AGENT)')
    .option('--concurrency <n>', 'requests in flight across all hosts (default 8)')
    .option('--no-browser', 'never start chromium (JS-rendered lists and cookie challenges then fail)')
    .option('--explain <url>', 'fetch one page and show what the crawler sees there and what it would follow, and why (no database)')
    .option('--as <role>', `with --explain: read the page as ${EXPLAIN_ROLES.join(' | ')} (default home for /, else column)`)
    .option('--json', 'print the summary (or the explanation) as JSON on stdout')
    .option('-q, --quiet', 'no progress lines')
    .action(async (o: CrawlCliOptions) => {
      await withExitCode(() => runCrawl(o));
    });
}
