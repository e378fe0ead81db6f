import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDate, hasColumnSlug, isBodyText, isColumnText, isReportTitle, isYearText, reportYear } from '../../crawlers/report-title.ts';

const NOW = new Date('2025-06-01T00:00:00Z');

test('report titles name a year (2008..now) and an annual disclosure report', () => {
  for (const t of [
    '淮安市洪泽区人民政府2024年政府信息公开工作年度报告',
    '洪泽区 2023 年度 政府信息公开 工作年度报告',
    '高良涧街道2022年政务公开工作年度报告',
    '二〇二一年政府信息公开工作年度报告',
    '2019年政府信息公开年报',
    '某某镇2023年政府信息公开工作年度…',
  ]) assert.ok(isReportTitle(t, { now: NOW }), t);
  for (const t of [
    '2023年政府信息公开工作年度报告解读',
    '一图读懂2023年政府信息公开工作年度报告',
    '政府信息公开年报',
    '2007年政府信息公开工作年度报告',
    '2030年政府信息公开工作年度报告',
    '2023年统计公报',
    '关于报送2023年政府信息公开工作年度报告的通知',
  ]) assert.ok(!isReportTitle(t, { now: NOW }), t);
});

test('inside a 年报 column, a year and 报告/年报 are enough', () => {
  assert.ok(!isReportTitle('2023年度报告', { now: NOW }));
  assert.ok(isReportTitle('2023年度报告', { inColumn: true, now: NOW }));
  assert.ok(isReportTitle('高良涧街道2023年年报', { inColumn: true, now: NOW }));
  assert.ok(!isReportTitle('2023年工作要点', { inColumn: true, now: NOW }));
});

test('reportYear prefers 年度, reads Chinese numerals, ignores out-of-range years', () => {
  assert.equal(reportYear('2024年3月发布的2023年度政府信息公开工作年度报告', NOW), 2023);
  assert.equal(reportYear('二零二二年政府信息公开工作年度报告', NOW), 2022);
  assert.equal(reportYear('1999年报告', NOW), undefined);
});

test('columns, year and body sub-columns, slugs', () => {
  for (const t of ['政府信息公开年报', '政府信息公开工作年度报告', '信息公开年度报告', '年度报告', '年报', '往年年报', '部门年报']) {
    assert.ok(isColumnText(t), t);
  }
  for (const t of ['政府信息公开', '2023年政府信息公开工作年度报告', '政府信息公开指南', '首页']) assert.ok(!isColumnText(t), t);
  assert.ok(isYearText('2023年', NOW));
  assert.ok(isYearText('2023年度', NOW));
  assert.ok(!isYearText('2023年1月', NOW));
  assert.ok(isBodyText('高良涧街道'));
  assert.ok(isBodyText('区教育局'));
  assert.ok(isColumnText('乡镇（街道）年报'));
  assert.ok(!isBodyText('互动交流'));
  assert.ok(hasColumnSlug('http://a.gov.cn/zfxxgk/zfxxgknb/index.html'));
  assert.ok(hasColumnSlug('http://a.gov.cn/xxgk/ndbb/'));
  assert.ok(!hasColumnSlug('http://a.gov.cn/zfxxgk/zcwj/index.html'));
});

test('findDate reads the usual date forms', () => {
  assert.equal(findDate('发布日期：2024-01-15 09:30', NOW), '2024-01-15');
  assert.equal(findDate('2024年1月5日', NOW), '2024-01-05');
  assert.equal(findDate('[2024/03/09]', NOW), '2024-03-09');
  assert.equal(findDate('2024.1.9', NOW), '2024-01-09');
  assert.equal(findDate('编号 20240115', NOW), undefined);
  assert.equal(findDate('2024-13-01', NOW), undefined);
});
