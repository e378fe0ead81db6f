/**
 * The coverage matrix as CSV tables (header + rows): coverage.csv (one row per body), coverage-provinces.csv
 * (per-province counts per year) and coverage-unplaced.csv (reports whose body has no division).
 */
import type { CoverageMatrix, ProvinceCoverage } from './coverage.ts';

export type Cell = string | number | null;

export interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
}

function bodiesTable(m: CoverageMatrix): Table {
  const header = ['code', 'name', 'level', 'province', 'city', 'county', 'township', ...m.years.map(String),
    'years_parsed', 'years_found', 'years_missing'];
  const rows = m.rows.map((r) => {
    const n = (s: string): number => r.cells.filter((c) => c === s).length;
    const c = r.columns;
    return [r.code, r.name, m.level, c.province, c.city, c.county, c.township, ...r.cells, n('parsed'), n('found'), n('missing')];
  });
  return { name: 'coverage.csv', header, rows };
}

function provinceRow(p: ProvinceCoverage): Cell[] {
  const share = p.bodies && p.byYear.length ? p.total.parsed / (p.bodies * p.byYear.length) : null;
  return [p.code, p.name, p.bodies, ...p.byYear.flatMap((y) => [y.parsed, y.found, y.missing]),
    p.total.parsed, p.total.found, p.total.missing, share === null ? null : Number(share.toFixed(4))];
}

function provincesTable(m: CoverageMatrix): Table {
  const header = ['province_code', 'province', 'bodies', ...m.years.flatMap((y) => [`${y}_parsed`, `${y}_found`, `${y}_missing`]),
    'parsed', 'found', 'missing', 'share_parsed'];
  return { name: 'coverage-provinces.csv', header, rows: [...m.provinces.map(provinceRow), provinceRow(m.totals)] };
}

function unplacedTable(m: CoverageMatrix): Table {
  return {
    name: 'coverage-unplaced.csv',
    header: ['body', 'year', 'status', 'reports'],
    rows: m.unplaced.map((u) => [u.body, u.year, u.status, u.reports]),
  };
}

export function coverageTables(m: CoverageMatrix): Table[] {
  return [bodiesTable(m), provincesTable(m), unplacedTable(m)];
}
