import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTESTED_CONFIDENCE, DISAGREE_CONFIDENCE, digitLike, trimPoints, voteCell } from '../../extractors/ocr-vote.ts';

const r = (text: string, confidence = 90) => ({ text, confidence });

test('digitLike maps letters OCR confuses with digits, only in digit-like readings', () => {
  assert.equal(digitLike('4o7'), '407');
  assert.equal(digitLike('l9'), '19');
  assert.equal(digitLike('1 2 1'), '121');
  assert.equal(digitLike('其他'), '其他');
  assert.equal(digitLike('lo'), 'lo');
});

test('trimPoints drops specks read as points at either end of a number', () => {
  assert.equal(trimPoints('0.'), '0');
  assert.equal(trimPoints('.12'), '12');
  assert.equal(trimPoints('3.5'), '3.5');
  assert.equal(trimPoints('.'), '.');
});

test('a page reading both re-reads agree with stands; an unsure one is confirmed', () => {
  assert.equal(voteCell(r('12', 95), r('12'), r('12')), undefined);
  assert.deepEqual(voteCell(r('12', 20), r('12', 90), r('12', 96)), { text: '12', confidence: 80, kind: 'confirmed' });
});

test('garbled and misread page readings are repaired when the re-reads agree', () => {
  assert.deepEqual(voteCell(r('4o7'), r('407'), r('407')), { text: '407', confidence: 80, kind: 'repaired' });
  assert.deepEqual(voteCell(r('118118'), r('118'), r('118')), { text: '118', confidence: 60, kind: 'repaired' });
  // Spaced full-width digits of one number are joined.
  assert.deepEqual(voteCell(r('1 2 1'), r('121'), r('121')), { text: '121', confidence: 80, kind: 'repaired' });
});

test('disagreements keep a low confidence so the parser flags them', () => {
  // The page and its own model agree against eng: the surer re-read wins, contested.
  const v = voteCell(r('0', 83), r('0', 80), r('6', 95));
  assert.deepEqual(v, { text: '6', confidence: CONTESTED_CONFIDENCE, kind: 'disagree' });
  const w = voteCell(r('406', 22), r('40', 79), r('46', 95));
  assert.equal(w?.kind, 'disagree');
  assert.ok(w!.confidence <= DISAGREE_CONFIDENCE);
  // Unchanged text still loses its confidence.
  const u = voteCell(r('-0', 81), r('-0', 81), r('0', 50));
  assert.deepEqual(u, { text: '-0', confidence: CONTESTED_CONFIDENCE, kind: 'disagree' });
});

test('empty cells are filled only by a sure agreed number; dashes stay dashes', () => {
  assert.equal(voteCell(r('', 0), r('0', 10), r('0', 20)), undefined);
  assert.equal(voteCell(r('', 0), r('1', 65), r('0', 39)), undefined);
  assert.deepEqual(voteCell(r('', 0), r('27', 91), r('27', 96)), { text: '27', confidence: 80, kind: 'repaired' });
  assert.deepEqual(voteCell(r('一一', 90), r(''), r('')), { text: '—', confidence: 80, kind: 'repaired' });
  assert.equal(voteCell(r('/', 90), r('1'), r('1')), undefined);
});

test('a slash read with the cell border beside it (「1/」, 「/1」, 「|/」) is a slash, never the digit 1', () => {
  for (const t of ['1/', '/1', '|/', '/,']) assert.deepEqual(voteCell(r(t, 40), r('1'), r('1')), { text: '/', confidence: 40, kind: 'repaired' }, t);
  assert.equal(voteCell(r('/', 90), r('1'), r('1')), undefined);
  assert.notEqual(voteCell(r('11', 90), r('11'), r('11'))?.text, '/');
});

test('a slash both digit re-reads see surely overrules the page\'s 1, 0, 10 or nothing; an unsure one does not', () => {
  for (const page of ['1', '0', '10', '']) {
    assert.deepEqual(voteCell(r(page, 95), r('/', 86), r('/', 92))?.text, '/', page);
  }
  assert.notEqual(voteCell(r('10', 95), r('/', 60), r('/', 92))?.text, '/');
  assert.notEqual(voteCell(r('10', 95), r('10', 90), r('/', 92))?.text, '/');
});

test('a border remnant set apart at an edge of the page reading (「0 1」) goes when the re-reads read the rest', () => {
  assert.deepEqual(voteCell(r('0 1', 60), r('0.', 38), r('0-', 31))?.text, '0');
  assert.deepEqual(voteCell(r('| 25', 60), r('25', 90), r('25', 92))?.text, '25');
  // spaced digits of one number stay one number when the re-reads read it whole
  assert.notEqual(voteCell(r('1 1', 60), r('11', 90), r('11', 92))?.text, '1');
  assert.notEqual(voteCell(r('1 1', 60), r('11', 90))?.text, '1');
});

test('a cell shaped as one slanted stroke is a slash, unless both re-reads read the same number surely', () => {
  assert.equal(voteCell(r('4', 95), r('', 0), r('4', 82), true)?.text, '/');
  assert.equal(voteCell(r('人', 50), undefined, undefined, true)?.text, '/');
  assert.equal(voteCell(r('7', 95), r('7', 90), r('7', 92), true), undefined); // the page reading stands
  assert.equal(voteCell(r('/', 95), r('/', 90), r('/', 92), true), undefined);
});

test('a cell shaped as one level stroke is a dash, even read empty or as 1; both re-reads reading a number surely keep it', () => {
  assert.equal(voteCell(r('', 0), r('', 0), r('', 0), false, true)?.text, '—');
  assert.equal(voteCell(r('1', 40), r('', 0), r('7', 44), false, true)?.text, '—');
  assert.equal(voteCell(r('—', 90), undefined, undefined, false, true), undefined); // already a dash
  assert.equal(voteCell(r('3', 95), r('3', 90), r('3', 92), false, true), undefined);
});

test('a number of several digits the page read is never turned into a dash by the cell\'s shape', () => {
  assert.notEqual(voteCell(r('344', 90), r('344', 79), r('344', 78), false, true)?.text, '—'); // the page reading stands
});

test('「0 4」 that no re-read reads as a number is not joined into 04 (a count never starts with 0): the page reading stands', () => {
  assert.equal(voteCell(r('0 4', 55), r('', 0), r('', 0)), undefined);
  assert.equal(voteCell(r('1 2 1', 60), r('', 0), r('', 0))?.text, '121', 'full-width digits are still joined');
});
