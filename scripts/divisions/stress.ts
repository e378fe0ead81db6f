/**
 * Random stress for body resolution (not a labelled set: answers are known by construction). Perturbs real
 * registry names the way OCR and typists do and counts wrong answers. Usage: tsx scripts/divisions/stress.ts [n] [seed]
 */
import { defaultRegistry } from '../../src/divisions/default-registry.ts';
import { resolveBody } from '../../src/divisions/resolve.ts';
import { readingOf } from '../../src/divisions/similar.ts';
import type { DivisionEntry, ResolveInput } from '../../src/divisions/types.ts';

const reg = defaultRegistry();
const n = Number(process.argv[2] ?? 300);
let seed = Number(process.argv[3] ?? 7);
const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const all = [...reg.entries()];
const towns = all.filter((e) => e.level === 'township' && /(镇|乡|街道)$/.test(e.name));
const counties = all.filter((e) => e.level === 'county');
const chars = [...new Set(towns.flatMap((t) => [...t.name.slice(0, -1)]))];
const DEPTS = ['卫生健康局', '教育局', '财政局', '人民政府办公室', '市场监督管理局', '自然资源局', '民政局', '司法局'];

// Misspellings as typists make them: a homophone from the pinyin input method.
const byReading = new Map<string, string[]>();
for (const ch of chars) {
  const r = readingOf(ch);
  if (r) byReading.set(r, [...(byReading.get(r) ?? []), ch]);
}
function mutate(name: string): string {
  const cs = [...name];
  const core = cs.length - (name.endsWith('街道') ? 2 : 1);
  const at = Math.floor(rand() * core);
  const others = (byReading.get(readingOf(cs[at])) ?? []).filter((c) => c !== cs[at]);
  if (others.length > 0) cs[at] = pick(others);
  return cs.join('');
}

type Case = { kind: string; input: ResolveInput; expect: string | null };
const cases: Case[] = [];
for (let i = 0; i < n; i++) {
  const t = pick(towns);
  const c0 = reg.get(t.parentCode!)!;
  const city = reg.get(c0.parentCode!)!;
  // 东莞市 and the like: the county-level twin of a city without counties is the city.
  const c = c0.name === city.name ? city : c0;
  const m = mutate(t.name);
  const literal = m === t.name || reg.lookup(m).length > 0;
  cases.push({ kind: 'town_typo_chain', input: { body: c.name + m + '人民政府' }, expect: literal ? 'skip' : t.code });
  cases.push({ kind: 'town_typo_alone', input: { body: m }, expect: literal ? 'skip' : t.code });
  cases.push({ kind: 'town_typo_text', input: { body: m, text: `${city.name}${c.name}` }, expect: literal ? 'skip' : t.code });
  const other: DivisionEntry = pick(counties);
  cases.push({ kind: 'town_other_text', input: { body: t.name, text: `学习${reg.path(other.code).replace(/\//g, '')}经验` }, expect: t.code });
  cases.push({ kind: 'dept', input: { body: c.name + pick(DEPTS) }, expect: c.code });
  const cm = mutate(c.name);
  cases.push({ kind: 'county_typo', input: { body: cm + '人民政府', text: city.name }, expect: cm === c.name || reg.lookup(cm).length ? 'skip' : c.code });
}
const stats: Record<string, { n: number; right: number; wrong: number; abstain: number }> = {};
const wrong: string[] = [];
for (const k of cases) {
  if (k.expect === 'skip') continue;
  const s = (stats[k.kind] ??= { n: 0, right: 0, wrong: 0, abstain: 0 });
  s.n++;
  const got = resolveBody(k.input, reg).value.division?.code ?? null;
  if (got === null) s.abstain++;
  else if (got === k.expect) s.right++;
  else {
    s.wrong++;
    wrong.push(`${k.kind} ${JSON.stringify(k.input)} expect ${reg.path(k.expect!)} got ${reg.path(got)}`);
  }
}
for (const [k, s] of Object.entries(stats)) {
  const answered = s.right + s.wrong;
  process.stdout.write(`${k.padEnd(16)} n=${s.n} right=${s.right} wrong=${s.wrong} abstain=${s.abstain} precision=${answered ? ((s.right / answered) * 100).toFixed(1) : '-'}%\n`);
}
process.stdout.write(wrong.slice(0, 40).join('\n') + '\n');
if (process.env.SHOW_ABSTAIN) {
  for (const k of cases.filter((c) => c.kind === process.env.SHOW_ABSTAIN && c.expect !== 'skip').slice(0, 60)) {
    const r = resolveBody(k.input, reg);
    if (!r.value.division) process.stdout.write(`${k.input.body} → ${reg.path(k.expect!)} [${r.warnings.map((w) => w.code).join(' ')}] ${r.value.candidates.length}\n`);
  }
}

// Abolished places: a township missing from the registry must not be read as its one-edit sibling.
{
  const { DivisionRegistry } = await import('../../src/divisions/registry.ts');
  const { editDistance } = await import('../../src/divisions/names.ts');
  const removed: DivisionEntry[] = [];
  for (const t of towns) {
    if (removed.length >= 400 || rand() > 0.2) continue;
    const sibs = reg.children(t.parentCode!).filter((s) => s.code !== t.code && editDistance(s.name, t.name, 1) === 1);
    if (sibs.length > 0) removed.push(t);
  }
  const gone = new Set(removed.map((t) => t.code));
  const smaller = new DivisionRegistry([...reg.entries()].filter((e) => !gone.has(e.code)), reg.source);
  let wrongSib = 0;
  const examples: string[] = [];
  for (const t of removed) {
    const c = reg.get(t.parentCode!)!;
    const got = resolveBody({ body: `${c.name}${t.name}人民政府` }, smaller).value.division;
    if (got && got.level === 'township') {
      wrongSib++;
      if (examples.length < 15) examples.push(`${c.name}${t.name} → ${got.name}`);
    }
  }
  process.stdout.write(`abolished        n=${removed.length} read as a sibling=${wrongSib}\n${examples.join('\n')}\n`);
}
