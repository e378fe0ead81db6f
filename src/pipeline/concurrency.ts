/** Runs `fn` over items with at most `n` in flight; stops taking new items once `signal` is aborted. */
export async function forEachConcurrent<T>(
  items: readonly T[],
  n: number,
  fn: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<{ started: number }> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, lane));
  return { started: next };
}

/** Lets timers and signal handlers run between synchronous units of work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
