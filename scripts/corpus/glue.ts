/**
 * Glued digits (平潭: every cell of a row concatenated): in how many ways can a digit string be cut into the
 * row's numbers so that the row's sum rules hold? A row is recoverable only when exactly one cut exists.
 */

/** Ways to cut `digits` into `n` non-negative integers (no leading zeros) accepted by `ok`, counting up to `limit`. */
export function countSplits(digits: string, n: number, ok: (parts: number[]) => boolean, limit = 2): number {
  let found = 0;
  const parts: number[] = [];
  const walk = (pos: number): void => {
    if (found >= limit) return;
    if (parts.length === n) {
      if (pos === digits.length && ok(parts)) found++;
      return;
    }
    const left = n - parts.length;
    for (let len = 1; len <= 9 && pos + len <= digits.length - (left - 1); len++) {
      const piece = digits.slice(pos, pos + len);
      if (piece.length > 1 && piece[0] === '0') break;
      parts.push(Number(piece));
      walk(pos + len);
      parts.pop();
    }
  };
  walk(0);
  return found;
}

/** s3 row: six parts then their total. */
export const s3RowOk = (p: number[]): boolean => p[6] === p.slice(0, 6).reduce((s, x) => s + x, 0);

/** s4 row: three groups of four parts and a total. */
export const s4RowOk = (p: number[]): boolean =>
  [0, 5, 10].every((g) => p[g + 4] === p[g]! + p[g + 1]! + p[g + 2]! + p[g + 3]!);

export const anySplit = (): boolean => true;

/** sum(plus) = sum(minus) over codes (the generator's rules.ts equations, plus pseudo codes for quoted numbers). */
interface LinearRule { plus: string[]; minus: string[] }

export type JointResult = { kind: 'solved'; solutions: number; undecided: string[] } | { kind: 'too_many'; worst: number };

/** Every split of `digits` into `n` numbers with no leading zeros, up to `limit` of them. */
function allSplits(digits: string, n: number, limit: number): number[][] | null {
  const out: number[][] = [];
  const parts: number[] = [];
  const walk = (pos: number): boolean => {
    if (parts.length === n) {
      if (pos === digits.length) out.push([...parts]);
      return out.length < limit;
    }
    for (let len = 1; len <= 9 && pos + len <= digits.length - (n - parts.length - 1); len++) {
      const piece = digits.slice(pos, pos + len);
      if (piece.length > 1 && piece[0] === '0') break;
      parts.push(Number(piece));
      const go = walk(pos + len);
      parts.pop();
      if (!go) return false;
    }
    return true;
  };
  return walk(0) ? out : null;
}

/**
 * Glued rows (each: its codes and its digits, the cells in printed order) split jointly under `rules`, the
 * other cells taken from `known`: the codes of the rows the surviving combinations split in more than one way. A brute-force search
 * (the generator's own, independent of the parser's): rows whose splits are too many, or a search past its
 * budget, give `too_many` naming the row with the most splits.
 */
export function jointSplits(rows: { codes: string[]; digits: string }[], known: Record<string, number | null>, rules: LinearRule[], budget = 300_000): JointResult {
  const cands = rows.map((r) => allSplits(r.digits, r.codes.length, 3000));
  const sizes = cands.map((c) => c?.length ?? Infinity);
  const worst = sizes.indexOf(Math.max(...sizes));
  if (cands.some((c) => c === null)) return { kind: 'too_many', worst };
  const glued = new Set(rows.flatMap((r) => r.codes));
  const value: Record<string, number | null> = { ...known };
  for (const c of glued) value[c] = null;
  const holds = (rule: LinearRule): boolean => {
    let p = 0, m = 0, up = 0, um = 0;
    for (const c of rule.plus) { const x = value[c]; if (x == null) up++; else p += x; }
    for (const c of rule.minus) { const x = value[c]; if (x == null) um++; else m += x; }
    if (up === 0 && um === 0) return p === m;
    return !(up === 0 && p < m) && !(um === 0 && m < p);
  };
  const relevant = rules.filter((r) => [...r.plus, ...r.minus].some((c) => glued.has(c)) && [...r.plus, ...r.minus].every((c) => c in value));
  const seen = rows.map(() => new Set<string>());
  let nodes = 0;
  let solutions = 0;
  const order = rows.map((_, i) => i).sort((a, b) => sizes[a]! - sizes[b]!);
  const walk = (k: number): boolean => {
    if (k === order.length) {
      solutions++;
      rows.forEach((r, i) => seen[i]!.add(r.codes.map((c) => value[c]).join(',')));
      return true;
    }
    const i = order[k]!;
    for (const split of cands[i]!) {
      if (++nodes > budget) return false;
      rows[i]!.codes.forEach((c, j) => { value[c] = split[j]!; });
      if (relevant.every(holds) && !walk(k + 1)) return false;
    }
    rows[i]!.codes.forEach((c) => { value[c] = null; });
    return true;
  };
  if (!walk(0)) return { kind: 'too_many', worst };
  // A row is split only when every surviving combination splits it the same way (the parser's rule too).
  return { kind: 'solved', solutions, undecided: rows.flatMap((r, i) => (seen[i]!.size > 1 ? r.codes : [])) };
}
