/** Content-addressed raw files: `<root>/<sha[0:2]>/<sha256>`, written to a temp name then renamed. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class BlobStore {
  constructor(readonly root: string) {}

  pathFor(sha: string): string {
    return join(this.root, sha.slice(0, 2), sha);
  }

  has(sha: string): boolean {
    return existsSync(this.pathFor(sha));
  }

  /** Stores the bytes (once) and returns their sha256. */
  put(bytes: Uint8Array): string {
    const sha = sha256(bytes);
    const path = this.pathFor(sha);
    if (!existsSync(path)) {
      mkdirSync(join(this.root, sha.slice(0, 2)), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, path);
    }
    return sha;
  }

  get(sha: string): Buffer {
    return readFileSync(this.pathFor(sha));
  }
}
