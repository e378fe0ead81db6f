/**
 * `--queue` and its companions on `nianbao run`: turn the run into the coordinator of `nianbao worker`
 * processes. Redis is checked before anything else happens (exit 5 when unreachable, nothing written).
 * Without `--queue` nothing here runs and no Redis client is loaded.
 */
import type { Command } from 'commander';
import type { ExtractStageOptions } from '../pipeline/extract-stage.ts';
import { parseListen, positiveNumber, queueTarget } from '../queue/options.ts';

export interface QueueFlags {
  queue?: string;
  queueName?: string;
  queueListen?: string;
  queueAdvertise?: string;
  queueIdleTimeout?: string;
}

export function addQueueOptions(cmd: Command): Command {
  return cmd
    .option('--queue <redis-url>', 'extract on `nianbao worker` processes through Redis (redis://host:6379): this run is their coordinator')
    .option('--queue-name <name>', 'queue name shared with the workers, one per database (default nianbao)')
    .option('--queue-listen <host:port>', 'where this coordinator serves raw bytes to the workers (default 127.0.0.1:0, any free port)')
    .option('--queue-advertise <url>', 'the URL workers reach that address at (default http://<listen host>:<port>)')
    .option('--queue-idle-timeout <seconds>', 'give up (exit 6) after this long with no worker connected and no result (default 600)');
}

/** The remote extract stage for the plan, or undefined without --queue. */
export async function coordinatorStage(o: QueueFlags, env: NodeJS.ProcessEnv = process.env): Promise<ExtractStageOptions['remote']> {
  if (!o.queue) return undefined;
  const target = queueTarget(o.queue, o.queueName, env);
  const listen = parseListen(o.queueListen ?? '127.0.0.1:0');
  const idleTimeoutSec = positiveNumber('--queue-idle-timeout', o.queueIdleTimeout, 600);
  const { checkRedis } = await import('../queue/redis.ts');
  await checkRedis(target.redisUrl);
  const { queueExtractStage } = await import('../queue/coordinator.ts');
  return queueExtractStage({
    ...target, listenHost: listen.host, listenPort: listen.port, advertiseUrl: o.queueAdvertise, idleTimeoutSec, redisDownSec: 60,
  });
}
