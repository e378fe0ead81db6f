/**
 * The fuzzy report parser: document model → report record. Pure and synchronous.
 * Reads every template cell it can; derives (and marks) only what the rules force; validates; flags.
 */
import { codesFor, FIELD_BY_CODE, type TemplateId } from '../model/codebook.ts';
import type { DocumentModel } from '../model/document.ts';
import { BadDocumentError } from '../model/errors.ts';
import type { CellRecord, ReportRecord } from '../model/report.ts';
import { warn, type Message, type Result } from '../model/result.ts';
import { evaluate } from '../validate/check.ts';
import { equations, s3Rows } from '../validate/rules.ts';
import { narrativeChecks } from '../validate/narrative.ts';
import { repairOcr } from '../validate/repair.ts';
import { crossYearChecks, crossYearEquations, isCrossYear, type Neighbours } from '../validate/cross-year.ts';
import { deriveForced, type Derivation } from '../validate/solve.ts';
import { findHeadings, textBetween } from './headings.ts';
import { readMeta } from './meta.ts';
import { resolveGlued } from './glued.ts';
import { contradictedDerivations, outsideEvidence, s3Prose } from './evidence.ts';
import { findRegions } from './regions.ts';
import { toRows } from './rows.ts';
import { readSection2 } from './section2.ts';
import { readSection3 } from './section3.ts';
import { readSection4 } from './section4.ts';
import { article32Headings, isP2008, NATIONAL, readPre2019, readTables } from './pre2019/index.ts';
import type { Row } from './rows.ts';
import type { Meta } from './meta.ts';
import { detectTemplate } from './template.ts';
import { buildStream, type ValueToken } from './tokenize.ts';

export const PARSER_VERSION = '0.5.28';

export interface ParseHints {
  /** The source's own title (HTML <title>, crawled link text), a fallback for year and body. */
  title?: string;
  /** The same body's stored reports of the years before and after (cross-year checks X.1, X.2). */
  neighbours?: Neighbours;
}

/** OCR words below this confidence make their cell flagged. */
const LOW_CONFIDENCE = 60;
/** Least confidence of an OCR reading the digit re-reads confirmed (ocr-vote caps a confirmed or repaired cell at 80). */
const SURE_READING = 80;
/** Confidence given to a lone 7 or 1 in tables that print none as a slash (below LOW_CONFIDENCE: flagged). */
const SLASH_DOUBT = 30;

