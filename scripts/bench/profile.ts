/**
 * CPU profile summaries (pure): self and inclusive time per function and file from a V8 `.cpuprofile`
 * (node --cpu-prof, or node:inspector's Profiler). Under tsx every module is one line, so functions are named
 * by name and file only; anonymous functions are grouped per file.
 */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

function label(f: CpuProfile['nodes'][number]['callFrame']): string {
  const file = f.url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
  return `${f.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
}

/** Top `limit` functions by self time and by inclusive time (a function counted once per sample). */
export function summarizeProfile(p: CpuProfile, limit = 25): { totalMs: number; self: ProfileRow[]; inclusive: ProfileRow[] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  p.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of time) {
    totalMs += ms;
    const k = label(byId.get(id)!.callFrame);
    self.set(k, (self.get(k) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = label(byId.get(cur)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, limit)
    .map(([name, ms]) => ({ name, ms, share: totalMs > 0 ? ms / totalMs : 0 }));
  return { totalMs, self: top(self), inclusive: top(incl) };
}
