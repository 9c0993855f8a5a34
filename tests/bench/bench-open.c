/* bench-open.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <adwaita.h>

#include "rs-application.h"
#include "rs-board-view-private.h"

/* Open → first frame of the board, in the real application, for `make bench`:
 *
 *   bench-open [--camera] [--wait-layout] CASE
 *
 * Runs RsApplication as `redstring CASE` does (non-unique, so no D-Bus name is needed)
 * and prints one JSON object:
 *
 * - first_frame_s: from process start to the end of the first frame that shows the
 *   board (the frame clock's "after-paint" once rs_board_view_get_frames_drawn() > 0,
 *   after a round trip to the X server: Xvfb rasterises in its own process, and the
 *   frame is only drawn once the server has done so).
 *   Process start is BENCH_T0_USEC from the environment (g_get_monotonic_time's clock,
 *   CLOCK_MONOTONIC, read by the driver just before it spawns us; Python's
 *   time.monotonic() is the same clock), else the top of main().
 * - first_frame_cost_ms: that frame alone, "before-paint" to "after-paint".
 * - first_frame_cpu_s, first_frame_ui_cpu_s: the CPU time the process (all its threads)
 *   and its UI thread had used by then: what a loaded machine does not inflate.
 * - with --wait-layout (a case without positions): layout_end_s, when the board's
 *   layout finished, and layout_drawn_s, the end of the first frame after it; and
 *   stall_layout_ms, the longest lateness of a repeating 5 ms timeout while the layout
 *   ran, from the board's layout-running going TRUE to its going FALSE after the result
 *   is applied (how long the UI thread could not answer; the part of a stall before
 *   the layout started is the opening's); stall_layout_cpu_ms, the most CPU time the UI
 *   thread spent between two of those timeouts over the layout's run (the stall without
 *   the waits for a core that a loaded machine adds).
 * - with --camera: a scripted camera path, fitted and at 100 %, driven by a tick
 *   callback from the frame clock's time (a slow frame moves the camera further, as a
 *   hand would; pans go the scroll wheel's way, _rs_board_view_pan_by()): per path the
 *   frame time (before-paint → after-paint and the X server's round trip) and the
 *   interval between frames' ends: median, 95th percentile,
 *   longest, and the number of frames.
 *
 * The window is 1400×900 in a 1600×1000 Xvfb screen; GSK_RENDERER=cairo is the
 * driver's choice (see PLATFORM.md). */

#define WINDOW_WIDTH   1400
#define WINDOW_HEIGHT  900
#define STALL_MSEC     5
#define SETTLE_MSEC    500

typedef enum
{
  PHASE_OPENING,
  PHASE_LAYOUT,
  PHASE_SETTLE,
  PHASE_CAMERA,
  PHASE_DONE,
} Phase;

typedef struct
{
  const char *name;
  GArray     *frames;     /* double, ms */
  GArray     *intervals;
} PathStats;

typedef struct
{
  gint64         t0;
  gboolean       camera;
  gboolean       wait_layout;
  guint          timeout_sec;

  GtkWindow     *window;
  RsBoardView   *board;
  GdkFrameClock *clock;
  Phase          phase;

  gint64         paint_start;
  gint64         first_frame;
  double         first_frame_cost_ms;
  gint64         layout_end;
  gint64         layout_drawn;
  guint          frames_at_layout_end;
  gboolean       saw_layout;

  gint64         last_tick;
  gint64         last_tick_cpu; /* the UI thread's CPU time then, µs */
  double         stall_layout_cpu_ms;
  double         first_frame_cpu_s;
  double         first_frame_ui_cpu_s;
  gint64         layout_since;  /* the latest layout's start, 0 before any */
  gint64         layout_until;  /* its end, 0 while it runs */
  double         stall_layout_ms;
  double         stall_open_ms;

  /* Camera */
  guint          path;          /* 0 fitted, 1 100 % */
  gint64         path_start;    /* frame clock µs; 0 until the first tick */
  gint64         last_frame_end;
  double         zoom0;
  double         h0;
  double         v0;
  guint          tick_id;
  PathStats      stats[2];
} Bench;

