/**
 * Finding row labels in the label stream: every key match is a candidate; the anchors are the longest chain of
 * candidates whose label order matches the template's printed order (a label in a narrative, a repeated
 * header or a preamble cannot break the chain). Among equally long chains, the tightest one wins.
 */
import type { RowLabel } from './labels.ts';

export interface Anchor {
  /** Index of the label in the list searched. */
  idx: number;
  start: number;
  end: number;
}

export function findCandidates(labels: string, list: RowLabel[], from: number, to: number): Anchor[] {
  const text = labels.slice(from, to);
  const raw: Anchor[] = [];
  list.forEach((label, idx) => {
    for (const key of label.keys) {
      for (const m of text.matchAll(globalOf(key))) raw.push({ idx, start: from + m.index!, end: from + m.index! + m[0].length });
    }
  });
  raw.sort((a, b) => a.start - b.start || a.idx - b.idx);
  // Two keys of one label hitting the same printed label (no other label between them) are one candidate.
  const out: Anchor[] = [];
  const open = new Map<number, Anchor>();
  for (const m of raw) {
    const prev = open.get(m.idx);
    const between = prev && raw.some((o) => o.idx !== m.idx && o.start > prev.start && o.start < m.start);
    if (prev && !between && m.start - prev.start < 24) {
      prev.end = Math.max(prev.end, m.end);
      continue;
    }
    const a = { ...m };
    out.push(a);
    open.set(m.idx, a);
  }
  return out;
}

const GLOBAL = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  g.lastIndex = 0;
  return g;
}

/**
 * Longest chain with strictly increasing label index and position. Ties: `tight` → smallest span (a table's
 * own labels rather than a narrative mention before it); `late` → latest start (real headings after a
 * table of contents).
 */
export function bestChain(cands: Anchor[], prefer: 'tight' | 'late' = 'tight'): Anchor[] {
  const n = cands.length;
  if (n === 0) return [];
  const len = new Array<number>(n).fill(1);
  const first = cands.map((c) => c.start);
  const prev = new Array<number>(n).fill(-1);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      const a = cands[k]!;
      const b = cands[j]!;
      if (a.idx >= b.idx || a.end > b.start) continue;
      const l = len[k]! + 1;
      const closer = prev[j]! >= 0 && first[k]! === first[j]! && a.start > cands[prev[j]!]!.start;
      if (l > len[j]! || (l === len[j]! && (first[k]! > first[j]! || closer))) {
        len[j] = l;
        first[j] = first[k]!;
        prev[j] = k;
      }
    }
  }
  let best = 0;
  for (let j = 1; j < n; j++) {
    const span = cands[j]!.start - first[j]!;
    const bestSpan = cands[best]!.start - first[best]!;
    const better = prefer === 'tight' ? span < bestSpan : first[j]! > first[best]!;
    if (len[j]! > len[best]! || (len[j]! === len[best]! && better)) best = j;
  }
  const chain: Anchor[] = [];
  for (let j = best; j >= 0; j = prev[j]!) chain.unshift(cands[j]!);
  return chain;
}

export function findAnchors(labels: string, list: RowLabel[], from = 0, to = labels.length): Anchor[] {
  return bestChain(findCandidates(labels, list, from, to));
}
