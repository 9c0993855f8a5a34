/* bench-board-pan.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "rs-board-view-private.h"
#include "rs-case-store.h"
#include "rs-gui-test-utils.h"
#include "rs-test-utils.h"

/* Frame times of the board along a scripted camera path, for `make bench` (never a unit
 * test; needs a display, cairo renderer under Xvfb for figures comparable to the issue's):
 *
 *   bench-board-pan [ENTITIES…]     (default: 5000 20000)
 *
 * The board is the one bench-board-edit generates (a grid with jitter, ~1.5 relations
 * per entity, one in twenty to a hub anywhere on the board, all five statuses). In a
 * 1600×1000 window, two paths: fitted (pan 60 px a step, 15 steps one way and 15 back,
 * three times, then zoom in and out by 10% a step) and at 100 % (the same from the
 * middle of the board). Each step is timed from the camera change to the end of the
 * frame that shows it (the frame clock's after-paint): what the UI thread spends,
 * rendering included. Prints median, 95th percentile and the
 * longest frame of each path. */

#define VIEW_W 1600
#define VIEW_H 1000
#define N_PAN  90
#define N_ZOOM 12

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

typedef enum { STEP_PAN, STEP_PAN_BACK, STEP_ZOOM_IN, STEP_ZOOM_OUT } StepKind;

/* One camera change, timed to the end of the frame that paints it. */
static double
step (RsBoardView *board,
      StepKind     kind,
      gboolean    *painted)
{
  gint64 start = g_get_monotonic_time ();

  *painted = FALSE;
  switch (kind)
    {
    case STEP_PAN:
    case STEP_PAN_BACK:
      _rs_board_view_pan_by (board, kind == STEP_PAN ? 60 : -60, kind == STEP_PAN ? 24 : -24);
      break;
    case STEP_ZOOM_IN:
    case STEP_ZOOM_OUT:
      _rs_board_view_zoom_at (board, rs_board_view_get_zoom (board) *
                                     (kind == STEP_ZOOM_IN ? 1.1 : 1 / 1.1),
                              VIEW_W / 2.0, VIEW_H / 2.0);
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_widget_queue_draw (GTK_WIDGET (board));
  g_assert_true (rs_gui_test_wait_until (is_true, painted, 30000));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
run_path (const char  *name,
          guint        n,
          RsBoardView *board,
          gboolean    *painted)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double median, p95, max, max_pan = 0, max_zoom = 0;

  for (guint i = 0; i < N_PAN; i++)
    {
      /* To and fro, 900 px each way: the view stays on the board, and leaves the cached
       * picture's margin every few frames. */
      double t = step (board, (i / 15) % 2 ? STEP_PAN_BACK : STEP_PAN, painted);
      g_array_append_val (times, t);
      max_pan = MAX (max_pan, t);
    }
  for (guint i = 0; i < 2 * N_ZOOM; i++)
    {
      double t = step (board, i < N_ZOOM ? STEP_ZOOM_IN : STEP_ZOOM_OUT, painted);
      g_array_append_val (times, t);
      max_zoom = MAX (max_zoom, t);
    }

  g_array_sort (times, compare_double);
  median = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, (guint)(times->len * 0.95));
  max = g_array_index (times, double, times->len - 1);
  if (g_getenv ("BENCH_SAVE_DIR") != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *file = g_strdup_printf ("%s/view-%u-%s.png", g_getenv ("BENCH_SAVE_DIR"),
                                               n, name);

      /* The view as the path left it, then once its picture has caught up. */
      texture = rs_gui_test_render_widget (GTK_WIDGET (board));
      gdk_texture_save_to_png (texture, file);
      rs_gui_test_iterate (1500);
      g_clear_object (&texture);
      g_free (file);
      file = g_strdup_printf ("%s/view-%u-%s-settled.png", g_getenv ("BENCH_SAVE_DIR"), n,
                              name);
      texture = rs_gui_test_render_widget (GTK_WIDGET (board));
      gdk_texture_save_to_png (texture, file);
    }

  g_print ("%6u entities, %-7s %3u frames: median %6.1f ms, p95 %6.1f ms, max %7.1f ms "
           "(pan %.1f, zoom %.1f)\n", n, name, times->len, median, p95, max, max_pan, max_zoom);
}

