/**
 * How a portal groups its 年报 lists: one column per organ (the usual case), year sub-columns holding every
 * body's reports of a year (year-subcolumns), or 部门年报 / 乡镇年报 sub-columns under the county column
 * (grouped-subcolumns). Families give each list a URL and render it; the truth of each list is recorded here.
 */
import type { Item, Organ } from './plan.ts';
import type { Portal } from './portal.ts';
import type { ColumnTruth } from './types.ts';

export interface ListDef {
  key: string;
  title: string;
  /** The organ whose list it is (the county for year and group lists). */
  organ: Organ;
  role: ColumnTruth['role'];
  year?: number;
  items: Item[];
  /** Sub-lists linked from this list's page. */
  children: ListDef[];
  /** Under a robots.txt Disallow (robots-report). */
  disallowed: boolean;
}

export interface Layout {
  kind: 'per-organ' | 'year' | 'grouped';
  /** The county government's column (the top list). */
  top: ListDef;
  /** Lists per organ key (per-organ layout: every organ; otherwise only the county). */
  byOrgan: Map<string, ListDef>;
  all: ListDef[];
}

function list(key: string, title: string, organ: Organ, role: ListDef['role'], items: Item[], year?: number): ListDef {
  return { key, title, organ, role, items, children: [], disallowed: false, year };
}

/** Newest first, as CMS lists order them. */
export function byDate(items: Item[]): Item[] {
  return [...items].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.n - a.n));
}

export function makeLayout(portal: Portal, options: { year?: boolean; grouped?: boolean; robotsTarget?: 'township' | 'department' } = {}): Layout {
  const { organs, items } = portal.plan;
  const county = organs[0]!;
  const of = (o: Organ): Item[] => items.filter((i) => i.organ === o);
  const useYear = (options.year ?? true) && portal.has('year-subcolumns');
  const useGrouped = !useYear && (options.grouped ?? true) && portal.has('grouped-subcolumns');
  const byOrgan = new Map<string, ListDef>();
  let top: ListDef;
  let kind: Layout['kind'] = 'per-organ';
  if (useYear) {
    kind = 'year';
    top = list(county.key, '政府信息公开年报', county, 'column', []);
    const years = [...new Set(items.map((i) => i.year))].sort((a, b) => b - a);
    top.children = years.map((y) => list(`y${y}`, `${y}年度`, county, 'year', items.filter((i) => i.year === y), y));
    byOrgan.set(county.key, top);
  } else if (useGrouped) {
    kind = 'grouped';
    top = list(county.key, '政府信息公开年报', county, 'column', of(county));
    const depts = items.filter((i) => i.organ.kind === 'department');
    const towns = items.filter((i) => i.organ.kind === 'township');
    top.children = [list('bmnb', '部门年报', county, 'group', depts), list('xznb', '乡镇（街道）年报', county, 'group', towns)];
    byOrgan.set(county.key, top);
  } else {
    top = list(county.key, '政府信息公开年报', county, 'column', of(county));
    byOrgan.set(county.key, top);
    for (const o of organs.slice(1)) byOrgan.set(o.key, list(o.key, `${o.short}政府信息公开年报`, o, 'column', of(o)));
  }
  const all: ListDef[] = [];
  const walk = (l: ListDef): void => {
    all.push(l);
    l.children.forEach(walk);
  };
  for (const l of byOrgan.values()) walk(l);
  if (portal.has('robots-report')) {
    // One township's list (or the last sub-list) is disallowed: its reports must not be fetched.
    const target = kind === 'per-organ' ? all.filter((l) => l.organ.kind === (options.robotsTarget ?? 'township') && l.items.length > 0).at(-1) : all.filter((l) => l.role !== 'column').at(-1);
    if (target) target.disallowed = true;
  }
  return { kind, top, byOrgan, all };
}

/** Records a list in the truth. */
export function recordList(portal: Portal, l: ListDef, url: string, dataUrl?: string): void {
  portal.addColumn({ url, body: l.organ.body, division: l.organ.division, organKind: l.organ.kind, role: l.role, year: l.year, dataUrl });
}
