/* test-window-safety.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <unistd.h>

#include <sqlite3.h>

#include <adwaita.h>

#include "rs-application.h"
#include "rs-bundle.h"
#include "rs-error.h"
#include "rs-core.h"
#include "rs-gui-test-utils.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* Nothing lost with the real application: a case opened twice is one window (SQLite
 * keeps its locks, so another program's run leaves the -wal alone and later edits
 * reach the file); typing is on disk after every quit route; another program's
 * changes reach the window and a note edited on both sides keeps both versions; a
 * locked case never freezes the window; a case whose opening never finished is not
 * reopened by itself. "Another program" is redstring-cli, or a second SQLite
 * connection, which SQLite locks exactly like another process. */

GResource *rs_gui_get_resource (void);

static RsApplication *app;

static guint
n_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static gboolean
no_windows (gpointer data)
{
  return n_windows () == 0;
}

static char *
make_case (const char *name)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case (name);

  return g_strdup (rs_case_store_get_path (store));
}

/* The case loads in a worker at start-up: shown once its window has its store. */
static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

static RsWindow *
open_in_app (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RsWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rs_gui_test_wait_until (case_shown, (gpointer)path, 30000));
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
type_note (RsWindow   *window,
           const char *text)
{
  GtkTextView *view = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  /* The case's note (nothing selected): what a keystroke does, at the end. */
  rs_selection_clear (window->selection);
  view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window->notes_panel),
                                                      RS_TYPE_NOTES_PANEL, "text_view"));
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

/* The case note as another program reads it. */
static char *
case_note_on_disk (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *body = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT body FROM note WHERE document_id IS NULL AND "
                                           "entity_id IS NULL AND relation_id IS NULL AND "
                                           "event_id IS NULL ORDER BY id LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    body = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return body;
}

/* For a human to look at, in G_TEST_BUILDDIR. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = rs_gui_test_render_widget (widget);
  g_autofree char *path = rs_gui_test_save_png (texture, name);
}

static gboolean
has_suffix (const char *body,
            const char *suffix)
{
  return body != NULL && g_str_has_suffix (body, suffix);
}

/* Opening a case that is open already shows its window; SQLite's locks survive, so
 * another program's run leaves the -wal in place, and edits afterwards reach the
 * file. */
