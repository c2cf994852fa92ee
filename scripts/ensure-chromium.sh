#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (tests/e2e/),
# which drive it with playwright-core. Never uses `npx playwright install`.
#
#   scripts/ensure-chromium.sh        # e.g. as "pretest:e2e"
#
# Installs with apt-get only when the binary is missing and we are root; otherwise says why
# it did nothing and exits 0, so the e2e suite can skip itself cleanly.
set -u

CHROMIUM="${PERFPLAN_CHROMIUM:-/usr/bin/chromium}"

version() { "$CHROMIUM" --version 2>/dev/null || echo "(version unknown)"; }

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM already installed: $(version); nothing to do."
  exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: $CHROMIUM is missing and this is not root (uid $(id -u)); skipping the install."
  echo "ensure-chromium: install it yourself with: sudo apt-get update && sudo apt-get install -y chromium"
  echo "ensure-chromium: the browser tests (tests/e2e) will be skipped."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available (not Debian/Ubuntu); skipping."
  echo "ensure-chromium: the browser tests (tests/e2e) will be skipped."
  exit 0
fi

echo "ensure-chromium: $CHROMIUM is missing; running: apt-get update"
if ! DEBIAN_FRONTEND=noninteractive apt-get update; then
  echo "ensure-chromium: apt-get update failed; skipping (the browser tests will be skipped)." >&2
  exit 0
fi
echo "ensure-chromium: running: apt-get install -y chromium"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; then
  echo "ensure-chromium: apt-get install chromium failed; skipping (the browser tests will be skipped)." >&2
  exit 0
fi

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: installed $CHROMIUM: $(version)"
else
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing; the browser tests will be skipped." >&2
fi
exit 0
