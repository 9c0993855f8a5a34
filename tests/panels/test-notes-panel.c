/* test-notes-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "rs-error.h"
#include "rs-notes-panel.h"
#include "rs-panel-test-utils.h"

typedef struct
{
  RsCaseStore  *store;
  RsSelection  *selection;
  RsNotesPanel *panel;
  GtkWindow    *window;
  char         *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("notes.redstring");
  fixture->path = g_strdup (rs_case_store_get_path (fixture->store));
  fixture->selection = rs_selection_new ();
  fixture->panel = g_object_ref_sink (RS_NOTES_PANEL (rs_notes_panel_new ()));
  rs_panel_set_store (RS_PANEL (fixture->panel), fixture->store);
  rs_panel_set_selection (RS_PANEL (fixture->panel), fixture->selection);
  fixture->window = rs_panel_test_present (GTK_WIDGET (fixture->panel), 380, 640);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->panel);
  g_assert_finalize_object (fixture->selection);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

/* The notes on a target as a second process would see them: from the file. */
static GPtrArray *
reopen_notes_for (Fixture  *fixture,
                  RsTarget  target,
                  gint64    id)
{
  g_autoptr(RsCaseStore) other = rs_test_open_snapshot (fixture->path);

  return rs_case_dup_notes_for (rs_case_store_get_case (other), target, id);
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  GtkTextBuffer *buffer = rs_panel_test_template_child (fixture->panel, RS_TYPE_NOTES_PANEL,
                                                        "buffer");
  GtkTextIter end;

  /* What a keystroke does: insert at the cursor, at the end of the note. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

static const char *
visible_page (Fixture *fixture)
{
  GtkStack *stack = rs_panel_test_template_child (fixture->panel, RS_TYPE_NOTES_PANEL, "stack");

  return gtk_stack_get_visible_child_name (stack);
}

/* An entity of the sample case nobody wrote a note on. */
static RsEntity *
entity_without_notes (RsCase *kase)
{
  GListModel *entities = rs_case_get_entities (kase);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      g_autoptr(GPtrArray) notes = rs_case_dup_notes_for (kase, RS_TARGET_ENTITY,
                                                          rs_entity_get_id (entity));

      if (notes->len == 0)
        return entity;
    }
  g_assert_not_reached ();
}

static void
test_new_destroy (void)
{
  GtkWidget *panel = g_object_ref_sink (rs_notes_panel_new ());

  g_assert_null (rs_notes_panel_get_note (RS_NOTES_PANEL (panel)));
  g_assert_true (rs_notes_panel_flush (RS_NOTES_PANEL (panel), NULL));
  g_assert_finalize_object (panel);
}

static void
test_case_notes_without_selection (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  RsNote *note = rs_notes_panel_get_note (fixture->panel);

  g_assert_nonnull (note);
  g_assert_cmpint (rs_note_get_target (note), ==, RS_TARGET_CASE);
  g_assert_cmpstr (rs_notes_panel_get_heading (fixture->panel), ==, "Notes on the case");
  g_assert_cmpstr (visible_page (fixture), ==, "editor");
}

/* Typing is in the file once the debounce has passed, not before. */
static void
test_typing_saved_after_debounce (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  gint64 tick_id = rs_entity_get_id (tick);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  RsNote *note;

  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, tick_id);
  note = rs_notes_panel_get_note (fixture->panel);
  g_assert_nonnull (note);
  g_assert_cmpint (rs_note_get_target_id (note), ==, tick_id);
  g_assert_cmpstr (rs_notes_panel_get_heading (fixture->panel), ==, "Notes on Tick — threat group");
  expected = g_strconcat (rs_note_get_body (note), " Checked against the FireEye report.", NULL);

  type_text (fixture, " Checked against the FireEye report.");

  before = reopen_notes_for (fixture, RS_TARGET_ENTITY, tick_id);
  g_assert_cmpstr (rs_note_get_body (g_ptr_array_index (before, 0)), !=, expected);

  rs_panel_test_wait (700);

  after = reopen_notes_for (fixture, RS_TARGET_ENTITY, tick_id);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (rs_note_get_body (g_ptr_array_index (after, 0)), ==, expected);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "notes-panel");
}

/* Text typed just before the window is destroyed is in the file afterwards. */
static void
test_typed_before_destroy (Fixture       *fixture,
                           gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  RsEntity *entity = entity_without_notes (kase);
  gint64 id = rs_entity_get_id (entity);
  g_autoptr(GPtrArray) notes = NULL;

  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, id);
  g_assert_null (rs_notes_panel_get_note (fixture->panel));
  g_assert_cmpstr (visible_page (fixture), ==, "add");
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "notes-panel-add");

  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "notes.add", NULL);
  g_assert_cmpstr (visible_page (fixture), ==, "editor");
  type_text (fixture, "Written just before closing");

  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  notes = reopen_notes_for (fixture, RS_TARGET_ENTITY, id);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (rs_note_get_body (g_ptr_array_index (notes, 0)), ==,
                   "Written just before closing");
}

/* A panel that was never shown saves on dispose too. */
static void
test_typed_before_dispose (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("dispose.redstring");
  g_autoptr(RsSelection) selection = rs_selection_new ();
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  RsEntity *entity = entity_without_notes (rs_case_store_get_case (store));
  RsNotesPanel *panel = g_object_ref_sink (RS_NOTES_PANEL (rs_notes_panel_new ()));
  GtkTextBuffer *buffer = rs_panel_test_template_child (panel, RS_TYPE_NOTES_PANEL, "buffer");
  g_autoptr(RsCaseStore) other = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  rs_panel_set_store (RS_PANEL (panel), store);
  rs_panel_set_selection (RS_PANEL (panel), selection);
  rs_selection_select (selection, RS_TARGET_ENTITY, rs_entity_get_id (entity));
  gtk_widget_activate_action (GTK_WIDGET (panel), "notes.add", NULL);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Unsaved until dispose", -1, TRUE);
  g_assert_finalize_object (panel);

  other = rs_test_open_snapshot (path);
  notes = rs_case_dup_notes_for (rs_case_store_get_case (other), RS_TARGET_ENTITY,
                                 rs_entity_get_id (entity));
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (rs_note_get_body (g_ptr_array_index (notes, 0)), ==, "Unsaved until dispose");
}

