/**
 * Values forced by the rules: an equation with one unknown cell, or a side whose known part already equals
 * the other side (so its unknown cells, being counts ≥ 0, are all 0). Forced values are returned, never read:
 * the caller marks them derived with the rule's name. Nothing else is inferred.
 */
import type { Equation } from './rules.ts';

export interface Derivation {
  code: string;
  value: number;
  rule: string;
}

export function deriveForced(values: Map<string, number | null>, eqs: readonly Equation[]): Derivation[] {
  const out: Derivation[] = [];
  for (;;) {
    out.push(...deriveDirect(values, eqs));
    const pinned = deriveBounds(values, eqs);
    if (pinned.length === 0) return out;
    out.push(...pinned);
  }
}

/** One equation at a time: a single unknown, or a side already equal to the other (its unknowns are 0). */
function deriveDirect(values: Map<string, number | null>, eqs: readonly Equation[]): Derivation[] {
  const out: Derivation[] = [];
  const get = (c: string) => values.get(c);
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of eqs) {
      const all = [...eq.lhs, ...eq.rhs];
      if (all.some((c) => !values.has(c))) continue;
      const unknownL = eq.lhs.filter((c) => get(c) == null);
      const unknownR = eq.rhs.filter((c) => get(c) == null);
      const n = unknownL.length + unknownR.length;
      if (n === 0) continue;
      const sum = (cs: string[]) => cs.reduce((a, c) => a + (get(c) ?? 0), 0);
      const knownL = sum(eq.lhs);
      const knownR = sum(eq.rhs);
      const assign = (code: string, value: number, how: string) => {
        values.set(code, value);
        out.push({ code, value, rule: `${eq.rule}${how}` });
        changed = true;
      };
      if (n === 1) {
        const code = unknownL[0] ?? unknownR[0]!;
        const v = unknownL.length ? knownR - knownL : knownL - knownR;
        if (v >= 0 && Number.isInteger(v)) assign(code, v, '');
        continue;
      }
      if (unknownL.length === 0 && knownL - knownR === 0) for (const c of unknownR) assign(c, 0, ':zero');
      else if (unknownR.length === 0 && knownR - knownL === 0) for (const c of unknownL) assign(c, 0, ':zero');
    }
  }
  return out;
}

/**
 * Bounds: every unknown is a count ≥ 0, and each equation bounds each of its unknowns by the other cells'
 * bounds (a part is at most its total minus the other parts; a total at least the sum of its parts).
 * Propagated over all equations; an unknown whose lower and upper bounds meet is forced (rule
 * `bounds:<rules>`). Bounds that cross (a source breaking a rule) force nothing.
 */
function deriveBounds(values: Map<string, number | null>, eqs: readonly Equation[]): Derivation[] {
  const usable = eqs.filter((e) => [...e.lhs, ...e.rhs].every((c) => values.has(c)));
  if (!usable.some((e) => [...e.lhs, ...e.rhs].some((c) => values.get(c) == null))) return [];
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const why = new Map<string, Set<string>>();
  const L = (c: string) => values.get(c) ?? lo.get(c) ?? 0;
  const H = (c: string) => values.get(c) ?? hi.get(c) ?? Infinity;
  const total = (cs: string[], f: (c: string) => number) => cs.reduce((a, c) => a + f(c), 0);
  for (let round = 0, changed = true; changed && round < 100; round++) {
    changed = false;
    for (const eq of usable) {
      for (const [side, other] of [[eq.lhs, eq.rhs], [eq.rhs, eq.lhs]] as const) {
        for (const c of side) {
          if (values.get(c) != null) continue;
          const rest = side.filter((x) => x !== c);
          const up = total(other, H) - total(rest, L);
          const down = total(other, L) - total(rest, H);
          if (up >= H(c) && down <= L(c)) continue;
          if (up < H(c)) hi.set(c, up);
          if (down > L(c)) lo.set(c, down);
          why.set(c, (why.get(c) ?? new Set<string>()).add(eq.rule));
          changed = true;
          if (L(c) > H(c)) return [];
        }
      }
    }
  }
  const out: Derivation[] = [];
  for (const [c, v] of hi) {
    if (L(c) !== v || !Number.isInteger(v)) continue;
    values.set(c, v);
    out.push({ code: c, value: v, rule: `bounds:${[...(why.get(c) ?? [])].sort().join('+')}` });
  }
  return out;
}
