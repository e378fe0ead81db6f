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
