/**
 * Coverage: a bodies × years matrix over the division registry. Every division of the chosen level is a
 * row (so those that published nothing show up); a cell is `parsed` (a report was published and parsed),
 * `found` (a report was found but could not be parsed) or `missing`. Pure: rows and registry in.
 * Department reports (卫生健康局) do not count for their government unless asked to.
 */
import { ConfigError } from '../model/errors.ts';
import { ok, warn, type Message, type Result } from '../model/result.ts';
import type { CoverageReportRow } from './coverage-data.ts';
import { kindOfBody } from './kind.ts';
import { PLACEHOLDER_NAMES } from './names.ts';
import { levelOfCode, type DivisionRegistry } from './registry.ts';
import type { DivisionColumns, DivisionEntry, DivisionLevel } from './types.ts';

export type CellStatus = 'parsed' | 'found' | 'missing';

export interface CoverageOptions {
  level: DivisionLevel;
  /** Province name (河南省, 河南) or code (41, 410000); all provinces when absent. */
  province?: string;
  /** Years to show; default: every year from the first to the last report. */
  years?: number[];
  includeDepartments?: boolean;
}

export interface CoverageRow {
  code: string;
  name: string;
  columns: DivisionColumns;
  cells: CellStatus[];
}

export interface Counts {
  parsed: number;
  found: number;
  missing: number;
}

export interface ProvinceCoverage {
  code: string;
  name: string;
  bodies: number;
  byYear: Counts[];
  total: Counts;
}

export interface UnplacedReport {
  body: string;
  year: number;
  status: Exclude<CellStatus, 'missing'>;
  reports: number;
}

export interface CoverageMatrix {
  level: DivisionLevel;
  province: string | null;
  years: number[];
  registry: string;
  rows: CoverageRow[];
  provinces: ProvinceCoverage[];
  totals: ProvinceCoverage;
  /** Government reports whose body could not be placed in a division. */
  unplaced: UnplacedReport[];
}

/** Reports whose numbers were read (text_only reports were found, their numbers not read). */
const PARSED = new Set(['ok', 'flagged', 'partial']);
const IGNORED = new Set(['not_report']);

export function statusClass(status: string): Exclude<CellStatus, 'missing'> {
  return PARSED.has(status) ? 'parsed' : 'found';
}

/** The province a filter names, or null for all; a ConfigError when it names none. */
export function provinceFilter(filter: string | undefined, registry: DivisionRegistry): DivisionEntry | null {
  if (!filter) return null;
  const f = filter.trim();
  const code = /^\d{2}(0{4})?$/.test(f) ? f.slice(0, 2) : null;
  for (const e of registry.entries()) {
    if (e.level !== 'province') continue;
    if (e.code === code || e.name === f || (f.length >= 2 && e.name.startsWith(f))) return e;
  }
  throw new ConfigError('coverage.unknown_province', `no province matches ${filter}`);
}

function yearsOf(rows: CoverageReportRow[]): number[] {
  const ys = rows.map((r) => r.year).filter((y): y is number => y !== null && y >= 2000 && y <= 2100);
  if (ys.length === 0) return [];
  const [min, max] = [Math.min(...ys), Math.max(...ys)];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

const zero = (): Counts => ({ parsed: 0, found: 0, missing: 0 });

function tally(code: string, name: string, rows: CoverageRow[], years: number[]): ProvinceCoverage {
  const byYear = years.map(zero);
  const total = zero();
  for (const r of rows) r.cells.forEach((c, i) => (byYear[i][c]++, total[c]++));
  return { code, name, bodies: rows.length, byYear, total };
}

export function buildCoverage(reports: CoverageReportRow[], registry: DivisionRegistry, opts: CoverageOptions): Result<CoverageMatrix> {
  const warnings: Message[] = [];
  const province = provinceFilter(opts.province, registry);
  const counted = reports.filter((r) => !IGNORED.has(r.status) && r.year !== null).filter((r) => {
    if (opts.includeDepartments) return true;
    return (r.kind ?? kindOfBody(r.body)) !== 'department';
  });
  const years = opts.years ?? yearsOf(counted);
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const best = new Map<string, CellStatus[]>();
  const unplaced = new Map<string, UnplacedReport>();
  let otherLevel = 0;
  for (const r of counted) {
    const i = yearIndex.get(r.year!);
    if (i === undefined) continue;
    const cls = statusClass(r.status);
    if (!r.divisionCode) {
      const key = `${r.body ?? ''}\u0000${r.year}\u0000${cls}`;
      const u = unplaced.get(key) ?? { body: r.body ?? '', year: r.year!, status: cls, reports: 0 };
      u.reports++;
      unplaced.set(key, u);
      continue;
    }
    if (levelOfCode(r.divisionCode) !== opts.level) {
      otherLevel++;
      continue;
    }
    const cells = best.get(r.divisionCode) ?? years.map((): CellStatus => 'missing');
    if (cells[i] !== 'parsed') cells[i] = cls;
    best.set(r.divisionCode, cells);
  }
  const entries = [...registry.entries()]
    .filter((e) => e.level === opts.level && !PLACEHOLDER_NAMES.has(e.name))
    .filter((e) => !province || e.code.startsWith(province.code))
    .sort((a, b) => a.code.localeCompare(b.code));
  const rows: CoverageRow[] = entries.map((e) => ({
    code: e.code, name: e.name, columns: registry.columns(e.code), cells: best.get(e.code) ?? years.map(() => 'missing'),
  }));
  const known = new Set(entries.map((e) => e.code));
  const outside = [...best.keys()].filter((c) => !known.has(c) && (!province || c.startsWith(province.code)));
  if (outside.length > 0) {
    warnings.push(warn('coverage.unknown_division', `${outside.length} division codes of reports are not in the registry (${outside.slice(0, 3).join(', ')})`));
  }
  if (otherLevel > 0) warnings.push(warn('coverage.other_level', `${otherLevel} reports belong to divisions of another level`, { level: 'info' }));
  const provinces = [...new Set(rows.map((r) => r.code.slice(0, 2)))].map((p) =>
    tally(p, registry.get(p)?.name ?? p, rows.filter((r) => r.code.startsWith(p)), years));
  return ok({
    level: opts.level,
    province: province?.name ?? null,
    years,
    registry: `${registry.source.name}@${registry.source.version}`,
    rows,
    provinces,
    totals: tally('', '合计', rows, years),
    unplaced: [...unplaced.values()].sort((a, b) => b.reports - a.reports || a.body.localeCompare(b.body) || a.year - b.year),
  }, warnings);
}
