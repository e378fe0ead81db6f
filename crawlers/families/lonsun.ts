/**
 * Lonsun 龙讯 EX: every organ (the government, each department, each township) has its disclosure pages at
 * `/public/column/<organId>?type=N` — type 3 is its 年报 page (1 制度, 2 指南, 4 主动公开目录, 5 依申请) —, paged by
 * `pageIndex=N`, filtered by `timeFrame=YYYY`. Any link into an organ's pages gives its 年报 page.
 */
import { canonicalUrl } from '../canonical.ts';
import { organName } from '../classify.ts';
import type { Collector } from '../collector.ts';
import type { Page } from '../page.ts';
import type { CmsFamily } from './types.ts';

const ORGAN_PATH = /\/public\/column\/(\d+)/;

export function annualReportPage(url: string): string | undefined {
  const u = new URL(url);
  if (!ORGAN_PATH.test(u.pathname)) return undefined;
  const out = new URL(u.pathname.replace(/(\/public\/column\/\d+).*$/, '$1'), u);
  out.searchParams.set('type', '3');
  const action = u.searchParams.get('action');
  if (action) out.searchParams.set('action', action);
  return canonicalUrl(out.toString());
}

export const lonsun: CmsFamily = {
  name: 'lonsun',
  fingerprint: (page) => /\/public\/column\/\d+|\/site\/tpl\/\d+|lonsun|龙讯/i.test(`${page.url} ${page.body.slice(0, 200_000)}`),
  columnRoutes: () => [],
  discover(page: Page, out: Collector): void {
    const here = annualReportPage(page.url);
    const fromHub = page.role === 'home' || page.role === 'hub';
    for (const a of page.anchors) {
      const url = annualReportPage(a.url);
      if (!url || url === here || a.url === url) continue;
      const context = organName(a.text);
      out.add({ url, kind: 'list', role: 'column', title: a.text, depth: fromHub ? 1 : page.ctx.depth + 1, reason: 'lonsun_organ', ...(context ? { context } : {}) });
    }
  },
};
