/** Evaluates every rule instance: pass / fail / not_assessable. Cells of failed error-level checks are flagged. */
import { FIELD_BY_CODE } from '../model/codebook.ts';
import type { Check } from '../model/report.ts';
import type { Equation } from './rules.ts';

const EPS = 1e-9;

export function evaluate(values: Record<string, number | null>, eqs: readonly Equation[]): { checks: Check[]; flagged: Set<string> } {
  const checks: Check[] = [];
  const flagged = new Set<string>();
  for (const eq of eqs) {
    const cells = [...eq.lhs, ...eq.rhs];
    const known = cells.every((c) => typeof values[c] === 'number');
    if (!known) {
      checks.push({ rule: eq.rule, column: eq.column, status: 'not_assessable', expected: null, actual: null, cells });
      continue;
    }
    const l = eq.lhs.reduce((a, c) => a + values[c]!, 0);
    const r = eq.rhs.reduce((a, c) => a + values[c]!, 0);
    const pass = Math.abs(l - r) < EPS;
    checks.push({ rule: eq.rule, column: eq.column, status: pass ? 'pass' : 'fail', expected: round(l), actual: round(r), cells });
    if (!pass && eq.severity === 'error') cells.forEach((c) => flagged.add(c));
  }
  // R.int: each section's cells have the value type the codebook gives them.
  const bad: Record<string, string[]> = {};
  const seen: Record<string, boolean> = {};
  for (const [code, v] of Object.entries(values)) {
    const section = code.slice(0, 2);
    seen[section] = true;
    if (v == null) continue;
    const type = FIELD_BY_CODE.get(code)?.type ?? 'count';
    const ok = type === 'signed' ? Number.isInteger(v) : type === 'decimal' ? v >= 0 : Number.isInteger(v) && v >= 0;
    if (!ok) (bad[section] ??= []).push(code);
  }
  for (const section of Object.keys(seen).sort()) {
    const cells = bad[section] ?? [];
    checks.push({ rule: 'R.int', column: section, status: cells.length ? 'fail' : 'pass', cells });
    cells.forEach((c) => flagged.add(c));
  }
  // X.4 (2019, warning): what was newly published this year cannot exceed the total published.
  for (const row of ['rules', 'normative']) {
    const a = `s2.${row}.new_published`;
    const b = `s2.${row}.total_published`;
    if (!(a in values) || !(b in values)) continue;
    const va = values[a];
    const vb = values[b];
    const status = va == null || vb == null ? 'not_assessable' : va <= vb ? 'pass' : 'fail';
    checks.push({ rule: 'X.4', column: row, status, expected: vb ?? null, actual: va ?? null, cells: [a, b] });
  }
  return { checks, flagged };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
