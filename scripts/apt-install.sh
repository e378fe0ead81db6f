#!/usr/bin/env bash
# Installs Debian packages (scripts/setup.sh calls it with the missing ones). When another apt or dpkg process
# holds the lock (unattended-upgrades, a parallel setup), it waits, bounded: NIANBAO_APT_WAIT_SEC in all
# (default 600), retrying every NIANBAO_APT_RETRY_SEC (default 10); apt itself also waits for the dpkg lock.
set -euo pipefail
wait_total=${NIANBAO_APT_WAIT_SEC:-600}
step=${NIANBAO_APT_RETRY_SEC:-10}
SUDO=()
[ "$(id -u)" -ne 0 ] && SUDO=(sudo)

apt_retry() {
  local waited=0 out
  while true; do
    if out=$("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$wait_total" "$@" 2>&1); then
      return 0
    fi
    if grep -qiE 'could not get lock|unable to (acquire|lock)|another process' <<<"$out" && [ "$waited" -lt "$wait_total" ]; then
      echo "setup: another apt or dpkg process holds the lock; waiting (${waited}s of ${wait_total}s)" >&2
      sleep "$step"
      waited=$((waited + step))
      continue
    fi
    echo "$out" >&2
    [ "$waited" -ge "$wait_total" ] && echo "setup: apt stayed locked for ${wait_total}s; giving up" >&2
    return 1
  done
}

apt_retry update -qq
apt_retry install -y -qq --no-install-recommends "$@"
