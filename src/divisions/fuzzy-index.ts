/**
 * Finds registry names within one edit (substitution, insertion or deletion) of a query, nationwide.
 * Symmetric-deletion index: every name is stored under itself and under each one-character deletion; a
 * query looks up the same keys and each hit is verified with the edit distance. Built lazily on the first
 * query (about 0.2 s for the whole registry), so loading the registry stays fast.
 */
import { editDistance } from './names.ts';

export interface FuzzyHit<T> {
  /** The indexed name that matched. */
  name: string;
  item: T;
  distance: number;
}

function deletions(s: string): string[] {
  const out: string[] = [];
  if (!/[\uD800-\uDFFF]/.test(s)) {
    for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
    return out;
  }
  const cs = [...s];
  for (let i = 0; i < cs.length; i++) out.push(cs.slice(0, i).join('') + cs.slice(i + 1).join(''));
  return out;
}

export class FuzzyIndex<T> {
  private keys: Map<string, number[]> | null = null;
  private readonly names: string[] = [];
  private readonly items: T[] = [];

  add(name: string, item: T): void {
    this.names.push(name);
    this.items.push(item);
    this.keys = null;
  }

  private build(): Map<string, number[]> {
    const keys = new Map<string, number[]>();
    const put = (k: string, i: number): void => {
      const l = keys.get(k);
      if (l === undefined) keys.set(k, [i]);
      else if (l[l.length - 1] !== i) l.push(i);
    };
    this.names.forEach((n, i) => {
      put(n, i);
      for (const d of deletions(n)) put(d, i);
    });
    return keys;
  }

  /** Names at edit distance 1 from `query` (never the exact name itself), closest first. */
  near(query: string): FuzzyHit<T>[] {
    this.keys ??= this.build();
    const seen = new Set<number>();
    const out: FuzzyHit<T>[] = [];
    for (const k of [query, ...deletions(query)]) {
      for (const i of this.keys.get(k) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const d = editDistance(query, this.names[i], 1);
        if (d === 1) out.push({ name: this.names[i], item: this.items[i], distance: d });
      }
    }
    return out;
  }
}
