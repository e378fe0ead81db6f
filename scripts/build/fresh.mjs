/**
 * Is dist/ (scripts/build/build.mjs) built from the current sources? Plain JavaScript with no dependencies:
 * bin/nianbao.mjs calls it at every start. A file whose size and mtime are as recorded is unchanged; one whose
 * mtime moved (a checkout) is hashed and compared; a missing file, another content, or a missing or unreadable
 * build-info.json mean stale.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const DIST_DIR = join(REPO_DIR, 'dist');
export const BUILD_INFO = 'build-info.json';

/** Why the build cannot be used, or null when it is fresh. */
export function staleReason(distDir = DIST_DIR, repoDir = REPO_DIR) {
  let info;
  try {
    info = JSON.parse(readFileSync(join(distDir, BUILD_INFO), 'utf8'));
  } catch {
    return 'no build';
  }
  const inputs = Object.entries(info?.inputs ?? {});
  if (inputs.length === 0) return 'no build';
  for (const [path, rec] of inputs) {
    let st;
    try {
      st = statSync(join(repoDir, path));
    } catch {
      return `${path} is gone`;
    }
    if (st.size !== rec.size) return `${path} changed`;
    if (st.mtimeMs === rec.mtimeMs) continue;
    const hash = createHash('sha256').update(readFileSync(join(repoDir, path))).digest('hex');
    if (hash !== rec.sha256) return `${path} changed`;
  }
  return null;
}

export function isFresh(distDir = DIST_DIR, repoDir = REPO_DIR) {
  return staleReason(distDir, repoDir) === null;
}
