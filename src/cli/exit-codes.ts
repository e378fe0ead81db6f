/**
 * Exit codes of the pipeline commands (README "Exit codes"). Same values as EXIT in main.ts, kept here so
 * command modules need not import main.ts (which imports them).
 */
import { ConfigError } from '../model/errors.ts';
import { RunLockedError } from '../store/run-lock.ts';
import { QueueUnavailableError } from '../queue/errors.ts';

export const EXIT_CODES = { ok: 0, documentErrors: 1, usage: 2, locked: 3, internal: 4, queue: 5 } as const;

/**
 * Runs a command body and sets process.exitCode: its own result, 2 for a configuration error, 3 when
 * another run holds the lock, 5 when the queue's Redis is unreachable (or no worker serves it).
 * Anything else propagates (main.ts prints it and exits 4).
 */
export async function withExitCode(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`nianbao: ${e.message}\n`);
      process.exitCode = EXIT_CODES.usage;
    } else if (e instanceof RunLockedError) {
      process.stderr.write(`nianbao: ${e.message}\n`);
      process.exitCode = EXIT_CODES.locked;
    } else if (e instanceof QueueUnavailableError) {
      process.stderr.write(`nianbao: ${e.message}\n`);
      process.exitCode = EXIT_CODES.queue;
    } else {
      throw e;
    }
  }
}
