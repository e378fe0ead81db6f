/**
 * Coverage figures for the run summary: per level, how many bodies the registry has, how many published a
 * government report (any year) and how many of those were parsed; per year, how many reports were placed.
 */
import type { Db } from '../store/db.ts';
import { readCoverageRows, type CoverageReportRow } from './coverage-data.ts';
import { statusClass } from './coverage.ts';
import { kindOfBody } from './kind.ts';
import { PLACEHOLDER_NAMES } from './names.ts';
import { levelOfCode, type DivisionRegistry } from './registry.ts';
import { registryFor } from './store.ts';
import { LEVELS, type DivisionLevel } from './types.ts';

export interface LevelCoverage {
  /** Divisions of this level in the registry. */
  bodies: number;
  /** Divisions with at least one government report found (any year, parsed or not). */
  published: number;
  /** Divisions with at least one parsed government report. */
  parsed: number;
}

export interface CoverageSummary {
  registry: string;
  /** Reports counted: status other than not_report, with a year. */
  reports: number;
  /** Of those, reports placed in a division. */
  placed: number;
  unplaced: number;
  departmentReports: number;
  byLevel: Record<DivisionLevel, LevelCoverage>;
  byYear: Record<string, { reports: number; placed: number; parsed: number }>;
}

const levelCounts = new WeakMap<DivisionRegistry, Record<DivisionLevel, number>>();

function bodiesPerLevel(registry: DivisionRegistry): Record<DivisionLevel, number> {
  let counts = levelCounts.get(registry);
  if (!counts) {
    counts = { province: 0, city: 0, county: 0, township: 0 };
    for (const e of registry.entries()) if (!PLACEHOLDER_NAMES.has(e.name)) counts[e.level]++;
    levelCounts.set(registry, counts);
  }
  return counts;
}

/** Pure part: the summary of report rows over a registry. */
export function summarizeCoverage(rows: CoverageReportRow[], registry: DivisionRegistry): CoverageSummary {
  const bodies = bodiesPerLevel(registry);
  const published = new Map<string, boolean>();
  const byYear: CoverageSummary['byYear'] = {};
  let reports = 0;
  let placed = 0;
  let departmentReports = 0;
  for (const r of rows) {
    if (r.status === 'not_report' || r.year === null) continue;
    reports++;
    const y = (byYear[String(r.year)] ??= { reports: 0, placed: 0, parsed: 0 });
    y.reports++;
    const parsed = statusClass(r.status) === 'parsed';
    if (parsed) y.parsed++;
    if (!r.divisionCode) continue;
    placed++;
    y.placed++;
    if ((r.kind ?? kindOfBody(r.body)) === 'department') {
      departmentReports++;
      continue;
    }
    published.set(r.divisionCode, (published.get(r.divisionCode) ?? false) || parsed);
  }
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, { bodies: bodies[l], published: 0, parsed: 0 }])) as CoverageSummary['byLevel'];
  for (const [code, parsed] of published) {
    const level = levelOfCode(code);
    if (!level) continue;
    byLevel[level].published++;
    if (parsed) byLevel[level].parsed++;
  }
  return {
    registry: `${registry.source.name}@${registry.source.version}`,
    reports, placed, unplaced: reports - placed, departmentReports, byLevel, byYear,
  };
}

/** The coverage summary of the pipeline database (registry from its divisions table, else the package). */
export function coverageSummary(db: Db): CoverageSummary {
  return summarizeCoverage(readCoverageRows(db).value, registryFor(db));
}
