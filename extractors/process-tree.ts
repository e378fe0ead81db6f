/**
 * The process table on Linux, read from /proc: who descends from whom, resident memory, command lines.
 * Used to kill what an extraction worker started (converters run in their own process groups) and to find
 * converters left behind by a killed worker. Elsewhere (no /proc) every function reports nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

/** pid and parent pid from a /proc/<pid>/stat line (the command name may contain spaces and parentheses). */
export function parseStat(line: string): { pid: number; ppid: number } | null {
  const close = line.lastIndexOf(')');
  if (close < 0) return null;
  const pid = Number(line.slice(0, line.indexOf(' ')));
  const rest = line.slice(close + 2).split(' ');
  const ppid = Number(rest[1]);
  return Number.isInteger(pid) && Number.isInteger(ppid) ? { pid, ppid } : null;
}

/** The root and every process below it, given (pid, ppid) pairs. */
export function descendants(pairs: readonly { pid: number; ppid: number }[], root: number): number[] {
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of pairs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const todo = [root];
  const seen = new Set<number>();
  while (todo.length) {
    const p = todo.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    out.push(p);
    todo.push(...(children.get(p) ?? []));
  }
  return out;
}

export function readProcText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended meanwhile
  }
}

/** Every pid on the machine, with its parent ([] without /proc). */
export function processPairs(): { pid: number; ppid: number }[] {
  if (!existsSync('/proc/self/stat')) return [];
  const pairs: { pid: number; ppid: number }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcText(`/proc/${name}/stat`);
    const p = stat ? parseStat(stat) : null;
    if (p) pairs.push(p);
  }
  return pairs;
}

/** Resident memory of one process in bytes (null when gone or without /proc). */
export function rssOf(pid: number): number | null {
  const statm = readProcText(`/proc/${pid}/statm`);
  return statm ? Number(statm.split(' ')[1] ?? 0) * PAGE : null;
}

/** Pids whose command line contains `needle` (the command line's NUL separators read as spaces). */
export function pidsWithArg(needle: string): number[] {
  if (!existsSync('/proc/self/cmdline')) return [];
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmd = readProcText(`/proc/${name}/cmdline`);
    if (cmd && cmd.includes(needle)) out.push(Number(name));
  }
  return out;
}

/** Is a process with this pid alive (on this machine)? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGKILL to the process group led by `pid`, else to the process alone; quiet when already gone. */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}
