import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl, desktopTwin, hostAllowed, isWapTwin, urlKey } from '../../crawlers/canonical.ts';

test('canonicalUrl: lowercase host, default port, no fragment, sorted query, tracking parameters dropped', () => {
  assert.equal(canonicalUrl('HTTP://WWW.Hongze.GOV.cn:80/col/index.html?b=2&a=1&utm_source=x&spm=1.2#top'),
    'http://www.hongze.gov.cn/col/index.html?a=1&b=2');
  assert.equal(canonicalUrl('https://a.gov.cn:443/x?_=1700000000'), 'https://a.gov.cn/x');
  assert.equal(canonicalUrl('../nb/index_1.html', 'http://a.gov.cn/xxgk/col/index.html'), 'http://a.gov.cn/xxgk/nb/index_1.html');
  assert.equal(canonicalUrl('./t20240115_1.html', 'http://a.gov.cn/nb/'), 'http://a.gov.cn/nb/t20240115_1.html');
  // Path case and meaningful parameters are kept.
  assert.equal(canonicalUrl('http://a.gov.cn/Col/Art.HTML?id=5'), 'http://a.gov.cn/Col/Art.HTML?id=5');
});

test('canonicalUrl: only http(s)', () => {
  assert.equal(canonicalUrl('javascript:void(0)'), undefined);
  assert.equal(canonicalUrl('mailto:x@a.gov.cn'), undefined);
  assert.equal(canonicalUrl('ftp://a.gov.cn/x.pdf'), undefined);
  assert.equal(canonicalUrl('http://'), undefined);
});

test('urlKey folds _wap twins onto the desktop page', () => {
  const desktop = 'http://a.gov.cn/nb/202401/t20240115_123.html';
  const wap = 'http://a.gov.cn/nb/202401/t20240115_123_wap.html';
  assert.ok(isWapTwin(wap));
  assert.ok(!isWapTwin(desktop));
  assert.equal(desktopTwin(wap), desktop);
  assert.equal(urlKey(wap), urlKey(desktop));
  assert.equal(urlKey('http://A.gov.cn/nb/202401/t20240115_123.html#x'), desktop);
});

test('hostAllowed matches host suffixes, never other hosts', () => {
  const allow = ['hongze.gov.cn'];
  assert.ok(hostAllowed('http://www.hongze.gov.cn/x', allow));
  assert.ok(hostAllowed('http://hongze.gov.cn/x', allow));
  assert.ok(hostAllowed('http://file.hongze.gov.cn:8080/x.pdf', allow));
  assert.ok(!hostAllowed('http://hongze.gov.cn.mirror.com/x', allow));
  assert.ok(!hostAllowed('http://xhongze.gov.cn/x', allow));
  assert.ok(!hostAllowed('http://www.docin.com/p-1.html', allow));
  assert.ok(!hostAllowed('http://www.hongze.gov.cn/x', []));
  assert.ok(hostAllowed('http://127.0.0.2:8080/x', ['127.0.0.2']));
  assert.ok(!hostAllowed('http://127.0.0.8:8080/x', ['127.0.0.2']));
});

test('canonicalUrl: session ids in the path and random session parameters are dropped, real parameters kept', () => {
  assert.equal(canonicalUrl('http://a.gov.cn/nb/list.jsp;jsessionid=A1B2C3D4E5F6?page=2'), 'http://a.gov.cn/nb/list.jsp?page=2');
  assert.equal(canonicalUrl('http://a.gov.cn/nb/?sid=f3a9c2e1b7d84e6fa0c1&page=2'), 'http://a.gov.cn/nb/?page=2');
  assert.equal(canonicalUrl('http://a.gov.cn/nb/?t=1733412345678'), 'http://a.gov.cn/nb/');
  assert.equal(canonicalUrl('http://a.gov.cn/gkmlpt/api/all/123?page=1&sid=755021'), 'http://a.gov.cn/gkmlpt/api/all/123?page=1&sid=755021');
  assert.equal(canonicalUrl('http://a.gov.cn/index.php?id=28887&sid=0796545313616'), 'http://a.gov.cn/index.php?id=28887');
  assert.equal(canonicalUrl('http://a.gov.cn/x?PHPSESSID=abc&id=5'), 'http://a.gov.cn/x?id=5');
});
