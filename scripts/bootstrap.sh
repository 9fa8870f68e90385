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
# hooks/sourcekit/dehyphen.py asks hunspell's dictionaries whether a word broken at a line
# end is a compound. Without them the build still works, going by the text's own words.
hunspell_missing=""
command -v hunspell >/dev/null 2>&1 || hunspell_missing="hunspell"
[ -f /usr/share/hunspell/en_US.dic ] || hunspell_missing="$hunspell_missing hunspell-en-us"
[ -f /usr/share/hunspell/en_GB.dic ] || hunspell_missing="$hunspell_missing hunspell-en-gb"
[ -f /usr/share/hunspell/ru_RU.dic ] || hunspell_missing="$hunspell_missing hunspell-ru"
[ -f /usr/share/hunspell/kk_KZ.dic ] || hunspell_missing="$hunspell_missing hunspell-kk"
if [ -n "$hunspell_missing" ]; then
  installed=0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing${hunspell_missing} with apt-get"
    # shellcheck disable=SC2086 # one word per package
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $hunspell_missing >/dev/null && installed=1
  fi
  if [ "$installed" = 0 ]; then
    echo "bootstrap: no${hunspell_missing}: words broken at line ends are rejoined by the text's own words only (install: sudo apt-get install hunspell hunspell-ru hunspell-kk hunspell-en-us hunspell-en-gb)"
  fi
fi
