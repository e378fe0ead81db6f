/**
 * One simulated portal at run time: its virtual hosts (www, and with the second-host pattern an xxgk platform
 * host and a file server), routes with session ids tolerated, robots.txt assembled from the rules the builders
 * add, one-time events (429, 503), the page frame, and the truth it accumulates while the family builds it.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { routeKey, type Reply, type RequestInfo, type Route, type VirtualSite } from '../fixture-site/server.ts';
import { COMMON_CSS, JQUERY_SHIM } from './assets.ts';
import { page, type Frame } from './markup.ts';
import type { Item, PortalPlan } from './plan.ts';
import type { ColumnTruth, NonReportKind, Pattern, Presentation, ReportFormat, TrapTruth } from './types.ts';

export type HostRole = 'www' | 'xxgk' | 'files';

export interface SharedState {
  revision: number;
  once: Set<string>;
}

/** A report as published: where its bytes are, computed per revision. */
export interface Published {
  item: Item;
  url: string;
  pages?: string[];
  aliases: string[];
  bytes: () => Buffer;
  pageBytes?: (() => Buffer)[];
  format: ReportFormat;
  presentation: Presentation;
  detailUrl?: string;
  /** Every column (and list) URL that lists it. */
  columns: string[];
}

export interface PublishedNonReport {
  item?: Item;
  url: string;
  kind: NonReportKind;
  title: string;
  bytes: () => Buffer;
  column?: string;
  visible: () => boolean;
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

const SESSION = /;jsessionid=[^?]*/i;

export class Portal {
  readonly reports: Published[] = [];
  readonly nonReports: PublishedNonReport[] = [];
  readonly traps: TrapTruth[] = [];
  readonly columns: ColumnTruth[] = [];
  readonly twins: { url: string; of: string }[] = [];
  readonly documentUrls = new Set<string>();
  readonly disallow: Partial<Record<HostRole, string[]>> = {};
  readonly crawlDelay: Partial<Record<HostRole, number>> = {};
  needsBrowser = false;
  /** A counter for ids this portal hands out while it is built (redirect pages …). */
  seq = 0;
  /** Bases of hosts outside every portal: national / provincial sites and a mirror. */
  foreign = { gov: 'http://127.0.9.1', mirror: 'http://127.0.9.2' };
  /** Home URLs of neighbouring portals (友情链接). */
  neighbours: { name: string; url: string }[] = [];
  private readonly prefixes: { role: HostRole; prefix: string; route: Route }[] = [];

  constructor(readonly plan: PortalPlan, readonly sites: Partial<Record<HostRole, VirtualSite>>, readonly state: SharedState) {
    for (const [role, site] of Object.entries(sites) as [HostRole, VirtualSite][]) {
      site.fallback = (req) => this.fallback(role, site, req);
      site.route('/robots.txt', () => ({ type: 'text/plain', body: this.robots(role), validators: 'none' }));
      site.route('/css/common.css', () => ({ type: 'text/css', body: COMMON_CSS }));
      site.route('/js/jquery.min.js', () => ({ type: 'application/javascript', body: JQUERY_SHIM }));
    }
  }

  has(p: Pattern): boolean {
    return this.plan.patterns.includes(p);
  }

  get family(): PortalPlan['family'] {
    return this.plan.family;
  }

  /** The host of a role (www when the portal has no such host). */
  site(role: HostRole): VirtualSite {
    return this.sites[role] ?? this.sites.www!;
  }

  role(role: HostRole): HostRole {
    return this.sites[role] ? role : 'www';
  }

  url(role: HostRole, path: string): string {
    return this.site(role).url(path);
  }

  /** `ip:port` of a role's host. */
  host(role: HostRole): string {
    return new URL(this.site(role).base).host;
  }

  route(role: HostRole, path: string, r: Route): void {
    this.site(role).route(path, this.declared(r));
  }

  /** Every path under `prefix` (after exact routes failed). */
  prefix(role: HostRole, prefix: string, r: Route): void {
    this.prefixes.push({ role: this.role(role), prefix, route: this.declared(r) });
  }

