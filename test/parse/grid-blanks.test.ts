// Empty cells of a trusted grid (an HTML table): zeros left blank at a row's edges, a 总计 left empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBytes } from '../../src/pipeline/parse-file.ts';
import { reportText, S3_LABELS } from './report-text.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The tab-separated report with its section 三 table as an HTML table: 3 label columns, then 7 values. */
function htmlReport(s3: Record<string, string>): string {
  const lines = reportText({ s3 }).split('\n');
  const from = lines.findIndex((l) => l.startsWith('（本列数据'));
  const to = lines.findIndex((l) => l.startsWith('四、政府'));
  const head = [
    '<tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
    '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
    '<tr><td colspan="3"></td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>',
  ];
  const body = S3_LABELS.map(([code, label]) => {
    const labels = label.split('\t').filter((x) => x !== '');
    const values = (s3[code] ?? '0\t0\t0\t0\t0\t0\t0').split('\t');
    const lab = labels.map((l, i) => `<td${i === labels.length - 1 && labels.length < 3 ? ` colspan="${4 - labels.length}"` : ''}>${esc(l)}</td>`);
    return `<tr>${lab.join('')}${values.map((v) => `<td>${v === '' ? '&nbsp;' : esc(v)}</td>`).join('')}</tr>`;
  });
  return ['<html><body><div class="TRS_Editor">', ...lines.slice(0, from).map((l) => `<p>${esc(l)}</p>`),
    '<table>', ...head, ...body, '</table>', ...lines.slice(to).map((l) => `<p>${esc(l)}</p>`), '</div></body></html>'].join('\n');
}

const parse = (s3: Record<string, string>) => parseBytes(Buffer.from(htmlReport(s3)), { file: 't.html' });

test('a zero left empty at the start or end of a row of numbers is a blank 0 in a trusted grid', async () => {
  const out = await parse({
    new: '\t2\t\t\t\t1\t3', 'result.granted': '\t2\t\t\t\t1\t3', 'result.total': '\t2\t\t\t\t1\t3',
  });
  assert.equal(out.values!['s3.new.natural_person'], 0);
  assert.equal(out.cells!['s3.new.natural_person']!.kind, 'blank');
  assert.equal(out.cells!['s3.new.natural_person']!.source, 'read');
  assert.equal(out.values!['s3.new.other_org'], 1);
  assert.deepEqual(out.flagged, []);
});

test('an empty 总计 beside numbers is not read as 0: the row sum restores it, marked derived', async () => {
  const out = await parse({ new: '1\t2\t0\t0\t0\t0\t3', 'result.granted': '1\t2\t0\t0\t0\t0\t', 'result.total': '1\t2\t0\t0\t0\t0\t3' });
  assert.equal(out.values!['s3.result.granted.total'], 3);
  assert.equal(out.cells!['s3.result.granted.total']!.source, 'derived');
  assert.ok(out.warnings!.some((w) => w.code === 'parse.total_blank'));
  assert.deepEqual(out.flagged, []);
});

test('a row left wholly empty is not read as zeros; merged (spanned) empty cells are not blanks', async () => {
  const out = await parse({ new: '1\t0\t0\t0\t0\t0\t1', 'result.granted': '\t\t\t\t\t\t', 'result.total': '1\t0\t0\t0\t0\t0\t1' });
  assert.equal(out.cells!['s3.result.granted.natural_person']!.source, 'derived'); // forced by the column sum
  const html = htmlReport({ 'result.partial': '0\t0\t0\t0\t0\t0\t0' })
    .replace(/(<td[^>]*>\(二\)[^<]*<\/td>)(<td>0<\/td>){6}/, '$1<td colspan="6">&nbsp;</td>');
  assert.ok(html.includes('<td colspan="6">&nbsp;</td>'));
  const merged = await parseBytes(Buffer.from(html), { file: 'm.html' });
  assert.notEqual(merged.cells!['s3.result.partial.commercial']?.kind, 'blank');
  assert.equal(merged.values!['s3.result.partial.total'], 0);
});

