/**
 * Chooses among the places a body name could be: the site's division first, then the names in the text,
 * then (for misspelt names only) visual similarity. Nothing is chosen when more than one place is left or
 * when a misspelt name has no context to confirm it.
 */
import { warn, type Message } from '../model/result.ts';
import { countiesMentioned, siteRelation, textMentions, type ChainFit } from './context.ts';
import { adminSuffix } from './names.ts';
import { isConfusableVariant } from './similar.ts';
import { urlMentions } from './url-hints.ts';
import type { DivisionRegistry } from './registry.ts';
import type { DivisionCandidate, DivisionEntry } from './types.ts';

const MAX_CANDIDATES = 20;

export interface Cand {
  entry: DivisionEntry;
  match: 'exact' | 'alias' | 'variant' | 'renamed';
  fit: ChainFit;
}

export interface Ctx {
  registry: DivisionRegistry;
  site: string | null;
  context: string;
  /** Host-name labels of the report's URL (pinyin place names). */
  hostLabels: string[];
  warnings: Message[];
}

/** Names of the candidate's places that the text or the URL's host name mention. */
function support(c: Cand, ctx: Ctx, withOwnName: boolean): string[] {
  return [...textMentions(c.entry, ctx.context, ctx.registry, withOwnName), ...urlMentions(c.entry, ctx.hostLabels, ctx.registry)];
}

export function candidate(e: DivisionEntry, registry: DivisionRegistry): DivisionCandidate {
  return { code: e.code, name: e.name, level: e.level, path: registry.path(e.code) };
}

export function listOf(cands: DivisionEntry[], registry: DivisionRegistry): DivisionCandidate[] {
  return cands.slice(0, MAX_CANDIDATES).map((e) => candidate(e, registry));
}

const isVariant = (c: Cand): boolean => c.match === 'variant' || c.match === 'renamed';

/** Picks one candidate or none (with the warning that says why). */
export function decide(cands: Cand[], targetText: string, ctx: Ctx): { chosen: Cand | null; left: Cand[] } {
  const { registry, site, warnings } = ctx;
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
    const supported = left.filter((c) => support(c, ctx, isVariant(c)).length > 0);
    if (supported.length > 0 && supported.length < left.length) {
      const names = supported.length === 1 ? `chose ${registry.path(supported[0].entry.code)}` : `kept ${supported.length} places`;
      warnings.push(warn('division.text_context', `${targetText}: ${names} from names in the text or the site's host name`, { level: 'info' }));
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
    const confirmed = c.fit.anchored || site !== null || support(c, ctx, true).length > 0;
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

/**
 * An exact name the text argues against: nothing in the text names its county or city, while the text names
 * the home of a one-edit neighbour (汝阳县 read for 沭阳县) or a county elsewhere (the report of a 牛屯镇 of
 * another county, merged away since the registry date, that names its own county).
 */
function contradicted(c: Cand, targetText: string, ctx: Ctx): boolean {
  if (!ctx.context || support(c, ctx, false).length > 0) return false;
  const city = ctx.registry.ancestors(c.entry.code).find((a) => a.level === 'city');
  const elsewhere = countiesMentioned(ctx.context, ctx.registry).filter((x) => !city || !x.code.startsWith(city.code));
  if (elsewhere.length > 0 && c.entry.level === 'township') {
    ctx.warnings.push(warn('division.context_conflict', `the text names ${elsewhere.slice(0, 3).map((x) => ctx.registry.path(x.code)).join(', ')}, not the county of ${ctx.registry.path(c.entry.code)}`));
    return true;
  }
  // Any one-edit neighbour counts here: this check only ever withholds an answer.
  const rivals = ctx.registry.near(targetText).filter(
    (h) => h.item.code !== c.entry.code && adminSuffix(h.name) === adminSuffix(targetText) &&
      textMentions(h.item, ctx.context, ctx.registry, true).length > 0,
  );
  if (rivals.length === 0) return false;
  ctx.warnings.push(warn('division.context_conflict', `the text points to ${ctx.registry.path(rivals[0].item.code)}, not ${ctx.registry.path(c.entry.code)}`));
  return true;
}

