// Tables as OCR'd grids: an empty cell may be a lost digit, short garbage is an unreadable value, OCR
// punctuation in a label's numbering, and numbers outside section 四's one table row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block, DocumentModel } from '../../src/model/document.ts';
import { parseReport } from '../../src/parse/index.ts';
import { reportText, S3_LABELS, type ReportParts } from './report-text.ts';

/** Column spans of a section 三 row: its label cells fill the 3 label columns, then 7 (or `width`) value columns. */
function spans(cells: string[], width = 7): number[] {
  if (cells.length === 2 && cells[0]!.startsWith('（本列数据')) return [3, width];
  const labels = cells.length - width;
  return cells.map((_, i) => (labels >= 1 && i === labels - 1 ? 3 - (labels - 1) : 1));
}

/** The tab-separated report with each run of tabbed lines as one table (trusted columns). */
function gridDoc(text: string, ocr: boolean, width = 7): DocumentModel {
  const blocks: Block[] = [];
  let rows: string[][] = [];
  let inS3 = false;
  const flush = () => {
    if (rows.length) blocks.push({ kind: 'table', table: { index: blocks.length, reliableColumns: true,
      rows: rows.map((r) => { const sp = inS3 ? spans(r, width) : r.map(() => 1); return r.map((t, i) => ({ text: t, colSpan: sp[i]!, rowSpan: 1, ...(ocr && t ? { confidence: 70 } : {}) })); }) } });
    rows = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.startsWith('\t\t商业企业') ? `${raw}\t` : raw;
    if (line.startsWith('（本列数据')) inS3 = true;
    if (line.startsWith('四、政府')) { flush(); inS3 = false; }
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flush();
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  flush();
  return { format: ocr ? 'pdf' : 'html', ocr, blocks };
}

const parse = (parts: ReportParts, ocr: boolean, edit = (t: string) => t, width = 7) => parseReport(gridDoc(edit(reportText(parts)), ocr, width)).value;
const BASE = { new: '2\t1\t0\t0\t0\t0\t3', 'result.granted': '2\t1\t0\t0\t0\t0\t3', 'result.total': '2\t1\t0\t0\t0\t0\t3' };

test('OCR grid: an empty cell at a row\'s edge is not a blank 0 (the sums may restore it); in a printed grid it is', () => {
  const parts = { s3: { ...BASE, 'result.granted': '\t1\t0\t0\t0\t0\t1', new: '0\t1\t0\t0\t0\t0\t1', 'result.total': '0\t1\t0\t0\t0\t0\t1' } };
  const ocr = parse(parts, true);
  assert.notEqual(ocr.cells['s3.result.granted.natural_person']?.kind, 'blank');
  assert.equal(ocr.values['s3.result.granted.natural_person'], 0);
  assert.equal(ocr.cells['s3.result.granted.natural_person']!.source, 'derived');
  const printed = parse(parts, false);
  assert.equal(printed.cells['s3.result.granted.natural_person']!.kind, 'blank');
});

test('OCR grid: a character read where a number stands is an unreadable cell; the rest of the row is kept', () => {
  const r = parse({ s3: { ...BASE, new: '2\t十\t0\t0\t0\t0\t3' } }, true);
  assert.equal(r.values['s3.new.natural_person'], 2);
  assert.equal(r.values['s3.new.total'], 3);
  assert.equal(r.cells['s3.new.commercial']!.source, 'derived'); // 3 − 2 by the row sum
  assert.equal(r.values['s3.new.commercial'], 1);
  assert.ok(r.warnings.some((w) => w.code === 'parse.dash' && w.cell === 's3.new.commercial'));
});

test('OCR punctuation after a label\'s number (「2.,没有现成…」) is numbering, not a value', () => {
  const s3 = { ...BASE, 'result.unable.not_held': '1\t0\t0\t0\t0\t0\t1', 'result.granted': '1\t1\t0\t0\t0\t0\t2' };
  const r = parse({ s3 }, true, (t) => t.replace('2.没有现成', '2.,没有现成'));
  assert.equal(r.values['s3.result.unable.not_held.natural_person'], 1);
  assert.equal(r.values['s3.result.unable.not_held.total'], 1);
  assert.equal(r.values['s3.result.unable.needs_creation.natural_person'], 0);
});

test('section 四: numbers outside its one full table row (a heading, a speck) are not its values', () => {
  const s4 = '2\t1\t0\t0\t3\t0\t0\t0\t0\t0\t1\t0\t0\t0\t1';
  const r = parse({ s4 }, true, (t) => t.replace('四、政府信息公开行政复议、行政诉讼情况', '政府信息公开行政复议、行政诉讼情况 1').replace('五、存在', '0\n五、存在'));
  assert.equal(r.values['s4.review.upheld'], 2);
  assert.equal(r.values['s4.review.total'], 3);
  assert.equal(r.values['s4.litigation.after_review.total'], 1);
  assert.ok(r.warnings.some((w) => w.code === 'parse.s4_outside_grid'));
});

test('section 二: a short grid row keeps its values by cell; an OCR empty cell stays empty, a printed one is 0', () => {
  const edit = (t: string) => t.replace('行政规范性文件\t2\t1\t5', '行政规范性文件\t2\t1\t');
  const ocr = parse({}, true, edit);
  assert.equal(ocr.values['s2.normative.issued'], 2);
  assert.equal(ocr.values['s2.normative.repealed'], 1);
  assert.equal(ocr.values['s2.normative.in_force'], null);
  assert.ok(ocr.warnings.some((w) => w.code === 'parse.s2_cells_missing'));
  const printed = parse({}, false, edit);
  assert.equal(printed.values['s2.normative.in_force'], 0);
  assert.equal(printed.cells['s2.normative.in_force']!.kind, 'blank');
});

test('section 四: a row of 15 cells with empty ones at its end keeps its values by cell (OCR: a group left wholly empty in a row that leaves zeros blank is zeros, else empty; printed: 0)', () => {
  const s4 = '2\t\t2\t\t4\t1\t\t1\t1\t3\t\t\t\t\t';
  const garbled = (t: string) => t.replace('结果纠正', '结果纠'); // one header word cut: columns not known from the header
  const ocr = parse({ s4 }, true, garbled);
  assert.equal(ocr.values['s4.review.upheld'], 2);
  assert.equal(ocr.values['s4.litigation.direct.total'], 3);
  assert.equal(ocr.values['s4.litigation.after_review.upheld'], 0);
  assert.equal(ocr.cells['s4.litigation.after_review.upheld']!.kind, 'blank');
  assert.ok(ocr.warnings.some((w) => w.code === 'parse.s4_cells_missing'));
  assert.ok(ocr.warnings.some((w) => w.code === 'parse.s4_group_blank'));
  // A row that prints "none" as a dash: its empty group may be dashes the scan lost, so it stays empty.
  const dashed = parse({ s4: '2\t/\t2\t/\t4\t1\t/\t1\t1\t3\t\t\t\t\t' }, true, garbled);
  assert.equal(dashed.values['s4.litigation.after_review.upheld'], null);
  const printed = parse({ s4 }, false, garbled);
  assert.equal(printed.values['s4.litigation.after_review.total'], 0);
  assert.equal(printed.values['s4.review.corrected'], 0);
});

test('a grid label cell opening with a bare number (「2 重复申请」, its dot lost) is numbering, not a value', () => {
  const s3 = { ...BASE, 'result.not_processed.duplicate': '1\t0\t0\t0\t0\t0\t1', 'result.granted': '1\t1\t0\t0\t0\t0\t2' };
  for (const ocr of [true, false]) {
    const r = parse({ s3 }, ocr, (t) => t.replace('2.重复申请', '2 重复申请'));
    assert.equal(r.values['s3.result.not_processed.duplicate.natural_person'], 1);
    assert.equal(r.values['s3.result.not_processed.duplicate.total'], 1);
    assert.equal(r.cells['s3.result.not_processed.petition.natural_person']!.source, 'read'); // the row above keeps its 7
    assert.ok(!r.warnings.some((w) => w.code === 'parse.s3_row_incomplete'));
  }
});

test('a number on a line of its own after the grid (a page number, a speck) is not a value of the last row', () => {
  const s3 = { ...BASE, carried_out: '\t2\t\t\t3\t\t5' };
  const text = reportText({ s3 }).replace('四、政府信息公开行政复议', '1\n四、政府信息公开行政复议');
  const r = parseReport(gridDoc(text, true)).value;
  assert.equal(r.values['s3.carried_out.commercial'], 2);
  assert.equal(r.values['s3.carried_out.legal_service'], 3);
  assert.equal(r.values['s3.carried_out.total'], 5);
  assert.notEqual(r.cells['s3.carried_out.total']?.raw, '1');
});

/** The header's organisation words garbled (OCR): its columns are not known, each row is placed by its own cells. */
const noHeader = (t: string) => t.replace('\t自然人\t法人或其他组织', '\t白然八\t法八或其他组').replace('商业企业\t科研机构\t社会公益组织\t法律服务机构', '商止企止\t科研杋构\t社会公益組织\t法律服务杋构');

test('OCR grid: a numbered label (「2.其他法律…」) is the label cell a short row is placed after', () => {
  // Its 总计 left empty at the row's end (not a blank 0 in OCR): the six cells before it are placed by cell.
  const s3 = { new: '6\t13\t0\t0\t1\t2\t22', 'result.granted': '2\t1\t0\t0\t0\t0\t3', 'result.withheld.law_prohibited': '4\t12\t\t\t1\t2\t', 'result.total': '6\t13\t0\t0\t1\t2\t22' };
  const r = parse({ s3 }, true, noHeader);
  assert.equal(r.values['s3.result.withheld.law_prohibited.natural_person'], 4);
  assert.equal(r.values['s3.result.withheld.law_prohibited.commercial'], 12);
  assert.equal(r.values['s3.result.withheld.law_prohibited.legal_service'], 1);
  assert.equal(r.values['s3.result.withheld.law_prohibited.other_org'], 2);
  assert.equal(r.values['s3.result.withheld.law_prohibited.total'], 19);
  assert.equal(r.cells['s3.result.withheld.law_prohibited.total']!.source, 'derived');
  assert.ok(!r.warnings.some((w) => w.code === 'parse.s3_row_incomplete'));
});

test('section 四: a grid row with a cell OCR lost, and that digit on a line below the table, keeps its values by cell', () => {
  const s4 = '\t1\t4\t2\t17\t4\t0\t0\t1\t5\t2\t1\t0\t1\t4';
  const r = parse({ s4 }, true, (t) => t.replace('五、存在', '10\n五、存在'));
  assert.equal(r.values['s4.review.corrected'], 1);
  assert.equal(r.values['s4.review.total'], 17);
  assert.equal(r.values['s4.review.upheld'], 10); // forced by the group's total, not read from the stray line
  assert.equal(r.cells['s4.review.upheld']!.source, 'derived');
  assert.equal(r.values['s4.litigation.after_review.total'], 4);
  assert.ok(r.warnings.some((w) => w.code === 'parse.s4_outside_grid'));
});

test('OCR label damage: 上年结转 with 结 lost, 其他法律…禁止公开 with 律 and 禁 lost, and 「4.无正当理」 whose rest went to the next line, still name their rows', () => {
  const s3 = { ...BASE, carried_in: '1\t0\t0\t0\t0\t0\t1', 'result.not_processed.excessive': '3\t0\t0\t0\t0\t0\t3', 'result.granted': '0\t1\t0\t0\t0\t0\t1', 'result.withheld.law_prohibited': '\t\t\t\t\t\t/' };
  const edit = (t: string) => t.replace('二、上年结转政府', '一、上年转政府').replace('2.其他法律行政法规禁止公开', '2.其他法行政法规止公开').replace('1.属于国家秘密', '1. 属于国家').replace('\t\t4.无正当理由大量反复申请\t3\t0\t0\t0\t0\t0\t3', '\t\t4.无正当理\t3\t0\t0\t0\t0\t0\t3\n\t\t由大量反复申请\t\t\t\t\t\t\t');
  const r = parse({ s3 }, true, edit);
  assert.equal(r.values['s3.carried_in.natural_person'], 1);
  assert.equal(r.values['s3.new.total'], 3);
  assert.equal(r.values['s3.result.not_processed.excessive.natural_person'], 3);
  assert.equal(r.values['s3.result.not_processed.publication.natural_person'], 0);
  assert.equal(r.values['s3.result.withheld.state_secret.natural_person'], 0);
  assert.ok(!r.warnings.some((w) => w.code === 'parse.s3_unlabelled_values'));
});

test('OCR: a minus before a count (a speck or a border remnant) is dropped and the cell flagged; a signed cell keeps it', () => {
  const r = parse({}, true, (t) => t.replace('行政许可\t33', '行政许可\t-33'));
  assert.equal(r.values['s2.licensing.decisions'], 33);
  assert.equal(r.cells['s2.licensing.decisions']!.rule, 'ocr_unsigned');
  assert.ok(r.flagged.includes('s2.licensing.decisions'));
  const point = parse({}, true, (t) => t.replace('行政许可\t33', '行政许可\t3.3'));
  assert.equal(point.values['s2.licensing.decisions'], 33, 'a count has no fraction either');
  const zero = parse({}, true, (t) => t.replace('行政许可\t33', '行政许可\t3.0'));
  assert.equal(zero.values['s2.licensing.decisions'], 30, 'nor a point before a 0');
  assert.equal(point.cells['s2.licensing.decisions']!.rule, 'ocr_point_dropped');
  assert.ok(point.flagged.includes('s2.licensing.decisions'));
  const printed = parse({}, false, (t) => t.replace('行政许可\t33', '行政许可\t-33'));
  assert.equal(printed.values['s2.licensing.decisions'], -33); // a printed minus is what the source says (R.int flags it)
  assert.ok(printed.flagged.includes('s2.licensing.decisions'));
});

test('OCR grid: a header printed on the page before, over another grid, does not place the next page\'s values', () => {
  // Page 1 ends after the header rows; page 2's table is ruled anew with two more columns at its left.
  // The row's two numbers fall on columns the header names (科研机构, 社会公益组织) once shifted.
  const s3 = { new: '6\t13\t0\t0\t0\t0\t19', 'result.granted': '2\t1\t0\t0\t0\t0\t3', 'result.withheld.law_prohibited': '4\t12\t\t\t\t\t', 'result.total': '6\t13\t0\t0\t0\t0\t19' };
  const doc = gridDoc(reportText({ s3 }).replace('\n一、本年新收', '\n- 1 -\n一、本年新收'), true);
  const page2 = doc.blocks.find((b) => b.kind === 'table' && b.table.rows.some((r) => r.some((c) => c.text.startsWith('一、本年新收'))));
  assert.ok(page2 && page2.kind === 'table');
  page2.table.rows = page2.table.rows.map((r) => [{ text: '', colSpan: 1, rowSpan: 1 }, { text: '', colSpan: 1, rowSpan: 1 }, ...r]);
  const r = parseReport(doc).value;
  assert.equal(r.values['s3.result.withheld.law_prohibited.natural_person'], 4);
  assert.equal(r.values['s3.result.withheld.law_prohibited.commercial'], 12);
  assert.equal(r.values['s3.result.withheld.law_prohibited.research'], 0);
  assert.equal(r.values['s3.result.withheld.law_prohibited.total'], 16);
});

test('OCR grid: a row printed one column to the left (first value under the label, 总计 empty) is read one column right', () => {
  const s3 = { new: '7\t2\t0\t0\t0\t0\t9', 'result.granted': '2\t1\t0\t0\t0\t0\t3', 'result.partial': '5\t1\t0\t0\t0\t0\t6', 'result.total': '7\t2\t0\t0\t0\t0\t9' };
  const shift = (t: string) => t.replace(/(部分公开[^\t]*)\t5\t1\t0\t0\t0\t0\t6/, '$1\t5\t1\t0\t0\t0\t0\t6\t');
  const r = parse({ s3 }, true, shift);
  assert.equal(r.values['s3.result.partial.natural_person'], 5);
  assert.equal(r.values['s3.result.partial.commercial'], 1);
  assert.equal(r.values['s3.result.partial.total'], 6);
  assert.ok(r.warnings.some((w) => w.code === 'parse.s3_row_shifted'));
  const printed = parse({ s3 }, false, shift); // a printed table is read as printed
  assert.ok(!printed.warnings.some((w) => w.code === 'parse.s3_row_shifted'));
});

test('OCR: where the tables print none as a slash and never 0, an empty cell is a slash lost, not a 0; the slashes are 0 (dash_zero)', () => {
  // The 商业企业 column is all slashes: its empty cell is a slash the scan lost, or a digit. Not read as 0; with the
  // slashes taken as 0 by the table's convention the column's sum forces it.
  const slashes = (t: string) => t.replace(/(^|\t)0(?=\t|$)/gm, '$1/').replace(/(\t\t5\.属于三类内部事务信息\t\/)\t\//, '$1\t');
  const s3 = { new: '2\t0\t0\t0\t0\t0\t0', 'result.granted': '2\t0\t0\t0\t0\t0\t0', 'result.total': '2\t0\t0\t0\t0\t0\t0' }; // totals printed as slashes too
  const r = parse({ s3 }, true, slashes);
  const lost = r.cells['s3.result.withheld.internal_affairs.commercial']!;
  assert.equal(lost.kind, 'blank');
  assert.equal(r.values['s3.result.withheld.internal_affairs.commercial'], 0);
  assert.equal(lost.source, 'derived');
  assert.notEqual(lost.rule, 'dash_zero');
  assert.equal(r.cells['s3.result.withheld.third_party.commercial']!.rule, 'dash_zero');
  assert.equal(r.values['s3.result.withheld.third_party.commercial'], 0);
  assert.ok(r.warnings.some((w) => w.code === 'parse.dash_zero'));
  const zeros = parse({ s3 }, true, (t) => t.replace(/(\t\t5\.属于三类内部事务信息\t0)\t0/, '$1\t'));
  assert.equal(zeros.values['s3.result.withheld.internal_affairs.commercial'], 0, 'a table that prints 0: the empty cell is 0');
});

test('section 二 (OCR): a character read in a value cell (「件」 for 0) is that cell unreadable, not the row\'s label', () => {
  const r = parse({}, true, (t) => t.replace('行政规范性文件\t2\t1\t5', '行政规范性文件\t件\t1\t5'));
  assert.equal(r.values['s2.normative.issued'], null);
  assert.equal(r.values['s2.normative.repealed'], 1);
  assert.equal(r.values['s2.normative.in_force'], 5);
});

test('section 二 (OCR): a first row whose label kept one character (「章」 of 规章) is the template\'s first row', () => {
  const r = parse({}, true, (t) => t.replace('规章\t0\t0\t0', '章\t3\t0\t742'));
  assert.equal(r.values['s2.rules.issued'], 3);
  assert.equal(r.values['s2.rules.in_force'], 742);
  assert.equal(r.values['s2.normative.in_force'], 5);
});

test('OCR: spaces around a decimal point (「7730. 28」) do not cut a number in two', () => {
  const r = parse({}, true, (t) => t.replace('行政事业性收费\t7730.28', '行政事业性收费\t7730. 28'));
  assert.equal(r.values['s2.fees.amount'], 7730.28);
});

test('values printed on the line below their label (the label\'s row empty, no label missing before the next) are its values', () => {
  const s3 = { new: '4\t1\t0\t0\t0\t1\t6', 'result.granted': '2\t1\t0\t0\t0\t0\t3', 'result.withheld.internal_affairs': '2\t0\t0\t0\t0\t1\t3', 'result.total': '4\t1\t0\t0\t0\t1\t6' };
  const wrap = (t: string) => t.replace('\t\t5.属于三类内部事务信息\t2\t0\t0\t0\t0\t1\t3', '\t\t5.属于三类内部事务信息\t\t\t\t\t\t\t\n\t\t\t2\t0\t0\t0\t0\t1\t3');
  for (const ocr of [true, false]) {
    const r = parse({ s3 }, ocr, wrap);
    assert.equal(r.values['s3.result.withheld.internal_affairs.natural_person'], 2);
    assert.equal(r.values['s3.result.withheld.internal_affairs.total'], 3);
    assert.ok(!r.warnings.some((w) => w.code === 'parse.s3_unlabelled_values'));
  }
});

test('a grid label cell opening with a number glued to its words (「1信访举报投诉类申请」, dot and space lost) is numbering', () => {
  // The row as OCR left it: its first cell and one inside empty.
  const s3 = { new: '5\t1\t0\t0\t0\t0\t6', 'result.granted': '1\t1\t0\t0\t0\t0\t2', 'result.not_processed.petition': '\t0\t0\t\t0\t0\t4', 'result.total': '5\t1\t0\t0\t0\t0\t6' };
  const r = parse({ s3 }, true, (t) => t.replace('1.信访举报投诉类申请', '1信访举报投诉类申请'));
  assert.equal(r.values['s3.result.unable.unclear.natural_person'], 0);
  assert.equal(r.values['s3.result.unable.unclear.total'], 0);
  assert.equal(r.values['s3.result.not_processed.petition.natural_person'], 4);
  assert.equal(r.values['s3.result.not_processed.petition.total'], 4);
  assert.equal(r.cells['s3.result.unable.unclear.natural_person']!.source, 'read', 'the row above keeps its own seven values');
  assert.ok(!r.warnings.some((w) => w.code === 'parse.s3_row_incomplete' && w.cell === 's3.result.unable.unclear'));
});

test('OCR grid: in a table that leaves zeros blank, a row of seven empty cells is a row of zeros', () => {
  // Zeros printed blank; 国家秘密's row wholly empty; an unreadable cell (三) in 第三方's row keeps the rules from
  // forcing the 自然人 column, so only the blank row's own reading can give its 0.
  const s3 = { new: '3\t1\t\t\t\t\t4', 'result.granted': '2\t1\t\t\t\t\t3', 'result.withheld.third_party': '三\t\t\t\t\t\t1', 'result.total': '3\t1\t\t\t\t\t4' };
  const blanks = (t: string) => t.replace(/(^|\t)0(?=\t|$)/gm, '$1');
  const r = parse({ s3 }, true, blanks);
  assert.equal(r.values['s3.result.withheld.state_secret.natural_person'], 0);
  assert.equal(r.values['s3.result.withheld.state_secret.total'], 0);
  assert.equal(r.cells['s3.result.withheld.state_secret.natural_person']!.kind, 'blank');
  assert.ok(r.warnings.some((w) => w.code === 'parse.s3_row_blank'));
  assert.equal(r.values['s3.result.withheld.third_party.natural_person'], 1, 'the unreadable cell is then forced by its column');
  assert.equal(r.cells['s3.result.withheld.third_party.natural_person']!.source, 'derived');
});

test('OCR grid: a row whose value cells before 总计 are one empty merged cell keeps its 总计 (the rules fill the rest)', () => {
  const doc = gridDoc(reportText({ s3: BASE }), true);
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    b.table.rows = b.table.rows.map((r) => (r.some((c) => c.text.includes('属于行政查询事项'))
      ? [...r.slice(0, 3), { text: '', colSpan: 6, rowSpan: 1 }, { text: '0', colSpan: 1, rowSpan: 1, confidence: 90 }] : r));
  }
  const r = parseReport(doc).value;
  assert.equal(r.values['s3.result.withheld.admin_query.total'], 0);
  assert.equal(r.cells['s3.result.withheld.admin_query.total']!.source, 'read');
  assert.equal(r.values['s3.result.withheld.admin_query.natural_person'], 0);
  assert.ok(r.warnings.some((w) => w.code === 'parse.s3_total_only'));
});

test('section 二 (OCR): after a row left empty, a row whose label was cut to 「行政」 is the next template row', () => {
  const r = parse({}, true, (t) => t.replace('行政规范性文件\t2\t1\t5', '行政规范性文件\t\t\t').replace('行政许可\t33', '行政\t33'));
  assert.equal(r.values['s2.licensing.decisions'], 33);
  assert.equal(r.values['s2.normative.issued'], null);
  assert.equal(r.values['s2.penalty.decisions'], 1);
  assert.ok(r.warnings.some((w) => w.code === 'parse.s2_label_missing'));
});

test('OCR grid: a row whose label kept only its item number (「3」 of 3.其他) is read by position, the number no value', () => {
  const s3 = { new: '3\t1\t0\t0\t0\t0\t4', 'result.granted': '2\t1\t0\t0\t0\t0\t3', 'result.other.misc': '1\t0\t0\t0\t0\t0\t1', 'result.total': '3\t1\t0\t0\t0\t0\t4' };
  const r = parse({ s3 }, true, (t) => noHeader(t).replace('\t\t3.其他\t', '\t\t3\t')); // no header: its columns unknown
  assert.equal(r.values['s3.result.other.misc.natural_person'], 1);
  assert.equal(r.cells['s3.result.other.misc.natural_person']!.source, 'read');
  assert.equal(r.values['s3.result.other.fee_unpaid.natural_person'], 0);
  assert.ok(r.warnings.some((w) => w.code === 'parse.s3_item_number'));
});

test('OCR: in tables that print none as a slash, a lone 7 is unreadable (a slash read 7 alike in a row and its total), a 1 doubtful', () => {
  // The scan: 2, a slash, … , total 2 in rows 新收 and 总计; the slash of 商业企业 read 7 in both (their column sum holds).
  const s3 = { new: '2\t7\t0\t0\t0\t0\t2', 'result.granted': '2\t0\t0\t0\t0\t0\t2', 'result.total': '2\t7\t0\t0\t0\t0\t2', carried_out: '1\t0\t0\t0\t0\t0\t1' };
  const slashes = (t: string) => t.replace(/(^|\t)0(?=\t|$)/gm, '$1/');
  const r = parse({ s3 }, true, slashes);
  assert.equal(r.cells['s3.new.commercial']!.kind, 'unreadable');
  assert.equal(r.values['s3.new.commercial'], 0, 'the row\'s total forces it once its slashes are 0');
  assert.equal(r.cells['s3.new.commercial']!.source, 'derived');
  assert.equal(r.values['s3.result.total.commercial'], 0);
  assert.ok(r.warnings.some((w) => w.code === 'parse.ocr_slash_doubt'));
  assert.ok(r.flagged.includes('s3.carried_out.natural_person'), 'a lone 1 there is kept, flagged');
  const zeros = parse({ s3 }, true); // a table that prints 0: a 7 is a 7
  assert.ok(!zeros.warnings.some((w) => w.code === 'parse.ocr_slash_doubt'));
});

test('OCR: a cell derived to fit a repaired total is not confirmed by the check the repair made hold', () => {
  // 结转下年度 misread 4 in 社会公益组织 and in 总计 (the scan's truth: zeros): the rules then derive the empty 新收
  // 社会公益组织 cell as 4 and repair 新收 总计 to 34; that row's sum holds only by construction, so both are flagged.
  const s3 = { new: '30\t0\t0\t\t0\t0\t30', 'result.granted': '30\t0\t0\t0\t0\t0\t30', 'result.total': '30\t0\t0\t0\t0\t0\t30', carried_out: '0\t0\t0\t4\t0\t0\t4' };
  const r = parse({ s3 }, true);
  assert.equal(r.cells['s3.new.total']!.rule, 'ocr_repair:R3.1+R3.3');
  assert.equal(r.cells['s3.new.social_org']!.source, 'derived');
  assert.ok(r.flagged.includes('s3.new.social_org'));
  assert.ok(r.flagged.includes('s3.new.total'));
});

test('OCR grid: empty cells after a label are that label\'s row, even when a speck before the label was read as a number', () => {
  const s3 = { new: '2\t1\t0\t0\t1\t0\t4', 'result.total': '2\t1\t0\t0\t1\t0\t4' };
  const speck = (t: string) => t.replace('\t\t3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0', '\t1\t3.危及“三安全一稳定”\t\t\t\t\t1\t\t1');
  const r = parse({ s3 }, true, speck);
  assert.ok(!r.warnings.some((w) => w.code === 'parse.s3_row_incomplete' && w.cell === 's3.result.withheld.law_prohibited'));
  assert.equal(r.cells['s3.result.withheld.law_prohibited.natural_person']!.source, 'read');
  assert.equal(r.values['s3.result.withheld.security_stability.legal_service'], 1);
  assert.equal(r.cells['s3.result.withheld.security_stability.legal_service']!.source, 'read');
});

test('a table that leaves zeros blank: 上年结转 and 结转下年度 both wholly empty stay empty (equal, not known), printed or OCR', () => {
  // Their sum R3.1 only says they are equal; a text table never read an empty row as zeros, and OCR must not either.
  const s3 = { new: '3\t1\t0\t0\t0\t0\t4', 'result.granted': '3\t1\t0\t0\t0\t0\t4', 'result.total': '3\t1\t0\t0\t0\t0\t4' };
  const blanks = (t: string) => t.replace(/(^|\t)0(?=\t|$)/gm, '$1');
  for (const ocr of [false, true]) {
    const r = parse({ s3 }, ocr, blanks);
    for (const row of ['carried_in', 'carried_out']) {
      for (const col of ['natural_person', 'commercial', 'total']) assert.equal(r.values[`s3.${row}.${col}`], null, `${ocr ? 'OCR' : 'printed'} ${row}.${col}`);
    }
    assert.equal(r.values['s3.new.research'], 0, 'a blank between numbers is a 0');
    assert.equal(r.values['s3.result.partial.natural_person'], 0, 'a wholly empty result row: zeros (read in OCR, forced in print)');
  }
});

test('OCR grid with a 法人或其他组织 subtotal column: a short row of a grid without the header\'s columns is placed by its cells', () => {
  // Eight value columns (the subtotal second); the table goes on under a page break in a grid with one more
  // column at its left, so the header's columns do not fit; 公开出版物's 自然人 cell is lost to OCR.
  const eight = (v: string) => { const n = v.split('\t'); return [n[0], n.slice(1, 6).map(Number).reduce((a, b) => a + b, 0), ...n.slice(1)].join('\t'); };
  const s3: Record<string, string> = {};
  for (const [k] of S3_LABELS) s3[k] = eight('0\t0\t0\t0\t0\t0\t0');
  for (const [k, v] of Object.entries({ new: '3\t1\t0\t0\t0\t0\t4', 'result.granted': '2\t1\t0\t0\t0\t0\t3', 'result.not_processed.publication': '1\t0\t0\t0\t0\t0\t1', 'result.total': '3\t1\t0\t0\t0\t0\t4' })) s3[k] = eight(v);
  const edit = (t: string) => {
    const [head, tail] = t.split('\t(四) 无法提供');
    const moved = ('\t(四) 无法提供' + tail!).split('\n').map((l) => (l.includes('\t') && !l.startsWith('四、政府') ? `\t${l}` : l)).join('\n');
    return `${head}续表\n${moved}`.replace(/(3\.要求提供公开出版物\t)1/, '$1');
  };
  const r = parse({ s3 }, true, edit, 8);
  assert.equal(r.values['s3.result.not_processed.publication.total'], 1);
  assert.equal(r.values['s3.result.not_processed.publication.commercial'], 0, 'the subtotal is not taken for 商业企业');
  assert.equal(r.values['s3.result.not_processed.publication.natural_person'], 1, 'the lost cell, by the row sum');
  assert.ok(!r.warnings.some((w) => w.code === 'parse.s3_row_incomplete' && w.cell === 's3.result.not_processed.publication'));
});

test('OCR grid: a row whose label was lost does not take the row above with it: the label\'s own grid row is read', () => {
  const s3 = {
    new: '5\t1\t0\t0\t0\t0\t6', 'result.granted': '2\t1\t0\t0\t0\t0\t3', 'result.withheld.admin_query': '1\t0\t0\t0\t0\t0\t1',
    'result.unable.not_held': '\t\t\t\t\t\t2', 'result.total': '5\t1\t0\t0\t0\t0\t6', // its cells merged but the 总计
  };
  const r = parse({ s3 }, true, (t) => t.replace('1.本机关不掌握相关政府信息', ''));
  assert.equal(r.values['s3.result.withheld.admin_query.natural_person'], 1);
  assert.equal(r.values['s3.result.withheld.admin_query.total'], 1);
  assert.ok(r.warnings.some((w) => w.code === 'parse.s3_unlabelled_values' && w.cell === 's3.result.withheld.admin_query'));
  assert.ok(!r.warnings.some((w) => w.code === 'parse.s3_row_incomplete' && w.cell === 's3.result.withheld.admin_query'));
});

test('OCR grid, zeros left blank: a wholly empty result row is no row of zeros in a table cut short before its 总计', () => {
  const s3 = { new: '3\t1\t0\t0\t0\t0\t4', 'result.granted': '3\t1\t0\t0\t0\t0\t4', 'result.total': '3\t1\t0\t0\t0\t0\t4' };
  const blanks = (t: string) => t.replace(/(^|\t)0(?=\t|$)/gm, '$1');
  const cut = (t: string) => t.split('\n').filter((l) => !/^\t\(七\) 总计|^四、结转下年度/.test(l)).join('\n');
  const whole = parse({ s3 }, true, blanks);
  assert.equal(whole.values['s3.result.partial.natural_person'], 0);
  const r = parse({ s3 }, true, (t) => cut(blanks(t)));
  assert.equal(r.values['s3.result.total.natural_person'], null, 'the table is cut');
  assert.equal(r.values['s3.result.partial.natural_person'], null);
  assert.ok(!r.warnings.some((w) => w.code === 'parse.s3_row_blank'));
});

test('OCR: section 二\'s first block is read when its heading is misread 「第三十条第（一）项」 and 信息内容 lost a character', () => {
  const r = parse({ s3: BASE }, true, (t) => t.replace('第二十条第（一）项', '第三十条第（一）项').replace(/信息内容(?=\t本年制发)/, '信息内'));
  assert.equal(r.values['s2.normative.issued'], 2);
  assert.equal(r.values['s2.normative.in_force'], 5);
});

test('OCR: section 二 read with 第 lost from its first heading (「二十条第（一）项」) and 收费 lost from 行政事业性收费', () => {
  const r = parse({ s3: BASE }, true, (t) => t.replace('第二十条第（一）项', '二十条第（一）项').replace(/信息内容(?=\t本年制发)/, '信息内').replace('行政事业性收费', '行政事业性'));
  assert.equal(r.values['s2.normative.in_force'], 5);
  assert.equal(r.values['s2.fees.amount'], 7730.28);
});

test('OCR: 规范性 alone (文件 lost) still names the normative row, 规章\'s lost label taken by order', () => {
  const r = parse({ s3: BASE }, true, (t) => t.replace('行政规范性文件\t', '规范性\t').replace('规章\t', '\t'));
  assert.equal(r.values['s2.normative.issued'], 2);
  assert.equal(r.values['s2.normative.in_force'], 5);
  assert.equal(r.values['s2.rules.issued'], 0);
});

test('OCR: 「2.其他法行政法规禁止公」 (律 and 开 lost) is 其他法律行政法规禁止公开, not 3.其他', () => {
  const s3 = { ...BASE, 'result.withheld.law_prohibited': '1\t0\t0\t0\t0\t0\t1', new: '3\t1\t0\t0\t0\t0\t4', 'result.total': '3\t1\t0\t0\t0\t0\t4' };
  // The table is cut short after that row (no 3.其他 further down to claim its own label).
  const cut = (t: string) => {
    const lines = t.replace('2.其他法律行政法规禁止公开', '2.其他法行政法规禁止公').split('\n');
    const at = lines.findIndex((l) => l.includes('2.其他法行政法规禁止公'));
    const end = lines.findIndex((l) => l.startsWith('四、政府'));
    return [...lines.slice(0, at + 1), ...lines.slice(end)].join('\n');
  };
  const r = parse({ s3 }, true, cut);
  assert.equal(r.values['s3.result.withheld.law_prohibited.natural_person'], 1);
  assert.notEqual(r.cells['s3.result.other.misc.natural_person']?.source, 'read', 'no row of the table is 3.其他');
  assert.notEqual(r.cells['s3.result.total.natural_person']?.source, 'read', 'the table is cut before its 总计');
});

test('OCR: a row whose cells were all derived (each by its column) is not confirmed by its own row sum', () => {
  const r = parse({ s3: { ...BASE, carried_out: '\t\t\t\t\t\t' } }, true);
  assert.equal(r.values['s3.carried_out.total'], 0);
  assert.equal(r.cells['s3.carried_out.total']!.source, 'derived');
  assert.ok(r.flagged.includes('s3.carried_out.total') && r.flagged.includes('s3.carried_out.natural_person'));
});

test('OCR (a generated scan, its document model kept): rows whose 总计 is not printed get it from their own sum, blanks taken as 0', async () => {
  // Section 三 prints no 总计 for its result rows and leaves zeros blank, and OCR misread a cell or two, so the
  // columns force nothing: each row's own sum, its blanks taken as 0 after the rules had their say, does.
  const { readFileSync } = await import('node:fs');
  const doc = JSON.parse(readFileSync(new URL('../fixtures/parse/ocr-totals-unprinted.json', import.meta.url), 'utf8')) as DocumentModel;
  const r = parseReport(doc).value;
  assert.equal(r.values['s3.result.withheld.law_prohibited.total'], 30); // 29 + 1, printed blank
  assert.equal(r.cells['s3.result.withheld.law_prohibited.total']!.source, 'derived');
  assert.equal(r.values['s3.result.unable.not_held.total'], 138);
});

test('OCR grid: a header naming a 小计 column makes the table eight columns wide though few rows kept eight values', () => {
  // 小计 after 法人或其他组织; most rows lost cells at their edges to OCR, only one row has all eight.
  const s3: Record<string, string> = {};
  for (const [k] of S3_LABELS) s3[k] = '\t\t\t\t\t\t\t';
  Object.assign(s3, { new: '3\t1\t1\t0\t0\t0\t0\t4', 'result.granted': '3\t1\t1\t\t\t\t\t', 'result.total': '\t1\t1\t\t\t\t\t4' });
  const header = (t: string) => t.replace('\t\t商业企业', '\t\t小计\t商业企业');
  const r = parse({ s3 }, true, header, 8);
  assert.equal(r.values['s3.new.commercial'], 1);
  assert.equal(r.values['s3.new.total'], 4);
  assert.equal(r.values['s3.result.granted.natural_person'], 3);
  assert.equal(r.values['s3.result.granted.commercial'], 1, 'the 小计 cell is not 商业企业');
});

test('OCR grid: empty cells past the 总计 column (a row printed one column right widened the grid) do not unplace a row', () => {
  // 予以公开's 总计 lost (a wrapped number) and an empty cell past it: its six numbers stand under the header.
  const s3 = { new: '88\t35\t1\t1\t7\t4\t136', 'result.granted': '86\t35\t1\t1\t7\t4\t', 'result.not_processed.duplicate': '2\t0\t0\t0\t0\t0\t2', 'result.total': '88\t35\t1\t1\t7\t4\t136' };
  const doc = gridDoc(reportText({ s3 }), true);
  const table = doc.blocks.find((b) => b.kind === 'table' && b.table.rows.some((r) => r.some((c) => c.text.includes('予以公开'))));
  assert.ok(table && table.kind === 'table');
  const blank = () => ({ text: '', colSpan: 1, rowSpan: 1 });
  for (const r of table.table.rows) {
    if (r.some((c) => c.text.includes('重复申请'))) r.splice(r.length - 7, 0, blank()); // printed one column right
    else if (!r.some((c) => c.text.startsWith('（本列数据'))) r.push(blank());
  }
  const r = parseReport(doc).value;
  assert.equal(r.values['s3.result.granted.natural_person'], 86);
  assert.equal(r.cells['s3.result.granted.natural_person']!.source, 'read', 'read from its cell, not derived from the column sums');
  assert.equal(r.values['s3.result.granted.other_org'], 4);
  assert.equal(r.values['s3.result.granted.total'], 134);
  assert.equal(r.cells['s3.result.granted.total']!.source, 'derived');
});

test('OCR grid: a label cut by a page break (「4.保护第」 with the values, 「三方合法权益」 on the next page) keeps its values', () => {
  const s3 = { new: '3\t0\t0\t0\t0\t0\t3', 'result.withheld.third_party': '3\t0\t0\t0\t0\t0\t3', 'result.total': '3\t0\t0\t0\t0\t0\t3' };
  const r = parse({ s3 }, true, (t) => t.replace(/4\.保护第三方合法权益((?:\t\d+){7})/, '4.保护第$1\n三\n\t\t三方合法权益\t\t\t\t\t\t\t'));
  assert.equal(r.values['s3.result.withheld.third_party.natural_person'], 3);
  assert.equal(r.cells['s3.result.withheld.third_party.natural_person']!.source, 'read');
  assert.equal(r.values['s3.result.withheld.security_stability.natural_person'], 0);
});

test('labels: 「(一公开」 (予以 and a parenthesis lost) is 予以公开; the other rows naming 公开 are not', async () => {
  const { S3_ROWS } = await import('../../src/parse/labels.ts');
  const keys = S3_ROWS.find((r) => r.row === 'result.granted')!.keys;
  const hits = (t: string) => keys.some((k) => k.test(t));
  assert.ok(hits('(一公开'));
  assert.ok(hits('(一)予以公开'));
  for (const t of ['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '一、本年新收政府信息公开申请数量', '(三)不予公开', '三、收到和处理政府信息公开申请情况']) assert.equal(hits(t), false, t);
});

test('section 二 (OCR grid): rows placed by their cells — a cell lost before a row whose label was lost (「行政」), a first row whose label was lost with a unit on a value (「0个」)', () => {
  const cases: [string, (t: string) => string, Record<string, number | null>][] = [
    ['行政', (t) => t.replace('行政规范性文件\t2\t1\t5', '行政规范性文件\t\t1\t5').replace('行政许可\t33', '行政\t33'),
      { 's2.normative.issued': null, 's2.normative.repealed': 1, 's2.normative.in_force': 5, 's2.licensing.decisions': 33 }],
    ['0个', (t) => t.replace('规章\t0\t0\t0', '\t0\t3\t7个'), { 's2.rules.repealed': 3, 's2.rules.in_force': 7, 's2.normative.in_force': 5 }],
  ];
  for (const [name, edit, want] of cases) {
    const r = parse({}, true, edit);
    for (const [code, v] of Object.entries(want)) assert.equal(r.values[code], v, `${name}: ${code}`);
  }
});

test('OCR grid, a table that leaves its zeros blank and its result rows\' 总计 unprinted: a partly filled result row\'s empty edge cells are blanks', () => {
  // The result rows' 总计 is not printed: with the empty cells at a row's edge taken as blanks (like those between
  // its numbers), each row's total follows from its cells.
  const s3 = {
    new: '5\t3\t\t\t1\t\t9', carried_in: '\t\t\t\t\t\t',
    'result.granted': '3\t\t\t\t1\t\t', 'result.partial': '2\t1\t\t\t\t\t', 'result.withheld.state_secret': '\t2\t\t\t\t\t',
    'result.total': '5\t3\t\t\t1\t\t9', carried_out: '\t\t\t\t\t\t',
  };
  const r = parse({ s3 }, true);
  assert.equal(r.values['s3.result.partial.total'], 3);
  assert.equal(r.values['s3.result.partial.legal_service'], 0);
  assert.equal(r.cells['s3.result.partial.legal_service']!.kind, 'blank');
  assert.equal(r.values['s3.result.granted.commercial'], 0);
  // The same with the header's 社会公益组织 garbled by OCR (「益组」).
  const g = parse({ s3 }, true, (t) => t.replace('社会公益组织', '益组'));
  assert.equal(g.values['s3.result.partial.total'], 3);
  assert.equal(g.cells['s3.result.partial.legal_service']!.kind, 'blank');
});

test('section 三 header: a column whose words OCR garbled is the one left between 自然人 and 总计 six columns apart', async () => {
  const { completeHeader } = await import('../../src/parse/section3.ts');
  const found = new Map([['natural_person', 3], ['commercial', 4], ['research', 5], ['legal_service', 7], ['other_org', 8], ['total', 9]]);
  assert.equal(completeHeader(found).get('social_org'), 6);
  assert.equal(completeHeader(new Map([...found, ['total', 10]])).has('social_org'), false, 'seven apart: a 小计 column may stand there');
  assert.equal(completeHeader(new Map([...found, ['research', 6]])).has('social_org'), false, 'a column out of the template\'s order');
});

test('labels: 「一、二年新收政府信息公开申数量」 (本 read 二, 请 lost) is 本年新收', async () => {
  const { S3_ROWS } = await import('../../src/parse/labels.ts');
  const hits = (row: string, t: string) => S3_ROWS.find((r) => r.row === row)!.keys.some((k) => k.test(t));
  assert.ok(hits('new', '一、二年新收政府信息公开申数量'));
  assert.equal(hits('new', '二、上年结转政府信息公开申请数量'), false);
});

test('OCR: a total the re-reads confirmed (confidence ≥ 80) that breaks its row\'s and column\'s sums is kept as printed and flagged; a doubtful one is repaired', () => {
  // The source prints 部分公开's 总计 as 10 beside zeros (a source breaking R3.3 and R3.2).
  const s3 = { new: '2\t0\t0\t0\t0\t0\t2', 'result.granted': '2\t0\t0\t0\t0\t0\t2', 'result.partial': '0\t0\t0\t0\t0\t0\t10', 'result.total': '2\t0\t0\t0\t0\t0\t2' };
  const doc = gridDoc(reportText({ s3 }), true);
  const sure = parseReport({ ...doc, blocks: doc.blocks.map((b) => (b.kind === 'table' ? { ...b, table: { ...b.table, rows: b.table.rows.map((r) => r.map((c) => (c.confidence ? { ...c, confidence: 90 } : c))) } } : b)) }).value;
  assert.equal(sure.values['s3.result.partial.total'], 10);
  assert.equal(sure.cells['s3.result.partial.total']!.source, 'read');
  assert.ok(sure.flagged.includes('s3.result.partial.total'));
  const doubtful = parseReport(doc).value; // confidence 70
  assert.equal(doubtful.values['s3.result.partial.total'], 0);
  assert.equal(doubtful.cells['s3.result.partial.total']!.rule, 'ocr_repair:R3.2+R3.3');
});
