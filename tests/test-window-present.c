/* test-window-present.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "rs-application.h"
#include "rs-gui-test-utils.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* Presentation mode in the real window: three views captured from the board (each
 * framing one entity, which it highlights and is named after), reordered, presented and
 * stepped through with the keys a presenter and a clicker use; after each move the
 * camera frames the view, the highlight is the board's selection; Escape gives the
 * analyst's board back. A screenshot per step goes to G_TEST_BUILDDIR. */

static RsApplication *app;

static const char *names[] = { "Tick", "People’s Liberation Army", "Unit 61419" };

static gboolean
layout_done (gpointer user_data)
{
  RsBoardView *board = user_data;

  return !rs_board_view_get_layout_running (board) && rs_board_view_get_layout_count (board) > 0;
}

static RsWindow *
open_sample (const char *name)
{
  g_autofree char *path = rs_test_make_sample_file (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RsWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (rs_gui_test_wait_until (layout_done, window->board, 30000));
  rs_gui_test_iterate (100);
  return window;
}

typedef struct
{
  RsPresenter *presenter;
  guint        step;
} Arrival;

static gboolean
arrived (gpointer user_data)
{
  Arrival *a = user_data;

  return rs_presenter_get_step (a->presenter) == a->step && !rs_presenter_get_moving (a->presenter);
}

/* The board frames the view above the caption: centred there, filling that part of the
 * board in one direction and fitting in the other. */
static void
assert_camera_at (RsWindow    *window,
                  RsStoryView *view)
{
  RsBoardView *board = window->board;
  double vx, vy, vw, vh, x, y, w, h, tol, above;
  double height = gtk_widget_get_height (GTK_WIDGET (board));
  int inset = rs_presenter_get_bottom_inset (window->presenter);

  rs_story_view_get_camera (view, &vx, &vy, &vw, &vh);
  g_assert_true (rs_board_view_get_visible_area (board, &x, &y, &w, &h));
  g_assert_cmpint (inset, >, 40);  /* the caption is there */
  above = h * MAX (height - inset, height / 2) / height;
  tol = 0.01 * MAX (vw, vh);
  g_test_message ("view (%.1f, %.1f, %.1f × %.1f), board shows (%.1f, %.1f, %.1f × %.1f), "
                  "%.1f above the caption", vx, vy, vw, vh, x, y, w, h, above);
  g_assert_cmpfloat_with_epsilon (x + w / 2, vx + vw / 2, tol);
  g_assert_cmpfloat_with_epsilon (y + above / 2, vy + vh / 2, tol);
  g_assert_cmpfloat (w, >=, vw - tol);
  g_assert_cmpfloat (above, >=, vh - tol);
  g_assert_true (fabs (w - vw) < tol || fabs (above - vh) < tol);
}

/* A real key press through the X server, as a keyboard or a clicker sends it. */
static gboolean
press_key (RsWindow   *window,
           const char *key)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int status = 0;

  if (!rs_gui_test_can_click ())
    return FALSE;
  command = g_strdup_printf ("xdotool windowfocus --sync %lu key %s",
                             (gulong)gdk_x11_surface_get_xid (surface), key);
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  rs_gui_test_iterate (100);
  return TRUE;
#else
  return FALSE;
#endif
}

static void
on_exited_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(gboolean *)user_data = TRUE;
}

/* A pointer drag through the X server, slow enough for a drag and drop to start and
 * to be over the target before the release (points of @widget, moves by dx, dy). */
static gboolean
drag (RsWindow  *window,
      GtkWidget *widget,
      double     x,
      double     y,
      double     dx,
      double     dy)
{
#ifdef GDK_WINDOWING_X11
  g_autoptr(GString) command = g_string_new ("xdotool");
  g_autoptr(GError) error = NULL;
  /* The widget's own surface: a popover has one of its own. */
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  gulong xid = (gulong)gdk_x11_surface_get_xid (surface);
  graphene_point_t point;
  double sx, sy;
  g_auto(GStrv) argv = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gboolean exited = FALSE;

  if (!rs_gui_test_can_click ())
    return FALSE;
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  point.x += sx;
  point.y += sy;
  g_string_append_printf (command, " mousemove --sync --window %lu %d %d mousedown 1 sleep 0.1",
                          xid, (int)point.x, (int)point.y);
  for (int step = 1; step <= 10; step++)
    g_string_append_printf (command, " mousemove --window %lu %d %d sleep 0.08", xid,
                            (int)(point.x + dx * step / 10), (int)(point.y + dy * step / 10));
  g_string_append (command, " sleep 0.3 mouseup 1");
  /* The window must handle the events while the pointer moves: a drag and drop runs
   * in its main loop. */
  g_shell_parse_argv (command->str, NULL, &argv, &error);
  g_assert_no_error (error);
  process = g_subprocess_newv ((const char * const *)argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_exited_cb, &exited);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_successful (process));
  rs_gui_test_iterate (300);
  return TRUE;
