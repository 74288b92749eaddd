#!/usr/bin/env bash
# One-step set-up on Debian/Ubuntu: system packages the renderer needs, a local
# virtual environment with the Python packages, then a build of the exemplar.
set -euo pipefail
cd "$(dirname "$0")/.."

# Fonts (Liberation Serif is the metric twin of Times New Roman), the HarfBuzz
# subsetter WeasyPrint embeds fonts with, Pango, and poppler-utils for the tests
# that read the PDF back.
DEB_PACKAGES="fonts-liberation2 libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils"

missing=""
for p in $DEB_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "These Debian packages are missing. Run, then run this script again:"
    echo "  sudo apt-get install -y$missing"
    exit 1
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements.txt

.venv/bin/python build.py
