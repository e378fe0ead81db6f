import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { dispositionFilename } from '../../crawlers/disposition.ts';

const NAME = '洪泽区2023年政府信息公开工作年度报告.pdf';

test('Content-Disposition file names: RFC 5987, percent-encoded UTF-8 and GBK, raw GBK and UTF-8 bytes', () => {
  assert.equal(dispositionFilename(`attachment; filename*=UTF-8''${encodeURIComponent(NAME)}`), NAME);
  assert.equal(dispositionFilename(`attachment; filename="${encodeURIComponent(NAME)}"`), NAME);
  const gbkPct = [...iconv.encode(NAME, 'gbk')].map((b) => (b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase()}`)).join('');
  assert.equal(dispositionFilename(`attachment; filename=${gbkPct}`), NAME);
  assert.equal(dispositionFilename(`attachment; filename="${iconv.encode(NAME, 'gbk').toString('latin1')}"`), NAME);
  assert.equal(dispositionFilename(`attachment; filename="${Buffer.from(NAME, 'utf8').toString('latin1')}"`), NAME);
  assert.equal(dispositionFilename('inline'), undefined);
  assert.equal(dispositionFilename(undefined), undefined);
  assert.equal(dispositionFilename('attachment; filename=report.doc'), 'report.doc');
});
