/**
 * The registry probe (`nianbao sites probe`) against simulated county portals of every CMS family
 * (scripts/fixture-portals, served by another process so its CPU is not counted): requests per portal, the
 * probe's own CPU per request, and what a national probe would take — every portal of the shared list at
 * 1 request/s per host with the CLI's default parallelism (64 portals at once): CPU from the measured CPU per
 * request, wall clock from the requests per portal (each portal's requests are spaced a second apart).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRegistry } from '../../../src/divisions/default-registry.ts';
import { importPortalList } from '../../../src/registry/import.ts';
import { runProbe } from '../../../src/registry/probe-run.ts';
import { writeImport } from '../../../src/registry/store.ts';
import { openDb } from '../../../src/store/db.ts';
import { fmtNum, formatTable, section } from '../table.ts';

export interface ProbeParams {
  /** Simulated portals probed. */
  portals: number;
  seed: number;
}

export interface ProbeResult {
  portals: number;
  reached: number;
  columns: number;
  requests: number;
  wallMs: number;
  cpuMsPerRequest: number;
}

/** Portals in the national list, and the CLI's default parallelism. */
export const NATIONAL_PORTALS = 3215;
const CONCURRENCY = 64;
const NIGHT_MS = 8 * 3600_000;
const SERVE = fileURLToPath(new URL('../../fixture-portals/serve.ts', import.meta.url));

interface Served {
  dir: string;
  stop(): Promise<void>;
}

function serve(p: ProbeParams): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-probe-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SERVE, '--n', String(p.portals), '--seed', String(p.seed), '--no-render', '--rps', '1000', '--out', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the simulated portals did not start in time'));
    }, 120_000);
    let buf = '';
    child.once('error', reject);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      if (!/\nrevision \d/.test(buf)) return;
      clearTimeout(timer);
      resolve({
        dir,
        async stop() {
          child.kill('SIGTERM');
          const t = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(t);
          rmSync(dir, { recursive: true, force: true });
        },
      });
    });
  });
}

export async function probeTask(p: ProbeParams, log: (s: string) => void): Promise<ProbeResult> {
  const served = await serve(p);
  try {
    const truth = JSON.parse(readFileSync(join(served.dir, 'truth.json'), 'utf8')) as { portals: { division: string; entryUrl: string; allowedHosts: string[] }[] };
    const registry = defaultRegistry();
    const list = ['path,url', ...truth.portals.map((x) => `${registry.path(x.division)},${x.entryUrl}`)].join('\n');
    const imported = importPortalList(list, registry, { file: 'portals.csv', defaults: { rps: 1000, pageLimit: 500, maxDepth: 6 } });
    const db = openDb(join(served.dir, 'probe.sqlite'));
    try {
      writeImport(db, imported.value.rows, new Date().toISOString());
      for (const x of truth.portals) db.prepare('UPDATE site_registry SET allowed_hosts = ? WHERE entry_url = ?').run(x.allowedHosts.join(';'), x.entryUrl);
      const t0 = performance.now();
      const s = await runProbe({ db, registry, userAgent: 'nianbao-bench', concurrency: 8 });
      const wallMs = performance.now() - t0;
      log(`probe: ${s.sites} portals, ${s.requests} requests in ${Math.round(wallMs)} ms, ${s.cpuMsPerRequest.toFixed(2)} ms of CPU per request`);
      return { portals: s.sites, reached: s.reached, columns: s.columns, requests: s.requests, wallMs, cpuMsPerRequest: s.cpuMsPerRequest };
    } finally {
      db.close();
    }
  } finally {
    await served.stop();
  }
}

/** A national probe projected from the measured figures: CPU and wall clock, in ms. */
export function nationalProbe(r: ProbeResult): { requests: number; cpuMs: number; wallMs: number } {
  const perPortal = r.requests / Math.max(1, r.portals);
  const requests = perPortal * NATIONAL_PORTALS;
  return { requests, cpuMs: requests * r.cpuMsPerRequest, wallMs: Math.ceil(NATIONAL_PORTALS / CONCURRENCY) * perPortal * 1000 };
}

export function probeAim(r: ProbeResult): { id: string; aim: string; measured: string; met: boolean | null } {
  const n = nationalProbe(r);
  const h = (ms: number) => `${(ms / 3600_000).toFixed(2)} h`;
  return {
    id: 'registry-probe', aim: `a probe of all ${NATIONAL_PORTALS.toLocaleString('en-US')} portals fits one night (8 h) at 1 request/s per host, ${CONCURRENCY} portals at once`,
    measured: `${fmtNum(r.cpuMsPerRequest)} ms of CPU per request, ${fmtNum(r.requests / Math.max(1, r.portals))} requests per portal: ${Math.round(n.requests).toLocaleString('en-US')} requests, ${h(n.wallMs)} of wall clock, ${h(n.cpuMs)} of CPU`,
    met: n.wallMs < NIGHT_MS && n.cpuMs < NIGHT_MS,
  };
}

export function probeTable(r: ProbeResult): string {
  const n = nationalProbe(r);
  return section(`registry probe (nianbao sites probe) on ${r.portals} simulated portals of every family, served by another process`, formatTable(
    ['portals', 'reached', 'columns found', 'requests', 'wall s', 'CPU ms/request', 'national: requests', 'national: wall h', 'national: CPU h'],
    [[String(r.portals), String(r.reached), String(r.columns), String(r.requests), fmtNum(r.wallMs / 1000), fmtNum(r.cpuMsPerRequest),
      Math.round(n.requests).toLocaleString('en-US'), fmtNum(n.wallMs / 3600_000), fmtNum(n.cpuMs / 3600_000)]],
    ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  ));
}
