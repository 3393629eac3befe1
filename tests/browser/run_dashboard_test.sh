#!/usr/bin/env bash
# The dashboard's browser test, from ctest:
#   run_dashboard_test.sh WARTA SOURCE_DIR OUT_DIR [ARTICLES MODE]
# ARTICLES and MODE default to our fixtures and "fixture"; "seed" mode takes the shared
# seed article (read only). Exit 77 (skipped) when this machine has no Chromium or
# ARTICLES does not exist; any other problem — no node, no playwright-core, a dashboard
# that does not build — is a failure.
set -euo pipefail
warta=$1 src=$2 out=$3
articles=${4:-$src/tests/browser/fixtures/articles.jsonl} mode=${5:-fixture}
if [ ! -f "$articles" ]; then
  echo "SKIPPED: no $articles"
  exit 77
fi
chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
  for c in /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -x "$c" ] && chromium=$c && break
  done
fi
if [ -z "$chromium" ]; then
  echo "SKIPPED: no Chromium (apt-get install chromium chromium-driver)"
  exit 77
fi
export CHROMIUM=$chromium
command -v node >/dev/null || { echo "FAIL: node is not installed (scripts/setup.sh installs it)"; exit 1; }
web=$src/web
[ -d "$web/node_modules/playwright-core" ] || { echo "FAIL: run npm ci in web/ (scripts/setup.sh does)"; exit 1; }
# Rebuild the dashboard when its sources are newer than the build.
if [ ! -f "$web/dist/index.html" ] ||
   [ -n "$(find "$web/src" "$web/index.html" "$web/package.json" "$web/vite.config.js" -newer "$web/dist/index.html" 2>/dev/null | head -1)" ]; then
  (cd "$web" && npm run --silent build >/dev/null)
fi
exec node "$src/tests/browser/dashboard_test.mjs" "$warta" "$articles" "$web/dist" "$out" "$mode"