static void
test_open_twice (void)
{
  g_autofree char *path = make_case ("twice.redstring");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *note = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  RsWindow *window = open_in_app (path);
  RsWindow *again;

  g_assert_cmpuint (n_windows (), ==, 1);
  again = open_in_app (path);
  g_assert_true (again == window);
  g_assert_cmpuint (n_windows (), ==, 1);
  /* Through the window's own Open as well. */
  g_assert_true (rs_window_open_case (window, path, FALSE));
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                          g_getenv ("REDSTRING_CLI"), "info", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (cli, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  type_note (window, " Edited after the second opening.");
  g_assert_true (rs_notes_panel_flush (window->notes_panel, &error));
  g_assert_no_error (error);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (rs_gui_test_wait_until (no_windows, NULL, 10000));

  note = case_note_on_disk (path);
  g_assert_true (has_suffix (note, " Edited after the second opening."));
}

typedef enum
{
  QUIT_CLOSE,
  QUIT_CTRL_Q,
  QUIT_SIGTERM,
  QUIT_SESSION_END,
} QuitRoute;

/* Typed, not yet saved (well inside the 400 ms debounce), then quit: on disk. */
static void
test_quit_route (gconstpointer data)
{
  QuitRoute route = GPOINTER_TO_INT (data);
  g_autofree char *name = g_strdup_printf ("quit-%d.redstring", route);
  g_autofree char *path = make_case (name);
  g_autofree char *note = NULL;
  RsWindow *window = open_in_app (path);
  GSettings *settings = rs_application_get_settings (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 777);
  type_note (window, " Typed a moment before quitting.");
  note = case_note_on_disk (path);
  g_assert_false (has_suffix (note, " Typed a moment before quitting."));
  g_clear_pointer (&note, g_free);

  switch (route)
    {
    case QUIT_CLOSE:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
      break;

    case QUIT_CTRL_Q:
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      break;

    case QUIT_SIGTERM:
      kill (getpid (), SIGTERM);
      break;

    case QUIT_SESSION_END:
      g_signal_emit_by_name (app, "query-end");
      note = case_note_on_disk (path);
      g_assert_true (has_suffix (note, " Typed a moment before quitting."));
      gtk_window_destroy (GTK_WINDOW (window));
      return;

    default:
      g_assert_not_reached ();
    }

  g_assert_true (rs_gui_test_wait_until (no_windows, NULL, 10000));
  note = case_note_on_disk (path);
  g_assert_true (has_suffix (note, " Typed a moment before quitting."));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
}

typedef struct
{
  RsWindow   *window;
  const char *text;
} LabelIs;

static gboolean
save_label_is (gpointer data)
{
  LabelIs *is = data;

  return g_strcmp0 (gtk_label_get_label (is->window->save_label), is->text) == 0;
}

static gboolean
entity_renamed (gpointer data)
{
  RsWindow *window = data;

  return rs_case_lookup_entity_by_name (rs_case_store_get_case (window->store),
                                        "Tick (renamed elsewhere)") != NULL;
}

static void
other_exec (sqlite3    *db,
            const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("other program: %s: %s", sql, message);
}

/* Another program renames an entity and appends to the case note while this
 * window, holding the old text, appends too: the rename reaches the window by
 * itself, and the note keeps both additions. */
static void
test_other_program (void)
{
  g_autofree char *path = make_case ("other.redstring");
  g_autofree char *note = NULL;
  RsWindow *window = open_in_app (path);
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  type_note (window, "\nHere: typed in this window.");
  other_exec (other, "UPDATE entity SET name = 'Tick (renamed elsewhere)' WHERE name = 'Tick'");
  other_exec (other, "UPDATE note SET body = body || '\nThere: typed in another program.' "
                     "WHERE document_id IS NULL AND entity_id IS NULL AND relation_id IS NULL "
                     "AND event_id IS NULL");

  g_assert_true (rs_gui_test_wait_until (entity_renamed, window, 5000));
  g_assert_true (rs_notes_panel_flush (window->notes_panel, NULL));
  note = case_note_on_disk (path);
  g_assert_nonnull (strstr (note, "There: typed in another program."));
  g_assert_nonnull (strstr (note, "Here: typed in this window."));

  sqlite3_close (other);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
ticked (gpointer data)
{
  (*(guint *)data)++;
  return G_SOURCE_CONTINUE;
}

/* Another program holds the write lock: the window keeps running (its main loop
 * turns), says it is waiting, cannot be closed until the note is written, and
 * writes it by itself once the lock is free. */
static void
test_locked_case (void)
{
  g_autofree char *path = make_case ("locked.redstring");
  g_autofree char *note = NULL;
  RsWindow *window = open_in_app (path);
  LabelIs waiting = { window, "Waiting for another program…" };
  sqlite3 *other = NULL;
  guint ticks = 0, tick_source;

  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  other_exec (other, "BEGIN IMMEDIATE");

  type_note (window, " Written while the case was locked.");
  tick_source = g_timeout_add (10, ticked, &ticks);
  g_assert_true (rs_gui_test_wait_until (save_label_is, &waiting, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "window-waiting.png");
  rs_gui_test_iterate (500);
  /* 50 ticks expected in 500 ms; a frozen loop gives none. */
  g_assert_cmpuint (ticks, >, 20);
  g_source_remove (tick_source);

  gtk_window_close (GTK_WINDOW (window));
  rs_gui_test_iterate (300);
  g_assert_cmpuint (n_windows (), ==, 1);
  note = case_note_on_disk (path);
  g_assert_false (has_suffix (note, " Written while the case was locked."));
  g_clear_pointer (&note, g_free);

  other_exec (other, "COMMIT");
  if (!rs_gui_test_wait_until (no_windows, NULL, 20000))
    {
      /* Say where it stopped: the label, the panel, the store. */
      g_autofree char *on_disk = case_note_on_disk (path);

      GtkLabel *error_label = GTK_LABEL (gtk_widget_get_template_child (
        GTK_WIDGET (window->notes_panel), RS_TYPE_NOTES_PANEL, "error_label"));

      g_error ("the window did not close once the lock was released: label “%s”, "
               "panel error “%s”, notes busy %d, save state %d, note %s on disk",
               gtk_label_get_label (window->save_label), gtk_label_get_label (error_label),
               rs_notes_panel_get_busy (window->notes_panel),
               window->store ? (int)rs_case_store_get_save_state (window->store) : -1,
               has_suffix (on_disk, " Written while the case was locked.") ? "is" : "is not");
    }
  note = case_note_on_disk (path);
  g_assert_true (has_suffix (note, " Written while the case was locked."));
  sqlite3_close (other);
}

/* The last launch never finished opening a case: this one starts without it. */
static void
test_unfinished_opening (void)
{
  g_autofree char *path = make_case ("hangs.redstring");
  GSettings *settings = rs_application_get_settings (app);
  GtkWindow *window;

  g_settings_set_string (settings, "opening-case", path);
  g_settings_set_string (settings, "last-case", path);
  g_application_activate (G_APPLICATION (app));

  g_assert_cmpuint (n_windows (), ==, 1);
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  g_assert_null (rs_window_get_store (RS_WINDOW (window)));
  {
    g_autofree char *mark = g_settings_get_string (settings, "opening-case");

    g_assert_cmpstr (mark, ==, "");
  }
  gtk_window_destroy (window);

  /* A case that opens and is shown clears the mark. */
  {
    RsWindow *shown = open_in_app (path);
    g_autofree char *mark = NULL;

    rs_gui_test_iterate (300);
    mark = g_settings_get_string (settings, "opening-case");
    g_assert_cmpstr (mark, ==, "");
    g_assert_nonnull (rs_window_get_store (shown));
    gtk_window_destroy (GTK_WINDOW (shown));
  }
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* An entity of the case nobody wrote a note on. */
static RsEntity *
entity_without_notes (RsCase *kase)
{
  for (guint i = 0; ; i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (rs_case_get_entities (kase), i);
      g_autoptr(GPtrArray) notes = NULL;

      g_assert_nonnull (entity);
      notes = rs_case_dup_notes_for (kase, RS_TARGET_ENTITY, rs_entity_get_id (entity));
      if (notes->len == 0)
        return entity;
    }
}

static GtkTextBuffer *
notes_buffer (RsWindow *window)
{
  return gtk_text_view_get_buffer (
    GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window->notes_panel),
                                                  RS_TYPE_NOTES_PANEL, "text_view")));
}

/* A new note is typed on an entity that another program deletes meanwhile: the
 * text is kept, on the case, and the window closes. */
static void
test_note_on_deleted_entity (void)
{
  g_autofree char *path = make_case ("deleted.redstring");
  g_autofree char *sql = NULL;
  g_autoptr(RsCaseStore) reread = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  RsWindow *window = open_in_app (path);
  RsEntity *entity = entity_without_notes (rs_case_store_get_case (window->store));
  gboolean kept = FALSE;
  sqlite3 *other = NULL;

  rs_selection_select (window->selection, RS_TARGET_ENTITY, rs_entity_get_id (entity));
  gtk_widget_activate_action (GTK_WIDGET (window->notes_panel), "notes.add", NULL);
  gtk_text_buffer_insert_interactive_at_cursor (notes_buffer (window), "On a deleted entity", -1,
                                                TRUE);

  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  other_exec (other, "PRAGMA foreign_keys = ON");
  sql = g_strdup_printf ("DELETE FROM entity WHERE id = %" G_GINT64_FORMAT,
                         rs_entity_get_id (entity));
  other_exec (other, sql);
  sqlite3_close (other);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (rs_gui_test_wait_until (no_windows, NULL, 5000));

  reread = rs_test_open_snapshot (path);
  notes = rs_case_dup_notes_for (rs_case_store_get_case (reread), RS_TARGET_CASE, 0);
  for (guint i = 0; i < notes->len; i++)
    kept |= has_suffix (rs_note_get_body (g_ptr_array_index (notes, i)), "On a deleted entity");
  g_assert_true (kept);
}

/* The final save fails (here: the disk is full, as a file size limit makes it): the
 * window stays open and asks; only "Close Without Saving" closes it. */
static void
test_close_when_save_fails (void)
{
  g_autofree char *path = make_case ("fails.redstring");
  RsWindow *window = open_in_app (path);
  AdwMessageDialog *dialog;
  struct rlimit saved, tiny;

  type_note (window, " Cannot be written: the disk is full.");

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  tiny = saved;
  tiny.rlim_cur = 1024;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &tiny), ==, 0);

  gtk_window_close (GTK_WINDOW (window));
  rs_gui_test_iterate (200);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_nonnull ((dialog = find_dialog ()));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "window-save-failed.png");

  adw_message_dialog_response (dialog, "cancel");
  rs_gui_test_iterate (100);
  g_assert_cmpuint (n_windows (), ==, 1);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &tiny), ==, 0);
  gtk_window_close (GTK_WINDOW (window));
  rs_gui_test_iterate (200);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_nonnull ((dialog = find_dialog ()));
  adw_message_dialog_response (dialog, "close");
  g_assert_true (rs_gui_test_wait_until (no_windows, NULL, 5000));
}

