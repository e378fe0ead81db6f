/**
 * The in-memory division registry: look-ups by code and by name (with aliases and short forms), paths,
 * and a lazy fuzzy index. Built from rows (package JSON or the `divisions` table); no I/O here.
 */
import { FuzzyIndex, type FuzzyHit } from './fuzzy-index.ts';
import { PLACEHOLDER_NAMES, GENERIC_NAMES, aliasesOf, shortFormOf } from './names.ts';
import type { DivisionColumns, DivisionEntry, DivisionLevel, RegistrySource } from './types.ts';

export type NameMatch = 'exact' | 'alias' | 'short';

export interface NamedEntry {
  entry: DivisionEntry;
  match: NameMatch;
}

export function levelOfCode(code: string): DivisionLevel | null {
  switch (code.length) {
    case 2: return 'province';
    case 4: return 'city';
    case 6: return 'county';
    case 9: return 'township';
    default: return null;
  }
}

export class DivisionRegistry {
  readonly source: RegistrySource;
  private readonly byCode = new Map<string, DivisionEntry>();
  private readonly byName = new Map<string, NamedEntry[]>();
  private readonly fuzzyIndex = new FuzzyIndex<DivisionEntry>();
  private byParent: Map<string, DivisionEntry[]> | null = null;

  constructor(entries: Iterable<DivisionEntry>, source: RegistrySource) {
    this.source = source;
    for (const e of entries) this.byCode.set(e.code, e);
    for (const e of this.byCode.values()) this.indexNames(e);
  }

  private indexNames(e: DivisionEntry): void {
    if (PLACEHOLDER_NAMES.has(e.name) || GENERIC_NAMES.has(e.name) || e.name.length < 2) return;
    const parent = e.parentCode ? this.byCode.get(e.parentCode) : undefined;
    // 东莞市 (city 4419) has a county-level twin 东莞市 (441900); the name means the city.
    if (parent && parent.name === e.name) return;
    this.addName(e.name, e, 'exact');
    this.fuzzyIndex.add(e.name, e);
    if (e.level === 'township') {
      for (const a of aliasesOf(e.name)) {
        this.addName(a, e, 'alias');
        this.fuzzyIndex.add(a, e);
      }
    } else if (e.level === 'city' || e.level === 'county') {
      const short = shortFormOf(e.name);
      if (short) this.addName(short, e, 'short');
    }
  }

  private addName(name: string, entry: DivisionEntry, match: NameMatch): void {
    const list = this.byName.get(name);
    if (!list) this.byName.set(name, [{ entry, match }]);
    else if (!list.some((x) => x.entry.code === entry.code)) list.push({ entry, match });
  }

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): DivisionEntry | undefined {
    return this.byCode.get(code);
  }

  entries(): IterableIterator<DivisionEntry> {
    return this.byCode.values();
  }

  /** Entries whose name, alias or short form is exactly `name`. */
  lookup(name: string): readonly NamedEntry[] {
    return this.byName.get(name) ?? [];
  }

  /** Entries whose name or alias is one edit away from `name` (never an exact match). */
  near(name: string): FuzzyHit<DivisionEntry>[] {
    return this.fuzzyIndex.near(name);
  }

  /** Entries directly under `code`. */
  children(code: string): readonly DivisionEntry[] {
    if (!this.byParent) {
      this.byParent = new Map();
      for (const e of this.byCode.values()) {
        if (!e.parentCode) continue;
        const l = this.byParent.get(e.parentCode);
        if (l) l.push(e);
        else this.byParent.set(e.parentCode, [e]);
      }
    }
    return this.byParent.get(code) ?? [];
  }

  /** Ancestors from the province down, excluding the entry itself. */
  ancestors(code: string): DivisionEntry[] {
    const out: DivisionEntry[] = [];
    let cur = this.byCode.get(code);
    while (cur?.parentCode) {
      cur = this.byCode.get(cur.parentCode);
      if (cur) out.unshift(cur);
    }
    return out;
  }

  /** Names from the province down to the entry, placeholders left out (`北京市/朝阳区`). */
  path(code: string): string {
    const e = this.byCode.get(code);
    if (!e) return '';
    const names = [...this.ancestors(code), e].filter((x) => !PLACEHOLDER_NAMES.has(x.name)).map((x) => x.name);
    // 东莞市's county-level twin would print 广东省/东莞市/东莞市.
    return names.filter((n, i) => n !== names[i - 1]).join('/');
  }

  /** Province, city, county and township names of a division (placeholders and levels below it are null). */
  columns(code: string): DivisionColumns {
    const out: DivisionColumns = { province: null, city: null, county: null, township: null };
    const e = this.byCode.get(code);
    if (!e) return out;
    for (const x of [...this.ancestors(code), e]) {
      if (!PLACEHOLDER_NAMES.has(x.name)) out[x.level] = x.name;
    }
    return out;
  }

  /** True when `code` is `ancestor` or lies inside it. */
  within(code: string, ancestor: string): boolean {
    return code.startsWith(ancestor) && this.byCode.has(ancestor);
  }
}

/**
 * Turns a site registry's division code (2–12 digits, trailing zeros allowed: `410526`, `410526000000`,
 * `410500`) into the code of a registry entry, or null when nothing in the registry matches.
 */
export function normalizeDivisionCode(raw: string | null | undefined, registry: DivisionRegistry): string | null {
  if (!raw) return null;
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 2 || digits.length > 12) return null;
  const d = digits.padEnd(12, '0');
  const parts = [d.slice(0, 2), d.slice(0, 4), d.slice(0, 6), d.slice(0, 9)];
  const isZero = (s: string): boolean => /^0+$/.test(s);
  let depth = 0;
  if (!isZero(d.slice(2, 4))) depth = 1;
  if (!isZero(d.slice(4, 6))) depth = 2;
  if (!isZero(d.slice(6, 9))) depth = 3;
  for (let i = depth; i >= 0; i--) if (registry.get(parts[i])) return parts[i];
  return null;
}
