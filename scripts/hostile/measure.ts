/**
 * The README's "Hostile inputs" table: generates each hostile file at full size into a temp folder, runs
 * `nianbao parse FILE` on it in a child process under GNU time, and prints file kind → outcome, wall time and
 * peak resident memory (the largest of the process and the converters it waited for). Then one
 * `nianbao run --no-crawl` (2 workers) over all of them as stored documents, with the peak memory of its whole
 * process tree (workers and converters summed).
 *
 *     npx tsx scripts/hostile/measure.ts [--only nested,bomb] [--keep DIR]
 */
import { spawn, spawnSync } from 'node:child_process';
import { BlobStore } from '../../src/store/blobs.ts';
import { openDb } from '../../src/store/db.ts';
import { RssSampler } from '../bench/proc-tree.ts';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as h from './files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (p: string) => readFileSync(join(ROOT, 'test/fixtures', p));

interface Case {
  id: string;
  kind: string;
  make: () => Buffer | Promise<Buffer>;
  ext: string;
}

const CASES: Case[] = [
  { id: 'bomb', kind: 'DOCX zip bomb whose headers lie (2 GB inflated, 40 KB declared)', ext: 'docx', make: () => h.lyingZipBombDocx(2_000_000_000) },
  { id: 'nested', kind: 'HTML, 100,000 nested `<div>`s', ext: 'html', make: () => h.nestedDivs(100_000) },
  { id: 'huge', kind: 'HTML page of 50 MB', ext: 'html', make: () => h.hugeHtml(50_000_000) },
  { id: 'junk', kind: 'text file of 10 MB junk', ext: 'txt', make: () => h.junkText(10_000_000) },
  { id: 'html-limit', kind: 'HTML page just under the limit (2 M characters, 20,000 tables)', ext: 'html', make: () => h.hugeHtml(3_900_000) },
  { id: 'text-limit', kind: 'text file just under the limit (4 M characters of junk)', ext: 'txt', make: () => h.junkText(4_150_000) },
  { id: 'docx-limit', kind: 'DOCX just under the limit (3 MB of document.xml, 30,000 paragraphs)', ext: 'docx', make: () => h.largeDocx(3_100_000) },
  { id: 'blank', kind: 'PDF of 2,000 blank pages', ext: 'pdf', make: () => h.blankPagesPdf(2000) },
  { id: 'cyclic', kind: 'PDF whose page tree loops', ext: 'pdf', make: () => h.cyclicPageTreePdf() },
  { id: 'rotated', kind: 'text PDF report, every page `/Rotate 90`', ext: 'pdf', make: () => h.rotatedPdf(fixture('extractors/formats/report.pdf')) },
  { id: 'nul', kind: 'text report with stray NUL and control bytes', ext: 'txt', make: () => h.withControlBytes(fixture('seeds/004_6e18e055b7681b91.txt')) },
];

function args(): { only?: Set<string>; keep?: string } {
  const a = process.argv.slice(2);
  const at = (flag: string) => (a.includes(flag) ? a[a.indexOf(flag) + 1] : undefined);
  const only = at('--only');
  return { only: only ? new Set(only.split(',')) : undefined, keep: at('--keep') };
}

function outcome(stdout: string): string {
  try {
    const o = JSON.parse(stdout) as { errorCode?: string; template?: string; values?: Record<string, number | null> };
    if (o.errorCode) return `\`${o.errorCode}\``;
    const v = Object.values(o.values ?? {});
    return `parsed: ${o.template}, ${v.filter((x) => x !== null).length} of ${v.length} values`;
  } catch {
    return `no output (${stdout.slice(0, 80)})`;
  }
}

/** Stores the files as documents of a fresh data folder and runs the pipeline over them; figures for the README. */
async function runAll(files: string[], dataDir: string): Promise<string> {
  const db = openDb(join(dataDir, 'nianbao.sqlite'));
  const blobs = new BlobStore(join(dataDir, 'raw'));
  const now = new Date().toISOString();
  const insert = db.prepare(`INSERT INTO documents (url_key, url, site_id, sha256, version, ext, bytes, first_seen, last_seen)
    VALUES (?, ?, 'hostile', ?, 1, ?, ?, ?, ?)`);
  for (const f of files) {
    const bytes = readFileSync(f);
    const url = `http://127.0.0.1/${f.split('/').pop()}`;
    insert.run(url, url, blobs.put(bytes), f.split('.').pop(), bytes.length, now, now);
  }
  db.close();
  const t0 = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/nianbao.mjs'), 'run', '--no-crawl', '--workers', '2', '--data-dir', dataDir, '--json'], {
    stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, NIANBAO_LOG: 'quiet' },
  });
  const sampler = new RssSampler(child.pid!, 200);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  const peak = sampler.stop();
  const s = JSON.parse(out) as { parse?: { byStatus: Record<string, number> }; failedByReason: Record<string, number> };
  const statuses = Object.entries(s.parse?.byStatus ?? {}).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  return `One \`nianbao run --no-crawl --workers 2\` over all ${files.length} files: exit ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s, ` +
    `peak ${Math.round((peak ?? 0) / 2 ** 20)} MB for the whole process tree (workers and converters summed); reports: ${statuses}; ` +
    `failures: ${Object.entries(s.failedByReason).map(([k, n]) => `${k} ${n}`).join(', ')}.`;
}

const { only, keep } = args();
const dir = keep ?? mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
const rows: string[] = [];
const made: string[] = [];
for (const c of CASES.filter((x) => !only || only.has(x.id))) {
  const file = join(dir, `${c.id}.${c.ext}`);
  writeFileSync(file, await c.make());
  made.push(file);
  process.stderr.write(`${c.id}: ${statSync(file).size} bytes … `);
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, join(ROOT, 'bin/nianbao.mjs'), 'parse', file, '--jsonl'], {
    encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 600_000,
  });
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  const secs = m ? Number(m[1]) : NaN;
  const mb = m ? Math.round(Number(m[2]) / 1024) : NaN;
  const size = statSync(file).size;
  const shown = size >= 1e6 ? `${(size / 1e6).toFixed(1)} MB` : `${(size / 1e3).toFixed(1)} KB`;
  rows.push(`| ${c.kind} | ${shown} | ${outcome(r.stdout ?? '')} | ${secs.toFixed(1)} s | ${mb} MB |`);
  process.stderr.write(`${secs} s, ${mb} MB\n`);
}
process.stdout.write(['| file | size | outcome | time | peak memory |', '|---|---|---|---|---|', ...rows].join('\n') + '\n');
process.stdout.write(`\n${await runAll(made, join(dir, 'run'))}\n`);
if (!keep) rmSync(dir, { recursive: true, force: true });
