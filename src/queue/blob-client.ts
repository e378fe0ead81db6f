/**
 * Worker side of the blob server: fetches a content's raw bytes with the shared token, a time limit and a
 * size limit, and checks that they hash to the job's sha256. A missing blob is the document's error
 * (`blob.missing`, as in a local run); a refused token is a configuration error; anything else (the
 * coordinator down or restarting) is transient and the queue tries the job again later.
 */
import { BadDocumentError, ConfigError, PipelineError } from '../model/errors.ts';
import { sha256 } from '../store/blobs.ts';

export const MAX_BLOB_BYTES = 256 * 1024 * 1024;

export async function fetchBlob(baseUrl: string, sha: string, o: { token: string; timeoutMs: number; maxBytes?: number }): Promise<Buffer> {
  const url = `${baseUrl}/blobs/${sha}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${o.token}` }, signal: AbortSignal.timeout(o.timeoutMs) });
  } catch (e) {
    throw new PipelineError('queue.fetch', `cannot fetch ${url}: ${(e as Error).cause ?? (e as Error).message}`, { retryable: true, cause: e });
  }
  if (res.status === 404) throw new BadDocumentError('blob.missing', `raw bytes ${sha} are not in the coordinator's blob store`);
  if (res.status === 401) throw new ConfigError('queue.token', `the coordinator at ${baseUrl} refused our token (NIANBAO_QUEUE_TOKEN differs)`);
  if (res.status !== 200) throw new PipelineError('queue.fetch', `${url}: HTTP ${res.status}`, { retryable: true });
  const max = o.maxBytes ?? MAX_BLOB_BYTES;
  if (Number(res.headers.get('content-length') ?? 0) > max) {
    await res.body?.cancel();
    throw new BadDocumentError('blob.too_large', `${url}: larger than ${max} bytes`);
  }
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await res.arrayBuffer());
  } catch (e) {
    throw new PipelineError('queue.fetch', `${url}: ${(e as Error).message}`, { retryable: true, cause: e });
  }
  if (sha256(bytes) !== sha) throw new PipelineError('queue.fetch', `${url}: the bytes received do not hash to ${sha}`, { retryable: true });
  return bytes;
}