static Bench bench;

static double
seconds_since_t0 (gint64 t)
{
  return (t - bench.t0) / (double) G_USEC_PER_SEC;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank. */
/* The calling thread's CPU time: a stall's share that the UI thread spent working, not
 * waiting for a core on a loaded machine. */
static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* All threads' CPU time since the process started. */
static gint64
process_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_double);
  rank = (guint) MIN (values->len - 1, (guint) (p / 100.0 * values->len + 0.5) - (p > 0 ? 1 : 0));
  return g_array_index (values, double, p >= 100 ? values->len - 1 : rank);
}

static void
print_series (GString    *out,
              const char *name,
              GArray     *values)
{
  g_string_append_printf (out, "\"%s\": {\"median\": %.2f, \"p95\": %.2f, \"max\": %.2f, \"n\": %u}",
                          name, percentile (values, 50), percentile (values, 95),
                          percentile (values, 100), values->len);
}

static void
finish (void)
{
  g_autoptr(GString) out = g_string_new ("{");

  bench.phase = PHASE_DONE;
  g_string_append_printf (out, "\"first_frame_s\": %.4f, \"first_frame_cost_ms\": %.2f, "
                          "\"stall_open_ms\": %.2f, \"first_frame_cpu_s\": %.4f, "
                          "\"first_frame_ui_cpu_s\": %.4f",
                          seconds_since_t0 (bench.first_frame), bench.first_frame_cost_ms,
                          bench.stall_open_ms, bench.first_frame_cpu_s, bench.first_frame_ui_cpu_s);
  if (bench.wait_layout)
    g_string_append_printf (out, ", \"layout_end_s\": %.4f, \"layout_drawn_s\": %.4f, "
                            "\"stall_layout_ms\": %.2f, \"stall_layout_cpu_ms\": %.2f",
                            seconds_since_t0 (bench.layout_end), seconds_since_t0 (bench.layout_drawn),
                            bench.stall_layout_ms, bench.stall_layout_cpu_ms);
  if (bench.camera)
    for (guint p = 0; p < G_N_ELEMENTS (bench.stats); p++)
      {
        g_string_append_printf (out, ", \"camera_%s\": {", bench.stats[p].name);
        print_series (out, "frame_ms", bench.stats[p].frames);
        g_string_append (out, ", ");
        print_series (out, "interval_ms", bench.stats[p].intervals);
        g_string_append (out, "}");
      }
  g_string_append (out, "}\n");
  fputs (out->str, stdout);
  fflush (stdout);
  /* Tearing the window down is not what is measured, and takes seconds at 20,000. */
  _exit (0);
}

static gboolean
timeout_cb (gpointer data)
{
  g_printerr ("bench-open: gave up after %u s (phase %d)\n", bench.timeout_sec, bench.phase);
  fflush (stdout);
  _exit (1);
}

