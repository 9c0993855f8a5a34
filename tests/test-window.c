/* test-window.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rs-core.h"
#include "rs-generate.h"
#include "rs-panel.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* The real window on the sample case: one selection followed by the board, the
 * quotes, the timeline and the notes; notes saved as typed; a case with stored
 * positions opens without a layout. */

GResource *rs_gui_get_resource (void);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
wait_for_layout (RsBoardView *board,
                 guint        timeout_msec)
{
  gint64 end = g_get_monotonic_time () + timeout_msec * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!rs_board_view_get_layout_running (board) && rs_board_view_get_layout_count (board) > 0)
        return TRUE;
      iterate (20);
    }
  return FALSE;
}

static RsWindow *
present_window (RsCaseStore *store)
{
  RsWindow *window = g_object_new (RS_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static gint64
entity_id (RsCaseStore *store,
           const char  *name)
{
  RsEntity *entity = rs_case_lookup_entity_by_name (rs_case_store_get_case (store), name);

  g_assert_nonnull (entity);
  return rs_entity_get_id (entity);
}

static GHashTable *
quote_ids_of (RsCase   *kase,
              RsTarget  target,
              gint64    id)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, target, id);
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < evidence->len; i++)
    {
      gint64 *key = g_new (gint64, 1);

      *key = rs_evidence_get_quote_id (g_ptr_array_index (evidence, i));
      g_hash_table_add (set, key);
    }
  return set;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("screenshot: %s", path);
}

static void
test_selection_followed_everywhere (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case_in_home ("tick-2021.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsWindow *window = present_window (store);
  RsSelection *selection = rs_window_get_selection (window);
  g_autoptr(GHashTable) expected = NULL;
  GListModel *listed;
  gint64 tick = entity_id (store, "Tick");
  gint64 jaxa = entity_id (store, "Japan Aerospace Exploration Agency");
  GListModel *events;
  RsEvent *event = NULL;
  const gint64 *members;
  guint n_members;
  double x, y;
  RsTarget target;
  gint64 id;

  g_assert_true (wait_for_layout (window->board, 30000));
  save_screenshot (GTK_WIDGET (window), "window-board.png");

  /* Selecting Tick fills the Quotes panel with exactly Tick's quotes. */
  rs_selection_select (selection, RS_TARGET_ENTITY, tick);
  iterate (50);
  expected = quote_ids_of (kase, RS_TARGET_ENTITY, tick);
  listed = rs_quotes_panel_get_quotes (window->quotes_panel);
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, g_hash_table_size (expected));
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(RsQuote) quote = g_list_model_get_item (listed, i);
      gint64 quote_id = rs_quote_get_id (quote);

      g_assert_true (g_hash_table_contains (expected, &quote_id));
    }
  save_screenshot (GTK_WIDGET (window), "window-tick-selected.png");

  /* Selecting a timeline event selects its entities on the board. */
  events = rs_case_get_events (kase);
  for (guint i = 0; event == NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(RsEvent) candidate = g_list_model_get_item (events, i);

      rs_event_get_entity_ids (candidate, &n_members);
      if (n_members >= 2)
        event = candidate;
    }
  g_assert_nonnull (event);
  g_assert_true (rs_timeline_panel_select_event (window->timeline_panel, rs_event_get_id (event)));
  members = rs_event_get_entity_ids (event, &n_members);
  for (guint i = 0; i < n_members; i++)
    g_assert_true (rs_selection_contains (selection, RS_TARGET_ENTITY, members[i]));

  /* The board's hit-test at a node's on-screen position finds that node; the
   * empty corner finds nothing. */
  g_assert_true (rs_board_view_get_node_position (window->board, jaxa, &x, &y));
  g_assert_true (rs_board_view_pick (window->board, x, y, &target, &id));
  g_assert_cmpint (target, ==, RS_TARGET_ENTITY);
  g_assert_cmpint (id, ==, jaxa);
  g_assert_false (rs_board_view_pick (window->board, 2, 2, &target, &id));

  /* Activating a quote opens the source viewer on it. */
  rs_selection_select (selection, RS_TARGET_ENTITY, tick);
  iterate (50);
  {
    g_autoptr(RsQuote) first = g_list_model_get_item (rs_quotes_panel_get_quotes (window->quotes_panel), 0);

    _rs_window_reveal_quote (window, rs_quote_get_id (first));
    iterate (100);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->source_viewer)));
    g_assert_cmpint (rs_source_viewer_get_revealed_quote_id (window->source_viewer), ==,
                     rs_quote_get_id (first));
  }
  save_screenshot (GTK_WIDGET (window), "window-source-viewer.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found;

      if (GTK_IS_TEXT_VIEW (child) && gtk_text_view_get_editable (GTK_TEXT_VIEW (child)))
        return GTK_TEXT_VIEW (child);
      if ((found = find_text_view (child)))
        return found;
    }
  return NULL;
}

