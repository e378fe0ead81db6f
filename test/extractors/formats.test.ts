import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../extractors/index.ts';
import type { Block, TableGrid } from '../../src/model/document.ts';
import { fixture } from './helpers.ts';

const tables = (blocks: Block[]): TableGrid[] => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const texts = (t: TableGrid) => t.rows.map((r) => r.map((c) => c.text));
const spans = (t: TableGrid) => t.rows.map((r) => r.map((c) => `${c.colSpan}x${c.rowSpan}`));

/** The grids of test/fixtures/extractors/formats/report.html, whatever the format. */
const S2 = [
  ['第二十条第（一）项'], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '0', '0', '3'], ['行政规范性文件', '7', '2', '45'],
  ['第二十条第（五）项'], ['信息内容', '本年处理决定数量'], ['行政许可', '4506'],
];
const S3 = [
  ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
  ['自然人', '法人或其他组织', '总计'],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  ['一、本年新收政府信息公开申请数量', '18', '2', '0', '0', '1', '0', '21'],
  ['二、上年结转政府信息公开申请数量', '3', '0', '0', '0', '0', '0', '3'],
  ['三、本年度办理结果', '（一）予以公开', '9', '1', '0', '0', '0', '0', '10'],
  ['（三）不予公开', '1.属于国家秘密', '1', '0', '0', '0', '0', '0', '1'],
  ['2.其他法律行政法规禁止公开', '2', '0', '0', '0', '0', '0', '2'],
  ['（七）总计', '12', '1', '0', '0', '0', '0', '13'],
  ['四、结转下年度继续办理', '9', '1', '0', '0', '1', '0', '11'],
];
const S3_SPANS = [
  ['3x3', '7x1'], ['1x2', '5x1', '1x2'], ['1x1', '1x1', '1x1', '1x1', '1x1'],
  ['3x1', ...Array(7).fill('1x1')], ['3x1', ...Array(7).fill('1x1')],
  ['1x4', '2x1', ...Array(7).fill('1x1')], ['1x2', ...Array(8).fill('1x1')], Array(8).fill('1x1'),
  ['2x1', ...Array(7).fill('1x1')], ['3x1', ...Array(7).fill('1x1')],
];
const S4_DATA = ['3', '1', '0', '0', '4', '2', '0', '0', '1', '3', '0', '0', '0', '0', '0'];

function assertReport(ts: TableGrid[]): void {
  assert.equal(ts.length, 3);
  assert.deepEqual(texts(ts[0]), S2);
  assert.deepEqual(texts(ts[1]), S3);
  assert.deepEqual(spans(ts[1]), S3_SPANS);
  assert.deepEqual(texts(ts[2])[3], S4_DATA);
  assert.deepEqual(spans(ts[2])[0], ['5x1', '10x1']);
  for (const t of ts) assert.equal(t.reliableColumns, true);
}

for (const [file, format] of [['report.docx', 'docx'], ['report.doc', 'doc'], ['report.wps', 'wps'], ['report.pdf', 'pdf']] as const) {
  test(`${format}: the report's three tables come out as grids with their spans`, async () => {
    const r = await extract(fixture(`formats/${file}`), { fileName: file });
    assert.equal(r.value.format, format);
    assertReport(tables(r.value.blocks));
    const paras = paragraphs(r.value.blocks);
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) {
      assert.ok(paras.includes(heading), `${format}: heading ${heading}`);
    }
    assert.deepEqual(r.warnings, []);
  });
}

test('pdf: positioned lines and page numbers on tables', async () => {
  const r = await extract(fixture('formats/report.pdf'));
  assert.equal(r.value.pages, 1);
  assert.ok(r.value.lines && r.value.lines.some((l) => l.text.includes('行政许可') && l.items.length >= 2));
  for (const t of tables(r.value.blocks)) assert.equal(t.page, 1);
  assert.ok(tables(r.value.blocks)[0].rows[2][3].bbox);
});

test('real PDF (洪泽区 2024): sections 二/三/四 as grids, vertical group label, table joined across pages', async () => {
  const r = await extract(fixture('real/hongze-2024.pdf'));
  const ts = tables(r.value.blocks);
  assert.equal(ts.length, 3);
  assert.deepEqual(texts(ts[0])[3], ['行政规范性文件', '3', '0', '8']);
  assert.deepEqual(texts(ts[0])[13], ['行政事业性收费', '7545']);
  const s3 = texts(ts[1]);
  assert.deepEqual(s3[3], ['一、本年新收政府信息公开申请数量', '95', '0', '0', '0', '0', '0', '95']);
  assert.deepEqual(s3[5], ['三、本年度办理结果', '（一）予以公开', '50', '0', '0', '0', '0', '0', '50']);
  assert.equal(ts[1].rows[5][0].rowSpan, 20);
  const unable = s3.findIndex((row) => row[0] === '（四）无法提供');
  assert.equal(ts[1].rows[unable][0].rowSpan, 3, '（四） spans its three rows across the page break');
  assert.deepEqual(s3[unable + 1], ['2.没有现成信息需要另行制作', '1', '0', '0', '0', '0', '0', '1']);
  assert.deepEqual(s3[s3.length - 1], ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0']);
  assert.deepEqual(texts(ts[2])[3], ['1', '1', '0', '0', '2', '1', '0', '0', '0', '1', '2', '0', '1', '0', '3']);
  assert.ok(r.warnings.some((w) => w.code === 'pdf.table_joined'));
  assert.ok(!paragraphs(r.value.blocks).some((p) => /^-\s*\d+\s*-$/.test(p)), 'page numbers removed');
});
