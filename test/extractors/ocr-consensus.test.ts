// The last word on a value cell: every reading (the page's, the strip re-reads, the one-line re-reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byConsensus } from '../../extractors/ocr-glyphs.ts';

const r = (text: string, model: string, confidence = 90) => ({ text, confidence, model });
const page = { text: '18', confidence: 80 };

test('a number three readings of both models agree on overrules the vote (a digit the strips dropped)', () => {
  const reads = [r('18', 'chi_sim'), r('118', 'eng'), r('118', 'chi_sim'), r('118', 'eng')];
  assert.deepEqual(byConsensus(undefined, page, reads), { text: '118', confidence: 60, kind: 'repaired' });
});

test('the page and its own model\'s re-reads alone do not overrule eng (they share the page\'s mistakes)', () => {
  const first = { text: '350', confidence: 90 };
  const v = { text: '356', confidence: 40, kind: 'disagree' as const };
  const reads = [r('350', 'chi_sim'), r('356', 'eng', 96), r('350', 'chi_sim'), r('356', 'eng', 96)];
  assert.equal(byConsensus(v, first, reads), v);
});

test('a tie, a slash, a dash or an empty cell leaves the vote as it is', () => {
  const tie = [r('18', 'chi_sim'), r('118', 'eng'), r('118', 'chi_sim'), r('18', 'eng')];
  assert.equal(byConsensus(undefined, page, tie), undefined);
  const slash = { text: '/', confidence: 80, kind: 'repaired' as const };
  assert.equal(byConsensus(slash, page, [r('7', 'chi_sim'), r('7', 'eng'), r('7', 'chi_sim'), r('7', 'eng')]), slash);
  assert.equal(byConsensus(undefined, { text: '', confidence: 0 }, [r('5', 'chi_sim'), r('5', 'eng'), r('5', 'chi_sim')]), undefined);
  assert.equal(byConsensus(undefined, { text: '', confidence: 0 }, [r('5', 'chi_sim'), r('5', 'eng'), r('5', 'chi_sim'), r('', 'eng', 0)]), undefined);
});

test('a cell the page read empty is filled when all four re-reads read one number, with a low confidence', () => {
  const v = byConsensus(undefined, { text: '', confidence: 0 }, [r('1', 'chi_sim', 32), r('1', 'eng', 9), r('1', 'chi_sim', 33), r('1', 'eng', 46)]);
  assert.deepEqual(v, { text: '1', confidence: 40, kind: 'repaired' });
});

test('a slash eng re-reads stands where chi_sim and the page read 7, 1 or nothing, unless a number is read surely', () => {
  const seven = { text: '7', confidence: 45 };
  assert.equal(byConsensus(undefined, seven, [r('', 'chi_sim', 0), r('', 'eng', 0), r('7', 'chi_sim', 17), r('/', 'eng', 69)])?.text, '/');
  assert.equal(byConsensus(undefined, { text: '', confidence: 0 }, [r('7', 'chi_sim', 31), r('/', 'eng', 73), r('1', 'chi_sim', 60), r('/', 'eng', 78)])?.text, '/');
  // Two re-reads agree on 7, or one reads it surely: the 7 stands.
  assert.equal(byConsensus(undefined, seven, [r('7', 'chi_sim', 60), r('/', 'eng', 70), r('7', 'chi_sim', 50), r('/', 'eng', 55)]), undefined);
  assert.equal(byConsensus(undefined, seven, [r('7', 'chi_sim', 85), r('/', 'eng', 70)]), undefined);
  // a faint slash eng reads at 45 against a page 1 nothing else reads surely
  assert.equal(byConsensus(undefined, { text: '1', confidence: 24 }, [r('1', 'chi_sim', 24), r('', 'eng', 0), r('', 'chi_sim', 0), r('/', 'eng', 45)])?.text, '/');
  assert.equal(byConsensus(undefined, { text: '1', confidence: 24 }, [r('1', 'chi_sim', 24), r('', 'eng', 0), r('', 'chi_sim', 0), r('/', 'eng', 35)]), undefined, 'fainter: not enough');
});

test('two readings, one per model, overrule the vote when the ink shows their number of digits', () => {
  const reads = [r('1', 'chi_sim', 17), r('', 'eng', 0), r('118', 'chi_sim', 87), r('118', 'eng', 95)];
  assert.equal(byConsensus(undefined, page, reads, 3)?.text, '118');
  assert.equal(byConsensus(undefined, page, reads, 2), undefined, 'the ink shows two digits: the page\'s 18 stands');
  assert.equal(byConsensus(undefined, page, reads), undefined, 'no digit count known');
});

test('a value cell the page read with one Han mark beside its digits (「了13」: a speck before 113) is still a value cell', async () => {
  const { numberWithMark } = await import('../../extractors/ocr-cells.ts');
  assert.ok(numberWithMark('了13'));
  assert.ok(numberWithMark('13了'));
  assert.ok(!numberWithMark('254675元'), 'a unit: the digit re-reads would read it as digits (「25467570」)');
  assert.ok(!numberWithMark('13件'));
  assert.ok(!numberWithMark('1.属于国家秘密'));
  assert.ok(!numberWithMark('第3项'));
  assert.ok(!numberWithMark('13'), 'no mark: a plain value cell already');
});

test('the two one-line re-reads, one per model, overrule the vote where no other number is read twice; a trailing dash is a remnant', () => {
  const line = (text: string, model: string) => ({ text, confidence: 35, model, kind: 'line' as const });
  const strip = (text: string, model: string) => ({ text, confidence: 0, model, kind: 'strip' as const });
  const vote = { text: '237', confidence: 20, kind: 'disagree' as const };
  const p = { text: '237', confidence: 60 };
  assert.equal(byConsensus(vote, p, [strip('', 'chi_sim'), strip('897', 'eng'), line('2887.', 'chi_sim'), line('2887.', 'eng')])?.text, '2887');
  // the same two readings from the strips do not
  assert.equal(byConsensus(vote, p, [strip('2887', 'chi_sim'), strip('2887', 'eng'), line('', 'chi_sim'), line('897', 'eng')])?.text, '237');
  // 「15-」 four times against the page's 315
  const v315 = { text: '315', confidence: 20, kind: 'disagree' as const };
  assert.equal(byConsensus(v315, { text: '315', confidence: 24 }, [strip('15-', 'chi_sim'), strip('15.', 'eng'), line('15-', 'chi_sim'), line('15-', 'eng')])?.text, '15');
});

test('two numbers read equally often: the ink\'s digit count decides when both models read the one that fits', () => {
  const page = { text: '1', confidence: 90 };
  const reads = [
    { text: '11', confidence: 82, model: 'chi_sim', kind: 'strip' as const }, { text: '1', confidence: 48, model: 'eng', kind: 'strip' as const },
    { text: '', confidence: 0, model: 'chi_sim', kind: 'line' as const }, { text: '11', confidence: 72, model: 'eng', kind: 'line' as const },
  ];
  assert.equal(byConsensus(undefined, page, reads, 2)?.text, '11');
  assert.equal(byConsensus(undefined, page, reads, 1), undefined, 'the ink shows one digit: the page stands');
  assert.equal(byConsensus(undefined, page, reads, null), undefined, 'no count: a tie decides nothing');
  const oneModel = reads.map((r) => (r.text === '11' ? { ...r, model: 'eng' } : r.model === 'eng' ? { ...r, model: 'chi_sim' } : r));
  assert.equal(byConsensus(undefined, page, oneModel, 2), undefined, '「11」 read by one model only');
});
