/**
 * Resident memory of a process and all its descendants (LibreOffice, tesseract, pdftoppm started by an
 * extractor), read from /proc on Linux. `RssSampler` polls it and keeps the peak. Also the whole machine's
 * busy CPU share between two readings of /proc/stat (other work on the machine). Elsewhere they report null.
 */
import { existsSync } from 'node:fs';
import { descendants, processPairs, readProcText, rssOf } from '../../extractors/process-tree.ts';

export { descendants, parseStat } from '../../extractors/process-tree.ts';

/** Sum of RSS bytes of `root` and its descendants now; null where /proc is not available. */
export function treeRss(root: number): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  let bytes = 0;
  for (const pid of descendants(processPairs(), root)) bytes += rssOf(pid) ?? 0;
  return bytes;
}

/** Polls the tree RSS of a pid every `intervalMs` and keeps the peak. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peak: number | null = null;

  constructor(private readonly pid: number, intervalMs = 100) {
    const sample = () => {
      const v = treeRss(this.pid);
      if (v != null && (this.peak == null || v > this.peak)) this.peak = v;
    };
    sample();
    this.timer = setInterval(sample, intervalMs);
    this.timer.unref();
  }

  stop(): number | null {
    clearInterval(this.timer);
    return this.peak;
  }
}

/** Whole-machine CPU time from the `cpu` line of /proc/stat, in clock ticks: total and idle (idle + iowait). */
export function parseCpuLine(procStat: string): { total: number; idle: number } | null {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  if (v.length < 5 || v.some((x) => !Number.isFinite(x))) return null;
  // user nice system idle iowait irq softirq steal (guest time is already inside user)
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { total, idle: v[3]! + v[4]! };
}

export function machineCpu(): { total: number; idle: number } | null {
  const s = readProcText('/proc/stat');
  return s ? parseCpuLine(s) : null;
}

/** Busy share (0–1) of all cores between two /proc/stat readings. */
export function busyShare(a: { total: number; idle: number } | null, b: { total: number; idle: number } | null): number | null {
  if (!a || !b || b.total <= a.total) return null;
  return 1 - (b.idle - a.idle) / (b.total - a.total);
}
