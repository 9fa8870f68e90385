#!/bin/sh
# Create the virtual environment and install the locked requirements.
# Works on a fresh Debian with Python 3.11; installs python3-venv when it is missing
# and we are allowed to (root with apt-get), and so the hunspell dictionaries.
set -eu
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "bootstrap: $PYTHON not found; install Python 3.11 (apt-get install python3)" >&2
  exit 1
fi
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
  echo "bootstrap: Python 3.11 or newer is needed, found $("$PYTHON" --version)" >&2
  exit 1
}
if [ ! -x "$VENV/bin/python" ]; then
  echo "bootstrap: creating $VENV"
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "bootstrap: installing python3-venv with apt-get"
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      "$PYTHON" -m venv "$VENV"
    else
      echo "bootstrap: '$PYTHON -m venv' failed; install python3-venv (sudo apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
fi
echo "bootstrap: installing locked requirements into $VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
# The project itself, editable: its MkDocs plugin (pyproject.toml's entry point) runs from hooks/.
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
sh scripts/ensure-hunspell.sh bootstrap
