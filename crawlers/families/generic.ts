/**
 * The generic reader, run on every page of every site: plain links and the links that are not plain hrefs
 * (see anchors.ts), each classified (classify.ts), and numbered pagers (pagination.ts). It is also the
 * fallback family for sites whose CMS no module knows.
 */
import { canonicalUrl } from '../canonical.ts';
import { classifyAnchor } from '../classify.ts';
import { attachmentExt, looksLikeDownload } from '../detail.ts';
import { trapReason } from '../link-words.ts';
import type { Collector } from '../collector.ts';
import type { Page } from '../page.ts';
import { numberedPages } from '../pagination.ts';
import { postPagers } from '../post-pagers.ts';
import type { CmsFamily } from './types.ts';

export const generic: CmsFamily = {
  name: 'generic',
  fingerprint: () => true,
  discover(page: Page, out: Collector): void {
    const to = page.redirect ? canonicalUrl(page.redirect) : undefined;
    // A redirect stub (meta refresh, script): the target is this same page, moved.
    if (to) out.add({ url: to, kind: 'list', role: page.role, depth: page.ctx.depth, reason: 'redirect_stub' });
    for (const a of page.anchors) classifyAnchor(out, page, a);
    // 加载更多 buttons: the JSON their script loads, from the page they name.
    if (page.role !== 'home' && page.role !== 'hub') {
      page.$('[data-url][data-page], [data-href][data-page], [data-api]').each((_, el) => {
        const e = page.$(el);
        const raw = e.attr('data-url') ?? e.attr('data-href') ?? e.attr('data-api') ?? '';
        const base = canonicalUrl(raw, page.url);
        if (!base || /\.(s?html?)$/i.test(new URL(base).pathname)) return;
        const u = new URL(base);
        const n = e.attr('data-page');
        if (n && /^\d+$/.test(n) && ![...u.searchParams.keys()].some((k) => /^(page|pageno|pageindex|p)$/i.test(k))) u.searchParams.set('page', n);
        const url = canonicalUrl(u.toString());
        if (url) out.add({ url, kind: 'list', role: 'proxy', depth: page.ctx.depth, reason: 'load_more' });
      });
    }
    // A page whose list sits in a frame: the frame is this same list.
    if (page.role !== 'home') {
      page.$('iframe[src], frame[src]').each((_, el) => {
        const src = canonicalUrl(page.$(el).attr('src') ?? '', page.url);
        if (!src || attachmentExt(src) || looksLikeDownload(src) || /viewer|pdfjs|preview/i.test(src) || trapReason(src)) return;
        out.add({ url: src, kind: 'list', role: page.role, depth: page.ctx.depth, reason: 'frame' });
      });
    }
  },
  readResponse(page: Page, out: Collector): boolean {
    // An API that answers with an HTML fragment of list items.
    if (!/<a\s[^>]*href/i.test(page.body)) return false;
    for (const a of page.anchors) classifyAnchor(out, page, a);
    return out.links.size > 0;
  },
};

/**
 * The other pages of a list page (run after every family added its items): numbered links, and the pages a
 * stated count implies; pages past the count are rejected. A pagination page that lists no report ends its
 * chain (endless `?page=N`, calendars).
 */
export function numberedPagesOf(page: Page, out: Collector, knownTotal?: number): void {
  if (page.role === 'home' || page.role === 'script') return;
  if ((page.role === 'page' || page.role === 'hub') && out.reports === 0) return;
  const p = numberedPages(page.url, page.body, page.anchors, 200, knownTotal);
  for (const url of p.urls) out.add({ url, kind: 'list', role: 'page', depth: page.ctx.depth, reason: 'numbered_pager' });
  for (const url of p.pastCount) out.reject(url, 'trap.past_page_count');
  for (const r of postPagers(page.$, page.url)) {
    out.add({ url: r.url, method: 'POST', body: r.body, kind: 'list', role: 'page', depth: page.ctx.depth, reason: 'post_pager' });
  }
}
