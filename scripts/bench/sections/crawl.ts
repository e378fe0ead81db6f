/**
 * Crawl throughput: the crawler (this process) against the fixture site (another process), politeness off,
 * no browser (the two script-only virtual sites are left out), a fresh database per repeat. Wall-clock
 * requests/s is bound by the site's shape (one request at a time per host, list → detail chains, one slow
 * page); the crawler's own CPU time per request gives the rate its overhead allows on one core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crawl, loadSites } from '../../../crawlers/index.ts';
import { BlobStore } from '../../../src/store/blobs.ts';
import { openDb } from '../../../src/store/db.ts';
import { startSiteProcess } from '../site-process.ts';
import { summarizeProfile, type CpuProfile, type ProfileRow } from '../profile.ts';

export interface CrawlParams {
  repeats: number;
  maxPerFormat: number;
}

export interface CrawlRepeat {
  requests: number;
  documents: number;
  errors: number;
  wallMs: number;
  cpuMs: number;
  /** Fetch times the crawler logged (request start → body read), ms. */
  fetchMsMedian: number | null;
  fetchMsMax: number | null;
}

export interface CrawlResult {
  sites: string[];
  excluded: string[];
  repeats: CrawlRepeat[];
  /** CPU profile of one more crawl (not timed): where the crawler's time goes. */
  profile?: { totalMs: number; self: ProfileRow[]; inclusive: ProfileRow[] };
}

const BROWSER_SITES = ['fx-jsrender', 'fx-challenge'];

export async function crawlTask(p: CrawlParams, log: (s: string) => void): Promise<CrawlResult> {
  const site = await startSiteProcess({ maxPerFormat: p.maxPerFormat });
  try {
    const all = loadSites(site.info.sitesFile);
    const sites = all.filter((s) => !BROWSER_SITES.includes(s.id));
    const repeats: CrawlRepeat[] = [];
    let profile: CrawlResult['profile'];
    for (let i = 0; i <= p.repeats; i++) {
      const profiled = i === p.repeats;
      const session = profiled ? new Session() : undefined;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-crawl-'));
      const db = openDb(join(dir, 'nianbao.sqlite'));
      try {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const s = await crawl({ db, blobs: new BlobStore(join(dir, 'raw')), sites, runId: `bench-${i}`, politeness: false, browser: 'never' });
        const wallMs = performance.now() - t0;
        const c = process.cpuUsage(c0);
        if (session) {
          const { profile: raw } = await session.post('Profiler.stop');
          session.disconnect();
          profile = summarizeProfile(raw as unknown as CpuProfile, 20);
          continue;
        }
        const f = db.prepare('SELECT ms FROM fetches WHERE ms IS NOT NULL ORDER BY ms').pluck().all() as number[];
        repeats.push({
          requests: s.pages, documents: s.documents, errors: s.errors, wallMs, cpuMs: (c.user + c.system) / 1000,
          fetchMsMedian: f.length ? f[Math.floor(f.length / 2)]! : null, fetchMsMax: f.length ? f[f.length - 1]! : null,
        });
        log(`crawl: repeat ${i + 1}/${p.repeats}: ${s.pages} requests in ${Math.round(wallMs)} ms`);
      } finally {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return { sites: sites.map((s) => s.id), excluded: all.filter((s) => BROWSER_SITES.includes(s.id)).map((s) => s.id), repeats, profile };
  } finally {
    await site.stop();
  }
}
