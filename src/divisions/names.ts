/**
 * Name handling shared by the registry and the resolver: normalisation, the suffixes that end an
 * administrative name, aliases (花园街道 ↔ 花园办事处), renamed suffixes (乡 → 镇, 县 → 区) and edit distance.
 * Pure functions, no registry access.
 */

/** Placeholder names of the registry that name no place (市辖区 of a municipality, 省直辖县级行政区划, …). */
export const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** Registry names too generic to look up on their own (a township literally named 城区 or 街道). */
export const GENERIC_NAMES = new Set(['街道', '城区', '郊区', '矿区', '新区', '开发区', '市辖区', '县', '社区']);

/**
 * Endings of an administrative unit's name, longest first. A token the registry does not know but that ends
 * in one of these is treated as a (possibly misspelt) place name.
 */
export const ADMIN_SUFFIXES = [
  '街道办事处', '民族乡', '办事处', '自治州', '自治县', '自治旗', '自治区', '街道', '苏木', '地区',
  '省', '市', '州', '盟', '县', '区', '旗', '镇', '乡',
];

/** Endings that mean the body is a development zone or park rather than a division. */
export const ZONE_SUFFIX = /(开发区|园区|新区|工业区|示范区|产业区|风景区|景区|管理区|保护区|试验区|实验区|合作区)(管理委员会|管委会)?$/;

/** Suffix changes that happen when a place is re-designated (乡改镇, 撤县设区, 镇改街道, 撤县设市). */
const RENAMES: Record<string, string[]> = {
  乡: ['镇'],
  镇: ['乡', '街道'],
  街道: ['镇'],
  县: ['区', '市'],
  区: ['县', '市'],
  市: ['区', '县'],
};

export function adminSuffix(name: string): string | null {
  for (const s of ADMIN_SUFFIXES) if (name.endsWith(s) && name.length > s.length) return s;
  return null;
}

/**
 * Normalises a name or title as read from a document: NFKC (full-width → ASCII), no whitespace, no markdown
 * or quoting, no leading 中共, and nothing from a year or `政府信息公开` onwards.
 */
export function normalizeName(raw: string): string {
  let s = raw.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  s = s.replace(/[#*_`>|"'“”‘’《》〈〉「」『』【】\[\]]/g, '');
  s = s.replace(/^((19|20)\d{2}年度?|中共|关于)+/, '');
  const cut = s.search(/((19|20)\d{2}年?|\d{4}年度|关于|政府信息公开|政务公开|信息公开|年度报告|工作报告|工作年度)/);
  if (cut >= 0) s = s.slice(0, cut);
  // 北京市朝阳区人民政府建外街道办事处: the street office's official name carries its district government.
  s = s.replace(/(区|县|市|旗)人民政府(?=.{2,}(街道办事处|办事处)$)/, '$1');
  return s.replace(/^[-—:：,，.。、;；!！?？()（）]+|[-—:：,，.。、;；!！?？]+$/g, '');
}

/**
 * Other spellings under which a registry name appears in report titles: a 街道 is also `X街道办事处` and
 * `X办事处`; a registry `X街道办事处` is also `X街道` and `X办事处`.
 */
export function aliasesOf(name: string): string[] {
  const out: string[] = [];
  let core: string | null = null;
  if (name.endsWith('街道办事处')) core = name.slice(0, -5);
  else if (name.endsWith('街道')) core = name.slice(0, -2);
  else if (name.endsWith('办事处')) core = name.slice(0, -3);
  if (core && core.length >= 1) {
    for (const v of [`${core}街道`, `${core}街道办事处`, `${core}办事处`]) if (v !== name) out.push(v);
  }
  return out;
}

/**
 * Short forms of city and county names used before a lower unit (`新乡` in `新乡牧野区`). Only names whose
 * short form keeps at least two characters.
 */
export function shortFormOf(name: string): string | null {
  const m = /^(.{2,}?)(自治州|自治县|自治旗|地区|市|州|盟|县|区|旗)$/.exec(name);
  return m ? m[1] : null;
}

/** The same place under a re-designated suffix (`其中口乡` → `其中口镇`). */
export function renamedForms(name: string): string[] {
  const suffix = adminSuffix(name);
  if (!suffix || !RENAMES[suffix]) return [];
  const core = name.slice(0, -suffix.length);
  if (core.length < 2) return [];
  return RENAMES[suffix].map((s) => core + s);
}

/**
 * Whether an unknown name is long enough to be taken for a misspelt place name: three characters, or two
 * for a county-level name (嵩县 misread as 蒿县) unless it is an everyday word (社区, 城区, 我县).
 */
export function variantWorthy(name: string): boolean {
  const cs = [...name];
  if (cs.length >= 3) return adminSuffix(name) !== null;
  return cs.length === 2 && /[县区市旗]/.test(cs[1]) && !COMMON_FIRST.has(cs[0]);
}
const COMMON_FIRST = new Set([...'社城园景市县新辖片校库山矿湖林牧垦郊街小地全该本我各两三区乡镇省']);

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= B.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[B.length];
}

/** A name worth searching for in running text: distinctive enough not to occur inside ordinary words. */
export function searchableInText(name: string): boolean {
  return name.length >= 3 && !PLACEHOLDER_NAMES.has(name) && !GENERIC_NAMES.has(name);
}
