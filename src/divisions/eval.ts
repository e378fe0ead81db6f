/**
 * Precision and recall of body resolution on a labelled set (JSON lines, one case a line):
 * `{"body": "涑水县其中口乡", "text"?: "…", "title"?: "…", "site"?: "130623", "expect": "130623205" | null,
 *   "kind"?: "人民政府", "tag": "ocr"}`. `expect: null` means the right answer is to abstain.
 * Precision = right answers / answers given; recall = right answers / cases that have an answer.
 */
import type { DivisionRegistry } from './registry.ts';
import { resolveBody } from './resolve.ts';
import type { BodyKind } from './types.ts';

export interface LabelledCase {
  body: string | null;
  title?: string;
  text?: string;
  site?: string;
  url?: string;
  expect: string | null;
  kind?: BodyKind;
  tag?: string;
}

export interface CaseOutcome {
  case: LabelledCase;
  got: string | null;
  gotKind: BodyKind;
  verdict: 'right' | 'wrong' | 'abstained' | 'right_abstain';
  warnings: string[];
}

export interface EvalReport {
  cases: number;
  answered: number;
  right: number;
  wrong: number;
  /** Cases with an answer that were left unresolved. */
  missed: number;
  precision: number;
  recall: number;
  kindRight: number;
  kindCases: number;
  byTag: Record<string, { cases: number; right: number; wrong: number }>;
  outcomes: CaseOutcome[];
}

export function parseLabelled(jsonl: string): LabelledCase[] {
  return jsonl
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('//'))
    .map((l) => JSON.parse(l) as LabelledCase);
}

export function evaluate(cases: LabelledCase[], registry: DivisionRegistry): EvalReport {
  const outcomes: CaseOutcome[] = [];
  const byTag: EvalReport['byTag'] = {};
  let kindRight = 0;
  let kindCases = 0;
  for (const c of cases) {
    const r = resolveBody({ body: c.body, title: c.title, text: c.text, siteDivisionCode: c.site, url: c.url }, registry);
    const got = r.value.division?.code ?? null;
    let verdict: CaseOutcome['verdict'];
    if (got === null) verdict = c.expect === null ? 'right_abstain' : 'abstained';
    else verdict = got === c.expect ? 'right' : 'wrong';
    if (c.kind) {
      kindCases++;
      if (r.value.kind === c.kind) kindRight++;
    }
    const tag = (byTag[c.tag ?? 'other'] ??= { cases: 0, right: 0, wrong: 0 });
    tag.cases++;
    if (verdict === 'right' || verdict === 'right_abstain') tag.right++;
    if (verdict === 'wrong') tag.wrong++;
    outcomes.push({ case: c, got, gotKind: r.value.kind, verdict, warnings: r.warnings.map((w) => w.code) });
  }
  const answered = outcomes.filter((o) => o.got !== null).length;
  const right = outcomes.filter((o) => o.verdict === 'right').length;
  const positives = cases.filter((c) => c.expect !== null).length;
  return {
    cases: cases.length,
    answered,
    right,
    wrong: answered - right,
    missed: outcomes.filter((o) => o.verdict === 'abstained').length,
    precision: answered ? right / answered : 1,
    recall: positives ? right / positives : 1,
    kindRight,
    kindCases,
    byTag,
    outcomes,
  };
}

export function formatEval(r: EvalReport): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `cases ${r.cases}, answered ${r.answered}, right ${r.right}, wrong ${r.wrong}, missed ${r.missed}`,
    `precision ${pct(r.precision)}  recall ${pct(r.recall)}  kind ${r.kindRight}/${r.kindCases}`,
    ...Object.entries(r.byTag)
      .sort()
      .map(([t, s]) => `  ${t.padEnd(12)} ${String(s.right).padStart(3)}/${s.cases} right, ${s.wrong} wrong`),
  ];
  for (const o of r.outcomes) {
    if (o.verdict === 'wrong' || o.verdict === 'abstained' || (o.case.kind && o.case.kind !== o.gotKind)) {
      lines.push(`  ${o.verdict.padEnd(9)} ${o.case.body} expect ${o.case.expect} got ${o.got} kind ${o.gotKind} [${o.warnings.join(' ')}]`);
    }
  }
  return lines.join('\n');
}
