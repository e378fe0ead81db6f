/**
 * One fetched page as every discovery step sees it (pure): its URL, role and depth in the crawl, the site, and
 * its markup parsed once, lazily (cheerio document, anchors, inline scripts, visible text).
 */
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { boundDepth } from '../extractors/html-depth.ts';
import { anchorsOf, type Anchor } from './anchors.ts';
import type { ListRole, SiteConfig } from './types.ts';

export interface PageContext {
  url: string;
  role: ListRole;
  /** List depth (entry = 0); for hub pages, the hops from the entry. */
  depth: number;
  site: SiteConfig;
  maxUrlLength?: number;
  now?: Date;
  /** The text of the link the page was reached by (a year sub-column's `2023年` …). */
  title?: string;
  /** The organ (township, department) the page belongs to, inherited along links. */
  context?: string;
  /** How the page was requested, when not a plain GET (POSTed list APIs). */
  request?: { method: 'POST'; body: string };
  /** Record why each anchor was kept or dropped (for `crawl --explain`). */
  explain?: boolean;
}

export class Page {
  private $cached: cheerio.CheerioAPI | undefined;
  private anchorsCached: Anchor[] | undefined;
  private scriptsCached: string[] | undefined;
  private textCached: string | undefined;

  constructor(readonly body: string, readonly ctx: PageContext) {}

  /** The same page read in another context (role, depth): the parsed markup is shared, not parsed again. */
  withContext(ctx: PageContext): Page {
    const p = new Page(this.body, ctx);
    p.$cached = this.$cached;
    if (ctx.url === this.ctx.url) p.anchorsCached = this.anchorsCached;
    p.scriptsCached = this.scriptsCached;
    p.textCached = this.textCached;
    return p;
  }

  get url(): string {
    return this.ctx.url;
  }

  get role(): ListRole {
    return this.ctx.role;
  }

  /** The parsed page; nesting deeper than any real page is cut first (linear time, no stack overflow). */
  get $(): cheerio.CheerioAPI {
    this.$cached ??= cheerio.load(boundDepth(this.body).html);
    return this.$cached;
  }

  get anchors(): Anchor[] {
    this.anchorsCached ??= anchorsOf(this.$, this.url, { chrome: true });
    return this.anchorsCached;
  }

  /** Text of the inline scripts (external ones are fetched as their own rows). */
  get scripts(): string[] {
    this.scriptsCached ??= [...this.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
      .filter((m) => !/\bsrc\s*=/i.test(m[1]))
      .map((m) => m[2]);
    return this.scriptsCached;
  }

  /** URLs of external scripts that may build the page's list (same site, not well-known libraries). */
  get scriptSources(): string[] {
    const out: string[] = [];
    this.$('script[src]').each((_, el) => {
      const src = this.$(el).attr('src') ?? '';
      if (/(jquery|bootstrap|layui|layer|vue|react|angular|echarts|swiper|polyfill|html5shiv|respond|modernizr|common|analytics|baidu|cnzz|hm\.js|share|jweixin|zepto|lodash|moment|axios\.min)/i.test(src)) return;
      try {
        out.push(new URL(src, this.url).toString());
      } catch {
        // not a URL
      }
    });
    return out;
  }

  /** The page's own name: its <title> and first heading. */
  get heading(): string {
    const $ = this.$;
    return `${$('title').first().text()} ${$('h1, h2, h3, .title, .column-title').first().text()}`.replace(/\s+/g, ' ').trim();
  }

  /**
   * Where a redirect stub sends the visitor: `<meta http-equiv="refresh" content="0;url=…">`, or a short page
   * whose script sets `location.href` / calls `location.replace(…)`.
   */
  get redirect(): string | undefined {
    if (this.body.length > 20_000) return undefined;
    const meta = this.$('meta[http-equiv="refresh" i]').attr('content');
    const m = meta ? /url\s*=\s*['"]?([^'";]+)/i.exec(meta) : undefined;
    let target = m?.[1];
    // A script redirect only on a stub: little text, tiny scripts, hardly a link (a list page's scripts also
    // set location.href, inside click handlers).
    if (!target && this.text.length < 200 && this.body.length < 4000 && this.scripts.join('').length < 600 && this.anchors.length <= 1) {
      for (const js of this.scripts) {
        const t = /(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*(["'])([^"']+)\1|location\.(?:replace|assign)\s*\(\s*(["'])([^"']+)\3/.exec(js);
        if (t) {
          target = t[2] ?? t[4];
          break;
        }
      }
    }
    if (!target) return undefined;
    try {
      const u = new URL(target.trim(), this.url);
      return /^https?:$/.test(u.protocol) ? u.toString() : undefined;
    } catch {
      return undefined;
    }
  }

  /** Visible text of the page, scripts and styles left out, whitespace folded. */
  get text(): string {
    if (this.textCached === undefined) {
      const parts: string[] = [];
      const walk = (nodes: readonly AnyNode[]): void => {
        for (const n of nodes) {
          if (n.type === 'text') parts.push((n as { data: string }).data);
          else if (n.type === 'tag' && !/^(noscript|template|head)$/i.test((n as { name: string }).name)) walk((n as { children: AnyNode[] }).children);
          else if (n.type === 'root') walk((n as { children: AnyNode[] }).children);
        }
      };
      walk(this.$.root().toArray());
      this.textCached = parts.join(' ').replace(/\s+/g, ' ').trim();
    }
    return this.textCached;
  }
}
