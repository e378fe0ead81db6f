/**
 * The CMS families, by name. `adapter=auto` runs every family on every page (each acts only where its own
 * patterns show); `adapter=<name>` runs the generic reader and that family (plus the scripted reader for the
 * families whose lists are script-built). Adding a family: one module here, one fixture, one test.
 */
import { generic } from './generic.ts';
import { gkmlpt } from './gkmlpt.ts';
import { hanweb } from './hanweb.ts';
import { lonsun } from './lonsun.ts';
import { scripted } from './scripted.ts';
import { slug } from './slug.ts';
import { trs } from './trs.ts';
import { ucap } from './ucap.ts';
import type { CmsFamily } from './types.ts';
import type { AdapterName } from '../types.ts';

export type { CmsFamily } from './types.ts';

/** Every family, generic last (it is the fallback). */
export const FAMILIES: readonly CmsFamily[] = [gkmlpt, hanweb, trs, lonsun, slug, ucap, scripted, generic];

/** The names `adapter=` accepts: auto, or one family. */
export const ADAPTERS = ['auto', 'generic', 'trs', 'hanweb', 'gkmlpt', 'lonsun', 'slug', 'ucap', 'scripted'] as const satisfies readonly AdapterName[];

const WITH_SCRIPTS = new Set(['hanweb', 'ucap', 'gkmlpt', 'lonsun', 'scripted']);

/** The families a site's adapter runs (generic always included, last). */
export function familiesFor(adapter: string): readonly CmsFamily[] {
  if (adapter === 'auto') return FAMILIES;
  const own = FAMILIES.find((f) => f.name === adapter && f !== generic);
  const list: CmsFamily[] = own ? [own] : [];
  if (WITH_SCRIPTS.has(adapter) && own !== scripted) list.push(scripted);
  list.push(generic);
  return list;
}

/** Names of the families whose fingerprint the page shows (generic left out). */
export function fingerprints(page: Parameters<CmsFamily['fingerprint']>[0]): string[] {
  return FAMILIES.filter((f) => f !== generic && f.fingerprint(page)).map((f) => f.name);
}
