import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BadDocumentError, ConfigError, ExtractionTimeoutError, PipelineError } from '../../src/model/errors.ts';
import { isTransient } from '../../src/pipeline/extract-stage.ts';
import { WorkerJobError, serializeError } from '../../src/pipeline/worker-protocol.ts';
import { decodeModel, encodeModel, errorFromResult, failedJobError, jobError } from '../../src/queue/protocol.ts';
import { advertisedUrl, parseListen, queueName, queueTarget, redactUrl } from '../../src/queue/options.ts';

test('a document model survives the queue byte for byte', () => {
  const json = JSON.stringify({ format: 'pdf', pages: [{ text: '某某镇人民政府 2023年 ①②' }] });
  assert.equal(decodeModel(encodeModel(json)).toString('utf8'), json);
});

test('document errors keep their class across the queue, so transient ones are retried as in a local run', () => {
  // As the local pool reports them: a time-out it imposed, a crashed worker, a document error from the worker.
  const timeout = new ExtractionTimeoutError('extract.timeout', 'the job ran longer than 300 s and was killed');
  const crashed = new PipelineError('worker.crashed', 'the worker exited (code null, signal SIGKILL)');
  const bad = new WorkerJobError(serializeError(new BadDocumentError('pdf.invalid', 'not a PDF')));
  const missingTool = new WorkerJobError({ name: 'MissingToolError', code: 'tool.missing.libreoffice', message: 'soffice not found', retryable: false });
  for (const e of [timeout, crashed, bad, missingTool]) {
    const back = errorFromResult(JSON.parse(JSON.stringify(jobError(e))));
    assert.equal(back.code, e.code);
    assert.equal(back.message, e.message);
    assert.equal(isTransient(back), isTransient(e), `${e.code}: same retry decision`);
  }
  assert.equal(isTransient(errorFromResult(jobError(timeout))), true);
  assert.equal(isTransient(errorFromResult(jobError(bad))), false);
});

test('a failed job (not a document error) is a transient failure named after its reason', () => {
  assert.equal(failedJobError('job stalled more than allowable limit').code, 'queue.stalled');
  const e = failedJobError('cannot fetch http://10.0.0.5:7370/blobs/ab…: ECONNREFUSED');
  assert.equal(e.code, 'queue.job_failed');
  assert.equal(isTransient(e), true);
});

test('queue settings: the token is required, the name is checked, passwords never printed', () => {
  assert.throws(() => queueTarget('redis://h:6379', undefined, {}), (e: ConfigError) => e.code === 'queue.token');
  assert.throws(() => queueTarget('redis://h:6379', undefined, { NIANBAO_QUEUE_TOKEN: 'short' }), /at least 16/);
  const env = { NIANBAO_QUEUE_TOKEN: 'x'.repeat(16) };
  assert.throws(() => queueTarget('http://h:6379', undefined, env), /redis:\/\/ or rediss:\/\//);
  assert.throws(() => queueTarget('redis://h:6379', 'a:b', env), (e: ConfigError) => e.code === 'queue.name');
  assert.equal(queueTarget('rediss://h:6380', 'lab', env).name, 'lab');
  assert.equal(queueName('lab', '0.5.2'), 'lab-x0.5.2');
  assert.equal(redactUrl('redis://:s3cret@h:6379/0'), 'redis://:***@h:6379/0');
  assert.doesNotMatch((() => { try { queueTarget('redis://:s3cret@h:6379', undefined, {}); } catch (e) { return (e as Error).message; } return ''; })(), /s3cret/);
});

test('listen and advertised addresses', () => {
  assert.deepEqual(parseListen('0.0.0.0:7370'), { host: '0.0.0.0', port: 7370 });
  assert.deepEqual(parseListen('[::1]:0'), { host: '::1', port: 0 });
  assert.throws(() => parseListen('7370'), /host:port/);
  assert.equal(advertisedUrl({}, '127.0.0.1', 4000), 'http://127.0.0.1:4000');
  assert.equal(advertisedUrl({ advertiseUrl: 'http://coord.lan:7370/' }, '0.0.0.0', 7370), 'http://coord.lan:7370');
  assert.doesNotMatch(advertisedUrl({}, '0.0.0.0', 7370), /0\.0\.0\.0/);
});
