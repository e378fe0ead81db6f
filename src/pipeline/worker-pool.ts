/**
 * A pool of worker processes (child_process.fork through tsx), each running one job at a time with a
 * time limit and a memory ceiling. A job past its limit has its worker killed, with everything the worker
 * started (converters run in process groups of their own: every descendant's group is killed too), and
 * fails with ExtractionTimeoutError; past the memory ceiling (resident memory of the worker, or V8's heap
 * limit) it fails with `extract.too_much_memory`; a worker that dies otherwise fails its job with
 * `worker.crashed`. After a worker is gone, the temp folders it left are removed (temp-files.ts).
 * Workers are recycled after `maxJobsPerWorker` jobs and respawned on demand.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { descendants, killGroup, processPairs, rssOf } from '../../extractors/process-tree.ts';
import { cleanStale } from '../../extractors/temp-files.ts';
import { BadDocumentError, ExtractionTimeoutError, PipelineError } from '../model/errors.ts';
import { WorkerJobError, type JobMessage, type ReplyMessage } from './worker-protocol.ts';

export interface PoolOptions {
  /** Worker entry module (a .ts file calling serveJobs). */
  script: string;
  size: number;
  timeoutMs: number;
  /** Default 200. */
  maxJobsPerWorker?: number;
  /** V8 heap limit per worker in MB (default 1024). */
  maxOldSpaceMb?: number;
  /** Resident memory a worker may reach while it runs a job, in MB (default 1536; 0: no ceiling). */
  maxRssMb?: number;
  env?: NodeJS.ProcessEnv;
}

interface Pending<J, R> {
  id: number;
  job: J;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

interface Slot<J, R> {
  child: ChildProcess;
  jobs: number;
  current?: Pending<J, R> & { timer: NodeJS.Timeout };
  stderr: string;
}

const TSX_LOADER = import.meta.resolve('tsx');
const STDERR_TAIL = 4000;
const MEMORY_POLL_MS = 250;
/** What V8 prints when a heap limit is hit. */
const OOM = /heap out of memory|Reached heap limit|Allocation failed/;

function tooMuchMemory(detail: string): BadDocumentError {
  return new BadDocumentError('extract.too_much_memory', `the document needed more memory than a worker may use (${detail}); it was stopped`);
}

export class WorkerPool<J, R> {
  private readonly slots = new Set<Slot<J, R>>();
  private readonly queue: Pending<J, R>[] = [];
  private nextId = 1;
  private closed = false;
  private readonly memoryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PoolOptions) {
    const limit = (options.maxRssMb ?? 1536) * 1024 * 1024;
    if (limit > 0) {
      this.memoryTimer = setInterval(() => this.checkMemory(limit), MEMORY_POLL_MS);
      this.memoryTimer.unref();
    }
  }

  get size(): number {
    return this.slots.size;
  }

  run(job: J): Promise<R> {
    if (this.closed) return Promise.reject(new PipelineError('worker.closed', 'the worker pool is closed'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Kills every worker (and what it started); queued and running jobs fail with `worker.closed`. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.memoryTimer);
    for (const p of this.queue.splice(0)) p.reject(new PipelineError('worker.closed', 'the worker pool was closed'));
    const exits = [...this.slots].map((s) => this.kill(s, new PipelineError('worker.closed', 'the worker pool was closed')));
    await Promise.all(exits);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.current);
      if (!slot) {
        if (this.slots.size >= this.options.size) return;
        slot = this.spawn();
      }
      const p = this.queue.shift()!;
      const timer = setTimeout(() => this.onTimeout(slot!), this.options.timeoutMs);
      slot.current = { ...p, timer };
      slot.jobs++;
      slot.child.send({ id: p.id, job: p.job } satisfies JobMessage<J>);
    }
  }

  private spawn(): Slot<J, R> {
    const child = fork(this.options.script, [], {
      execArgv: ['--import', TSX_LOADER, `--max-old-space-size=${this.options.maxOldSpaceMb ?? 1024}`],
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, ...this.options.env },
    });
    const slot: Slot<J, R> = { child, jobs: 0, stderr: '' };
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      slot.stderr = (slot.stderr + d).slice(-STDERR_TAIL);
    });
    child.on('message', (msg: ReplyMessage<R>) => this.onReply(slot, msg));
    child.on('exit', (code, signal) => this.onExit(slot, code, signal));
    child.on('error', () => undefined);
    this.slots.add(slot);
    return slot;
  }

  private onReply(slot: Slot<J, R>, msg: ReplyMessage<R>): void {
    const cur = slot.current;
    if (!cur || cur.id !== msg.id) return;
    clearTimeout(cur.timer);
    slot.current = undefined;
    if (msg.ok) cur.resolve(msg.value);
    else cur.reject(new WorkerJobError(msg.error));
    if (slot.jobs >= (this.options.maxJobsPerWorker ?? 200)) void this.kill(slot);
    this.dispatch();
  }

  private onExit(slot: Slot<J, R>, code: number | null, signal: NodeJS.Signals | null): void {
    this.slots.delete(slot);
    const cur = slot.current;
    if (cur) {
      clearTimeout(cur.timer);
      slot.current = undefined;
      const tail = slot.stderr.trim().split('\n').slice(-5).join('\n');
      cur.reject(OOM.test(slot.stderr)
        ? tooMuchMemory(`V8 heap limit ${this.options.maxOldSpaceMb ?? 1024} MB`)
        : new PipelineError('worker.crashed', `the worker exited (code ${code}, signal ${signal})${tail ? `: ${tail}` : ''}`));
    }
    cleanStale(this.options.env?.TMPDIR ?? tmpdir());
    if (!this.closed) this.dispatch();
  }

  private checkMemory(limit: number): void {
    for (const slot of this.slots) {
      if (!slot.current || !slot.child.pid) continue;
      const rss = rssOf(slot.child.pid);
      if (rss !== null && rss > limit) void this.kill(slot, tooMuchMemory(`${Math.round(rss / 2 ** 20)} MB resident; limit ${Math.round(limit / 2 ** 20)} MB`));
    }
  }

  private onTimeout(slot: Slot<J, R>): void {
    const s = Math.round(this.options.timeoutMs / 1000);
    void this.kill(slot, new ExtractionTimeoutError('extract.timeout', `the job ran longer than ${s} s and was killed`));
  }

  /** Kills the worker's process group; its current job (if any) fails with `reason`. */
  private kill(slot: Slot<J, R>, reason?: unknown): Promise<void> {
    const cur = slot.current;
    if (cur) {
      clearTimeout(cur.timer);
      slot.current = undefined;
      cur.reject(reason);
    }
    this.slots.delete(slot);
    const child = slot.child;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((res) => child.once('exit', () => res()));
    // Converters run in groups of their own: find them while the worker is still their parent.
    const below = child.pid ? descendants(processPairs(), child.pid).slice(1) : [];
    killGroup(child.pid);
    for (const pid of below) killGroup(pid);
    return exited;
  }
}
