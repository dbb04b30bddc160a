#!/usr/bin/env bash
# Installs what the browser tests need when it is missing: Debian's
# chromium (Playwright drives it; no browser download) and a CJK font, so
# that screenshots show Chinese rather than boxes.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if ! { command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; }; then need+=(fonts-wqy-microhei); fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing ${need[*]} for the browser tests"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
