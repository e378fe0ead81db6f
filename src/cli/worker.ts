/** `nianbao worker --queue redis://…`: extraction jobs from a `nianbao run --queue` coordinator, until stopped. */
import type { Command } from 'commander';
import { hostname } from 'node:os';
import { createProgress, resolveMode } from '../pipeline/progress.ts';
import { positiveNumber, queueTarget } from '../queue/options.ts';
import { EXIT_CODES, withExitCode } from './exit-codes.ts';
import { withInterrupts } from './interrupts.ts';
import { addExtractOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

interface WorkerOptions extends CommonOptions {
  queue: string;
  queueName?: string;
  name?: string;
  lockDuration?: string;
}

export function registerWorker(program: Command): void {
  const cmd = program
    .command('worker')
    .description('extract documents for a `nianbao run --queue` coordinator, on this machine, until Ctrl-C / SIGTERM (token in NIANBAO_QUEUE_TOKEN)')
    .requiredOption('--queue <redis-url>', 'the Redis the coordinator uses (redis://host:6379, rediss:// for TLS)')
    .option('--queue-name <name>', 'the coordinator\'s --queue-name (default nianbao)')
    .option('--name <name>', 'this worker\'s name in the coordinator\'s counts (default host:pid)')
    .option('--lock-duration <seconds>', 'a worker silent this long loses its jobs to the others (default 30)')
    .option('--config <file>', 'config file (default ./nianbao.config.json if present; env NIANBAO_CONFIG)')
    .option('--log <mode>', 'auto | tty | json (JSON lines on stderr) | quiet (env NIANBAO_LOG)');
  addExtractOptions(cmd).action((o: WorkerOptions) =>
    withExitCode(async () => {
      const config = configFrom(cmd, o);
      const target = queueTarget(o.queue, o.queueName, process.env);
      const lockDurationMs = positiveNumber('--lock-duration', o.lockDuration, 30) * 1000;
      const { checkRedis } = await import('../queue/redis.ts');
      await checkRedis(target.redisUrl);
      const { runQueueWorker } = await import('../queue/worker.ts');
      const progress = createProgress(resolveMode(config.log));
      try {
        const stats = await withInterrupts(progress, (signal) => runQueueWorker({
          ...target, workerName: o.name ?? `${hostname()}:${process.pid}`, slots: config.workers,
          extractTimeoutSec: config.extractTimeoutSec, lockDurationMs,
        }, { progress, signal }));
        if (stats.fatal) {
          process.stderr.write(`nianbao worker: ${stats.fatal}\n`);
          return EXIT_CODES.usage;
        }
        return EXIT_CODES.ok;
      } finally {
        progress.close();
      }
    }),
  );
}