test('values below a wholly empty row, on a row whose label was lost, are not given to the empty row', async () => {
  const s3 = { new: '1\t0\t0\t0\t0\t0\t1', 'result.granted': '1\t0\t0\t0\t0\t0\t1', 'result.other.misc': '\t\t\t\t\t\t', 'result.total': '1\t0\t0\t0\t0\t0\t1' };
  const html = htmlReport(s3).replace('(七) 总计', '(七) 忌计');
  assert.ok(html.includes('(七) 忌计'));
  const out = await parseBytes(Buffer.from(html), { file: 'e.html' });
  assert.notEqual(out.values!['s3.result.other.misc.total'], 1);
  assert.ok(out.warnings!.some((w) => w.code === 'parse.s3_unlabelled_values'));
});

/** The 2019 layout's single （六）其他处理 row in place of the 2021 sub-rows, its cells given. */
function singleOther(html: string, cells: string[], label = '(六) 其他处理'): string {
  const lines = html.split('\n').filter((l) => !/逾期不补正|收费通知|3\.其他/.test(l));
  const at = lines.findIndex((l) => l.includes('(七) 总计'));
  lines.splice(at, 0, `<tr><td></td><td colspan="2">${label}</td>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  return lines.join('\n');
}

test('a wholly blank single （六） row is still the 2019 layout\'s row: hybrid, its zeros forced by the sums', async () => {
  const base = htmlReport({ new: '1\t0\t0\t0\t0\t0\t1', 'result.granted': '1\t0\t0\t0\t0\t0\t1', 'result.total': '1\t0\t0\t0\t0\t0\t1' });
  const out = await parseBytes(Buffer.from(singleOther(base, Array(7).fill('&nbsp;'))), { file: 'h.html' });
  assert.equal(out.template, 'hybrid');
  assert.equal(out.values!['s3.result.other.total.natural_person'], 0);
  assert.equal(out.cells!['s3.result.other.total.natural_person']!.source, 'derived');
  assert.ok(!('s3.result.other.misc.natural_person' in out.values!));
  assert.deepEqual(out.flagged, []);
  // with the 2021 sub-row labels printed, the same blank rows keep the 2021 layout
  const t2021 = await parse({ new: '1\t0\t0\t0\t0\t0\t1', 'result.granted': '1\t0\t0\t0\t0\t0\t1', 'result.other.misc': '\t\t\t\t\t\t', 'result.total': '1\t0\t0\t0\t0\t0\t1' });
  assert.equal(t2021.template, 't2021');
});

test('a table cut after 「(七) 总」 (its last character lost) still reads the 总计 row', async () => {
  const html = htmlReport({ new: '5\t0\t0\t0\t0\t0\t5', 'result.granted': '5\t0\t0\t0\t0\t0\t5', 'result.total': '5\t0\t0\t0\t0\t0\t5' })
    .split('\n').filter((l) => !l.includes('结转下年度')).join('\n').replace('(七) 总计', '(七) 总');
  const out = await parseBytes(Buffer.from(html), { file: 'cut.html' });
  assert.equal(out.values!['s3.result.total.natural_person'], 5);
  assert.equal(out.cells!['s3.result.total.natural_person']!.source, 'read');
  assert.equal(out.values!['s3.carried_out.natural_person'], 0); // R3.1: 5 + 0 = 5 + carried_out
  assert.equal(out.cells!['s3.carried_out.natural_person']!.source, 'derived');
});

test('the single （六） row is found with its label cut short by OCR (「) 其他处」)', async () => {
  const base = htmlReport({ new: '2\t0\t0\t0\t0\t0\t2', 'result.granted': '1\t0\t0\t0\t0\t0\t1', 'result.total': '2\t0\t0\t0\t0\t0\t2' });
  const out = await parseBytes(Buffer.from(singleOther(base, ['1', '0', '0', '0', '0', '0', '1'], ') 其他处')), { file: 'o.html' });
  assert.equal(out.template, 'hybrid');
  assert.equal(out.values!['s3.result.other.total.natural_person'], 1);
  assert.equal(out.cells!['s3.result.other.total.natural_person']!.source, 'read');
});
