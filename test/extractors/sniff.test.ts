import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { sniff } from '../../extractors/sniff.ts';
import { decodeText } from '../../extractors/decode.ts';
import { extract } from '../../extractors/index.ts';
import { fixture, minimalPdf } from './helpers.ts';

test('formats are sniffed from the bytes, not the name', () => {
  assert.equal(sniff(fixture('formats/report.pdf'), 'x.html').format, 'pdf');
  assert.equal(sniff(fixture('formats/report.docx'), 'x.pdf').format, 'docx');
  assert.equal(sniff(fixture('formats/report.doc')).format, 'doc');
  assert.equal(sniff(fixture('formats/report-table.png')).format, 'image');
  assert.equal(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])).format, 'image');
  assert.equal(sniff(Buffer.from('{\\rtf1\\ansi 年报}')).format, 'rtf');
  assert.equal(sniff(Buffer.from('\ufeff<!DOCTYPE html><html><body>x</body></html>')).format, 'html');
  assert.equal(sniff(Buffer.from('  <meta charset="gbk"><div>年报</div>')).format, 'html');
  assert.equal(sniff(iconv.encode('政府信息公开工作年度报告\n一、总体情况', 'gbk')).format, 'txt');
  assert.equal(sniff(minimalPdf(['<< /Type /Catalog >>'])).format, 'pdf');
});

test('OLE: a Word file under a .wps name is WPS; evidence names the directory entry', () => {
  const doc = fixture('formats/report.doc');
  assert.deepEqual(sniff(doc, 'a.doc'), { format: 'doc', evidence: 'ole:WordDocument' });
  assert.deepEqual(sniff(doc, 'https://x.gov.cn/a.WPS'), { format: 'wps', evidence: 'ole:WordDocument+name.wps' });
});

test('plain text: declared charset checked against the bytes; BOM wins over guessing', () => {
  const gbk = iconv.encode('本年新收政府信息公开申请数量\t21', 'gbk');
  assert.deepEqual({ ...decodeText(gbk, 'utf-8'), warnings: decodeText(gbk, 'utf-8').warnings.map((w) => w.code) }, {
    text: '本年新收政府信息公开申请数量\t21', charset: 'gb18030', warnings: ['decode.charset_mismatch'],
  });
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('年报', 'utf8')]);
  assert.equal(decodeText(bom).text, '年报');
});

test('text files extract to one paragraph per line with offsets', async () => {
  const r = await extract(Buffer.from('一、总体情况\n\n本年共收到申请21件。\n'), { contentType: 'text/plain; charset=utf-8' });
  assert.equal(r.value.format, 'txt');
  assert.deepEqual(r.value.blocks, [
    { kind: 'paragraph', text: '一、总体情况', offset: 0 },
    { kind: 'paragraph', text: '本年共收到申请21件。', offset: 8 },
  ]);
});