/* The widget tree is the window's business: find the board by its type. */
static GtkWidget *
find_board (GtkWidget *widget)
{
  if (RS_IS_BOARD_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_board (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Each frame's triangle: 0 → 1 → 0 over the segment. */
static double
triangle (double t)
{
  return t < 0.5 ? 2 * t : 2 * (1 - t);
}

static void start_path (void);

/* Where the camera is at time t (s) of path p; FALSE once the path is over.
 * Fitted: pan 0.4 view widths right and back (1 s), 0.4 heights down and back (1 s),
 * zoom to twice the fit and back (1 s). At 100 %: pan three view widths right and back
 * (2 s), two heights down and back (1 s), zoom to 50 % and back (1 s). */
/* Pans to (x, y) pixels from where the path started, as the scroll wheel pans
 * (_rs_board_view_pan_by: not clamped to the board, unlike the scrollbars). */
static void
pan_to (double x,
        double y)
{
  _rs_board_view_pan_by (bench.board, x - bench.h0, y - bench.v0);
  bench.h0 = x;
  bench.v0 = y;
}

/* Where the camera is at time t (s) of path p; FALSE once the path is over.
 * Fitted: pan 0.4 view widths right and back (1 s), 0.4 heights down and back (1 s),
 * zoom to twice the fit and back (1 s). At 100 %: pan three view widths right and back
 * (2 s), two heights down and back (1 s), zoom to 50 % and back (1 s). */
static gboolean
move_camera (guint  p,
             double t)
{
  double w = gtk_widget_get_width (GTK_WIDGET (bench.board));
  double h = gtk_widget_get_height (GTK_WIDGET (bench.board));
  double pan_x = p == 0 ? 0.4 * w : 3 * w, pan_y = p == 0 ? 0.4 * h : 2 * h;
  double t_x = p == 0 ? 1 : 2, t_y = 1, t_zoom = 1;

  if (t < t_x)
    {
      pan_to (pan_x * triangle (t / t_x), 0);
      return TRUE;
    }
  t -= t_x;
  if (t < t_y)
    {
      pan_to (0, pan_y * triangle (t / t_y));
      return TRUE;
    }
  t -= t_y;
  if (t < t_zoom)
    {
      double factor = p == 0 ? 1 + triangle (t / t_zoom) : 1 - 0.5 * triangle (t / t_zoom);

      pan_to (0, 0);
      rs_board_view_set_zoom (bench.board, bench.zoom0 * factor);
      return TRUE;
    }
  return FALSE;
}

static gboolean
camera_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (bench.path_start == 0)
    bench.path_start = now;
  if (move_camera (bench.path, (now - bench.path_start) / (double) G_USEC_PER_SEC))
    return G_SOURCE_CONTINUE;

  bench.tick_id = 0;
  bench.path++;
  if (bench.path < G_N_ELEMENTS (bench.stats))
    start_path ();
  else
    finish ();
  return G_SOURCE_REMOVE;
}

static gboolean
path_settled_cb (gpointer data)
{
  bench.zoom0 = rs_board_view_get_zoom (bench.board);
  bench.h0 = 0;  /* pixels panned from the path's start */
  bench.v0 = 0;
  bench.path_start = 0;
  bench.last_frame_end = 0;
  bench.phase = PHASE_CAMERA;
  bench.tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (bench.board), camera_tick_cb, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Each path starts from its view, once the picture of that view is drawn. */
static void
start_path (void)
{
  bench.phase = PHASE_SETTLE;
  if (bench.path == 0)
    rs_board_view_zoom_to_fit (bench.board);
  else
    rs_board_view_set_zoom (bench.board, 1.0);
  g_timeout_add (SETTLE_MSEC, path_settled_cb, NULL);
}

static gboolean
start_camera_cb (gpointer data)
{
  start_path ();
  return G_SOURCE_REMOVE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  bench.paint_start = g_get_monotonic_time ();
}

/* The layout's end as the board sees it: the positions are in the case, not drawn yet. */
static void
note_layout_end (gint64 now)
{
  if (!bench.wait_layout || bench.layout_end != 0 || bench.board == NULL ||
      rs_board_view_get_layout_running (bench.board) ||
      rs_board_view_get_layout_count (bench.board) == 0)
    return;
  bench.layout_end = now;
  if (g_getenv ("BENCH_DEBUG"))
    g_printerr ("layout end at %.4f s, %u frames drawn, phase %d\n", seconds_since_t0 (now),
                rs_board_view_get_frames_drawn (bench.board), bench.phase);
  bench.frames_at_layout_end = rs_board_view_get_frames_drawn (bench.board);
  if (bench.phase == PHASE_OPENING && bench.first_frame != 0)
    bench.phase = PHASE_LAYOUT;
  gtk_widget_queue_draw (GTK_WIDGET (bench.board));
}

static void
layout_running_cb (GObject    *board,
                   GParamSpec *pspec,
                   gpointer    data)
{
  gint64 now = g_get_monotonic_time ();

  if (rs_board_view_get_layout_running (RS_BOARD_VIEW (board)))
    {
      bench.layout_since = now;
      bench.layout_until = 0;
    }
  else
    bench.layout_until = now;
  if (g_getenv ("BENCH_DEBUG"))
    g_printerr ("layout %s at %.4f s (monotonic %.6f s)\n", bench.layout_until ? "stopped" : "started",
                seconds_since_t0 (now), now / (double) G_USEC_PER_SEC);
  note_layout_end (now);
}

static void
watch_board (RsBoardView *board)
{
  bench.board = board;
  g_signal_connect (board, "notify::layout-running", G_CALLBACK (layout_running_cb), NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now;

  /* Under X the drawing is done by the server (Xvfb rasterises in its own process):
   * a frame ends when the server has it, not when GTK has sent it. */
  if (bench.phase == PHASE_OPENING || bench.phase == PHASE_LAYOUT || bench.phase == PHASE_CAMERA)
    gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (bench.window)));
  now = g_get_monotonic_time ();

  if (bench.board == NULL)
    {
      RsBoardView *board = (RsBoardView *) find_board (GTK_WIDGET (bench.window));

      if (board == NULL)
        return;
      watch_board (board);
    }

  switch (bench.phase)
    {
    case PHASE_OPENING:
      if (rs_board_view_get_frames_drawn (bench.board) == 0)
        return;
      if (g_getenv ("BENCH_DEBUG"))
        g_printerr ("first board frame at %.4f s, %u frames drawn, layouts %u\n",
                    seconds_since_t0 (now), rs_board_view_get_frames_drawn (bench.board),
                    rs_board_view_get_layout_count (bench.board));
      bench.first_frame = now;
      bench.first_frame_cost_ms = (now - bench.paint_start) / 1000.0;
      bench.first_frame_cpu_s = process_cpu_usec () / (double) G_USEC_PER_SEC;
      bench.first_frame_ui_cpu_s = thread_cpu_usec () / (double) G_USEC_PER_SEC;
      if (bench.wait_layout && bench.layout_end != 0 &&
          rs_board_view_get_frames_drawn (bench.board) > bench.frames_at_layout_end)
        {
          /* The board showed nothing until its layout was done. */
          bench.layout_drawn = now;
          finish ();
        }
      else if (bench.wait_layout)
        bench.phase = PHASE_LAYOUT;
      else if (bench.camera)
        {
          bench.phase = PHASE_SETTLE;
          g_timeout_add (SETTLE_MSEC, start_camera_cb, NULL);
        }
      else
        finish ();
      break;

    case PHASE_LAYOUT:
      if (bench.layout_end != 0 && rs_board_view_get_frames_drawn (bench.board) > bench.frames_at_layout_end)
        {
          bench.layout_drawn = now;
          finish ();
        }
      break;

    case PHASE_CAMERA:
      if (bench.path_start == 0)
        break;
      {
        PathStats *stats = &bench.stats[bench.path];
        double frame = (now - bench.paint_start) / 1000.0;

        g_array_append_val (stats->frames, frame);
        if (bench.last_frame_end != 0)
          {
            double interval = (now - bench.last_frame_end) / 1000.0;

            g_array_append_val (stats->intervals, interval);
          }
        bench.last_frame_end = now;
      }
      break;

    case PHASE_SETTLE:
    case PHASE_DONE:
    default:
      break;
    }
}

/* How late a 5 ms timeout fires: the UI thread was busy that long. A stall counts for
 * the layout as far as it overlaps the layout's run (from the board's layout-running
 * going TRUE to its going FALSE, which is after the result is applied): what the UI
 * thread did before the layout started is the opening's, and applying the result is
 * the layout's even when the timeout only fires once it is over. */

static gboolean
stall_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_usec ();
  gint64 since = bench.last_tick;
  gint64 due = bench.last_tick + STALL_MSEC * 1000;
  double late = (now - due) / 1000.0;
  gboolean running = bench.board != NULL && rs_board_view_get_layout_running (bench.board);

  bench.last_tick = now;
  if (bench.layout_since != 0 && (bench.layout_until == 0 || bench.layout_until > due))
    {
      gint64 from = MAX (due, bench.layout_since);
      gint64 to = bench.layout_until == 0 ? now : MIN (now, bench.layout_until);

      bench.saw_layout = TRUE;
      if (to > from)
        bench.stall_layout_ms = MAX (bench.stall_layout_ms, (to - from) / 1000.0);
      /* The CPU the UI thread spent in the interval, for the part of it the layout ran. */
      if (to > from && now > since)
        bench.stall_layout_cpu_ms = MAX (bench.stall_layout_cpu_ms,
                                         (cpu - bench.last_tick_cpu) / 1000.0 *
                                         (double) (to - from) / (double) (now - since));
    }
  if (!running && bench.phase == PHASE_OPENING)
    bench.stall_open_ms = MAX (bench.stall_open_ms, late);
  if (late > 20 && g_getenv ("BENCH_DEBUG"))
    g_printerr ("stall of %.0f ms (%.0f ms of CPU) ending at %.4f s (layout %s, phase %d)\n",
                late, (cpu - bench.last_tick_cpu) / 1000.0, seconds_since_t0 (now),
                running ? "running" : "not running", bench.phase);
  bench.last_tick_cpu = cpu;

  /* In case the layout ended before the board was found. */
  note_layout_end (now);
  return G_SOURCE_CONTINUE;
}

static void
on_realize_cb (GtkWidget *window,
               gpointer   data)
{
  bench.clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (bench.clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        data)
{
  if (bench.window != NULL)
    return;
  bench.window = window;
  gtk_window_set_default_size (window, WINDOW_WIDTH, WINDOW_HEIGHT);
  /* The window's template has built the board: follow its layouts from the start. */
  if (find_board (GTK_WIDGET (window)) != NULL)
    watch_board ((RsBoardView *) find_board (GTK_WIDGET (window)));
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  gint64 start = g_get_monotonic_time ();
  const char *t0 = g_getenv ("BENCH_T0_USEC");
  gboolean camera = FALSE, wait_layout = FALSE;
  int timeout_sec = 600;
  const GOptionEntry entries[] = {
    { "camera", 0, 0, G_OPTION_ARG_NONE, &camera, "Then run the scripted camera path", NULL },
    { "wait-layout", 0, 0, G_OPTION_ARG_NONE, &wait_layout, "Wait for the board's layout", NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout_sec, "Give up after this many seconds", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("CASE");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsApplication) app = NULL;
  char *app_argv[3];

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("bench-open: %s\n", error ? error->message : "needs one CASE");
      return 2;
    }

  bench.t0 = t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : start;
  bench.camera = camera;
  bench.wait_layout = wait_layout;
  bench.timeout_sec = timeout_sec;
  bench.stats[0] = (PathStats) { "fitted", g_array_new (FALSE, FALSE, sizeof (double)),
                                 g_array_new (FALSE, FALSE, sizeof (double)) };
  bench.stats[1] = (PathStats) { "100", g_array_new (FALSE, FALSE, sizeof (double)),
                                 g_array_new (FALSE, FALSE, sizeof (double)) };
  bench.last_tick = start;
  bench.last_tick_cpu = thread_cpu_usec ();
  g_timeout_add (STALL_MSEC, stall_cb, NULL);
  g_timeout_add_seconds (timeout_sec, timeout_cb, NULL);

  app = rs_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  app_argv[0] = argv[0];
  app_argv[1] = argv[1];
  app_argv[2] = NULL;
  return g_application_run (G_APPLICATION (app), 2, app_argv);
}
