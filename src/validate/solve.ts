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
