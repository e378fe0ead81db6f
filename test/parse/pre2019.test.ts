// Reports of 2008–2018 (template p2008): detection and the reader of the p.* codebook, one small report each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBytes } from '../../src/pipeline/parse-file.ts';
import { parseReport } from '../../src/parse/index.ts';

const parse = (text: string, file = 't.txt') => parseBytes(Buffer.from(text), { file, ...(file.endsWith('.html') ? { contentType: 'text/html' } : {}) });

const HEAD = (year: number | string) => `某某县人民政府${year}年政府信息公开工作年度报告\n`;
const SECTIONS = ['一、概述', '二、主动公开政府信息情况', '三、依申请公开政府信息情况', '四、政府信息公开的收费及减免情况', '五、因政府信息公开申请行政复议、提起行政诉讼的情况', '六、政府信息公开工作存在的主要问题及改进措施'];
const report = (year: number | string, ...bodies: string[]) => HEAD(year) + SECTIONS.map((h, i) => `${h}\n${bodies[i] ?? '无。'}`).join('\n');

test('a 2011 narrative report is p2008: totals, 其中 breakdowns by parent, answers, negations, evidence', async () => {
  const out = await parse(report(2011,
    '2011年，我县配备专兼职工作人员12名。',
    '全年共主动公开政府信息1,245条，其中通过政府网站公开1100条，规范性文件36件。与2010年相比，增加了120条。2010年主动公开政府信息1125条。',
    '全年共受理政府信息公开申请35件，其中当面20件，网上12件，信函3件。已答复35件，其中同意公开28件，部分公开2件，不予公开1件，不属于本机关公开范围3件，信息不存在1件。',
    '未收取任何费用，也无减免情况。',
    '未发生因政府信息公开申请行政复议、提起行政诉讼的情况。'));
  assert.equal(out.template, 'p2008');
  assert.equal(out.year, 2011);
  const v = out.values!;
  assert.equal(v['p.proactive.total'], 1245);
  assert.equal(v['p.proactive.by_channel.website'], 1100);
  assert.equal(v['p.proactive.normative_docs'], 36);
  assert.equal(v['p.requests.received'], 35);
  assert.deepEqual([v['p.requests.by_channel.in_person'], v['p.requests.by_channel.online'], v['p.requests.by_channel.mail']], [20, 12, 3]);
  assert.deepEqual([v['p.responses.total'], v['p.responses.granted'], v['p.responses.partial'], v['p.responses.refused']], [35, 28, 2, 1]);
  assert.deepEqual([v['p.responses.not_this_agency'], v['p.responses.not_held']], [3, 1]);
  assert.deepEqual([v['p.fees.amount'], v['p.fees.waived'], v['p.review.count'], v['p.litigation.count']], [0, 0, 0, 0]);
  assert.equal(out.cells!['p.review.count']!.kind, 'negation');
  assert.equal(v['p.staff.total'], 12);
  assert.equal(v['p.consultations.count'], null, 'silence is null, never 0');
  assert.ok(!Object.keys(v).some((c) => c.startsWith('s')), 'no template code');
  assert.match(out.cells!['p.requests.received']!.evidence!, /全年共受理政府信息公开申请35件/);
  assert.equal(typeof out.cells!['p.requests.received']!.provenance.offset, 'number');
  assert.deepEqual(out.flagged, []);
  assert.ok(out.checks!.some((c) => c.rule === 'P.parts' && c.column === 'p.requests.received' && c.status === 'pass'));
});

