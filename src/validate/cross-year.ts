/**
 * Checks across years (TEMPLATES.md §6, X.1 and X.2), for one body's reports of consecutive years:
 * - X.1: `s3.carried_in.c` of year N = `s3.carried_out.c` of year N−1 (each section 三 column);
 * - X.2 (2021 section 二): `in_force` N = `in_force` N−1 + `issued` N − `repealed` N (rules, normative).
 * A neighbouring year's cells enter as constants under pseudo codes (`prev:…`, `next:…`), and only when they
 * can be trusted (a number not flagged). The same equations serve as checks (rows in `checks`, cells of a
 * failed one flagged) and as evidence for values a year's own table leaves in doubt (glued digits, OCR).
 */
import { S3_COLUMNS } from '../model/codebook.ts';
import type { Check } from '../model/report.ts';
import { evaluate } from './check.ts';
import type { Equation } from './rules.ts';

/** What the store knows of a neighbouring year's report of the same body. */
export interface YearNeighbour {
  year: number;
  template: string;
  values: Record<string, number | null>;
  /** Cells not to be trusted as evidence (flagged, derived across years). */
  flagged: readonly string[];
}

export interface Neighbours {
  /** The body's report of year N−1 and of year N+1, when stored. */
  prev?: YearNeighbour;
  next?: YearNeighbour;
}

export const CROSS_YEAR_RULES = ['X.1', 'X.2'] as const;
export const isCrossYear = (rule: string): boolean => (CROSS_YEAR_RULES as readonly string[]).includes(rule);

const S2_ROWS = ['rules', 'normative'];

export interface CrossYear {
  eqs: Equation[];
  /** Pseudo code → the neighbour's value. */
  consts: Record<string, number>;
}

/** The cross-year equations between this report (`own`: its codes) and its stored neighbours. */
export function crossYearEquations(own: ReadonlySet<string>, n: Neighbours | undefined): CrossYear {
  const eqs: Equation[] = [];
  const consts: Record<string, number> = {};
  const side = (which: 'prev' | 'next', nb: YearNeighbour | undefined) => {
    if (!nb) return;
    const flagged = new Set(nb.flagged);
    const has = (code: string) => own.has(code);
    /** The neighbour's cell as a pseudo code, or null when it cannot be trusted. */
    const k = (code: string): string | null => {
      const v = nb.values[code];
      if (typeof v !== 'number' || flagged.has(code)) return null;
      consts[`${which}:${code}`] = v;
      return `${which}:${code}`;
    };
    const column = (c: string) => `${c}@${nb.year}`;
    // lhs: what the neighbour's numbers say (the check's `expected`); rhs: this report's side (`actual`).
    for (const c of S3_COLUMNS) {
      const mine = which === 'prev' ? `s3.carried_in.${c}` : `s3.carried_out.${c}`;
      const theirs = k(which === 'prev' ? `s3.carried_out.${c}` : `s3.carried_in.${c}`);
      if (has(mine) && theirs) eqs.push({ rule: 'X.1', column: column(c), lhs: [theirs], rhs: [mine], severity: 'warning' });
    }
    for (const r of S2_ROWS) {
      const at = (c: string) => `s2.${r}.${c}`;
      if (![at('in_force'), at('issued'), at('repealed')].every(has)) continue;
      if (which === 'prev') {
        // in_force N + repealed N = in_force N−1 + issued N
        const before = k(at('in_force'));
        if (before) eqs.push({ rule: 'X.2', column: column(r), lhs: [before, at('issued')], rhs: [at('in_force'), at('repealed')], severity: 'warning' });
      } else {
        // in_force N+1 + repealed N+1 = in_force N + issued N+1
        const after = [k(at('in_force')), k(at('repealed')), k(at('issued'))];
        if (after.every((x): x is string => x !== null)) {
          eqs.push({ rule: 'X.2', column: column(r), lhs: [after[0]!, after[1]!], rhs: [at('in_force'), after[2]!], severity: 'warning' });
        }
      }
    }
  };
  side('prev', n?.prev);
  side('next', n?.next);
  return { eqs, consts };
}

/**
 * The cross-year checks of a report: pass, fail, or not assessable (an own cell empty). `cells` lists only
 * the report's own codes; a failed check flags them.
 */
export function crossYearChecks(values: Record<string, number | null>, cy: CrossYear | undefined): { checks: Check[]; flagged: Set<string> } {
  if (!cy || cy.eqs.length === 0) return { checks: [], flagged: new Set() };
  const all = { ...values, ...cy.consts };
  const { checks } = evaluate(all, cy.eqs);
  const out = checks.filter((c) => isCrossYear(c.rule)).map((c) => ({ ...c, cells: c.cells.filter((x) => !x.includes(':')) }));
  const flagged = new Set(out.filter((c) => c.status === 'fail').flatMap((c) => c.cells));
  return { checks: out, flagged };
}
