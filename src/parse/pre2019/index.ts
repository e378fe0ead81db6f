/**
 * The reader of 2008–2018 reports (template `p2008`): tables first (annex, 统计表), then the narrative around
 * them, reconciled into one value per `p.*` code, each with its evidence (the sentence or the table row) as
 * provenance; then the checks of these reports. Every `p.*` code is in `values`: a number, or null when the
 * report is silent (never 0 for silence).
 */
import { codesFor } from '../../model/codebook.ts';
import type { CellRecord, ReportRecord } from '../../model/report.ts';
import type { Reading } from './reading.ts';
import { warn, type Message } from '../../model/result.ts';
import { preChecks } from '../../validate/pre2019.ts';
import type { Row } from '../rows.ts';
import { readSentences } from './narrative.ts';
import { reconcile } from './reconcile.ts';
import { narrativeParagraphs, type Paragraph, type Topic } from './stream.ts';
import { readTables, type TableResult } from './tables.ts';

export { article32Headings, isP2008, NATIONAL, type PreSignals } from './detect.ts';
export { readTables } from './tables.ts';

const DOUBT_TEXT: Record<string, string> = {
  'p.scope_from_heading': 'only the heading above says the case concerns disclosure',
  'p.proactive_generic': '「发布…信息」 may count news as well as disclosed items',
  'p.cum_unclear': 'not clear whether the figure is the year\'s or 历年累计',
  'p.numbering_split': 'the value ran into the next item\'s number and was cut from it',
  'p.digits_split': 'glued digits cut by 历年累计 ≥ the year\'s figure alone',
  'p.total_from_channel': 'a channel\'s figure taken as the total',
  'p.scope_wider': 'the figure is summed over several bodies (各级, 各部门), maybe not the reporting body\'s own',
};

export interface PreRead {
  values: Record<string, number | null>;
  cells: Record<string, CellRecord>;
  flagged: string[];
  checks: ReportRecord['checks'];
  texts: ReportRecord['texts'];
  warnings: Message[];
}

export function readPre2019(rows: Row[], year: number | null, tables: TableResult = readTables(rows), ocr = false): PreRead {
  const warnings: Message[] = [...tables.warnings];
  const { paragraphs } = narrativeParagraphs({ rows, tableRows: tables.tableRows });
  const text = readSentences(paragraphs, year);
  warnings.push(...text.warnings);
  // OCR loses the stops between sentences: 「也无减免情况、因…行政复议…的情况全年发生…行政复议案件3件」 reads as one
  // clause whose negation seems to deny the count it states. There the stated count stands, not the negation.
  const runOn = (r: Reading) => r.kind === 'negation' && /\d/.test(r.evidence);
  const denied = (r: Reading) => runOn(r) && text.readings.some((o) => o.code === r.code && o.kind !== 'negation' && r.evidence.includes(o.raw));
  const sentences = ocr ? text.readings.filter((r) => !denied(r)) : text.readings;
  if (sentences.length < text.readings.length) warnings.push(warn('p.ocr_run_on_negation', `${text.readings.length - sentences.length} negation(s) in a clause that also states the count were dropped (OCR lost a stop)`));
  const rec = reconcile([...tables.readings, ...sentences], tables.glued);
  warnings.push(...rec.warnings);
  const codes = codesFor('p2008');
  const values: Record<string, number | null> = {};
  const cells: Record<string, CellRecord> = {};
  const flagged = new Set<string>();
  const fromTable = new Set<string>();
  for (const code of codes) {
    values[code] = null;
    const d = rec.decided.get(code);
    if (!d) continue;
    const r = d.reading;
    values[code] = r.value;
    cells[code] = { raw: r.raw, source: 'read', kind: r.kind, provenance: r.prov, evidence: r.evidence };
    if (r.origin === 'table') fromTable.add(code);
    if (d.flagged) flagged.add(code);
    if (r.doubt && r.doubt !== 'p.total_from_channel') {
      warnings.push(warn(r.doubt, `${code}: 「${r.raw}」 kept but flagged: ${DOUBT_TEXT[r.doubt] ?? r.doubt}`, { cell: code }));
    }
  }
  const checked = preChecks({ values, fromTable, statTable: tables.statTable });
  for (const c of checked.flagged) flagged.add(c);
  for (const c of checked.checks.filter((x) => x.status === 'fail')) {
    warnings.push(warn('check.p_failed', `${c.rule} ${c.column}: expected ${c.expected ?? '?'}, got ${c.actual ?? '?'}`, { cell: c.column }));
  }
  if (ocr) flagUnconfirmedOcr(cells, [...rec.checks, ...checked.checks], flagged, warnings);
  const read = Object.keys(cells).length;
  if (read === 0) warnings.push(warn('p.no_values', 'no figure of the p.* codebook is stated in this report', { level: 'info' }));
  return {
    values, cells, flagged: codes.filter((c) => flagged.has(c)), checks: [...rec.checks, ...checked.checks],
    texts: textsOf(paragraphs), warnings,
  };
}

/**
 * OCR misreads digits and nothing in a narrative catches it: in an OCR'd report a number is trusted only when
 * a passing check confirms it (its breakdown adds up, or the table and the text agree). Negations are words,
 * trusted unless their sentence also states a number: OCR loses the stops between sentences, so 「无减免情况」
 * can run into 「…复议案件3件」 and seem to deny it.
 */
function flagUnconfirmedOcr(cells: Record<string, CellRecord>, checks: ReportRecord['checks'], flagged: Set<string>, warnings: Message[]): void {
  const confirmed = new Set(checks.filter((c) => c.status === 'pass' && (c.rule === 'P.parts' || c.rule === 'P.table_text')).flatMap((c) => c.cells));
  let n = 0;
  for (const [code, cell] of Object.entries(cells)) {
    if ((cell.kind === 'negation' && !/\d/.test(cell.evidence ?? '')) || confirmed.has(code) || flagged.has(code)) continue;
    flagged.add(code);
    n++;
  }
  if (n) warnings.push(warn('p.ocr_unverified', `${n} numbers read by OCR that no check confirms are flagged`));
}

function textsOf(paragraphs: Paragraph[]): ReportRecord['texts'] {
  const join = (topics: Topic[]) => paragraphs.filter((p) => topics.includes(p.topic)).map((p) => p.text.trim()).join('\n') || undefined;
  const out: ReportRecord['texts'] = {};
  const s1 = join(['overview']);
  const s5 = join(['problems']);
  const s6 = join(['other']);
  if (s1) out.s1 = s1;
  if (s5) out.s5 = s5;
  if (s6) out.s6 = s6;
  return out;
}
