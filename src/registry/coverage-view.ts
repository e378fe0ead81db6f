/**
 * The registry's view of coverage: for every division of the coverage matrix, whether a portal is known,
 * whether the latest crawl reached it, whether a 年报 column was found, and its reports per year; `gap`
 * names the first step that failed (no_portal, portal_problem, not_crawled, unreachable, blocked, no_column,
 * no_report; none when a report was found). Pure: the matrix and the portal states in.
 */
import type { CellStatus, CoverageMatrix, CoverageRow } from '../divisions/coverage.ts';
import type { Cell, Table } from '../divisions/coverage-tables.ts';
import { escapeHtml } from '../divisions/coverage-html.ts';
import type { DivisionRegistry } from '../divisions/registry.ts';
import { gbCode } from './import.ts';
import type { PortalState, Reach } from './site-states.ts';

export const GAPS = ['no_portal', 'portal_problem', 'not_crawled', 'unreachable', 'blocked', 'no_column', 'no_report', 'none'] as const;
export type Gap = (typeof GAPS)[number];

export interface RegistryCoverageRow {
  row: CoverageRow;
  portal: PortalState | null;
  gap: Gap;
}

const REACH_ORDER: Reach[] = ['reachable', 'blocked', 'unreachable', 'not_crawled'];

/** The most useful of several portals of one division: status ok first, then the best reach, then a column. */
function best(states: PortalState[]): PortalState {
  const score = (s: PortalState): number => (s.status === 'ok' ? 0 : 10) + REACH_ORDER.indexOf(s.reach) * 2 + (s.column ? 0 : 1);
  return [...states].sort((a, b) => score(a) - score(b))[0];
}

function portalOf(code: string, portals: Map<string, PortalState[]>, registry: DivisionRegistry): PortalState | null {
  const own = portals.get(gbCode(code));
  if (own?.length) return best(own);
  // A county-level twin of a city without counties (嘉峪关市 620201 under 6202) is served by the city's portal.
  const e = registry.get(code);
  const parent = e?.parentCode ? registry.get(e.parentCode) : undefined;
  const twin = parent && parent.name === e?.name ? portals.get(gbCode(parent.code)) : undefined;
  return twin?.length ? best(twin) : null;
}

function gapOf(row: CoverageRow, p: PortalState | null): Gap {
  if (row.cells.some((c) => c !== 'missing')) return 'none';
  if (!p) return 'no_portal';
  if (p.status !== 'ok') return 'portal_problem';
  if (p.reach !== 'reachable') return p.reach;
  return p.column ? 'no_report' : 'no_column';
}

export function registryView(m: CoverageMatrix, portals: Map<string, PortalState[]>, registry: DivisionRegistry): RegistryCoverageRow[] {
  return m.rows.map((row) => {
    const portal = portalOf(row.code, portals, registry);
    return { row, portal, gap: gapOf(row, portal) };
  });
}

const count = (cells: CellStatus[], s: CellStatus): number => cells.filter((c) => c === s).length;

export function registryTables(m: CoverageMatrix, view: RegistryCoverageRow[]): Table[] {
  const header = ['code', 'name', 'level', 'province', 'city', 'county', 'site_id', 'portal', 'reach', 'error', 'column',
    'years_parsed', 'years_found', 'years_missing', 'gap', ...m.years.map(String)];
  const rows: Cell[][] = view.map(({ row, portal, gap }) => [
    row.code, row.name, m.level, row.columns.province, row.columns.city, row.columns.county, portal?.siteId ?? null,
    portal ? (portal.status === 'ok' ? 'known' : portal.status) : 'none', portal?.reach ?? null, portal?.error ?? null,
    portal ? (portal.column ? 'found' : 'not_found') : null, count(row.cells, 'parsed'), count(row.cells, 'found'),
    count(row.cells, 'missing'), gap, ...row.cells,
  ]);
  const provHeader = ['province_code', 'province', 'bodies', 'portal_known', 'portal_ok', 'reachable', 'blocked', 'column_found',
    'with_reports', ...GAPS.map((g) => `gap_${g}`)];
  const groups = new Map<string, RegistryCoverageRow[]>();
  for (const v of view) groups.set(v.row.code.slice(0, 2), [...(groups.get(v.row.code.slice(0, 2)) ?? []), v]);
  const sum = (code: string, name: string, vs: RegistryCoverageRow[]): Cell[] => [
    code, name, vs.length, vs.filter((v) => v.portal).length, vs.filter((v) => v.portal?.status === 'ok').length,
    vs.filter((v) => v.portal?.reach === 'reachable').length, vs.filter((v) => v.portal?.reach === 'blocked').length,
    vs.filter((v) => v.portal?.column).length, vs.filter((v) => v.gap === 'none').length,
    ...GAPS.map((g) => vs.filter((v) => v.gap === g).length),
  ];
  const provRows = [...groups].map(([code, vs]) => sum(code, vs[0].row.columns.province ?? code, vs));
  provRows.push(sum('', '合计', view));
  return [
    { name: 'coverage-registry.csv', header, rows },
    { name: 'coverage-registry-provinces.csv', header: provHeader, rows: provRows },
  ];
}

/** One line for the terminal: where the gaps come from. */
export function registrySummary(m: CoverageMatrix, view: RegistryCoverageRow[]): string {
  const n = (f: (v: RegistryCoverageRow) => boolean): number => view.filter(f).length;
  const gaps = GAPS.filter((g) => g !== 'none').map((g) => `${g} ${n((v) => v.gap === g)}`).join(', ');
  return `registry view (${m.level}): ${view.length} bodies, portal known ${n((v) => !!v.portal)} (crawled: ${n((v) => v.portal?.status === 'ok')}), ` +
    `reachable ${n((v) => v.portal?.reach === 'reachable')}, blocked ${n((v) => v.portal?.reach === 'blocked')}, ` +
    `column found ${n((v) => !!v.portal?.column)}, with reports ${n((v) => v.gap === 'none')}; gaps: ${gaps}`;
}

/** The per-province gap counts as an HTML section of coverage.html. */
export function registryHtml(provinces: Table): string {
  const cell = (c: Cell, i: number): string => (i < 2 ? `<th>${escapeHtml(String(c ?? ''))}</th>` : `<td class="n">${c ?? ''}</td>`);
  const rows = provinces.rows.map((r, i) => `<tr${i === provinces.rows.length - 1 ? ' class="total"' : ''}>${r.map(cell).join('')}</tr>`);
  return `<section><h2>Where the gaps come from (site registry; coverage-registry.csv per body)</h2>
<table id="registry"><thead><tr>${provinces.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></section>`;
}
