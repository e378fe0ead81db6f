/**
 * A PDF page as a PNG for the report page (poppler's pdftoppm, with a time and size limit), the last few kept
 * in memory. Coordinates in the document model are PDF points, so a box scales by DPI / 72 on the image.
 */
import { runTool } from '../../extractors/run-tool.ts';
import { BadDocumentError } from '../model/errors.ts';

export const PAGE_DPI = 100;
const TIMEOUT_MS = 30_000;
const MAX_PNG_BYTES = 40 * 1024 * 1024;
const CACHE_SIZE = 12;

const cache = new Map<string, Buffer>();

export async function renderPage(pdfPath: string, sha: string, page: number): Promise<Buffer> {
  const key = `${sha}:${page}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const out = await runTool('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(PAGE_DPI), '-png', pdfPath], {
    tool: 'pdftoppm', timeoutMs: TIMEOUT_MS, maxOutputBytes: MAX_PNG_BYTES, timeoutCode: 'review.render_timeout',
  });
  if (out.code !== 0 || out.truncated || out.stdout.length < 8) {
    throw new BadDocumentError('review.render_failed', `pdftoppm could not render page ${page}: ${out.stderr.trim().slice(0, 200)}`);
  }
  cache.set(key, out.stdout);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return out.stdout;
}