export function parseReport(doc: DocumentModel, hints: ParseHints = {}): Result<ReportRecord> {
  const warnings: Message[] = [];
  const rows = toRows(doc);
  if (rows.length === 0) throw new BadDocumentError('input.no_text', 'the document contains no text');
  const stream = buildStream(rows);
  const headings = findHeadings(rows);
  const meta = readMeta(rows, headings.row[1], hints.title ?? doc.title);
  warnings.push(...meta.warnings);
  // Whether this is a report at all is decided by the document alone (its text and its own title), never by
  // a link's text: the same bytes get the same verdict from `nianbao parse` and from a crawl.
  const own = hints.title === undefined ? meta : readMeta(rows, headings.row[1], doc.title);

  const regions = findRegions(stream, headings);
  const s3 = readSection3(stream, ...regions.s3);
  const s2 = readSection2(stream, ...regions.s2);
  // Section 四 begins after the last values section 三 took (its heading may be missing).
  const s4From = s3.found ? Math.min(regions.s4[0], s3.end) : regions.s4[0];
  const s4 = readSection4(stream, s4From, regions.s4[1], s3.used);
  const hasTables = s3.found || s2.found || s4.found;
  const headingCount = Object.keys(headings.row).length;
  const looksLikeReport = own.value.title !== null || headingCount >= 3;
  // Whether it is a 2008–2018 report is the document's own verdict too; the record takes the hints' year and body.
  const pre = pre2019(rows, own, meta, stream.labels, s2.family !== null, looksLikeReport, doc.ocr === true);
  if (pre) return pre;
  const template = detectTemplate(s2.family, s3.otherStyle, hasTables, looksLikeReport);
  if (template === 'unknown') {
    throw new BadDocumentError('parse.not_report', 'not an annual report: no report title, section headings or template tables found');
  }

  const record: ReportRecord = {
    template, year: meta.value.year, body: meta.value.body, title: meta.value.title,
    values: {}, flagged: [], cells: {}, checks: [], texts: {}, warnings,
  };
  record.texts = sectionTexts(rows, headings.row);
  if (template === 'free_form') {
    warnings.push(warn('parse.free_form', 'no template tables found: texts only'));
    return { value: record, warnings };
  }

  for (const r of [s2, s3, s4]) warnings.push(...r.warnings);
  if (!s2.found) warnings.push(warn('parse.s2_missing', 'section 二 table not found: its cells are empty'));
  if (!s3.found) warnings.push(warn('parse.s3_missing', 'section 三 table not found: its cells are empty'));
  if (!s4.found) warnings.push(warn('parse.s4_missing', 'section 四 table not found: its cells are empty'));

  const codes = templateCodes(template, s2.family, s3.otherStyle);
  const tokens = new Map<string, ValueToken | null>([...s2.cells, ...s3.cells, ...s4.cells]);
  const values = new Map<string, number | null>();
  let blanks = 0;
  const ocrBlanks: string[] = [];
  for (const code of codes) {
    const t = tokens.get(code) ?? null;
    values.set(code, null);
    if (!t) continue;
    const cell: CellRecord = { raw: t.raw, source: 'read', kind: t.kind, provenance: t.prov };
    if (t.unit) cell.unit = t.unit;
    if (t.confidence !== undefined) cell.provenance = { ...t.prov, confidence: t.confidence };
    record.cells[code] = cell;
    const type = FIELD_BY_CODE.get(code)?.type;
    if (t.kind === 'number' && doc.ocr && t.value! < 0 && type !== 'signed') {
      // A count has no sign: OCR took a speck or a border remnant before the digits for a minus.
      values.set(code, -t.value!);
      record.cells[code] = { ...cell, rule: 'ocr_unsigned' };
      warnings.push(warn('parse.ocr_sign_dropped', `${code}: OCR read 「${t.raw}」, a count cannot be negative; read as ${-t.value!}, flagged`, { cell: code }));
    } else if (t.kind === 'number' && doc.ocr && type === 'count' && t.digits?.includes('.')) {
      // Nor a fraction: the point is a speck between two digits (「202.9」 for 2029).
      const joined = Number(t.digits!.replace('.', ''));
      values.set(code, joined);
      record.cells[code] = { ...cell, rule: 'ocr_point_dropped' };
      warnings.push(warn('parse.ocr_point_dropped', `${code}: OCR read 「${t.raw}」, a count has no fraction; read as ${joined}, flagged`, { cell: code }));
    } else if (t.kind === 'number') values.set(code, t.value);
    else if (t.kind === 'blank') {
      // OCR: an empty cell may be a digit lost; the rules fill it first where they force it, else it is 0.
      if (doc.ocr) ocrBlanks.push(code);
      else values.set(code, 0);
      blanks++;
    } else warnings.push(warn('parse.dash', `${code}: 「${t.raw}」 is not a number; left empty`, { cell: code }));
  }
  if (blanks) warnings.push(warn('parse.blank_as_zero', `${blanks} empty cells inside rows of numbers read as 0`, { level: 'info' }));

  const rulesTemplate: TemplateId = s3.otherStyle === 'subrows' || (s3.otherStyle === 'none' && template === 't2021') ? 't2021' : 't2019';
  const eqs = equations(rulesTemplate).filter((e) => [...e.lhs, ...e.rhs].every((c) => values.has(c)));
  const cross = crossYearEquations(new Set(codes), hints.neighbours);
  warnings.push(...resolveGlued([...s2.glued, ...s3.glued, ...s4.glued], values, eqs, record.cells, outsideEvidence(record.texts.s1, values, cross)));
  // Where the tables print "none" as a slash or dash and never 0, OCR reads a slash as 7 or 1 now and then (the
  // same way in a row and its total, so a sum may even hold): such a lone digit confirms nothing and is flagged.
  const dashTable = doc.ocr && dashForZero(record.cells);
  if (dashTable) {
    const slashLike = codes.filter((c) => record.cells[c]?.source === 'read' && record.cells[c]!.kind === 'number' && /^[17]$/.test(record.cells[c]!.raw.trim()));
    for (const c of slashLike) {
      const cell = record.cells[c]!;
      // A lone 7 is unreadable there (a slash as often as a 7): the rules restore it where the sums force it.
      if (cell.raw.trim() === '7') {
        record.cells[c] = { ...cell, kind: 'unreadable' };
        values.set(c, null);
      } else record.cells[c] = { ...cell, provenance: { ...cell.provenance, confidence: Math.min(cell.provenance.confidence ?? 100, SLASH_DOUBT) } };
    }
    if (slashLike.length) warnings.push(warn('parse.ocr_slash_doubt', `${slashLike.length} lone 7 or 1 read in tables that print none as a slash: a 7 is left to the rules, a 1 flagged (a slash misread)`));
  }
  if (doc.ocr) {
    // A reading the digit re-reads confirmed (confidence ≥ SURE_READING) is not repaired: it is what the page
    // prints, in a source that breaks a rule as often as a misread (the failing check flags it).
    const readable = new Set(codes.filter((c) => record.cells[c]?.source === 'read' && record.cells[c]!.kind === 'number' && values.get(c) != null
      && (record.cells[c]!.provenance.confidence ?? 0) < SURE_READING));
    const doubtful = new Set(codes.filter((c) => record.cells[c]?.kind === 'blank' || (record.cells[c]?.provenance.confidence ?? 100) < LOW_CONFIDENCE));
    for (const d of repairOcr(values, eqs, readable, doubtful)) {
      const cell = record.cells[d.code]!;
      record.cells[d.code] = { ...cell, source: 'derived', rule: d.rule };
      warnings.push(warn('parse.ocr_repaired', `${d.code}: OCR read 「${cell.raw}」; the sums ${d.rule.slice(d.rule.indexOf(":") + 1)} all give ${d.value}`, { cell: d.code }));
    }
  }
  const markDerived = (ds: Derivation[]) => {
    for (const d of ds) record.cells[d.code] = { ...(record.cells[d.code] ?? { raw: '', kind: 'number', provenance: {} }), source: 'derived', rule: d.rule };
  };
  markDerived(deriveForced(values, eqs));
  if (dashTable) {
    // There a dash is how the table writes 0: the dashes no sum forced are 0 by that convention (rule
    // `dash_zero`, derived), and the sums are solved again (a digit the scan lost in a row of dashes).
    const dashes = codes.filter((c) => record.cells[c]?.source === 'read' && record.cells[c]!.kind === 'dash' && values.get(c) === null);
    for (const c of dashes) values.set(c, 0);
    markDerived(dashes.map((code) => ({ code, value: 0, rule: 'dash_zero' })));
    if (dashes.length) {
      warnings.push(warn('parse.dash_zero', `the tables print "none" as a dash or slash, never 0: ${dashes.length} dash cells read as 0 (rule dash_zero)`, { level: 'info' }));
      markDerived(deriveForced(values, eqs));
    }
  }
  // Where the tables print "none" as a dash and never a 0, an empty OCR cell is a dash the scan lost, not a 0.
  if (dashTable && ocrBlanks.some((c) => values.get(c) === null)) {
    warnings.push(warn('parse.ocr_blank_dash', `the tables print "none" as a dash, never 0: ${ocrBlanks.filter((c) => values.get(c) === null).length} empty OCR cells are left empty, not read as 0`));
  }
  const zeroed = ocrBlanks.filter((code) => values.get(code) === null && !dashTable);
  for (const code of zeroed) values.set(code, 0);
  // With the blanks among a row's numbers taken as 0, the sums force what they did not before (a 总计 left
  // empty beside them: rows whose totals the table does not print).
  if (zeroed.length) markDerived(deriveForced(values, eqs));
  for (const [code, v] of values) record.values[code] = v;
  const { checks, flagged } = evaluate(record.values, eqs);
  for (const c of contradictedDerivations(record, [...s3.unplaced, ...s4.unplaced], warnings)) flagged.add(c);
  // Section 一's numbers, and those of section 三 printed twice (a narrative list before its table).
  const narrative = [...narrativeChecks(record.texts.s1, record.values), ...narrativeChecks(s3Prose(rows, headings.row), record.values)];
  const acrossYears = crossYearChecks(record.values, cross);
  const crossOnly = [...acrossYears.flagged].filter((c) => !flagged.has(c));
  for (const c of narrative.filter((x) => x.status === 'fail')) {
    warnings.push(warn('check.narrative_mismatch', `section 一 quotes ${c.expected} for ${c.column}; the table has ${c.actual}`, { cell: c.column }));
  }
  record.checks = [...checks, ...narrative, ...acrossYears.checks];
  for (const [code, cell] of Object.entries(record.cells)) {
    if (cell.source === 'read' && (cell.provenance.confidence ?? 100) < LOW_CONFIDENCE) flagged.add(code);
    if (cell.rule?.startsWith('ocr_repair:') || cell.rule === 'ocr_unsigned' || cell.rule === 'ocr_point_dropped') flagged.add(code); // not what the page shows: a researcher checks it
  }
  if (doc.ocr) flagUnverifiedOcr(record, [...checks, ...narrative, ...acrossYears.checks], flagged, warnings);
  const crossFlags = new Set(crossOnly.filter((c) => !flagged.has(c)));
  for (const c of crossFlags) flagged.add(c);
  record.flagged = codes.filter((c) => flagged.has(c));
  if (crossFlags.size) record.flaggedCross = codes.filter((c) => crossFlags.has(c));
  if (cross.eqs.length) record.crossYear = cross;
  const readAny = Object.values(record.cells).some((c) => c.source === 'read' && c.kind === 'number');
  if (!readAny && (own.value.year === null || own.value.body === null)) {
    throw new BadDocumentError('parse.not_report', 'a blank template: its tables hold no values, and it names no year or issuing body');
  }
  const missing = codes.filter((c) => record.values[c] === null);
  if (missing.length) warnings.push(warn('parse.cells_empty', `${missing.length} of ${codes.length} cells could not be read`));
  return { value: record, warnings };
}

