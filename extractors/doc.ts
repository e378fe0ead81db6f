/**
 * DOC, WPS and RTF: LibreOffice converts to DOCX in a private temp folder, then the DOCX path reads it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentModel } from '../src/model/document.ts';
import { BadDocumentError } from '../src/model/errors.ts';
import type { Result } from '../src/model/result.ts';
import { extractDocx } from './docx.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import { sofficeConvert } from './soffice.ts';
import { makeTempDir, removeTempDir } from './temp-files.ts';

export async function extractViaLibreOffice(
  bytes: Uint8Array,
  format: 'doc' | 'wps' | 'rtf',
  options: ResolvedOptions,
  deadline: Deadline,
): Promise<Result<DocumentModel>> {
  const dir = await makeTempDir('doc');
  try {
    const input = join(dir, `input.${format}`);
    const outDir = join(dir, 'out');
    await writeFile(input, bytes);
    const r = await sofficeConvert([input], 'docx', outDir, { sofficePath: options.sofficePath, timeoutMs: deadline.cap(options.convertTimeoutMs) });
    const out = r.outputs.get(input);
    if (!out) {
      const why = r.stderr.trim().split('\n').filter((l) => !/javaldx/.test(l)).slice(-2).join(' ');
      throw new BadDocumentError('convert.failed', `LibreOffice could not convert the ${format.toUpperCase()} file (exit ${r.exitCode})${why ? `: ${why}` : ''}`);
    }
    return await extractDocx(await readFile(out), { ...options, format });
  } finally {
    await removeTempDir(dir);
  }
}
