/* test-window-import.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rs-application.h"
#include "rs-dot-import.h"
#include "rs-gui-test-utils.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* A bundle imported into the real window in the background: a progress dialog for a
 * large one, Cancel leaving the case as it was, and the import one step of Undo. */

static RsApplication *app;

/* The case loads in a worker at start-up: shown once its window has its store. */
static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

static RsWindow *
open_new_case (const char *name)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autoptr(GFile) file = NULL;
  RsWindow *window;

  g_clear_object (&store);
  file = g_file_new_for_path (path);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rs_gui_test_wait_until (case_shown, (gpointer)path, 30000));
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static char *
write_big_bundle (guint n)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"redstring-case\", \"version\": 1,\n"
                                          " \"entities\": [\n");
  g_autofree char *path = rs_test_temp_path ("big.json");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s  {\"id\": \"p%u\", \"kind\": \"person\", \"name\": \"Person %u\"}",
                            i ? ",\n" : "", i, i);
  g_string_append (json, "],\n \"relations\": [\n");
  for (guint i = 0; i + 1 < n; i++)
    g_string_append_printf (json, "%s  {\"id\": \"r%u\", \"source\": \"p%u\", \"target\": \"p%u\"}",
                            i ? ",\n" : "", i, i, i + 1);
  g_string_append (json, "]}\n");
  rs_test_write_file (path, json->str, json->len);
  return g_steal_pointer (&path);
}

static gboolean
import_done (gpointer user_data)
{
  return RS_WINDOW (user_data)->progress == NULL;
}

static void
note_mapped (gboolean *mapped)
{
  *mapped = TRUE;
}

static guint
n_entities (RsWindow *window)
{
  return g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (window->store)));
}

static gboolean
shows_case (gpointer user_data)
{
  RsWindow *window = user_data;
  const char *path = g_object_get_data (G_OBJECT (window), "expected-path");

  return window->progress == NULL && window->store != NULL &&
         g_strcmp0 (rs_case_store_get_path (window->store), path) == 0;
}

