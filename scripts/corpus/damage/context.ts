/** What a damage function gets: the document to edit and the sets that decide the expected values. */
import type { Rng } from '../prng.ts';
import type { DocSpec } from '../spec.ts';
import type { AbstractDoc, Section, TCell, TTable } from '../types.ts';
import type { Values } from '../values.ts';

export const DAMAGE_KINDS = [
  'subtotal_column', 'merged_values', 'truncated_table', 'glued_digits', 'dash_zeros', 'blank_zeros', 'units_notes', 'fullwidth_digits',
  'label_typos', 'numbering', 'label_spaces', 'label_split', 'vertical_labels', 'values_wrapped', 'row_shift',
  'page_split', 'missing_table', 'cell_per_line', 'heading_variants', 'heading_markup', 'preamble_titles',
  'split_tables', 'fragmented_headers', 'generic_headers', 'duplicated_section', 'glued_rows',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export interface DamageContext {
  rng: Rng;
  spec: DocSpec;
  doc: AbstractDoc;
  /** The printed values (after a deliberate rule break, if any). */
  values: Values;
  /** Cells whose number is no longer printed (merged away, dash): forced by the rules or unrecoverable. */
  hidden: Set<string>;
  /** Cells whose whole table is missing: expected null. */
  absent: Set<string>;
  /** Cells the parser cannot know (ambiguous glued digits). */
  unrecoverable: Set<string>;
  /** The source breaks a rule on purpose: damage must not hide the cells that show it. */
  ruleBroken?: boolean;
}

export interface Damage {
  kind: DamageKind;
  /** Whether the damage makes sense for this document (format, text style, template). */
  fits(ctx: DamageContext): boolean;
  /** Edits the document; false when nothing could be changed. */
  apply(ctx: DamageContext): boolean;
}

export function tables(ctx: DamageContext, section?: Section): TTable[] {
  return ctx.doc.blocks.flatMap((b) => (b.kind === 'table' && (!section || b.table.section === section) ? [b.table] : []));
}

export function valueCells(table: TTable): TCell[] {
  return table.rows.flatMap((r) => r.cells.filter((c) => c.role === 'value' && c.code));
}

export const isTxt = (ctx: DamageContext): boolean => ctx.spec.format === 'txt';
/** Empty cells stay visible: tab-separated text or HTML. */
export const blanksVisible = (ctx: DamageContext): boolean => !isTxt(ctx) || ctx.doc.text.sep === '\t';
