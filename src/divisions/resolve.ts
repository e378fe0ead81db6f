/**
 * Who issued a report: resolves the body name (`新乡市牧野区花园办事处`, `涑水县其中口乡`, `洪泽区卫生健康局`) to
 * a division of the registry, a level and a kind. Pure: the registry is passed in.
 *
 * Policy (precision first): a name the registry knows exactly is accepted when it is the only place that
 * fits the name chain, the site's division and the text; a misspelt or re-designated name (`涑水县` for
 * 涞水县) only when context confirms it. Several places left → unresolved, with the candidates and a warning.
 */
import { ok, warn, type Message, type Result } from '../model/result.ts';
import { chainFit, siteRelation, textMentions, type ChainFit } from './context.ts';
import { classifyRest, kindOfPlaceName } from './kind.ts';
import { ZONE_SUFFIX, adminSuffix, isConfusableVariant, normalizeName } from './names.ts';
import { normalizeDivisionCode, type DivisionRegistry } from './registry.ts';
import { parseName, variantEntries, type NameToken } from './tokenize.ts';
import type { BodyKind, DivisionCandidate, DivisionEntry, Resolution, ResolveInput } from './types.ts';

const MAX_CANDIDATES = 20;

interface Cand {
  entry: DivisionEntry;
  match: 'exact' | 'alias' | 'variant' | 'renamed';
  fit: ChainFit;
}

interface Ctx {
  registry: DivisionRegistry;
  site: string | null;
  context: string;
  warnings: Message[];
}

function candidate(e: DivisionEntry, registry: DivisionRegistry): DivisionCandidate {
  return { code: e.code, name: e.name, level: e.level, path: registry.path(e.code) };
}

function listOf(cands: DivisionEntry[], registry: DivisionRegistry): DivisionCandidate[] {
  return cands.slice(0, MAX_CANDIDATES).map((e) => candidate(e, registry));
}

/** The name to resolve: the body, else the title, else the first short line of the text. */
export function pickName(input: ResolveInput): string {
  for (const s of [input.body, input.title]) {
    const n = s ? normalizeName(s) : '';
    if (n) return n;
  }
  for (const line of (input.text ?? '').split('\n').slice(0, 8)) {
    const n = normalizeName(line);
    if (n && n.length <= 40) return n;
  }
  return '';
}

function fitAll(list: Omit<Cand, 'fit'>[], prior: NameToken[], registry: DivisionRegistry): Cand[] {
  const out: Cand[] = [];
  for (const c of list) {
    const fit = chainFit(prior, c.entry, registry);
    if (fit) out.push({ ...c, fit });
  }
  return out;
}

/** Candidates for the last token that fit the tokens before it; variants only when no exact name fits. */
function candidatesFor(tokens: NameToken[], registry: DivisionRegistry): { cands: Cand[]; tried: DivisionEntry[] } {
  const target = tokens[tokens.length - 1];
  const prior = tokens.slice(0, -1);
  const exact = target.entries
    .filter((n) => n.match !== 'short')
    .map((n) => ({ entry: n.entry, match: n.match as 'exact' | 'alias' }));
  const fitted = fitAll(exact, prior, registry);
  if (fitted.length > 0) return { cands: fitted, tried: exact.map((c) => c.entry) };
  const variants = variantEntries(target.text, registry).map((v) => ({
    entry: v.entry,
    match: v.renamed ? ('renamed' as const) : ('variant' as const),
  }));
  return { cands: fitAll(variants, prior, registry), tried: [...exact, ...variants].map((c) => c.entry) };
}

const isVariant = (c: Cand): boolean => c.match === 'variant' || c.match === 'renamed';

/** Picks one candidate or none (with the warning that says why). */
function decide(cands: Cand[], targetText: string, ctx: Ctx): { chosen: Cand | null; left: Cand[] } {
  const { registry, site, context, warnings } = ctx;
  let left = cands;
  if (site) {
    const inside = left.filter((c) => siteRelation(c.entry, site) !== 'outside');
    if (inside.length === 0) {
      warnings.push(warn('division.site_mismatch', `no place named ${targetText} lies in the site's division ${site}`));
      return { chosen: null, left };
    }
    left = inside;
  }
  if (left.length > 1) {
    const supported = left.filter((c) => textMentions(c.entry, context, registry, isVariant(c)).length > 0);
    if (supported.length > 0 && supported.length < left.length) {
      const names = supported.length === 1 ? `chose ${registry.path(supported[0].entry.code)}` : `kept ${supported.length} places`;
      warnings.push(warn('division.text_context', `${targetText}: ${names} from names in the text`, { level: 'info' }));
      left = supported;
    }
  }
  if (left.length > 1 && left.every(isVariant)) {
    // 沐阳县 with 宿迁市 in the text: 沭阳县 and 泗阳县 fit; 沭 is the one that looks like 沐.
    const close = left.filter((c) => isConfusableVariant(targetText, c.entry.name));
    if (close.length === 1) left = close;
  }
  if (left.length > 1) {
    warnings.push(warn('division.ambiguous', `${left.length} places are named ${targetText}; context does not decide`));
    return { chosen: null, left };
  }
  const c = left[0];
  if (isVariant(c)) {
    const confirmed = c.fit.anchored || site !== null || textMentions(c.entry, context, registry, true).length > 0;
    if (!confirmed) {
      warnings.push(warn('division.unconfirmed_variant', `${targetText} is not in the registry; ${c.entry.name} is close but nothing confirms it`));
      return { chosen: null, left };
    }
    const code = c.match === 'renamed' ? 'division.renamed' : 'division.variant';
    warnings.push(warn(code, `read ${targetText} as ${registry.path(c.entry.code)}`, { level: 'info' }));
  } else if (!c.fit.anchored && !site && contradicted(c, targetText, ctx)) {
    return { chosen: null, left };
  }
  if (c.fit.variant) warnings.push(warn('division.variant', `a place name before ${targetText} is misspelt`, { level: 'info' }));
  return { chosen: c, left };
}

