/** `nianbao status`: what the store holds, what is pending, who holds the run lock, the last runs. */
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import type { StageVersions } from '../store/reports.ts';
import { lockHolder, type LockHolder } from '../store/run-lock.ts';
import { recentRuns, type RunRow } from '../store/runs.ts';
import type { StoreStats } from '../store/stats.ts';
import { withExitCode } from './exit-codes.ts';
import { requireDatabase } from './require-db.ts';
import { addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

export interface Status {
  db: string;
  bytes: number;
  versions: StageVersions;
  store: StoreStats;
  lock: LockHolder | null;
  runs: Omit<RunRow, 'summary'>[];
}

export function formatStatus(s: Status, now = Date.now()): string {
  const st = s.store;
  const v = s.versions;
  const list = (o: Record<string, number>): string => Object.entries(o).map(([k, n]) => `${k} ${n}`).join(', ');
  const lines = [
    `database   ${s.db} (${(s.bytes / 1e6).toFixed(1)} MB)`,
    `versions   extractor ${v.extractor}, parser ${v.parser}, resolver ${v.resolver ?? '-'}`,
    `documents  ${st.documents} (${st.contents} distinct contents)`,
    `extracted  ${st.extracted.ok} ok, ${st.extracted.failed} failed; ${st.pendingExtract} pending`,
    `reports    ${Object.values(st.reports).reduce((a, b) => a + b, 0)}: ${list(st.reports)}; ${st.pendingParse} pending, ` +
      `${st.staleReports} from older versions; ${st.latestReports} latest per body and year; ${st.flaggedCells} flagged cells`,
    `lock       ${s.lock ? `held by run ${s.lock.runId} (pid ${s.lock.pid} on ${s.lock.host}, heartbeat ${Math.round((now - Date.parse(s.lock.heartbeatAt)) / 1000)} s ago)` : 'free'}`,
  ];
  if (s.runs.length) {
    lines.push('last runs');
    for (const r of s.runs) {
      const secs = r.endedAt ? `${((Date.parse(r.endedAt) - Date.parse(r.startedAt)) / 1000).toFixed(1)} s` : '…';
      lines.push(`  ${r.id}  ${r.command.padEnd(7)} ${r.status.padEnd(11)} exit ${r.exitCode ?? '-'}  ${secs}`);
    }
  }
  return lines.join('\n');
}

export function registerStatus(program: Command): void {
  const cmd = program
    .command('status')
    .description('show what the store holds, what is pending, the run lock and the last runs')
    .option('--runs <n>', 'how many recent runs to list', '5')
    .option('--json', 'print JSON');
  addStoreOptions(cmd).action((o: CommonOptions & { runs: string; json?: boolean }) =>
    withExitCode(async () => {
      const config = configFrom(cmd, o);
      requireDatabase(config);
      const [{ DEFAULT_PARSER, EXTRACTOR_VERSION }, { defaultResolver }, { openStore }, { storeStats }] = await Promise.all([
        import('../pipeline/context.ts'), import('../pipeline/resolver.ts'), import('../pipeline/run.ts'), import('../store/stats.ts'),
      ]);
      const { db } = openStore(config);
      try {
        const versions = { extractor: EXTRACTOR_VERSION, parser: DEFAULT_PARSER.version, resolver: defaultResolver(db).version };
        const status: Status = {
          db: config.db, bytes: statSync(config.db).size, versions, store: storeStats(db, versions),
          lock: lockHolder(db) ?? null, runs: recentRuns(db, Number(o.runs) || 5).map(({ summary: _s, ...r }) => r),
        };
        process.stdout.write(o.json ? `${JSON.stringify(status)}\n` : `${formatStatus(status)}\n`);
        return 0;
      } finally {
        db.close();
      }
    }),
  );
}