  /** A stable number in [0, n) for (portal, key). */
  variant(key: string, n: number): number {
    let h = 2166136261;
    for (const c of `${this.plan.seed}/${this.plan.id}/${key}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    return h % n;
  }

  /**
   * charset-mismatch: a page's Content-Type as the server sends it. Half the paths get `text/html;charset=UTF-8`
   * (a servlet container's default) over GBK bytes, the others plain `text/html`; with the meta tag missing
   * (metaCharset) the latter declare no charset anywhere.
   */
  private declared(r: Route): Route {
    if (!this.has('charset-mismatch')) return r;
    return (req) => {
      const reply = r(req);
      if (reply && reply.type === undefined && reply.body !== undefined && this.variant(`cm/${req.path}`, 2) === 0) return { ...reply, type: 'text/html;charset=UTF-8' };
      return reply;
    };
  }

  /** charset-mismatch: the portal's pages leave the meta charset out (one portal in two). */
  get metaCharset(): boolean {
    return !this.has('charset-mismatch') || this.variant('cm/meta', 2) === 0;
  }

  once(key: string): boolean {
    const k = `${this.plan.id}:${key}`;
    if (this.state.once.has(k)) return false;
    this.state.once.add(k);
    return true;
  }

  get revision(): number {
    return this.state.revision;
  }

  visible(item: Item): boolean {
    return this.state.revision >= item.fromRevision;
  }

  get gbk(): boolean {
    return this.has('gbk') || this.has('charset-mismatch');
  }

  get charset(): Frame['charset'] {
    return this.gbk ? 'gb2312' : 'utf-8';
  }

  /** Encodes a page in the portal's charset. */
  encode(html: string): Buffer {
    if (!this.gbk) return Buffer.from(html, 'utf8');
    const gbk = iconv.encode(html, 'gbk');
    return iconv.decode(gbk, 'gbk') === html ? gbk : iconv.encode(html, 'gb18030');
  }

  /** A frame for pages; `nav` is set by the hub builder. */
  nav = '';

  frame(): Frame {
    return { site: `${this.plan.county.name}人民政府`, charset: this.charset, meta: this.metaCharset, nav: this.nav, siteCode: this.plan.siteCode, family: this.family };
  }

  /** A whole HTML page reply. */
  page(title: string, body: string, extra: Partial<Reply> = {}, head = ''): Reply {
    return { body: this.encode(page(this.frame(), title, body, head)), ...extra };
  }

  addDisallow(role: HostRole, path: string): void {
    const r = this.role(role);
    (this.disallow[r] ??= []).push(path);
  }

  robots(role: HostRole): string {
    const lines = ['User-agent: *', ...(this.disallow[role] ?? []).map((p) => `Disallow: ${p}`)];
    if (this.crawlDelay[role]) lines.push(`Crawl-delay: ${this.crawlDelay[role]}`);
    lines.push('', 'User-agent: Baiduspider', 'Allow: /', '');
    return lines.join('\n');
  }

  addTrap(t: Omit<TrapTruth, 'host'> & { role: HostRole }): void {
    const { role, ...rest } = t;
    this.traps.push({ ...rest, host: this.host(role) });
  }

  addColumn(c: ColumnTruth): void {
    if (!this.columns.some((x) => x.url === c.url)) this.columns.push(c);
  }

  private fallback(role: HostRole, site: VirtualSite, req: RequestInfo): Reply | undefined {
    // Session ids: `;jsessionid=…` in the path or `sid` / `jsessionid` in the query change nothing.
    const path = req.path.replace(SESSION, '');
    const query = new URLSearchParams(req.query);
    const hadSession = path !== req.path || query.has('jsessionid') || query.has('sid');
    if (hadSession) {
      query.delete('jsessionid');
      if (!(this.family === 'gkmlpt' && path.includes('/gkmlpt/api/'))) query.delete('sid');
      const q = query.toString();
      const r = site.routes.get(routeKey(q ? `${path}?${q}` : path)) ?? site.routes.get(path);
      const reply = r?.({ ...req, path, query });
      if (reply) return reply;
    }
    for (const p of this.prefixes) {
      if (p.role === role && path.startsWith(p.prefix)) {
        const reply = p.route({ ...req, path, query });
        if (reply) return reply;
      }
    }
    return undefined;
  }
}
