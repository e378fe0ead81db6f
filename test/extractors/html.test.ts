import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { extractHtml, htmlToModel } from '../../extractors/html.ts';
import type { Block, TableGrid } from '../../src/model/document.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/extractors/html/${name}`, import.meta.url));
const tables = (blocks: Block[]): TableGrid[] => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const paragraphs = (blocks: Block[]): string[] => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const texts = (t: TableGrid) => t.rows.map((r) => r.map((c) => c.text));

test('GBK page with <meta> charset: TRS content only, tables with spans', () => {
  const r = extractHtml(fixture('trs-gbk.html'));
  assert.equal(r.value.charset, 'gb18030');
  assert.deepEqual(r.warnings, []);
  const paras = paragraphs(r.value.blocks);
  assert.equal(paras[0], '某某镇2023年政府信息公开工作年度报告');
  assert.ok(paras.includes('一、总体情况'));
  const all = paras.join('\n');
  for (const noise of ['首页', '当前位置', '分享到', '主办单位', '不应出现']) assert.ok(!all.includes(noise), noise);
  const [t] = tables(r.value.blocks);
  assert.equal(t.reliableColumns, true);
  assert.deepEqual(texts(t), [
    ['第二十条第（一）项'],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '0', '0', '0'],
    ['行政规范性文件', '2', '1', '15'],
    ['第二十条第（五）项'],
    ['信息内容', '本年处理决定数量'],
    ['行政许可', '1,024'],
  ]);
  assert.equal(t.rows[0][0].colSpan, 4);
  assert.equal(t.rows[6][1].colSpan, 3);
  assert.equal(r.value.title, '某某镇2023年政府信息公开工作年度报告_某某镇人民政府');
});

test('wrong charset in the HTTP header: decoded by the bytes, with a warning', () => {
  const r = extractHtml(fixture('trs-gbk.html'), { contentType: 'text/html; charset=UTF-8' });
  assert.equal(r.value.charset, 'gb18030');
  assert.deepEqual(r.warnings.map((w) => w.code), ['decode.charset_mismatch']);
  assert.ok(paragraphs(r.value.blocks).includes('一、总体情况'));
});

test('UTF-8 bytes under a GBK label are decoded as UTF-8, with a warning', () => {
  const html = '<html><head><meta charset="gbk"></head><body><div id="zoom"><p>二、主动公开政府信息情况，本年新制作数量共计十二件。</p></div></body></html>';
  const r = extractHtml(Buffer.from(html, 'utf8'));
  assert.equal(r.value.charset, 'utf-8');
  assert.deepEqual(r.warnings.map((w) => w.code), ['decode.charset_mismatch']);
  assert.equal(paragraphs(r.value.blocks)[0], '二、主动公开政府信息情况，本年新制作数量共计十二件。');
});

test('undeclared GBK falls back to GB18030 after the strict UTF-8 test', () => {
  const html = '<html><body><div id="zoom"><p>收到和处理政府信息公开申请情况，本年新收申请数量。</p></div></body></html>';
  const r = extractHtml(iconv.encode(html, 'gbk'));
  assert.equal(r.value.charset, 'gb18030');
  assert.equal(paragraphs(r.value.blocks)[0], '收到和处理政府信息公开申请情况，本年新收申请数量。');
});

test('Word-paste markup: split runs joined, <br> in cells → joined label, ghost width row dropped', () => {
  const r = extractHtml(fixture('word-paste.html'));
  const [t] = tables(r.value.blocks);
  assert.deepEqual(texts(t)[0], ['行政复议', '行政诉讼']);
  assert.deepEqual(texts(t)[1], ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']);
  assert.deepEqual(texts(t)[3].slice(0, 5), ['12', '0', '1', '0', '13']);
  assert.equal(t.rows.length, 4);
  assert.equal(t.rows[1][0].rowSpan, 2);
  assert.equal(t.reliableColumns, true);
  assert.equal(r.value.title, '某某区2024年政府信息公开工作年度报告');
  assert.equal(r.value.blocks[0].kind === 'paragraph' && r.value.blocks[0].heading, 1);
});

test('no known container: the largest text block is used, navigation left out', () => {
  const r = extractHtml(fixture('no-container.html'));
  const paras = paragraphs(r.value.blocks);
  assert.ok(paras.includes('一、总体情况'));
  assert.ok(!paras.some((p) => p.includes('通知公告') || p.includes('Copyright')));
  assert.deepEqual(texts(tables(r.value.blocks)[0]), [['项目', '数量'], ['主动公开', '120']]);
});

test('spans running past the table are clamped with a warning; ragged rows are flagged', () => {
  const html = '<table><tr><td rowspan="5">a</td><td>1</td></tr><tr><td>2</td><td>3</td></tr></table>';
  const r = htmlToModel(html, { wholeBody: true });
  const [t] = tables(r.value.blocks);
  assert.equal(t.rows[0][0].rowSpan, 2);
  assert.equal(t.reliableColumns, false);
  assert.deepEqual(r.warnings.map((w) => w.code).sort(), ['html.span_clamped', 'html.table_ragged']);
});
