/**
 * Which patterns each family can carry, and their assignment to portals: each portal draws some at random,
 * then every pattern no portal drew goes to a portal of a family that can carry it, so every seed shows every
 * pattern (given enough portals).
 */
import type { Rng } from '../corpus/prng.ts';
import { FAMILIES, LATER_PATTERNS, NEWER_PATTERNS, PATTERNS, type Family, type Pattern } from './types.ts';

const ALL = new Set<Family>(FAMILIES);
const only = (...f: Family[]): Set<Family> => new Set(f);

/** Families that can carry each pattern. */
export const CARRIERS: Record<Pattern, Set<Family>> = {
  'deep-hub': ALL,
  redirects: ALL,
  'js-links': only('trs', 'hanweb', 'lonsun', 'slug', 'generic'),
  'form-links': only('trs', 'lonsun', 'slug', 'generic'),
  'script-pager': only('trs', 'slug', 'generic'),
  'post-list': only('hanweb', 'generic'),
  'framed-list': only('generic'),
  'load-more': only('trs', 'slug', 'generic'),
  'json-api': only('trs', 'slug', 'generic'),
  'xhr-only': only('trs', 'generic'),
  'split-report': only('trs', 'lonsun', 'slug', 'generic'),
  viewer: ALL,
  'disguised-attachment': ALL,
  'second-host': ALL,
  'misleading-titles': ALL,
  'trap-pager': only('trs', 'lonsun', 'slug', 'generic'),
  'trap-calendar': ALL,
  'trap-session': only('hanweb', 'lonsun', 'generic'),
  'trap-archive': only('trs', 'lonsun', 'slug', 'generic'),
  'year-subcolumns': only('trs', 'hanweb', 'lonsun', 'slug', 'generic'),
  'grouped-subcolumns': only('trs', 'hanweb', 'slug', 'generic'),
  'robots-report': ALL,
  'crawl-delay': ALL,
  'transient-errors': ALL,
  'js-challenge': ALL,
  gbk: only('trs', 'slug', 'generic'),
  'wap-twins': only('trs', 'hanweb', 'slug', 'generic'),
  mirrors: ALL,
  pre2019: ALL,
  // List-level patterns: the families whose static lists are rendered by families/common.ts listPage.
  'index-table': only('trs', 'lonsun', 'slug', 'generic'),
  'select-pager': only('trs', 'lonsun', 'slug', 'generic'),
  'whitespace-hrefs': only('trs', 'lonsun', 'slug', 'generic'),
  'host-variants': only('trs', 'lonsun', 'slug', 'generic'),
  'attachment-list': ALL,
  'base-href': only('trs', 'lonsun', 'slug', 'generic'),
  'year-headings': only('trs', 'lonsun', 'slug', 'generic'),
  // As gbk: the families whose pages are GBK on real sites.
  'charset-mismatch': only('trs', 'slug', 'generic'),
  'relative-dots': only('trs', 'lonsun', 'slug', 'generic'),
  'title-in-span': only('trs', 'lonsun', 'slug', 'generic'),
};

/** How often a portal draws each pattern on its own (the rest come from the coverage fill). */
const RATE: Partial<Record<Pattern, number>> = {
  'deep-hub': 0.6, redirects: 0.4, 'js-links': 0.4, 'xhr-only': 0.04, 'crawl-delay': 0.05, gbk: 0.2, 'robots-report': 0.1,
  'second-host': 0.35, 'js-challenge': 0.03, 'misleading-titles': 0.5, 'disguised-attachment': 0.45, viewer: 0.35, pre2019: 0.3,
};

/**
 * Patterns of each portal (`families[i]` is portal i's family), restricted to `wanted`. The first set is drawn
 * from `rng`, the later patterns (LATER_PATTERNS) afterwards from `later`, the newer ones (NEWER_PATTERNS) last from
 * `newer`, so adding a set changes no older draw.
 */
export function assignPatterns(rng: Rng, families: Family[], wanted: readonly Pattern[] = PATTERNS, later: Rng = rng, newer: Rng = later): Pattern[][] {
  const isFirst = (p: Pattern): boolean => !LATER_PATTERNS.includes(p) && !NEWER_PATTERNS.includes(p);
  const first = draw(rng, families, wanted.filter(isFirst), families.map(() => []));
  const second = draw(later, families, wanted.filter((p) => LATER_PATTERNS.includes(p)), first);
  const out = draw(newer, families, wanted.filter((p) => NEWER_PATTERNS.includes(p)), second);
  // A portal that needs a browser keeps its other lists static (xhr-only stays rare and contained).
  return out.map((ps) => PATTERNS.filter((p) => ps.includes(p)));
}

function draw(rng: Rng, families: Family[], wanted: readonly Pattern[], before: Pattern[][]): Pattern[][] {
  const out = families.map((f, i) => [...before[i]!, ...wanted.filter((p) => CARRIERS[p].has(f) && rng.chance(RATE[p] ?? 0.25))]);
  for (const p of wanted) {
    if (out.some((ps) => ps.includes(p))) continue;
    const able = families.map((f, i) => (CARRIERS[p].has(f) ? i : -1)).filter((i) => i >= 0);
    if (able.length === 0) continue;
    // The carrier with the fewest patterns so far, ties broken at random.
    const fewest = Math.min(...able.map((i) => out[i]!.length));
    const i = rng.pick(able.filter((j) => out[j]!.length === fewest));
    out[i]!.push(p);
  }
  return out;
}

/** Families for `n` portals: every wanted family in turn (shuffled), so each appears. */
export function assignFamilies(rng: Rng, n: number, wanted: readonly Family[] = FAMILIES): Family[] {
  const out: Family[] = [];
  while (out.length < n) out.push(...rng.shuffle(wanted));
  return out.slice(0, n);
}
