/**
 * Politeness: one p-queue per host (one request at a time) under a global concurrency cap. Between the end
 * of one request to a host and the start of the next there is at least the host's interval (1/rps, or the
 * robots Crawl-delay when larger). Measuring from the end (not the start) means the server sees arrivals at
 * least one interval apart whatever the network or our event loop delay, at the cost of a little throughput.
 */
import PQueue from 'p-queue';

interface HostState {
  queue: PQueue;
  intervalMs: number;
  /** When the last request to the host ended (response read or failed). */
  lastEnd: number;
  /** Earliest next start set by a 429/503 Retry-After for the whole host. */
  pausedUntil: number;
}

export interface GateOptions {
  globalConcurrency: number;
  /** false: no spacing (benchmarks). */
  politeness: boolean;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  private readonly global: PQueue;

  constructor(private readonly options: GateOptions) {
    this.global = new PQueue({ concurrency: Math.max(1, options.globalConcurrency) });
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { queue: new PQueue({ concurrency: 1 }), intervalMs: this.options.politeness ? 1000 : 0, lastEnd: 0, pausedUntil: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Sets the minimum spacing for a host: max(1000/rps, crawl delay). */
  configure(host: string, rps: number, crawlDelayMs = 0): void {
    const s = this.state(host);
    const fromRate = rps > 0 ? 1000 / rps : 0;
    s.intervalMs = this.options.politeness ? Math.max(fromRate, crawlDelayMs) : 0;
  }

  /** Holds every request to `host` until `until` (epoch ms), e.g. after a 429 with Retry-After. */
  pause(host: string, until: number): void {
    const s = this.state(host);
    s.pausedUntil = Math.max(s.pausedUntil, until);
  }

  /** The spacing between two requests to a host, in ms. */
  intervalOf(host: string): number {
    return this.state(host).intervalMs;
  }

  /** Tasks waiting or running for a host. */
  load(host: string): number {
    const s = this.hosts.get(host);
    return s ? s.queue.size + s.queue.pending : 0;
  }

  /** Total tasks waiting or running. */
  get busy(): number {
    let n = 0;
    for (const s of this.hosts.values()) n += s.queue.size + s.queue.pending;
    return n;
  }

  private async spacing(s: HostState): Promise<void> {
    for (;;) {
      const wait = Math.max(s.lastEnd + s.intervalMs, s.pausedUntil) - Date.now();
      if (wait <= 0) return;
      await sleep(Math.min(wait, 1000));
    }
  }

  /** Runs `task` for `host` when politeness allows (spacing waited out before taking a global slot). */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const s = this.state(host);
    return s.queue.add(async () => {
      await this.spacing(s);
      return this.global.add(async () => {
        await this.spacing(s); // a Retry-After pause may have arrived meanwhile
        try {
          return await task();
        } finally {
          s.lastEnd = Date.now();
        }
      });
    }) as Promise<T>;
  }

  async idle(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((s) => s.queue.onIdle()));
  }
}
