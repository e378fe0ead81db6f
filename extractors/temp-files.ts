/**
 * Temp folders and converter processes of the extractors, so that nothing outlives its process:
 * - folders are named `nianbao-<kind>-<pid>-…` (the pid of the process that made them);
 * - when the process exits (even through process.exit, as a worker does when its run is killed), the converter
 *   process groups it started are killed and its folders removed;
 * - `cleanStale()` removes what a process killed outright (SIGKILL) left behind: folders whose owner is dead,
 *   and the converters still running with such a folder on their command line (a LibreOffice profile).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, killGroup, pidsWithArg } from './process-tree.ts';

const dirs = new Set<string>();
const groups = new Set<number>();
const STALE = /^nianbao-(?:lo|doc|ocr|img)-(\d+)-/;

function onExit(): void {
  for (const pid of groups) killGroup(pid);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', onExit);

/** A new temp folder `nianbao-<kind>-<pid>-…`, removed at exit if not released before. */
export async function makeTempDir(kind: 'lo' | 'doc' | 'ocr' | 'img', label = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `nianbao-${kind}-${process.pid}-${label}`));
  dirs.add(dir);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** A converter started in its own process group: killed (with its group) if this process exits first. */
export function trackGroup(pid: number | undefined): void {
  if (pid) groups.add(pid);
}

export function untrackGroup(pid: number | undefined): void {
  if (pid) groups.delete(pid);
}

/**
 * Folders in `dir` (default the temp folder) left by dead processes, and converters still using them: the
 * converters' groups are killed, the folders removed. Returns the folders removed.
 */
export function cleanStale(dir = tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const owner = STALE.exec(name)?.[1];
    if (!owner || isAlive(Number(owner))) continue;
    const path = join(dir, name);
    for (const pid of pidsWithArg(path)) killGroup(pid);
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