test('Chinese numerals, approximations, 分别 and 各 lists, 万元 kept apart, look-alikes and other years not read', async () => {
  const out = await parse(report(2014,
    '县行政服务中心全年受理各类审批事项12345件。12345热线受理群众来电3万余个。全年为企业减免税费300万元。两次举办政府信息公开业务培训，培训人员200余人次。',
    '主动公开政府信息约3000条。',
    '收到政府信息公开申请十二件，当面申请、网上申请和信函申请分别为5件、4件、3件。接受政府信息公开咨询十余次。',
    '共收取检索、复制费用0.2万元。',
    '涉及政府信息公开的行政复议、行政诉讼各1件。'));
  const v = out.values!;
  assert.equal(out.template, 'p2008');
  assert.equal(v['p.training.sessions'], 2);
  assert.equal(v['p.training.participants'], 200);
  assert.equal(out.cells!['p.training.participants']!.kind, 'approximate');
  assert.equal(v['p.proactive.total'], 3000);
  assert.equal(v['p.requests.received'], 12);
  assert.deepEqual([v['p.requests.by_channel.in_person'], v['p.requests.by_channel.online'], v['p.requests.by_channel.mail']], [5, 4, 3]);
  assert.equal(v['p.consultations.count'], 10);
  assert.equal(v['p.fees.amount_wan'], 0.2, 'printed in 万元, never converted');
  assert.equal(v['p.fees.amount'], null);
  assert.deepEqual([v['p.review.count'], v['p.litigation.count'], v['p.review_litigation.count']], [1, 1, null]);
  assert.equal(v['p.fees.waived'], null, 'tax relief is not a fee waiver');
});

test('rule 3: an all-matter review count followed by a disclosure negation gives 0; a combined count is not split', async () => {
  const a = await parse(report(2012, '', '', '', '', '全年共办理行政复议案件5件，没有因政府信息公开引起的行政复议和行政诉讼。'));
  assert.equal(a.values!['p.review.count'], 0);
  assert.equal(a.values!['p.litigation.count'], 0);
  const b = await parse(report(2012, '', '', '', '', '全年涉及政府信息公开的行政复议和行政诉讼案件共3件。'));
  assert.deepEqual([b.values!['p.review_litigation.count'], b.values!['p.review.count'], b.values!['p.litigation.count']], [3, null, null]);
});

test('an annex table: 本年度 and 历年累计, a glued digit run cut where the narrative confirms, a conflict with the narrative flagged', async () => {
  const out = await parse(report(2013, '', '全年共主动公开政府信息460条。', '全年共受理政府信息公开申请12件。') + '\n附表\n指标名称\t单位\t本年度\t历年累计\n主动公开信息数\t条\t456\t2300\n受理申请数\t件\t1240\n行政复议数\t件\t0\t1\n');
  const v = out.values!;
  assert.equal(v['p.proactive.total'], 456, 'the table stands');
  assert.equal(v['p.cum.proactive.total'], 2300);
  assert.ok(out.flagged!.includes('p.proactive.total'));
  assert.ok(out.warnings!.some((w) => w.code === 'p.table_text_conflict' && w.cell === 'p.proactive.total'));
  assert.ok(out.checks!.some((c) => c.rule === 'P.table_text' && c.status === 'fail' && c.expected === 460 && c.actual === 456));
  assert.deepEqual([v['p.requests.received'], v['p.cum.requests.received']], [12, 40], '「1240」 cut as the text confirms');
  assert.deepEqual([v['p.review.count'], v['p.cum.review.count']], [0, 1]);
  assert.match(out.cells!['p.cum.proactive.total']!.evidence!, /主动公开信息数 条 456 2300/);
});

test('a PDF table whose label cell holds two rows\' labels: each label takes its own row\'s values', async () => {
  const out = await parse(`${HEAD(2010)}指标名称 单位 本年度 历年累计\n主动公开信息数 条 405 2000\n其他方式公开受理申请数 条 28 936\n件 19 64\n行政诉讼数行政申诉数 件 0 3\n件 0 0\n`);
  const v = out.values!;
  assert.deepEqual([v['p.proactive.by_channel.other'], v['p.cum.proactive.by_channel.other'], v['p.requests.received'], v['p.cum.requests.received']], [28, 936, 19, 64]);
  assert.deepEqual([v['p.litigation.count'], v['p.cum.litigation.count'], v['p.appeals.count'], v['p.cum.appeals.count']], [0, 3, 0, 0]);
});

