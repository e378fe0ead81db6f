/**
 * Frontier growth: URLs added through `Frontier.add` (the crawler's own path, 10,000 per transaction as a
 * busy crawl would) into a temp database, with RSS, heap, database size, the insert rate, and the time of
 * one `claim` (what the crawl loop runs before every batch of requests) at each checkpoint.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Frontier } from '../../../crawlers/frontier.ts';
import type { SiteConfig } from '../../../crawlers/types.ts';
import { openDb } from '../../../src/store/db.ts';
import { median } from '../stats.ts';

export interface FrontierParams {
  checkpoints: number[];
  hosts: number;
  batch: number;
}

export interface FrontierPoint {
  urls: number;
  rss: number;
  heapUsed: number;
  /** Database file plus its WAL, bytes. */
  dbBytes: number;
  /** URLs added per second since the previous checkpoint. */
  addPerSec: number;
  /** One claim of 16 due rows (2 per host), ms (median of 3). */
  claimMs: number | null;
  pendingCountMs: number;
}

export interface FrontierResult {
  gcExposed: boolean;
  points: FrontierPoint[];
}

function fileSize(p: string): number {
  return existsSync(p) ? statSync(p).size : 0;
}

const SITE: SiteConfig = {
  id: 'bench', name: 'bench', entryUrl: 'http://h0.bench.example/', entryRole: 'home', adapter: 'generic', render: 'static',
  rps: 1, pageLimit: 2000, allowedHosts: ['bench.example'], maxDepth: 6,
};

export async function frontierTask(p: FrontierParams, log: (s: string) => void): Promise<FrontierResult> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-frontier-'));
  const path = join(dir, 'nianbao.sqlite');
  const db = openDb(path);
  const gc = (globalThis as { gc?: () => void }).gc;
  try {
    const f = new Frontier(db);
    const now = new Date().toISOString();
    f.startSite(SITE, 'home', now);
    const points: FrontierPoint[] = [];
    let n = 0;
    for (const target of [...p.checkpoints].sort((a, b) => a - b)) {
      const t0 = performance.now();
      const from = n;
      while (n < target) {
        const end = Math.min(target, n + p.batch);
        db.transaction(() => {
          for (; n < end; n++) {
            const host = `h${n % p.hosts}.bench.example`;
            f.add(SITE.id, { url: `http://${host}/zfxxgk/zfxxgknb/${2014 + (n % 11)}/t${n}_${(n * 7919) % 100003}.html`, kind: 'detail', depth: 2,
              title: '某某县人民政府政府信息公开工作年度报告', publishedAt: '2024-01-31' }, `http://${host}/zfxxgk/zfxxgknb/`, 1);
          }
        })();
      }
      const addPerSec = ((n - from) * 1000) / (performance.now() - t0);
      const claims: number[] = [];
      for (let i = 0; i < 3; i++) {
        const c0 = performance.now();
        const rows = f.claim(now, 2, 16, [], [], [SITE.id]);
        claims.push(performance.now() - c0);
        for (const r of rows) f.release(r.url_key);
      }
      const q0 = performance.now();
      f.pendingCount();
      const pendingCountMs = performance.now() - q0;
      gc?.();
      const mem = process.memoryUsage();
      points.push({
        urls: n, rss: mem.rss, heapUsed: mem.heapUsed, dbBytes: fileSize(path) + fileSize(`${path}-wal`),
        addPerSec, claimMs: median(claims), pendingCountMs,
      });
      log(`frontier: ${n.toLocaleString('en-US')} URLs, RSS ${(mem.rss / 1048576).toFixed(0)} MiB, db ${(points.at(-1)!.dbBytes / 1048576).toFixed(0)} MiB, ` +
        `${Math.round(addPerSec)} adds/s, claim ${median(claims)?.toFixed(0)} ms`);
    }
    return { gcExposed: gc !== undefined, points };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
