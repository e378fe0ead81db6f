/**
 * A CMS family: the way one kind of government site builds its 年报 columns and lists. Each family is one
 * module behind this interface; the generic reader (plain links, numbered pagers, script literals) runs on
 * every page, and each family adds what only it knows. Adding a family is one file, one fixture and one test.
 */
import type { Collector } from '../collector.ts';
import type { Page } from '../page.ts';

export interface CmsFamily {
  /** The module name, as `adapter=` in the registry names it. */
  readonly name: string;
  /** True when the page (URL and markup) carries this family's fingerprint. */
  fingerprint(page: Page): boolean;
  /**
   * Links only this family knows on an HTML page: its routes to the 年报 column and sub-columns (from a home,
   * hub or organ page), its list APIs and data proxies, its pagers. Runs on every list page of an `auto` site.
   */
  discover?(page: Page, out: Collector): void;
  /**
   * A response of this family's list API or data proxy (JSON, XML, script): items and next pages. Returns
   * true when the family recognised and read it.
   */
  readResponse?(page: Page, out: Collector): boolean;
  /** Paths of the family's own 年报 routes on a portal (tried first by the registry probe). */
  columnRoutes?(page: Page): string[];
}
