/**
 * LibreOffice headless conversions. Each call gets a private profile (two soffice processes sharing one
 * profile fail silently), a time limit (the process group is killed on a hang) and its outputs are checked.
 * The profile is a `nianbao-lo-<pid>-…` temp folder: removed, and soffice killed, even when the worker dies
 * (temp-files.ts).
 * Several input files can go through one call: a cold start costs ~1.5 s.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTool } from './run-tool.ts';
import { makeTempDir, removeTempDir } from './temp-files.ts';

let calls = 0;

export interface SofficeOptions {
  sofficePath: string;
  timeoutMs: number;
  maxOutputBytes?: number;
  /** Import filter, e.g. `HTML (StarWriter)` so HTML opens in Writer rather than Writer/Web. */
  infilter?: string;
}

export interface ConvertResult {
  /** Input path → output path (missing when LibreOffice produced nothing for it). */
  outputs: Map<string, string>;
  stderr: string;
  exitCode: number | null;
}

/**
 * Converts `inputs` (paths) to `target` (a LibreOffice filter spec such as `docx`, `pdf`,
 * `doc:MS Word 97`) into `outDir`. Throws MissingToolError / ExtractionTimeoutError (`convert.timeout`).
 */
export async function sofficeConvert(inputs: string[], target: string, outDir: string, o: SofficeOptions): Promise<ConvertResult> {
  await mkdir(outDir, { recursive: true });
  const profile = await makeTempDir('lo', `${++calls}-`);
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless', '--invisible', '--nologo', '--nodefault', '--norestore', '--nolockcheck',
      ...(o.infilter ? [`--infilter=${o.infilter}`] : []),
      '--convert-to', target, '--outdir', outDir, ...inputs,
    ];
    const r = await runTool(o.sofficePath, args, {
      tool: 'soffice',
      timeoutMs: o.timeoutMs,
      maxOutputBytes: o.maxOutputBytes ?? 1024 * 1024,
      timeoutCode: 'convert.timeout',
      env: { ...process.env, HOME: profile, SAL_USE_VCLPLUGIN: 'svp' },
    });
    const ext = `.${target.split(':')[0]}`;
    const present = new Set(await readdir(outDir));
    const outputs = new Map<string, string>();
    for (const input of inputs) {
      const name = basename(input, extname(input)) + ext;
      if (!present.has(name)) continue;
      const p = join(outDir, name);
      if ((await stat(p)).size > 0) outputs.set(input, p);
    }
    return { outputs, stderr: r.stderr + r.stdout.toString('utf8'), exitCode: r.code };
  } finally {
    await removeTempDir(profile);
  }
}
