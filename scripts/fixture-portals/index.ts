/**
 * Simulated county government portals with known truth, for measuring a crawl (issues 12 and 13).
 *
 *   startPortals(opts?) → { portals, truth(), sitesFile, truthFile, close(), requests, setRevision(n) }
 *
 * N portals, each of one CMS family (gkmlpt, hanweb, trs, lonsun, slug, generic) with several real-world
 * patterns mixed in, each on its own loopback addresses (127.0.<10+i>.1 www, .2 xxgk, .3 files; everything on
 * 127.0.0.1 with other ports where those cannot be bound). Hosts outside every portal (national sites, a
 * mirror) sit on 127.0.9.1–2. `sitesFile` is a site registry the crawler reads; `truth()` says what each portal
 * publishes. `setRevision(2)` corrects one report in place and publishes one new report per portal.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../corpus/prng.ts';
import { VirtualSite, type LoggedRequest } from '../fixture-site/server.ts';
import { keySeed } from './documents.ts';
import { addExtras } from './extras.ts';
import { buildGkmlpt } from './families/gkmlpt.ts';
import { buildHanweb } from './families/hanweb.ts';
import { buildGeneric } from './families/generic.ts';
import { buildLonsun } from './families/lonsun.ts';
import { buildSlug } from './families/slug.ts';
import { buildTrs } from './families/trs.ts';
import { assignFamilies, assignPatterns } from './patterns.ts';
import { planPortal, type PortalPlan } from './plan.ts';
import { Portal, sha256, type HostRole, type SharedState } from './portal.ts';
import { registerViewer } from './publish.ts';
import { renderAll, type RenderJob } from './render.ts';
import { widenTitles } from './list-variants.ts';
import { bodyTitles } from './list-shapes.ts';
import { portalTruth } from './truth.ts';
import { FAMILIES, PATTERNS, type Family, type Pattern, type PortalTruth, type ReportFormat, type TruthFile } from './types.ts';

export type { PortalTruth, TruthFile } from './types.ts';
export type { LoggedRequest } from '../fixture-site/server.ts';

const BUILDERS: Partial<Record<Family, (p: Portal) => void>> = { trs: buildTrs, gkmlpt: buildGkmlpt, hanweb: buildHanweb, lonsun: buildLonsun, slug: buildSlug, generic: buildGeneric };
export const BUILT_FAMILIES = FAMILIES.filter((f) => BUILDERS[f]);

export interface PortalsOptions {
  seed?: number;
  /** Number of portals (default 12). */
  n?: number;
  families?: Family[];
  /** Patterns to mix in (default all). */
  patterns?: readonly Pattern[];
  /** Reports per department / township (default 3; the county government reports every year). */
  reportsPerBody?: number;
  /** Written into the registry (default 10). */
  rps?: number;
  maxDepth?: number;
  pageLimit?: number;
  /** Render PDF / Word attachments with LibreOffice (cached; default true). False: every report is HTML. */
  render?: boolean;
  cacheDir?: string;
  /** Folder for sites.json and truth.json (default a new temp folder, removed by close()). */
  out?: string;
  /** Everything on 127.0.0.1 (other ports). */
  singleAddress?: boolean;
  log?: (line: string) => void;
}

export interface Portals {
  readonly portals: PortalTruth[];
  truth(): TruthFile;
  sitesFile: string;
  truthFile: string;
  dir: string;
  requests: LoggedRequest[];
  readonly revision: number;
  setRevision(n: number): void;
  close(): Promise<void>;
  /** Expected values of each generated report, by the sha256 of its rev-1 bytes. */
  expected(): Map<string, unknown>;
}

const BINARY: ReportFormat[] = ['pdf', 'pdf', 'docx', 'doc', 'wps'];

async function listen(site: VirtualSite, address: string): Promise<boolean> {
  try {
    await site.listen(address, 0);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw e;
    return false;
  }
}

function hostRoles(plan: PortalPlan): HostRole[] {
  if (!plan.patterns.includes('second-host')) return ['www'];
  const rng = new Rng(keySeed(plan.seed, `${plan.id}/hosts`));
  if (plan.family === 'gkmlpt') return ['www', 'files'];
  const r = rng.pick([['www', 'xxgk'], ['www', 'files'], ['www', 'xxgk', 'files']] as HostRole[][]);
  return r;
}

async function renderPlans(plans: PortalPlan[], o: PortalsOptions): Promise<void> {
  const items = plans.flatMap((p) => p.items).filter((i) => i.format !== 'html');
  const jobs: RenderJob[] = items.map((i) => ({ html: i.doc.standalone, format: i.format as RenderJob['format'] }));
  const bytes = o.render === false ? new Map<number, Buffer>() : await renderAll(jobs, { cacheDir: o.cacheDir, log: o.log });
  items.forEach((item, k) => {
    const b = bytes.get(k);
    if (b) item.binary = b;
    else Object.assign(item, { format: 'html', presentation: 'html', disguise: undefined, viewer: undefined });
  });
}

