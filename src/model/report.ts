/** The report record: what the parser makes of one document (the standard model). */
import type { TemplateId } from './codebook.ts';
import type { Format } from './document.ts';
import type { Message, Provenance } from './result.ts';

/**
 * number: printed digits; blank: an empty cell read as 0; dash/text/unreadable: not a number. For the
 * narrative reports of 2008–2018: negation (0 from a negated statement: 未收到…申请) and approximate
 * (余/多/约: the printed number, marked).
 */
export type CellKind = 'number' | 'blank' | 'dash' | 'text' | 'unreadable' | 'negation' | 'approximate';

export interface CellRecord {
  /** The text the value was read from ('' for a blank cell; absent for derived cells). */
  raw: string;
  /** corrected / confirmed: a reviewer's decision (`nianbao review`), applied after the parse. */
  source: 'read' | 'derived' | 'corrected' | 'confirmed';
  kind: CellKind;
  /** For derived cells: the rule that forced the value (R3.1, R3.3, zero_total, …); for a read cell OCR misread, the rule that set it right (ocr_unsigned: a minus dropped from a count; ocr_point_dropped: a point dropped from one). */
  rule?: string;
  unit?: string;
  provenance: Provenance;
  /** The sentence or table row the value was read from (2008–2018 reports). */
  evidence?: string;
}

export type CheckStatus = 'pass' | 'fail' | 'not_assessable';

export interface Check {
  rule: string;
  /** The section 三 column, or the section 四 group, the check is about. */
  column?: string;
  status: CheckStatus;
  expected?: number | null;
  actual?: number | null;
  /** Codes of the cells the check involves. */
  cells: string[];
}

export interface ReportTexts {
  s1?: string;
  s5?: string;
  s6?: string;
}

export interface ReportRecord {
  template: TemplateId;
  year: number | null;
  body: string | null;
  title: string | null;
  /** Every cell of the detected template: a number, or null (with a warning saying why). */
  values: Record<string, number | null>;
  /** Cells involved in a failed check or read with low confidence. */
  flagged: string[];
  /** Of `flagged`, the cells flagged only by a failed check across years (X.1, X.2): still what the report prints. */
  flaggedCross?: string[];
  /**
   * The checks across years as equations, with the neighbouring years' numbers under pseudo codes (`prev:…`,
   * `next:…`): kept so that the checks can run again over corrected values (src/review). Not stored.
   */
  crossYear?: {
    eqs: { rule: string; column: string; lhs: string[]; rhs: string[]; severity: 'error' | 'warning' }[];
    consts: Record<string, number>;
  };
  cells: Record<string, CellRecord>;
  checks: Check[];
  texts: ReportTexts;
  warnings: Message[];
}

/** One line of `nianbao parse --json`: the record plus where it came from. */
export interface ParseOutput extends Partial<ReportRecord> {
  file: string;
  sha256: string;
  format: Format;
  url?: string;
  /** The administrative division that issued the report, when resolved (src/divisions). */
  division?: { code: string; name: string; level: string } | null;
  /** Places the body's name could be, when it could not be resolved to one (or the one chosen). */
  division_candidates?: { code: string; name: string; level: string; path?: string }[];
  error?: string;
  errorCode?: string;
}
