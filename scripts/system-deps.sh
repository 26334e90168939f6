#!/usr/bin/env bash
# Checks (and, as root, installs through apt) the Debian packages recours needs.
#   scripts/system-deps.sh runtime   WeasyPrint's libraries and the fonts (make run)
#   scripts/system-deps.sh test      the same plus Chromium, poppler, gettext, Java (the HTML
#                                    checker) and npm (to fetch it) (make test)
set -euo pipefail
RUNTIME="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-dejavu-core shared-mime-info"
TEST="$RUNTIME chromium poppler-utils gettext"
# Tools that may come from elsewhere than Debian (a JDK, Node.js): checked by command.
TEST_COMMANDS="java:default-jre-headless npm:npm"
commands=""
case "${1:-runtime}" in
  runtime) wanted=$RUNTIME ;;
  test) wanted=$TEST; commands=$TEST_COMMANDS ;;
  *) echo "usage: $0 runtime|test" >&2; exit 2 ;;
esac
missing=()
for pkg in $wanted; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
for pair in $commands; do
  command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "recours needs these Debian packages, which are not installed:" >&2
  echo "    sudo apt-get install ${missing[*]}" >&2
  echo "Run that command (or run make as root), then try again." >&2
  exit 1
fi
