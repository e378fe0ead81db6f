/**
 * Crawl stage: loads the site registry (file and/or database, src/registry/combine.ts) and runs the crawler (crawlers/index.ts) with the run's store,
 * abort signal and progress. The crawler is imported on first use, so extract, reparse, export and status
 * never load it (nor the browser driver behind it).
 */
import type { CrawlProgress, CrawlSummary, SiteConfig } from '../../crawlers/types.ts';
import { ConfigError } from '../model/errors.ts';
import type { Db } from '../store/db.ts';
import { combineSites, type RegistryMode } from '../registry/combine.ts';
import { crawlableSites } from '../registry/store.ts';
import type { StageContext } from './context.ts';
import { crawlHealth, type CrawlHealth } from './crawl-health.ts';

/** The crawler's summary and whether the crawl reached its sites (crawl-health.ts). */
export interface CrawlStageSummary extends CrawlSummary {
  health: CrawlHealth;
}

export interface CrawlStageOptions {
  /** Only these site ids (default all). */
  siteIds?: string[];
  /** Passed to crawl(): requests in flight across all hosts, and whether chromium may start. */
  globalConcurrency?: number;
  browser?: 'auto' | 'never';
  /** Which registry: the database's (`nianbao sites import`), the file, or both (default). */
  registry?: RegistryMode;
}

/**
 * The sites to crawl: the registry file and/or the database registry (src/registry/combine.ts), narrowed to
 * `siteIds`. A ConfigError when an id is unknown or nothing is left to crawl.
 */
export async function loadSiteRegistry(path: string, siteIds?: string[], db?: Db, mode: RegistryMode = 'both'): Promise<SiteConfig[]> {
  const { loadSites } = await import('../../crawlers/index.ts');
  const fromDb = db && mode !== 'file' ? crawlableSites(db) : [];
  if (mode === 'db' && fromDb.length === 0) {
    throw new ConfigError('config.site_registry_empty', 'the database has no site registry with status ok (run nianbao sites import FILE first)');
  }
  const sites = combineSites(mode === 'db' ? [] : loadSites(path), fromDb).sites;
  if (!siteIds || siteIds.length === 0) return sites;
  const unknown = siteIds.filter((id) => !sites.some((s) => s.id === id));
  const where = mode === 'file' ? path : mode === 'db' ? 'the database registry' : `${path} or the database registry`;
  if (unknown.length) throw new ConfigError('config.unknown_site', `unknown site id(s) ${unknown.join(', ')} in ${where}`);
  return sites.filter((s) => siteIds.includes(s.id));
}

export async function runCrawlStage(ctx: StageContext, options: CrawlStageOptions = {}): Promise<CrawlStageSummary> {
  const sites = await loadSiteRegistry(ctx.config.sites, options.siteIds, ctx.db, options.registry);
  const { crawl } = await import('../../crawlers/index.ts');
  const since = new Date().toISOString();
  ctx.progress.log('info', 'crawl.start', { sites: sites.length, registry: ctx.config.sites, mode: options.registry ?? 'both' });
  const summary = await crawl({
    db: ctx.db, blobs: ctx.blobs, sites, runId: ctx.runId, signal: ctx.signal,
    ...(ctx.config.userAgent ? { userAgent: ctx.config.userAgent } : {}),
    ...(ctx.config.contact ? { contact: ctx.config.contact } : {}),
    ...(options.globalConcurrency ? { globalConcurrency: options.globalConcurrency } : {}),
    ...(options.browser ? { browser: options.browser } : {}),
    onProgress: (p: CrawlProgress) =>
      ctx.progress.stageSet('crawl', p.pages, p.pages + p.pending, { documents: p.documents, errors: p.errors }),
  });
  const health = crawlHealth(ctx.db, ctx.runId, since, sites, summary.aborted);
  ctx.progress.stageEnd('crawl', {
    pages: summary.pages, new: summary.newDocuments, changed: summary.changedDocuments, errors: summary.errors,
    ms: summary.elapsedMs, verdict: health.verdict, ...(health.reason ? { reason: health.reason } : {}),
  });
  return { ...summary, health };
}
