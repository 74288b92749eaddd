#!/usr/bin/env bash
# One-step set-up on Debian/Ubuntu: system packages the renderer needs, a local
# virtual environment with the Python packages, then a build of the exemplar.
# Each step prints a line when it starts, so that a first run (some minutes)
# shows where it is.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { echo "[$1/4] $2"; }

# Fonts (Liberation Serif is the metric twin of Times New Roman), the HarfBuzz
# subsetter WeasyPrint embeds fonts with, Pango, and poppler-utils for the tests
# that read the PDF back.
DEB_PACKAGES="fonts-liberation2 libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils"

step 1 "Debian packages: $DEB_PACKAGES"
missing=""
for p in $DEB_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "      all installed"
elif [ "$(id -u)" = 0 ]; then
  echo "      installing:$missing (apt-get, about a minute)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "These Debian packages are missing. Run, then run this script again:"
  echo "  sudo apt-get install -y$missing"
  exit 1
fi

PYTHON="${PYTHON:-python3}"
if [ -x .venv/bin/python ]; then
  step 2 "Python virtual environment: .venv is there"
else
  step 2 "Python virtual environment: making .venv with $PYTHON"
  "$PYTHON" -m venv .venv
fi

step 3 "Python packages of requirements.txt into .venv (pip; a few minutes the first time)"
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements.txt

step 4 "Building the example thesis into output/thesis.pdf"
.venv/bin/python build.py