/** At least five value cells of sections 三 and 四 read as a dash or slash, none as 0, and fewer left blank. */
function dashForZero(cells: Record<string, CellRecord>): boolean {
  const table = Object.entries(cells).filter(([code, c]) => /^s[34]\./.test(code) && c.source === 'read');
  const dashes = table.filter(([, c]) => c.kind === 'dash').length;
  return dashes >= 5 && dashes > table.filter(([, c]) => c.kind === 'blank').length && !table.some(([, c]) => c.kind === 'number' && c.raw.trim() === '0');
}

/**
 * A report of 2008–2018 (template p2008): read into the `p.*` codebook, never into the template codes (its
 * tables are not the national templates). Null for any other document. Skipped at once for a title year ≥ 2019.
 */
function pre2019(rows: Row[], own: Result<Meta>, read: Result<Meta>, labels: string, s2Family: boolean, looksLikeReport: boolean, ocr: boolean): Result<ReportRecord> | null {
  const meta = read.value;
  const metaWarnings = read.warnings;
  const ownFromText = own.warnings.some((w) => w.code === 'parse.year_from_text');
  const fromText = metaWarnings.some((w) => w.code === 'parse.year_from_text');
  const titleYear = ownFromText ? null : own.value.year;
  if (titleYear !== null && titleYear >= 2019) return null;
  const tables = readTables(rows);
  const signals = {
    titleYear, textYear: ownFromText ? own.value.year : fromText ? meta.year : null, headings: article32Headings(rows), annex: tables.annex,
    statTable: tables.statTable, national: s2Family || NATIONAL.test(labels), looksLikeReport,
  };
  if (!isP2008(signals)) return null;
  const p = readPre2019(rows, meta.year, tables, ocr);
  const warnings = [...metaWarnings, ...p.warnings];
  const record: ReportRecord = {
    template: 'p2008', year: meta.year, body: meta.body, title: meta.title, values: p.values, flagged: p.flagged,
    cells: p.cells, checks: p.checks, texts: p.texts, warnings,
  };
  return { value: record, warnings };
}