test('the 2018 统计表 (HTML) is p2008 and fills only p.* codes; a value glued to the next item number is cut', async () => {
  const rows = [['统计指标', '单位', '统计数'], ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '860'], ['（一）收到申请数', '件', '7'],
    ['1.当面申请数', '件', '4'], ['3.网上申请数', '件', '3'], ['（三）申请答复数', '件', '7'], ['2.同意公开答复数', '件', '6'], ['3.同意部分公开答复数', '件', '1'],
    ['四、行政复议数量', '件', '1'], ['（一）维持具体行政行为数', '件', '1'], ['五、行政诉讼数量', '件', '0'], ['（三）其他情形数', '件', '0'],
    ['七、依申请公开信息收取的费用', '万元', '0']];
  const html = `<html><head><meta charset="utf-8"><title>某某局2018年政府信息公开工作年度报告</title></head><body><div class="TRS_Editor"><p>某某局2018年政府信息公开工作年度报告</p><table border="1">${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></div></body></html>`;
  const out = await parse(html, 't.html');
  assert.equal(out.template, 'p2008');
  const v = out.values!;
  assert.deepEqual([v['p.proactive.total'], v['p.requests.received'], v['p.requests.by_channel.online'], v['p.responses.partial']], [860, 7, 3, 1]);
  assert.deepEqual([v['p.review.count'], v['p.review.upheld'], v['p.litigation.count'], v['p.litigation.other'], v['p.fees.amount_wan']], [1, 1, 0, 0, 0]);
  assert.ok(!Object.keys(v).some((c) => !c.startsWith('p.')));
  const text = await parse(`${HEAD(2017)}统计指标 单位 统计数\n（一）收到申请数 件 7\n1.当面申请数 件 42.传真申请数 件 0\n3.网上申请数 件 3\n`);
  assert.deepEqual([text.values!['p.requests.by_channel.in_person'], text.values!['p.requests.by_channel.fax']], [4, 0]);
  // The same table flattened to one cell per line.
  const flat = await parse(`${HEAD(2018)}${rows.slice(0, 4).flat().join('\n')}\n`);
  assert.deepEqual([flat.values!['p.proactive.total'], flat.values!['p.requests.received'], flat.values!['p.requests.by_channel.in_person']], [860, 7, 4]);
});

test('历年累计 in a sentence goes to p.cum.*, and a report of 2020 without tables stays free_form', async () => {
  const out = await parse(report(2015, '', '自《条例》实施以来，累计主动公开政府信息5600条。全年主动公开政府信息800条。'));
  assert.deepEqual([out.values!['p.proactive.total'], out.values!['p.cum.proactive.total']], [800, 5600]);
  const later = await parse('某某镇2020年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息120条。\n二、主动公开政府信息情况\n全年共发布信息120条。\n五、存在的主要问题及改进情况\n无。');
  assert.equal(later.template, 'free_form');
});

test('in an OCR\'d report a number no check confirms is flagged; a breakdown that adds up confirms its cells', () => {
  const text = report(2012, '', '全年共主动公开政府信息186条。', '全年共受理政府信息公开申请5件，其中当面申请3件，网上申请2件。', '未收取任何费用。');
  const doc = { format: 'pdf' as const, ocr: true, blocks: text.split('\n').map((t) => ({ kind: 'paragraph' as const, text: t })) };
  const { value } = parseReport(doc);
  assert.equal(value.template, 'p2008');
  assert.equal(value.values['p.proactive.total'], 186);
  assert.ok(value.flagged.includes('p.proactive.total'));
  assert.ok(!value.flagged.includes('p.requests.received') && !value.flagged.includes('p.requests.by_channel.online'));
  assert.ok(!value.flagged.includes('p.fees.amount'), 'a negation is words, not digits');
});

test('in an OCR\'d report a count stated in a run-on clause beats its negation (stops lost: 「无减免情况…复议案件3件」); others stay flagged', () => {
  const text = report(2012, '', '全年共主动公开政府信息186条。', '全年共受理政府信息公开申请5件，其中当面申请3件，网上申请2件。', '未收取任何费用也无减免情况、因政府信息公开申请行政复议、提起行政诉讼的情况全年发生政府信息公开行政复议案件3件');
  const doc = { format: 'pdf' as const, ocr: true, blocks: text.split('\n').map((t) => ({ kind: 'paragraph' as const, text: t })) };
  const { value, warnings } = parseReport(doc);
  assert.equal(value.values['p.review.count'], 3, 'the count the clause states');
  assert.ok(value.flagged.includes('p.review.count'));
  assert.ok(warnings.some((w) => w.code === 'p.ocr_run_on_negation'));
  const negated = Object.entries(value.cells).filter(([, c]) => c.kind === 'negation' && /\d/.test(c.evidence ?? '')).map(([code]) => code);
  for (const code of negated) assert.ok(value.flagged.includes(code), `${code} flagged`);
});
