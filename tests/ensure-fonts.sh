#!/usr/bin/env bash
# The PDF certificate needs Debian's Noto fonts (Latin, Arabic, Ethiopic: fonts-noto-core);
# its tests read the PDF back with pdftotext (poppler-utils).
set -euo pipefail
NOTO=/usr/share/fonts/truetype/noto
if [ -f "$NOTO/NotoSansArabic-Regular.ttf" ] && [ -f "$NOTO/NotoSansEthiopic-Regular.ttf" ] \
    && command -v pdftotext >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Lettertypen of pdftotext ontbreken; installeren met apt-get (fonts-noto-core, poppler-utils)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core poppler-utils >/dev/null
    exit 0
fi
echo "Het PDF-certificaat heeft het Debian-pakket 'fonts-noto-core' nodig (Noto-lettertypen" >&2
echo "voor Latijns, Arabisch en Ethiopisch schrift); de tests ook 'poppler-utils' (pdftotext)." >&2
echo "Installeer ze met: sudo apt-get install fonts-noto-core poppler-utils" >&2
exit 1
