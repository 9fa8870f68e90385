#!/bin/sh
# Tools the quality gates need besides Python: Debian's Chromium (browser, axe, print),
# Java (the Nu HTML Checker), hunspell with its en/ru/kk dictionaries (rejoining words
# broken at line ends), the npm packages of package-lock.json (vnu-jar), and a
# separate virtual environment with ProperDocs (the fallback for MkDocs 1.x).
# Installs what is missing when it can (root with apt-get); otherwise says what to do.
# In CI a missing tool fails its tests; on a developer machine they are skipped, saying so.
set -eu
VENV_PROPERDOCS=${VENV_PROPERDOCS:-.venv-properdocs}
missing=""
command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && can_apt=1 || can_apt=0
apt_updated=0
apt_install() {
  if [ "$can_apt" = 1 ]; then
    if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
    echo "ensure-tools: installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    missing="$missing $*"
  fi
}
[ -x /usr/bin/chromium ] || apt_install chromium
command -v java >/dev/null 2>&1 || apt_install default-jre-headless
command -v npm >/dev/null 2>&1 || apt_install nodejs npm
# hooks/sourcekit/dehyphen.py asks these dictionaries whether a word broken at a line end is
# a compound; without them it goes by the text's own words (and the golden tests differ).
hunspell_missing=""
command -v hunspell >/dev/null 2>&1 || hunspell_missing="hunspell"
[ -f /usr/share/hunspell/en_US.dic ] || hunspell_missing="$hunspell_missing hunspell-en-us"
[ -f /usr/share/hunspell/en_GB.dic ] || hunspell_missing="$hunspell_missing hunspell-en-gb"
[ -f /usr/share/hunspell/ru_RU.dic ] || hunspell_missing="$hunspell_missing hunspell-ru"
[ -f /usr/share/hunspell/kk_KZ.dic ] || hunspell_missing="$hunspell_missing hunspell-kk"
if [ -n "$hunspell_missing" ]; then
  if [ "$can_apt" = 1 ]; then
    # shellcheck disable=SC2086 # one word per package
    apt_install $hunspell_missing
  else
    echo "ensure-tools: no${hunspell_missing}: words broken at line ends are rejoined by the text's own words only (install: sudo apt-get install hunspell hunspell-ru hunspell-kk hunspell-en-us hunspell-en-gb)"
  fi
fi
if command -v npm >/dev/null 2>&1; then
  if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "ensure-tools: npm ci (vnu-jar)"
    npm ci --omit=dev --no-audit --no-fund --silent
  fi
fi
if [ ! -x "$VENV_PROPERDOCS/bin/properdocs" ] || [ requirements-properdocs.txt -nt "$VENV_PROPERDOCS/bin/properdocs" ]; then
  echo "ensure-tools: creating $VENV_PROPERDOCS (ProperDocs fallback check)"
  rm -rf "$VENV_PROPERDOCS"
  ${PYTHON:-python3} -m venv "$VENV_PROPERDOCS"
  "$VENV_PROPERDOCS/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
  touch "$VENV_PROPERDOCS/bin/properdocs"
fi
if [ -n "$missing" ]; then
  echo "ensure-tools: missing:$missing (not root, cannot install); their tests are skipped here and fail in CI"
fi
