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
  const open = new Map<number, { a: Anchor; at: number }>();
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i]!;
    const prev = open.get(m.idx);
    if (prev && m.start - prev.a.start < 24 && !otherBetween(raw, prev.at, i, m.idx)) {
      prev.a.end = Math.max(prev.a.end, m.end);
      continue;
    }
    const a = { ...m };
    out.push(a);
    open.set(m.idx, { a, at: i });
  }
  return out;
}

/**
 * Another label's match starting strictly between raw[from] and raw[to] (raw sorted by start): only the
 * entries between the two positions can, so the scan stays within the 24-character window, not the document.
 */
function otherBetween(raw: Anchor[], from: number, to: number, idx: number): boolean {
  const lo = raw[from]!.start;
  const hi = raw[to]!.start;
  for (let k = from + 1; k < to; k++) {
    const o = raw[k]!;
    if (o.idx !== idx && o.start > lo && o.start < hi) return true;
  }
  return false;
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
