/**
 * `nianbao sites import FILE | export --out FILE | list [--problems] [--province P] [--json]`: the national
 * site registry in the database (table site_registry; src/registry/). The import joins a portal list to
 * division codes in one transaction and prints its figures and every row kept out of the crawl.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../model/errors.ts';
import type { Db } from '../store/db.ts';
import { NATIONAL_DEFAULTS, type RegistryRow } from '../registry/types.ts';
import { withExitCode } from './exit-codes.ts';
import { addStoreOptions, configFrom, type CommonOptions } from './pipeline-options.ts';

const MAX_PRINTED = 60;

function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

function positive(name: string, v: string | undefined, fallback: number, integer = false): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!(n > 0) || (integer && !Number.isInteger(n))) throw new ConfigError('config.bad_flag', `${name} must be a positive ${integer ? 'integer' : 'number'}, not ${v}`);
  return n;
}

function readList(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError('registry.list_missing', `cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
}

/** The modules the subcommands use, loaded on use so that `nianbao --help` does not load the division registry. */
async function modules() {
  const [{ writeCsv }, { provinceFilter }, { registryFor }, { SITE_COLUMNS }, format, { importPortalList }, { readRegistry, writeImport }] = await Promise.all([
    import('../export/csv-file.ts'), import('../divisions/coverage.ts'), import('../divisions/store.ts'), import('../../crawlers/sites.ts'),
    import('../registry/format.ts'), import('../registry/import.ts'), import('../registry/store.ts'),
  ]);
  return { writeCsv, provinceFilter, registryFor, SITE_COLUMNS, ...format, importPortalList, readRegistry, writeImport };
}

/** Runs a subcommand body with the configured database open (closed after), under withExitCode. */
function withDb(cmd: Command, o: CommonOptions, body: (db: Db, dbPath: string) => Promise<number>): Promise<void> {
  return withExitCode(async () => {
    const config = configFrom(cmd, { ...o, out: undefined });
    const { openDb } = await import('../store/db.ts');
    const db = openDb(config.db);
    try {
      return await body(db, config.db);
    } finally {
      db.close();
    }
  });
}

interface ImportFlags extends CommonOptions {
  rps?: string;
  pageLimit?: string;
  maxDepth?: string;
  dryRun?: boolean;
}

interface ListFlags extends CommonOptions {
  problems?: boolean;
  province?: string;
  json?: boolean;
}

function registerImport(group: Command): void {
  const cmd = group
    .command('import <file>')
    .description('join a portal list (CSV: path 省/市/县 or province/prefecture/county columns, url) to division codes and store it')
    .option('--rps <n>', `requests per second per host for every imported site (default ${NATIONAL_DEFAULTS.rps})`)
    .option('--page-limit <n>', `pages per site and crawl cycle (default ${NATIONAL_DEFAULTS.pageLimit})`)
    .option('--max-depth <n>', `list depth from the portal home (default ${NATIONAL_DEFAULTS.maxDepth})`)
    .option('--dry-run', 'print the figures and problems without writing the database');
  addStoreOptions(cmd).action((file: string, o: ImportFlags) =>
    withDb(cmd, o, async (db) => {
      const { importPortalList, registryFor, writeImport, formatFigures } = await modules();
      const defaults = {
        rps: positive('--rps', o.rps, NATIONAL_DEFAULTS.rps), pageLimit: positive('--page-limit', o.pageLimit, NATIONAL_DEFAULTS.pageLimit, true),
        maxDepth: positive('--max-depth', o.maxDepth, NATIONAL_DEFAULTS.maxDepth, true),
      };
      const started = Date.now();
      const result = importPortalList(readList(file), registryFor(db), { file: basename(file), defaults });
      const written = o.dryRun ? null : writeImport(db, result.value.rows, new Date().toISOString());
      out(formatFigures(result.value.figures, file, Date.now() - started, written));
      const problems = result.value.rows.filter((r) => r.status !== 'ok');
      if (problems.length) {
        out(`rows kept out of the crawl (${problems.length}):`);
        for (const r of problems.slice(0, MAX_PRINTED)) out(`  ${r.source}\t${r.status}\t${r.path || r.name}\t${r.statusReason ?? ''}`);
        if (problems.length > MAX_PRINTED) out(`  … ${problems.length - MAX_PRINTED} more: nianbao sites list --problems`);
      }
      return 0;
    }),
  );
}

function registerExport(group: Command): void {
  const cmd = group
    .command('export')
    .description('write the registry as the CSV file the crawler reads (with level, parent, source, status)')
    .requiredOption('--out <file>', 'CSV file to write')
    .option('--ok-only', 'only the rows the crawl uses (status ok)')
    .option('--no-bom', 'no UTF-8 byte order mark');
  addStoreOptions(cmd).action((o: CommonOptions & { okOnly?: boolean; bom: boolean }) =>
    withDb(cmd, o, async (db, dbPath) => {
      const { readRegistry, writeCsv, SITE_COLUMNS, exportCells } = await modules();
      const rows = readRegistry(db, o.okOnly ? { ok: true } : {});
      if (rows.length === 0) throw new ConfigError('registry.empty', `${dbPath}: the site registry is empty (run nianbao sites import FILE first)`);
      const n = await writeCsv(o.out!, SITE_COLUMNS, rows.map(exportCells), { bom: o.bom });
      out(`${o.out}\t${n} rows (${rows.filter((r) => r.status === 'ok').length} with status ok)`);
      return 0;
    }),
  );
}

