// The parser on specific kinds of damage, one small report each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseBytes } from '../../src/pipeline/parse-file.ts';
import { reportText, S3_LABELS, type ReportParts } from './report-text.ts';

const parse = (parts: ReportParts | string) =>
  parseBytes(Buffer.from(typeof parts === 'string' ? parts : reportText(parts)), { file: 't.txt' });

// A consistent set: new 5 (np 3, commercial 2), granted 4, partial 1 → result.total 5, carried_out 0.
const CLEAN: ReportParts['s3'] = {
  new: '3\t2\t0\t0\t0\t0\t5', 'result.granted': '2\t2\t0\t0\t0\t0\t4', 'result.partial': '1\t0\t0\t0\t0\t0\t1',
  'result.total': '3\t2\t0\t0\t0\t0\t5',
};

test('clean report: section 二, 三, 四 values read and every check passes', async () => {
  const out = await parse({ s3: CLEAN, s4: '1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0' });
  assert.equal(out.template, 't2021');
  assert.equal(out.values!['s2.normative.in_force'], 5);
  assert.equal(out.values!['s2.fees.amount'], 7730.28);
  assert.equal(out.values!['s3.new.commercial'], 2);
  assert.equal(out.values!['s4.review.total'], 1);
  assert.deepEqual(out.flagged, []);
  assert.ok(out.checks!.every((c) => c.status === 'pass'), JSON.stringify(out.checks!.filter((c) => c.status !== 'pass')));
});

test('a source that breaks a rule keeps its printed numbers and the cells are flagged', async () => {
  const out = await parse({ s3: { ...CLEAN, 'result.total': '3\t2\t0\t0\t0\t0\t6' } });
  assert.equal(out.values!['s3.result.total.total'], 6);
  assert.ok(out.flagged!.includes('s3.result.total.total'));
  assert.ok(out.checks!.some((c) => c.rule === 'R3.3' && c.status === 'fail' && c.column === 'result.total'));
});

test('glued digits in a section 三 row are split by the row sum when only one split fits', async () => {
  const out = await parse({ s3: { ...CLEAN, new: '3200005' } });
  assert.equal(out.values!['s3.new.natural_person'], 3);
  assert.equal(out.values!['s3.new.total'], 5);
  assert.ok(out.warnings!.some((w) => w.code === 'parse.digits_split'));
});

test('glued section 四 row is split by the three group totals', async () => {
  // review 12 3 0 0 15 | direct 1 0 0 0 1 | after review 0 0 0 0 0, printed with no separators
  const out = await parse({ s4: '12300151000100000' });
  assert.deepEqual(
    ['s4.review.upheld', 's4.review.corrected', 's4.review.total', 's4.litigation.direct.total'].map((c) => out.values![c]),
    [12, 3, 15, 1],
  );
});

test('a row that keeps only its total is left empty, then filled as derived only where forced', async () => {
  const out = await parse({ s3: { ...CLEAN, 'result.partial': '1' } });
  // 1 value for 7 columns: nothing is read; the row is forced by column sums (R3.2) and marked derived.
  assert.equal(out.values!['s3.result.partial.natural_person'], 1);
  assert.equal(out.cells!['s3.result.partial.natural_person']!.source, 'derived');
  assert.deepEqual(out.flagged, []);
});

test('a dash is not a zero: null with a warning unless the rules force it', async () => {
  const out = await parse({ s3: { ...CLEAN, new: '3\t2\t0\t—\t0\t0\t5', carried_in: '0\t0\t0\t0\t0\t—\t—' } });
  assert.equal(out.cells!['s3.new.social_org']!.kind, 'dash');
  // new.social_org is forced to 0 by R3.3 (3+2+0+x+0+0 = 5): derived, not read.
  assert.equal(out.values!['s3.new.social_org'], 0);
  assert.equal(out.cells!['s3.new.social_org']!.source, 'derived');
  assert.ok(out.warnings!.some((w) => w.code === 'parse.dash'));
});

test('empty cells between numbers are blanks meaning zero', async () => {
  const out = await parse({ s3: { ...CLEAN, new: '3\t2\t\t\t\t0\t5' } });
  assert.equal(out.values!['s3.new.research'], 0);
  assert.equal(out.cells!['s3.new.research']!.kind, 'blank');
});

