#!/usr/bin/env bash
# The PostgreSQL tests start their own throw-away server from Debian's postgresql package.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL ontbreekt; installeren met apt-get (Debian-pakket 'postgresql')..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    exit 0
fi
echo "De PostgreSQL-tests hebben het Debian-pakket 'postgresql' nodig (initdb, pg_ctl)." >&2
echo "Installeer het met: sudo apt-get install postgresql" >&2
exit 1
