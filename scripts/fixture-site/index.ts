/**
 * The local fixture site: several CMS families, each a virtual site on its own loopback address (127.0.0.2–8,
 * port 0; all on 127.0.0.1 with `localhost` as the mirror host where extra loopback addresses cannot be bound).
 *
 *   startFixtureSite(opts?) → { url, port, close(), requests, sitesFile, sites, expectedReports, setRevision(n),
 *                               mirror, disallowedPaths }
 *
 * `expectedReports` lists every report the site holds in the current revision (URL, sha256 of the bytes, source
 * fixture, expected-values file). `setRevision(2)` changes one TRS report in place and publishes a new one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFixtureDocs, syntheticReport, type FixtureDoc } from './docs.ts';
import { Publisher, type ExpectedReport, type SiteState } from './publish.ts';
import { VirtualSite, type LoggedRequest } from './server.ts';
import { buildGbk } from './site-gbk.ts';
import { buildHanweb } from './site-hanweb.ts';
import { buildChallenge, buildJsRender } from './site-scripted.ts';
import { buildTrs } from './site-trs.ts';
import { buildUcap } from './site-ucap.ts';
import type { BuildContext } from './build-context.ts';

export type { ExpectedReport } from './publish.ts';
export type { LoggedRequest } from './server.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NAMES = ['trs', 'hanweb', 'ucap', 'gbk', 'jsrender', 'challenge'] as const;
type SiteName = (typeof NAMES)[number];
const BUILDERS: Record<SiteName, (ctx: BuildContext) => void> = {
  trs: buildTrs, hanweb: buildHanweb, ucap: buildUcap, gbk: buildGbk, jsrender: buildJsRender, challenge: buildChallenge,
};
const ADAPTER: Record<SiteName, string> = { trs: 'trs', hanweb: 'hanweb', ucap: 'ucap', gbk: 'generic', jsrender: 'auto', challenge: 'auto' };
const FALLBACK_HOME: Record<string, SiteName> = { html: 'trs', pdf: 'trs', docx: 'hanweb', doc: 'ucap', wps: 'ucap', txt: 'gbk', rtf: 'gbk' };

export interface FixtureSiteOptions {
  /** Documents per format taken from the shared fixtures besides the site's own (default 4). */
  maxPerFormat?: number;
  /** Requests per second written into the registry file (default 50). */
  rps?: number;
  /** max_depth written into the registry file (default 4). */
  maxDepth?: number;
  /** Use 127.0.0.1 for every site even where other loopback addresses work. */
  singleAddress?: boolean;
  /**
   * Fixed port (default 0, any free port): every site listens on it at its own address, so the same URLs
   * (and bytes) come back on the next start; with a single address the sites use port, port+1, ….
   */
  port?: number;
}

export interface FixtureSite {
  /** Base URL of the TRS portal (the "main" site). */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Every request any virtual site (and the mirror) received, in arrival order. */
  requests: LoggedRequest[];
  /** A JSON site registry pointing at the virtual sites (ids fx-<name>). */
  sitesFile: string;
  /** Base URL per virtual site name, plus `mirror`. */
  sites: Record<string, string>;
  readonly expectedReports: ExpectedReport[];
  /** Paths robots.txt forbids, per site name. */
  disallowedPaths: Record<string, string[]>;
  readonly revision: number;
  setRevision(revision: number): void;
}

function distribute(docs: FixtureDoc[]): Record<SiteName, FixtureDoc[]> {
  const plan = Object.fromEntries(NAMES.map((n) => [n, [] as FixtureDoc[]])) as Record<SiteName, FixtureDoc[]>;
  const order: SiteName[] = ['jsrender', 'challenge', 'trs', 'hanweb', 'ucap', 'gbk'];
  let i = 0;
  for (const d of docs) {
    if (d.fallback) plan[FALLBACK_HOME[d.format] ?? 'trs'].push(d);
    else plan[order[i++ % order.length]].push(d);
  }
  if (plan.jsrender.length === 0) plan.jsrender.push(syntheticReport('示例新区管委会', 2023, 'syn-jsrender'));
  if (plan.challenge.length === 0) plan.challenge.push(syntheticReport('示例开发区管委会', 2022, 'syn-challenge'));
  return plan;
}

async function listenAll(sites: VirtualSite[], mirror: VirtualSite, single: boolean, port: number): Promise<boolean> {
  const all = [...sites, mirror];
  if (!single) {
    try {
      for (const [i, s] of all.entries()) await s.listen(`127.0.0.${i + 2}`, port);
      return false;
    } catch (e) {
      await Promise.all(all.map((s) => s.close()));
      if ((e as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw e;
    }
  }
  for (const [i, s] of all.entries()) await s.listen('127.0.0.1', port === 0 ? 0 : port + i);
  return true;
}

export async function startFixtureSite(opts: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const requests: LoggedRequest[] = [];
  const state: SiteState = { revision: 1, once: new Set() };
  const pub = new Publisher(state);
  const { docs, extra } = loadFixtureDocs(REPO_ROOT, opts.maxPerFormat ?? 4);
  const plan = distribute(docs);
  const vsites = NAMES.map((n) => new VirtualSite(n, requests));
  const mirror = new VirtualSite('mirror', requests);
  mirror.fallback = () => ({ body: '<html><body>mirror copy</body></html>' });
  const single = await listenAll(vsites, mirror, opts.singleAddress ?? false, opts.port ?? 0);
  const mirrorBase = single ? mirror.alias('localhost') : mirror.base;
  const mirrorView = { url: (p: string) => `${mirrorBase}${p}` };
  for (const [i, name] of NAMES.entries()) {
    BUILDERS[name]({ site: vsites[i], docs: plan[name], pub, state, mirror: mirrorView, extra: name === 'trs' ? extra : undefined });
  }
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fixture-'));
  const sitesFile = join(dir, 'sites.json');
  writeFileSync(sitesFile, JSON.stringify(vsites.map((s) => ({
    id: `fx-${s.name}`, name: `fixture ${s.name}`, entry_url: s.url('/'), entry_role: 'home', adapter: ADAPTER[s.name as SiteName], render: 'auto',
    rps: opts.rps ?? 50, page_limit: 500, allowed_hosts: s.hostname, max_depth: opts.maxDepth ?? 4,
  })), null, 1));
  const trs = vsites[0];
  return {
    url: trs.base, port: Number(new URL(trs.base).port), requests, sitesFile,
    sites: { ...Object.fromEntries(vsites.map((s) => [s.name, s.base])), mirror: mirrorBase },
    get expectedReports() {
      return pub.expected();
    },
    disallowedPaths: { trs: ['/private/'], ucap: ['/xxgk/ndbb/draft/'] },
    get revision() {
      return state.revision;
    },
    setRevision(revision: number) {
      state.revision = revision;
    },
    async close() {
      await Promise.all([...vsites, mirror].map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
