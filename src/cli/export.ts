/** `nianbao export --out DIR`: the CSV files from the store (reads only; no run lock needed). */
import type { Command } from 'commander';
import { withExitCode } from './exit-codes.ts';
import { requireDatabase } from './require-db.ts';
import { addExportOptions, addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

export function registerExport(program: Command): void {
  const cmd = program
    .command('export')
    .description('write reports.csv, cells.csv, checks.csv, warnings.csv, codebook.csv, documents.csv and the Stata/R loading scripts from the store')
    .option('--latest-only', 'only the latest report per body and year')
    .option('--json', 'print the list of files as JSON');
  addExportOptions(addStoreOptions(cmd)).action((o: CommonOptions & { latestOnly?: boolean; json?: boolean }) =>
    withExitCode(async () => {
      const config = configFrom(cmd, o);
      requireDatabase(config);
      const [{ exportDataset, SCRIPT_FILES }, { openStore }] = await Promise.all([import('../export/index.ts'), import('../pipeline/run.ts')]);
      const { db } = openStore(config);
      try {
        const files = await exportDataset(db, config.exportDir, { bom: config.bom, onlyLatest: o.latestOnly });
        process.stdout.write(o.json ? `${JSON.stringify(files)}\n` : files.map((f) => `${f.path}\t${f.rows} ${SCRIPT_FILES.includes(f.name) ? 'variables' : 'rows'}\n`).join(''));
        return 0;
      } finally {
        db.close();
      }
    }),
  );
}
