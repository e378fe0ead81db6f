/**
 * Splits a normalised body name into a chain of place-name tokens and a rest
 * (`新乡市牧野区花园办事处` → 新乡市 · 牧野区 · 花园办事处 · rest ``; `洪泽区卫生健康局` → 洪泽区 · rest `卫生健康局`).
 * Tokens are registry names (exact, alias or short form) or unknown names ending in an administrative
 * suffix that are one edit or one re-designation away from a registry name (`涑水县`). The split that covers
 * the most characters with registry names wins (dynamic programming over positions).
 */
import type { DivisionRegistry, NamedEntry } from './registry.ts';
import { adminSuffix, renamedForms, variantWorthy } from './names.ts';
import { plausibleMisspelling } from './similar.ts';
import type { DivisionEntry } from './types.ts';

export type TokenMatch = 'exact' | 'alias' | 'short' | 'variant';

export interface NameToken {
  text: string;
  match: TokenMatch;
  /** Registry entries the text names (exact, alias or short). Empty for a variant. */
  entries: NamedEntry[];
}

export interface ParsedName {
  tokens: NameToken[];
  /** What follows the last token: a kind suffix (人民政府, 办事处), a department, or an unknown name. */
  rest: string;
}

/** Registry entries one plausible misspelling or one re-designated suffix away from `text` (`涑水县` → 涞水县). */
export function variantEntries(text: string, registry: DivisionRegistry): { entry: DivisionEntry; renamed: boolean }[] {
  const out = new Map<string, { entry: DivisionEntry; renamed: boolean }>();
  for (const form of renamedForms(text)) {
    for (const n of registry.lookup(form)) if (n.match !== 'short') out.set(n.entry.code, { entry: n.entry, renamed: true });
  }
  if (variantWorthy(text)) {
    for (const hit of registry.near(text)) {
      // Only a look-alike or homophone in the name (涑水县 may be 涞水县, not 涑水镇 nor 六水县).
      if (adminSuffix(hit.name) !== adminSuffix(text) || !plausibleMisspelling(text, hit.name)) continue;
      if (!out.has(hit.item.code)) out.set(hit.item.code, { entry: hit.item, renamed: false });
    }
  }
  return [...out.values()];
}

const WEIGHT: Record<TokenMatch, number> = { exact: 3, alias: 3, short: 2, variant: 1 };
const MAX_TOKEN = 16;

interface Step {
  score: number;
  token?: NameToken;
  next?: number;
}

function bestMatch(list: readonly NamedEntry[]): TokenMatch {
  if (list.some((n) => n.match === 'exact')) return 'exact';
  if (list.some((n) => n.match === 'alias')) return 'alias';
  return 'short';
}

export function parseName(name: string, registry: DivisionRegistry): ParsedName {
  const chars = [...name];
  const n = chars.length;
  const variantCache = new Map<string, boolean>();
  const hasVariant = (t: string): boolean => {
    let v = variantCache.get(t);
    if (v === undefined) variantCache.set(t, (v = variantWorthy(t) && variantEntries(t, registry).length > 0));
    return v;
  };
  // any[i]: best parse of chars[i..] (may be rest only); tok[i]: best parse that starts with a token.
  const any: Step[] = new Array(n + 1);
  const tok: Step[] = new Array(n + 1);
  any[n] = { score: 0 };
  tok[n] = { score: -Infinity };
  for (let i = n - 1; i >= 0; i--) {
    let best: Step = { score: -Infinity };
    for (let j = i + 2; j <= Math.min(n, i + MAX_TOKEN); j++) {
      const text = chars.slice(i, j).join('');
      const entries = registry.lookup(text);
      let token: NameToken | null = null;
      if (entries.length > 0) token = { text, match: bestMatch(entries), entries: [...entries] };
      else if (hasVariant(text)) token = { text, match: 'variant', entries: [] };
      if (!token) continue;
      // A short form (新乡) only counts when another place name follows it.
      const tail = token.match === 'short' ? tok[j] : any[j];
      const score = WEIGHT[token.match] * (j - i) - 0.01 + tail.score;
      if (score > best.score) best = { score, token, next: j };
    }
    tok[i] = best;
    any[i] = best.score > 0 ? best : { score: 0 };
  }
  const tokens: NameToken[] = [];
  let i = 0;
  while (i < n && any[i].token) {
    tokens.push(any[i].token!);
    i = any[i].next!;
  }
  return { tokens, rest: chars.slice(i).join('') };
}
