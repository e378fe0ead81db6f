/**
 * A national night, simulated: `portals` virtual county portals (national/portals.ts) served by one process on
 * as many loopback addresses. A first crawl (politeness off) stores every report; then the nightly revisit
 * runs as `nianbao run` would, at `rps` requests per second per host, with nothing new on any portal. The
 * revisit reports wall time, requests/s, the crawler's CPU (ms per request, a CPU profile: where the time goes),
 * its memory over time, the server's CPU, and what limits the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crawl } from '../../../crawlers/index.ts';
import { BlobStore } from '../../../src/store/blobs.ts';
import { openDb, type Db } from '../../../src/store/db.ts';
import { generateCorpus } from '../../corpus/corpus.ts';
import { portalShape, portalSites } from '../national/portals.ts';
import { startPortalServer } from '../national/server.ts';
import { summarizeProfile, type CpuProfile, type ProfileRow } from '../profile.ts';
import type { Aim } from '../results.ts';

export interface NationalParams {
  portals: number;
  /** Requests per second per host in the revisit. */
  rps: number;
  /** Requests in flight across all hosts (crawl's globalConcurrency) in the revisit. */
  concurrency: number;
}

export interface CrawlFigures {
  wallMs: number;
  cpuMs: number;
  requests: number;
  /** Responses by HTTP status, or by error kind when there was no response. */
  statuses: Record<string, number>;
  documents: number;
  newDocuments: number;
  changedDocuments: number;
  errors: number;
}

export interface NationalResult {
  portals: number;
  listPages: number;
  reports: number;
  rps: number;
  concurrency: number;
  seed: CrawlFigures;
  revisit: CrawlFigures & {
    /** RSS (MiB) sampled every second; heap used at the end. */
    rssMiB: number[];
    heapUsedMiB: number;
    /** Least time a host's requests take at `rps`: its request count / rps, the busiest host. */
    politeFloorMs: number;
    serverCpuMs: number;
    serverRequests: number;
    profile: { totalMs: number; self: ProfileRow[]; inclusive: ProfileRow[] } | null;
  };
}

function reportText(): string {
  const d = generateCorpus({ n: 8, seed: 5, formats: ['txt'] }).find((x) => !x.expected.error && x.expected.template !== 'free_form');
  return d ? d.source : '政府信息公开工作年度报告';
}

function statuses(db: Db, runId: string): { requests: number; statuses: Record<string, number>; maxPerHost: number } {
  // A fetch without a response is counted by its error kind (retried attempts included).
  const rows = db.prepare("SELECT COALESCE(CAST(status AS TEXT), error_kind, 'none') AS s, COUNT(*) AS n FROM fetches WHERE run_id = ? GROUP BY 1").all(runId) as { s: string; n: number }[];
  const perHost = new Map<string, number>();
  for (const url of db.prepare('SELECT url FROM fetches WHERE run_id = ?').pluck().all(runId) as string[]) {
    const host = new URL(url).host;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
  }
  return { requests: rows.reduce((a, r) => a + r.n, 0), statuses: Object.fromEntries(rows.map((r) => [String(r.s), r.n])), maxPerHost: Math.max(0, ...perHost.values()) };
}

