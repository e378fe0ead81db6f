/**
 * Start-up, measured from outside as a user runs it: `node bin/nianbao.mjs --help`, `nianbao parse` of one real
 * PDF (the largest), and every real PDF parsed in one call against `pdftotext -layout` over the same files.
 * Each command runs under GNU time (wall, user + system CPU of the process and the children it waited for, peak
 * RSS). The same PDF is also parsed in this process (warm, after one untimed parse) for the in-process figure,
 * its CPU including the children (mutool) from /proc/self/stat. The CLI bundle is built first (the run says
 * whether the bundle or the TypeScript ran).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Aim } from '../results.ts';
import { median } from '../stats.ts';
import { realPdfs } from '../samples.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO, 'bin/nianbao.mjs');

export interface StartupParams {
  helpRuns: number;
  parseRuns: number;
}

export interface Timing {
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
}

export interface StartupResult {
  /** Why the bundle was not used (null: the bundle ran). */
  bundleStale: string | null;
  help: Timing[];
  file: string | null;
  parseCli: Timing[];
  parseInProcess: { wallMs: number; cpuMs: number }[];
  /** All real PDFs, each `copies` times, in one `nianbao parse` call; pdftotext -layout once per file. */
  batch: { parses: number; cli: Timing | null; pdftotext: Timing | null } | null;
}

/** Runs a command under GNU time; null when it failed. */
function timed(cmd: string, args: string[]): Timing | null {
  const env = { ...process.env };
  delete env.NIANBAO_FROM_SOURCE;
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '@@time %U %S %M', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024, cwd: REPO });
  const wallMs = performance.now() - t0;
  const m = /@@time ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) return null;
  return { wallMs, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, maxRssKiB: Number(m[3]) };
}

/** CPU ms of this process and of the children it has waited for (clock ticks of 10 ms). */
function cpuWithChildren(): number {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After the command name: state is field 3, so utime (14) … cstime (17) are at 11 … 14.
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10;
}

export async function startupTask(p: StartupParams, log: (s: string) => void): Promise<StartupResult> {
  spawnSync(process.execPath, [join(REPO, 'scripts/build/build.mjs'), '--quiet'], { stdio: 'inherit' });
  // @ts-expect-error plain JavaScript module without types
  const { staleReason } = (await import('../../build/fresh.mjs')) as { staleReason: () => string | null };
  const bundleStale = staleReason();
  const help: Timing[] = [];
  for (let i = 0; i < p.helpRuns; i++) {
    const t = timed(process.execPath, [BIN, '--help']);
    if (t) help.push(t);
  }
  log(`startup: --help median ${Math.round(median(help.map((t) => t.wallMs)) ?? NaN)} ms wall, ${Math.round(median(help.map((t) => t.cpuMs)) ?? NaN)} ms CPU (${bundleStale ?? 'bundle'})`);
  const pdfs = realPdfs();
  const file = pdfs.length ? pdfs.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a)) : null;
  const parseCli: Timing[] = [];
  const parseInProcess: { wallMs: number; cpuMs: number }[] = [];
  if (file) {
    const { parseBytes } = await import('../../../src/pipeline/parse-file.ts');
    const bytes = new Uint8Array(readFileSync(file));
    await parseBytes(bytes, { file }); // warm-up: modules, division registry, JIT
    // Interleaved, so both see the same load.
    for (let i = 0; i < p.parseRuns; i++) {
      const c0 = cpuWithChildren();
      const t0 = performance.now();
      await parseBytes(bytes, { file });
      parseInProcess.push({ wallMs: performance.now() - t0, cpuMs: cpuWithChildren() - c0 });
      const t = timed(process.execPath, [BIN, 'parse', '--jsonl', file]);
      if (t) parseCli.push(t);
    }
    log(`startup: parse ${basename(file)}: CLI ${Math.round(median(parseCli.map((t) => t.cpuMs)) ?? NaN)} ms CPU, in-process ${Math.round(median(parseInProcess.map((t) => t.cpuMs)) ?? NaN)} ms CPU`);
  }
  let batch: StartupResult['batch'] = null;
  if (pdfs.length) {
    const copies = Math.max(1, Math.ceil(24 / pdfs.length));
    const all = Array.from({ length: copies }, () => pdfs).flat();
    const cli = timed(process.execPath, [BIN, 'parse', '--jsonl', ...all]);
    let ref: Timing | null = { wallMs: 0, cpuMs: 0, maxRssKiB: 0 };
    for (const f of all) {
      const t = timed('pdftotext', ['-layout', f, '/dev/null']);
      if (!t || !ref) { ref = null; continue; }
      ref = { wallMs: ref.wallMs + t.wallMs, cpuMs: ref.cpuMs + t.cpuMs, maxRssKiB: Math.max(ref.maxRssKiB, t.maxRssKiB) };
    }
    batch = { parses: all.length, cli, pdftotext: ref };
  }
  return { bundleStale, help, file: file ? basename(file) : null, parseCli, parseInProcess, batch };
}

/** The start-up aims (pure): --help under 0.3 s, one PDF under 2× the in-process figure plus start-up, memory. */
export function startupAims(s: StartupResult): Aim[] {
  const med = (xs: number[]) => median(xs);
  const f = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? '—' : Math.round(v).toLocaleString('en-US'));
  const ran = s.bundleStale === null ? 'the bundle' : `the TypeScript (${s.bundleStale})`;
  const help = med(s.help.map((t) => t.cpuMs));
  const helpWall = med(s.help.map((t) => t.wallMs));
  const cli = med(s.parseCli.map((t) => t.cpuMs));
  const inproc = med(s.parseInProcess.map((t) => t.cpuMs));
  const rss = s.parseCli.length ? Math.max(...s.parseCli.map((t) => t.maxRssKiB)) / 1024 : null;
  const bound = help != null && inproc != null ? 2 * inproc + help : null;
  const aims: Aim[] = [
    { id: 'startup-help', aim: 'nianbao --help under 0.3 s (CPU, as a user runs it)', measured: `${f(help)} ms CPU, ${f(helpWall)} ms wall (median of ${s.help.length}; ${ran})`, met: help == null ? null : help < 300 },
    {
      id: 'startup-parse', aim: 'nianbao parse of one real PDF ≤ 2× the in-process figure + start-up (CPU, children included)',
      measured: `${s.file ?? '—'}: ${f(cli)} ms CPU against ${f(bound)} (in-process ${f(inproc)} ms, --help ${f(help)} ms)`,
      met: cli == null || bound == null ? null : cli <= bound,
      note: 'the rest is the division registry and its fuzzy index, built once per process (about 0.4 s of CPU)',
    },
    { id: 'startup-memory', aim: 'peak memory of nianbao parse of that PDF < 300 MB', measured: `${f(rss)} MiB`, met: rss == null ? null : rss < 300 },
  ];
  if (s.batch?.cli && s.batch.pdftotext) {
    aims.push({
      id: 'startup-batch', aim: `${s.batch.parses} real PDF parses in one nianbao parse call vs pdftotext -layout on each (reported)`,
      measured: `${f(s.batch.cli.cpuMs)} ms CPU vs ${f(s.batch.pdftotext.cpuMs)} ms (${(s.batch.cli.cpuMs / Math.max(1, s.batch.pdftotext.cpuMs)).toFixed(1)}×); wall ${f(s.batch.cli.wallMs)} vs ${f(s.batch.pdftotext.wallMs)} ms`,
      met: null,
    });
  }
  return aims;
}
