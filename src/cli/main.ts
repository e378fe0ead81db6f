/**
 * `nianbao` command line. Each command lives in its own file and registers itself here.
 * Exit codes (documented in README): 0 ok, 1 some documents failed, 2 usage or configuration error,
 * 3 another run holds the lock, 4 internal error, 5 the queue's Redis is unreachable.
 */
import { Command, CommanderError } from 'commander';
import { EXIT_CODES } from './exit-codes.ts';
import { registerParse } from './parse.ts';
import { registerDivisions } from './divisions.ts';
import { registerCoverage } from './coverage.ts';
import { registerPipelineCommands } from './pipeline-commands.ts';
import { registerCrawl } from './crawl.ts';
import { registerSites } from './sites.ts';
import { registerCorrections } from './corrections.ts';
import { registerReview } from './review.ts';
import { registerWorker } from './worker.ts';

export const EXIT = EXIT_CODES;

type Register = (program: Command) => void;

/** Commands in the order `--help` lists them. Add a command by adding its register function here. */
const COMMANDS: Register[] = [registerPipelineCommands, registerWorker, registerCrawl, registerParse, registerCoverage, registerDivisions, registerSites, registerReview, registerCorrections];

export function buildProgram(): Command {
  const program = new Command('nianbao')
    .description('Government information disclosure annual reports (政府信息公开工作年度报告) → SQLite and CSV')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`nianbao: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}