static GtkWidget *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_import_in_background (void)
{
  RsWindow *window = open_new_case ("window-import.redstring");
  g_autofree char *path = write_big_bundle (5000);
  gboolean mapped = FALSE;
  gint64 started;

  g_assert_cmpuint (n_entities (window), ==, 0);

  /* The dialog shows (at once here: how long the import takes is the machine's), with
   * its bar moving; the window is drawn meanwhile. */
  window->progress_delay = 0;
  started = g_get_monotonic_time ();
  _rs_window_import_bundle (window, path);
  g_assert_nonnull (window->progress);
  g_signal_connect_swapped (window->progress, "map", G_CALLBACK (note_mapped), &mapped);
  g_assert_true (rs_gui_test_wait_until (import_done, window, 60000));
  g_assert_true (mapped);
  g_test_message ("5,000 entities and 4,999 relations imported in %.1f s",
                  (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);
  g_assert_cmpuint (n_entities (window), ==, 5000);

  /* One step of Undo, named after the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  rs_gui_test_iterate (50);
  g_assert_cmpuint (n_entities (window), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  rs_gui_test_iterate (50);
  g_assert_cmpuint (n_entities (window), ==, 5000);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel (void)
{
  RsWindow *window = open_new_case ("window-import-cancel.redstring");
  g_autofree char *path = write_big_bundle (5000);

  _rs_window_import_bundle (window, path);
  g_assert_nonnull (window->progress);

  /* The dialog's Cancel, before the import can end (it is quick). */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    rs_gui_test_collect (GTK_WIDGET (window->progress), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Cancel") == 0)
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
  }
  g_assert_true (rs_gui_test_wait_until (import_done, window, 60000));
  g_assert_cmpuint (n_entities (window), ==, 0);
  g_assert_false (rs_undo_stack_get_can_undo (window->undo_stack));
  /* A cancel is not an error: no message dialog. */
  g_assert_null (find_message_dialog ());

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Open, and a dropped case file, load in the background; a file that is not a case says
 * so and the window keeps the case it had. */
static void
test_open_in_background (void)
{
  RsWindow *window = open_new_case ("window-open-first.redstring");
  g_autofree char *sample = rs_test_make_sample_file ("window-open-sample.redstring");
  g_autofree char *junk = rs_test_temp_path ("not-a-case.redstring");
  GtkWidget *dialog;

  _rs_window_open_case_in_background (window, sample);
  g_object_set_data_full (G_OBJECT (window), "expected-path", g_strdup (sample), g_free);
  g_assert_true (rs_gui_test_wait_until (shows_case, window, 20000));
  g_assert_cmpuint (n_entities (window), >, 10);

  rs_test_write_file (junk, "hello, world\n", 13);
  _rs_window_open_case_in_background (window, junk);
  g_assert_true (rs_gui_test_wait_until (import_done, window, 20000));
  rs_gui_test_iterate (100);
  g_assert_cmpstr (rs_case_store_get_path (window->store), ==, sample);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_n_entities (gpointer user_data)
{
  RsWindow *window = user_data;

  return n_entities (window) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "expected"));
}

static gboolean
has_message_dialog (gpointer user_data)
{
  return find_message_dialog () != NULL;
}

/* A Graphviz diagram dropped or chosen: its nodes and edges join the case as one step of
 * Undo; a file that is not DOT says so and changes nothing. */
static void
test_import_diagram (void)
{
  RsWindow *window = open_new_case ("window-diagram.redstring");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "dot", "japanese.gv", NULL);
  g_autofree char *junk = rs_test_temp_path ("junk.gv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) junk_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDotGraph) graph = rs_dot_graph_read_file (file, NULL, &error);
  guint expected;

  g_assert_no_error (error);
  expected = rs_dot_graph_get_n_nodes (graph);
  g_assert_cmpuint (expected, >, 0);

  g_object_set_data (G_OBJECT (window), "expected", GUINT_TO_POINTER (expected));
  _rs_window_import_diagram (window, file);
  g_assert_true (rs_gui_test_wait_until (has_n_entities, window, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_relations (rs_case_store_get_case (window->store))),
                    ==, rs_dot_graph_get_n_edges (graph));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  rs_gui_test_iterate (50);
  g_assert_cmpuint (n_entities (window), ==, 0);

  rs_test_write_file (junk, "\x89PNG\r\n\x1a\n not a graph", 20);
  junk_file = g_file_new_for_path (junk);
  _rs_window_import_diagram (window, junk_file);
  g_assert_true (rs_gui_test_wait_until (has_message_dialog, NULL, 20000));
  gtk_window_destroy (GTK_WINDOW (find_message_dialog ()));
  g_assert_cmpuint (n_entities (window), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_no_message_dialog (gpointer user_data)
{
  return find_message_dialog () == NULL;
}

static gboolean
has_n_entities_exactly (gpointer user_data)
{
  RsWindow *window = user_data;

  return window->progress == NULL &&
         n_entities (window) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "expected"));
}

/* A STIX bundle chosen as a case bundle (issue 22): recognised, its summary shown before
 * anything is written, then written with progress as one step of Undo; Cancel writes
 * nothing; a broken bundle says where. */
static void
test_import_stix (void)
{
  RsWindow *window = open_new_case ("window-stix.redstring");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "stix", "bronze-butler.json", NULL);
  g_autofree char *junk = rs_test_temp_path ("junk-stix.json");
  static const char junk_json[] = "{\"type\": \"bundle\", \"objects\": [{\"type\": \"malware\"}]}";
  GtkWidget *dialog, *details;
  const char *body;

  window->progress_delay = 0;
  _rs_window_import_bundle (window, path);
  g_assert_true (rs_gui_test_wait_until (has_message_dialog, NULL, 20000));
  dialog = find_message_dialog ();
  g_assert_cmpstr (gtk_widget_get_name (dialog), ==, "stix-summary");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (body, ==, "bronze-butler.json: 211 STIX objects");
  details = gtk_scrolled_window_get_child (
    GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));
  if (GTK_IS_VIEWPORT (details))
    details = gtk_viewport_get_child (GTK_VIEWPORT (details));
  body = gtk_label_get_label (GTK_LABEL (details));
  g_assert_nonnull (strstr (body, "attack-pattern: 59 added"));
  g_assert_nonnull (strstr (body, "Marking: Copyright 2015-2025, The MITRE Corporation"));
  g_assert_cmpuint (n_entities (window), ==, 0);

  /* Cancel: nothing written. */
  /* A click on a response answers, then closes; so does the test. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (rs_gui_test_wait_until (has_no_message_dialog, NULL, 20000));
  g_assert_cmpuint (n_entities (window), ==, 0);

  _rs_window_import_bundle (window, path);
  g_assert_true (rs_gui_test_wait_until (has_message_dialog, NULL, 20000));
  dialog = find_message_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_set_data (G_OBJECT (window), "expected", GUINT_TO_POINTER (74));
  if (!rs_gui_test_wait_until (has_n_entities_exactly, window, 60000))
    g_error ("%u entities, progress %p, dialog %s", n_entities (window), (void *)window->progress,
             find_message_dialog () ? adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (find_message_dialog ())) : "none");
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_relations (rs_case_store_get_case (window->store))),
                    ==, 135);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  rs_gui_test_iterate (50);
  g_assert_cmpuint (n_entities (window), ==, 0);

  rs_test_write_file (junk, junk_json, sizeof junk_json - 1);
  _rs_window_import_bundle (window, junk);
  g_assert_true (rs_gui_test_wait_until (has_message_dialog, NULL, 20000));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Import the STIX Bundle");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "junk-stix.json: object 1 (a malware) has no id"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_entities (window), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-import/in-background", test_import_in_background);
  g_test_add_func ("/window-import/cancel", test_cancel);
  g_test_add_func ("/window-import/open-in-background", test_open_in_background);
  g_test_add_func ("/window-import/diagram", test_import_diagram);
  g_test_add_func ("/window-import/stix", test_import_stix);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