#else
  return FALSE;
#endif
}

static void
screenshot (RsWindow *window,
            guint     step)
{
  g_autoptr(GdkTexture) texture = rs_gui_test_render_widget (GTK_WIDGET (window));
  g_autofree char *name = g_strdup_printf ("present-step-%u.png", step);
  g_autofree char *path = rs_gui_test_save_png (texture, name);

  /* For the reviewer: where to look. */
  g_printerr ("screenshot: %s\n", path);
}

static void
go_and_check (RsWindow   *window,
              const char *key,
              guint       step,
              GPtrArray  *views)
{
  Arrival arrival = { window->presenter, step };
  RsStoryView *view = g_ptr_array_index (views, step);
  RsSelection *shown = rs_board_view_get_selection (window->board);
  RsEntity *entity;

  if (key != NULL)
    g_assert_true (press_key (window, key));
  g_assert_true (rs_gui_test_wait_until (arrived, &arrival, 5000));
  rs_gui_test_iterate (50);
  assert_camera_at (window, view);

  /* The view's highlight is the board's selection, the analyst's is kept aside. */
  entity = rs_case_lookup_entity_by_name (rs_case_store_get_case (window->store),
                                          rs_story_view_get_caption (view));
  g_assert_nonnull (entity);
  g_assert_true (shown != window->selection);
  g_assert_cmpuint (rs_selection_get_n_items (shown), ==, 1);
  g_assert_true (rs_selection_contains (shown, RS_TARGET_ENTITY, rs_entity_get_id (entity)));
  g_assert_cmpstr (gtk_label_get_text (window->present_caption_label), ==,
                   rs_story_view_get_caption (view));
  screenshot (window, step);
}

