/**
 * Parse stage (parse + validate + store): every extraction at EXTRACTOR_VERSION without a report from this
 * parser version → parser (pure, in process) → report, cells, checks and warnings in one transaction.
 * Needs no network and no raw bytes, so `nianbao reparse` re-does the whole corpus after a parser change.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { DocumentModel } from '../model/document.ts';
import type { ReportRecord } from '../model/report.ts';
import { warn, type Message } from '../model/result.ts';
import { errorCode } from '../model/errors.ts';
import { deleteExtraction, extractedPath, getExtraction } from '../store/extractions.ts';
import { firstDocument, type DocumentSource } from '../store/document-source.ts';
import { applyCrossYearChecks, type CrossYearStats } from '../store/cross-year.ts';
import { pendingParses, saveReport, type ReportDivision, type ReportInput, type ReportStatus } from '../store/reports.ts';
import { yieldToEventLoop } from './concurrency.ts';
import { stageVersions, type StageContext } from './context.ts';
import { leadText } from './resolver.ts';
import { statusCounts, statusForError } from './report-status.ts';
import { finishParsed, finishUnparsed } from '../review/reviewed-parse.ts';
import { neighboursOf } from '../store/neighbours.ts';
import type { ParseHints } from '../parse/index.ts';

export interface ParseStats {
  pending: number;
  /** Reports written this run. */
  parsed: number;
  /** Contents parsed for the first time. */
  created: number;
  /** Contents parsed before (parser or extractor version changed, or extraction retried). */
  reparsed: number;
  /** Re-parsed reports whose values, statuses or identification changed. */
  changed: number;
  byStatus: Record<ReportStatus, number>;
  /** Parser errors (not extraction failures, which the extract stage counts). */
  parseErrors: number;
  failedByReason: Record<string, number>;
  flaggedCells: number;
  /** Extractions whose JSON file had disappeared: forgotten, extracted again next run. */
  missingModels: number;
  notStarted: number;
  /** The cross-year check of 2008–2018 reports (历年累计), when anything was parsed. */
  crossYear?: CrossYearStats;
  ms: number;
}

export interface ParseStageOptions {
  /** Re-parse every extraction at this version, even when its report is current. */
  all?: boolean;
  /** Only these contents (sha256), e.g. those whose corrections were imported. */
  only?: readonly string[];
}

export async function runParseStage(ctx: StageContext, options: ParseStageOptions = {}): Promise<ParseStats> {
  const t0 = Date.now();
  const only = options.only ? new Set(options.only) : null;
  const pending = pendingParses(ctx.db, stageVersions(ctx), options).filter((sha) => !only || only.has(sha));
  const stats = newStats(pending.length);
  ctx.progress.stageStart('parse', pending.length);
  let i = 0;
  for (; i < pending.length && !ctx.signal.aborted; i++) {
    parseOne(ctx, pending[i]!, stats);
    await yieldToEventLoop();
  }
  stats.notStarted = pending.length - i;
  // 历年累计 across years needs the other years' reports: re-checked over the dataset once parsing is done.
  if (stats.parsed > 0) stats.crossYear = applyCrossYearChecks(ctx.db);
  stats.ms = Date.now() - t0;
  ctx.progress.stageEnd('parse', { ...stats.byStatus, changed: stats.changed, notStarted: stats.notStarted, ms: stats.ms });
  return stats;
}

function newStats(pending: number): ParseStats {
  return {
    pending, parsed: 0, created: 0, reparsed: 0, changed: 0,
    byStatus: statusCounts(), parseErrors: 0, failedByReason: {}, flaggedCells: 0,
    missingModels: 0, notStarted: 0, ms: 0,
  };
}

/** Parses one stored content again at once (the review server, after a reviewer's decision). */
export function reparseContent(ctx: StageContext, sha: string): ParseStats {
  const stats = newStats(1);
  parseOne(ctx, sha, stats);
  return stats;
}

/**
 * `cascade`: after storing, the body's reports of the years next to it are parsed again, once (their checks
 * across years, X.1 and X.2, now have this report to compare with); they do not cascade further.
 */
