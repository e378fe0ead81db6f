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
});
