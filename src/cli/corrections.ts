/**
 * `nianbao corrections export FILE` and `nianbao corrections import FILE`: reviewers' decisions (nianbao review)
 * between machines. Import merges (a newer decision wins) and re-parses the documents whose decisions changed,
 * so the store reflects them at once.
 */
import type { Command } from 'commander';
import { executePlan } from './execute.ts';
import { withExitCode } from './exit-codes.ts';
import { addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

export function registerCorrections(program: Command): void {
  const group = program.command('corrections').description("reviewers' corrections (nianbao review): export to or import from a CSV file");
  const ex = group
    .command('export <file>')
    .description('write every correction and decision to FILE (the format of corrections.csv)')
    .option('--no-bom', 'without the UTF-8 byte order mark');
  addStoreOptions(ex).action((file: string, o: CommonOptions) =>
    withExitCode(async () => {
      const [{ openStore }, { exportCorrections }] = await Promise.all([import('../pipeline/run.ts'), import('../review/transfer.ts')]);
      const { db } = openStore(configFrom(ex, o));
      try {
        const n = await exportCorrections(db, file, { bom: o.bom !== false });
        process.stdout.write(`${file}\t${n} corrections\n`);
        return 0;
      } finally {
        db.close();
      }
    }),
  );
  const im = group
    .command('import <file>')
    .description('merge the corrections of FILE (a newer decision replaces an older one) and re-parse the documents they change')
    .option('--json', 'print the run summary as JSON');
  addStoreOptions(im).action((file: string, o: CommonOptions & { json?: boolean }) =>
    withExitCode(async () => {
      const config = configFrom(im, o);
      const [{ openStore }, { mergeCorrections }, { readCorrectionsFile }] = await Promise.all([
        import('../pipeline/run.ts'), import('../store/corrections.ts'), import('../review/transfer.ts'),
      ]);
      const rows = readCorrectionsFile(file);
      const { db } = openStore(config);
      let merged;
      try {
        merged = mergeCorrections(db, rows);
      } finally {
        db.close();
      }
      process.stderr.write(`corrections: ${merged.added} added, ${merged.replaced} replaced, ${merged.kept} kept; re-parsing ${merged.changedShas.length} documents\n`);
      if (merged.changedShas.length === 0) return 0;
      return executePlan(config, { command: 'corrections-import', parse: { all: true, only: merged.changedShas } }, o);
    }),
  );
}
