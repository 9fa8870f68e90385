#!/bin/sh
# Browser tests drive Debian's Chromium with Playwright. Install it when missing and we
# can (root with apt-get). In CI a missing Chromium fails the browser tests; on a
# developer machine they are skipped with a message saying so.
set -eu
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium (for the browser tests)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "ensure-chromium: $CHROMIUM not found and cannot install it here (not root);" \
       "browser tests will be skipped (in CI they fail). Install with: sudo apt-get install chromium"
fi
