import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, classifyStatus, parseRetryAfter, retryDelay } from '../../crawlers/backoff.ts';

test('statuses: 304, redirects, throttling, retryable 5xx, final 4xx', () => {
  assert.equal(classifyStatus(200), 'ok');
  assert.equal(classifyStatus(304), 'not_modified');
  assert.equal(classifyStatus(302), 'redirect');
  assert.equal(classifyStatus(429), 'throttled');
  assert.equal(classifyStatus(503), 'throttled');
  assert.equal(classifyStatus(500), 'retry');
  assert.equal(classifyStatus(502), 'retry');
  assert.equal(classifyStatus(408), 'retry');
  assert.equal(classifyStatus(404), 'fail');
  assert.equal(classifyStatus(410), 'fail');
  assert.equal(classifyStatus(403), 'fail');
});

test('Retry-After: seconds, HTTP date, invalid, capped', () => {
  const now = Date.parse('2024-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('2', now), 2000);
  assert.equal(parseRetryAfter('Mon, 01 Jan 2024 00:00:30 GMT', now), 30_000);
  assert.equal(parseRetryAfter('Sun, 31 Dec 2023 23:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(undefined, now), undefined);
  assert.equal(parseRetryAfter('86400', now), 15 * 60_000);
});

test('exponential backoff with jitter in [50 %, 100 %], capped', () => {
  const low = () => 0;
  const high = () => 0.999999;
  assert.equal(backoffDelay(1, { baseMs: 1000, random: low }), 500);
  assert.equal(backoffDelay(3, { baseMs: 1000, random: low }), 2000);
  assert.equal(backoffDelay(3, { baseMs: 1000, random: high }), 4000);
  assert.equal(backoffDelay(30, { baseMs: 1000, maxMs: 60_000, random: high }), 60_000);
  for (let a = 1; a < 6; a++) assert.ok(backoffDelay(a + 1, { random: low }) > backoffDelay(a, { random: low }));
});

test('a Retry-After is never shortened by the backoff', () => {
  assert.ok(retryDelay(1, 5000, { random: () => 0 }) >= 5000);
  assert.ok(retryDelay(6, 1000, { random: () => 0 }) <= 2000);
  assert.equal(retryDelay(2, undefined, { baseMs: 100, random: () => 0 }), 100);
});
