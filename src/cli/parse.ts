/** `nianbao parse FILE... [--json | --jsonl]`: one JSON object per file; exit 1 if any file had an error. */
import type { Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import type { ParseOutput } from '../model/report.ts';
import { loadConfig } from '../pipeline/config.ts';
import { withExitCode } from './exit-codes.ts';

/** Files larger than this are refused before reading (the extractors apply their own limits too). */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

async function parseOne(file: string, timeoutMs: number): Promise<ParseOutput> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { file, sha256: '', format: 'unknown', error: 'not a regular file', errorCode: 'input.not_file' };
    if (info.size > MAX_FILE_BYTES) return { file, sha256: '', format: 'unknown', error: `file larger than ${MAX_FILE_BYTES} bytes`, errorCode: 'input.too_large' };
    const { parseBytes } = await import('../pipeline/parse-file.ts'); // the extractors load only when a file is parsed
    return await parseBytes(await readFile(file), { file, timeoutMs });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES') return { file, sha256: '', format: 'unknown', error: err.message, errorCode: 'input.unreadable' };
    return { file, sha256: '', format: 'unknown', error: `internal error: ${err.message}`, errorCode: 'internal' };
  }
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('parse annual reports (any supported format) and print one JSON object per file')
    .argument('<files...>', 'report files: txt, html, pdf, docx, doc, wps …')
    .option('--json', 'print a JSON array, pretty (default)')
    .option('--jsonl', 'print one compact JSON object per line, in input order')
    .option('--extract-timeout <seconds>', 'time limit per file (env NIANBAO_EXTRACT_TIMEOUT; default 300, as for nianbao run)')
    .option('--config <file>', 'config file for extractTimeoutSec (default ./nianbao.config.json if present)')
    .action((files: string[], opts: { json?: boolean; jsonl?: boolean; extractTimeout?: string; config?: string }) => withExitCode(async () => {
      const config = loadConfig({ flags: { config: opts.config, extractTimeoutSec: opts.extractTimeout } });
      const outputs: ParseOutput[] = [];
      let failed = 0;
      for (const file of files) {
        const out = await parseOne(file, config.extractTimeoutSec * 1000);
        if (out.error) failed++;
        if (opts.jsonl) process.stdout.write(JSON.stringify(out) + '\n');
        else outputs.push(out);
      }
      if (!opts.jsonl) process.stdout.write(JSON.stringify(outputs.length === 1 ? outputs[0] : outputs, null, 2) + '\n');
      return failed > 0 ? 1 : 0;
    }));
}
