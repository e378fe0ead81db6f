/**
 * OCR repair: a digit misread by OCR (0 read as 1, a speck read as 4) breaks the sums it takes part in.
 * A read cell is re-derived only when two independent checks agree on its value: with the cell cleared,
 * the rules force one value under which every assessable check containing the cell passes, and at least two
 * do (its row and its column). When two cells of one failing check could each be repaired, neither is; nor is
 * a cell whose reading makes one of its checks hold (a printed row that adds up, in a source breaking a rule).
 * For OCR'd documents only: a printed source that breaks a rule keeps its numbers.
 */
import { evaluate } from './check.ts';
import type { Equation } from './rules.ts';
import { deriveForced, type Derivation } from './solve.ts';

const MAX_ROUNDS = 5;

/** What an equation says `code` must be, when every other cell of it is known. */
function implied(eq: Equation, code: string, values: Map<string, number | null>): number | null {
  const others = [...eq.lhs, ...eq.rhs].filter((c) => c !== code);
  if (others.some((c) => values.get(c) == null)) return null;
  const sum = (cs: string[]) => cs.reduce((a, c) => a + (c === code ? 0 : values.get(c)!), 0);
  return eq.lhs.includes(code) ? sum(eq.rhs) - sum(eq.lhs) : sum(eq.lhs) - sum(eq.rhs);
}

/**
 * The value for `code` that at least two of its checks imply, each on its own, from cells known or forced
 * without `code` — when no check implies anything else and it differs from the reading.
 */
function forcedRepair(values: Map<string, number | null>, eqs: readonly Equation[], code: string, doubtful: ReadonlySet<string>): Derivation | null {
  const own = eqs.filter((e) => e.lhs.includes(code) || e.rhs.includes(code));
  if (own.length < 2) return null;
  // A check that holds with the readings as they are speaks for them: the source may break the other rule.
  if (own.some((e) => implied(e, code, values) === values.get(code))) return null;
  const trial = new Map(values);
  for (const c of doubtful) if (trial.has(c)) trial.set(c, null);
  trial.set(code, null);
  deriveForced(trial, eqs.filter((e) => !own.includes(e)));
  const said = own.map((e) => ({ rule: e.rule, v: implied(e, code, trial) })).filter((x) => x.v !== null);
  const v = said[0]?.v;
  if (said.length < 2 || v === undefined || v === null || v < 0 || !Number.isInteger(v) || v === values.get(code)) return null;
  if (said.some((x) => x.v !== v)) return null;
  return { code, value: v, rule: `ocr_repair:${said.map((x) => x.rule).join('+')}` };
}

/**
 * Repairs misread cells among `readable` (cells read by OCR as numbers) in `values` (the readings, nothing
 * derived yet) in place; returns what it changed. `doubtful` cells (an empty OCR cell taken as 0, a reading
 * of low confidence) are never evidence against another cell. Each round looks at the failing checks, repairs the cells
 * that alone explain one, and runs again.
 */
export function repairOcr(
  values: Map<string, number | null>, eqs: readonly Equation[], readable: ReadonlySet<string>, doubtful: ReadonlySet<string> = new Set(),
): Derivation[] {
  const out: Derivation[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Failing checks are found with the forced cells filled in; each repair is judged on the readings alone.
    const filled = new Map(values);
    deriveForced(filled, eqs);
    const { checks } = evaluate(Object.fromEntries(filled), eqs);
    const failing = checks.filter((c) => c.status === 'fail' && c.rule !== 'R.int' && !c.rule.startsWith('X.'));
    const known = new Map<string, Derivation | null>();
    const repair = (c: string) => {
      if (!known.has(c)) known.set(c, forcedRepair(values, eqs, c, doubtful));
      return known.get(c)!;
    };
    const fixes = new Map<string, Derivation>();
    const contested = new Set<string>();
    for (const check of failing) {
      const found = check.cells.filter((c) => readable.has(c) && !out.some((d) => d.code === c)).map(repair)
        .filter((d): d is Derivation => d !== null);
      if (found.length === 1) fixes.set(found[0]!.code, found[0]!);
      else found.forEach((d) => contested.add(d.code));
    }
    for (const c of contested) fixes.delete(c);
    if (fixes.size === 0) break;
    for (const d of fixes.values()) {
      values.set(d.code, d.value);
      out.push(d);
    }
  }
  return out;
}
