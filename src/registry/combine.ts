/**
 * Which sites a crawl visits: the database registry (`nianbao sites import`, rows with status ok), the
 * hand-written registry file (data/sites/sites.csv or --sites), or both. With both, a file row replaces the
 * database row with the same id or the same division code (a hand-written entry, often a 年报 column, is
 * more precise than an imported portal home). Pure.
 */
import type { SiteConfig } from '../../crawlers/types.ts';

export type RegistryMode = 'db' | 'file' | 'both';
export const REGISTRY_MODES: readonly RegistryMode[] = ['both', 'db', 'file'];

export interface Combined {
  sites: SiteConfig[];
  fromFile: number;
  fromDb: number;
  /** Database rows replaced by a file row (same id or division). */
  replaced: number;
}

export function combineSites(fileSites: SiteConfig[], dbSites: SiteConfig[]): Combined {
  const ids = new Set(fileSites.map((s) => s.id));
  const divisions = new Set(fileSites.map((s) => s.division).filter((d): d is string => !!d));
  const kept = dbSites.filter((s) => !ids.has(s.id) && !(s.division && divisions.has(s.division)));
  return { sites: [...fileSites, ...kept], fromFile: fileSites.length, fromDb: kept.length, replaced: dbSites.length - kept.length };
}
