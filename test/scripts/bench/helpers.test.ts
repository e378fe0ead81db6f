import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareByFile, scalingRows } from '../../../scripts/bench/aggregate.ts';
import { parseBenchArgs } from '../../../scripts/bench/args.ts';
import { resultLine } from '../../../scripts/bench/child.ts';
import { summarizeProfile } from '../../../scripts/bench/profile.ts';
import { busyShare, descendants, parseCpuLine, parseStat } from '../../../scripts/bench/proc-tree.ts';
import { median, percentile, perSecond, ratio, summarize } from '../../../scripts/bench/stats.ts';
import { displayWidth, fmtNum, formatTable } from '../../../scripts/bench/table.ts';
import { ConfigError } from '../../../src/model/errors.ts';

test('median and p95 interpolate between ranks; empty and non-finite input give null', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 95), 20);
  assert.equal(percentile([10, 20], 95), 19.5);
  assert.equal(median([]), null);
  assert.equal(median([NaN, 5]), 5);
  assert.throws(() => percentile([1], 101), RangeError);
  const s = summarize([5, 1, 3]);
  assert.deepEqual({ n: s.n, median: s.median, min: s.min, max: s.max, mean: s.mean, sum: s.sum }, { n: 3, median: 3, min: 1, max: 5, mean: 3, sum: 9 });
  assert.equal(ratio(3, 0), null);
  assert.equal(ratio(3, 2), 1.5);
  assert.equal(perSecond(50, 250), 200);
  assert.equal(perSecond(50, 0), null);
});

test('tables align columns, right-align numbers and count CJK characters two columns wide', () => {
  const t = formatTable(['format', 'ms'], [['pdf', '12.5'], ['年报', '3']], ['left', 'right']);
  assert.deepEqual(t.split('\n'), ['format    ms', '------  ----', 'pdf     12.5', '年报       3']);
  assert.equal(displayWidth('年报x'), 5);
  assert.equal(fmtNum(1234.5), '1,235');
  assert.equal(fmtNum(12.34), '12.3');
  assert.equal(fmtNum(1.234), '1.23');
  assert.equal(fmtNum(null), '—');
});

test('bench options: --only is checked against the known sections', () => {
  assert.deepEqual(parseBenchArgs(['--quick', '--only', 'parse,e2e']), { quick: true, only: ['parse', 'e2e'], out: undefined, help: false });
  assert.throws(() => parseBenchArgs(['--only', 'parse,nope']), (e: unknown) => e instanceof ConfigError && e.code === 'bench.bad_section');
  assert.throws(() => parseBenchArgs(['--bogus']), (e: unknown) => e instanceof ConfigError && e.code === 'bench.bad_flag');
});

test('child plumbing: the last result line wins; /proc stat lines with odd command names; process trees', () => {
  assert.deepEqual(resultLine('noise\n@@bench {"result":1}\nmore\n@@bench {"result":2}\n'), { result: 2 });
  assert.throws(() => resultLine('no result here'));
  assert.deepEqual(parseStat('4242 (soffice.bin (x)) S 4200 4242 1 0'), { pid: 4242, ppid: 4200 });
  const pairs = [{ pid: 2, ppid: 1 }, { pid: 3, ppid: 2 }, { pid: 4, ppid: 9 }, { pid: 5, ppid: 3 }];
  assert.deepEqual(descendants(pairs, 2).sort(), [2, 3, 5]);
  const a = parseCpuLine('cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3 4');
  assert.deepEqual(a, { total: 1000, idle: 800 });
  assert.equal(busyShare(a, { total: 2000, idle: 1300 }), 0.5);
});

test('comparisons pair files by name and skip failed reference runs; scaling takes the fastest run per worker count', () => {
  const ours = { format: 'pdf', runs: [
    { file: 'a.pdf', bytes: 1, pages: 2, extractMs: [90, 110], parseMs: [10, 10], outcome: 't2021' },
    { file: 'b.pdf', bytes: 1, pages: 1, extractMs: [40], parseMs: [0], outcome: 't2021' },
    { file: 'c.pdf', bytes: 1, pages: 1, extractMs: [40], parseMs: [0], outcome: 't2021' },
  ] };
  const c = compareByFile(ours, [{ file: 'a.pdf', ms: [50], code: 0 }, { file: 'b.pdf', ms: [20], code: 0 }, { file: 'c.pdf', ms: [1], code: 1 }]);
  assert.deepEqual({ ours: c.oursMs, ref: c.referenceMs, ratio: c.ratio, files: c.files }, { ours: 150, ref: 70, ratio: 150 / 70, files: 2 });
  const run = (workers: number, extract: number) => ({
    args: '', workers, exitCode: 0, wallMs: 0, documents: 10, extracted: 10, extractFailed: 0, parsed: 10, stageMs: { extract }, docMsSum: 9_000, docMsMax: 6_000, cpuMs: null, machineBusyCores: null,
  });
  const { rows } = scalingRows({ name: 'set', runs: [run(1, 10_000), run(2, 7_000), run(4, 7_000), run(1, 12_000), run(2, 9_000), run(4, 6_000)] }, 2);
  assert.deepEqual(rows.map((r) => [r.workers, r.runs, r.speedup?.toFixed(2), r.docsPerSec?.toFixed(2), r.boundMs]), [
    [1, 2, '1.00', '1.00', 9_000], [2, 2, '1.43', '1.43', 6_000], [4, 2, '1.67', '1.67', 6_000],
  ]);
});

test('profile summaries: self time per function, inclusive time counted once per sample', () => {
  const frame = (functionName: string, url = 'file:///r/src/parse/a.ts') => ({ functionName, url, lineNumber: 0 });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2] },
      { id: 2, callFrame: frame('parseReport'), children: [3, 4] },
      { id: 3, callFrame: frame('') },
      { id: 4, callFrame: frame('parseReport'), children: [] },
    ],
    samples: [2, 3, 3, 4],
    timeDeltas: [1000, 2000, 2000, 5000],
  };
  const s = summarizeProfile(profile);
  assert.equal(s.totalMs, 10);
  assert.deepEqual(s.self.map((r) => [r.name, r.ms]), [['parseReport parse/a.ts', 6], ['(anonymous) parse/a.ts', 4]]);
  const inclusive = new Map(s.inclusive.map((r) => [r.name, r.ms]));
  assert.deepEqual([inclusive.get('(root)'), inclusive.get('parseReport parse/a.ts'), inclusive.get('(anonymous) parse/a.ts')], [10, 10, 4]);
});
