import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentTitle, discoverDetail, discoverList, discoverProxy, type PageContext } from '../../crawlers/discover.ts';
import type { SiteConfig } from '../../crawlers/types.ts';

const SITE: SiteConfig = {
  id: 'hz', name: '洪泽', entryUrl: 'http://www.hz.gov.cn/', entryRole: 'auto', adapter: 'auto', render: 'auto', rps: 1,
  pageLimit: 100, allowedHosts: ['hz.gov.cn'], maxDepth: 4,
};
const ctx = (url: string, role: PageContext['role'], depth = 1): PageContext => ({ url, role, depth, site: SITE, now: new Date('2025-06-01') });
const byKind = (links: { kind: string; role?: string; url: string }[], kind: string, role?: string) =>
  links.filter((l) => l.kind === kind && (role === undefined || l.role === role)).map((l) => l.url).sort();

test('portal home: finds the 年报 columns by text and slug, and reports linked from the home page', () => {
  const html = `<html><body><a href="/zwgk/">政务公开</a><a href="/zfxxgk/zfxxgknb/">政府信息公开年报</a>
    <a href="/xxgk/ndbb/index.shtml">年度报告</a><a href="/col/col5/index.html" title="政府信息公开工作年度报告">年度报…</a>
    <a href="/zfxxgk/zfxxgknb/202401/t20240115_1.html">洪泽区2023年政府信息公开工作年度报告</a>
    <a href="/zfxxgk/zcwj/">政策文件</a></body></html>`;
  const d = discoverList(html, ctx('http://www.hz.gov.cn/', 'home', 0));
  assert.deepEqual(byKind(d.links, 'list', 'column'), [
    'http://www.hz.gov.cn/col/col5/index.html', 'http://www.hz.gov.cn/xxgk/ndbb/index.shtml', 'http://www.hz.gov.cn/zfxxgk/zfxxgknb/',
  ]);
  assert.deepEqual(byKind(d.links, 'detail'), ['http://www.hz.gov.cn/zfxxgk/zfxxgknb/202401/t20240115_1.html']);
  assert.ok(d.links.every((l) => l.kind !== 'list' || l.depth === 1));
});

test('TRS column: createPageHTML pages, report links with dates, direct attachments, year and township sub-columns', () => {
  const html = `<ul>
    <li><a href="./202401/t20240115_1.html" title="洪泽区2023年政府信息公开工作年度报告">洪泽区2023年政府信息公开工作年度…</a><span>2024-01-15</span></li>
    <li><a href="./202401/P020240116.pdf">高良涧街道2023年政府信息公开工作年度报告.pdf</a><span>2024-01-16</span></li>
    <li><a href="./202401/t20240117_3_wap.html">岔河镇2023年政府信息公开工作年度报告（手机版）</a></li>
    <li><a href="./2022/">2022年</a></li><li><a href="./glj/">高良涧街道</a></li>
    <li><a href="./202401/t20240118_4.html">关于开展培训的通知</a></li>
    <li><a href="http://www.docin.com/p-1.html">洪泽区2022年政府信息公开工作年度报告</a></li>
  </ul><script>createPageHTML(3, 0, "index", "html");</script>`;
  const d = discoverList(html, ctx('http://www.hz.gov.cn/zfxxgk/zfxxgknb/index.html', 'column'));
  const detail = d.links.find((l) => l.url.endsWith('t20240115_1.html'));
  assert.equal(detail?.title, '洪泽区2023年政府信息公开工作年度报告');
  assert.equal(detail?.publishedAt, '2024-01-15');
  const pdf = d.links.find((l) => l.kind === 'attachment');
  assert.equal(pdf?.title, '高良涧街道2023年政府信息公开工作年度报告');
  assert.ok(d.links.some((l) => l.url.endsWith('t20240117_3.html') && l.title === '岔河镇2023年政府信息公开工作年度报告'), 'wap twin folded');
  assert.deepEqual(byKind(d.links, 'list', 'page'), [
    'http://www.hz.gov.cn/zfxxgk/zfxxgknb/index_1.html', 'http://www.hz.gov.cn/zfxxgk/zfxxgknb/index_2.html',
  ]);
  assert.deepEqual(byKind(d.links, 'list', 'column'), ['http://www.hz.gov.cn/zfxxgk/zfxxgknb/2022/', 'http://www.hz.gov.cn/zfxxgk/zfxxgknb/glj/']);
  assert.ok(!d.links.some((l) => l.url.includes('t20240118_4')), 'news items are not followed');
  assert.deepEqual(d.rejected, [{ url: 'http://www.docin.com/p-1.html', reason: 'offsite' }]);
});

test('JS variables and templates in hrefs are ignored', () => {
  const html = `<a href="javascript:openWin('x')">2021年政府信息公开工作年度报告</a><a href="{{item.url}}">2022年政府信息公开工作年度报告</a>
    <a href="' + item.url + '">2020年政府信息公开工作年度报告</a><a href="url">2019年政府信息公开工作年度报告</a>
    <a href="item.link">2018年政府信息公开工作年度报告</a><a href="\${url}">2017年政府信息公开工作年度报告</a>`;
  const d = discoverList(html, ctx('http://www.hz.gov.cn/nb/list.htm', 'column'));
  assert.deepEqual(d.links, []);
});