/** An exact name with no support while the text names the home of a one-edit variant (汝阳县 read for 沭阳县). */
function contradicted(c: Cand, targetText: string, ctx: Ctx): boolean {
  if (!ctx.context || textMentions(c.entry, ctx.context, ctx.registry, false).length > 0) return false;
  const rivals = variantEntries(targetText, ctx.registry).filter(
    (v) => v.entry.code !== c.entry.code && textMentions(v.entry, ctx.context, ctx.registry, true).length > 0,
  );
  if (rivals.length === 0) return false;
  ctx.warnings.push(warn('division.context_conflict', `the text points to ${ctx.registry.path(rivals[0].entry.code)}, not ${ctx.registry.path(c.entry.code)}`));
  return true;
}

/** A body name with no place in it (`卫生健康局`, `县人民政府办公室`): the site's division, when it fits. */
function withoutPlace(rest: string, ctx: Ctx): Result<Resolution> {
  const { registry, site, warnings } = ctx;
  const m = /^(省|市|县|区|旗|镇|乡|街道)?(.*)$/.exec(rest)!;
  const generic = m[1] ?? '';
  const cls = classifyRest(m[2] || '人民政府');
  const kind: BodyKind = cls.unknownPlace ? cls.kind! : cls.kind ?? 'unknown';
  const base: Resolution = { division: null, candidates: [], kind, ...(cls.department ? { department: cls.department } : {}) };
  if (cls.unknownPlace) {
    warnings.push(warn('division.not_found', `no place named ${cls.unknownPlace} in the registry`));
    return ok(base, warnings);
  }
  const e = site ? registry.get(site) : undefined;
  if (!e) {
    warnings.push(warn('division.no_place_name', `${rest} names no place and the site's division is unknown`));
    return ok(base, warnings);
  }
  const fits = generic === '' || (generic === '省' ? e.level === 'province' : e.name.endsWith(generic));
  if (!fits) {
    warnings.push(warn('division.site_mismatch', `${rest} does not fit the site's division ${registry.path(e.code)}`));
    return ok(base, warnings);
  }
  warnings.push(warn('division.from_site', `${rest}: division taken from the site (${registry.path(e.code)})`, { level: 'info' }));
  return ok({ ...base, division: { code: e.code, name: e.name, level: e.level }, candidates: [candidate(e, registry)] }, warnings);
}

function resolveTokens(tokens: NameToken[], rest: string, ctx: Ctx): Result<Resolution> {
  const { registry, warnings } = ctx;
  const target = tokens[tokens.length - 1];
  const { cands, tried } = candidatesFor(tokens, registry);
  if (cands.length === 0 && tokens.length > 1 && (ZONE_SUFFIX.test(target.text) || !adminSuffix(target.text))) {
    // 洪泽区经济开发区管理委员会: a zone (or farm, park) of 洪泽区, not a division of its own.
    return resolveTokens(tokens.slice(0, -1), target.text + rest, ctx);
  }
  const cls = classifyRest(rest);
  const kindFor = (name: string): BodyKind =>
    cls.kind === 'department' || cls.kind === '街道办事处' ? cls.kind : kindOfPlaceName(name);
  const kind = kindFor(target.text);
  const dept = cls.department ? { department: cls.department } : {};
  if (cls.unknownPlace) {
    warnings.push(warn('division.not_found', `no place named ${cls.unknownPlace} under ${target.text}`));
    return ok({ division: null, candidates: [], kind: cls.kind ?? 'unknown' }, warnings);
  }
  if (cands.length === 0) {
    const code = tried.length > 0 ? 'division.chain_conflict' : 'division.not_found';
    warnings.push(warn(code, tried.length > 0 ? `no ${target.text} lies in the places the name gives before it` : `no place named ${target.text} in the registry`));
    return ok({ division: null, candidates: listOf(tried, registry), kind, ...dept }, warnings);
  }
  const { chosen, left } = decide(cands, target.text, ctx);
  if (!chosen) return ok({ division: null, candidates: listOf(left.map((c) => c.entry), registry), kind, ...dept }, warnings);
  const e = chosen.entry;
  const division = { code: e.code, name: e.name, level: e.level };
  return ok({ division, candidates: [candidate(e, registry)], kind: kindFor(e.name), ...dept }, warnings);
}

export function resolveBody(input: ResolveInput, registry: DivisionRegistry): Result<Resolution> {
  const warnings: Message[] = [];
  const name = pickName(input);
  if (!name) {
    warnings.push(warn('division.no_body', 'no body name, title or first line to resolve'));
    return ok({ division: null, candidates: [], kind: 'unknown' }, warnings);
  }
  const site = normalizeDivisionCode(input.siteDivisionCode, registry);
  if (input.siteDivisionCode && !site) {
    warnings.push(warn('division.site_code_unknown', `site division code ${input.siteDivisionCode} is not in the registry`));
  }
  const ctx: Ctx = { registry, site, context: `${input.title ?? ''}\n${input.text ?? ''}`.trim(), warnings };
  const parsed = parseName(name, registry);
  if (parsed.tokens.length === 0) return withoutPlace(parsed.rest, ctx);
  return resolveTokens(parsed.tokens, parsed.rest, ctx);
}
