/**
 * Retry policy (pure): which failures are retried, how long to wait. Exponential backoff with full jitter
 * for network errors and 5xx; 429/503 honour Retry-After; 404/410 and other 4xx are never retried.
 */

export type Outcome = 'ok' | 'not_modified' | 'redirect' | 'retry' | 'throttled' | 'fail';

/** What an HTTP status means for the crawl. */
export function classifyStatus(status: number): Outcome {
  if (status === 304) return 'not_modified';
  if (status >= 200 && status < 300) return 'ok';
  if ([301, 302, 303, 307, 308].includes(status)) return 'redirect';
  if (status === 429 || status === 503) return 'throttled';
  if (status === 408 || status === 425 || status >= 500) return 'retry';
  return 'fail';
}

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP date. Undefined when absent or invalid.
 * Capped at `maxMs` (a server asking for a day is treated as asking for `maxMs`).
 */
export function parseRetryAfter(value: string | undefined | null, now = Date.now(), maxMs = 15 * 60_000): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(v)) ms = Number(v) * 1000;
  else {
    const t = Date.parse(v);
    if (Number.isNaN(t)) return undefined;
    ms = t - now;
  }
  return Math.min(Math.max(0, Math.round(ms)), maxMs);
}

export interface BackoffOptions {
  /** Base delay in ms (default 1000). */
  baseMs?: number;
  /** Cap in ms (default 5 minutes). */
  maxMs?: number;
  /** Random source in [0, 1) (default Math.random); 1 − jitter of the delay is kept at least. */
  random?: () => number;
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): base·2^(attempt−1), capped, with jitter in
 * [50 %, 100 %] of that value so retries of many URLs spread out.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + 0.5 * random()));
}

/** Delay for a retryable outcome: Retry-After when the server gave one (never less), else backoff. */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, options: BackoffOptions = {}): number {
  const b = backoffDelay(attempt, options);
  return retryAfterMs === undefined ? b : Math.max(retryAfterMs, Math.min(b, retryAfterMs + 1000));
}
