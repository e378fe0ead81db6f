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
  const out: Anchor[] = [];
  list.forEach((label, idx) => {
    const seen: Anchor[] = [];
    for (const key of label.keys) {
      const re = new RegExp(key.source, key.flags.includes('g') ? key.flags : key.flags + 'g');
      for (const m of text.matchAll(re)) {
        const start = from + m.index!;
        const end = start + m[0].length;
        // Two keys of one label hitting the same printed label: keep the earliest start.
        const near = seen.find((a) => Math.abs(a.start - start) < 24);
        if (near) {
          near.start = Math.min(near.start, start);
          near.end = Math.max(near.end, end);
        } else seen.push({ idx, start, end });
      }
    }
    out.push(...seen);
  });
  return out.sort((a, b) => a.start - b.start || a.idx - b.idx);
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
