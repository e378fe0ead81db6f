/**
 * Glued digits decided by every constraint together: each glued run has its splits (no leading zeros, the
 * row's own sum); the section's column rules then bind the runs to each other and to the cells read, so
 * the splits are searched jointly (every combination under which no rule fails). A run is split only when
 * all surviving combinations agree on it; otherwise it stays empty with a warning giving how many of its
 * splits remain. Evidence from outside the tables (the narrative's numbers, the body's other years) is used
 * only for runs the tables leave in doubt, and only when it leaves some combination standing (a narrative
 * or a neighbouring year that disagrees with every split is not evidence).
 */
import type { CellRecord } from '../model/report.ts';
import { warn, type Message } from '../model/result.ts';
import { evaluate } from '../validate/check.ts';
import type { Equation } from '../validate/rules.ts';
import { deriveForced } from '../validate/solve.ts';
import type { Glued } from './reading.ts';

/** Search nodes allowed per solve; past it the runs still in doubt stay empty. */
const NODE_BUDGET = 200_000;
/** Combinations kept; past it every run with two splits among them is in doubt. */
const SOLUTION_CAP = 1_000;
const EPS = 1e-9;

export interface Evidence {
  /** What the warning names (「section 一」, 「X.1 (2022)」). */
  name: string;
  eqs: readonly Equation[];
  /** Pseudo codes → their values (the numbers quoted, the neighbour's cells). */
  consts: Record<string, number>;
}

interface Solved {
  /** Per group, the candidate indexes seen in surviving combinations. */
  seen: Set<number>[];
  solutions: number;
  complete: boolean;
}

/** Whether an equation can still hold with the cells known so far (every unknown a count ≥ 0). */
function feasible(eq: Equation, get: (c: string) => number | null | undefined): boolean {
  let l = 0, r = 0, ul = 0, ur = 0;
  for (const c of eq.lhs) { const v = get(c); if (v == null) ul++; else l += v; }
  for (const c of eq.rhs) { const v = get(c); if (v == null) ur++; else r += v; }
  if (ul === 0 && ur === 0) return Math.abs(l - r) < EPS;
  if (ul === 0 && l < r - EPS) return false;
  if (ur === 0 && r < l - EPS) return false;
  return true;
}

function solve(groups: Glued[], base: Map<string, number | null>, eqs: readonly Equation[]): Solved {
  const order = groups.map((_, i) => i).sort((a, b) => groups[a]!.candidates.length - groups[b]!.candidates.length);
  const touching = groups.map((g) => eqs.filter((e) => [...e.lhs, ...e.rhs].some((c) => g.codes.includes(c))));
  const trial = new Map(base);
  const seen = groups.map(() => new Set<number>());
  const chosen = new Array<number>(groups.length).fill(-1);
  let nodes = 0;
  let solutions = 0;
  let complete = true;
  const get = (c: string) => trial.get(c);
  const leafOk = (): boolean => {
    const full = new Map(trial);
    deriveForced(full, eqs);
    const { checks } = evaluate(Object.fromEntries(full), eqs);
    return checks.every((c) => c.status !== 'fail' || c.rule === 'R.int' || c.rule.startsWith('X.4'));
  };
  const walk = (k: number): void => {
    if (!complete) return;
    if (k === order.length) {
      if (!leafOk()) return;
      solutions++;
      chosen.forEach((ci, gi) => seen[gi]!.add(ci));
      if (solutions >= SOLUTION_CAP) complete = false;
      return;
    }
    const gi = order[k]!;
    const g = groups[gi]!;
    for (let ci = 0; ci < g.candidates.length; ci++) {
      if (++nodes > NODE_BUDGET) { complete = false; return; }
      g.codes.forEach((c, j) => trial.set(c, g.candidates[ci]![j]!));
      if (touching[gi]!.every((e) => feasible(e, get))) {
        chosen[gi] = ci;
        walk(k + 1);
        if (!complete) break;
      }
    }
    g.codes.forEach((c) => trial.set(c, base.get(c) ?? null));
  };
  walk(0);
  return { seen, solutions, complete };
}

const rawOf = (g: Glued) => g.tokens.map((t) => t.raw).join(' ');

/**
 * Decides the glued runs: sets `values` and `cells` of the runs split, and says why for every run.
 * `evidence` is tried in order for the runs still in doubt.
 */
export function resolveGlued(
  groups: Glued[], values: Map<string, number | null>, eqs: readonly Equation[], cells: Record<string, CellRecord>, evidence: Evidence[] = [],
): Message[] {
  const warnings: Message[] = [];
  if (groups.length === 0) return warnings;
  const apply = (g: Glued, vals: number[], why: string) => {
    g.codes.forEach((c, i) => {
      values.set(c, vals[i]!);
      cells[c] = { raw: rawOf(g), source: 'read', kind: 'number', provenance: g.tokens[0]!.prov };
    });
    warnings.push(warn('parse.digits_split', `glued digits ${rawOf(g)} split by ${why}`, { cell: g.codes[0] }));
  };
  let open = groups;
  let joint = solve(open, values, eqs);
  if (joint.solutions === 0) {
    // The tables break a rule (or a run was misread): each run on its own, the others left empty.
    const alone = open.map((g) => solve([g], values, eqs.filter((e) => [...e.lhs, ...e.rhs].some((c) => g.codes.includes(c)))));
    joint = { seen: alone.map((s) => s.seen[0]!), solutions: 1, complete: alone.every((s) => s.complete) };
    open.forEach((g, i) => { if (!alone[i]!.complete) joint.seen[i] = new Set(g.candidates.map((_, k) => k)); });
  }
  const decide = (s: Solved, why: string): void => {
    const still: Glued[] = [];
    open.forEach((g, i) => {
      const seen = s.seen[i]!;
      if (s.complete && seen.size === 1) apply(g, g.candidates[[...seen][0]!]!, why);
      else still.push(g);
    });
    open = still;
  };
  const counts = new Map(open.map((g, i) => [g, joint.seen[i]!.size] as const));
  const complete = new Map(open.map((g) => [g, joint.complete] as const));
  decide(joint, 'the rules');
  for (const ev of evidence) {
    if (open.length === 0) break;
    const trial = new Map(values);
    for (const [c, v] of Object.entries(ev.consts)) trial.set(c, v);
    const s = solve(open, trial, [...eqs, ...ev.eqs]);
    if (s.solutions === 0) continue; // the evidence contradicts every split: it is not evidence here
    decide(s, `the rules and ${ev.name}`);
  }
  for (const g of open) {
    const n = counts.get(g) ?? g.candidates.length;
    const more = complete.get(g) === false ? 'at least ' : '';
    warnings.push(warn('parse.digits_ambiguous', `glued digits ${rawOf(g)} fit ${more}${n} splits under the rules; left empty`, { cell: g.codes[0] }));
  }
  return warnings;
}
