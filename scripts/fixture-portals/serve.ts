/**
 * CLI: `npx tsx scripts/fixture-portals/serve.ts [--n 20] [--seed 1] [--out /tmp/portals] [--families …]
 *   [--patterns …] [--rps 10] [--no-render] [--revision 2]`
 *
 * Serves the simulated portals until Ctrl-C. Writes sites.json (the registry to crawl), truth.json and
 * expected/<sha256>.json (the values of each generated report) into --out, and the servers' request log to
 * requests.jsonl there (appended every second). SIGUSR2 switches to revision 2 (truth.json rewritten; the
 * requests from then on go to requests-rerun.jsonl).
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPortals } from './index.ts';
import { FAMILIES, PATTERNS, type Family, type Pattern } from './types.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' }, out: { type: 'string', default: '/tmp/portals' },
    families: { type: 'string' }, patterns: { type: 'string' }, rps: { type: 'string', default: '10' }, 'no-render': { type: 'boolean', default: false },
    revision: { type: 'string', default: '1' }, 'reports-per-body': { type: 'string', default: '3' },
  },
});
const pick = <T extends string>(v: string | undefined, all: readonly T[]): T[] | undefined => (v ? v.split(',').filter((x): x is T => all.includes(x as T)) : undefined);
const out = values.out!;
mkdirSync(join(out, 'expected'), { recursive: true });
const portals = await startPortals({
  seed: Number(values.seed), n: Number(values.n), out, families: pick<Family>(values.families, FAMILIES), patterns: pick<Pattern>(values.patterns, PATTERNS),
  rps: Number(values.rps), render: !values['no-render'], reportsPerBody: Number(values['reports-per-body']), log: (s) => process.stderr.write(`${s}\n`),
});
if (values.revision !== '1') portals.setRevision(Number(values.revision));
for (const [sha, e] of portals.expected()) writeFileSync(join(out, 'expected', `${sha}.json`), JSON.stringify(e, null, 1));
let log = join(out, 'requests.jsonl');
writeFileSync(log, '');
let written = 0;
const flush = (): void => {
  const fresh = portals.requests.slice(written);
  written += fresh.length;
  if (fresh.length) appendFileSync(log, `${fresh.map((r) => JSON.stringify(r)).join('\n')}\n`);
};
const timer = setInterval(flush, 1000);
for (const p of portals.portals) {
  process.stdout.write(`${p.id.padEnd(16)} ${p.family.padEnd(8)} ${p.entryUrl}  ${p.reports.length} reports  ${p.patterns.join(',')}\n`);
}
process.stdout.write(`\nsites:    ${portals.sitesFile}\ntruth:    ${portals.truthFile}\nrequests: ${log}\nrevision ${portals.revision}; kill -USR2 ${process.pid} for revision 2; Ctrl-C stops\n`);
process.on('SIGUSR2', () => {
  // The requests of the second run go to their own log, for score.ts --rerun-requests.
  flush();
  log = join(out, 'requests-rerun.jsonl');
  writeFileSync(log, '');
  portals.setRevision(2);
  process.stderr.write(`revision 2; requests now logged to ${log}\n`);
});
const stop = async (): Promise<void> => {
  clearInterval(timer);
  flush();
  await portals.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
