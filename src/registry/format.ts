/**
 * What `nianbao sites` prints and writes: the registry CSV the crawler reads (crawlers/sites.ts columns), the
 * import's figures, and the rows of `sites list`. Pure.
 */
import { SITE_COLUMNS } from '../../crawlers/sites.ts';
import type { CsvValue } from '../export/csv-file.ts';
import type { ImportFigures } from './import.ts';
import type { WriteFigures } from './store.ts';
import { SITE_LEVELS, type RegistryRow } from './types.ts';

/** One registry row as a line of the registry CSV (columns: SITE_COLUMNS). */
export function exportCells(r: RegistryRow): CsvValue[] {
  const byColumn: Record<(typeof SITE_COLUMNS)[number], CsvValue> = {
    id: r.id, name: r.name, division: r.division, entry_url: r.entryUrl, entry_role: r.entryRole, adapter: 'auto',
    render: 'auto', rps: r.rps, page_limit: r.pageLimit, allowed_hosts: r.allowedHosts.join(';'), max_depth: r.maxDepth,
    charset: null, level: r.level, parent: r.parent, source: r.source, status: r.status, status_reason: r.statusReason,
  };
  return SITE_COLUMNS.map((c) => byColumn[c]);
}

export function formatFigures(f: ImportFigures, file: string, ms: number, written: WriteFigures | null): string {
  const levels = SITE_LEVELS.filter((l) => f.joined[l] > 0).map((l) => `${l} ${f.joined[l]}`).join(', ');
  const problems = Object.entries(f.problems).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`).join(', ');
  const share = f.countyRows ? ` (${((f.countyRowsJoined / f.countyRows) * 100).toFixed(1)}%)` : '';
  const lines = [
    `sites import ${file}: ${f.rows} rows in ${(ms / 1000).toFixed(2)} s`,
    `  joined to a division: ${levels || 'none'}`,
    `  county rows of the list (省/市/县): ${f.countyRowsJoined} of ${f.countyRows} joined${share}`,
    `  crawled (status ok): ${f.ok}; division codes held by two ok rows: ${f.codesUsedTwice}`,
    `  kept out of the crawl: ${problems || 'none'}`,
  ];
  if (written) lines.push(`  database: ${written.inserted} new, ${written.updated} updated, ${written.removed} removed (no longer in the list)`);
  else lines.push('  database: not written (--dry-run)');
  return lines.join('\n');
}

/** One line per row: line/source, status, division, level, path, URL, reason (tab-separated). */
export function listLine(r: RegistryRow): string {
  return [r.id, r.status, r.division ?? '', r.level ?? '', r.path || r.name, r.entryUrl ?? '', r.source, r.statusReason ?? ''].join('\t');
}

export const LIST_HEADER = ['id', 'status', 'division', 'level', 'path', 'entry_url', 'source', 'reason'].join('\t');
