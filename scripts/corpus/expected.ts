/** The expected file of a generated document: printed values, nulls for absent tables, forced vs unrecoverable cells. */
import { codesFor, type TemplateId } from '../../src/model/codebook.ts';
import { forcedCells } from './rules.ts';
import type { Expected, RuleBreak } from './types.ts';
import type { Values } from './values.ts';

export interface ExpectedInput {
  file: string;
  body: string | null;
  year: number | null;
  template: TemplateId;
  values: Values;
  damage: string[];
  hidden: Set<string>;
  absent: Set<string>;
  unrecoverable: Set<string>;
  ruleBreaks: RuleBreak[];
  meta: Expected['meta'];
}

export function buildExpected(input: ExpectedInput): Expected {
  const values: Record<string, number | null> = {};
  for (const code of codesFor(input.template)) values[code] = input.absent.has(code) ? null : (input.values[code] ?? null);
  const pseudo = Object.fromEntries(Object.entries(input.values).filter(([c]) => c.endsWith('.legal_subtotal')));
  const forced = forcedCells(input.template, { ...values, ...pseudo }, input.hidden);
  const inferable = [...input.hidden].filter((c) => forced.get(c) === values[c]);
  const unrecoverable = new Set([...input.unrecoverable, ...[...input.hidden].filter((c) => !inferable.includes(c))]);
  const order = (codes: Iterable<string>): string[] => {
    const set = new Set(codes);
    return codesFor(input.template).filter((c) => set.has(c));
  };
  return {
    file: input.file, body: input.body, year: input.year, template: input.template, values, damage: input.damage,
    ...(input.ruleBreaks.length > 0 ? { rule_breaks: input.ruleBreaks } : {}),
    ...(unrecoverable.size > 0 ? { unrecoverable: order(unrecoverable) } : {}),
    ...(inferable.length > 0 ? { inferable: order(inferable) } : {}),
    meta: input.meta,
  };
}