/* What one cached picture costs to draw (the view's visible area with a 15 % margin, as
 * rs-board-view-draw.c renders it), wherever the thread it is drawn on: median of 7
 * pictures along a diagonal through the middle of the board. */
static double
picture_cost (RsBoardView *board,
              double       scale)
{
  RsBoardRect bounds;
  double times[7];
  int w = (int)(VIEW_W * 1.3), h = (int)(VIEW_H * 1.3);

  g_assert_true (rs_board_scene_get_bounds (board->scene, &bounds));
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      double cx = bounds.x + bounds.width * (0.35 + 0.05 * i);
      double cy = bounds.y + bounds.height * (0.35 + 0.05 * i);
      RsBoardPaintParams params = {
        .scale = scale,
        .clip = { cx - w / scale / 2, cy - h / scale / 2, w / scale, h / scale },
        .lod = RS_BOARD_LOD_AUTO,
        .flags = RS_BOARD_PAINT_BACKGROUND | RS_BOARD_PAINT_GRID,
      };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -params.clip.x, -params.clip.y);
      rs_board_painter_draw (cr, board->scene, board->style, &params);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      /* To look at: BENCH_SAVE_DIR=dir saves the middle picture of each scale. */
      if (i == G_N_ELEMENTS (times) / 2 && g_getenv ("BENCH_SAVE_DIR") != NULL)
        {
          g_autofree char *file = g_strdup_printf ("%s/picture-%u-%.3f.png",
                                                   g_getenv ("BENCH_SAVE_DIR"),
                                                   rs_board_scene_get_n_nodes (board->scene),
                                                   scale);
          cairo_surface_write_to_png (surface, file);
        }
      cairo_surface_destroy (surface);
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), (GCompareFunc)compare_double);
  return times[G_N_ELEMENTS (times) / 2];
}

static gboolean
first_drawn (gpointer data)
{
  RsBoardView *board = data;

  return board->cache_surface != NULL;
}

static void
bench (guint n)
{
  g_autofree char *name = g_strdup_printf ("pan-%u.redstring", n);
  g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
  GtkWidget *window = gtk_window_new ();
  RsBoardView *board = RS_BOARD_VIEW (rs_board_view_new ());
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gint64 start;

  rs_test_make_grid_board (store, n, " of the board", TRUE);

  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_W, VIEW_H);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (board));
  start = g_get_monotonic_time ();
  g_object_set (board, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rs_gui_test_wait_until (first_drawn, board, 60000));
  rs_gui_test_wait_for_draw (GTK_WIDGET (board));
  g_print ("%6u entities: shown and first picture drawn after %.0f ms\n", n,
           (g_get_monotonic_time () - start) / 1000.0);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (board));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);

  rs_board_view_zoom_to_fit (board);
  rs_gui_test_iterate (500);
  g_print ("%6u entities: one cached picture costs %.1f ms fitted, %.1f ms at 100%%\n", n,
           picture_cost (board, board->viewport.scale),
           picture_cost (board, RS_BOARD_PIXELS_PER_UNIT));
  run_path ("fitted", n, board, &painted);

  rs_board_view_set_zoom (board, 1.0);
  rs_gui_test_iterate (500);
  run_path ("100%", n, board, &painted);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, &painted);
  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (100);
}

static void
bench_cb (gconstpointer data)
{
  bench (GPOINTER_TO_UINT (data));
}

int
main (int   argc,
      char *argv[])
{
  rs_gui_test_init (&argc, &argv);

  for (int i = 1; i < (argc > 1 ? argc : 3); i++)
    {
      guint n = argc > 1 ? (guint)atoi (argv[i]) : (i == 1 ? 5000 : 20000);
      g_autofree char *path = g_strdup_printf ("/bench/board-pan/%u", n);

      g_test_add_data_func (path, GUINT_TO_POINTER (n), bench_cb);
    }
  return g_test_run ();
}
