// The minus a value cell's ink shows (OCR drops a short 「-」 before digits), and the digits a re-read lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inkSign, signedVerdict } from '../../extractors/ocr-sign.ts';
import { lostDigits, voteCell } from '../../extractors/ocr-vote.ts';
import type { Gray } from '../../extractors/raster.ts';

const W = 160, H = 80;
/** A white cell with its borders drawn, and filled boxes painted in. */
function cell(...boxes: [number, number, number, number][]): Gray {
  const data = new Uint8Array(W * H).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number) => { for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = 0; };
  fill(0, 0, W, 2); fill(0, H - 2, W, H); fill(0, 0, 2, H); fill(W - 2, 0, W, H);
  for (const b of boxes) fill(...b);
  return { width: W, height: H, data };
}
const BOX: [number, number, number, number] = [0, 0, W, H];
const DIGIT = (x: number): [number, number, number, number] => [x, 25, x + 16, 55]; // 30 px high, 16 wide

test('a flat bar at the digits\' middle height before them is a minus; a digit first is none; one digit alone is unsure', () => {
  assert.equal(inkSign(cell([40, 38, 54, 42], DIGIT(60), DIGIT(80)), BOX), 'minus');
  assert.equal(inkSign(cell(DIGIT(40), DIGIT(60)), BOX), 'none');
  assert.equal(inkSign(cell(DIGIT(60)), BOX), 'unsure');
  assert.equal(inkSign(cell([40, 52, 54, 55], DIGIT(60)), BOX), 'unsure', 'a bar at the foot (an underscore) is no minus');
  assert.equal(inkSign(cell([50, 39, 53, 42], DIGIT(60)), BOX), 'unsure', 'a speck is no minus');
});

test('the sign is settled from the ink: added where every reading lost it, kept from a reading when the ink is unsure, dropped when a digit comes first', () => {
  const page = { text: '2', confidence: 90 };
  const reads = [{ text: '2', confidence: 90 }, { text: '2', confidence: 90 }];
  assert.deepEqual(signedVerdict(undefined, page, reads, 'minus'), { text: '-2', confidence: 80, kind: 'repaired' });
  assert.equal(signedVerdict(undefined, page, reads, 'unsure'), undefined, 'nothing to change');
  const lost = voteCell({ text: '-12', confidence: 93 }, { text: '12', confidence: 46 }, { text: '12', confidence: 80 });
  assert.equal(signedVerdict(lost, { text: '-12', confidence: 93 }, [{ text: '12', confidence: 46 }, { text: '12', confidence: 80 }], 'unsure')!.text, '-12');
  assert.equal(signedVerdict(undefined, { text: '-7', confidence: 90 }, [], 'none')!.text, '7');
});

test('re-reads that only dropped digits of the page reading do not replace it; the cell keeps a low confidence', () => {
  assert.ok(lostDigits('242', '22') && lostDigits('242', '2') && !lostDigits('242', '24 2') && !lostDigits('22', '242') && !lostDigits('242', '25'));
  const v = voteCell({ text: '242', confidence: 90 }, { text: '22', confidence: 69 }, { text: '2', confidence: 54 });
  assert.equal(v?.text, '242');
  assert.ok(v!.confidence < 60);
  assert.equal(voteCell({ text: '6', confidence: 90 }, { text: '65', confidence: 93 }, { text: '65', confidence: 96 })?.text, '65', 'a digit the page lost is still restored');
});

test('the ink\'s digit count decides between readings of different lengths, only where the vote was in doubt', async () => {
  const { byGlyphs, glyphCount } = await import('../../extractors/ocr-glyphs.ts');
  assert.equal(glyphCount(cell(DIGIT(50), DIGIT(70)), BOX), 2);
  assert.equal(glyphCount(cell([40, 38, 54, 42], DIGIT(60)), BOX), 1, 'a minus is no digit');
  assert.equal(glyphCount(cell([50, 25, 100, 55]), BOX), null, 'digits touching: not known');
  const page = { text: '1', confidence: 90 };
  const reads = [{ text: '11', confidence: 89 }, { text: '', confidence: 0 }];
  const doubt = voteCell(page, reads[0], reads[1]);
  assert.equal(doubt?.kind, 'disagree');
  assert.equal(byGlyphs(doubt, page, reads, 2)?.text, '11');
  assert.equal(byGlyphs(doubt, page, reads, 3)?.text, doubt?.text, 'no reading has 3 digits: the vote stands');
  const sure = voteCell({ text: '1900', confidence: 92 }, { text: '190', confidence: 92 }, { text: '190', confidence: 96 });
  assert.equal(byGlyphs(sure, { text: '1900', confidence: 92 }, [{ text: '190', confidence: 92 }], 4)?.text, '190', 'a sure vote is not overruled');
});
