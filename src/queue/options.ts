/**
 * Settings of the distributed mode (pure): the Redis URL (`--queue`), the queue's name (one queue per
 * database and extractor version), the shared token, and where the coordinator serves raw bytes.
 */
import { hostname } from 'node:os';
import { ConfigError } from '../model/errors.ts';

export const TOKEN_ENV = 'NIANBAO_QUEUE_TOKEN';
export const MIN_TOKEN_LENGTH = 16;
/** Redis key prefix of every nianbao queue (BullMQ's own default is `bull`). */
export const KEY_PREFIX = 'nianbao';

export interface QueueTarget {
  /** redis:// or rediss:// URL (may carry a password). */
  redisUrl: string;
  /** Base name (`--queue-name`); the BullMQ queue is `<name>-x<extractor version>`. */
  name: string;
  /** Shared secret between the coordinator's blob server and the workers. */
  token: string;
}

export interface CoordinatorSettings extends QueueTarget {
  listenHost: string;
  listenPort: number;
  /** URL the workers use to reach the blob server; default from the listen address. */
  advertiseUrl?: string;
  /** Give up (exit 6) when no result came and no worker was connected for this long. */
  idleTimeoutSec: number;
  /** Give up (exit 6) when Redis stayed unreachable this long mid-run. */
  redisDownSec: number;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

export function parseRedisUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError('queue.url', `--queue ${url}: not a URL (expected redis://host:6379)`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new ConfigError('queue.url', `--queue ${redactUrl(url)}: expected a redis:// or rediss:// URL`);
  }
  if (!u.hostname) throw new ConfigError('queue.url', `--queue ${redactUrl(url)}: no host`);
  return url;
}

export function queueTarget(url: string, name: string | undefined, env: NodeJS.ProcessEnv): QueueTarget {
  const token = env[TOKEN_ENV] ?? '';
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError('queue.token', `${TOKEN_ENV} must hold the shared token (at least ${MIN_TOKEN_LENGTH} characters, ` +
      `e.g. from \`openssl rand -hex 24\`), the same for the coordinator and every worker`);
  }
  const base = name ?? 'nianbao';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(base)) throw new ConfigError('queue.name', `--queue-name ${base}: letters, digits, _ . - only`);
  return { redisUrl: parseRedisUrl(url), name: base, token };
}

/** The BullMQ queue for a base name and an extractor version: workers of another version never see its jobs. */
export function queueName(base: string, extractorVersion: string): string {
  return `${base}-x${extractorVersion}`;
}

/** `host:port` (port 0: any free port) → listen address. */
export function parseListen(s: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(s);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new ConfigError('queue.listen', `--queue-listen ${s}: expected host:port, e.g. 0.0.0.0:7370`);
  return { host: m[1] ?? m[2]!, port };
}

/** The blob server's URL as workers should use it. */
export function advertisedUrl(settings: Pick<CoordinatorSettings, 'advertiseUrl'>, host: string, port: number): string {
  if (settings.advertiseUrl) return settings.advertiseUrl.replace(/\/+$/, '');
  const h = host === '0.0.0.0' || host === '::' ? hostname() : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

export function positiveNumber(flag: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError('queue.option', `${flag} ${v}: expected a positive number`);
  return n;
}
