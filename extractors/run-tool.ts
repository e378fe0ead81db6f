/**
 * Runs an external tool with a time limit and an output size limit. The child gets its own process group
 * (detached) so that a hang kills the whole group, not just the wrapper shell; if this process exits first,
 * the group is killed too (temp-files.ts).
 */
import { spawn } from 'node:child_process';
import { ExtractionTimeoutError, MissingToolError } from '../src/model/errors.ts';
import { killGroup } from './process-tree.ts';
import { trackGroup, untrackGroup } from './temp-files.ts';

/** Debian packages that provide each tool, named in MissingToolError messages. */
export const TOOL_PACKAGES: Record<string, { code: string; pkg: string }> = {
  soffice: { code: 'tool.missing.libreoffice', pkg: 'libreoffice-writer-nogui' },
  pdftoppm: { code: 'tool.missing.poppler', pkg: 'poppler-utils' },
  tesseract: { code: 'tool.missing.tesseract', pkg: 'tesseract-ocr tesseract-ocr-chi-sim' },
};

export interface RunToolOptions {
  /** Which tool this is (a key of TOOL_PACKAGES), for error messages. */
  tool: string;
  timeoutMs: number;
  maxOutputBytes: number;
  /** Error code when the time limit is hit, e.g. `convert.timeout`. */
  timeoutCode: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ToolOutput {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** True when stdout was cut at maxOutputBytes. */
  truncated: boolean;
}

export function runTool(command: string, args: string[], o: RunToolOptions): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: o.cwd, env: o.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    trackGroup(child.pid);
    const out: Buffer[] = [];
    let outBytes = 0;
    let truncated = false;
    let err = '';
    let settled = false;
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      untrackGroup(child.pid);
      f();
    };
    const timer = setTimeout(() => {
      killGroup(child.pid);
      finish(() => reject(new ExtractionTimeoutError(o.timeoutCode, `${o.tool} did not finish within ${o.timeoutMs} ms and was killed`)));
    }, o.timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      if (outBytes + d.length > o.maxOutputBytes) {
        truncated = true;
        out.push(d.subarray(0, Math.max(0, o.maxOutputBytes - outBytes)));
        outBytes = o.maxOutputBytes;
        killGroup(child.pid);
        return;
      }
      out.push(d);
      outBytes += d.length;
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 16_384) err += d.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      const known = TOOL_PACKAGES[o.tool];
      if (e.code === 'ENOENT' || e.code === 'EACCES') {
        const code = known?.code ?? `tool.missing.${o.tool}`;
        const hint = known ? ` (Debian package: ${known.pkg})` : '';
        finish(() => reject(new MissingToolError(code, `${o.tool} not found at ${command}${hint}`, { cause: e })));
      } else finish(() => reject(e));
    });
    child.on('close', (code, signal) => {
      finish(() => resolve({ code, signal, stdout: Buffer.concat(out), stderr: err, truncated }));
    });
  });
}
