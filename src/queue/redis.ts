/**
 * Redis connections for the distributed mode (ioredis). A connection check with a time limit comes first, so
 * an unreachable Redis stops a command with QueueUnavailableError (exit 6) before anything is written.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { QueueUnavailableError } from './errors.ts';
import { redactUrl } from './options.ts';

const CONNECT_TIMEOUT_MS = 5_000;

/**
 * A connection for BullMQ. `blocking` (workers): commands wait for Redis to come back, as BullMQ requires.
 * Otherwise (the coordinator) a command fails after a few reconnection attempts, so the run can notice.
 */
export function redisConnection(url: string, o: { blocking: boolean; name: string }): Redis {
  const options: RedisOptions = {
    connectionName: o.name, connectTimeout: CONNECT_TIMEOUT_MS, lazyConnect: false, enableReadyCheck: true,
    maxRetriesPerRequest: o.blocking ? null : 3,
    retryStrategy: (times) => Math.min(200 * times, 2_000),
  };
  const r = new Redis(url, options);
  // Errors surface through the commands; without a listener ioredis would print each reconnection attempt.
  r.on('error', () => undefined);
  return r;
}

/** PINGs Redis once; throws QueueUnavailableError naming the URL (without its password) and the reason. */
export async function checkRedis(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let lastError: Error | undefined;
  r.on('error', (e: Error) => (lastError = e));
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    const why = (lastError ?? (e as Error)).message || String(e);
    throw new QueueUnavailableError('queue.unreachable', `cannot reach Redis at ${redactUrl(url)}: ${why}`, { cause: e });
  } finally {
    r.disconnect();
  }
}
