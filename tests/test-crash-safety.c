/* test-crash-safety.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <gio/gio.h>

#include "rs-case-store.h"
#include "rs-db.h"
#include "rs-test-utils.h"

/* A child process makes a burst of edits and prints each one the store has
 * acknowledged; it is killed with SIGKILL mid-burst. The case must then pass
 * integrity_check and hold every acknowledged edit. */

#define CHILD_ENV "RS_TEST_CRASH_CHILD"
#define ACKNOWLEDGED_BEFORE_KILL 150

static int
run_child (const char *path)
{
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  rs_test_init_resources ();
  if (!(store = rs_case_store_open (path, RS_CASE_STORE_OPEN_CREATE, &error)))
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; ; i++)
    {
      g_autoptr(RsEntity) draft = rs_entity_new (0);
      g_autofree char *name = g_strdup_printf ("entity %u", i);
      RsEntity *entity;
      RsNodePlacement placement;

      rs_entity_set_name (draft, name);
      rs_entity_set_kind (draft, RS_ENTITY_KIND_PERSON);
      if (!(entity = rs_case_store_add_entity (store, draft, &error)))
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
      placement = (RsNodePlacement) { rs_entity_get_id (entity), i, -1.0 * i, i % 2 };
      if (!rs_case_store_set_board (store, &placement, 1, NULL, 0, &error))
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
      /* Only now is the edit acknowledged. */
      printf ("%s\n", name);
      fflush (stdout);
    }
  return 0;
}

static void
test_sigkill_keeps_acknowledged_edits (void)
{
  g_autofree char *path = rs_test_temp_path ("crash.redstring");
  g_autofree char *self_path = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GPtrArray) acknowledged = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *line;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, CHILD_ENV, path, TRUE);
  /* Not /proc/self/exe: under valgrind that is valgrind itself. */
  self_path = g_test_build_filename (G_TEST_BUILT, "test-crash-safety", NULL);
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while (acknowledged->len < ACKNOWLEDGED_BEFORE_KILL &&
         (line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    g_ptr_array_add (acknowledged, line);
  g_assert_no_error (error);
  g_assert_cmpuint (acknowledged->len, ==, ACKNOWLEDGED_BEFORE_KILL);

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The file (with its WAL, as the crash left it) is whole... */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  stmt = rs_db_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&db, sqlite3_close);

  /* ...and holds every acknowledged edit, position included. */
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < acknowledged->len; i++)
    {
      RsEntity *entity = rs_case_lookup_entity_by_name (rs_case_store_get_case (store),
                                                        g_ptr_array_index (acknowledged, i));

      g_assert_nonnull (entity);
      g_assert_true (rs_entity_get_has_position (entity));
      g_assert_cmpfloat (rs_entity_get_x (entity), ==, i);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *child_path = g_getenv (CHILD_ENV);

  if (child_path != NULL)
    return run_child (child_path);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case-store/crash/sigkill-keeps-acknowledged-edits",
                   test_sigkill_keeps_acknowledged_edits);

  return g_test_run ();
}
