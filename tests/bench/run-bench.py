#!/usr/bin/python3
# run-bench.py — `make bench`: Redstring against Graphviz and xdot on generated cases.
#
#   run-bench.py --build-dir DIR [--sizes "1000 5000"] [--runs 3] [--out-dir DIR]
#                [--json FILE] [--smoke]
#
# For each size, `redstring-cli generate` writes a case with stored positions (and its
# DOT and xdot) and the same case without positions (and its DOT). Then, BENCH_RUNS
# times, every measurement at every size runs once, in turn (interleaved, so a busy
# spell on this shared machine spreads over all figures instead of one), and each figure
# is the median of its runs. Ratios to a peer are taken within a run, then the median.
#
# What is timed, and how (every process is started fresh; BENCH_T0_USEC is the driver's
# CLOCK_MONOTONIC just before it spawns the process, which the programs read as "start"):
#   open → first frame   bench-open CASE: the real application opening the case, to the
#                        end of the first frame that shows the board (frame clock
#                        after-paint); also that frame's own cost, then a scripted camera
#                        path (see bench-open.c) with frame times and intervals.
#   without positions    bench-open --wait-layout: first frame, end of layout, the frame
#                        after it, and the UI thread's longest stall while it ran.
#   peak RSS             /usr/bin/time's maximum resident set size around bench-open.
#   xdot                 xdot-first-draw.py: Debian's xdot opening the same laid-out
#                        graph (xdot -n FILE.xdot), to the end of its first draw.
#   layout               bench-case layout (rs_graph_layout_run, as the board asks) vs
#                        the Graphviz command line on the DOT of the same case with the
#                        attributes rs-graph-layout.c sets for that engine and size.
#   search               bench-case search: rs_case_store_search, the first (which
#                        indexes what the case's writes queued), then median of 55.
#   edit                 bench-board-edit N: a store write until drawn in place.
#   import               redstring-cli import of the case's exported bundle into a
#                        fresh case, wall clock of the process.
#
# Only Python's standard library and Debian packages (xdot, graphviz, time) are used.

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

FLOOR = 10
# xdot is Debian's, for Debian's Python (another python3 earlier on PATH lacks gi).
SYSTEM_PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else "python3"

# What rs-graph-layout.c asks of each engine (keep in step with
# set_graph_attributes_locked()); the graph's own DOT carries the node boxes.
SFDP_PRISM_MAX_NODES = 2000
NODE_SEPARATION = 16


def graphviz_args(engine, n, mean_side_pt):
    args = ["-Gsep=+%d" % NODE_SEPARATION]
    if engine == "sfdp":
        if n <= SFDP_PRISM_MAX_NODES:
            args += ["-Goverlap=prism"]
        else:
            # As rs-graph-layout.c asks Graphviz: quadtree=fast and no overlap removal
            # (Redstring removes the overlaps itself, in rs-layout-overlap.c, and that
            # time counts on its side of the ratio).
            args += ["-Gquadtree=fast"]
    elif engine == "neato":
        args += ["-Goverlap=prism",
                 "-Elen=%.4f" % (max(72.0, mean_side_pt + 2 * NODE_SEPARATION) / 72.0)]
    return args


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


