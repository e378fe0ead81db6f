/**
 * Link texts that name nothing (an 索引号, a 查看 button) take their table row's title; a pager row keeps its
 * numbers. Images beside a report (its 图解) are not taken for its attachment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorsOf } from '../../crawlers/anchors.ts';
import { analyseDetail } from '../../crawlers/detail.ts';
import { Page } from '../../crawlers/page.ts';
import type { SiteConfig } from '../../crawlers/types.ts';

const SITE: SiteConfig = {
  id: 'x', name: '某县', entryUrl: 'http://x.gov.cn/', entryRole: 'auto', adapter: 'auto', render: 'auto', rps: 1,
  pageLimit: 100, allowedHosts: ['x.gov.cn'], maxDepth: 4,
};

const URL0 = 'http://x.gov.cn/xxgk/gknb/index.html';

test('a row linked on its 索引号 or a 查看 button is named by its title cell; a pager row is not', () => {
  const html = `<table>
    <tr><th>索引号</th><th>名称</th><th>发布机构</th><th>生成日期</th></tr>
    <tr><td><a href="t1.html">5104221154/2024-00157</a></td><td title="某县统计局2023年政府信息公开工作年度报告">某县统计局2023年政府信息公开工…</td><td>某县统计局</td><td>2024-01-13</td></tr>
    <tr><td>某县2022年政府信息公开工作年度报告</td><td>2023-01-20</td><td><a href="t2.html">查看</a></td></tr>
    <tr><td colspan="4">共3页 <a href="index_1.html">2</a> <a href="index_2.html">3</a></td></tr>
  </table>`;
  const byUrl = new Map(anchorsOf(html, URL0).map((a) => [a.url.replace(/^.*\//, ''), a.text]));
  assert.equal(byUrl.get('t1.html'), '某县统计局2023年政府信息公开工作年度报告');
  assert.equal(byUrl.get('t2.html'), '某县2022年政府信息公开工作年度报告');
  assert.equal(byUrl.get('index_1.html'), '2');
});

test('a list item whose link holds only a date or an icon is named by the text beside it; pager icons stay nameless', () => {
  const html = `<ul>
    <li><a href="t3.html">2024-01-05</a><span class="title">某县2023年政府信息公开工作年度报告</span></li>
    <li><a href="t4.html"><i class="icon"></i></a><p>某镇2023年政府信息公开工作年度报告</p></li>
    <li><a href="t5.html">2022年度报告</a></li>
    <li><a href="t6.html"><span class="date">2025-01-25</span></a><p class="title">水定镇</p></li>
    <li><a href="t7.html"><img src="/i.gif" alt=""></a><p class="title">交通运输局</p><em>2025-02-14</em></li>
  </ul><div class="page">共3页 <a href="index_1.html"><i class="next"></i></a></div>`;
  const byUrl = new Map(anchorsOf(html, URL0).map((a) => [a.url.replace(/^.*\//, ''), a.text]));
  assert.equal(byUrl.get('t3.html'), '某县2023年政府信息公开工作年度报告');
  assert.equal(byUrl.get('t4.html'), '某镇2023年政府信息公开工作年度报告');
  assert.equal(byUrl.get('t5.html'), '2022年度报告');
  assert.equal(byUrl.get('t6.html'), '水定镇');
  assert.equal(byUrl.get('t7.html'), '交通运输局');
  assert.equal(byUrl.get('index_1.html'), '');
});

test('an image beside a report is no attachment unless its own link names a report', () => {
  const html = `<html><head><title>某县2021年政府信息公开工作年度报告</title></head><body><div class="content"><p>附件：</p><ul>
    <li><a href="/files/a.pdf">附件1</a></li><li><a href="./W020220123.jpg">附件2.jpg</a></li>
    <li><a href="/files/scan.jpg">某镇2021年政府信息公开工作年度报告.jpg</a></li></ul></div></body></html>`;
  const info = analyseDetail(new Page(html, { url: 'http://x.gov.cn/xxgk/t1.html', role: 'column', depth: 2, site: SITE }));
  assert.deepEqual(info.attachments.map((a) => new URL(a.url).pathname), ['/files/a.pdf', '/files/scan.jpg']);
});
