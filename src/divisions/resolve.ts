/**
 * Who issued a report: resolves the body name (`新乡市牧野区花园办事处`, `涑水县其中口乡`, `洪泽区卫生健康局`) to
 * a division of the registry, a level and a kind. Pure: the registry is passed in.
 *
 * Policy (precision first): a name the registry knows exactly is accepted when it is the only place that
 * fits the name chain, the site's division and the text; a misspelt or re-designated name (`涑水县` for
 * 涞水县) only when context confirms it. Several places left → unresolved, with the candidates and a warning.
 */
import { ok, warn, type Message, type Result } from '../model/result.ts';
import { chainFit } from './context.ts';
import { candidate, decide, listOf, type Cand, type Ctx } from './decide.ts';
import { classifyRest, kindOfPlaceName } from './kind.ts';
import { ZONE_SUFFIX, adminSuffix, aliasesOf, normalizeName } from './names.ts';
import { normalizeDivisionCode, type DivisionRegistry } from './registry.ts';
import { plausibleMisspelling } from './similar.ts';
import { parseName, variantEntries, type NameToken } from './tokenize.ts';
import { hostLabels } from './url-hints.ts';
import type { BodyKind, DivisionEntry, Resolution, ResolveInput } from './types.ts';
import { withoutPlace } from './without-place.ts';

/**
 * Version of the resolution rules. Bump it when a change can alter a resolution, so stored reports are
 * resolved again (the pipeline keys its parse stage on the registry version plus this).
 */
export const RESOLVER_VERSION = '1';

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
  if (cls.kind === 'unknown') return misspeltRest(cands, target.text, rest, ctx);
  const { chosen, left } = decide(cands, target.text, ctx);
  if (!chosen) return ok({ division: null, candidates: listOf(left.map((c) => c.entry), registry), kind, ...dept }, warnings);
  const e = chosen.entry;
  const division = { code: e.code, name: e.name, level: e.level };
  return ok({ division, candidates: [candidate(e, registry)], kind: kindFor(e.name), ...dept }, warnings);
}

/** A unit under the place that `rest` misspells by one character (`涞水县其中口相` → 其中口乡), when the place is certain. */
function misspeltRest(cands: Cand[], targetText: string, rest: string, ctx: Ctx): Result<Resolution> {
  const { registry, warnings } = ctx;
  const scratch: Ctx = { ...ctx, warnings: [] };
  const parent = decide(cands, targetText, scratch).chosen?.entry;
  const core = rest.replace(/(人民政府|政府)$/, '');
  const hits = !parent || [...core].length < 3 ? [] : registry.children(parent.code).filter((ch) =>
    [ch.name, ...aliasesOf(ch.name)].some((n) => plausibleMisspelling(core, n)));
  if (hits.length !== 1) {
    warnings.push(...scratch.warnings, warn('division.unknown_rest', `${rest} after ${targetText} is neither a place, a department nor 人民政府`));
    return ok({ division: null, candidates: parent ? [candidate(parent, registry)] : [], kind: 'unknown' }, warnings);
  }
  const e = hits[0];
  warnings.push(warn('division.variant', `read ${rest} as ${registry.path(e.code)}`, { level: 'info' }));
  return ok({ division: { code: e.code, name: e.name, level: e.level }, candidates: [candidate(e, registry)], kind: kindOfPlaceName(e.name) }, warnings);
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
  const context = `${input.title ?? ''}\n${input.text ?? ''}`.trim();
  const ctx: Ctx = { registry, site, context, hostLabels: hostLabels(input.url), warnings };
  const parsed = parseName(name, registry);
  if (parsed.tokens.length === 0) return withoutPlace(parsed.rest, ctx);
  return resolveTokens(parsed.tokens, parsed.rest, ctx);
}
