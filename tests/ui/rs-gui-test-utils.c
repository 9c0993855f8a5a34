/* rs-gui-test-utils.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rs-application.h"
#include "rs-gui-test-utils.h"
#include "rs-test-utils.h"
#include "rs-window.h"

/* After gtk.h, which says which backends GDK has. */
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Widget tests run under Xvfb (GDK_BACKEND=x11, GSK_RENDERER=cairo, GTK_A11Y=none). */

void
rs_gui_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  rs_test_init_resources ();
}

void
rs_gui_test_iterate (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* The real application, registered (not unique, no D-Bus name needed) and started
 * up as a launch would, over isolated test dirs; icons load as in the app. */
GApplication *
rs_gui_test_init_application (int    *argc,
                              char ***argv)
{
  g_autoptr(GError) error = NULL;
  GApplication *app;

  /* The MIME database, before the isolated dirs hide it, so SVG icons load. */
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  app = G_APPLICATION (rs_application_new ());
  g_application_set_flags (app, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
  rs_test_init_resources ();
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  "/usr/share/icons");
  return app;
}

gboolean
rs_gui_test_wait_until (RsGuiTestCondition condition,
                        gpointer           user_data,
                        guint              timeout_msec)
{
  gint64 end = g_get_monotonic_time () + timeout_msec * G_TIME_SPAN_MILLISECOND;

  while (!condition (user_data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

void
rs_gui_test_wait_for_draw (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  rs_gui_test_iterate (20);
}

/* What the widget shows, rendered off screen by the window's own renderer. */
GdkTexture *
rs_gui_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_nonnull (renderer);
  g_assert_cmpint (width, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Saves into G_TEST_BUILDDIR for a human to look at; returns the path. */
char *
rs_gui_test_save_png (GdkTexture *texture,
                      const char *name)
{
  char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
  return path;
}

static guchar *
download (GdkTexture *texture,
          gsize      *stride)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guchar *data;

  *stride = (gsize)width * 4;
  data = g_malloc (*stride * height);
  gdk_texture_download (texture, data, *stride);
  return data;
}

/**
 * rs_gui_test_compare_reference:
 * @reference: a path relative to G_TEST_SRCDIR
 *
 * Fails when @texture differs from the reference image by more than a mean absolute
 * difference of @max_mean_difference (0–255 per channel) or when more than
 * @max_differing_fraction of the pixels differ noticeably (by more than 48 in a
 * channel). With REDSTRING_UPDATE_REFERENCE=1 the reference is written instead.
 */
void
rs_gui_test_compare_reference (GdkTexture *texture,
                               const char *reference,
                               double      max_mean_difference,
                               double      max_differing_fraction)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, reference, NULL);
  g_autoptr(GdkTexture) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *a = NULL;
  g_autofree guchar *b = NULL;
  gsize stride_a, stride_b;
  guint64 total = 0, differing = 0;
  int width, height;
  double mean, fraction;

  if (g_strcmp0 (g_getenv ("REDSTRING_UPDATE_REFERENCE"), "1") == 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("Updated the reference %s", path);
      return;
    }

  expected = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);

  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (gdk_texture_get_width (expected), ==, width);
  g_assert_cmpint (gdk_texture_get_height (expected), ==, height);

  a = download (texture, &stride_a);
  b = download (expected, &stride_b);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *pa = a + y * stride_a + 4 * x;
        const guchar *pb = b + y * stride_b + 4 * x;
        int worst = 0;

        for (int c = 0; c < 4; c++)
          {
            int d = ABS ((int)pa[c] - (int)pb[c]);

            total += d;
            worst = MAX (worst, d);
          }
        differing += worst > 48;
      }

  mean = total / (4.0 * width * height);
  fraction = (double)differing / ((double)width * height);
  g_test_message ("Reference %s: mean difference %.3f, %.4f%% of pixels differ",
                  reference, mean, fraction * 100);

  if (mean > max_mean_difference || fraction > max_differing_fraction)
    g_error ("The board no longer matches %s (mean difference %.3f > %.3f or %.4f%% > %.4f%% of "
             "pixels differ). Look at the PNG in G_TEST_BUILDDIR; if the change is wanted, run "
             "the test again with REDSTRING_UPDATE_REFERENCE=1.",
             reference, mean, max_mean_difference, fraction * 100, max_differing_fraction * 100);
}

/* Real pointer clicks through the X server, when xdotool is there. */
gboolean
rs_gui_test_can_click (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  return xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
#else
  return FALSE;
#endif
}

