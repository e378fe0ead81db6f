/**
 * Registry (`nianbao sites`): the import of a national portal list (the shared list when present), and a
 * generated registry of `sites` rows (every township of the division registry, then departments) loaded
 * for a run two ways: from the database (what `nianbao run` does) and from its exported CSV file (what the
 * crawler's file reader does). Time and the memory the loaded sites add (RSS and heap after a forced GC),
 * the crawler's modules loaded beforehand (about 0.6 s, paid by every crawl whatever its registry).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { loadSites, SITE_COLUMNS } from '../../../crawlers/sites.ts';
import { defaultRegistry } from '../../../src/divisions/default-registry.ts';
import { loadSiteRegistry } from '../../../src/pipeline/crawl-stage.ts';
import { exportCells } from '../../../src/registry/format.ts';
import { gbCode, importPortalList } from '../../../src/registry/import.ts';
import { writeImport } from '../../../src/registry/store.ts';
import { NATIONAL_DEFAULTS, type RegistryRow } from '../../../src/registry/types.ts';
import { openDb } from '../../../src/store/db.ts';
import { fmtMiB, fmtNum, formatTable, section } from '../table.ts';

export interface RegistryParams {
  /** Rows of the generated registry. */
  sites: number;
  /** The national list to import (skipped when absent). */
  list: string;
}

export interface LoadFigures {
  sites: number;
  ms: number;
  rssAdded: number;
  heapAdded: number;
}

export interface RegistryResult {
  import: { file: string; rows: number; countyRowsJoined: number; countyRows: number; ok: number; ms: number; writeMs: number } | null;
  generated: { rows: number; writeMs: number };
  fromDb: LoadFigures;
  fromCsv: LoadFigures;
}

const SHARED_LIST = fileURLToPath(new URL('../../../../shared/registry/gov-portals.csv', import.meta.url));
const HAND_FILE = fileURLToPath(new URL('../../../data/sites/sites.csv', import.meta.url));
export const DEFAULT_LIST = SHARED_LIST;

function generated(n: number): RegistryRow[] {
  const rows: RegistryRow[] = [];
  for (const e of defaultRegistry().entries()) {
    if (rows.length >= n) break;
    if (e.level !== 'township') continue;
    const code = gbCode(e.code);
    rows.push({
      id: `gov-${code}`, name: e.name, path: '', division: code, level: 'township', parent: e.parentCode, joinRule: 'exact',
      entryUrl: `http://t${code}.example.cn/`, entryRole: 'home', allowedHosts: [`t${code}.example.cn`], ...NATIONAL_DEFAULTS,
      source: `bench line ${rows.length + 2}`, sourceMeta: {}, status: 'ok', statusReason: null,
    });
  }
  for (let i = 0; rows.length < n; i++) {
    rows.push({ ...rows[i % rows.length], id: `${rows[i % rows.length].id}-d${i}`, level: 'department', name: `部门${i}` });
  }
  return rows;
}

const gc = async (): Promise<void> => {
  for (let i = 0; i < 2; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((r) => setImmediate(r));
  }
};

/** Time and memory of one load; the crawler's modules are loaded before (a run loads them anyway). */
async function measure(load: () => Promise<unknown[]> | unknown[]): Promise<LoadFigures> {
  await import('../../../crawlers/index.ts');
  await gc();
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  const sites = await load();
  const ms = performance.now() - t0;
  await gc();
  const m1 = process.memoryUsage();
  return { sites: sites.length, ms, rssAdded: m1.rss - m0.rss, heapAdded: m1.heapUsed - m0.heapUsed };
}

