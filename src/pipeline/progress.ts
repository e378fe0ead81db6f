/**
 * Progress and logs. On a TTY: one cli-progress bar per stage (done/total, rate, ETA, failures) with log
 * lines printed above the bars. Otherwise: JSON lines (`{"time","level","event",...}`), one per document and
 * per stage boundary, for cron and journald. `quiet` prints nothing.
 */
import cliProgress from 'cli-progress';
import type { LogMode } from './config.ts';

export type ProgressMode = 'tty' | 'json' | 'quiet';
export type Level = 'info' | 'warning' | 'error';
export type Fields = Record<string, unknown>;

export interface Progress {
  stageStart(stage: string, total: number): void;
  /** One unit of a stage done (a document); `failed` counts it as a failure. */
  stageTick(stage: string, fields?: Fields & { failed?: boolean }): void;
  /** Absolute progress (the crawl reports pages done and pending). */
  stageSet(stage: string, done: number, total: number, fields?: Fields): void;
  stageEnd(stage: string, fields?: Fields): void;
  log(level: Level, event: string, fields?: Fields): void;
  close(): void;
}

export function resolveMode(mode: LogMode, stream: NodeJS.WriteStream = process.stderr): ProgressMode {
  if (mode === 'auto') return stream.isTTY ? 'tty' : 'json';
  return mode;
}

export function createProgress(mode: ProgressMode, stream: NodeJS.WritableStream = process.stderr): Progress {
  if (mode === 'tty') return new BarProgress(stream);
  if (mode === 'json') return new JsonProgress(stream);
  return new JsonProgress(null);
}

class JsonProgress implements Progress {
  private readonly counts = new Map<string, { done: number; failed: number; total: number }>();
  constructor(private readonly stream: NodeJS.WritableStream | null) {}

  log(level: Level, event: string, fields: Fields = {}): void {
    this.stream?.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
  }
  stageStart(stage: string, total: number): void {
    this.counts.set(stage, { done: 0, failed: 0, total });
    this.log('info', 'stage.start', { stage, total });
  }
  stageTick(stage: string, fields: Fields & { failed?: boolean } = {}): void {
    const c = this.counts.get(stage) ?? { done: 0, failed: 0, total: 0 };
    c.done++;
    if (fields.failed) c.failed++;
    this.counts.set(stage, c);
    const { failed, ...rest } = fields;
    this.log(failed ? 'warning' : 'info', `${stage}.item`, { stage, done: c.done, total: c.total, ...(failed ? { failed } : {}), ...rest });
  }
  stageSet(stage: string, done: number, total: number, fields: Fields = {}): void {
    this.log('info', `${stage}.progress`, { stage, done, total, ...fields });
  }
  stageEnd(stage: string, fields: Fields = {}): void {
    this.log('info', 'stage.end', { stage, ...fields });
  }
  close(): void {}
}

interface BarState {
  bar: cliProgress.SingleBar;
  started: number;
  done: number;
  failed: number;
}

class BarProgress implements Progress {
  private readonly multi: cliProgress.MultiBar;
  private readonly bars = new Map<string, BarState>();

  constructor(stream: NodeJS.WritableStream) {
    this.multi = new cliProgress.MultiBar(
      {
        format: '{stage} |{bar}| {value}/{total} | {rate}/s | ETA {eta_formatted} | failed {failed}',
        hideCursor: true, clearOnComplete: false, stopOnComplete: false, etaBuffer: 20,
        stream: stream as NodeJS.WritableStream & { isTTY?: boolean } as never,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  private payload(stage: string, s: BarState, extra: Fields = {}): Fields {
    const secs = Math.max((Date.now() - s.started) / 1000, 0.001);
    return { stage: stage.padEnd(7), rate: (s.done / secs).toFixed(1), failed: s.failed, ...extra };
  }
  log(level: Level, event: string, fields: Fields = {}): void {
    const detail = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    this.multi.log(`${level === 'info' ? '' : `${level}: `}${event} ${detail.join(' ')}\n`);
  }
  stageStart(stage: string, total: number): void {
    const s: BarState = { bar: undefined as never, started: Date.now(), done: 0, failed: 0 };
    s.bar = this.multi.create(total, 0, this.payload(stage, s));
    this.bars.set(stage, s);
  }
  stageTick(stage: string, fields: Fields & { failed?: boolean } = {}): void {
    const s = this.bars.get(stage);
    if (!s) return;
    s.done++;
    if (fields.failed) {
      s.failed++;
      this.log('warning', `${stage} failed`, fields);
    }
    s.bar.update(s.done, this.payload(stage, s));
  }
  stageSet(stage: string, done: number, total: number, fields: Fields = {}): void {
    let s = this.bars.get(stage);
    if (!s) {
      this.stageStart(stage, total);
      s = this.bars.get(stage)!;
    }
    s.done = done;
    s.bar.setTotal(Math.max(total, 1));
    s.bar.update(done, this.payload(stage, s, fields));
  }
  stageEnd(stage: string): void {
    const s = this.bars.get(stage);
    if (s) s.bar.update(s.done, this.payload(stage, s));
  }
  close(): void {
    this.multi.stop();
  }
}
