/**
 * The message protocol between the worker pool (parent) and a worker process: the parent sends
 * `{ id, job }`, the worker answers `{ id, ok: true, value }` or `{ id, ok: false, error }`. Errors cross the
 * process boundary as plain objects and become PipelineErrors again with the same code.
 */
import { PipelineError } from '../model/errors.ts';

export interface SerializedError {
  name: string;
  code: string;
  message: string;
  retryable: boolean;
}

export type JobMessage<J> = { id: number; job: J };
export type ReplyMessage<R> = { id: number; ok: true; value: R } | { id: number; ok: false; error: SerializedError };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof PipelineError) return { name: e.name, code: e.code, message: e.message, retryable: e.retryable };
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: err.name, code: 'internal', message: `${err.name}: ${err.message}`, retryable: false };
}

/** The error a job failed with, rebuilt in the parent (class PipelineError, same code and message). */
export class WorkerJobError extends PipelineError {
  override name = 'WorkerJobError';
  readonly originalName: string;
  constructor(s: SerializedError) {
    super(s.code, s.message, { retryable: s.retryable });
    this.originalName = s.name;
  }
}

/**
 * Worker side: answer each job with `handler(job)`, one at a time, and exit when the parent goes away
 * (its IPC channel closes), so an orphaned worker never outlives a killed run.
 */
export function serveJobs<J, R>(handler: (job: J) => Promise<R>): void {
  if (!process.send) throw new Error('serveJobs must run in a forked worker process');
  let chain = Promise.resolve();
  process.on('message', (msg: JobMessage<J>) => {
    chain = chain.then(async () => {
      let reply: ReplyMessage<R>;
      try {
        reply = { id: msg.id, ok: true, value: await handler(msg.job) };
      } catch (e) {
        reply = { id: msg.id, ok: false, error: serializeError(e) };
      }
      process.send!(reply);
    });
  });
  process.on('disconnect', () => process.exit(0));
}
