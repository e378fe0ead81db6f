#!/usr/bin/env bash
# Idempotent setup: installs the Debian packages and npm dependencies nianbao needs.
# Safe to run again: it only installs what is missing. Called by `npm test` and `npm run demo`.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PKGS=(chromium fonts-noto-cjk fonts-wqy-zenhei libreoffice-writer-nogui poppler-utils poppler-data
  tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng r-base-core redis-server mupdf-tools)

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    echo "setup: missing Debian packages: ${missing[*]} (run as root or install them yourself)" >&2
  else
    echo "setup: installing Debian packages: ${missing[*]}" >&2
    bash scripts/apt-install.sh "${missing[@]}" >/dev/null
  fi
fi

# npm dependencies: install when node_modules is missing or older than the lock file.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ ! -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  echo "setup: installing npm dependencies (the first run compiles better-sqlite3, about 2 minutes)" >&2
  npm ci --no-audit --no-fund >&2
fi

# The CLI's JavaScript bundle (dist/, git-ignored): built when missing or older than the sources (a few seconds);
# bin/nianbao.mjs runs the TypeScript through tsx whenever the bundle is not fresh.
node scripts/build/build.mjs --quiet
