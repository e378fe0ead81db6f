/**
 * What the registry probe reads on one portal page (pure): the footer's 网站标识码, the CMS families the page
 * shows, a firewall or challenge that answered instead of the portal, and — through the crawler's own
 * discovery — the 年报 columns it links (with the organ they belong to) and the hubs worth a visit.
 */
import { classifyPage } from '../../crawlers/block.ts';
import { discoverList } from '../../crawlers/discover.ts';
import { fingerprints } from '../../crawlers/families/index.ts';
import { Page } from '../../crawlers/page.ts';
import type { ListRole, SiteConfig } from '../../crawlers/types.ts';

export interface ColumnFound {
  url: string;
  /** The organ (township, department) whose column it is; undefined for the site's own. */
  organ?: string;
  /** How it was found: the family route, the link text, a sub-column, a province path … */
  foundBy: string;
  /** A list the column reads its items from (gkmlpt API), when it is not the page itself. */
  dataUrl?: string;
}

export interface PageReading {
  websiteCode?: string;
  families: string[];
  columns: ColumnFound[];
  /** Hubs and organ pages to visit next (with their organ), and columns worth opening for sub-columns. */
  next: { url: string; role: ListRole; organ?: string; depth: number }[];
  /** Reports the page lists (a column proves itself by them). */
  reports: number;
  /** The page reads as a 年报 column itself (a hub or organ page whose title says so, or that lists reports). */
  isColumn: boolean;
}

/** 网站标识码 in a footer: ten characters, the first six the region's division code. */
export function websiteCode(html: string): string | undefined {
  const m = /网站标识码\s*[:：]?\s*(?:<[^>]*>\s*)*([0-9A-Za-z]{10})(?![0-9A-Za-z])/.exec(html);
  return m?.[1];
}

/**
 * The block class of a response that is not the portal: a firewall status (412 瑞数, 468/521 WAF and CDN
 * challenges, 403), a JS challenge, a captcha or a block page. Undefined for an ordinary page.
 */
export function blockClass(status: number, html: string): string | undefined {
  if ([412, 468, 521, 523, 525, 567].includes(status)) return `http_${status}`;
  const verdict = classifyPage(html, status);
  if (verdict.kind === 'challenge') return 'js_challenge';
  if (verdict.kind === 'blocked') return /验证码|captcha/i.test(verdict.evidence) ? 'captcha' : 'block_page';
  if (status === 403) return 'http_403';
  return undefined;
}

export function readProbePage(html: string, url: string, role: ListRole, depth: number, site: SiteConfig, organ?: string): PageReading {
  const ctx = { url, role, depth, site, ...(organ ? { context: organ } : {}) };
  const page = new Page(html, ctx);
  const d = discoverList(page, ctx);
  const columns: ColumnFound[] = [];
  const next: PageReading['next'] = [];
  for (const l of d.links) {
    if (l.kind !== 'list') continue;
    if (l.role === 'column') {
      columns.push({ url: l.url, foundBy: l.reason ?? 'link', ...(l.context ? { organ: l.context } : {}) });
      next.push({ url: l.url, role: 'column', organ: l.context, depth: l.depth });
    } else if (l.role === 'hub' || (l.reason === 'redirect_stub' && l.role === 'home')) next.push({ url: l.url, role: l.role, organ: l.context, depth: l.depth });
    else if (l.role === 'proxy' && l.reason === 'gkmlpt_api') {
      // The gkmlpt route is one page for every catalogue: each 年报 catalogue's API is its column.
      columns.push({ url: l.url, foundBy: 'gkmlpt_api', dataUrl: l.url, ...(l.context ? { organ: l.context } : {}) });
    }
  }
  const isColumn = role !== 'home' && (d.role === 'column' || d.reports > 0);
  return { websiteCode: websiteCode(html), families: fingerprints(page), columns, next, reports: d.reports, isColumn };
}
