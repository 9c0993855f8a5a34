/* test-bundle-async.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-error.h"
#include "rs-test-utils.h"
#include "rs-undo-stack.h"

/* Importing a bundle in the background, as the window does: read in a worker thread,
 * written a slice at a time on the main context, as one undoable change; cancelled or
 * failed, the case is as it was. */

typedef struct
{
  GMainLoop *loop;
  RsChange  *change;
  GError    *error;
  GArray    *progress;      /* doubles, as reported */
  GCancellable *cancel_at_write;
  RsCaseStore  *store;
  gboolean      busy_refused;
} Run;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Run *run = user_data;

  g_array_append_val (run->progress, fraction);

  /* Half-way through writing: other changes wait their turn, and Cancel stops it. */
  if (fraction > 0.1 && fraction < 1.0 && run->store != NULL && !run->busy_refused)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsChange) change = rs_case_edit_create_entity (run->store, RS_ENTITY_KIND_PERSON,
                                                               "Meanwhile", NULL, "", NULL,
                                                               &error);

      g_assert_null (change);
      g_assert_error (error, RS_ERROR, RS_ERROR_BUSY);
      run->busy_refused = TRUE;
      if (run->cancel_at_write != NULL)
        g_cancellable_cancel (run->cancel_at_write);
    }
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  run->change = rs_bundle_import_file_finish (RS_CASE_STORE (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
run_import (Run          *run,
            RsCaseStore  *store,
            const char   *path,
            GCancellable *cancellable)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->progress = g_array_new (FALSE, FALSE, sizeof (double));
  rs_bundle_import_file_async (store, path, "Import the bundle", cancellable, on_progress_cb, run,
                               NULL, on_imported_cb, run);
  g_main_loop_run (run->loop);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_object (&run->change);
  g_clear_error (&run->error);
  g_clear_pointer (&run->progress, g_array_unref);
}

/* A bundle big enough to take many slices: @n people, each linked to the next. */
static char *
write_big_bundle (guint n)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"redstring-case\", \"version\": 1,\n"
                                          " \"case\": {\"title\": \"Big\"},\n \"entities\": [\n");
  g_autofree char *path = rs_test_temp_path ("big.json");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s  {\"id\": \"p%u\", \"kind\": \"person\", \"name\": \"Person %u\"}",
                            i ? ",\n" : "", i, i);
  g_string_append (json, "],\n \"relations\": [\n");
  for (guint i = 0; i + 1 < n; i++)
    g_string_append_printf (json, "%s  {\"id\": \"r%u\", \"source\": \"p%u\", \"target\": \"p%u\", "
                            "\"label\": \"knows\"}", i ? ",\n" : "", i, i, i + 1);
  g_string_append (json, "]}\n");
  rs_test_write_file (path, json->str, json->len);
  return g_steal_pointer (&path);
}

static void
test_import_in_background (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("async.redstring");
  g_autoptr(RsUndoStack) stack = rs_undo_stack_new (store);
  g_autofree char *path = write_big_bundle (1500);
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  RsCase *kase = rs_case_store_get_case (store);
  Run run = { 0 };

  /* As the window does: what the store announces goes on the stack. */
  g_signal_connect_object (store, "change-committed", G_CALLBACK (rs_undo_stack_push), stack,
                           G_CONNECT_SWAPPED);
  empty = rs_bundle_export (kase, &error);
  run.store = store;
  run_import (&run, store, path, NULL);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.change);
  g_assert_cmpstr (rs_change_get_label (run.change), ==, "Import the bundle");
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 1500);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_relations (kase)), ==, 1499);
  g_assert_cmpstr (rs_case_get_title (kase), ==, "Big");

  /* Progress: from 0 to 1, never back, over many slices, and other changes were
   * refused while it ran. */
  g_assert_cmpuint (run.progress->len, >, 3);
  g_assert_cmpfloat (g_array_index (run.progress, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (run.progress, double, run.progress->len - 1), ==, 1.0);
  for (guint i = 1; i < run.progress->len; i++)
    g_assert_cmpfloat (g_array_index (run.progress, double, i), >=,
                       g_array_index (run.progress, double, i - 1));
  g_assert_true (run.busy_refused);

  /* One undoable step, announced once. */
  g_assert_true (rs_undo_stack_get_can_undo (stack));
  g_assert_true (rs_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  after = rs_bundle_export (kase, &error);
  g_assert_true (g_bytes_equal (empty, after));
  g_assert_false (rs_undo_stack_get_can_undo (stack));

  run_clear (&run);
  g_clear_object (&stack);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_cancel_leaves_the_case (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("async-cancel.redstring");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = write_big_bundle (1500);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  RsCase *kase = rs_case_store_get_case (store);
  Run run = { 0 };

  before = rs_bundle_export (kase, &error);
  run.store = store;
  run.cancel_at_write = cancellable;
  run_import (&run, store, path, cancellable);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.change);
  g_assert_true (run.busy_refused);
  after = rs_bundle_export (kase, &error);
  g_assert_true (g_bytes_equal (before, after));

  /* The store is free again. */
  change = rs_case_edit_create_entity (store, RS_ENTITY_KIND_PERSON, "After", NULL, "", NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  run_clear (&run);
}

static void
test_bad_file_says_which (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("async-bad.redstring");
  g_autofree char *path = rs_test_temp_path ("broken.json");
  g_autofree char *missing = rs_test_temp_path ("missing.json");
  const char *broken = "{\"format\": \"redstring-case\", \"version\": 1, "
                       "\"entities\": [{\"id\": \"a\"}";
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  RsCase *kase = rs_case_store_get_case (store);
  Run run = { 0 };

  rs_test_write_file (path, broken, strlen (broken));
  before = rs_bundle_export (kase, &error);

  run_import (&run, store, path, NULL);
  g_assert_error (run.error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (run.error->message, "broken.json"));
  run_clear (&run);

  run_import (&run, store, missing, NULL);
  g_assert_error (run.error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  run_clear (&run);

  after = rs_bundle_export (kase, &error);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

  g_test_add_func ("/bundle-async/import-in-background", test_import_in_background);
  g_test_add_func ("/bundle-async/cancel-leaves-the-case", test_cancel_leaves_the_case);
  g_test_add_func ("/bundle-async/bad-file-says-which", test_bad_file_says_which);

  return g_test_run ();
}
