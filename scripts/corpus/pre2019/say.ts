/**
 * Writing figures the way 2008–2018 reports print them, and remembering what was stated: every figure a
 * sentence prints is recorded under its `p.*` code (the expected value is the printed one, approximations
 * included); negations record 0; look-alikes and other years record nothing.
 */
import type { Rng } from '../prng.ts';

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0–99 in Chinese numerals (十二, 二十一); 2 may be written 两 before a measure word. */
export function chinese(n: number, liang = false): string {
  if (n === 2 && liang) return '两';
  if (n < 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${ones === 0 ? '' : CN[ones]}`;
}

export interface Figure {
  approx?: boolean;
  /** Allow Chinese numerals for small counts. */
  words?: boolean;
}

export class Say {
  readonly stated = new Map<string, number>();
  readonly weakStated = new Map<string, number>();
  /** Codes stated twice with different values (the narrative disagreeing with itself). */
  readonly clashes = new Set<string>();
  /** Codes printed as approximations (余, 多, 约). */
  readonly approx = new Set<string>();

  constructor(readonly rng: Rng) {}

  /** Records `code` = v and returns v printed with its unit (数字, 两次, 200余人次, 1.2万条, 12,456条). */
  n(code: string | null, v: number, unit: string, f: Figure = {}): string {
    if (code) this.record(code, v);
    const rng = this.rng;
    if (f.approx) {
      if (code) this.approx.add(code);
      return rng.weighted([[`${v}余${unit}`, 4], [`${v}多${unit}`, 2], [`约${v}${unit}`, 2]] as const);
    }
    if (f.words !== false && v <= 30 && unit !== '元' && unit !== '万元' && rng.chance(0.14)) {
      const liang = /^(次|件|个|名|人|期|场)$/.test(unit) && rng.chance(0.6);
      return `${chinese(v, liang)}${unit}`;
    }
    if (v >= 10000 && v % 1000 === 0 && unit !== '元' && rng.chance(0.3)) return `${v / 10000}万${unit}`;
    if (v >= 10000 && rng.chance(0.15)) return `${v.toLocaleString('en-US')}${unit}`;
    return `${v}${unit}`;
  }

  /** A figure the report implies rather than states (a channel's figure as the total): expected only when nothing else prints the code. */
  weak(code: string, v: number): void {
    if (!this.weakStated.has(code)) this.weakStated.set(code, v);
  }

  /** A negation: every code is 0. */
  zero(...codes: string[]): void {
    for (const c of codes) this.record(c, 0);
  }

  record(code: string, v: number): void {
    const had = this.stated.get(code);
    if (had !== undefined && had !== v) this.clashes.add(code);
    if (had === undefined) this.stated.set(code, v);
  }
}

/** A round number for figures reports give approximately (1500余人次). */
export function roundish(rng: Rng, min: number, max: number): number {
  const v = rng.int(min, max);
  const step = v >= 1000 ? 100 : v >= 100 ? 10 : 5;
  return Math.max(step, Math.round(v / step) * step);
}

/** Splits `total` into `k` parts (some may be 0). */
export function splitInto(rng: Rng, total: number, k: number): number[] {
  const cuts = Array.from({ length: k - 1 }, () => rng.int(0, total)).sort((a, b) => a - b);
  const out: number[] = [];
  let prev = 0;
  for (const c of [...cuts, total]) {
    out.push(c - prev);
    prev = c;
  }
  return out;
}
