import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsOcr, type PageText } from '../../extractors/pdf-page.ts';
import { cleanText, fixRadicals } from '../../extractors/normalise.ts';

const pageText = (chars: number, badChars: number): PageText => ({
  layout: { page: 1, width: 595, height: 842, words: [], segments: [] }, chars, badChars, hasHan: false,
});

test('pages without text, or mostly unmapped glyphs (U+FFFD, private use, (cid:)), go to OCR', () => {
  assert.equal(needsOcr(pageText(0, 0)), true);
  assert.equal(needsOcr(pageText(500, 400)), true);
  assert.equal(needsOcr(pageText(500, 3)), false);
});

test('text normalisation: Kangxi radicals from PDF fonts, CJK wraps, NBSP; digits left as written', () => {
  assert.equal(fixRadicals('⼀、总体情况'), '一、总体情况');
  assert.equal(cleanText('本年新\n收政府信息\u00a0公开 申请  21\u3000件'), '本年新收政府信息公开申请 21 件');
  assert.equal(cleanText('１２３ 4'), '１２３ 4');
});