export async function registryTask(p: RegistryParams, log: (s: string) => void): Promise<RegistryResult> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-registry-'));
  try {
    let imported: RegistryResult['import'] = null;
    if (existsSync(p.list)) {
      const db = openDb(join(dir, 'import.sqlite'));
      const t0 = performance.now();
      const r = importPortalList(readFileSync(p.list, 'utf8'), defaultRegistry(), { file: 'list.csv' });
      const t1 = performance.now();
      writeImport(db, r.value.rows, new Date().toISOString());
      const f = r.value.figures;
      imported = { file: p.list, rows: f.rows, countyRows: f.countyRows, countyRowsJoined: f.countyRowsJoined, ok: f.ok, ms: t1 - t0, writeMs: performance.now() - t1 };
      db.close();
      log(`registry: imported ${f.rows} rows in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    } else log(`registry: no list at ${p.list}: import not measured`);
    const rows = generated(p.sites);
    const db = openDb(join(dir, 'big.sqlite'));
    const t0 = performance.now();
    writeImport(db, rows, new Date().toISOString());
    const writeMs = performance.now() - t0;
    db.close();
    const csv = join(dir, 'registry.csv');
    writeFileSync(csv, stringify([SITE_COLUMNS as unknown as string[], ...rows.map((r) => exportCells(r).map((c) => c ?? ''))]));
    rows.length = 0;
    const db2 = openDb(join(dir, 'big.sqlite'));
    const fromDb = await measure(() => loadSiteRegistry(HAND_FILE, undefined, db2, 'both'));
    db2.close();
    const fromCsv = await measure(() => loadSites(csv));
    log(`registry: ${fromDb.sites} sites from the database in ${fromDb.ms.toFixed(0)} ms, ${fromCsv.sites} from CSV in ${fromCsv.ms.toFixed(0)} ms`);
    return { import: imported, generated: { rows: p.sites, writeMs }, fromDb, fromCsv };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MiB = 1048576;

/** An aim as results.ts keeps it (declared here so this section does not import results.ts, which imports it). */
export interface RegistryAim {
  id: string;
  aim: string;
  measured: string;
  met: boolean | null;
}

export function registryAims(r: RegistryResult): RegistryAim[] {
  const load = (x: LoadFigures) => `${fmtNum(x.ms)} ms, +${fmtMiB(Math.max(0, x.rssAdded))} RSS, +${fmtMiB(Math.max(0, x.heapAdded))} heap`;
  const fits = (x: LoadFigures) => x.ms < 1000 && x.rssAdded <= 100 * MiB;
  return [
    {
      id: 'registry-import', aim: 'importing the national portal list (3,215 rows) < 10 s',
      measured: r.import ? `${fmtNum((r.import.ms + r.import.writeMs) / 1000)} s for ${r.import.rows} rows` : '— (no list)',
      met: r.import ? r.import.ms + r.import.writeMs < 10_000 : null,
    },
    {
      id: 'registry-load', aim: `a ${r.generated.rows.toLocaleString('en-US')}-site registry loads for a run < 1 s and adds ≤ 100 MB`,
      measured: `database: ${load(r.fromDb)}`,
      met: fits(r.fromDb),
    },
    {
      id: 'registry-file', aim: `the same registry as a CSV file (--registry file --sites FILE): no aim, reported`,
      measured: load(r.fromCsv), met: null,
    },
  ];
}

export function registryTable(r: RegistryResult): string {
  const rows = [
    ...(r.import ? [[`import ${r.import.rows} rows (${r.import.countyRowsJoined}/${r.import.countyRows} county rows joined)`, String(r.import.rows), fmtNum(r.import.ms + r.import.writeMs), '', '']] : []),
    [`write ${r.generated.rows} generated rows`, String(r.generated.rows), fmtNum(r.generated.writeMs), '', ''],
    ['load from the database (run --registry both)', String(r.fromDb.sites), fmtNum(r.fromDb.ms), fmtMiB(r.fromDb.rssAdded), fmtMiB(r.fromDb.heapAdded)],
    ['load from the exported CSV (crawler file reader)', String(r.fromCsv.sites), fmtNum(r.fromCsv.ms), fmtMiB(r.fromCsv.rssAdded), fmtMiB(r.fromCsv.heapAdded)],
  ];
  return section('site registry (nianbao sites; memory added after a forced GC)', formatTable(['step', 'rows', 'ms', 'RSS added', 'heap added'], rows, ['left', 'right', 'right', 'right', 'right']));
}
