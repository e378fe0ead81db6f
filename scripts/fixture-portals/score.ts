/**
 * CLI: `npx tsx scripts/fixture-portals/score.ts --db DB --truth truth.json [--requests requests.jsonl]
 *   [--rerun-requests requests2.jsonl] [--json] [--detail]` scores a nianbao database against the portals'
 * truth (written by serve.ts / run-eval.ts) and the servers' request log (JSON lines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { LoggedRequest } from '../fixture-site/server.ts';
import { formatScore } from './score-table.ts';
import { scoreCrawl } from './scorer.ts';
import type { TruthFile } from './types.ts';

export function readRequests(path: string | undefined): LoggedRequest[] {
  if (!path || !existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LoggedRequest);
}

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' }, truth: { type: 'string' }, requests: { type: 'string' }, 'rerun-requests': { type: 'string' },
      json: { type: 'boolean', default: false }, detail: { type: 'boolean', default: false },
    },
  });
  if (!values.db || !values.truth) {
    process.stderr.write('usage: score.ts --db DB --truth truth.json [--requests requests.jsonl] [--rerun-requests FILE] [--json] [--detail]\n');
    return 2;
  }
  const truth = JSON.parse(readFileSync(values.truth, 'utf8')) as TruthFile;
  const score = scoreCrawl({
    db: values.db, truth, requests: readRequests(values.requests),
    rerunRequests: values['rerun-requests'] ? readRequests(values['rerun-requests']) : undefined,
  });
  process.stdout.write(values.json ? `${JSON.stringify(score, null, 1)}\n` : formatScore(score, values.detail));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
