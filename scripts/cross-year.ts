/**
 * How often sources break the checks across years (X.1, X.2): over a nianbao database (`--db FILE`: the
 * X.1/X.2 rows its parse stage stored, latest reports only) or over report files (parsed here, paired by
 * division code, else body, and year). Prints, per rule, the pairs compared, passed, failed and not
 * assessable, and each failure. An evaluation, not a test: always exits 0 unless the input is missing.
 *
 *   tsx scripts/cross-year.ts --db data/out/nianbao.sqlite
 *   tsx scripts/cross-year.ts FILE...
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../src/store/db.ts';
import { parseBytes } from '../src/pipeline/parse-file.ts';
import { crossYearChecks, crossYearEquations, CROSS_YEAR_RULES, type YearNeighbour } from '../src/validate/cross-year.ts';

interface Row { who: string; year: number; rule: string; column: string; status: string; expected: number | null; actual: number | null }

function fromDb(path: string): Row[] {
  const db = openDb(path, { readonly: true });
  try {
    return db.prepare(`SELECT COALESCE(r.division_code, r.body) AS who, r.year, c.rule, c.col AS column, c.status, c.expected, c.actual
      FROM checks c JOIN latest_reports r ON r.id = c.report_id WHERE c.rule IN ('X.1', 'X.2') AND c.col LIKE '%@' || (r.year - 1)
      ORDER BY who, r.year, c.seq`).all() as Row[];
  } finally {
    db.close();
  }
}

async function fromFiles(files: string[]): Promise<Row[]> {
  const reports = new Map<string, YearNeighbour & { who: string }>();
  for (const f of files) {
    const out = await parseBytes(new Uint8Array(readFileSync(f)), { file: basename(f) });
    const who = out.division?.code ?? out.body;
    if (out.error || !who || out.year == null || !out.values) {
      process.stderr.write(`cross-year: ${f}: ${out.errorCode ?? 'no body or year'}; skipped\n`);
      continue;
    }
    reports.set(`${who}|${out.year}`, { who, year: out.year, template: out.template ?? '', values: out.values, flagged: out.flagged ?? [] });
  }
  const rows: Row[] = [];
  for (const r of reports.values()) {
    const prev = reports.get(`${r.who}|${r.year - 1}`);
    if (!prev) continue;
    const { checks } = crossYearChecks(r.values, crossYearEquations(new Set(Object.keys(r.values)), { prev }));
    for (const c of checks) rows.push({ who: r.who, year: r.year, rule: c.rule, column: c.column ?? '', status: c.status, expected: c.expected ?? null, actual: c.actual ?? null });
  }
  return rows;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { db: { type: 'string' } }, allowPositionals: true });
  if (!values.db && positionals.length === 0) {
    process.stderr.write('usage: cross-year.ts --db FILE | FILE...\n');
    return 2;
  }
  const rows = values.db ? fromDb(values.db) : await fromFiles(positionals);
  const pairs = new Set(rows.map((r) => `${r.who}|${r.year}`));
  process.stdout.write(`cross-year: ${pairs.size} pairs of consecutive years compared\n`);
  for (const rule of CROSS_YEAR_RULES) {
    const of = rows.filter((r) => r.rule === rule);
    const n = (s: string) => of.filter((r) => r.status === s).length;
    const broken = new Set(of.filter((r) => r.status === 'fail').map((r) => `${r.who}|${r.year}`));
    const compared = new Set(of.filter((r) => r.status !== 'not_assessable').map((r) => `${r.who}|${r.year}`));
    process.stdout.write(`${rule}: ${of.length} checks: ${n('pass')} pass, ${n('fail')} fail, ${n('not_assessable')} not assessable; pairs breaking it: ${broken.size} of ${compared.size}\n`);
    for (const r of of.filter((x) => x.status === 'fail')) {
      process.stdout.write(`  ${r.who} ${r.year} ${r.column}: year before ${r.expected}, this year ${r.actual}\n`);
    }
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