test('a subtotal column the arithmetic cannot place leaves the section empty, not misread', async () => {
  // commercial 2 and a subtotal of 2 after 其他: [3 2 0 0 0 0 2 5] sums both ways, and no row decides.
  const amb = '3\t2\t0\t0\t0\t0\t2\t5';
  const rows: Record<string, string> = { new: amb, 'result.granted': amb, 'result.total': amb };
  for (const [k] of S3_LABELS) rows[k] ??= Array(8).fill('0').join('\t');
  const out = await parse({ s3: rows });
  assert.ok(out.warnings!.some((w) => w.code === 'parse.s3_subtotal_ambiguous'));
  assert.equal(out.values!['s3.new.commercial'], null);
  assert.equal(out.values!['s3.result.granted.commercial'], null);
  assert.equal(out.values!['s3.result.partial.total'], 0); // rows of zeros decide themselves
  assert.equal(out.cells!['s3.result.partial.total']!.source, 'read');
});

test('an extra 法人或其他组织 subtotal column is recognised and dropped', async () => {
  const rows: Record<string, string> = {};
  for (const [k, v] of Object.entries(CLEAN!)) {
    const n = v.split('\t').map(Number);
    rows[k] = [n[0], n.slice(1, 6).reduce((a, b) => a! + b!, 0), ...n.slice(1)].join('\t');
  }
  for (const [k] of S3_LABELS) rows[k] ??= Array(8).fill('0').join('\t');
  const out = await parse({ s3: rows });
  assert.equal(out.values!['s3.new.commercial'], 2);
  assert.equal(out.values!['s3.new.total'], 5);
  assert.equal(out.values!['s3.result.granted.commercial'], 2);
});

test('a subtotal column after 其他 is found by the rows that fit it, even when one row fits neither place', async () => {
  // new 3 | 1 1 0 0 0 | 5 and so on, each row printed with its subtotal (2) after 其他.
  const rows: Record<string, string> = {
    new: '3\t1\t1\t0\t0\t0\t2\t5', 'result.granted': '2\t1\t1\t0\t0\t0\t3\t4', // a misread subtotal: neither place sums
    'result.partial': '1\t0\t0\t0\t0\t0\t0\t1', 'result.total': '3\t1\t1\t0\t0\t0\t2\t5',
  };
  for (const [k] of S3_LABELS) rows[k] ??= Array(8).fill('0').join('\t');
  const out = await parse({ s3: rows });
  assert.deepEqual(['commercial', 'research', 'other_org', 'total'].map((c) => out.values![`s3.new.${c}`]), [1, 1, 0, 5]);
  assert.deepEqual(['commercial', 'research', 'other_org', 'total'].map((c) => out.values![`s3.result.granted.${c}`]), [1, 1, 0, 4]);
  assert.ok(!out.warnings!.some((w) => w.code === 'parse.s3_subtotal_ambiguous'));
});

test('(六) printed as a single row with 2021 section 二 is the hybrid template', async () => {
  const text = reportText({ s3: CLEAN })
    .replace(/\t\(六\) 其他处理\t1\.申请人[^\n]*\n[^\n]*缴纳费用[^\n]*\n\t\t3\.其他\t[^\n]*/, '\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0');
  const out = await parse(text);
  assert.equal(out.template, 'hybrid');
  assert.equal(out.values!['s3.result.other.total.total'], 0);
  assert.equal('s3.result.other.misc.total' in out.values!, false);
});

test('values wrapped onto the next line and labels split over two lines', async () => {
  const text = reportText({ s3: CLEAN })
    .replace('(一) 予以公开\t2\t2\t0', '(一) 予以公开\n2\t2\t0')
    .replace('5.要求行政机关确认或重新出具已获取信息', '5.要求行政机关确认或重\n新出具已获取信息');
  const out = await parse(text);
  assert.equal(out.values!['s3.result.granted.total'], 4);
  assert.deepEqual(out.flagged, []);
});

test('full-width digits and units inside cells', async () => {
  const out = await parse({ s2: '规章\t０\t０\t０\n行政规范性文件\t２\t1\t5\n行政许可\t12（其中修订3件）\n行政处罚\t1\n行政强制\t0\n行政事业性收费\t251000元\n本年收费金额（单位：万元）' });
  assert.equal(out.values!['s2.normative.issued'], 2);
  assert.equal(out.values!['s2.licensing.decisions'], 12);
  assert.equal(out.values!['s2.fees.amount'], 25.1);
});

