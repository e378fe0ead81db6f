/**
 * `npm run demo`: starts the local fixture site (scripts/fixture-site/), runs the whole pipeline against it
 * into data/out/demo.sqlite and data/out/*.csv, and prints the run summary and what was found. Run it twice:
 * the second run extracts and parses nothing again and its summary says so.
 */
import { join } from 'node:path';
import { loadConfig, PROJECT_DIR } from '../src/pipeline/config.ts';
import { createProgress, resolveMode } from '../src/pipeline/progress.ts';
import { runPipeline } from '../src/pipeline/run.ts';
import { openDb } from '../src/store/db.ts';
import { formatSummary } from '../src/pipeline/summary.ts';
import { withInterrupts } from '../src/cli/interrupts.ts';
import { startFixtureSite } from './fixture-site/index.ts';

const OUT = join(PROJECT_DIR, 'data/out');
const DEMO_PORT = 47811;

/** Columns of the findings table: a few totals researchers look at first (template code, p2008 code). */
const TOTALS: [string, string | null, string][] = [
  ['s3.new.total', 'p.requests.received', '新收申请'],
  ['s3.result.total.total', 'p.requests.closed', '办结'],
  ['s3.carried_out.total', null, '结转'],
  ['s4.review.total', 'p.review.count', '复议'],
];

/** Display width in a terminal: CJK and full-width characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  return [header, ...rows].map((r) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd()).join('\n');
}

function findings(dbPath: string): string {
  const db = openDb(dbPath);
  try {
    const reports = db
      .prepare(`SELECT id, COALESCE(division_name, body) AS body, year, format, template, status, flagged_cells FROM reports
                WHERE status <> 'not_report' ORDER BY year, body`)
      .all() as { id: number; body: string | null; year: number | null; format: string | null; template: string | null; status: string; flagged_cells: number }[];
    const cell = db.prepare('SELECT value FROM cells WHERE report_id = ? AND code = ?').pluck();
    const rows = reports.map((r) => [
      r.body ?? '?', String(r.year ?? '?'), r.format ?? '-', r.template ?? '-', r.status,
      ...TOTALS.map(([code, pCode]) => String((r.template === 'p2008' ? pCode && cell.get(r.id, pCode) : cell.get(r.id, code)) ?? '')), String(r.flagged_cells),
    ]);
    return formatTable(['body', 'year', 'format', 'template', 'status', ...TOTALS.map(([, , label]) => label), 'flagged'], rows);
  } finally {
    db.close();
  }
}

/** How to open `nianbao review` on the demo's database (README "Reviewing flagged cells"). */
function reviewHint(dbPath: string): string {
  const db = openDb(dbPath);
  const flagged = db.prepare("SELECT COUNT(*) FROM reports WHERE status = 'flagged'").pluck().get() as number;
  db.close();
  return `\n${flagged} reports are flagged. To check their cells against the sources and correct or confirm them on a local web page:
  npm run nianbao -- review --data-dir data/out --db data/out/demo.sqlite
then open the URL it prints (it carries an access token; Ctrl-C stops the page).\n`;
}

async function main(): Promise<number> {
  // A fixed port, so a second demo sees the same URLs (and the same bytes) and finds nothing new.
  const site = await startFixtureSite({ port: DEMO_PORT });
  const config = loadConfig({
    flags: { dataDir: OUT, db: join(OUT, 'demo.sqlite'), sites: site.sitesFile, exportDir: OUT },
  });
  const progress = createProgress(resolveMode(config.log));
  let summary;
  try {
    process.stdout.write(`demo: fixture site at ${site.url}; database ${config.db}; CSV in ${config.exportDir}\n`);
    summary = await withInterrupts(progress, (signal) =>
      runPipeline(config, { command: 'demo', crawl: {}, extract: {}, parse: {}, export: { dir: config.exportDir, bom: config.bom } }, { progress, signal }),
    );
  } finally {
    progress.close();
    await site.close();
  }
  process.stdout.write(`\n${formatSummary(summary)}\n\nWhat was found (data/out/reports.csv has every column):\n${findings(config.db)}\n`);
  process.stdout.write(reviewHint(config.db));
  return summary.exitCode;
}

process.exitCode = await main();
