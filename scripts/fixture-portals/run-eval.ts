/**
 * CLI: `npx tsx scripts/fixture-portals/run-eval.ts [--n 30] [--seed 1] [--mode crawl|run] [--rerun]
 *   [--families trs,gkmlpt] [--patterns …] [--rps 10] [--no-render] [--out DIR] [--json] [--detail]`
 *
 * Starts the simulated portals, runs `node bin/nianbao.mjs crawl` (or `run`) on their registry as a
 * subprocess, scores the database and the servers' request log against the truth and prints the tables.
 * With --rerun, switches the portals to revision 2 and runs again, scoring the second run's refetches.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startPortals } from './index.ts';
import { formatScore } from './score-table.ts';
import { scoreCrawl } from './scorer.ts';
import { FAMILIES, PATTERNS, type Family, type Pattern } from './types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runNianbao(args: string[], timeoutMs: number, log: (s: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/nianbao.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NIANBAO_LOG: 'quiet' } });
    let tail = '';
    child.stdout.on('data', (b: Buffer) => (tail = (tail + b.toString()).slice(-4000)));
    child.stderr.on('data', (b: Buffer) => (tail = (tail + b.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      log(`nianbao ${args[0]} ran over ${Math.round(timeoutMs / 1000)} s: stopping it`);
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) log(`nianbao ${args[0]} exited ${code}:\n${tail.trim().split('\n').slice(-8).join('\n')}`);
      resolve(code ?? 1);
    });
  });
}

function list<T extends string>(v: string | undefined, all: readonly T[]): T[] | undefined {
  if (!v) return undefined;
  const out = v.split(',').map((s) => s.trim()).filter(Boolean) as T[];
  const bad = out.filter((x) => !all.includes(x));
  if (bad.length) throw new Error(`unknown: ${bad.join(', ')} (known: ${all.join(', ')})`);
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', default: '30' }, seed: { type: 'string', default: '1' }, mode: { type: 'string', default: 'crawl' },
      rerun: { type: 'boolean', default: false }, families: { type: 'string' }, patterns: { type: 'string' }, rps: { type: 'string', default: '10' },
      'no-render': { type: 'boolean', default: false }, out: { type: 'string' }, json: { type: 'boolean', default: false },
      detail: { type: 'boolean', default: false }, 'reports-per-body': { type: 'string', default: '3' }, timeout: { type: 'string', default: '3600' },
      'no-browser': { type: 'boolean', default: false },
    },
  });
  if (values.mode !== 'crawl' && values.mode !== 'run') {
    process.stderr.write('--mode is crawl or run\n');
    return 2;
  }
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const out = values.out ?? join(ROOT, 'data/out/portals-eval', `seed${values.seed}-n${values.n}-${Date.now()}`);
  mkdirSync(out, { recursive: true });
  const portals = await startPortals({
    seed: Number(values.seed), n: Number(values.n), families: list<Family>(values.families, FAMILIES), patterns: list<Pattern>(values.patterns, PATTERNS),
    rps: Number(values.rps), render: !values['no-render'], reportsPerBody: Number(values['reports-per-body']), out, log,
  });
  const dataDir = join(out, 'data');
  const args = [values.mode, '--sites', portals.sitesFile, '--data-dir', dataDir, ...(values['no-browser'] ? ['--no-browser'] : [])];
  const timeoutMs = Number(values.timeout) * 1000;
  const t0 = Date.now();
  try {
    log(`running nianbao ${values.mode} on ${portals.portals.length} portals (data in ${dataDir})`);
    await runNianbao(args, timeoutMs, log);
    const first = portals.requests.slice();
    log(`first run: ${Math.round((Date.now() - t0) / 1000)} s, ${first.length} requests`);
    writeFileSync(join(out, 'requests.jsonl'), first.map((r) => JSON.stringify(r)).join('\n'));
    let score = scoreCrawl({ db: join(dataDir, 'nianbao.sqlite'), truth: portals.truth(), requests: first });
    if (values.rerun) {
      portals.setRevision(2);
      const from = portals.requests.length;
      const t1 = Date.now();
      await runNianbao(args, timeoutMs, log);
      const second = portals.requests.slice(from);
      log(`second run: ${Math.round((Date.now() - t1) / 1000)} s, ${second.length} requests`);
      writeFileSync(join(out, 'requests-rerun.jsonl'), second.map((r) => JSON.stringify(r)).join('\n'));
      score = scoreCrawl({ db: join(dataDir, 'nianbao.sqlite'), truth: portals.truth(), requests: first, rerunRequests: second });
    }
    writeFileSync(join(out, 'score.json'), JSON.stringify(score, null, 1));
    process.stdout.write(values.json ? `${JSON.stringify(score, null, 1)}\n` : formatScore(score, values.detail));
    log(`truth, requests and score in ${out}`);
    return 0;
  } finally {
    await portals.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
