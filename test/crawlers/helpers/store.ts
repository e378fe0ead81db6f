/** A temporary database + blob store for crawler tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { BlobStore } from '../../../src/store/blobs.ts';
import { openDb, type Db } from '../../../src/store/db.ts';

export interface TempStore {
  dir: string;
  dbPath: string;
  db: Db;
  blobs: BlobStore;
}

export function tempStore(t: TestContext): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-crawl-'));
  const dbPath = join(dir, 'nianbao.sqlite');
  const db = openDb(dbPath);
  t.after(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, dbPath, db, blobs: new BlobStore(join(dir, 'raw')) };
}