function parseOne(ctx: StageContext, sha: string, stats: ParseStats, cascade = true): void {
  const extraction = getExtraction(ctx.db, sha, ctx.extractorVersion);
  if (!extraction) return;
  const source = firstDocument(ctx.db, sha);
  const input: ReportInput = {
    sha256: sha, source, extractorVersion: ctx.extractorVersion, parserVersion: ctx.parser.version,
    resolverVersion: ctx.resolver?.version ?? null, status: 'failed', format: extraction.format, runId: ctx.runId, now: new Date().toISOString(),
  };
  let parsed: { doc: DocumentModel; record: ReportRecord; hints: ParseHints } | undefined;
  if (extraction.status === 'failed') {
    Object.assign(input, { errorCode: extraction.errorCode, errorMessage: extraction.errorMessage });
  } else {
    const path = extractedPath(ctx.config.extractedDir, sha, ctx.extractorVersion);
    if (!existsSync(path)) {
      deleteExtraction(ctx.db, sha, ctx.extractorVersion);
      stats.missingModels++;
      ctx.progress.stageTick('parse', { failed: true, sha256: sha, code: 'extraction.missing', message: `${path} is gone; extracting again next run` });
      return;
    }
    try {
      const doc = JSON.parse(readFileSync(path, 'utf8')) as DocumentModel;
      const hints: ParseHints = source.title ? { title: source.title } : {};
      parsed = { doc, record: ctx.parser.parse(doc, hints).value, hints };
    } catch (e) {
      const code = errorCode(e);
      Object.assign(input, { status: statusForError(code), errorCode: code, errorMessage: (e as Error).message });
      if (input.status === 'failed') {
        stats.parseErrors++;
        stats.failedByReason[code] = (stats.failedByReason[code] ?? 0) + 1;
      }
    }
  }
  // Reviewers' corrections are read in the transaction that stores the report: a correction saved meanwhile
  // (nianbao review) is never overwritten by a parse that did not see it.
  let neighbourShas: string[] = [];
  const saved = ctx.db.transaction(() => {
    if (parsed) {
      const { doc, hints } = parsed;
      const finish = (record: ReportRecord) => finishParsed(ctx.db, ctx.resolver, input, record, extraction.warnings, (r) => resolveDivision(ctx, doc, r, source));
      finish(parsed.record);
      // The body's other years, when stored: parsed again with them (checks X.1, X.2; evidence for doubts).
      const near = neighboursOf(ctx.db, { sha256: sha, divisionCode: input.division?.code ?? null, body: input.record?.body ?? null, year: input.record?.year ?? null });
      if (input.status !== 'not_report' && (near.neighbours.prev || near.neighbours.next)) {
        finish(ctx.parser.parse(doc, { ...hints, neighbours: near.neighbours }).value);
      }
      neighbourShas = near.shas;
    } else finishUnparsed(ctx.db, input);
    return saveReport(ctx.db, input);
  }).immediate();
  if (cascade && (saved.created || saved.changed)) {
    for (const other of neighbourShas) parseOne(ctx, other, newStats(1), false);
  }
  stats.parsed++;
  stats.byStatus[input.status]++;
  if (saved.created) stats.created++;
  else stats.reparsed++;
  if (saved.changed) stats.changed++;
  stats.flaggedCells += input.record ? new Set(input.record.flagged).size : 0;
  if (!cascade) return; // a neighbour parsed again: not one of the stage's documents
  ctx.progress.stageTick('parse', {
    failed: input.status === 'failed' && extraction.status === 'ok', sha256: sha, status: input.status, body: input.record?.body ?? null,
    year: input.record?.year ?? null, ...(input.errorCode ? { code: input.errorCode } : {}),
  });
}

function resolveDivision(ctx: StageContext, doc: DocumentModel, record: ReportRecord, source: DocumentSource): { value: ReportDivision | null; warnings: Message[] } {
  if (!ctx.resolver) return { value: null, warnings: [] };
  const site = source.siteId
    ? (ctx.db.prepare('SELECT division_code FROM sites WHERE id = ?').pluck().get(source.siteId) as string | null | undefined)
    : null;
  try {
    return ctx.resolver.resolve({
      // A report that names no body is attributed to the organ whose sub-column listed it (the crawler's context).
      body: record.body ?? source.context ?? null, title: record.title ?? source.title, text: leadText(doc), siteDivisionCode: site ?? null, url: source.url,
    });
  } catch (e) {
    // A resolver bug must not cost the report its numbers: keep it without a division.
    return { value: null, warnings: [warn('division.error', `division resolution failed: ${(e as Error).message}`)] };
  }
}
