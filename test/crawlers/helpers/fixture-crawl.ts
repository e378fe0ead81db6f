/** Crawling the fixture site in tests: registry from the site's file, test-friendly timings. */
import { crawl } from '../../../crawlers/index.ts';
import { loadSites } from '../../../crawlers/sites.ts';
import { urlKey } from '../../../crawlers/canonical.ts';
import type { CrawlOptions, CrawlSummary, SiteConfig } from '../../../crawlers/types.ts';
import type { TempStore } from './store.ts';

export const CONTACT = 'mailto:crawler-test@example.org';

export function fixtureSites(sitesFile: string, only?: string[], over: Partial<SiteConfig> = {}): SiteConfig[] {
  return loadSites(sitesFile)
    .filter((s) => !only || only.includes(s.id.replace(/^fx-/, '')))
    .map((s) => ({ ...s, ...over }));
}

export function crawlFixture(store: TempStore, sites: SiteConfig[], runId: string, extra: Partial<CrawlOptions> = {}): Promise<CrawlSummary> {
  return crawl({
    db: store.db, blobs: store.blobs, sites, runId, contact: CONTACT, backoffBaseMs: 50, timeoutMs: 10_000, ...extra,
  });
}

/** (url_key, sha256) of every stored document version, sorted. */
export function storedSet(store: TempStore): string[] {
  return (store.db.prepare('SELECT url_key, sha256 FROM documents ORDER BY url_key, sha256').all() as { url_key: string; sha256: string }[])
    .map((r) => `${r.url_key} ${r.sha256}`);
}

export function hasDocument(store: TempStore, url: string, sha256: string): boolean {
  return store.db.prepare('SELECT 1 FROM documents WHERE url_key = ? AND sha256 = ?').get(urlKey(url), sha256) !== undefined;
}