/* Moving to another target saves the previous one's text at once. */
static void
test_target_change_flushes (Fixture       *fixture,
                            gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *expected = NULL;

  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  expected = g_strconcat (rs_note_get_body (rs_notes_panel_get_note (fixture->panel)), "!", NULL);
  type_text (fixture, "!");
  rs_selection_clear (fixture->selection);
  g_assert_cmpstr (rs_notes_panel_get_heading (fixture->panel), ==, "Notes on the case");

  notes = reopen_notes_for (fixture, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  g_assert_cmpstr (rs_note_get_body (g_ptr_array_index (notes, 0)), ==, expected);
}

/* A target's other notes are listed read-only, and follow the case. */
static void
test_other_notes (Fixture       *fixture,
                  gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  g_autoptr(RsNote) draft = rs_note_new (0);
  g_autoptr(GError) error = NULL;
  RsNote *edited, *other;
  GListModel *others = rs_notes_panel_get_others (fixture->panel);

  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  edited = rs_notes_panel_get_note (fixture->panel);
  g_assert_cmpuint (g_list_model_get_n_items (others), ==, 0);

  rs_note_set_target (draft, RS_TARGET_ENTITY);
  rs_note_set_target_id (draft, rs_entity_get_id (tick));
  rs_note_set_author (draft, "A colleague");
  rs_note_set_body (draft, "Second opinion: the alias mapping needs a source.");
  other = rs_case_store_add_note (fixture->store, draft, &error);
  g_assert_no_error (error);

  /* The edited note stays the same; the new one is listed under it. */
  g_assert_true (rs_notes_panel_get_note (fixture->panel) == edited);
  g_assert_cmpuint (g_list_model_get_n_items (others), ==, 1);
  {
    g_autoptr(RsNote) listed = g_list_model_get_item (others, 0);

    g_assert_true (listed == other);
  }

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel),
                                              "Second opinion: the alias mapping needs a source."));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "notes-panel-others");
}

/* Quotes have no notes: the panel says so rather than editing something else. */
static void
test_quote_has_no_notes (Fixture       *fixture,
                         gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  g_autoptr(RsQuote) quote = g_list_model_get_item (rs_case_get_quotes (kase), 0);

  rs_selection_select (fixture->selection, RS_TARGET_QUOTE, rs_quote_get_id (quote));
  g_assert_cmpstr (visible_page (fixture), ==, "unavailable");
  g_assert_null (rs_notes_panel_get_note (fixture->panel));
}

/* A colleague's process holds the write lock: the panel says so inline, keeps the
 * text, and saves it once the lock is gone. */
static void
test_store_error_inline (Fixture       *fixture,
                         gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  sqlite3 *other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  GtkWidget *error_box = rs_panel_test_template_child (fixture->panel, RS_TYPE_NOTES_PANEL,
                                                       "error_box");
  g_autofree char *expected = NULL;

  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  expected = g_strconcat (rs_note_get_body (rs_notes_panel_get_note (fixture->panel)),
                          " (locked)", NULL);

  /* Another process: its own SQLite connection, holding the write lock. The UI
   * thread does not wait for it (lock timeout 0, as the window sets). */
  rs_case_store_set_lock_timeout (fixture->store, 0);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &other, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  type_text (fixture, " (locked)");
  g_assert_false (rs_notes_panel_flush (fixture->panel, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_BUSY);
  g_assert_true (gtk_widget_get_visible (error_box));
  g_clear_error (&error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "notes-panel-error");

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (rs_notes_panel_flush (fixture->panel, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (error_box));

  notes = reopen_notes_for (fixture, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  g_assert_cmpstr (rs_note_get_body (g_ptr_array_index (notes, 0)), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  rs_panel_test_init (&argc, &argv);

  g_test_add_func ("/notes-panel/new-destroy", test_new_destroy);
  g_test_add ("/notes-panel/case-notes-without-selection", Fixture, NULL,
              fixture_set_up, test_case_notes_without_selection, fixture_tear_down);
  g_test_add ("/notes-panel/typing-saved-after-debounce", Fixture, NULL,
              fixture_set_up, test_typing_saved_after_debounce, fixture_tear_down);
  g_test_add ("/notes-panel/typed-before-destroy", Fixture, NULL,
              fixture_set_up, test_typed_before_destroy, fixture_tear_down);
  g_test_add_func ("/notes-panel/typed-before-dispose", test_typed_before_dispose);
  g_test_add ("/notes-panel/target-change-flushes", Fixture, NULL,
              fixture_set_up, test_target_change_flushes, fixture_tear_down);
  g_test_add ("/notes-panel/other-notes", Fixture, NULL,
              fixture_set_up, test_other_notes, fixture_tear_down);
  g_test_add ("/notes-panel/quote-has-no-notes", Fixture, NULL,
              fixture_set_up, test_quote_has_no_notes, fixture_tear_down);
  g_test_add ("/notes-panel/store-error-inline", Fixture, NULL,
              fixture_set_up, test_store_error_inline, fixture_tear_down);

  return g_test_run ();
}
