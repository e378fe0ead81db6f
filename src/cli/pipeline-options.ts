/** Options shared by the pipeline commands (run, extract, reparse, export, status) and their mapping to Config. */
import type { Command } from 'commander';
import { loadConfig, type Config, type ConfigInput } from '../pipeline/config.ts';

export interface CommonOptions {
  config?: string;
  dataDir?: string;
  db?: string;
  workers?: string;
  extractTimeout?: string;
  log?: string;
  sites?: string;
  userAgent?: string;
  contact?: string;
  out?: string;
  bom?: boolean;
}

/** --config, --data-dir, --db, --log: every pipeline command. */
export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', `config file (default ./nianbao.config.json if present; env NIANBAO_CONFIG)`)
    .option('--data-dir <dir>', 'data folder: database, raw files, extractions, CSVs (env NIANBAO_DATA_DIR; default data/out)')
    .option('--db <file>', 'SQLite database (env NIANBAO_DB; default <data-dir>/nianbao.sqlite)')
    .option('--log <mode>', 'auto | tty (progress bars) | json (JSON lines on stderr) | quiet (env NIANBAO_LOG)');
}

/** --workers, --extract-timeout: commands that extract. */
export function addExtractOptions(cmd: Command): Command {
  return cmd
    .option('--workers <n>', 'extraction worker processes (env NIANBAO_WORKERS; default: number of cores)')
    .option('--extract-timeout <seconds>', 'time limit per document extraction (env NIANBAO_EXTRACT_TIMEOUT; default 300)');
}

/** --out, --no-bom: commands that export. */
export function addExportOptions(cmd: Command): Command {
  return cmd
    .option('--out <dir>', 'folder for the CSV files (env NIANBAO_EXPORT_DIR; default <data-dir>)')
    .option('--no-bom', 'write CSV without the UTF-8 byte order mark (env NIANBAO_BOM=0)');
}

/** Flags (only those given on the command line) → configuration, with env, file and defaults below them. */
export function configFrom(cmd: Command, o: CommonOptions): Config {
  const flags: ConfigInput & { config?: string } = {
    config: o.config, dataDir: o.dataDir, db: o.db, workers: o.workers, extractTimeoutSec: o.extractTimeout,
    log: o.log as ConfigInput['log'], sites: o.sites, userAgent: o.userAgent, contact: o.contact, exportDir: o.out,
    bom: cmd.getOptionValueSource('bom') === 'cli' ? o.bom : undefined,
  };
  return loadConfig({ flags });
}
