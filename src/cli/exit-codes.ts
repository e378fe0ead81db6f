/**
 * Exit codes of the pipeline commands (README "Exit codes"). Same values as EXIT in main.ts, kept here so
 * command modules need not import main.ts (which imports them).
 */
import { ConfigError } from '../model/errors.ts';
import { RunLockedError } from '../store/run-lock.ts';
import { QueueUnavailableError } from '../queue/errors.ts';

export const EXIT_CODES = { ok: 0, documentErrors: 1, usage: 2, locked: 3, internal: 4, outage: 5, queue: 6 } as const;

/**
 * Runs a command body and sets process.exitCode: its own result, 2 for a configuration error or a folder that
 * cannot be written, 3 when another run holds the lock, 6 when the queue's Redis is unreachable (or no worker
 * serves it). Anything else propagates (main.ts prints it and exits 4).
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
    } else if (isUnwritable(e)) {
      process.stderr.write(`nianbao: cannot write ${e.path}: ${e.code} (${e.syscall}); choose a writable data folder with --data-dir or NIANBAO_DATA_DIR (or --out for the CSV files)\n`);
      process.exitCode = EXIT_CODES.usage;
    } else if (e instanceof QueueUnavailableError) {
      process.stderr.write(`nianbao: ${e.message}\n`);
      process.exitCode = EXIT_CODES.queue;
    } else {
      throw e;
    }
  }
}

/** A file system refusal on a path the user chose (permissions, read-only file system, a file where a folder should be). */
function isUnwritable(e: unknown): e is NodeJS.ErrnoException & { path: string } {
  const err = e as NodeJS.ErrnoException;
  return typeof err?.path === 'string' && ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST'].includes(err.code ?? '');
}
