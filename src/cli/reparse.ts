/**
 * `nianbao reparse`: parse, validate and store again every stored document whose report is older than the
 * current extractor, parser or division resolver. No network: it works from the stored raw files and
 * extractions (documents still missing an extraction are extracted first, from the blob store).
 */
import type { Command } from 'commander';
import { executePlan } from './execute.ts';
import { withExitCode } from './exit-codes.ts';
import { requireDatabase } from './require-db.ts';
import { addExtractOptions, addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

interface ReparseOptions extends CommonOptions {
  all?: boolean;
  extract: boolean;
  json?: boolean;
}

export function registerReparse(program: Command): void {
  const cmd = program
    .command('reparse')
    .description('re-parse stored documents after a parser, extractor or registry change (offline)')
    .option('--all', 're-parse every document, even those whose report is current')
    .option('--no-extract', 'do not extract documents that lack a current extraction')
    .option('--json', 'print the run summary as JSON');
  addExtractOptions(addStoreOptions(cmd)).action((o: ReparseOptions) =>
    withExitCode(() => {
      const config = configFrom(cmd, o);
      requireDatabase(config);
      return executePlan(config, { command: 'reparse', extract: o.extract ? {} : false, parse: { all: o.all } }, o);
    }),
  );
}