test('not a report, an empty file, and a report without tables', async () => {
  const news = await parse('市领导调研春耕生产\n3月5日，市领导一行来到某某镇调研春耕备耕工作。');
  assert.equal(news.errorCode, 'parse.not_report');
  const empty = await parseBytes(new Uint8Array(0), { file: 'empty.txt' });
  assert.equal(empty.errorCode, 'input.empty');
  const free = await parse('某某镇2020年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息120条。\n二、主动公开政府信息情况\n全年共发布信息120条。\n五、存在的主要问题及改进情况\n公开形式单一。');
  assert.equal(free.template, 'free_form');
  assert.equal(free.year, 2020);
  assert.match(free.texts!.s5!, /公开形式单一/);
});

test('X.5: a number quoted in section 一 that differs from the table is a warning, not a flag', async () => {
  const text = reportText({ s3: CLEAN }).replace('2023年，我镇认真贯彻落实政府信息公开条例。', '全年共收到政府信息公开申请7件，办结5件。');
  const out = await parse(text);
  const x5 = out.checks!.filter((c) => c.rule === 'X.5');
  assert.deepEqual(x5.map((c) => [c.column, c.status]), [['s3.new.total', 'fail'], ['s3.result.total.total', 'pass']]);
  assert.ok(out.warnings!.some((w) => w.code === 'check.narrative_mismatch'));
  assert.deepEqual(out.flagged, []);
});

test('a blank national template (tables without values, no year, no body) is not a report', async () => {
  const file = new URL('../fixtures/parse/blank-template.docx', import.meta.url).pathname;
  const out = await parseBytes(readFileSync(file), { file });
  assert.equal(out.format, 'docx');
  assert.equal(out.errorCode, 'parse.not_report');
});

test('a number wrapped over two lines in a narrow cell is joined when the row sum says so', async () => {
  const text = reportText({ s3: { ...CLEAN, new: '120\t6\t0\t0\t1\t5\t13\n2', 'result.granted': '119\t8\t0\t0\t1\t4\t132', 'result.partial': '1\t0\t0\t0\t0\t0\t1', 'result.total': '120\t8\t0\t0\t1\t4\t133' } })
    .replace('一、本年新收政府信息公开申请数量\t120', '一、本年新收政府信息公开申请数量\t120');
  const out = await parse(text);
  assert.equal(out.values!['s3.new.total'], 132);
  assert.ok(out.warnings!.some((w) => w.code === 'parse.number_rejoined'));
});

test('section 二 rows whose labels were lost keep their values when whole rows stand in their place', async () => {
  const s2 = ['第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '\t1\t0\t3', '行政规范性文件\t2\t1\t5',
    '第二十条第（五）项', '信息内容\t本年处理决定数量', '\t33', '第二十条第（六）项', '信息内容\t本年处理决定数量',
    '行政处\t1', '行政强抽\t4', '第二十条第（八）项', '信息内容\t本年收费金额（单位：万元）', '行政事业性收费\t7730.28'].join('\n');
  const out = await parse({ s2 });
  assert.deepEqual(['s2.rules.issued', 's2.rules.in_force', 's2.normative.in_force', 's2.licensing.decisions', 's2.penalty.decisions', 's2.coercion.decisions', 's2.fees.amount']
    .map((c) => out.values![c]), [1, 3, 5, 33, 1, 4, 7730.28]);
  assert.ok(out.warnings!.some((w) => w.code === 'parse.s2_label_missing'));
  // A lost row that leaves a different count of values is not guessed.
  const short = await parse({ s2: s2.replace('\t33', '\t33\t7') });
  assert.equal(short.values!['s2.licensing.decisions'], null);
});

test('a row whose printed numbers cannot be placed is not quietly filled by rules its source breaks', async () => {
  // carried_out prints 4 and 4 (cells lost); new 5 = result.total 5 forces carried_out to 0 under R3.1
  const out = await parse({ s3: { ...CLEAN, carried_out: '4\t4' } });
  assert.equal(out.values!['s3.carried_out.total'], 0);
  assert.equal(out.cells!['s3.carried_out.total']!.source, 'derived');
  assert.ok(out.flagged!.includes('s3.carried_out.total') && out.flagged!.includes('s3.carried_out.natural_person'));
  assert.ok(out.warnings!.some((w) => w.code === 'parse.derived_contradicted'));
  // A row of zeros that could not be placed contradicts nothing
  const zeros = await parse({ s3: { ...CLEAN, carried_out: '0\t0' } });
  assert.ok(!zeros.flagged!.includes('s3.carried_out.total'));
});
