/**
 * The generator's own document model: an abstract report (headings, paragraphs, tables with spans) that the
 * text and HTML renderers turn into bytes, and that damage functions edit before rendering.
 */
import type { TemplateId } from '../../src/model/codebook.ts';

export type Section = '二' | '三' | '四';

export interface TCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Field code when the cell holds a value. */
  code?: string;
  role?: 'label' | 'value' | 'header' | 'group' | 'note' | 'filler';
  /** Text renderer: print the characters one per line before the row (PDF vertical text). */
  vertical?: boolean;
}

export interface TRow {
  cells: TCell[];
  role: 'block' | 'header' | 'data';
  /** s3 row code (`new`, `result.withheld.state_secret`, …) or s2 row key. */
  rowCode?: string;
  /** Text renderer: print the row's values with no separator at all (digits glued together). */
  glued?: boolean;
  /** The row's cells sit one column left (-1) or right (+1) of the header's columns (seed 004). */
  shift?: -1 | 1;
}

export interface TTable {
  section: Section;
  rows: TRow[];
  /** Number of label (non-value) grid columns at the left (s3: 3). */
  labelCols: number;
}

export type HeadingStyle = 'plain' | 'markdown' | 'bold' | 'split' | 'numbered_md';

export type Block =
  | { kind: 'title'; lines: string[]; markdown?: boolean }
  | { kind: 'heading'; text: string; level: number; section?: string; style?: HeadingStyle }
  | { kind: 'para'; text: string; role?: 'preamble' | 'date' | 'signature' | 'page' | 'body' }
  | { kind: 'table'; table: TTable };

/** How the text renderer lays out table rows. */
export interface TextStyle {
  /** Cell separator: tab (docx/html text dumps) or spaces (pdftotext). */
  sep: '\t' | ' ' | '  ';
  /** expand: colspans and covered cells become empty cells (seed 000); collapse: only real cells. */
  spans: 'expand' | 'collapse';
  /** One cell per line with a leading tab and a blank line between rows (seed 003). */
  cellPerLine: boolean;
  /** Blank line between paragraphs. */
  blankLines: boolean;
  /** Tables as markdown pipe tables (PDF- or OCR-to-Markdown converters): `| a | b |`, a rule under the first row. */
  markdown?: boolean;
}

export interface HtmlStyle {
  /** Word-paste markup (MsoNormal, mso- styles, <o:p>, split spans). */
  word: boolean;
  charset: 'utf-8' | 'gbk';
  /** The CMS page around the content, or none (a bare fragment page). */
  cms: 'trs' | 'zoom' | 'ucap' | 'none';
}

export interface AbstractDoc {
  blocks: Block[];
  text: TextStyle;
  html: HtmlStyle;
  /** Page <title> for HTML. */
  pageTitle: string;
}

export interface RuleBreak {
  rule: string;
  cells: string[];
}

/** The expected file written next to each document (`<file>.expected.json`), like the seeds'. */
export interface Expected {
  file: string;
  body: string | null;
  year: number | null;
  template: TemplateId;
  /** Every code of the template: the true (printed) value, or null when the table is absent. */
  values: Record<string, number | null>;
  damage: string[];
  /** Failed checks on purpose: the printed values break these; the parser must flag their cells. */
  rule_breaks?: RuleBreak[];
  /** Cells whose value is not printed and not forced by the arithmetic: the parser should give null. */
  unrecoverable?: string[];
  /** Cells not printed (merged away, dashes) that the arithmetic forces: the parser should derive them. */
  inferable?: string[];
  /** Expected error code (empty file, not a report). */
  error?: string;
  /** Generator facts, for slicing the eval. */
  meta?: { format: string; level?: string; charset?: string; layout?: string; seed?: number };
}

export type Level = 'township' | 'street' | 'county' | 'district' | 'department' | 'city';
