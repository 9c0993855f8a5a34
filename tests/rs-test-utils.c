/* rs-test-utils.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <sqlite3.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rs-bundle.h"
#include "rs-core.h"
#include "rs-test-utils.h"

void
rs_test_init_resources (void)
{
  rs_core_init ();
}

/* Tests run with G_TEST_OPTION_ISOLATE_DIRS: the user data dir is a fresh temp dir. */
char *
rs_test_temp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

RsCaseStore *
rs_test_open_new_case (const char *name)
{
  g_autofree char *path = rs_test_temp_path (name);
  g_autoptr(GError) error = NULL;
  RsCaseStore *store;

  rs_test_init_resources ();
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

RsCaseStore *
rs_test_open_sample_case (const char *name)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_bundle_import_sample (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

GBytes *
rs_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

void
rs_test_write_file (const char *path,
                    const void *data,
                    gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

RsEntity *
rs_test_add_entity (RsCaseStore  *store,
                    RsEntityKind  kind,
                    const char   *name)
{
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autoptr(GError) error = NULL;
  RsEntity *entity;

  rs_entity_set_kind (draft, kind);
  rs_entity_set_name (draft, name);
  entity = rs_case_store_add_entity (store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entity);
  return entity;
}

/* The case at PATH as another process would read it now, opened from a copy: this
 * process may hold only one store per file (a second would drop SQLite's locks).
 * The copy is taken through SQLite, which shares its locks between connections. */
RsCaseStore *
rs_test_open_snapshot (const char *path)
{
  static guint n_snapshots;
  g_autofree char *name = g_strdup_printf ("snapshot-%u.redstring", n_snapshots++);
  g_autofree char *copy = rs_test_temp_path (name);
  g_autoptr(GError) error = NULL;
  sqlite3 *source = NULL, *dest = NULL;
  sqlite3_backup *backup;
  RsCaseStore *store;

  g_assert_cmpint (sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open_v2 (copy, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  backup = sqlite3_backup_init (dest, "main", source, "main");
  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_backup_step (backup, -1), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_backup_finish (backup), ==, SQLITE_OK);
  sqlite3_close (dest);
  sqlite3_close (source);

  store = rs_case_store_open (copy, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  return store;
}

void
rs_test_run_clear (RsTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
rs_test_run_argv (RsTestRun          *run,
                  const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_test_message ("%s → %d: %s", argv[1] ? argv[1] : argv[0], run->status, run->err);
}

/* redstring-cli as built (tests/meson.build sets REDSTRING_CLI). */
const char *
rs_test_cli_path (void)
{
  const char *cli = g_getenv ("REDSTRING_CLI");

  g_assert_nonnull (cli);
  return cli;
}

static char *sample_template_dir;

static void
remove_sample_template (void)
{
  if (sample_template_dir != NULL)
    {
      g_autofree char *path = g_build_filename (sample_template_dir, "sample.redstring", NULL);

      rs_case_store_remove_case_file (path, NULL);
      g_rmdir (sample_template_dir);
    }
}

/* A self-contained sample case file (no -wal beside it) at NAME in the temp dir,
 * closed: for tests that damage or inspect the file itself. */
char *
rs_test_make_sample_file (const char *name)
{
  /* Made once per test program and copied: importing the sample is what costs,
   * ten times more under the sanitizers. The copy lives outside the isolated
   * dirs, which each test case gets afresh. */
  g_autofree char *template_path = NULL;
  g_autofree char *path = rs_test_temp_path (name);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;

  if (sample_template_dir == NULL)
    {
      sample_template_dir = g_dir_make_tmp ("redstring-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_sample_template);
    }
  template_path = g_build_filename (sample_template_dir, "sample.redstring", NULL);
  if (!g_file_test (template_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("source.redstring");

      g_assert_true (rs_case_store_save_as (store, template_path, &error));
      g_assert_no_error (error);
    }

  source = g_file_new_for_path (template_path);
  dest = g_file_new_for_path (path);
  g_assert_true (g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Runs SQL on the file through a plain SQLite connection: a hand-edited case. */
void
rs_test_raw_exec (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The sample case at ~/Cases/NAME (the isolated home): for screenshots, whose
 * window subtitle then reads like a user's ("~/Cases/tick-2021.redstring"). */
RsCaseStore *
rs_test_open_sample_case_in_home (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_home_dir (), "Cases", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  rs_test_init_resources ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (rs_bundle_import_sample (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* Two bundles are the same, or the first line that differs is shown with some context
 * (whole bundles are long) and the test fails there. */
void
rs_test_assert_same_bundle (GBytes *a,
                            GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_autofree char *sa = g_strndup (g_bytes_get_data (a, NULL), g_bytes_get_size (a));
      g_autofree char *sb = g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));
      g_auto(GStrv) la = g_strsplit (sa, "\n", -1);
      g_auto(GStrv) lb = g_strsplit (sb, "\n", -1);
      guint i;

      for (i = 0; la[i] != NULL && lb[i] != NULL && g_str_equal (la[i], lb[i]); i++)
        ;
      for (guint j = i >= 8 ? i - 8 : 0; j < i + 8; j++)
        {
          if (j < g_strv_length (la))
            g_test_message ("- %u: %.200s", j, la[j]);
          if (j < g_strv_length (lb))
            g_test_message ("+ %u: %.200s", j, lb[j]);
        }
      g_assert_cmpstr (la[i], ==, lb[i]);
    }
}

/* The live model's bundle, checked against the file's as another opening reads it. */
GBytes *
rs_test_export_checked (RsCaseStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) live = rs_bundle_export (rs_case_store_get_case (store), &error);
  g_autoptr(GBytes) file = NULL;
  RsCaseStore *snapshot;

  g_assert_no_error (error);
  snapshot = rs_test_open_snapshot (rs_case_store_get_path (store));
  file = rs_bundle_export (rs_case_store_get_case (snapshot), &error);
  g_assert_no_error (error);
  g_assert_finalize_object (snapshot);

  rs_test_assert_same_bundle (live, file);
  return g_steal_pointer (&live);
}

/* A laid-out board of @n entities on a jittered grid, linked to neighbours with a few
 * hubs (1.5 relations per entity), for the board benchmarks; names "Entity N" and
 * @name_suffix; with @all_statuses the relations cycle through the five statuses,
 * else all are alleged. Returns the id of an entity in the middle. */
gint64
rs_test_make_grid_board (RsCaseStore *store,
                         guint        n,
                         const char  *name_suffix,
                         gboolean     all_statuses)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GError) error = NULL;
  guint side = (guint)ceil (sqrt (n));
  g_autofree gint64 *ids = g_new (gint64, n);

  g_assert_true (rs_case_store_begin_batch (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsEntity) draft = rs_entity_new (0);
      g_autofree char *name = g_strdup_printf ("Entity %u%s", i, name_suffix);
      RsEntity *entity;

      rs_entity_set_kind (draft, i % 7);
      rs_entity_set_name (draft, name);
      rs_entity_set_has_position (draft, TRUE);
      rs_entity_set_x (draft, (i % side) * 180.0 + g_rand_double_range (rand, -20, 20));
      rs_entity_set_y (draft, (i / side) * 110.0 + g_rand_double_range (rand, -15, 15));
      entity = rs_case_store_add_entity (store, draft, &error);
      g_assert_no_error (error);
      ids[i] = rs_entity_get_id (entity);
    }
  for (guint i = 0; i < n * 3 / 2; i++)
    {
      g_autoptr(RsRelation) draft = rs_relation_new (0);
      guint a = (guint)g_rand_int_range (rand, 0, n);
      guint steps[3] = { 1, side, side + 1 };
      guint step = steps[g_rand_int_range (rand, 0, 3)];
      gboolean to_hub = g_rand_int_range (rand, 0, 20) == 0;
      /* Laid-out boards link neighbours, and a few hubs from anywhere. */
      guint b = to_hub ? (guint)g_rand_int_range (rand, 0, MAX (3, n / 200)) : MIN (n - 1, a + step);

      if (a == b)
        continue;
      rs_relation_set_source_id (draft, ids[a]);
      rs_relation_set_target_id (draft, ids[b]);
      rs_relation_set_label (draft, i % 4 == 0 ? "paid" : "");
      if (all_statuses)
        rs_relation_set_status (draft, RS_RELATION_STATUS_ALLEGED + i % 5);
      if (rs_case_store_add_relation (store, draft, &error) == NULL)
        g_error ("relation %u: %u→%u: %s", i, a, b, error->message);
    }
  g_assert_true (rs_case_store_commit_batch (store, &error));
  return ids[n / 2];
}
