/** Pure statistics for the benchmarks: percentiles, summaries, rates and ratios. No I/O, no clock. */

export interface Summary {
  n: number;
  median: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
  sum: number;
}

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC
 * rule). Null for an empty list; non-finite values are ignored.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const rank = (p / 100) * (v.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return v[lo]! + (v[hi]! - v[lo]!) * (rank - lo);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

export function summarize(values: readonly number[]): Summary {
  const v = values.filter(Number.isFinite);
  const sum = v.reduce((a, b) => a + b, 0);
  return {
    n: v.length,
    median: percentile(v, 50),
    p95: percentile(v, 95),
    min: v.length ? Math.min(...v) : null,
    max: v.length ? Math.max(...v) : null,
    mean: v.length ? sum / v.length : null,
    sum,
  };
}

/** a / b, or null when either is unknown or b is not positive. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

/** Items per second from a count and milliseconds (null when nothing was timed). */
export function perSecond(count: number, ms: number | null | undefined): number | null {
  return ms == null || !(ms > 0) ? null : (count * 1000) / ms;
}

/** Rounds to `digits` significant decimals for storage (keeps results.json readable). */
export function round(v: number | null | undefined, digits = 2): number | null {
  if (v == null || !Number.isFinite(v)) return null;
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
