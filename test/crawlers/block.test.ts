import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyPage, looksNotFound } from '../../crawlers/block.ts';

test('a tiny page that sets a cookie and reloads is a JS challenge', () => {
  const v = classifyPage('<html><script>document.cookie="g=1; path=/";location.reload();</script>正在检查</html>');
  assert.equal(v.kind, 'challenge');
});

test('captcha and WAF block pages are blocked, with evidence', () => {
  const v = classifyPage('<html><body><p>请输入验证码后继续访问</p><img src="/c.jpg"><input name="captcha"></body></html>', 200);
  assert.equal(v.kind, 'blocked');
  assert.match(v.kind === 'blocked' ? v.evidence : '', /验证码/);
  assert.equal(classifyPage('<html><body>您的访问被阻断，请联系管理员 Request ID 123</body></html>', 403).kind, 'blocked');
});

test('a real report page mentioning 验证码 is not blocked', () => {
  const long = '政府信息公开工作'.repeat(80);
  assert.equal(classifyPage(`<html><body><a href="/login">登录</a>验证码<div>${long}</div></body></html>`).kind, 'ok');
  assert.equal(classifyPage('<html><body><a href="/nb/1.html">2023年报告</a></body></html>').kind, 'ok');
});

test('short "not found" pages served with 200 are recognised', () => {
  assert.ok(looksNotFound('<html><body><h1>404</h1><p>抱歉，您访问的页面不存在</p></body></html>'));
  assert.ok(!looksNotFound(`<html><body>${'政府信息公开工作年度报告'.repeat(30)} 404</body></html>`));
});
