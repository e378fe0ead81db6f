/**
 * What the review page's buttons do: save or remove a reviewer's decision (then the document is parsed again
 * at once, so the store, the page and the next export agree), and preview the checks with a decision not yet
 * saved (over the stored report, without parsing).
 */
import { EXTRACTOR_VERSION } from '../../extractors/index.ts';
import { getExtraction } from '../store/extractions.ts';
import { deleteCorrection, getCorrection, isReportField, saveCorrection, type Correction } from '../store/corrections.ts';
import type { Db } from '../store/db.ts';
import type { CellKind, CellRecord, ReportRecord } from '../model/report.ts';
import { reportStatus } from '../pipeline/report-status.ts';
import type { StageContext } from '../pipeline/context.ts';
import { reparseContent } from '../pipeline/parse-stage.ts';
import { applyCorrections } from './apply.ts';
import { neighboursOf } from '../store/neighbours.ts';
import { crossYearEquations } from '../validate/cross-year.ts';
import { checkCorrection } from './correction-input.ts';
import { loadReportView, reportHead, type CheckView, type ReportHead, type ReportView } from './report-view.ts';

export class ActionError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface DecisionInput {
  code?: unknown;
  action?: unknown;
  value?: unknown;
  note?: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function head(db: Db, id: number): ReportHead {
  const r = reportHead(db, id);
  if (!r) throw new ActionError(404, `no report ${id}`);
  return r;
}

/** What the parser gave for a code: kept from an earlier decision on it, else the stored value. */
function parsedValue(db: Db, r: ReportHead, code: string): number | string | null {
  const before = getCorrection(db, r.sha256, code);
  if (before) return before.parsed;
  switch (code) {
    case 'report.status': return r.status;
    case 'report.body': return r.body;
    case 'report.year': return r.year;
    case 'report.division_code': return r.divisionCode;
  }
  return (db.prepare('SELECT value FROM cells WHERE report_id = ? AND code = ?').pluck().get(r.id, code) as number | null | undefined) ?? null;
}

function decision(db: Db, r: ReportHead, input: DecisionInput, reviewer: string): Correction {
  const code = str(input.code);
  if (!isReportField(code) && db.prepare('SELECT 1 FROM cells WHERE report_id = ? AND code = ?').get(r.id, code) === undefined) {
    throw new ActionError(400, `report ${r.id} has no cell ${code}`);
  }
  const checked = checkCorrection({
    sha256: r.sha256, code, action: str(input.action), value: str(input.value), parsed: parsedValue(db, r, code),
    note: str(input.note), reviewer, correctedAt: new Date().toISOString(),
  });
  if (!checked.ok) throw new ActionError(400, checked.error);
  return checked.value;
}

/** A context for parsing one document again, at the extractor version its current extraction has. */
function contextFor(base: StageContext, r: ReportHead): StageContext {
  const current = getExtraction(base.db, r.sha256, EXTRACTOR_VERSION);
  return { ...base, extractorVersion: current ? EXTRACTOR_VERSION : r.extractorVersion };
}

export interface SaveResult {
  report: ReportHead;
  /** False when the document could not be parsed again now (its extraction is missing): applied at the next run. */
  reparsed: boolean;
}

function reparse(ctx: StageContext, r: ReportHead): SaveResult {
  const stats = reparseContent(contextFor(ctx, r), r.sha256);
  return { report: head(ctx.db, r.id), reparsed: stats.parsed === 1 };
}

export function saveDecision(ctx: StageContext, id: number, input: DecisionInput, reviewer: string): SaveResult {
  const r = head(ctx.db, id);
  const c = decision(ctx.db, r, input, reviewer);
  if (c.code === 'report.division_code' && ctx.resolver?.division && !ctx.resolver.division(String(c.value))) {
    throw new ActionError(400, `division ${c.value} is not in the division registry`);
  }
  saveCorrection(ctx.db, c);
  return reparse(ctx, r);
}

export function removeDecision(ctx: StageContext, id: number, input: DecisionInput): SaveResult {
  const r = head(ctx.db, id);
  if (!deleteCorrection(ctx.db, r.sha256, str(input.code))) throw new ActionError(404, `no decision on ${str(input.code)} for report ${id}`);
  return reparse(ctx, r);
}

/** The stored report as a record (values, cells, flags, checks), for a preview. */
function storedRecord(db: Db, view: ReportView): ReportRecord {
  const record: ReportRecord = {
    template: (view.report.template ?? 'unknown') as ReportRecord['template'], year: view.report.year, body: view.report.body,
    title: view.report.title, values: {}, cells: {}, flagged: [], checks: view.checks.map((c) => ({ ...c, column: c.column ?? undefined })),
    texts: { s1: (db.prepare('SELECT text_s1 FROM reports WHERE id = ?').pluck().get(view.report.id) as string | null) ?? undefined },
    warnings: [],
  };
  for (const c of view.cells) {
    record.values[c.code] = c.value;
    if (c.source) record.cells[c.code] = { raw: c.raw ?? '', source: c.source as CellRecord['source'], kind: (c.kind ?? 'number') as CellKind, provenance: c.provenance ?? {} };
    if (c.flagged) record.flagged.push(c.code);
  }
  // The checks across years run again too, against the body's stored years around this one.
  const { report } = view;
  const near = neighboursOf(db, { sha256: report.sha256, divisionCode: report.divisionCode, body: report.body, year: report.year });
  const cross = crossYearEquations(new Set(Object.keys(record.values)), near.neighbours);
  if (cross.eqs.length) record.crossYear = cross;
  return record;
}

export interface Preview {
  checks: CheckView[];
  flagged: string[];
  status: 'ok' | 'flagged';
}

export function previewDecision(db: Db, id: number, input: DecisionInput, reviewer: string): Preview {
  const view = loadReportView(db, id);
  if (!view) throw new ActionError(404, `no report ${id}`);
  const tentative = decision(db, view.report, input, reviewer);
  const corrections = [...view.corrections.filter((c) => c.code !== tentative.code && !isReportField(c.code)), tentative];
  const { record } = applyCorrections(storedRecord(db, view), corrections).value;
  const checks = record.checks.map((c) => ({ rule: c.rule, column: c.column ?? null, status: c.status, expected: c.expected ?? null, actual: c.actual ?? null, cells: c.cells }));
  return { checks, flagged: record.flagged, status: reportStatus(record) === 'ok' ? 'ok' : 'flagged' };
}
