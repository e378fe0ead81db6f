import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempStore } from '../store/fixture-db.ts';
import { startBlobServer } from '../../src/queue/blob-server.ts';
import { fetchBlob } from '../../src/queue/blob-client.ts';
import type { PipelineError } from '../../src/model/errors.ts';

const TOKEN = 'a-token-of-sixteen-or-more';

test('the blob server gives stored bytes to the token only; the client checks them', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const bytes = Buffer.from('%PDF-1.7 某某镇 2023');
  const sha = store.blobs.put(bytes);
  const server = await startBlobServer(store.blobs, { host: '127.0.0.1', port: 0, token: TOKEN });
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.port}`;

  assert.deepEqual(await fetchBlob(base, sha, { token: TOKEN, timeoutMs: 10_000 }), bytes);
  assert.equal(server.served(), 1);
  await assert.rejects(fetchBlob(base, sha, { token: `${TOKEN}x`, timeoutMs: 10_000 }), (e: PipelineError) => e.code === 'queue.token');
  await assert.rejects(fetchBlob(base, 'f'.repeat(64), { token: TOKEN, timeoutMs: 10_000 }), (e: PipelineError) => e.code === 'blob.missing');
  await assert.rejects(fetchBlob(base, sha, { token: TOKEN, timeoutMs: 10_000, maxBytes: 4 }), (e: PipelineError) => e.code === 'blob.too_large');
  for (const path of ['/blobs/../nianbao.sqlite', `/blobs/${sha}/x`, '/', `/raw/${sha.slice(0, 2)}/${sha}`]) {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 404, path);
  }
  assert.equal((await fetch(`${base}/blobs/${sha}`)).status, 401, 'no token');
  assert.equal(server.served(), 2, 'the file went out twice only (the second time cut short by the size limit)');
  await server.close();
  await assert.rejects(fetchBlob(base, sha, { token: TOKEN, timeoutMs: 10_000 }), (e: PipelineError) => e.code === 'queue.fetch' && e.retryable);
});