static char *
note_on_disk (const char *path,
              gint64      entity)
{
  g_autoptr(RsCaseStore) other = rs_test_open_snapshot (path);
  g_autoptr(GPtrArray) notes = NULL;
  GString *bodies = g_string_new (NULL);

  notes = rs_case_dup_notes_for (rs_case_store_get_case (other), RS_TARGET_ENTITY, entity);
  for (guint i = 0; i < notes->len; i++)
    g_string_append (bodies, rs_note_get_body (g_ptr_array_index (notes, i)));
  return g_string_free (bodies, FALSE);
}

static void
test_notes_saved_as_typed (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("notes.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  RsWindow *window = present_window (store);
  gint64 unit = entity_id (store, "Unit 61419");
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autofree char *after_debounce = NULL;
  g_autofree char *after_close = NULL;

  adw_view_stack_set_visible_child_name (window->side_stack, "notes");
  rs_selection_select (rs_window_get_selection (window), RS_TARGET_ENTITY, unit);
  iterate (100);

  view = find_text_view (GTK_WIDGET (window->notes_panel));
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " Qingdao unit: check Kyodo", -1);

  /* In the file once the typing pauses... */
  iterate (1000);
  after_debounce = note_on_disk (path, unit);
  g_assert_nonnull (strstr (after_debounce, "Qingdao unit: check Kyodo"));

  /* ...and what is typed just before the window goes is not lost. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " — last words", -1);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);

  after_close = note_on_disk (path, unit);
  g_assert_nonnull (strstr (after_close, "— last words"));
}

/* Positions are in the case: opening it again shows the board at once. */
static void
test_stored_positions_need_no_layout (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("positions.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autoptr(GError) error = NULL;
  RsWindow *window = present_window (store);

  g_assert_true (wait_for_layout (window->board, 30000));
  gtk_window_destroy (GTK_WINDOW (window));
  /* The closed window let go of the case: nothing of it outlives the window. */
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Opened again, as File → Open does. */
  window = g_object_new (RS_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  g_assert_true (rs_window_open_case (window, path, FALSE));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate (500);
  g_assert_cmpuint (rs_board_view_get_layout_count (window->board), ==, 0);
  g_assert_false (rs_board_view_get_layout_running (window->board));

  /* Picking another engine in the layout menu lays the board out with it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "layout-engine",
                                  g_variant_new_string ("neato"));
  g_assert_cmpint (rs_board_view_get_engine (window->board), ==, RS_LAYOUT_ENGINE_NEATO);
  g_assert_true (wait_for_layout (window->board, 30000));
  g_assert_cmpuint (rs_board_view_get_layout_count (window->board), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing in "Filter the board…" filters the board; Escape empties the field. */
static void
test_filter_field (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("filter.redstring");
  RsWindow *window = present_window (store);

  gtk_widget_grab_focus (GTK_WIDGET (window->search_entry));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "T");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  g_assert_cmpstr (rs_board_filter_get_text (window->filter), ==, "T");

  g_signal_emit_by_name (window->search_entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");
  g_signal_emit_by_name (window->search_entry, "stop-search");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A large case with every entity placed: the board is drawn first, the panels a frame
 * later (issue 18: their rows cost more than the board's first frame); with entities
 * to lay out, the panels first and the board a frame later; a small case everywhere at
 * once. Another case set meanwhile cancels the wait. */
static RsCaseStore *
open_generated (const char *name,
                guint       n_entities,
                gboolean    positions)
{
  RsCaseStore *store = rs_test_open_new_case (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_generate_case (store, n_entities, 7, positions, &error));
  g_assert_no_error (error);
  return store;
}

static gboolean
panels_have (RsWindow    *window,
             RsCaseStore *store)
{
  return rs_panel_get_store (RS_PANEL (window->documents_panel)) == store &&
         rs_panel_get_store (RS_PANEL (window->timeline_panel)) == store &&
         rs_panel_get_store (RS_PANEL (window->quotes_panel)) == store;
}

static void
test_large_case_panels_after_board (void)
{
  g_autoptr(RsCaseStore) large = open_generated ("large.redstring", 2500, TRUE);
  g_autoptr(RsCaseStore) unplaced = open_generated ("unplaced.redstring", 2500, FALSE);
  g_autoptr(RsCaseStore) sample = rs_test_open_sample_case ("small.redstring");
  RsWindow *window = g_object_new (RS_TYPE_WINDOW, NULL);
  guint frames;
  gint64 end;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The board has it now, the panels after its next frame. */
  frames = rs_board_view_get_frames_drawn (window->board);
  rs_window_set_store (window, large);
  g_assert_true (rs_board_view_get_store (window->board) == large);
  g_assert_false (panels_have (window, large));
  g_assert_null (rs_panel_get_store (RS_PANEL (window->documents_panel)));
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!panels_have (window, large) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (panels_have (window, large));
  g_assert_cmpuint (rs_board_view_get_frames_drawn (window->board), >, frames);
  g_assert_null (window->second_store);

  /* Another case before the panels had this one: the wait is off, the small case is
   * everywhere at once, and the large one never reaches the panels. */
  rs_window_set_store (window, NULL);
  rs_window_set_store (window, large);
  g_assert_nonnull (window->second_store);
  rs_window_set_store (window, sample);
  g_assert_null (window->second_store);
  g_assert_true (panels_have (window, sample));
  iterate (300);
  g_assert_true (panels_have (window, sample));

  /* Entities to lay out: the panels first, and the board (whose layout then starts)
   * after their first frame, so that their rows do not hold up the UI thread while the
   * layout runs. */
  rs_window_set_store (window, unplaced);
  g_assert_true (panels_have (window, unplaced));
  g_assert_null (rs_board_view_get_store (window->board));
  g_assert_false (rs_board_view_get_layout_running (window->board));
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (rs_board_view_get_store (window->board) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rs_board_view_get_store (window->board) == unplaced);
  g_assert_true (wait_for_layout (window->board, 60000));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A launch starts loading its case before the window is built; the window takes the
 * loading over (before or after it finished), and one no window takes is closed. */
static gboolean
store_closed (gpointer path)
{
  return rs_case_store_find_open (path) == NULL;
}

static void
wait_for_store (RsWindow *window)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (rs_window_get_store (window) == NULL && g_get_monotonic_time () < end)
    iterate (20);
  g_assert_nonnull (rs_window_get_store (window));
}

static void
test_prefetch (void)
{
  g_autoptr(RsCaseStore) sample = rs_test_open_sample_case ("prefetch.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (sample));
  RsWindow *window;
  gint64 end;

  g_clear_object (&sample);
  g_assert_null (rs_case_store_find_open (path));

  /* Nobody takes it: closed once loaded. */
  rs_window_prefetch_case (path);
  rs_window_drop_prefetch ();
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  iterate (300);
  while (!store_closed (path) && g_get_monotonic_time () < end)
    iterate (20);
  g_assert_null (rs_case_store_find_open (path));

  /* Loaded before the window asks for it: delivered all the same. */
  rs_window_prefetch_case (path);
  iterate (1500);
  window = g_object_new (RS_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_window_open_case_at_start (window, path);
  rs_window_drop_prefetch ();
  gtk_window_present (GTK_WINDOW (window));
  wait_for_store (window);
  g_assert_cmpstr (rs_case_store_get_path (rs_window_get_store (window)), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (
    rs_case_store_get_case (rs_window_get_store (window)))), >, 10);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (100);

  /* Still loading when the window asks: the window's, once it is done. */
  rs_window_prefetch_case (path);
  window = g_object_new (RS_TYPE_WINDOW, NULL);
  rs_window_open_case_at_start (window, path);
  rs_window_drop_prefetch ();
  gtk_window_present (GTK_WINDOW (window));
  wait_for_store (window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (300);
  g_assert_null (rs_case_store_find_open (path));
}

int
main (int   argc,
      char *argv[])
{
  /* The MIME database is found through XDG_DATA_DIRS, which the isolated test dirs hide:
   * load it now so that SVG icons (the layout spinner) can be read. */
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  /* G_TEST_OPTION_ISOLATE_DIRS hides the system data dirs, and with them the icons. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  "/usr/share/icons");
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  rs_core_init ();
  g_resources_register (rs_gui_get_resource ());

  g_test_add_func ("/window/selection-followed-everywhere", test_selection_followed_everywhere);
  g_test_add_func ("/window/notes-saved-as-typed", test_notes_saved_as_typed);
  g_test_add_func ("/window/stored-positions-need-no-layout", test_stored_positions_need_no_layout);
  g_test_add_func ("/window/filter-field", test_filter_field);
  g_test_add_func ("/window/large-case-panels-after-board", test_large_case_panels_after_board);
  g_test_add_func ("/window/prefetch", test_prefetch);

  return g_test_run ();
}
