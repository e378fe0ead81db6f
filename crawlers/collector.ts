/**
 * The links a page gives (pure): kept links (deduplicated, host- and length-checked, depth-bounded), links
 * rejected for a reason the run summary counts, and, when explaining, every anchor dropped with its reason.
 */
import { desktopTwin, hostAllowed, isWapTwin } from './canonical.ts';
import type { PageContext } from './page.ts';
import type { FoundLink } from './types.ts';

export interface Rejected {
  url: string;
  /** offsite, url_too_long, depth, hub_limit, trap.*, non_report:*, past_page_count, … */
  reason: string;
}

export interface Dropped {
  url: string;
  text: string;
  reason: string;
}

/** Hops from the entry through 政务公开 hubs and organ pages before a 年报 column must be found. */
export const HUB_MAX_HOPS = 4;

export interface Discovery {
  links: FoundLink[];
  rejected: Rejected[];
  /** Report detail pages and attachments found on the page. */
  reports: number;
  /** The page has scripts but nothing to follow: its list is probably rendered by JS. */
  looksScripted: boolean;
  /** Anchors seen and not followed, with the reason (only when explaining). */
  dropped: Dropped[];
  /** CMS families whose fingerprint the page shows. */
  families: string[];
  /** The role the page was read in (a hub that is a 年报 column is read as a column). */
  role: string;
}

export class Collector {
  readonly links = new Map<string, FoundLink>();
  readonly rejected: Rejected[] = [];
  readonly dropped: Dropped[] = [];
  readonly families = new Set<string>();
  reports = 0;
  constructor(readonly ctx: PageContext) {}

  /** Keeps a link unless it is this page, known, off-site, too long or too deep. Returns true when kept. */
  add(link: FoundLink): boolean {
    const url = isWapTwin(link.url) ? desktopTwin(link.url) : link.url;
    const key = link.method === 'POST' ? `${url} POST ${link.body ?? ''}` : url;
    if ((url === this.ctx.url && !link.method) || this.links.has(key)) return false;
    if (!hostAllowed(url, this.ctx.site.allowedHosts)) return this.reject(url, 'offsite', link.title);
    if (url.length > (this.ctx.maxUrlLength ?? 1024)) return this.reject(url, 'url_too_long', link.title);
    if (link.kind === 'list' && link.role === 'hub' && link.depth > HUB_MAX_HOPS) return this.reject(url, 'hub_depth', link.title);
    if (link.kind === 'list' && link.role !== 'hub' && link.depth > this.ctx.site.maxDepth) return this.reject(url, 'depth', link.title);
    if (link.kind !== 'list') this.reports++;
    const context = link.context ?? this.ctx.context;
    this.links.set(key, { ...link, url, ...(context ? { context } : {}) });
    return true;
  }

  reject(url: string, reason: string, text = ''): false {
    this.rejected.push({ url, reason });
    if (this.ctx.explain) this.dropped.push({ url, text, reason });
    return false;
  }

  /** An anchor not followed: counted only when explaining (most anchors of a page are unrelated). */
  drop(url: string, text: string, reason: string): void {
    if (this.ctx.explain) this.dropped.push({ url, text, reason });
  }

  result(looksScripted: boolean): Discovery {
    return {
      links: [...this.links.values()], rejected: this.rejected, reports: this.reports, looksScripted,
      dropped: this.dropped, families: [...this.families], role: this.ctx.role,
    };
  }
}