export async function nationalTask(p: NationalParams, log: (s: string) => void): Promise<NationalResult> {
  const server = await startPortalServer(p.portals, reportText());
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-national-'));
  const db = openDb(join(dir, 'nianbao.sqlite'));
  const blobs = new BlobStore(join(dir, 'raw'));
  try {
    const run = async (runId: string, sites: ReturnType<typeof portalSites>, politeness: boolean, concurrency: number, sample?: () => void) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const timer = sample ? setInterval(sample, 1000) : undefined;
      let s;
      try {
        s = await crawl({
          db, blobs, sites, runId, politeness, browser: 'never', globalConcurrency: concurrency, progressIntervalMs: 10_000,
          onProgress: (x) => log(`national ${runId}: ${x.pages} requests, ${x.pending} pending, ${x.inFlight} in flight, ${Math.round(x.elapsedMs / 1000)} s`),
        });
      } finally {
        clearInterval(timer);
      }
      const wallMs = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const st = statuses(db, runId);
      const fig: CrawlFigures = {
        wallMs, cpuMs: (c.user + c.system) / 1000, requests: st.requests, statuses: st.statuses,
        documents: s.documents, newDocuments: s.newDocuments, changedDocuments: s.changedDocuments, errors: s.errors,
      };
      return { fig, maxPerHost: st.maxPerHost };
    };
    // The first night: every report fetched and stored, as fast as the machine allows.
    const seed = await run('national-seed', portalSites(p.portals, server.port, 1000), false, 64);
    log(`national: seed crawl ${seed.fig.requests} requests, ${seed.fig.documents} documents in ${Math.round(seed.fig.wallMs / 1000)} s`);
    // The nightly revisit: nothing new, every host at its rate.
    const rss: number[] = [];
    const sample = () => rss.push(Math.round(process.memoryUsage().rss / 1048576));
    sample();
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    let profile: NationalResult['revisit']['profile'] = null;
    let revisit;
    try {
      revisit = await run('national-revisit', portalSites(p.portals, server.port, p.rps), true, p.concurrency, sample);
    } finally {
      const { profile: raw } = await session.post('Profiler.stop');
      session.disconnect();
      profile = summarizeProfile(raw as unknown as CpuProfile, 20);
    }
    sample();
    const srv = await server.stop();
    return {
      portals: p.portals,
      listPages: Array.from({ length: p.portals }, (_, i) => portalShape(i).pages).reduce((a, b) => a + b, 0),
      reports: Array.from({ length: p.portals }, (_, i) => portalShape(i).reports).reduce((a, b) => a + b, 0),
      rps: p.rps, concurrency: p.concurrency, seed: seed.fig,
      revisit: {
        ...revisit.fig, rssMiB: rss, heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 1048576),
        politeFloorMs: (revisit.maxPerHost / p.rps) * 1000, serverCpuMs: srv.cpuMs, serverRequests: srv.requests, profile,
      },
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The revisit's memory counts as flat when its RSS at the end is at most this much above its RSS a tenth in. */
const FLAT = 1.25;
const AIM_MS = 15 * 60_000;

/** What bounds the revisit's wall time (pure). */
export function nationalLimit(r: NationalResult): string {
  const v = r.revisit;
  const busy = v.cpuMs / v.wallMs;
  // The profile tells how much of the time the crawler's thread had work (not idle): when it always had, it is
  // CPU-bound even if a busy machine gave it less than a core.
  const p = v.profile;
  const idle = p?.self.find((x) => x.name === '(idle)')?.ms ?? 0;
  const working = p && p.totalMs > 0 ? 1 - idle / p.totalMs : null;
  const top = p?.inclusive.find((x) => /crawlers\//.test(x.name) && !/^loop /.test(x.name));
  if (busy > 0.8 || (working ?? 0) > 0.8) {
    return `the crawler's CPU: its thread had work ${Math.round((working ?? busy) * 100)} % of the time (the machine gave it ${Math.round(busy * 100)} % of a core)` +
      (top ? `; ${top.name} takes ${Math.round(top.share * 100)} % of it` : '');
  }
  if (v.politeFloorMs > 0.8 * v.wallMs) return `the per-host rate (the busiest host needs ${Math.round(v.politeFloorMs / 1000)} s at ${r.rps} request/s)`;
  return `neither the crawler's CPU (${Math.round(busy * 100)} % of one core) nor the per-host rate (${Math.round(v.politeFloorMs / 1000)} s): the rest is waiting for the machine (other load, the portal server's ${Math.round(v.serverCpuMs / 1000)} s of CPU) and for responses`;
}

export function nationalAim(r: NationalResult): Aim {
  const v = r.revisit;
  const rss = v.rssMiB;
  const early = rss[Math.min(rss.length - 1, Math.floor(rss.length / 10))] ?? 0;
  const end = rss[rss.length - 1] ?? 0;
  const flat = early > 0 && end <= early * FLAT;
  const perReq = v.requests ? v.cpuMs / v.requests : null;
  return {
    id: 'national', aim: `national night: revisit of ${r.portals.toLocaleString('en-US')} portals (nothing new) at ${r.rps} request/s per host in < 15 min, memory flat`,
    measured: `${(v.wallMs / 60_000).toFixed(1)} min, ${v.requests.toLocaleString('en-US')} requests (${(v.requests / (v.wallMs / 1000)).toFixed(0)} /s), ` +
      `crawler CPU ${(v.cpuMs / 1000).toFixed(0)} s (${perReq?.toFixed(2) ?? '—'} ms/request), RSS ${early} → ${end} MiB (max ${Math.max(...rss)}); limited by ${nationalLimit(r)}`,
    met: v.wallMs < AIM_MS && flat && v.errors === 0,
  };
}