test('?page=N pagination with a 共N页 total; a barren page does not follow its pager (endless lists end)', () => {
  const html = `<a href="nb.shtml?page=1">首页</a><a href="nb.shtml?page=2">下一页</a> 共4页
    <a href="/x/1.shtml">2023年政府信息公开工作年度报告</a>`;
  const d = discoverList(html, ctx('http://www.hz.gov.cn/nb/nb.shtml?page=1', 'page'));
  assert.deepEqual(byKind(d.links, 'list', 'page'), [2, 3, 4].map((n) => `http://www.hz.gov.cn/nb/nb.shtml?page=${n}`));
  const barren = discoverList('<a href="nb.shtml?page=9">下一页</a>', ctx('http://www.hz.gov.cn/nb/nb.shtml?page=8', 'page'));
  assert.deepEqual(barren.links, []);
});

test('Hanweb: inline datastore records and dataproxy.jsp groups; proxy XML responses', () => {
  const page = `<div id="1"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&columnid=7&unitid=9"></a>]]></nextgroup>
    <recordset><record><![CDATA[<li><a href="/art/2024/1/5/art_7_1.html">2023年政府信息公开工作年度报告</a><b>2024-01-05</b></li>]]></record></recordset></datastore></script></div>
    <script>$('#1').jpage({ perPage: 1, totalRecord: 8, proxyUrl: '/module/web/jpage/dataproxy.jsp' });</script>`;
  const d = discoverList(page, ctx('http://www.hz.gov.cn/col/col7/index.html', 'column'));
  assert.deepEqual(byKind(d.links, 'detail'), ['http://www.hz.gov.cn/art/2024/1/5/art_7_1.html']);
  const proxies = byKind(d.links, 'list', 'proxy');
  assert.equal(proxies.length, 3); // records 2-4, 5-7, 8
  assert.ok(proxies.some((u) => u.includes('startrecord=2') && u.includes('endrecord=4') && u.includes('columnid=7')));
  const xml = `<?xml version="1.0"?><datastore><totalrecord>8</totalrecord><recordset>
    <record><![CDATA[<li><a href="/art/2023/1/5/art_7_2.html" title="2022年政府信息公开工作年度报告">2022年…</a></li>]]></record></recordset></datastore>`;
  const p = discoverProxy(xml, ctx(proxies[0], 'proxy'));
  assert.deepEqual(p.links.map((l) => [l.url, l.title]), [['http://www.hz.gov.cn/art/2023/1/5/art_7_2.html', '2022年政府信息公开工作年度报告']]);
});

test('JSON list APIs: records anywhere in the JSON, and the other pages', () => {
  const page = `<ul id="l"></ul><script>var api = "/api/nb/list.json?col=3&pageNo=1";</script>`;
  const d = discoverList(page, ctx('http://www.hz.gov.cn/col/col3/index.html', 'column'));
  assert.deepEqual(byKind(d.links, 'list', 'proxy'), ['http://www.hz.gov.cn/api/nb/list.json?col=3&pageNo=1']);
  const json = JSON.stringify({ result: { pageCount: 2, list: [{ docTitle: '岔河镇2023年政府信息公开工作年度报告', docPubUrl: '/art/1.html', pubDate: '2024-01-20 10:00' }] } });
  const p = discoverProxy(json, ctx('http://www.hz.gov.cn/api/nb/list.json?col=3&pageNo=1', 'proxy'));
  assert.deepEqual(p.links.map((l) => [l.kind, l.url, l.publishedAt ?? null]), [
    ['detail', 'http://www.hz.gov.cn/art/1.html', '2024-01-20'],
    ['list', 'http://www.hz.gov.cn/api/nb/list.json?col=3&pageNo=2', null],
  ]);
});

test('an empty list with scripts looks JS-rendered', () => {
  const d = discoverList('<ul id="list"></ul><script>render(atob("..."))</script>', ctx('http://www.hz.gov.cn/nb/', 'column'));
  assert.ok(d.looksScripted);
  assert.ok(!discoverList('<ul id="list"></ul>', ctx('http://www.hz.gov.cn/nb/', 'column')).looksScripted);
});

