/**
 * Pagination conventions: TRS names the second page `_1` and says 0 on the first page; other pagers name it
 * `_2`. A page that states its own number (当前第1页, currentPage = 1) decides which, so no page of a list is
 * missed and none past the stated count is followed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorsOf } from '../../crawlers/anchors.ts';
import { scriptPages, scriptPaging } from '../../crawlers/families/trs.ts';
import { currentPage, numberedPages } from '../../crawlers/pagination.ts';

const path = (u: string): string => new URL(u).pathname;

test('a list page that states its own number: _2 after _1 is page 2 of 2, not past the count', () => {
  const url = 'http://x.gov.cn/news/list_56_1.html';
  const html = '<div class="page"><span>共10条记录 共2页 当前第1页</span> <a href="/news/list_56.html">首页</a> <a href="/news/list_56_2.html">下一页</a> <a href="/news/list_56_2.html">尾页</a></div>';
  const p = numberedPages(url, html, anchorsOf(html, url));
  assert.deepEqual(p.pastCount, []);
  assert.ok(p.urls.map(path).includes('/news/list_56_2.html'));
  // TRS: index_1.html is the second page (当前第2页); index_2.html would be the third, past a count of 2.
  const trsUrl = 'http://x.gov.cn/col/index_1.html';
  const trs = '<div>共2页 当前第2页 <a href="index.html">首页</a> <a href="index_2.html">下一页</a></div>';
  assert.deepEqual(numberedPages(trsUrl, trs, anchorsOf(trs, trsUrl)).pastCount.map(path), ['/col/index_2.html']);
  assert.equal(currentPage('第3页/共5页'), 3);
  assert.equal(currentPage('<span>2/7页</span>'), 2);
  assert.equal(currentPage('共5页'), undefined);
});

test('script pagers: a first page calling itself 1 reaches _count; TRS (0 on the first page) stops at _(count-1)', () => {
  const oneBased = scriptPaging(["var pageCount = 3, currentPage = 1, pageName = 'zfxxgknb_list'; showPageNav('pageNav', pageCount, currentPage, pageName, 'shtml');"]);
  assert.deepEqual(oneBased, { count: 3, current: 1, prefix: 'zfxxgknb_list', suffix: 'shtml' });
  const pages = scriptPages('http://x.gov.cn/c1/zfxxgknb_list.shtml', oneBased!).map(path);
  assert.ok(pages.includes('/c1/zfxxgknb_list_2.shtml') && pages.includes('/c1/zfxxgknb_list_3.shtml'), pages.join(' '));
  const trs = scriptPaging(['createPageHTML(3, 0, "index", "html");'])!;
  assert.deepEqual(scriptPages('http://x.gov.cn/c1/index.html', trs).map(path), ['/c1/index_1.html', '/c1/index_2.html']);
});