/**
 * OCR misreads digits with high confidence, and section 二 has no arithmetic to catch that. So in an OCR'd
 * document a number is trusted only when a passing arithmetic check confirms it, one that no derived cell of
 * it holds by construction. A check holding through an empty
 * cell taken as 0 or a reading of low confidence confirms nothing. Every other number is flagged.
 */
function flagUnverifiedOcr(record: ReportRecord, checks: ReportRecord['checks'], flagged: Set<string>, warnings: Message[]): void {
  const confirmations = new Map<string, number>();
  const inFailed = new Set(checks.filter((c) => c.status === 'fail' && c.rule !== 'R.int').flatMap((c) => c.cells));
  const doubtful = (code: string) => {
    const cell = record.cells[code];
    return cell !== undefined && cell.source === 'read' && (cell.kind === 'blank' || (cell.provenance.confidence ?? 100) < LOW_CONFIDENCE);
  };
  for (const c of checks) {
    // A sum that only holds through an empty OCR cell taken as 0 or a doubtful reading confirms nothing.
    // A neighbouring year's trusted number (X.1, X.2) or the same number quoted in the text (X.5, read apart
    // from the table) confirms as well as a sum does.
    // Nor does one through a cell a failed check holds in doubt, nor one a cell was derived or repaired by (it
    // holds by construction: a repaired total, and the cell derived to fit it, would hold each other up).
    const derivedHere = (x: string) => record.cells[x]?.source === 'derived' && (record.cells[x]!.rule ?? '').split(/[:+]/).includes(c.rule);
    // Nor one among derived cells only (a row of cells each derived by its column's sum holds by construction).
    const allDerived = c.cells.every((x) => record.cells[x]?.source === 'derived');
    if (c.status !== 'pass' || allDerived || (c.rule.startsWith('X.') && !isCrossYear(c.rule) && c.rule !== 'X.5') || c.rule === 'R.int' || c.cells.some(doubtful) || c.cells.some((x) => inFailed.has(x)) || c.cells.some(derivedHere)) continue;
    for (const code of c.cells) confirmations.set(code, (confirmations.get(code) ?? 0) + 1);
  }
  let n = 0;
  for (const [code, cell] of Object.entries(record.cells)) {
    if (record.values[code] == null || flagged.has(code)) continue;
    // (A derived cell's own rule no longer counts above: one other check is needed, as for a read cell.)
    if ((confirmations.get(code) ?? 0) < 1) {
      flagged.add(code);
      n++;
    }
  }
  if (n) warnings.push(warn('parse.ocr_unverified', `${n} numbers read by OCR that no arithmetic check confirms are flagged`));
}

function templateCodes(template: TemplateId, family: string | null, other: string): string[] {
  if (template !== 'hybrid' || family !== 't2019') return codesFor(template);
  const s3 = new Set(s3Rows('t2021'));
  return [...codesFor('t2019').filter((c) => !c.startsWith('s3.')), ...codesFor('t2021').filter((c) => c.startsWith('s3.') && s3.has(c.split('.').slice(1, -1).join('.')))]
    .filter((c, i, a) => a.indexOf(c) === i && (other !== 'single' || !c.includes('.other.')));
}

function sectionTexts(rows: ReturnType<typeof toRows>, h: Partial<Record<number, number>>): ReportRecord['texts'] {
  const next = (n: number) => {
    for (let k = n + 1; k <= 6; k++) if (h[k] !== undefined) return h[k]!;
    return rows.length;
  };
  const out: ReportRecord['texts'] = {};
  if (h[1] !== undefined) out.s1 = textBetween(rows, h[1], next(1));
  if (h[5] !== undefined) out.s5 = textBetween(rows, h[5], next(5));
  if (h[6] !== undefined) out.s6 = textBetween(rows, h[6], rows.length);
  return out;
}
