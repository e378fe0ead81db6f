/**
 * Context that decides between candidate places: how a place's own name chain fits the tokens before it in
 * the body name, whether the site's division contains it, and which of its ancestors' names the report's
 * title and text mention.
 */
import type { DivisionRegistry } from './registry.ts';
import type { NameToken } from './tokenize.ts';
import { renamedForms, searchableInText, variantWorthy, PLACEHOLDER_NAMES } from './names.ts';
import { plausibleMisspelling } from './similar.ts';
import type { DivisionEntry } from './types.ts';

export interface ChainFit {
  /** Some earlier token named an ancestor exactly. */
  anchored: boolean;
  /** Some earlier token matched an ancestor only through a variant (OCR or typing error, renamed). */
  variant: boolean;
}

function tokenMatches(token: NameToken, a: DivisionEntry): 'exact' | 'variant' | null {
  if (token.entries.some((n) => n.entry.code === a.code)) return 'exact';
  // A name the registry knows is taken as written (东莞市 is not a misspelt 东营市).
  if (token.entries.length > 0 || !variantWorthy(token.text)) return null;
  if (plausibleMisspelling(token.text, a.name)) return 'variant';
  if (renamedForms(token.text).includes(a.name)) return 'variant';
  return null;
}

/**
 * How the tokens before the target fit a candidate's ancestors, in order (province → township). Null when
 * some token names none of them: the name contradicts the candidate.
 */
export function chainFit(prior: readonly NameToken[], candidate: DivisionEntry, registry: DivisionRegistry): ChainFit | null {
  const ancestors = registry.ancestors(candidate.code).filter((a) => !PLACEHOLDER_NAMES.has(a.name));
  const fit: ChainFit = { anchored: false, variant: false };
  let k = 0;
  for (const token of prior) {
    let found = false;
    for (let i = k; i < ancestors.length; i++) {
      const m = tokenMatches(token, ancestors[i]);
      if (!m) continue;
      if (m === 'exact') fit.anchored = true;
      else fit.variant = true;
      k = i + 1;
      found = true;
      break;
    }
    if (!found) return null;
  }
  return fit;
}

export type SiteRelation = 'inside' | 'contains' | 'outside' | 'none';

/** Where a candidate lies relative to the site's own division. */
export function siteRelation(candidate: DivisionEntry, siteCode: string | null): SiteRelation {
  if (!siteCode) return 'none';
  if (candidate.code.startsWith(siteCode)) return 'inside';
  if (siteCode.startsWith(candidate.code)) return 'contains';
  return 'outside';
}

/**
 * Names of the candidate's city and county (and, for a misspelt candidate, its own name) that occur in the text.
 * Only names of three characters or more, so that 和县 does not match 市和县.
 */
export function textMentions(candidate: DivisionEntry, text: string, registry: DivisionRegistry, withOwnName: boolean): string[] {
  if (!text) return [];
  // Province names are too weak ("学习江苏省…经验"), except a municipality's (北京市 is the city too).
  const names = registry.ancestors(candidate.code).filter((a) => a.level !== 'province' || a.name.endsWith('市')).map((a) => a.name);
  if (withOwnName) names.push(candidate.name);
  return names.filter((n) => searchableInText(n) && text.includes(n));
}

const COUNTY_END = new Set([...'县区市旗']);

/** County-level places the text names in full (three characters or more, so 和县 in 市和县 is not one). */
export function countiesMentioned(text: string, registry: DivisionRegistry): DivisionEntry[] {
  const found = new Map<string, DivisionEntry>();
  const cs = [...text];
  for (let i = 2; i < cs.length; i++) {
    if (!COUNTY_END.has(cs[i])) continue;
    for (let len = 3; len <= 8 && len <= i + 1; len++) {
      const name = cs.slice(i - len + 1, i + 1).join('');
      for (const n of registry.lookup(name)) {
        if (n.match === 'exact' && n.entry.level === 'county') found.set(n.entry.code, n.entry);
      }
    }
  }
  return [...found.values()];
}