class Bench:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build_dir)
        self.out = os.path.abspath(args.out_dir)
        self.here = os.path.dirname(os.path.abspath(__file__))
        self.cli = os.path.join(self.build, "app", "cli", "redstring-cli")
        self.open = os.path.join(self.build, "tests", "bench", "bench-open")
        self.case_tool = os.path.join(self.build, "tests", "bench", "bench-case")
        self.edit = os.path.join(self.build, "tests", "bench", "bench-board-edit")
        self.xdot = os.path.join(self.here, "xdot-first-draw.py")
        self.samples = {}   # (figure, size) -> [values]
        self.failures = []
        self.env = self.make_env()
        self.have_xdot = self.check_xdot()
        self.have_graphviz = shutil.which("sfdp") is not None
        self.have_time = os.path.exists("/usr/bin/time")

    def make_env(self):
        env = dict(os.environ)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            path = os.path.join(self.out, "home", name.lower())
            os.makedirs(path, exist_ok=True)
            env[name] = path
        env.update({
            "GDK_BACKEND": "x11", "GTK_A11Y": "none", "NO_AT_BRIDGE": "1",
            "GSK_RENDERER": "cairo", "GSETTINGS_BACKEND": "memory", "GDK_DEBUG": "no-portals",
            "GSETTINGS_SCHEMA_DIR": os.path.join(self.build, "data") + ":/usr/share/glib-2.0/schemas",
            "LC_ALL": "C.UTF-8", "TZ": "UTC",
        })
        if not self.args.smoke:
            # Debugging aids cost time; the smoke test keeps them (warnings are fatal).
            for name in ("G_DEBUG", "MALLOC_CHECK_", "MALLOC_PERTURB_", "G_SLICE"):
                env.pop(name, None)
        return env

    def check_xdot(self):
        try:
            subprocess.run([SYSTEM_PYTHON, "-c", "import xdot.ui.window"], check=True,
                           capture_output=True, env=self.env, timeout=60)
            return True
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
            return False

    def add(self, figure, size, value):
        if value is not None:
            self.samples.setdefault((figure, size), []).append(value)

    def run(self, argv, timeout=900, t0=False, rss=False):
        """Runs argv; returns (stdout, seconds, peak RSS in MB or None)."""
        env = dict(self.env)
        rss_file = None
        if rss and self.have_time:
            rss_file = os.path.join(self.out, "rss.txt")
            argv = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + argv
        start = time.monotonic()
        if t0:
            env["BENCH_T0_USEC"] = str(time.monotonic_ns() // 1000)
        proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=timeout)
        seconds = time.monotonic() - start
        if proc.returncode != 0:
            raise RuntimeError("%s failed (%d):\n%s" % (" ".join(argv), proc.returncode,
                                                        proc.stderr[-3000:]))
        peak = None
        if rss_file:
            with open(rss_file) as f:
                peak = int(f.read().split()[-1]) / 1024.0
        return proc.stdout, seconds, peak

    @staticmethod
    def last_json(stdout):
        for line in reversed(stdout.splitlines()):
            line = line.strip()
            if line.startswith("{"):
                return json.loads(line)
        raise RuntimeError("no JSON in output:\n" + stdout[-2000:])

    # Cases ----------------------------------------------------------------------

    def generate(self, n):
        d = os.path.join(self.out, "cases", str(n))
        os.makedirs(d, exist_ok=True)
        paths = {k: os.path.join(d, v) for k, v in {
            "pos": "pos.redstring", "pos_dot": "pos.dot", "xdot": "pos.xdot",
            "nopos": "nopos.redstring", "nopos_dot": "nopos.dot", "bundle": "bundle.json",
            "work": "work.redstring", "imported": "imported.redstring"}.items()}
        argv = [self.cli, "generate", "--force", "--entities", str(n), "--seed", "1",
                "--dot", paths["pos_dot"]]
        if self.have_graphviz:
            argv += ["--xdot", paths["xdot"]]
        _, seconds, _ = self.run(argv + [paths["pos"]])
        log("  generated %d entities in %.1f s" % (n, seconds))
        self.run([self.cli, "generate", "--force", "--no-positions", "--entities", str(n),
                  "--seed", "1", "--dot", paths["nopos_dot"], paths["nopos"]])
        _, seconds, _ = self.run([self.cli, "export", "-o", paths["bundle"], paths["pos"]])
        self.add("export", n, seconds)
        paths["mean_side"] = self.mean_side(paths["nopos_dot"])
        return paths

    @staticmethod
    def mean_side(dot_path):
        sides = []
        with open(dot_path) as f:
            for m in re.finditer(r"width=([0-9.]+), height=([0-9.]+)", f.read()):
                sides.append((float(m.group(1)) + float(m.group(2))) * 72.0 / 2)
        return statistics.mean(sides) if sides else 72.0

    def fresh_copy(self, src, dst):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(dst + suffix):
                os.unlink(dst + suffix)
        shutil.copyfile(src, dst)
        return dst

    # Measurements -----------------------------------------------------------------

    def measure_open(self, n, paths):
        work = self.fresh_copy(paths["pos"], paths["work"])
        out, _, peak = self.run([self.open, "--camera", work], t0=True, rss=True)
        r = self.last_json(out)
        self.add("open_first_frame_s", n, r["first_frame_s"])
        self.add("first_frame_cost_ms", n, r["first_frame_cost_ms"])
        self.add("first_frame_cpu_s", n, r.get("first_frame_cpu_s"))
        self.add("first_frame_ui_cpu_s", n, r.get("first_frame_ui_cpu_s"))
        self.add("peak_rss_mb", n, peak)
        for path in ("fitted", "100"):
            cam = r["camera_" + path]
            for series in ("frame_ms", "interval_ms"):
                for stat in ("median", "p95", "max"):
                    self.add("%s_%s_%s" % (path, series, stat), n, cam[series][stat])
            self.add("%s_frames" % path, n, cam["frame_ms"]["n"])
        return r

    def measure_open_nopos(self, n, paths):
        work = self.fresh_copy(paths["nopos"], paths["work"])
        out, _, _ = self.run([self.open, "--wait-layout", work], t0=True)
        r = self.last_json(out)
        self.add("nopos_first_frame_s", n, r["first_frame_s"])
        self.add("nopos_layout_end_s", n, r["layout_end_s"])
        self.add("nopos_layout_drawn_s", n, r["layout_drawn_s"])
        self.add("layout_stall_ms", n, r["stall_layout_ms"])
        self.add("layout_stall_cpu_ms", n, r.get("stall_layout_cpu_ms"))
        return r

    def measure_xdot(self, n, paths, redstring):
        if not (self.have_xdot and os.path.exists(paths["xdot"])):
            return
        out, _, peak = self.run([SYSTEM_PYTHON, self.xdot, paths["xdot"]], t0=True, rss=True)
        r = self.last_json(out)
        self.add("xdot_first_draw_s", n, r["first_draw_s"])
        self.add("xdot_peak_rss_mb", n, peak)
        if redstring is not None:
            self.add("xdot_over_redstring", n, r["first_draw_s"] / redstring["first_frame_s"])

    def measure_layout(self, n, paths):
        engines = ["sfdp"] + (["neato"] if n <= self.args.neato_max else [])
        out, _, _ = self.run([self.case_tool, "layout", paths["nopos"], "auto"])
        r = self.last_json(out)
        self.add("layout_auto_s", n, r["seconds"])
        for engine in engines:
            out, _, _ = self.run([self.case_tool, "layout", paths["nopos"], engine])
            ours = self.last_json(out)["seconds"]
            self.add("layout_%s_s" % engine, n, ours)
            if self.have_graphviz:
                _, cli, _ = self.run([engine, "-q"] + graphviz_args(engine, n, paths["mean_side"]) +
                                     ["-Tdot", "-o", os.devnull, paths["nopos_dot"]])
                self.add("graphviz_%s_s" % engine, n, cli)
                self.add("layout_%s_ratio" % engine, n, ours / cli)

    def measure_search(self, n, paths):
        # The first search brings the index up to date (it writes the case): a fresh copy.
        work = self.fresh_copy(paths["pos"], paths["work"])
        out, _, _ = self.run([self.case_tool, "search", work])
        r = self.last_json(out)
        if r["hits"] == 0:
            raise RuntimeError("search found nothing in a case full of the words it looks for")
        self.add("search_first_ms", n, r["first_ms"])
        self.add("search_median_ms", n, r["median_ms"])
        self.add("search_max_ms", n, r["max_ms"])

    def measure_import(self, n, paths):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(paths["imported"] + suffix):
                os.unlink(paths["imported"] + suffix)
        _, seconds, _ = self.run([self.cli, "import", paths["bundle"], paths["imported"]])
        self.add("import_s", n, seconds)

    def measure_edit(self, n):
        if n < 100:
            return
        out, _, _ = self.run([self.edit, str(n)])
        m = re.search(r"add entity\s+([0-9.]+) ms, add relation\s+([0-9.]+) ms, rename\s+([0-9.]+) ms,"
                      r" drop a dragged node\s+([0-9.]+) ms", out)
        if not m:
            raise RuntimeError("bench-board-edit printed no figures:\n" + out[-2000:])
        for i, name in enumerate(("edit_add_entity_ms", "edit_add_relation_ms", "edit_rename_ms",
                                  "edit_drag_ms")):
            self.add(name, n, float(m.group(i + 1)))

    # The whole run --------------------------------------------------------------------

    def go(self):
        sizes = self.args.sizes
        log("Generating cases: %s" % ", ".join(str(n) for n in [FLOOR] + sizes))
        cases = {n: self.generate(n) for n in [FLOOR] + sizes}
        for run in range(self.args.runs):
            log("Run %d of %d" % (run + 1, self.args.runs))
            for n in [FLOOR] + sizes:
                log("  %d entities" % n)
                paths = cases[n]
                redstring = self.attempt(n, "open", self.measure_open, n, paths)
                self.attempt(n, "xdot", self.measure_xdot, n, paths, redstring)
                self.attempt(n, "open without positions", self.measure_open_nopos, n, paths)
                if n != FLOOR:
                    self.attempt(n, "layout", self.measure_layout, n, paths)
                    self.attempt(n, "search", self.measure_search, n, paths)
                    self.attempt(n, "import", self.measure_import, n, paths)
                    self.attempt(n, "edit", self.measure_edit, n)
        return self.report()

    def attempt(self, n, what, func, *args):
        """A measurement that fails is reported, and the others still run."""
        try:
            return func(*args)
        except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError, OSError) as e:
            log("  FAILED: %s at %d entities: %s" % (what, n, e))
            self.failures.append("%s at %d entities: %s" % (what, n, str(e).splitlines()[0]))
            return None

    def median(self, figure, n):
        values = self.samples.get((figure, n))
        return statistics.median(values) if values else None

    def report(self):
        sizes = self.args.sizes
        floor_open = self.median("open_first_frame_s", FLOOR)
        floor_frame = self.median("100_frame_ms_median", FLOOR)
        rows = []

        def row(label, figure, unit, fmt, target=None, check=None, sizes_=None):
            for n in (sizes_ if sizes_ is not None else [FLOOR] + sizes):
                value = self.median(figure, n)
                if value is None:
                    continue
                t, ok = (None, None)
                if check is not None:
                    t, ok = check(n, value)
                rows.append({"figure": label, "key": figure, "entities": n, "value": value,
                             "unit": unit, "text": fmt % value, "target": t,
                             "status": None if ok is None else ("MET" if ok else "MISSED"),
                             "runs": self.samples[(figure, n)]})

        def open_target(n, v):
            if floor_open is None:
                return None, None
            limit = {5000: 1.2, 20000: 1.5}.get(n)
            if limit is None:
                return None, None
            return ("≤ %.1f× floor (%.2f s)" % (limit, limit * floor_open), v <= limit * floor_open)

        def under(limit, unit, at=None):
            def check(n, v):
                if at is not None and n not in at:
                    return None, None
                return ("< %g %s" % (limit, unit), v < limit)
            return check

        def at_most(limit, unit, at=None):
            def check(n, v):
                if at is not None and n not in at:
                    return None, None
                return ("≤ %g %s" % (limit, unit), v <= limit)
            return check

        def xdot_ratio(n, v):
            if n != 20000:
                return None, None
            return ("≥ 10× faster", v >= 10)

        def median_frame(n, v):
            if n != 20000 or floor_frame is None:
                return None, None
            return ("≤ 1.5× floor (%.1f ms)" % (1.5 * floor_frame), v <= 1.5 * floor_frame)

        row("open → first frame (stored positions)", "open_first_frame_s", "s", "%.3f s",
            check=open_target)
        row("cost of that first frame", "first_frame_cost_ms", "ms", "%.0f ms")
        row("  CPU time to that frame, all threads", "first_frame_cpu_s", "s", "%.3f s")
        row("  CPU time to that frame, UI thread", "first_frame_ui_cpu_s", "s", "%.3f s")
        row("xdot: open → first draw", "xdot_first_draw_s", "s", "%.3f s")
        row("xdot time / Redstring time (same run)", "xdot_over_redstring", "×", "%.2f×",
            check=xdot_ratio)
        row("open without positions → first frame", "nopos_first_frame_s", "s", "%.3f s")
        row("open without positions → layout end", "nopos_layout_end_s", "s", "%.3f s")
        row("open without positions → laid-out board drawn", "nopos_layout_drawn_s", "s", "%.3f s")
        row("longest UI-thread stall while the layout runs", "layout_stall_ms", "ms", "%.0f ms",
            check=at_most(50, "ms"))
        row("  of which the UI thread's CPU time (the load left out)", "layout_stall_cpu_ms", "ms",
            "%.0f ms")
        for path, name in (("fitted", "fitted"), ("100", "at 100 %")):
            row("camera %s: longest frame" % name, "%s_frame_ms_max" % path, "ms", "%.1f ms",
                check=at_most(50, "ms"))
            row("camera %s: median frame" % name, "%s_frame_ms_median" % path, "ms", "%.1f ms",
                check=median_frame if path == "100" else None)
            row("camera %s: 95th percentile frame" % name, "%s_frame_ms_p95" % path, "ms", "%.1f ms")
            row("camera %s: median interval" % name, "%s_interval_ms_median" % path, "ms", "%.1f ms")
            row("camera %s: 95th percentile interval" % name, "%s_interval_ms_p95" % path, "ms",
                "%.1f ms")
            row("camera %s: longest interval" % name, "%s_interval_ms_max" % path, "ms", "%.1f ms")
            row("camera %s: frames painted" % name, "%s_frames" % path, "", "%.0f")
        row("layout, automatic choice", "layout_auto_s", "s", "%.2f s",
            check=lambda n, v: {5000: ("< 2 s", v < 2), 20000: ("< 10 s", v < 10)}.get(n, (None, None)))
        for engine in ("sfdp", "neato"):
            row("layout %s (Redstring)" % engine, "layout_%s_s" % engine, "s", "%.2f s")
            row("layout %s (Graphviz command line)" % engine, "graphviz_%s_s" % engine, "s", "%.2f s")
            row("layout %s: Redstring / command line" % engine, "layout_%s_ratio" % engine, "×",
                "%.2f×", check=at_most(1.05, "×"))
        row("edit: add an entity until drawn", "edit_add_entity_ms", "ms", "%.1f ms",
            check=lambda n, v: {5000: ("< 100 ms", v < 100), 20000: ("< 150 ms", v < 150)}.get(n, (None, None)))
        row("edit: add a relation until drawn", "edit_add_relation_ms", "ms", "%.1f ms",
            check=lambda n, v: {5000: ("< 100 ms", v < 100), 20000: ("< 150 ms", v < 150)}.get(n, (None, None)))
        row("search (FTS), first (index catches up with the generated writes)", "search_first_ms",
            "ms", "%.0f ms")
        row("search (FTS), median query", "search_median_ms", "ms", "%.2f ms")
        row("search (FTS), slowest query", "search_max_ms", "ms", "%.2f ms")
        row("export the case as a bundle (CLI)", "export", "s", "%.2f s")
        row("import the bundle into a fresh case (CLI)", "import_s", "s", "%.2f s",
            check=under(1, "s", at=[20000]))
        row("peak RSS with the case open", "peak_rss_mb", "MB", "%.0f MB",
            check=at_most(200, "MB", at=[20000]))
        row("xdot peak RSS", "xdot_peak_rss_mb", "MB", "%.0f MB")
        return rows


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            mem_kb = int(f.readline().split()[1])
    except OSError:
        mem_kb = 0
    return {"nproc": os.cpu_count(), "cpu": model, "memory_gib": round(mem_kb / 1024 / 1024, 1),
            "kernel": platform.release(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def print_table(rows, info, runs, sizes, out=sys.stdout):
    """One line per figure, a column per size; the target and whether it is met."""
    out.write("Machine: %d cores, %s, %.1f GiB; GSK_RENDERER=cairo under Xvfb; "
              "each figure the median of %d interleaved run(s); %s\n\n"
              % (info["nproc"], info["cpu"], info["memory_gib"], runs, info["date"]))
    columns = [FLOOR] + sizes
    out.write("| figure | %s | target | status |\n" % " | ".join(format(n, ",") for n in columns))
    out.write("|---|%s|---|---|\n" % "|".join("---:" for _ in columns))
    order = []
    by_key = {}
    for r in rows:
        if r["key"] not in by_key:
            order.append(r["key"])
            by_key[r["key"]] = []
        by_key[r["key"]].append(r)
    for key in order:
        cells = {r["entities"]: r for r in by_key[key]}
        checked = [r for r in by_key[key] if r["status"] is not None]
        targets = []
        for r in checked:
            if not targets or targets[-1][1] != r["target"]:
                targets.append(([r["entities"]], r["target"]))
            else:
                targets[-1][0].append(r["entities"])
        if len(targets) == 1 and len(checked) == len(by_key[key]):
            target = targets[0][1]
        else:
            target = "; ".join("%s: %s" % (", ".join(format(n, ",") for n in ns), t)
                               for ns, t in targets)
        missed = [r["entities"] for r in checked if r["status"] == "MISSED"]
        if not checked:
            status = "—"
        elif missed:
            status = "MISSED at %s" % ", ".join(format(n, ",") for n in missed)
        else:
            status = "MET"
        out.write("| %s | %s | %s | %s |\n" % (
            by_key[key][0]["figure"],
            " | ".join(cells[n]["text"] if n in cells else "" for n in columns),
            target or "—", status))


def main():
    parser = argparse.ArgumentParser(description="Redstring's benchmark (make bench)")
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--out-dir", default=None)
    parser.add_argument("--json", default=None, help="write the results here too")
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000 5000 20000"))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    parser.add_argument("--neato-max", type=int, default=int(os.environ.get("BENCH_NEATO_MAX", "1000")),
                        help="neato only up to this many entities (it takes > 120 s at 5,000)")
    parser.add_argument("--table-from", metavar="JSON", default=None,
                        help="print the table of an earlier run's results and stop")
    parser.add_argument("--smoke", action="store_true",
                        help="one run at 50 entities: that it runs, not how fast (make test)")
    args = parser.parse_args()
    if args.table_from:
        with open(args.table_from) as f:
            results = json.load(f)
        print_table(results["figures"], results["machine"], results["runs"],
                    [n for n in results["sizes"] if n != FLOOR])
        return 0
    if args.smoke:
        args.sizes, args.runs = "50", 1
    args.sizes = [int(s) for s in args.sizes.replace(",", " ").split()]
    if args.out_dir is None:
        args.out_dir = os.path.join(args.build_dir, "bench-out")
    os.makedirs(args.out_dir, exist_ok=True)

    bench = Bench(args)
    for what, ok in (("xdot", bench.have_xdot), ("Graphviz command line", bench.have_graphviz),
                     ("/usr/bin/time", bench.have_time)):
        if not ok:
            log("warning: %s not found: its figures are left out (make bench installs it)" % what)
    rows = bench.go()
    info = machine()
    print_table(rows, info, args.runs, args.sizes)

    results = {"machine": info, "runs": args.runs, "sizes": args.sizes, "floor": FLOOR,
               "figures": rows, "failures": bench.failures}
    for path in filter(None, [args.json, os.path.join(args.out_dir, "bench-results.json")]):
        with open(path, "w") as f:
            json.dump(results, f, indent=1)

    if bench.failures:
        sys.stdout.write("\nFailed measurements (left out of the table):\n")
        for failure in bench.failures:
            sys.stdout.write("- %s\n" % failure)
    if args.smoke:
        if bench.failures:
            return 1
        # It ran: every figure that needs no optional package is there.
        needed = {"open_first_frame_s", "nopos_layout_drawn_s", "fitted_frame_ms_max",
                  "100_frame_ms_max", "layout_auto_s", "search_median_ms", "import_s"}
        missing = needed - {r["key"] for r in rows}
        if missing:
            log("smoke: figures missing: %s" % ", ".join(sorted(missing)))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
