# Thin wrappers: Debian packages -> meson setup/compile -> run / test / bench.
# `make run` and `make test` are all a newcomer needs on a fresh Debian 12 machine.

BUILDDIR ?= _build
ASANDIR  ?= _build-asan
FUZZDIR  ?= _build-fuzz
SANDIR   ?= _build-sanitize
# make fuzz: seconds per harness, and where the growing corpus lives (outside the tree).
FUZZ_SECONDS ?= 60
FUZZ_CORPUS  ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/redstring-fuzz
FUZZERS      = bundle fuzzy-date case-file date-phrase suggest report-html report-text json-cursor dot-import changeset stix
MESON    ?= meson

# Debian 12 packages the build, the tests and the screenshots need.
PACKAGES = build-essential pkg-config meson ninja-build gettext \
           libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev \
           libsqlite3-dev libgraphviz-dev libjson-glib-dev libxml2-dev libpoppler-glib-dev \
           desktop-file-utils xvfb xauth dbus imagemagick xdotool \
           graphviz librsvg2-bin poppler-utils python3-jsonschema \
           fonts-cantarell fonts-dejavu-core fonts-ipafont-gothic adwaita-icon-theme \
           appstream libxml2-utils man-db locales-all
# and for make fuzz: clang with its libFuzzer runtime.
FUZZ_PACKAGES = clang libclang-rt-14-dev
# and for make bench: the peers and the tools that time them (xdot is Debian's, python3).
BENCH_PACKAGES = xdot graphviz time python3
BENCHDIR    ?= _build-bench
# Entities per case, and runs per figure (each figure is the median of its runs).
BENCH_SIZES ?= 1000 5000 20000
BENCH_RUNS  ?= 3

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Tests must not depend on the user's session: isolated, deterministic, no portals.
TEST_ENV = env GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo

.PHONY: all deps setup build run test sanitize-core asan valgrind bench fuzz screenshot clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES) $(EXTRA_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILDDIR)/build.ninja: | deps
	$(MESON) setup $(BUILDDIR)

setup: deps $(BUILDDIR)/build.ninja

build: setup
	$(MESON) compile -C $(BUILDDIR)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data $(BUILDDIR)/app/gui/redstring $(CASE)

test: build sanitize-core
	$(TEST_ENV) xvfb-run -a -s '-screen 0 1600x1000x24' \
	  dbus-run-session -- $(MESON) test -C $(BUILDDIR) --print-errorlogs

# Part of make test: the core, store, cli, export and fuzz suites (the harnesses over
# their seeds and regressions) again under AddressSanitizer and UndefinedBehaviorSanitizer,
# in a build without the GUI; any report fails.
sanitize-core: deps
	[ -f $(SANDIR)/build.ninja ] || $(MESON) setup $(SANDIR) -Dgui=false \
	  -Db_sanitize=address,undefined -Db_lundef=false
	$(MESON) compile -C $(SANDIR)
	$(MESON) test -C $(SANDIR) --print-errorlogs --suite core --suite store --suite cli --suite export \
	  --suite fuzz --suite exchange

# The whole suite under AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer.
asan: deps
	[ -f $(ASANDIR)/build.ninja ] || $(MESON) setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false
	$(MESON) configure $(ASANDIR) -Db_sanitize=address,undefined
	$(MESON) compile -C $(ASANDIR)
	$(TEST_ENV) xvfb-run -a -s '-screen 0 1600x1000x24' \
	  dbus-run-session -- $(MESON) test -C $(ASANDIR) --print-errorlogs

# The core, store and bundle suites under valgrind's memcheck.
valgrind: build
	$(MESON) test -C $(BUILDDIR) --print-errorlogs --suite core --suite store --suite cli --suite layout \
	  --wrap='valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --suppressions=/usr/share/glib-2.0/valgrind/glib.supp --suppressions=$(CURDIR)/tests/valgrind.supp --suppressions=$(CURDIR)/tests/layout/graphviz.supp' \
	  --timeout-multiplier=10

# Every libFuzzer harness for FUZZ_SECONDS each (clang, ASan + UBSan).
fuzz:
	$(MAKE) deps EXTRA_PACKAGES="$(FUZZ_PACKAGES)"
	[ -f $(FUZZDIR)/build.ninja ] || CC=clang $(MESON) setup $(FUZZDIR) -Dfuzzing=true \
	  -Db_sanitize=address,undefined -Db_lundef=false
	$(MESON) compile -C $(FUZZDIR) $(addprefix fuzz-,$(FUZZERS))
	tests/fuzz/run-fuzzers.sh $(FUZZDIR) $(FUZZ_CORPUS) $(FUZZ_SECONDS) $(FUZZERS)

# Redstring against Graphviz and xdot on generated cases, in an optimised build of its
# own: prints the table (targets, MET/MISSED) and writes bench-results.json. Slow (about
# 20 minutes with 20,000 entities); BENCH_SIZES="1000 5000" BENCH_RUNS=1 for a quick look.
# The older micro-benchmarks (bench-layout, bench-board-edit) stay under meson's
# --benchmark: `meson test -C $(BENCHDIR) --benchmark`.
bench:
	$(MAKE) deps EXTRA_PACKAGES="$(BENCH_PACKAGES)"
	[ -f $(BENCHDIR)/build.ninja ] || $(MESON) setup $(BENCHDIR) --buildtype=release -Dbench=true
	$(MESON) compile -C $(BENCHDIR)
	xvfb-run -a -s '-screen 0 1600x1000x24' /usr/bin/python3 tests/bench/run-bench.py \
	  --build-dir $(BENCHDIR) --sizes "$(BENCH_SIZES)" --runs $(BENCH_RUNS) --json bench-results.json

screenshot: build
	tests/screenshot.sh $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(FUZZDIR) $(SANDIR) $(BENCHDIR)
