#!/usr/bin/env bash
# Makes Debian's Chromium available for the console's browser tests, which drive
# it with playwright-core (whose own browser download cannot reach its servers
# here). Idempotent: a no-op when /usr/bin/chromium is already installed.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
  exit 0
fi

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi

echo "ensure-chromium: installing chromium from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
echo "ensure-chromium: installed $(/usr/bin/chromium --version)"
