/**
 * `nianbao review`: a local web page to check flagged cells against their source and correct or confirm them
 * (src/review/). Listens on 127.0.0.1 unless --host says otherwise; the printed URL carries a random token that
 * every request needs. Runs until Ctrl-C.
 */
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { ConfigError } from '../model/errors.ts';
import { withExitCode } from './exit-codes.ts';
import { addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

interface ReviewOptions extends CommonOptions {
  port?: string;
  host?: string;
  reviewer?: string;
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function registerReview(program: Command): void {
  const cmd = program
    .command('review')
    .description('a local web page to check flagged cells against their source and correct or confirm them')
    .option('--port <n>', 'port to listen on (default: any free port)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1; another address opens the page to the network, still behind the token)')
    .option('--reviewer <name>', 'name recorded with every decision (default: the OS user)');
  addStoreOptions(cmd).action((o: ReviewOptions) =>
    withExitCode(async () => {
      const port = o.port === undefined ? 0 : Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('config.invalid', `--port: 「${o.port}」 is not a port`);
      const { startReviewServer } = await import('../review/server.ts');
      const server = await startReviewServer({
        config: configFrom(cmd, o), host: o.host, port, reviewer: o.reviewer ?? osUser(),
        log: (line) => process.stdout.write(`${line}\n`),
      }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE' || e.code === 'EADDRNOTAVAIL' || e.code === 'EACCES') throw new ConfigError('config.invalid', `cannot listen on ${o.host ?? '127.0.0.1'}:${port}: ${e.code}`);
        throw e;
      });
      process.stdout.write(`nianbao review: open ${server.url}\n(the token in the URL is needed; Ctrl-C stops the server)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      return 0;
    }),
  );
}
