/** `nianbao extract`: extract every stored document not yet extracted with the current extractor. */
import type { Command } from 'commander';
import { executePlan } from './execute.ts';
import { withExitCode } from './exit-codes.ts';
import { requireDatabase } from './require-db.ts';
import { addExtractOptions, addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .description('extract stored documents (worker processes, a time limit each) that have no current extraction')
    .option('--retry-failed', 'also extract again the documents whose extraction failed')
    .option('--json', 'print the run summary as JSON');
  addExtractOptions(addStoreOptions(cmd)).action((o: CommonOptions & { retryFailed?: boolean; json?: boolean }) =>
    withExitCode(() => {
      const config = configFrom(cmd, o);
      requireDatabase(config);
      return executePlan(config, { command: 'extract', extract: { retryFailed: o.retryFailed } }, o);
    }),
  );
}
