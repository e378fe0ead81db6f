import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRobots, robotsFromResponse, robotsUrlFor } from '../../crawlers/robots.ts';

const TXT = `User-agent: Baiduspider
Disallow: /

User-agent: *
Disallow: /private/
Disallow: /xxgk/draft
Allow: /private/public.html
Crawl-delay: 2
`;

test('robots.txt rules apply to our token through the * group', () => {
  const r = parseRobots('http://a.gov.cn/robots.txt', TXT);
  assert.equal(r.status, 'ok');
  assert.ok(r.allowed('http://a.gov.cn/zfxxgk/nb/index.html'));
  assert.ok(!r.allowed('http://a.gov.cn/private/nb2018.html'));
  assert.ok(r.allowed('http://a.gov.cn/private/public.html'));
  assert.ok(!r.allowed('http://a.gov.cn/xxgk/draft/x.pdf'));
  assert.equal(r.crawlDelayMs, 2000);
});

test('a group naming nianbao wins over *', () => {
  const r = parseRobots('http://a.gov.cn/robots.txt', 'User-agent: *\nDisallow: /\n\nUser-agent: nianbao\nDisallow: /tmp/\n');
  assert.ok(r.allowed('http://a.gov.cn/nb/'));
  assert.ok(!r.allowed('http://a.gov.cn/tmp/x'));
});

test('status handling: 4xx allows everything, 5xx disallows everything', () => {
  assert.ok(robotsFromResponse('http://a.gov.cn/robots.txt', 404, '').allowed('http://a.gov.cn/x'));
  assert.ok(robotsFromResponse('http://a.gov.cn/robots.txt', 403, '').allowed('http://a.gov.cn/x'));
  const down = robotsFromResponse('http://a.gov.cn/robots.txt', 503, '');
  assert.equal(down.status, 'unavailable');
  assert.ok(!down.allowed('http://a.gov.cn/x'));
  // A soft-404 HTML page at 200 has no rules.
  assert.ok(robotsFromResponse('http://a.gov.cn/robots.txt', 200, '<html>404</html>').allowed('http://a.gov.cn/x'));
  assert.equal(robotsUrlFor('http://a.gov.cn:8080/x/y?z=1'), 'http://a.gov.cn:8080/robots.txt');
});

test('absurd Crawl-delay values are capped at 60 s', () => {
  assert.equal(parseRobots('http://a.gov.cn/robots.txt', 'User-agent: *\nCrawl-delay: 86400\n').crawlDelayMs, 60_000);
});
