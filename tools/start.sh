#!/usr/bin/env bash
# Install PropDesk into .venv and start it. With no database yet, a demo estate is built first
# (600 units, one user per role: see docs/demo_users.md). Pass --empty to skip the demo and set
# up your own estate in the first-run dialog instead; other arguments go to `propdesk`.
set -euo pipefail
cd "$(dirname "$0")/.."

DEMO=1
ARGS=()
for a in "$@"; do
  if [ "$a" = "--empty" ]; then DEMO=0; else ARGS+=("$a"); fi
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if command -v apt-get >/dev/null 2>&1 && ! dpkg -s libxcb-cursor0 fonts-wqy-microhei >/dev/null 2>&1; then
  # Qt's xcb platform plugin and a CJK font (Debian/Ubuntu desktops usually have most of these).
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
    libxcb-xinerama0 libxcb-xkb1 libxcb-shape0 fonts-wqy-microhei >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .

DB_URL=$(.venv/bin/python -c 'from propdesk.config import resolve_database_url; print(resolve_database_url())')
if [ "$DEMO" = 1 ] && [[ "$DB_URL" == sqlite:///* ]] && [ ! -s "${DB_URL#sqlite:///}" ]; then
  echo "No database yet: building the demo estate in ${DB_URL#sqlite:///} …"
  .venv/bin/propdesk demo --units 600
fi
exec .venv/bin/propdesk "${ARGS[@]}"
