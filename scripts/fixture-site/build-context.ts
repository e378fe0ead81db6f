/** What every virtual-site builder receives. */
import type { FixtureDoc } from './docs.ts';
import type { Publisher, SiteState } from './publish.ts';
import type { VirtualSite } from './server.ts';

export interface BuildContext {
  site: VirtualSite;
  docs: FixtureDoc[];
  pub: Publisher;
  state: SiteState;
  /** URLs on the non-government mirror host the crawl must never touch. */
  mirror: { url(path: string): string };
  /** The document that appears only in revision 2 (TRS only). */
  extra?: FixtureDoc;
}

/** A stable numeric id per document, for TRS / Hanweb style paths. */
export function numId(index: number): number {
  return 1001 + index;
}

export function dd(doc: FixtureDoc): string {
  return String(1 + (parseInt(doc.id.slice(-4), 16) % 27)).padStart(2, '0');
}

/** A news item that is not a report (lists are never only reports). */
export const NEWS = { href: '/zwgk/tzgg/t20240301_9001.html', text: '关于开展政务公开培训的通知', date: '2024-03-01' };
