/**
 * Place names in a site's host name, read as pinyin (hongze.gov.cn → 洪泽, huaxian.gov.cn → 滑县). A weak
 * hint, used like a name in the text: to choose among candidates and to confirm a misspelt name.
 */
import { pinyin } from 'pinyin-pro';
import { shortFormOf } from './names.ts';
import type { DivisionRegistry } from './registry.ts';
import type { DivisionEntry } from './types.ts';

const GENERIC_LABELS = new Set(['www', 'gov', 'cn', 'com', 'net', 'org', 'zwgk', 'xxgk', 'http', 'https']);
const spelled = new Map<string, string>();

export function pinyinOf(name: string): string {
  let p = spelled.get(name);
  if (p === undefined) {
    p = pinyin(name, { toneType: 'none', type: 'array' }).join('').toLowerCase();
    spelled.set(name, p);
  }
  return p;
}

/** Host labels of a URL that could spell a place (letters only, four or more). */
export function hostLabels(url: string | null | undefined): string[] {
  if (!url) return [];
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  return host.split('.').filter((l) => /^[a-z]{4,}$/.test(l) && !GENERIC_LABELS.has(l));
}

/** Names of the candidate and its county and city whose pinyin is a label of the URL's host. */
export function urlMentions(candidate: DivisionEntry, labels: string[], registry: DivisionRegistry): string[] {
  if (labels.length === 0) return [];
  const places = [...registry.ancestors(candidate.code).filter((a) => a.level === 'city' || a.level === 'county'), candidate];
  return places
    .map((p) => p.name)
    .filter((n) => {
      const forms = [n, shortFormOf(n)].filter((f): f is string => !!f && [...f].length >= 2);
      return forms.some((f) => labels.includes(pinyinOf(f)));
    });
}
