/**
 * Digits glued together with no separator (「0000000」, 「4105100000…」): every way to cut them back into
 * exactly k whole numbers. Existing separators are kept; no number has a leading zero. `check(values, i)`
 * prunes: it is called after each value i is placed and may reject the prefix. The caller decides what
 * is unique enough to use (the arithmetic rules must leave exactly one split).
 */
/** Splits listed for a glued run of a table row; a run with this many or more is left empty (too many to decide). */
export const GLUED_LIMIT = 2000;

export interface SplitOptions {
  /** Longest number allowed, in digits. Default 7. */
  maxDigits?: number;
  /** Stop after this many splits (the caller only needs to know "one" or "several"). Default 64. */
  limit?: number;
  check?: (values: number[], placed: number) => boolean;
}

export function splitDigits(parts: string[], k: number, options: SplitOptions = {}): number[][] {
  const maxDigits = options.maxDigits ?? 7;
  const limit = options.limit ?? 64;
  const s = parts.join('');
  if (!/^\d+$/.test(s) || s.length < k) return [];
  const forced = new Set<number>();
  let acc = 0;
  for (const p of parts) {
    acc += p.length;
    forced.add(acc);
  }
  const out: number[][] = [];
  const values: number[] = [];
  const walk = (pos: number) => {
    if (out.length >= limit) return;
    if (values.length === k) {
      if (pos === s.length) out.push([...values]);
      return;
    }
    const remainingSlots = k - values.length;
    for (let len = 1; len <= maxDigits && pos + len <= s.length; len++) {
      if (len > 1 && s[pos] === '0') break;
      if (s.length - (pos + len) < remainingSlots - 1) break;
      // A piece may not run across an existing separator.
      let crosses = false;
      for (let b = pos + 1; b < pos + len; b++) if (forced.has(b)) crosses = true;
      if (crosses) break;
      values.push(Number(s.slice(pos, pos + len)));
      if (!options.check || options.check(values, values.length - 1)) walk(pos + len);
      values.pop();
    }
  };
  walk(0);
  // Every existing separator must fall on a cut.
  return out.filter((vals) => {
    const cuts = new Set<number>();
    let p = 0;
    for (const v of vals) {
      p += String(v).length;
      cuts.add(p);
    }
    return [...forced].every((b) => cuts.has(b));
  });
}

/** Row check for a section 三 row: the 7th value is the sum of the first six. */
export function rowSumCheck(values: number[], placed: number): boolean {
  if (placed < 6) return values.slice(0, placed + 1).reduce((a, b) => a + b, 0) >= 0;
  return values[6] === values[0]! + values[1]! + values[2]! + values[3]! + values[4]! + values[5]!;
}

/** Section 四: three groups of five, the fifth of each the sum of its first four. */
export function groupSumCheck(values: number[], placed: number): boolean {
  if (placed % 5 !== 4) return true;
  const g = values.slice(placed - 4, placed + 1);
  return g[4] === g[0]! + g[1]! + g[2]! + g[3]!;
}
