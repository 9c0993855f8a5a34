#!/bin/bash
# test-install.sh BUILDDIR SRCDIR
#
# Copyright 2026 The Redstring authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `meson install --destdir` into a temporary folder, then what a desktop and a
# distribution check of an installed application: the desktop file, the AppStream
# metainfo, the MIME type (a case recognised by name and by content), the settings
# schema, the man pages, the translations, and the installed binary started on a case
# with the installed schema and closed cleanly. TAP output.

set -u
builddir=$(cd "$1" && pwd)
srcdir=$(cd "$2" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/redstring-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok ()   { n=$((n + 1)); echo "ok $n - $1"; }
fail () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; for line in "$@"; do echo "# $line"; done; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }
check () { # check DESCRIPTION COMMAND...: passes when the command does and prints nothing on stderr
  local desc=$1; shift
  local err
  if err=$("$@" 2>&1 >/dev/null) && [ -z "$err" ]; then ok "$desc"; else fail "$desc" "$err"; fi
}

# --no-rebuild: the test runs on the build it belongs to.
if ! out=$(meson install -C "$builddir" --no-rebuild --destdir "$tmp/dest" 2>&1); then
  echo "1..1"; fail "meson install --destdir" "$out"; exit 1
fi
prefix=$(meson introspect "$builddir" --buildoptions |
         python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
root="$tmp/dest$prefix"
share="$root/share"
id=org.redstring.Redstring

echo "1..16"

missing=()
for f in bin/redstring bin/redstring-cli \
         share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         share/mime/packages/$id.xml share/glib-2.0/schemas/$id.gschema.xml \
         share/icons/hicolor/scalable/apps/$id.svg \
         share/icons/hicolor/symbolic/apps/$id-symbolic.svg \
         share/man/man1/redstring.1 share/man/man1/redstring-cli.1 \
         share/locale/de/LC_MESSAGES/redstring.mo; do
  [ -e "$root/$f" ] || missing+=("$f")
done
if [ ${#missing[@]} -eq 0 ]; then ok "every file installed"; else fail "every file installed" "missing: ${missing[*]}"; fi

desktop="$share/applications/$id.desktop"
check "desktop-file-validate" desktop-file-validate "$desktop"
if grep -qx 'Exec=redstring %F' "$desktop" && grep -qx 'MimeType=application/x-redstring-case;' "$desktop" &&
   grep -qx "Icon=$id" "$desktop"; then
  ok "desktop file opens cases by MIME type (%F) with the icon"
else
  fail "desktop file opens cases by MIME type (%F) with the icon" "$(cat "$desktop")"
fi
if grep -q '^Comment\[de\]=' "$desktop"; then ok "desktop file translated"; else fail "desktop file translated"; fi

if out=$(appstreamcli validate --no-net "$share/metainfo/$id.metainfo.xml" 2>&1); then
  ok "appstreamcli validate --no-net"
else
  fail "appstreamcli validate --no-net" "$out"
fi

check "xmllint on the MIME type" xmllint --noout "$share/mime/packages/$id.xml"

# The install script does not run under --destdir: build the MIME cache here, then ask
# GIO what a case is, by its name and by its content alone.
update-mime-database "$share/mime" >/dev/null 2>&1
"$root/bin/redstring-cli" new --sample "$tmp/case.redstring" >/dev/null
cp "$tmp/case.redstring" "$tmp/case-without-extension"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("create table t(x)"); c.commit()' \
  "$tmp/other.db"
type_of () { XDG_DATA_DIRS="$share" XDG_DATA_HOME="$tmp/nowhere" gio info -a standard::content-type "$1" |
             sed -n 's/.*standard::content-type: //p'; }
by_name=$(type_of "$tmp/case.redstring")
by_magic=$(type_of "$tmp/case-without-extension")
other=$(type_of "$tmp/other.db")
if [ "$by_name" = application/x-redstring-case ] && [ "$by_magic" = application/x-redstring-case ] &&
   [ "$other" != application/x-redstring-case ]; then
  ok "a case is application/x-redstring-case by name and by magic, another SQLite file is not"
else
  fail "a case is application/x-redstring-case by name and by magic, another SQLite file is not" \
       "by name: $by_name" "by magic: $by_magic" "other SQLite: $other"
fi

mkdir -p "$tmp/schemas"
check "glib-compile-schemas --strict" \
  glib-compile-schemas --strict --targetdir="$tmp/schemas" "$share/glib-2.0/schemas"

for page in redstring redstring-cli; do
  if out=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l "$share/man/man1/$page.1" 2>&1 >/dev/null) &&
     [ -z "$out" ]; then
    ok "man -l $page.1 renders without warnings"
  else
    fail "man -l $page.1 renders without warnings" "$out"
  fi
done

# Every command the CLI lists has its section in the man page.
undocumented=()
for cmd in $("$root/bin/redstring-cli" --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
  grep -q "^\.SS \"${cmd//-/\\\\-}[ \"]" "$share/man/man1/redstring-cli.1" || undocumented+=("$cmd")
done
if [ ${#undocumented[@]} -eq 0 ]; then ok "every redstring-cli command is in its man page"
else fail "every redstring-cli command is in its man page" "missing: ${undocumented[*]}"; fi

if "$root/bin/redstring" --help | grep -q -- '--read-only'; then ok "redstring --help lists its options"
else fail "redstring --help lists its options"; fi

check "msgfmt --check on the installed translation's source" \
  msgfmt --check -o /dev/null "$srcdir/po/de.po"

# Every source with translatable strings is in POTFILES.in, or xgettext never sees them.
unlisted=()
while IFS= read -r f; do
  grep -qxF "$f" "$srcdir/po/POTFILES.in" || unlisted+=("$f")
done < <(cd "$srcdir" && { grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|g_dngettext) *\(' --include='*.c' app;
                          grep -rl 'translatable="yes"' --include='*.ui' ui; } | sort)
if [ ${#unlisted[@]} -eq 0 ]; then ok "every file with translatable strings is in po/POTFILES.in"
else fail "every file with translatable strings is in po/POTFILES.in" "missing: ${unlisted[*]}"; fi

# The installed binary, with the installed schema, on a case; then quit as Ctrl+Q does
# (SIGTERM runs the app.quit action) and expect a clean exit.
if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  skip "installed binary started and closed (no display)"
  skip "a case opened while Redstring runs opens in the running instance (no display)"
else
  mkdir -p "$tmp/home"
  run_installed () {
    exec env -u GSETTINGS_BACKEND GSETTINGS_SCHEMA_DIR="$tmp/schemas" GSETTINGS_BACKEND=memory \
        HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" \
        XDG_CACHE_HOME="$tmp/home/cache" XDG_DATA_DIRS="$share:/usr/share" \
        G_DEBUG=fatal-criticals "$root/bin/redstring" "$@"
  }
  run_installed "$tmp/case.redstring" >"$tmp/app.log" 2>&1 &
  pid=$!
  shown=
  for _ in $(seq 1 300); do
    if xdotool search --onlyvisible --pid "$pid" --name 'Tick' >/dev/null 2>&1; then shown=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  # A case double-clicked while Redstring runs opens in that instance (G_APPLICATION_HANDLES_OPEN
  # over D-Bus): the second process hands it over and ends, the window is the first one's.
  if [ -n "$shown" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    "$root/bin/redstring-cli" new "$tmp/second.redstring" >/dev/null
    handed=
    if timeout 30 bash -c "$(declare -f run_installed); tmp='$tmp' root='$root' share='$share' run_installed '$tmp/second.redstring'" \
         >"$tmp/second.log" 2>&1; then
      for _ in $(seq 1 100); do
        if xdotool search --onlyvisible --pid "$pid" --name '^second$' >/dev/null 2>&1; then handed=1; break; fi
        sleep 0.1
      done
    fi
    if [ -n "$handed" ]; then ok "a case opened while Redstring runs opens in the running instance"
    else fail "a case opened while Redstring runs opens in the running instance" "$(cat "$tmp/second.log")"; fi
    # And one more handed over just as the quit comes: its window, opened after the quit
    # had closed the others, was left open (in about 1 run of 3) before the quit won.
    "$root/bin/redstring-cli" new "$tmp/third.redstring" >/dev/null
    timeout 30 bash -c "$(declare -f run_installed); tmp='$tmp' root='$root' share='$share' run_installed '$tmp/third.redstring'" \
      >>"$tmp/second.log" 2>&1
  else
    skip "a case opened while Redstring runs opens in the running instance (no session bus)"
  fi

  kill -TERM "$pid" 2>/dev/null
  status=0
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; status=timeout; else wait "$pid"; status=$?; fi
  if [ -n "$shown" ] && [ "$status" = 0 ] && ! grep -q 'CRITICAL\|not installed' "$tmp/app.log"; then
    ok "installed binary opened the case with the installed schema and quit cleanly"
  else
    fail "installed binary opened the case with the installed schema and quit cleanly" \
         "window shown: ${shown:-no}, exit: $status" "$(cat "$tmp/app.log")"
  fi
fi

exit $failed
