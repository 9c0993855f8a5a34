#!/usr/bin/env bash
# The README's first command is the product's front door: `make run` starts the
# app and a window opens on the default case. Run by meson (suite 'ui') after the
# build, so the Makefile's set-up targets are taken as done (make -o); CI runs the
# whole chain through `make test`.
#   tests/test-make-run.sh SOURCE_ROOT BUILD_ROOT
set -u
src=$1
build=$2

command -v make >/dev/null || { echo "1..0 # SKIP make is missing"; exit 0; }
command -v xdotool >/dev/null || { echo "1..0 # SKIP xdotool is missing"; exit 0; }
[ -n "${DISPLAY:-}" ] || { echo "1..0 # SKIP no X display"; exit 0; }
xdotool getdisplaygeometry >/dev/null 2>&1 ||
  { echo "1..0 # SKIP the X display $DISPLAY does not answer"; exit 0; }

echo "1..1"
home=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$home"' EXIT

# A first launch: the app's own dirs, so the sample case is written afresh.
HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache \
GSETTINGS_BACKEND=memory \
  make -s -C "$src" -o deps -o setup -o build run BUILDDIR="$build" >"$home/run.log" 2>&1 &
pid=$!

for _ in $(seq 1 100); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "not ok 1 - make run exited before a window opened:"
    sed 's/^/# /' "$home/run.log"
    exit 1
  fi
  if xdotool search --onlyvisible --name 'Tick / PLA Unit 61419' >/dev/null 2>&1; then
    if [ -f "$home/data/redstring/default.redstring" ]; then
      echo "ok 1 - make run opens the window on the default (sample) case"
      exit 0
    fi
  fi
  sleep 0.2
done
echo "not ok 1 - no window within 20 s:"
sed 's/^/# /' "$home/run.log"
exit 1
