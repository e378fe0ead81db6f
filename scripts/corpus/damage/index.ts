/** The damage registry: every kind in application order, which kinds exclude each other, and a picker. */
import type { Rng } from '../prng.ts';
import { CELL_DAMAGES } from './cells.ts';
import { DAMAGE_KINDS, type Damage, type DamageContext, type DamageKind } from './context.ts';
import { LABEL_DAMAGES } from './labels.ts';
import { LAYOUT_DAMAGES } from './layout.ts';
import { CONVERTER_DAMAGES } from './converter.ts';

export { DAMAGE_KINDS, type DamageContext, type DamageKind } from './context.ts';

const ALL = [...CELL_DAMAGES, ...LABEL_DAMAGES, ...LAYOUT_DAMAGES, ...CONVERTER_DAMAGES];
/** Every damage, in application order (DAMAGE_KINDS). */
export const DAMAGES: readonly Damage[] = DAMAGE_KINDS.map((k) => ALL.find((d) => d.kind === k)!);
export const DAMAGE_BY_KIND: ReadonlyMap<DamageKind, Damage> = new Map(DAMAGES.map((d) => [d.kind, d]));

if (DAMAGES.some((d) => !d)) throw new Error('a damage kind has no function');

/** Pairs that make no sense together (glued rows need plain digits; a shifted row needs real cells). */
const CONFLICTS: [DamageKind, DamageKind][] = [
  ['glued_digits', 'subtotal_column'], ['glued_digits', 'merged_values'], ['glued_digits', 'dash_zeros'],
  ['glued_digits', 'blank_zeros'], ['glued_digits', 'units_notes'], ['cell_per_line', 'row_shift'],
  ['truncated_table', 'merged_values'],
  ...(['subtotal_column', 'merged_values', 'glued_digits', 'dash_zeros', 'blank_zeros', 'units_notes', 'fullwidth_digits', 'cell_per_line',
    'split_tables', 'fragmented_headers', 'generic_headers', 'duplicated_section'] as const).map((k): [DamageKind, DamageKind] => ['glued_rows', k]),
  ...(['split_tables', 'fragmented_headers', 'generic_headers', 'duplicated_section'] as const).map((k): [DamageKind, DamageKind] => ['cell_per_line', k]),
];

/** Damage kinds whose expected values rely on the rules holding (never combined with a rule break). */
export const NEEDS_CONSISTENT_RULES: readonly DamageKind[] = ['merged_values', 'truncated_table', 'dash_zeros', 'glued_digits', 'glued_rows'];

export function conflicts(a: DamageKind, b: DamageKind): boolean {
  return CONFLICTS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** Text-only kinds (they force the text format). */
export const TEXT_ONLY: readonly DamageKind[] = ['glued_digits', 'cell_per_line', 'split_tables', 'fragmented_headers', 'generic_headers', 'duplicated_section', 'glued_rows'];

/** Adds up to `extra` random kinds to `base` that fit the document and conflict with none already chosen. */
export function pickDamages(rng: Rng, ctx: DamageContext, base: DamageKind[], extra: number): DamageKind[] {
  const chosen = base.filter((k) => DAMAGE_BY_KIND.get(k)!.fits(ctx));
  for (const kind of rng.shuffle(DAMAGE_KINDS)) {
    if (chosen.length >= base.length + extra) break;
    if (chosen.includes(kind) || !DAMAGE_BY_KIND.get(kind)!.fits(ctx) || chosen.some((k) => conflicts(k, kind))) continue;
    chosen.push(kind);
  }
  return DAMAGE_KINDS.filter((k) => chosen.includes(k));
}

/** Applies the kinds in registry order; returns those that changed something. */
export function applyDamages(ctx: DamageContext, kinds: DamageKind[]): DamageKind[] {
  return DAMAGES.filter((d) => kinds.includes(d.kind)).filter((d) => d.apply(ctx)).map((d) => d.kind);
}
