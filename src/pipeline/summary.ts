/** The run summary: what a run did, kept in `runs.summary_json` and printed at the end (pure formatting). */
import type { CrawlStageSummary } from './crawl-stage.ts';
import { SCRIPT_FILES } from '../export/index.ts';
import type { StoreStats } from '../store/stats.ts';
import type { LockHolder } from '../store/run-lock.ts';
import type { ExtractStats } from './extract-stage.ts';
import type { ParseStats } from './parse-stage.ts';
import type { StageVersions } from '../store/reports.ts';
import type { CoverageSummary } from '../divisions/coverage-summary.ts';

export interface ExportStats {
  dir: string;
  files: { name: string; rows: number }[];
  ms: number;
}

export interface RunSummary {
  runId: string;
  command: string;
  status: 'ok' | 'failed' | 'interrupted';
  exitCode: number;
  startedAt: string;
  endedAt: string;
  versions: StageVersions;
  crawl?: CrawlStageSummary;
  extract?: ExtractStats;
  parse?: ParseStats;
  export?: ExportStats;
  stageMs: Record<string, number>;
  /** Documents that failed this run, by error code (extraction and parsing). */
  failedByReason: Record<string, number>;
  store: StoreStats;
  /** Who the stored reports cover (divisions with a report, per level and year), after a parse stage. */
  coverage?: CoverageSummary;
  tookOverLock?: LockHolder;
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const counts = (o: Record<string, number>): string =>
  Object.entries(o).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');

export function formatSummary(s: RunSummary): string {
  const total = Object.values(s.stageMs).reduce((a, b) => a + b, 0);
  const lines = [`nianbao ${s.command} ${s.runId}: ${s.status} (exit ${s.exitCode}) in ${secs(total)}`];
  if (s.tookOverLock) lines.push(`  note     took over the lock of dead run ${s.tookOverLock.runId} (pid ${s.tookOverLock.pid})`);
  if (s.crawl) {
    const c = s.crawl;
    lines.push(`  crawl    ${c.pages} pages, ${c.documents} documents: ${c.newDocuments} new, ${c.changedDocuments} changed, ` +
      `${c.unchanged} unchanged; ${c.errors} errors, ${c.blocked} blocked${c.aborted ? ', interrupted' : ''} (${secs(c.elapsedMs)})`);
    if (c.health?.verdict === 'outage') lines.push(`  OUTAGE   ${c.health.reason}`);
    else if (c.health?.verdict === 'sites_failed') lines.push(`  sites    ${c.health.reason}`);
  }
  if (s.extract) {
    const e = s.extract;
    lines.push(e.pending === 0
      ? `  extract  nothing to extract: all ${s.store.extracted.ok + s.store.extracted.failed} contents already extracted with extractor ${s.versions.extractor}`
      : `  extract  ${e.ok} extracted, ${e.failed} failed${e.notStarted ? `, ${e.notStarted} left for next run` : ''} (${secs(e.ms)})`);
    if (e.byWorker && Object.keys(e.byWorker).length) lines.push(`  workers  ${counts(e.byWorker)}`);
  }
  if (s.parse) {
    const p = s.parse;
    lines.push(p.pending === 0
      ? `  parse    nothing to parse: all ${countReports(s)} reports are current with parser ${s.versions.parser}`
      : `  parse    ${p.parsed} parsed (${p.created} new, ${p.reparsed} re-parsed, ${p.changed} changed): ${counts(p.byStatus) || 'none'}; ` +
        `${p.flaggedCells} flagged cells${p.notStarted ? `, ${p.notStarted} left for next run` : ''} (${secs(p.ms)})`);
  }
  if (s.export) {
    lines.push(`  export   ${s.export.files.map((f) => (SCRIPT_FILES.includes(f.name) ? f.name : `${f.name} ${f.rows}`)).join(', ')} → ${s.export.dir} (${secs(s.export.ms)})`);
  }
  if (Object.keys(s.failedByReason).length) lines.push(`  failed   ${counts(s.failedByReason)}`);
  const st = s.store;
  lines.push(`  store    ${st.documents} documents (${st.contents} distinct), ${countReports(s)} reports: ${counts(st.reports) || 'none'}; ` +
    `${st.latestReports} latest per body and year; ${st.flaggedCells} flagged cells`);
  if (s.coverage) lines.push(`  coverage ${formatCoverage(s.coverage)}`);
  if (st.pendingExtract || st.pendingParse) lines.push(`  pending  ${st.pendingExtract} to extract, ${st.pendingParse} to parse`);
  return lines.join('\n');
}

function countReports(s: RunSummary): number {
  return Object.values(s.store.reports).reduce((a, b) => a + b, 0);
}

function formatCoverage(c: CoverageSummary): string {
  const levels = (['township', 'county', 'city', 'province'] as const)
    .map((l) => `${l} ${c.byLevel[l].published}/${c.byLevel[l].bodies}`)
    .join(', ');
  return `${c.reports} reports, ${c.placed} placed in a division (${c.departmentReports} of departments), ` +
    `${c.unplaced} unplaced; divisions with a report: ${levels}`;
}
