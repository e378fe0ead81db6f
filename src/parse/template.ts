/** Template detection from the labels, never from the year (TEMPLATES.md §1). */
import type { TemplateId } from '../model/codebook.ts';
import type { S2Family } from './section2.ts';
import type { OtherStyle } from './section3.ts';

export function detectTemplate(family: S2Family | null, other: OtherStyle, hasTables: boolean, looksLikeReport: boolean): TemplateId {
  if (!hasTables) return looksLikeReport ? 'free_form' : 'unknown';
  if (family === 't2021') return other === 'single' ? 'hybrid' : 't2021';
  if (family === 't2019') return other === 'subrows' ? 'hybrid' : 't2019';
  // No section 二 markers: decide by the （六） rows.
  return other === 'single' ? 't2019' : 't2021';
}