export async function startPortals(opts: PortalsOptions = {}): Promise<Portals> {
  const seed = opts.seed ?? 1;
  const n = opts.n ?? 12;
  const rps = opts.rps ?? 10;
  const rng = new Rng(keySeed(seed, 'portals'));
  const families = assignFamilies(rng, n, (opts.families ?? BUILT_FAMILIES).filter((f) => BUILDERS[f]));
  const patterns = assignPatterns(rng, families, opts.patterns ?? PATTERNS, new Rng(keySeed(seed, 'portals/later')), new Rng(keySeed(seed, 'portals/newer')));
  const used = new Set<string>();
  const plans = families.map((family, index) => planPortal({
    seed, index, family, patterns: patterns[index]!, usedCounties: used, reportsPerBody: opts.reportsPerBody ?? 3,
    binaryFormats: opts.render === false ? [] : BINARY,
  }));
  await renderPlans(plans, opts);

  const requests: LoggedRequest[] = [];
  const state: SharedState = { revision: 1, once: new Set() };
  const all: VirtualSite[] = [];
  let single = opts.singleAddress ?? false;
  const bind = async (site: VirtualSite, address: string): Promise<void> => {
    all.push(site);
    if (!single && (await listen(site, address))) return;
    single = true;
    await site.listen('127.0.0.1', 0);
  };
  const gov = new VirtualSite('foreign-gov', requests);
  const mirror = new VirtualSite('foreign-mirror', requests);
  for (const f of [gov, mirror]) f.fallback = () => ({ body: '<html><head><meta charset="utf-8"></head><body><h1>站外网站</h1><p>本页面不属于县级门户。</p></body></html>' });
  await bind(gov, '127.0.9.1');
  await bind(mirror, '127.0.9.2');
  const portals: Portal[] = [];
  for (const plan of plans) {
    const sites: Partial<Record<HostRole, VirtualSite>> = {};
    for (const [k, role] of hostRoles(plan).entries()) {
      const s = new VirtualSite(`${plan.id}-${role}`, requests);
      await bind(s, `127.0.${10 + plan.index}.${k + 1}`);
      sites[role] = s;
    }
    portals.push(new Portal(plan, sites, state));
  }
  for (const p of portals) {
    p.foreign = { gov: gov.base, mirror: mirror.base };
    p.neighbours = portals.filter((q) => q !== p && Math.abs(q.plan.index - p.plan.index) <= 2).map((q) => ({ name: `${q.plan.county.name}人民政府`, url: q.url('www', '/') }));
    if (p.plan.items.some((i) => i.viewer === 'pdfjs')) registerViewer(p);
    widenTitles(p);
    bodyTitles(p);
    BUILDERS[p.family]!(p);
    addExtras(p);
  }

  const dir = opts.out ?? mkdtempSync(join(tmpdir(), 'nianbao-portals-'));
  mkdirSync(dir, { recursive: true });
  const sitesFile = join(dir, 'sites.json');
  const truthFile = join(dir, 'truth.json');
  const truth = (): TruthFile => ({
    seed, revision: state.revision, createdAt: new Date().toISOString(), portals: portals.map((p) => portalTruth(p, rps)),
    foreignHosts: [gov, mirror].map((s) => new URL(s.base).host),
  });
  writeFileSync(sitesFile, JSON.stringify(portals.map((p) => {
    const t = portalTruth(p, rps);
    return {
      id: t.id, name: t.name, division: t.division, entry_url: t.entryUrl, entry_role: 'home', adapter: 'auto', render: 'auto',
      rps, page_limit: opts.pageLimit ?? 3000, allowed_hosts: t.allowedHosts.join(';'), max_depth: opts.maxDepth ?? 8,
    };
  }), null, 1));
  const writeTruth = (): void => writeFileSync(truthFile, JSON.stringify(truth(), null, 1));
  writeTruth();
  opts.log?.(`${portals.length} portals${single ? ' (all on 127.0.0.1)' : ''}; sites ${sitesFile}; truth ${truthFile}`);
  return {
    get portals() {
      return truth().portals;
    },
    truth, sitesFile, truthFile, dir, requests,
    get revision() {
      return state.revision;
    },
    setRevision(r: number) {
      state.revision = r;
      writeTruth();
    },
    expected() {
      const m = new Map<string, unknown>();
      for (const p of portals) for (const r of p.reports) if (r.item.doc.expected && r.item.fromRevision === 1) m.set(sha256(r.bytes()), r.item.doc.expected);
      return m;
    },
    async close() {
      await Promise.all(all.map((s) => s.close()));
      if (!opts.out) rmSync(dir, { recursive: true, force: true });
    },
  };
}
