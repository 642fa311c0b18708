#!/usr/bin/env bash
# Installs the browser checks' npm packages (package.json: pinned playwright-core and axe-core)
# into tests/browser/node_modules, only when they are missing. Chromium itself is Debian's
# (/usr/bin/chromium, scripts/install-deps.sh); playwright downloads no browser.
set -euo pipefail
cd "$(dirname "$0")"
# Several suites call this at once under ctest -j (browser_checks, site_checks, portal_browser):
# one installs while the others wait (a lock on package.json itself), then finds it done.
exec 9<package.json
flock 9
if [ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ]; then exit 0; fi
command -v npm >/dev/null || { echo "install.sh: npm is missing (scripts/install-deps.sh)" >&2; exit 1; }
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --silent
else
  npm install --no-audit --no-fund --silent
fi
