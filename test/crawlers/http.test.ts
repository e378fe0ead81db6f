import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createHttpAgent, httpGet } from '../../crawlers/http.ts';
import { FetchError } from '../../src/model/errors.ts';
import { localServer } from './helpers/local-server.ts';

const opts = { timeoutMs: 2000, maxBytes: 1000 };

test('gzip bodies are decoded; set-cookie is kept apart; redirects are not followed', async (t) => {
  const base = await localServer(t, (req, res) => {
    if (req.url === '/gz') {
      res.writeHead(200, { 'content-encoding': 'gzip', 'set-cookie': ['a=1; Path=/', 'b=2'] });
      res.end(gzipSync('年报'.repeat(10)));
    } else {
      res.writeHead(302, { location: '/gz' });
      res.end();
    }
  });
  const agent = createHttpAgent();
  t.after(() => agent.close());
  const r = await httpGet({ url: `${base}/gz`, agent, ...opts });
  assert.equal(r.body.toString('utf8'), '年报'.repeat(10));
  assert.deepEqual(r.setCookies, ['a=1; Path=/', 'b=2']);
  const redirect = await httpGet({ url: `${base}/old`, agent, ...opts });
  assert.equal(redirect.status, 302);
  assert.equal(redirect.headers.location, '/gz');
});

test('bodies over the size limit fail, declared or streamed, and after decompression', async (t) => {
  const base = await localServer(t, (req, res) => {
    if (req.url === '/declared') {
      res.writeHead(200, { 'content-length': '5000' });
      res.end(Buffer.alloc(5000));
    } else if (req.url === '/bomb') {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(100_000)));
    } else {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(500));
      res.end();
    }
  });
  const agent = createHttpAgent();
  t.after(() => agent.close());
  for (const path of ['/declared', '/streamed', '/bomb']) {
    await assert.rejects(httpGet({ url: `${base}${path}`, agent, ...opts }), (e: unknown) => e instanceof FetchError && e.code === 'fetch.too_large' && !e.retryable, path);
  }
});

test('a server that never answers times out (retryable); a refused connection is a network error', async (t) => {
  const base = await localServer(t, () => undefined);
  const agent = createHttpAgent();
  t.after(() => agent.close());
  await assert.rejects(httpGet({ url: `${base}/hang`, agent, timeoutMs: 200, maxBytes: 1000 }),
    (e: unknown) => e instanceof FetchError && e.code === 'fetch.timeout' && e.retryable);
  await assert.rejects(httpGet({ url: 'http://127.0.0.1:1/x', agent, ...opts }),
    (e: unknown) => e instanceof FetchError && e.code === 'fetch.network' && e.retryable);
});
