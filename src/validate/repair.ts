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

/**
 * What an equation says `code` must be: when every other cell of it is known, or when the other side is known
 * and the known cells of `code`'s side already make it up (counts are never negative, so every unknown there
 * is 0, as `deriveForced` has it).
 */
function implied(eq: Equation, code: string, values: Map<string, number | null>): number | null {
  const side = eq.lhs.includes(code) ? eq.lhs : eq.rhs;
  const other = side === eq.lhs ? eq.rhs : eq.lhs;
  const unknown = [...eq.lhs, ...eq.rhs].filter((c) => c !== code && values.get(c) == null);
  if (unknown.some((c) => other.includes(c))) return null;
  const sum = (cs: readonly string[]) => cs.reduce((a, c) => a + (c === code ? 0 : values.get(c) ?? 0), 0);
  const rest = sum(other) - sum(side);
  return unknown.length === 0 || rest === 0 ? rest : null;
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
    if (fixes.size === 0) {
      const pair = pairRepair(values, eqs, readable, new Set(out.map((d) => d.code)));
      if (pair.length === 0) break;
      pair.forEach((d) => fixes.set(d.code, d));
    }
    for (const d of fixes.values()) {
      values.set(d.code, d.value);
      out.push(d);
    }
  }
  return out;
}

/** Whether every cell of `eq` is known in `values` and its two sides are equal. Null: not assessable. */
function holds(eq: Equation, values: Map<string, number | null>): boolean | null {
  const cells = [...eq.lhs, ...eq.rhs];
  if (cells.some((c) => values.get(c) == null)) return null;
  const sum = (cs: readonly string[]) => cs.reduce((a, c) => a + values.get(c)!, 0);
  return Math.abs(sum(eq.lhs) - sum(eq.rhs)) < 1e-9;
}

/**
 * Two cells misread in one check (two 0s of a column read as 1) each leave their other check failing, and
 * the shared check blames both, so neither is repaired alone. A pair is repaired when setting each cell to
 * the value one of its failing checks implies makes every assessable check of both cells pass (each cell in
 * at least two of them, or in one and three failing checks settled), and no other pair does.
 */
function pairRepair(
  values: Map<string, number | null>, eqs: readonly Equation[], readable: ReadonlySet<string>, done: ReadonlySet<string>,
): Derivation[] {
  const failing = eqs.filter((e) => holds(e, values) === false);
  if (failing.length < 2 || failing.length > 12) return [];
  const cands: { code: string; value: number; rule: string }[] = [];
  for (const e of failing) {
    for (const code of [...e.lhs, ...e.rhs]) {
      if (!readable.has(code) || done.has(code)) continue;
      const v = implied(e, code, values);
      if (v === null || v < 0 || !Number.isInteger(v) || v === values.get(code)) continue;
      if (!cands.some((x) => x.code === code && x.value === v)) cands.push({ code, value: v, rule: e.rule });
    }
  }
  const found: Derivation[][] = [];
  for (let i = 0; i < cands.length && found.length < 2; i++) {
    for (let j = i + 1; j < cands.length && found.length < 2; j++) {
      const a = cands[i]!, b = cands[j]!;
      if (a.code === b.code) continue;
      const trial = new Map(values).set(a.code, a.value).set(b.code, b.value);
      const confirm = (code: string) => {
        const own = eqs.filter((e) => e.lhs.includes(code) || e.rhs.includes(code)).map((e) => ({ rule: e.rule, ok: holds(e, trial) }));
        return own.some((x) => x.ok === false) ? null : own.filter((x) => x.ok).map((x) => x.rule);
      };
      const ra = confirm(a.code), rb = confirm(b.code);
      if (!ra || !rb || ra.length === 0 || rb.length === 0) continue;
      // Both settle their own checks, and together at least three failing ones (their rows and the shared one).
      const fixed = failing.filter((e) => holds(e, trial) !== false).length;
      if ((ra.length < 2 || rb.length < 2) && fixed < 3) continue;
      found.push([
        { code: a.code, value: a.value, rule: `ocr_repair:${ra.join('+')}` },
        { code: b.code, value: b.value, rule: `ocr_repair:${rb.join('+')}` },
      ]);
    }
  }
  return found.length === 1 ? found[0]! : [];
}