function registerList(group: Command): void {
  const cmd = group
    .command('list')
    .description('list the registry (tab-separated, or --json)')
    .option('--problems', 'only the rows kept out of the crawl, with their reason')
    .option('--province <name>', 'only this province (浙江省, 浙江 or 33)')
    .option('--json', 'one JSON object per line');
  addStoreOptions(cmd).action((o: ListFlags) =>
    withDb(cmd, o, async (db) => {
      const { provinceFilter, registryFor, readRegistry, LIST_HEADER, listLine } = await modules();
      const province = provinceFilter(o.province, registryFor(db));
      let rows: RegistryRow[] = readRegistry(db, o.problems ? { ok: false } : {});
      if (province) rows = rows.filter((r) => r.division?.startsWith(province.code) || r.path.split('/')[0] === province.name);
      if (o.json) out(rows.map((r) => JSON.stringify(r)).join('\n'));
      else out([LIST_HEADER, ...rows.map(listLine)].join('\n'));
      process.stderr.write(`${rows.length} rows\n`);
      return 0;
    }),
  );
}

interface ProbeFlags extends CommonOptions {
  site?: string[];
  province?: string;
  limit?: string;
  fresh?: string;
  concurrency?: string;
  maxPages?: string;
  contact?: string;
  userAgent?: string;
  json?: boolean;
  quiet?: boolean;
}

function registerProbe(group: Command): void {
  const cmd = group
    .command('probe')
    .description('visit each registry portal once (politely) and record its final URL, footer 网站标识码, CMS family, block class and 年报 columns, townships and departments as child rows; resumable')
    .option('--site <id...>', 'only these site ids (probed again whatever their age)')
    .option('--province <name>', 'only this province (浙江省, 浙江 or 33)')
    .option('--limit <n>', 'at most this many portals')
    .option('--fresh <days>', 'skip portals probed within this many days (default 7; 0 probes every one again)')
    .option('--concurrency <n>', 'portals probed at once (default 64); each host still gets its registry rate')
    .option('--max-pages <n>', 'pages at most per portal (default 60)')
    .option('--contact <url-or-email>', 'contact put in the User-Agent (env NIANBAO_CONTACT)')
    .option('--user-agent <ua>', 'replace the whole User-Agent (env NIANBAO_USER_AGENT)')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no line per portal');
  addStoreOptions(cmd).action((o: ProbeFlags) =>
    withDb(cmd, o, async (db) => {
      const { runProbe } = await import('../registry/probe-run.ts');
      const { defaultUserAgent } = await import('../../crawlers/crawl.ts');
      const { provinceFilter, registryFor } = await modules();
      const province = provinceFilter(o.province, registryFor(db));
      const ac = new AbortController();
      const stop = (): void => {
        if (ac.signal.aborted) process.exit(130);
        process.stderr.write('nianbao sites probe: stopping after the portals in hand (signal again to stop now)\n');
        ac.abort();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        const summary = await runProbe({
          db, registry: registryFor(db), siteIds: o.site, province: province?.code,
          limit: o.limit === undefined ? undefined : positive('--limit', o.limit, 1, true),
          freshDays: o.fresh === undefined ? undefined : Number(o.fresh),
          concurrency: o.concurrency === undefined ? undefined : positive('--concurrency', o.concurrency, 64, true),
          maxPages: o.maxPages === undefined ? undefined : positive('--max-pages', o.maxPages, 60, true),
          userAgent: o.userAgent ?? process.env.NIANBAO_USER_AGENT ?? defaultUserAgent(o.contact ?? process.env.NIANBAO_CONTACT),
          signal: ac.signal,
          onSite: o.quiet ? undefined : (id, r, done, total) => process.stderr.write(
            `[${done}/${total}] ${id}\t${r.blockClass ?? (r.error ? `unreachable ${r.error}` : 'reached')}\t${r.family ?? '-'}\t${r.websiteCode ?? '-'}\t${r.columns.length} columns\t${r.pages} pages\n`),
        });
        if (o.json) out(JSON.stringify(summary, null, 1));
        else {
          out(`probed ${summary.sites} portals in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${summary.reached} reached, ${summary.blocked} blocked, ${summary.unreachable} unreachable; ` +
            `${summary.withColumns} with a 年报 column (${summary.columns} columns, ${summary.children} township/department rows); ${summary.wrongCode} footer codes of another region; ` +
            `${summary.requests} requests, ${summary.cpuMsPerRequest.toFixed(2)} ms CPU per request`);
          const fam = Object.entries(summary.byFamily).map(([k, n]) => `${k} ${n}`).join(', ');
          if (fam) out(`families: ${fam}`);
          const blk = Object.entries(summary.byBlock).map(([k, n]) => `${k} ${n}`).join(', ');
          if (blk) out(`blocked by: ${blk}`);
        }
        return summary.sites > 0 && summary.reached === 0 ? 1 : 0;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    }),
  );
}

export function registerSites(program: Command): void {
  const group = program
    .command('sites')
    .description('the national site registry: import a portal list, export the registry CSV, list rows and problems');
  registerImport(group);
  registerExport(group);
  registerList(group);
  registerProbe(group);
}
