#!/usr/bin/env bash
# Screenshots for the README, taken from the real app under Xvfb:
#   tests/screenshot.sh [BUILDDIR]
# Starts Redstring on a fresh sample case (its own XDG dirs, so your cases are not
# touched), waits for the board, and saves data/screenshots/board.png (light) and
# board-dark.png (dark style); then selection.png and source-viewer.png from the
# window test.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
out="$top/data/screenshots"
mkdir -p "$out"

shoot () {
  local scheme=$1 file=$2
  local tmp
  tmp=$(mktemp -d)
  # shellcheck disable=SC2016
  # A home of its own, so the subtitle reads ~/.local/share/redstring/default.redstring.
  HOME="$tmp" XDG_DATA_HOME="$tmp/.local/share" XDG_CONFIG_HOME="$tmp/.config" XDG_CACHE_HOME="$tmp/.cache" \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
  GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo ADW_DEBUG_COLOR_SCHEME="$scheme" \
  xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
    "$0/app/gui/redstring" &
    app=$!
    for _ in $(seq 1 50); do
      sleep 0.2
      xdotool search --onlyvisible --class redstring >/dev/null 2>&1 && break
    done
    wid=$(xdotool search --onlyvisible --class redstring | head -n 1)
    xdotool windowsize "$wid" 1600 1000 windowmove "$wid" 0 0
    xdotool mousemove 5000 5000
    sleep 4
    import -window root "$1"
    kill "$app"
  ' "$build" "$out/$file"
  rm -rf "$tmp"
  echo "wrote $out/$file"
}

shoot prefer-light board.png
shoot prefer-dark board-dark.png

# A selection followed by the panels and the source viewer: the window test saves
# these as it goes.
GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo \
  xvfb-run -a -s '-screen 0 1600x1000x24' meson test -C "$build" test-window >/dev/null
cp "$build/tests/window-tick-selected.png" "$out/selection.png"
cp "$build/tests/window-source-viewer.png" "$out/source-viewer.png"
echo "wrote $out/selection.png and $out/source-viewer.png"
