/** Facts about the machine a bench ran on: CPU, cores, memory, load, Node and the external tools' versions. */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, freemem, loadavg, release, totalmem, type } from 'node:os';

export interface MachineFacts {
  cpuModel: string;
  cores: number;
  availableParallelism: number;
  memoryBytes: number;
  freeMemoryBytes: number;
  /** 1, 5 and 15 minute load averages when the bench started (other work on the machine skews wall times). */
  loadAverage: number[];
  os: string;
  node: string;
  v8: string;
  tools: Record<string, string | null>;
}

/** First line mentioning a version in a tool's output, or null when the tool is missing. */
export function toolVersion(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000, maxBuffer: 1024 * 1024 });
  if (r.error) return null;
  const text = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
  return text.split('\n').map((l) => l.trim()).find((l) => /\d+\.\d+/.test(l)) ?? null;
}

export function machineFacts(): MachineFacts {
  const c = cpus();
  return {
    cpuModel: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    availableParallelism: availableParallelism(),
    memoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    os: `${type()} ${release()}`,
    node: process.version,
    v8: process.versions.v8,
    tools: {
      pdftotext: toolVersion('pdftotext', ['-v']),
      mutool: toolVersion('mutool', ['-v']),
      tesseract: toolVersion('tesseract', ['--version']),
      soffice: toolVersion('soffice', ['--version']),
    },
  };
}
