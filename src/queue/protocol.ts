/**
 * What travels through the queue (types and pure encoding). A job is one content to extract, named by its
 * sha256 (the job id, so enqueueing twice adds nothing). Its result is the extraction: the summary the local
 * workers give, the document model (gzip, base64), or the document's error; `worker` names who did it.
 * A document that cannot be extracted is a result, not a failed job: failed jobs mean the machinery failed.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { PipelineError } from '../model/errors.ts';
import type { ExtractDone } from '../pipeline/extract-job.ts';
import { WorkerJobError, type SerializedError } from '../pipeline/worker-protocol.ts';

export const JOB_NAME = 'extract';

export interface QueueJobData {
  sha256: string;
  extractorVersion: string;
  fileName?: string;
  contentType?: string;
}

export type QueueResult =
  | { ok: true; worker: string; extractorVersion: string; done: ExtractDone; modelGz: string }
  | { ok: false; worker: string; extractorVersion: string; ms: number; error: SerializedError };

/** The Redis key (beside the queue's own) where the coordinator publishes its blob server's URL. */
export function blobUrlKey(prefix: string, queue: string): string {
  return `${prefix}:${queue}:nianbao:blob-url`;
}

export function encodeModel(json: string): string {
  return gzipSync(Buffer.from(json, 'utf8')).toString('base64');
}

export function decodeModel(modelGz: string): Buffer {
  return gunzipSync(Buffer.from(modelGz, 'base64'));
}

/** A document's error as the queue carries it; keeps the original class name (time-outs are transient). */
export function jobError(e: unknown): SerializedError {
  if (e instanceof WorkerJobError) return { name: e.originalName, code: e.code, message: e.message, retryable: e.retryable };
  if (e instanceof PipelineError) return { name: e.name, code: e.code, message: e.message, retryable: e.retryable };
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name, code: 'internal', message: `${err.name}: ${err.message}`, retryable: false };
}

/** The error rebuilt on the coordinator, so the extract stage classifies it exactly as a local one. */
export function errorFromResult(s: SerializedError): PipelineError {
  return s.name === 'PipelineError' ? new PipelineError(s.code, s.message, { retryable: s.retryable }) : new WorkerJobError(s);
}

/** A job that failed as a job (fetch retries exhausted, stalled too often): a transient failure of the document. */
export function failedJobError(failedReason: string | undefined): PipelineError {
  const reason = failedReason || 'unknown reason';
  const code = /stalled/i.test(reason) ? 'queue.stalled' : 'queue.job_failed';
  return new PipelineError(code, `the queue job failed: ${reason}`, { retryable: true });
}