static void
test_present (void)
{
  RsWindow *window = open_sample ("present.redstring");
  RsCase *kase = rs_case_store_get_case (window->store);
  g_autoptr(GPtrArray) views = NULL;
  GtkListBox *list;
  gint64 analyst_pick;
  double before[4], after[4];

  if (!rs_gui_test_can_click ())
    {
      g_test_skip ("xdotool is needed to press keys");
      return;
    }

  /* Capture: frame one entity at a time, select it, Ctrl+Alt+S's action. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      RsEntity *entity = rs_case_lookup_entity_by_name (kase, names[i]);

      g_assert_nonnull (entity);
      rs_selection_select (window->selection, RS_TARGET_ENTITY, rs_entity_get_id (entity));
      rs_board_view_zoom_to_selection (window->board);
      rs_gui_test_iterate (50);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.capture-view", NULL));
    }
  views = rs_case_dup_story_views (kase);
  g_assert_cmpuint (views->len, ==, 3);
  for (guint i = 0; i < views->len; i++)
    {
      RsStoryView *view = g_ptr_array_index (views, i);
      RsEntity *entity = rs_case_lookup_entity_by_name (kase, names[i]);

      g_assert_cmpstr (rs_story_view_get_caption (view), ==, names[i]);
      g_assert_true (rs_story_view_highlights (view, rs_entity_get_uid (entity)));
      g_assert_null (rs_story_view_get_shown (view));  /* no filter: everything */
    }

  /* Reorder: the last view dragged by its handle onto the first row. */
  list = rs_storyline_popover_get_list (window->storyline_popover);
  gtk_popover_popup (GTK_POPOVER (window->storyline_popover));
  rs_gui_test_wait_for_draw (GTK_WIDGET (window->storyline_popover));
  rs_gui_test_iterate (200);
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);
    GtkListBoxRow *last = gtk_list_box_get_row_at_index (list, 2);
    GtkWidget *handle = gtk_widget_get_first_child (gtk_list_box_row_get_child (last));
    double hw = gtk_widget_get_width (handle), hh = gtk_widget_get_height (handle);
    graphene_point_t target;

    g_assert_true (GTK_IS_IMAGE (handle));
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (first), handle,
                                             &GRAPHENE_POINT_INIT (hw / 2 + 4, 8), &target));
    g_assert_true (drag (window, handle, hw / 2, hh / 2, target.x - hw / 2, target.y - hh / 2));
    rs_gui_test_iterate (200);
  }
  gtk_popover_popdown (GTK_POPOVER (window->storyline_popover));
  rs_gui_test_iterate (100);
  g_clear_pointer (&views, g_ptr_array_unref);
  views = rs_case_dup_story_views (kase);
  g_assert_cmpstr (rs_story_view_get_caption (g_ptr_array_index (views, 0)), ==, names[2]);
  g_assert_cmpstr (rs_story_view_get_caption (g_ptr_array_index (views, 1)), ==, names[0]);
  g_assert_cmpstr (rs_story_view_get_caption (g_ptr_array_index (views, 2)), ==, names[1]);
  for (guint i = 0; i < 3; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int)i);
      g_autoptr(GPtrArray) entries = g_ptr_array_new ();

      g_assert_nonnull (row);
      rs_gui_test_collect (GTK_WIDGET (row), GTK_TYPE_ENTRY, entries);
      g_assert_cmpuint (entries->len, ==, 1);
      g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==,
                       rs_story_view_get_caption (g_ptr_array_index (views, i)));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));

  /* Present: the chrome goes, the first view comes. */
  rs_selection_select (window->selection, RS_TARGET_ENTITY,
                       rs_entity_get_id (rs_case_lookup_entity_by_name (kase, "Tick")));
  analyst_pick = rs_selection_get_n_items (window->selection);
  g_assert_true (rs_board_view_get_visible_area (window->board, &before[0], &before[1], &before[2],
                                                 &before[3]));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_true (rs_presenter_get_active (window->presenter));
  g_assert_false (gtk_widget_get_visible (window->header_bar));
  g_assert_false (gtk_widget_get_visible (window->side_box));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presenting"));
  g_assert_true (gtk_widget_get_visible (window->present_caption));
  go_and_check (window, NULL, 0, views);

  /* Forward with the arrow key and a clicker's Page Down, back with Page Up. */
  go_and_check (window, "Right", 1, views);
  go_and_check (window, "Page_Down", 2, views);
  g_assert_true (press_key (window, "space"));  /* past the end: stays */
  g_assert_cmpuint (rs_presenter_get_step (window->presenter), ==, 2);
  {
    Arrival back = { window->presenter, 1 };

    g_assert_true (press_key (window, "Page_Up"));
    g_assert_true (rs_gui_test_wait_until (arrived, &back, 5000));
    assert_camera_at (window, g_ptr_array_index (views, 1));
  }
  /* Keys edit nothing while presenting. */
  g_assert_true (press_key (window, "Delete"));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), >, 0);
  g_assert_nonnull (rs_case_lookup_entity_by_name (kase, names[0]));

  /* Escape: the analyst's board, filter and selection come back. */
  g_assert_true (press_key (window, "Escape"));
  g_assert_false (rs_presenter_get_active (window->presenter));
  g_assert_true (gtk_widget_get_visible (window->header_bar));
  g_assert_true (gtk_widget_get_visible (window->side_box));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presenting"));
  g_assert_false (gtk_widget_get_visible (window->present_caption));
  g_assert_true (rs_board_view_get_filter (window->board) == window->filter);
  g_assert_true (rs_board_view_get_selection (window->board) == window->selection);
  g_assert_cmpuint (rs_selection_get_n_items (window->selection), ==, analyst_pick);
  rs_gui_test_iterate (300);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  /* And the camera where the analyst left it. */
  g_assert_true (rs_board_view_get_visible_area (window->board, &after[0], &after[1], &after[2],
                                                 &after[3]));
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (after[i], before[i], 0.01 * before[2]);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Timeline playback: one step per date, the board revealed as it goes. */
static void
test_timeline (void)
{
  RsWindow *window = open_sample ("timeline.redstring");
  Arrival arrival = { window->presenter, 0 };
  guint n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-timeline", NULL));
  g_assert_true (rs_presenter_get_active (window->presenter));
  g_assert_true (rs_presenter_get_timeline (window->presenter));
  n = rs_presenter_get_n_steps (window->presenter);
  g_assert_cmpuint (n, >, 2);
  g_assert_true (rs_gui_test_wait_until (arrived, &arrival, 5000));
  rs_gui_test_iterate (200);
  {
    g_autoptr(GdkTexture) texture = rs_gui_test_render_widget (GTK_WIDGET (window));
    g_autofree char *path = rs_gui_test_save_png (texture, "present-timeline-first.png");

    g_printerr ("screenshot: %s\n", path);
  }
  g_assert_true (rs_presenter_go_to (window->presenter, n - 1));
  rs_gui_test_iterate (200);
  {
    g_autoptr(GdkTexture) texture = rs_gui_test_render_widget (GTK_WIDGET (window));
    g_autofree char *path = rs_gui_test_save_png (texture, "present-timeline-last.png");

    g_printerr ("screenshot: %s\n", path);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);  /* empty storyline */
  g_assert_true (rs_presenter_get_timeline (window->presenter));
  rs_presenter_stop (window->presenter);
  g_assert_true (gtk_widget_get_visible (window->header_bar));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-present/storyline", test_present);
  g_test_add_func ("/window-present/timeline", test_timeline);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
