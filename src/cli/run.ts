/** `nianbao run`: crawl → extract → parse (+ validate, store) → export, incremental. */
import type { Command } from 'commander';
import { executePlan } from './execute.ts';
import { withExitCode } from './exit-codes.ts';
import { REGISTRY_HELP, registryMode } from './registry-option.ts';
import { addExportOptions, addExtractOptions, addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';
import { addQueueOptions, coordinatorStage, type QueueFlags } from './queue-options.ts';

interface RunOptions extends CommonOptions, QueueFlags {
  site?: string[];
  registry: string;
  crawl: boolean;
  export: boolean;
  retryFailed?: boolean;
  latestOnly?: boolean;
  json?: boolean;
}

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('the whole pipeline, incremental: crawl the site registry, extract and parse what is new, export CSV')
    .option('--sites <path>', 'site registry file or folder (env NIANBAO_SITES; default data/sites/sites.csv)')
    .option('--registry <which>', REGISTRY_HELP, 'both')
    .option('--site <id...>', 'only these site ids')
    .option('--user-agent <ua>', 'User-Agent for the crawl (env NIANBAO_USER_AGENT)')
    .option('--contact <url-or-email>', 'contact put in the User-Agent (env NIANBAO_CONTACT)')
    .option('--no-crawl', 'skip the crawl: process what is already stored')
    .option('--no-export', 'skip the CSV export')
    .option('--retry-failed', 'extract again the documents whose extraction failed (timeouts, missing tools)')
    .option('--latest-only', 'export only the latest report per body and year')
    .option('--json', 'print the run summary as JSON');
  addQueueOptions(addExportOptions(addExtractOptions(addStoreOptions(cmd)))).action((o: RunOptions) =>
    withExitCode(async () => {
      const config = configFrom(cmd, o);
      const remote = await coordinatorStage(o);
      return executePlan(config, {
        command: 'run',
        crawl: o.crawl ? { siteIds: o.site, registry: registryMode(o.registry) } : false,
        extract: { retryFailed: o.retryFailed, ...(remote ? { remote } : {}) },
        parse: {},
        export: o.export ? { dir: config.exportDir, bom: config.bom, onlyLatest: o.latestOnly } : false,
      }, o);
    }),
  );
}