/* A write-protected case: shown, laid out, read; the window says it is read-only,
 * notes cannot be typed, bundles cannot be imported into it. */
static void
test_read_only_case (void)
{
  g_autofree char *path = make_case ("protected.redstring");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GBytes) before = rs_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  RsWindow *window = rs_window_new (app);
  GtkTextView *view;

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  rs_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_label_get_label (window->save_label), ==, "Read-only");
  save_screenshot (GTK_WIDGET (window), "window-read-only.png");
  view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window->notes_panel),
                                                      RS_TYPE_NOTES_PANEL, "text_view"));
  g_assert_false (gtk_text_view_get_editable (view));
  /* Importing into it fails, saying why, and writes nothing. */
  {
    g_autofree char *bundle = g_test_build_filename (G_TEST_DIST, "data", "bundles",
                                                     "tick-2021-excerpt.json", NULL);

    g_assert_false (rs_bundle_import_file (store, bundle, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_READ_ONLY);
  }

  gtk_window_close (GTK_WINDOW (window));
  rs_gui_test_iterate (100);
  g_clear_object (&store);
  after = rs_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A launch loads the case in the background: asked for it again before it is loaded
 * (a second `redstring CASE`), the window already loading it is the one shown. */
static void
test_open_while_loading (void)
{
  g_autofree char *path = make_case ("loading.redstring");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RsWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  /* Nothing has run the main loop: the worker's result has not been delivered. */
  g_assert_null (rs_window_get_store (window));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (n_windows (), ==, 1);

  g_assert_true (rs_gui_test_wait_until (case_shown, path, 30000));
  g_assert_true (rs_window_find_for_case (path) == window);
  g_assert_cmpuint (n_windows (), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (rs_gui_test_wait_until (no_windows, NULL, 10000));
}

/* A window closed while its case still loads: the case did not hang it, so the next
 * launch is not told otherwise, and the late result is dropped. */
static void
test_close_while_loading (void)
{
  g_autofree char *path = make_case ("closed-early.redstring");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSettings *settings = rs_application_get_settings (app);
  g_autofree char *mark = NULL;
  RsWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  g_assert_null (rs_window_get_store (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (rs_gui_test_wait_until (no_windows, NULL, 10000));
  rs_gui_test_iterate (500);

  mark = g_settings_get_string (settings, "opening-case");
  g_assert_cmpstr (mark, ==, "");
  g_assert_null (rs_case_store_find_open (path));
}

static gboolean
first_window_has_case (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  return windows != NULL && rs_window_get_store (windows->data) != NULL;
}

/* A launch on a file that is not a case says so, over the default case. */
static void
test_open_damaged_at_start (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "damaged.redstring", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RsWindow *window;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, "not a case at all, but long enough to look at",
                                      -1, &error));
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rs_gui_test_wait_until (first_window_has_case, NULL, 30000));
  g_assert_cmpuint (n_windows (), ==, 1);
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  g_assert_cmpstr (rs_case_store_get_path (rs_window_get_store (window)), !=, path);
  g_assert_null (rs_window_find_for_case (path));
  g_assert_nonnull (find_dialog ());
  gtk_window_destroy (GTK_WINDOW (find_dialog ()));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (rs_gui_test_wait_until (no_windows, NULL, 10000));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-safety/open-twice", test_open_twice);
  g_test_add_func ("/window-safety/open-while-loading", test_open_while_loading);
  g_test_add_func ("/window-safety/open-damaged-at-start", test_open_damaged_at_start);
  g_test_add_func ("/window-safety/close-while-loading", test_close_while_loading);
  g_test_add_data_func ("/window-safety/quit/close", GINT_TO_POINTER (QUIT_CLOSE), test_quit_route);
  g_test_add_data_func ("/window-safety/quit/ctrl-q", GINT_TO_POINTER (QUIT_CTRL_Q), test_quit_route);
  g_test_add_data_func ("/window-safety/quit/sigterm", GINT_TO_POINTER (QUIT_SIGTERM), test_quit_route);
  g_test_add_data_func ("/window-safety/quit/session-end", GINT_TO_POINTER (QUIT_SESSION_END),
                        test_quit_route);
  g_test_add_func ("/window-safety/other-program", test_other_program);
  g_test_add_func ("/window-safety/locked-case", test_locked_case);
  g_test_add_func ("/window-safety/unfinished-opening", test_unfinished_opening);
  g_test_add_func ("/window-safety/read-only-case", test_read_only_case);
  g_test_add_func ("/window-safety/close-when-save-fails", test_close_when_save_fails);
  g_test_add_func ("/window-safety/note-on-deleted-entity", test_note_on_deleted_entity);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
