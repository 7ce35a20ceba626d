#!/usr/bin/env bash
# The browser tests drive Debian's Chromium with Playwright (never `playwright install`).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium ontbreekt; installeren met apt-get (Debian-pakket 'chromium')..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
    exit 0
fi
echo "De browsertests hebben het Debian-pakket 'chromium' nodig (/usr/bin/chromium)." >&2
echo "Installeer het met: sudo apt-get install chromium" >&2
exit 1