test('detail page: report attachments (not the guide, not the mirror), embedded PDFs, title and date', () => {
  const html = `<html><head><meta name="ArticleTitle" content="岔河镇2023年政府信息公开工作年度报告"><meta name="PubDate" content="2024-01-20 09:00"></head>
    <body><p>详见附件</p><a href="./P0202401.pdf">2023年报告.pdf</a><a href="/download.jsp?filename=x.docx">附件2</a>
    <a href="/zn/guide.pdf">政府信息公开指南（2023年版）</a><a href="http://mirror.example.com/P0202401.pdf">镜像下载</a>
    <iframe src="/pdfjs/web/viewer.html?file=/files/report.pdf"></iframe></body></html>`;
  const d = discoverDetail(html, ctx('http://www.hz.gov.cn/nb/202401/t20240120_5.html', 'column', 2));
  assert.equal(d.info.title, '岔河镇2023年政府信息公开工作年度报告');
  assert.equal(d.info.publishedAt, '2024-01-20');
  assert.ok(!d.info.hasReportText);
  assert.deepEqual(byKind(d.links, 'attachment'), [
    'http://www.hz.gov.cn/download.jsp?filename=x.docx', 'http://www.hz.gov.cn/files/report.pdf', 'http://www.hz.gov.cn/nb/202401/P0202401.pdf',
  ]);
  assert.ok(d.links.every((l) => l.title === '岔河镇2023年政府信息公开工作年度报告'));
  assert.deepEqual(d.rejected.map((r) => r.reason), ['offsite']);
});

test('attachment titles: a link text naming a body wins over the page title', () => {
  assert.equal(attachmentTitle('岔河镇2023年政府信息公开工作年度报告.pdf', '各镇街2023年年报'), '岔河镇2023年政府信息公开工作年度报告');
  assert.equal(attachmentTitle('2023年政府信息公开工作年度报告.pdf', '岔河镇2023年政府信息公开工作年度报告'), '岔河镇2023年政府信息公开工作年度报告');
  assert.equal(attachmentTitle('附件1', undefined), '附件1');
});

test('too deep lists and over-long URLs are rejected', () => {
  const long = `/nb/?id=${'x'.repeat(1100)}`;
  const html = `<a href="/zfxxgknb/">政府信息公开年报</a><a href="${long}">2023年政府信息公开工作年度报告</a>`;
  const d = discoverList(html, ctx('http://www.hz.gov.cn/nb/', 'column', 4));
  assert.deepEqual(d.rejected.map((r) => r.reason).sort(), ['depth', 'url_too_long']);
});

test('the adapter chooses the CMS strategies: generic reads plain links and numbered pages only', () => {
  const html = `<script>createPageHTML(3, 0, "index", "html");</script><script>var api = "/api/list.json?pageNo=1";</script>
    <a href="index_1.html">2</a><a href="/a/1.html">2023年政府信息公开工作年度报告</a>`;
  const generic = { ...SITE, adapter: 'generic' as const };
  const d = discoverList(html, { ...ctx('http://www.hz.gov.cn/nb/index.html', 'column'), site: generic });
  assert.deepEqual(byKind(d.links, 'list'), ['http://www.hz.gov.cn/nb/index_1.html']);
  const auto = discoverList(html, ctx('http://www.hz.gov.cn/nb/index.html', 'column'));
  assert.deepEqual(byKind(auto.links, 'list'), [
    'http://www.hz.gov.cn/api/list.json?pageNo=1', 'http://www.hz.gov.cn/nb/index_1.html', 'http://www.hz.gov.cn/nb/index_2.html',
  ]);
});

test('a page nested 100,000 levels deep is read without a stack overflow (nesting cut, links above it kept)', () => {
  const html = `<html><body><a href="/nb/1.html">2023年政府信息公开工作年度报告</a>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`;
  const d = discoverList(html, ctx('http://www.hz.gov.cn/nb/', 'column'));
  assert.deepEqual(byKind(d.links, 'detail'), ['http://www.hz.gov.cn/nb/1.html']);
});

test('a column of years under headings, each report named by its body only: articles and files are reports, list pages sub-columns', () => {
  const html = `<h3>2023年度</h3><ul><li><a href="/nb/202401/t20240110_1.html">县财政局</a></li><li><a href="/nb/202401/P020240112.pdf">城关镇</a></li>
    <li><a href="/nb/mzj/index.html">民政局</a></li><li><a href="/nb/202401/t20240115_2.html">峻德路街道办事处</a></li>
    <li><a href="/Article.aspx?id=4818">嘉禾县人民政府</a></li></ul>`;
  const d = discoverList(html, ctx('http://www.hz.gov.cn/nb/index.html', 'column'));
  assert.deepEqual(byKind(d.links, 'detail'), ['http://www.hz.gov.cn/Article.aspx?id=4818', 'http://www.hz.gov.cn/nb/202401/t20240110_1.html', 'http://www.hz.gov.cn/nb/202401/t20240115_2.html']);
  assert.deepEqual(byKind(d.links, 'attachment'), ['http://www.hz.gov.cn/nb/202401/P020240112.pdf']);
  assert.deepEqual(byKind(d.links, 'list', 'column'), ['http://www.hz.gov.cn/nb/mzj/index.html']);
  // An organ's own page lists its reports by its own name; another organ's name there is no report of it.
  const organ = discoverList(`<a href="/jdljd/202401/5030147.shtml">峻德路街道办事处</a><a href="/xaq/202401/5030150.shtml">财政局</a>`,
    { ...ctx('http://www.hz.gov.cn/jdljd/index.shtml', 'hub'), context: '峻德路街道' });
  assert.deepEqual(byKind(organ.links, 'detail'), ['http://www.hz.gov.cn/jdljd/202401/5030147.shtml']);
});