#ifdef GDK_WINDOWING_X11
/* Runs xdotool with "%W" replaced by the window and widget points made window points. */
static void
run_xdotool (GtkWidget  *widget,
             const char *actions)
{
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  command = g_strdup_printf ("xdotool %s", actions);
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
window_point (GtkWidget *widget,
              double     x,
              double     y,
              int       *wx,
              int       *wy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double sx, sy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  *wx = (int)round (point.x + sx);
  *wy = (int)round (point.y + sy);
}

static gulong
window_xid (GtkWidget *widget)
{
  return (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (gtk_widget_get_native (widget)));
}
#endif

gboolean
rs_gui_test_click (GtkWidget *widget,
                   double     x,
                   double     y)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *actions = NULL;
  int wx, wy;

  if (!rs_gui_test_can_click ())
    return FALSE;

  window_point (widget, x, y, &wx, &wy);
  actions = g_strdup_printf ("mousemove --sync --window %lu %d %d click 1", window_xid (widget),
                             wx, wy);
  run_xdotool (widget, actions);

  /* Let the events arrive and be handled. */
  rs_gui_test_iterate (150);
  return TRUE;
#else
  return FALSE;
#endif
}

/* Press at (x, y), move by (dx, dy) in a few steps, release; with @hold_key (an xdotool
 * key name such as "shift") held down throughout, and @key_before_release pressed just
 * before the button is let go, when not NULL. */
gboolean
rs_gui_test_drag_full (GtkWidget  *widget,
                       const char *hold_key,
                       double      x,
                       double      y,
                       double      dx,
                       double      dy,
                       const char *key_before_release)
{
#ifdef GDK_WINDOWING_X11
  g_autoptr(GString) actions = g_string_new (NULL);
  gulong xid;
  int wx, wy;

  if (!rs_gui_test_can_click ())
    return FALSE;

  xid = window_xid (widget);
  window_point (widget, x, y, &wx, &wy);
  g_string_append_printf (actions, "mousemove --sync --window %lu %d %d", xid, wx, wy);
  if (hold_key != NULL)
    g_string_append_printf (actions, " keydown %s", hold_key);
  g_string_append (actions, " mousedown 1 sleep 0.05");
  for (int step = 1; step <= 4; step++)
    g_string_append_printf (actions, " mousemove --sync --window %lu %d %d sleep 0.05", xid,
                            wx + (int)round (dx * step / 4), wy + (int)round (dy * step / 4));
  if (key_before_release != NULL)
    g_string_append_printf (actions, " key %s sleep 0.1", key_before_release);
  g_string_append (actions, " mouseup 1");
  if (hold_key != NULL)
    g_string_append_printf (actions, " keyup %s", hold_key);
  run_xdotool (widget, actions->str);

  rs_gui_test_iterate (300);
  return TRUE;
#else
  return FALSE;
#endif
}

gboolean
rs_gui_test_drag (GtkWidget *widget,
                  double     x,
                  double     y,
                  double     dx,
                  double     dy)
{
  return rs_gui_test_drag_full (widget, NULL, x, y, dx, dy, NULL);
}

/* Moves the pointer to (x, y) of @widget (hovering what is there). */
gboolean
rs_gui_test_move_pointer (GtkWidget *widget,
                          double     x,
                          double     y)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *actions = NULL;
  int wx, wy;

  if (!rs_gui_test_can_click ())
    return FALSE;

  window_point (widget, x, y, &wx, &wy);
  actions = g_strdup_printf ("mousemove --sync --window %lu %d %d", window_xid (widget), wx, wy);
  run_xdotool (widget, actions);
  rs_gui_test_iterate (100);
  return TRUE;
#else
  return FALSE;
#endif
}

/* Every widget of @type (or a subtype) at or below @widget, in tree order: the
 * controls a test drives as a user finds them. */
void
rs_gui_test_collect (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rs_gui_test_collect (child, type, found);
}

/* The case loads in a worker: shown once its window has its store. */
static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

/* Opens PATH as the application does (a window, the case loaded in a worker) and
 * returns its window once the case is in it and the window has drawn. */
GtkWindow *
rs_gui_test_open_case (GApplication *app,
                       const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RsWindow *window;

  g_application_open (app, &file, 1, "");
  g_assert_true (rs_gui_test_wait_until (case_shown, (gpointer)path, 30000));
  window = rs_window_find_for_case (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return GTK_WINDOW (window);
}
