/**
 * `nianbao coverage [--level township] [--province 河南省] [--years 2019-2023] [--db PATH] --out DIR`:
 * who published and who did not, as coverage.csv, coverage-provinces.csv, coverage-unplaced.csv and a
 * self-contained coverage.html (heat map + bodies × years matrix); and the registry's view of each body
 * (portal known, reached, 年报 column found, gap) as coverage-registry.csv and coverage-registry-provinces.csv.
 * Reads the store only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../model/errors.ts';
import type { CoverageMatrix } from '../divisions/coverage.ts';
import { LEVELS, type DivisionLevel } from '../divisions/types.ts';
import { withExitCode } from './exit-codes.ts';
import { requireDatabase } from './require-db.ts';
import { addExportOptions, addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

interface CoverageFlags extends CommonOptions {
  level: string;
  province?: string;
  years?: string;
  includeDepartments?: boolean;
}

export function parseLevel(s: string): DivisionLevel {
  if ((LEVELS as readonly string[]).includes(s)) return s as DivisionLevel;
  throw new ConfigError('coverage.bad_level', `--level ${s}: expected one of ${LEVELS.join(', ')}`);
}

/** `2019-2023`, `2021,2022` or `2022` → sorted distinct years. */
export function parseYears(s: string | undefined): number[] | undefined {
  if (!s) return undefined;
  const years = new Set<number>();
  for (const part of s.split(',')) {
    const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(part);
    if (!m) throw new ConfigError('coverage.bad_years', `--years ${s}: expected e.g. 2019-2023 or 2021,2022`);
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (b < a || b - a > 100) throw new ConfigError('coverage.bad_years', `--years ${s}: bad range ${part}`);
    for (let y = a; y <= b; y++) years.add(y);
  }
  return [...years].sort((x, y) => x - y);
}

/** Writes the CSV files and the HTML page of a matrix into `dir`; returns [file, rows] pairs. */
export async function writeCoverage(m: CoverageMatrix, dir: string, bom: boolean, now: string, extraHtml = ''): Promise<[string, number][]> {
  const [{ writeCsv, writeTextFile }, { renderCoverageHtml }, { coverageTables }] = await Promise.all([
    import('../export/csv-file.ts'), import('../divisions/coverage-html.ts'), import('../divisions/coverage-tables.ts'),
  ]);
  mkdirSync(dir, { recursive: true });
  const out: [string, number][] = [];
  for (const t of coverageTables(m)) out.push([join(dir, t.name), await writeCsv(join(dir, t.name), t.header, t.rows, { bom })]);
  const html = join(dir, 'coverage.html');
  writeTextFile(html, renderCoverageHtml(m, now, extraHtml));
  out.push([html, m.rows.length]);
  return out;
}

export function registerCoverage(program: Command): void {
  const cmd = program
    .command('coverage')
    .description('who published and who did not: bodies × years matrix as CSV and a self-contained HTML heat map')
    .option('--level <level>', `division level of the rows: ${LEVELS.join(' | ')}`, 'county')
    .option('--province <name>', 'only this province (河南省, 河南 or 41)')
    .option('--years <years>', 'years as columns (2019-2023 or 2021,2022; default: first to last report year)')
    .option('--include-departments', "count department reports (卫生健康局) as their government's", false);
  addExportOptions(addStoreOptions(cmd)).action((o: CoverageFlags) =>
    withExitCode(async () => {
      const config = configFrom(cmd, o);
      const opts = { level: parseLevel(o.level), province: o.province, years: parseYears(o.years), includeDepartments: o.includeDepartments };
      requireDatabase(config);
      // Loaded on use (the division registry is heavy), so `nianbao --help` and other commands do not pay for it.
      const [{ openDb }, { writeCsv }, { buildCoverage }, { readCoverageRows }, { registryFor }, view_, { readPortalStates }] = await Promise.all([
        import('../store/db.ts'), import('../export/csv-file.ts'), import('../divisions/coverage.ts'), import('../divisions/coverage-data.ts'),
        import('../divisions/store.ts'), import('../registry/coverage-view.ts'), import('../registry/site-states.ts'),
      ]);
      const { registryHtml, registrySummary, registryTables, registryView } = view_;
      const db = openDb(config.db);
      try {
        const rows = readCoverageRows(db);
        const registry = registryFor(db);
        const built = buildCoverage(rows.value, registry, opts);
        const m = built.value;
        for (const w of [...rows.warnings, ...built.warnings]) process.stderr.write(`nianbao coverage: ${w.code}: ${w.message}\n`);
        const view = registryView(m, readPortalStates(db), registry);
        const tables = registryTables(m, view);
        const files = await writeCoverage(m, config.exportDir, config.bom, new Date().toISOString(), registryHtml(tables[1]));
        for (const t of tables) {
          const path = join(config.exportDir, t.name);
          files.push([path, await writeCsv(path, t.header, t.rows, { bom: config.bom })]);
        }
        const t = m.totals.total;
        const cells = t.parsed + t.found + t.missing;
        process.stdout.write(files.map(([f, n]) => `${f}\t${n} rows\n`).join(''));
        process.stdout.write(`coverage: ${m.rows.length} ${m.level} bodies × ${m.years.length} years: ${t.parsed} parsed, ` +
          `${t.found} found not parsed, ${t.missing} not found (${cells ? ((t.parsed / cells) * 100).toFixed(1) : '0'}% parsed); ` +
          `${new Set(m.unplaced.map((u) => u.body)).size} bodies with reports not placed in a division\n`);
        process.stdout.write(`${registrySummary(m, view)}\n`);
        return 0;
      } finally {
        db.close();
      }
    }),
  );
}
