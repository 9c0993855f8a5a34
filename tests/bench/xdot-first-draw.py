#!/usr/bin/python3
# xdot-first-draw.py — the peer figure for `make bench`: Debian's xdot (1.2, GTK 3)
# opening an already laid-out graph (`xdot --no-filter FILE.xdot`), timed to the end of
# its first draw of the graph. The same as xdot's own main(), with DotWidget.on_draw
# wrapped to note when the first draw returns; then it quits at once.
#
# Prints {"first_draw_s": …, "draw_ms": …}: from BENCH_T0_USEC (CLOCK_MONOTONIC µs,
# read by the driver just before it spawns this process; time.monotonic() is the same
# clock) or from the top of this script, to the end of that draw.
import json
import os
import sys
import time

T0 = int(os.environ.get("BENCH_T0_USEC", time.monotonic_ns() // 1000))

import gi  # noqa: E402

gi.require_version("Gtk", "3.0")
from gi.repository import Gtk  # noqa: E402
from xdot.ui.window import DotWidget, DotWindow  # noqa: E402

original_on_draw = DotWidget.on_draw


def on_draw(self, widget, cr):
    start = time.monotonic_ns() // 1000
    result = original_on_draw(self, widget, cr)
    end = time.monotonic_ns() // 1000
    if self.graph.shapes or self.graph.nodes:
        sys.stdout.write(json.dumps({"first_draw_s": (end - T0) / 1e6,
                                     "draw_ms": (end - start) / 1e3}) + "\n")
        sys.stdout.flush()
        os._exit(0)
    return result


DotWidget.on_draw = on_draw


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: xdot-first-draw.py FILE.xdot\n")
        return 2
    win = DotWindow(width=1400, height=900)
    win.connect("delete-event", Gtk.main_quit)
    win.set_filter(None)
    win.open_file(sys.argv[1])
    Gtk.main()
    return 1


if __name__ == "__main__":
    sys.exit(main())
