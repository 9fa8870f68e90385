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
sh scripts/ensure-hunspell.sh ensure-tools
if command -v npm >/dev/null 2>&1; then
  if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "ensure-tools: npm ci (vnu-jar)"
    npm ci --omit=dev --no-audit --no-fund --silent
  fi
fi
if [ ! -x "$VENV_PROPERDOCS/bin/properdocs" ] || [ requirements-properdocs.txt -nt "$VENV_PROPERDOCS/bin/properdocs" ] || [ pyproject.toml -nt "$VENV_PROPERDOCS/bin/properdocs" ]; then
  echo "ensure-tools: creating $VENV_PROPERDOCS (ProperDocs fallback check)"
  rm -rf "$VENV_PROPERDOCS"
  ${PYTHON:-python3} -m venv "$VENV_PROPERDOCS"
  "$VENV_PROPERDOCS/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
  # The site's plugin (pyproject.toml's entry point), as in .venv.
  "$VENV_PROPERDOCS/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch "$VENV_PROPERDOCS/bin/properdocs"
fi
if [ -n "$missing" ]; then
  echo "ensure-tools: missing:$missing (not root, cannot install); their tests are skipped here and fail in CI"
fi
