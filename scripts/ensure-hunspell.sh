#!/bin/sh
# hooks/sourcekit/dehyphen.py asks Debian's hunspell dictionaries whether a word broken at a
# line end is a compound (по-прежнему, іс-шаралар, long-standing). Installs what is missing
# when it can (root with apt-get); otherwise says so in one line: the build still works, going
# by the text's own words (and the golden tests, which expect the dictionaries, differ).
# Usage: sh scripts/ensure-hunspell.sh NAME   (NAME prefixes the messages)
set -u
name=${1:-ensure-hunspell}
missing=""
command -v hunspell >/dev/null 2>&1 || missing="hunspell"
[ -f /usr/share/hunspell/en_US.dic ] || missing="$missing hunspell-en-us"
[ -f /usr/share/hunspell/en_GB.dic ] || missing="$missing hunspell-en-gb"
[ -f /usr/share/hunspell/ru_RU.dic ] || missing="$missing hunspell-ru"
[ -f /usr/share/hunspell/kk_KZ.dic ] || missing="$missing hunspell-kk"
[ -n "$missing" ] || exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "$name: installing${missing} with apt-get"
  # shellcheck disable=SC2086 # one word per package
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null && exit 0
fi
echo "$name: no${missing}: words broken at line ends are rejoined by the text's own words only (install: sudo apt-get install hunspell hunspell-ru hunspell-kk hunspell-en-us hunspell-en-gb)"
