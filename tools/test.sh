#!/usr/bin/env bash
# Install everything PropDesk's test suite needs on a fresh Debian machine and run the whole suite:
# system libraries for Qt offscreen, a CJK font, LibreOffice-free tools, a PostgreSQL server
# (started, with a role and database for the tests), a virtual environment with propdesk[test].
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends \
    python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
    libglib2.0-0 libnss3 libxcomposite1 libxrender1 libxrandr2 libxtst6 libxi6 libasound2 \
    fonts-wqy-microhei poppler-utils postgresql >/dev/null
fi

# PostgreSQL: start the cluster and create a role and database for the tests.
PG_VER=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)
if [ -n "$PG_VER" ]; then
  $SUDO pg_ctlcluster "$PG_VER" main start 2>/dev/null || true
  for _ in $(seq 1 30); do
    $SUDO su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  $SUDO su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='propdesk'\"" | grep -q 1 \
    || $SUDO su postgres -c "psql -qc \"create role propdesk login password 'propdesk'\""
  # The tests create a database per parallel worker and the staff's own database logins.
  $SUDO su postgres -c "psql -qc \"alter role propdesk createdb createrole\"" >/dev/null
  $SUDO su postgres -c "psql -qAtc \"select 1 from pg_database where datname='propdesk_test'\"" | grep -q 1 \
    || $SUDO su postgres -c "createdb -O propdesk propdesk_test"
  export PROPDESK_TEST_PG_URL="postgresql+psycopg://propdesk:propdesk@127.0.0.1:5432/propdesk_test"
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'

export QT_QPA_PLATFORM=offscreen
# Types first: mypy --strict over the core, the documents and the UI (no exemptions).
.venv/bin/python -m mypy --strict propdesk reports ui
# Two workers: the suite is CPU-bound and CI has two cores; each worker has its own PG database.
exec .venv/bin/python -m pytest -p no:cacheprovider -n "${PROPDESK_TEST_WORKERS:-2}" "$@"
