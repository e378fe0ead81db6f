import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostGate } from '../../crawlers/politeness.ts';

// Lower bounds only: the gate waits at least the interval between the end of one request and the next start.
test('requests to one host start at least 1/rps after the previous one ended, even behind the global cap', async () => {
  const gate = new HostGate({ globalConcurrency: 1, politeness: true });
  gate.configure('a', 20); // 50 ms
  gate.configure('b', 20);
  const starts: Record<string, number[]> = { a: [], b: [] };
  const ends: Record<string, number[]> = { a: [], b: [] };
  const task = (h: string) => async () => {
    starts[h].push(Date.now());
    await new Promise((r) => setTimeout(r, 30));
    ends[h].push(Date.now());
  };
  await Promise.all([...Array(4)].flatMap(() => [gate.run('a', task('a')), gate.run('b', task('b'))]));
  for (const h of ['a', 'b']) {
    for (let i = 1; i < starts[h].length; i++) assert.ok(starts[h][i] - ends[h][i - 1] >= 48, `${h}: ${starts[h]} / ${ends[h]}`);
  }
});

test('crawl delay raises the spacing; pause holds a host; politeness off means no spacing', async () => {
  const gate = new HostGate({ globalConcurrency: 4, politeness: true });
  gate.configure('a', 100, 120);
  const t0 = Date.now();
  await gate.run('a', async () => undefined);
  await gate.run('a', async () => undefined);
  assert.ok(Date.now() - t0 >= 118);
  gate.pause('a', Date.now() + 100);
  const t1 = Date.now();
  await gate.run('a', async () => undefined);
  assert.ok(Date.now() - t1 >= 98);
  const free = new HostGate({ globalConcurrency: 4, politeness: false });
  free.configure('a', 0.01, 60_000);
  await free.run('a', async () => undefined);
  await free.run('a', async () => undefined); // would take 100 s with politeness
});
