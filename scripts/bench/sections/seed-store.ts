/**
 * A data folder holding given files as stored documents (blob + `documents` row, as a crawl would leave them),
 * so `nianbao run --no-crawl` extracts exactly these. Used for the worker-scaling bench.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { recordDocument } from '../../../crawlers/documents.ts';
import { BlobStore } from '../../../src/store/blobs.ts';
import { openDb } from '../../../src/store/db.ts';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', pdf: 'application/pdf', doc: 'application/msword', wps: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', txt: 'text/plain',
};

export function seedStore(dataDir: string, files: string[]): number {
  const db = openDb(join(dataDir, 'nianbao.sqlite'));
  const blobs = new BlobStore(join(dataDir, 'raw'));
  const now = new Date().toISOString();
  try {
    db.transaction(() => {
      for (const [i, file] of files.entries()) {
        const bytes = readFileSync(file);
        const ext = extname(file).slice(1).toLowerCase();
        const url = `http://bench.invalid/${i}/${encodeURIComponent(basename(file))}`;
        recordDocument(db, { urlKey: url, url, siteId: 'bench', sha256: blobs.put(bytes), ext, contentType: CONTENT_TYPES[ext], bytes: bytes.byteLength, now });
      }
    })();
    return files.length;
  } finally {
    db.close();
  }
}
