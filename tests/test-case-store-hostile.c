/* test-case-store-hostile.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rs-case-store-private.h"
#include "rs-db.h"
#include "rs-error.h"
#include "rs-migrations.h"
#include "rs-test-utils.h"

/* Case files come from anyone. For every hostile file below, opening it either
 * refuses it with the right code or reads it safely, and the file and its -wal are
 * byte for byte what they were. Then the ways a case can be lost while it is open:
 * a second store on it, Save As onto an open file, a read-only file, failures that
 * leave stubs behind. */

#define HOLD_CHILD_ENV "RS_TEST_HOLD_CASE"

/* ---- helpers ---------------------------------------------------------------- */



/* Runs sql in WAL mode and leaves it in the -wal: the main file does not have it. */
static void
raw_exec_in_wal (const char *path,
                 const char *sql)
{
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_clear_pointer (&db, sqlite3_close);
  g_unlink (shm);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static GBytes *
read_if_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) ? rs_test_read_file (path) : NULL;
}

static void
assert_same_bytes (GBytes *before,
                   GBytes *after)
{
  if (before == NULL)
    g_assert_null (after);
  else
    g_assert_true (after != NULL && g_bytes_equal (before, after));
}

/* ---- the table -------------------------------------------------------------- */

typedef struct
{
  const char *name;
  void      (*craft) (const char *path);
  int         code;      /* -1: read safely (opened read-only, then closed) */
  int         alt_code;  /* some damage is found as one thing or the other */
} HostileFile;

static void
craft_random (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (61419);
  guint8 data[8192];

  for (gsize i = 0; i < sizeof data; i++)
    data[i] = g_rand_int (rand);
  rs_test_write_file (path, data, sizeof data);
}

static void
craft_random_after_header (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2021);
  guint8 data[3 * 4096];

  for (gsize i = 0; i < sizeof data; i++)
    data[i] = g_rand_int (rand);
  memcpy (data, "SQLite format 3", 16);
  rs_test_write_file (path, data, sizeof data);
}

static void
craft_truncated (const char *path,
                 double      fraction,
                 gsize       extra)
{
  g_autofree char *sample = rs_test_make_sample_file ("whole.redstring");
  g_autoptr(GBytes) whole = rs_test_read_file (sample);
  gsize size = ((gsize)(g_bytes_get_size (whole) * fraction) & ~(gsize)4095) + extra;

  rs_test_write_file (path, g_bytes_get_data (whole, NULL), size);
}

static void craft_truncated_quarter (const char *path) { craft_truncated (path, 0.25, 0); }
static void craft_truncated_three_quarters (const char *path) { craft_truncated (path, 0.75, 0); }
static void craft_truncated_odd (const char *path) { craft_truncated (path, 0.5, 1000); }
static void craft_truncated_header (const char *path) { craft_truncated (path, 0, 100); }

static void
craft_foreign (const char *path)
{
  rs_test_raw_exec (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
}

static void
craft_empty (const char *path)
{
  rs_test_write_file (path, "", 0);
}

static void
craft_sample (const char *path)
{
  g_autofree char *sample = rs_test_make_sample_file ("whole.redstring");

  g_assert_cmpint (g_rename (sample, path), ==, 0);
}

static void
craft_trigger (const char *path)
{
  craft_sample (path);
  rs_test_raw_exec (path, "CREATE TRIGGER wipe AFTER INSERT ON note BEGIN DELETE FROM entity; END");
}

static void
craft_view_as_table (const char *path)
{
  craft_sample (path);
  rs_test_raw_exec (path, "DROP TABLE edge_route;"
                  "CREATE VIEW edge_route (relation_id, points, label_x, label_y) AS "
                  "SELECT id, '0,0 1,1', 0, 0 FROM relation");
}

static void
craft_extra_view (const char *path)
{
  craft_sample (path);
  rs_test_raw_exec (path, "CREATE VIEW names AS SELECT name FROM entity");
}

static void
craft_extra_table (const char *path)
{
  craft_sample (path);
  rs_test_raw_exec (path, "CREATE TABLE extra (x)");
}

static void
craft_extra_index (const char *path)
{
  craft_sample (path);
  rs_test_raw_exec (path, "CREATE INDEX entity_name ON entity (name)");
}

/* REFERENCES and NOT NULL removed by hand, then a dangling id and a NULL body. */
static void
craft_hand_edited (const char *path)
{
  craft_sample (path);
  rs_test_raw_exec (path, "PRAGMA foreign_keys = OFF;"
                  "CREATE TABLE note_x AS SELECT * FROM note; DROP TABLE note;"
                  "ALTER TABLE note_x RENAME TO note;"
                  "INSERT INTO note (id, uid, entity_id, body, author, created, updated) "
                  "VALUES (900, 'n900', 99999, NULL, '', 'x', 'x')");
}

static void
craft_version (const char *path,
               int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  craft_sample (path);
  rs_test_raw_exec (path, sql);
}

static void craft_version_minus_one (const char *path) { craft_version (path, -1); }
static void craft_version_minus_100 (const char *path) { craft_version (path, -100); }
static void craft_version_zero_with_tables (const char *path) { craft_version (path, 0); }
static void craft_version_one_with_later_schema (const char *path) { craft_version (path, 1); }
static void craft_version_newer (const char *path) { craft_version (path, rs_migrations_get_latest () + 1); }
static void craft_version_huge (const char *path) { craft_version (path, G_MAXINT32); }

static void
craft_trigger_in_wal (const char *path)
{
  craft_sample (path);
  raw_exec_in_wal (path, "CREATE TRIGGER wipe AFTER INSERT ON note BEGIN DELETE FROM entity; END");
}

static void
craft_dangling_in_wal (const char *path)
{
  craft_sample (path);
  raw_exec_in_wal (path, "PRAGMA foreign_keys = OFF;"
                         "UPDATE relation SET target_id = 99999 WHERE id = 1");
}

static void
craft_blob_title (const char *path)
{
  craft_sample (path);
  rs_test_raw_exec (path, "UPDATE document SET title = X'FF00' WHERE id = (SELECT min(id) FROM document)");
}

static void
craft_sample_in_wal (const char *path)
{
  craft_sample (path);
  raw_exec_in_wal (path, "UPDATE case_info SET title = 'Edited in the wal'");
}

static const HostileFile hostile_files[] = {
  { "random-bytes", craft_random, RS_ERROR_NOT_A_CASE, RS_ERROR_NOT_A_CASE },
  { "random-after-header", craft_random_after_header, RS_ERROR_NOT_A_CASE, RS_ERROR_CORRUPT_CASE },
  { "truncated-quarter", craft_truncated_quarter, RS_ERROR_CORRUPT_CASE, RS_ERROR_NOT_A_CASE },
  { "truncated-three-quarters", craft_truncated_three_quarters, RS_ERROR_CORRUPT_CASE,
    RS_ERROR_NOT_A_CASE },
  { "truncated-mid-page", craft_truncated_odd, RS_ERROR_CORRUPT_CASE, RS_ERROR_NOT_A_CASE },
  { "truncated-header", craft_truncated_header, RS_ERROR_CORRUPT_CASE, RS_ERROR_NOT_A_CASE },
  { "foreign-database", craft_foreign, RS_ERROR_NOT_A_CASE, RS_ERROR_NOT_A_CASE },
  { "zero-bytes", craft_empty, RS_ERROR_NOT_A_CASE, RS_ERROR_NOT_A_CASE },
  { "trigger", craft_trigger, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "view-named-like-a-table", craft_view_as_table, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "extra-view", craft_extra_view, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "extra-table", craft_extra_table, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "extra-index", craft_extra_index, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "hand-edited-schema", craft_hand_edited, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "version-minus-one", craft_version_minus_one, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "version-minus-100", craft_version_minus_100, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "version-zero-with-tables", craft_version_zero_with_tables, RS_ERROR_CORRUPT_CASE,
    RS_ERROR_CORRUPT_CASE },
  { "version-one-with-later-schema", craft_version_one_with_later_schema, RS_ERROR_CORRUPT_CASE,
    RS_ERROR_CORRUPT_CASE },
  { "version-newer", craft_version_newer, RS_ERROR_UNSUPPORTED_VERSION,
    RS_ERROR_UNSUPPORTED_VERSION },
  { "version-huge", craft_version_huge, RS_ERROR_UNSUPPORTED_VERSION,
    RS_ERROR_UNSUPPORTED_VERSION },
  { "trigger-in-wal", craft_trigger_in_wal, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "dangling-reference-in-wal", craft_dangling_in_wal, RS_ERROR_CORRUPT_CASE,
    RS_ERROR_CORRUPT_CASE },
  { "blob-in-text-column", craft_blob_title, RS_ERROR_CORRUPT_CASE, RS_ERROR_CORRUPT_CASE },
  { "sample-read-only", craft_sample, -1, -1 },
  { "sample-with-wal-read-only", craft_sample_in_wal, -1, -1 },
};

static void
test_hostile_file (gconstpointer data)
{
  const HostileFile *hostile = data;
  g_autofree char *path = rs_test_temp_path ("hostile.redstring");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  rs_test_init_resources ();
  hostile->craft (path);
  before = rs_test_read_file (path);
  wal_before = read_if_exists (wal);

  if (hostile->code == -1)
    {
      store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_true (rs_case_store_is_read_only (store));
      g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (store))),
                        ==, 38);
      if (wal_before != NULL)
        g_assert_cmpstr (rs_case_get_title (rs_case_store_get_case (store)), ==, "Edited in the wal");
      g_clear_object (&store);
    }
  else
    {
      store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
      g_assert_null (store);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (error->domain == RS_ERROR);
      if (error->code != hostile->alt_code)
        g_assert_error (error, RS_ERROR, hostile->code);
      g_assert_nonnull (strstr (error->message, "hostile.redstring"));
    }

  after = rs_test_read_file (path);
  wal_after = read_if_exists (wal);
  assert_same_bytes (before, after);
  assert_same_bytes (wal_before, wal_after);
}

static void
test_schema_message_names_the_trigger (void)
{
  g_autofree char *path = rs_test_temp_path ("trigger.redstring");
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  rs_test_init_resources ();
  craft_trigger (path);
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE);
  g_assert_nonnull (strstr (error->message, "trigger “wipe”"));
}

/* ---- the loader, behind the schema check ------------------------------------- */

typedef struct
{
  const char *name;
  const char *sql;
} LoaderCase;

#define UNCONSTRAIN(table) \
  "PRAGMA foreign_keys = OFF; CREATE TABLE " table "_x AS SELECT * FROM " table ";" \
  "DROP TABLE " table "; ALTER TABLE " table "_x RENAME TO " table ";"

static const LoaderCase loader_cases[] = {
  { "null-note-body",
    UNCONSTRAIN ("note")
    "INSERT INTO note (id, uid, body, author, created, updated) VALUES (900, 'n', NULL, '', 'x', 'x')" },
  { "null-entity-name",
    UNCONSTRAIN ("entity") "UPDATE entity SET name = NULL WHERE id = (SELECT min(id) FROM entity)" },
  { "null-document-title",
    UNCONSTRAIN ("document") "UPDATE document SET title = NULL WHERE id = (SELECT min(id) FROM document)" },
  { "null-case-title",
    UNCONSTRAIN ("case_info") "UPDATE case_info SET title = NULL" },
  { "duplicate-entity-id",
    UNCONSTRAIN ("entity") "INSERT INTO entity SELECT * FROM entity LIMIT 1" },
  { "dangling-relation-target",
    UNCONSTRAIN ("relation") "UPDATE relation SET target_id = 99999 WHERE id = (SELECT min(id) FROM relation)" },
  { "dangling-alias",
    UNCONSTRAIN ("entity_alias") "INSERT INTO entity_alias VALUES (99999, 0, 'ghost')" },
  { "dangling-evidence-quote",
    UNCONSTRAIN ("evidence") "UPDATE evidence SET quote_id = 99999 WHERE id = (SELECT min(id) FROM evidence)" },
  { "dangling-note-target",
    UNCONSTRAIN ("note")
    "INSERT INTO note (id, uid, entity_id, body, author, created, updated) "
    "VALUES (900, 'n', 99999, 'b', '', 'x', 'x')" },
};

static void
test_loader_refuses (gconstpointer data)
{
  const LoaderCase *loader_case = data;
  g_autofree char *path = rs_test_temp_path ("edited.redstring");
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsCaseStore) raw = NULL;
  g_autoptr(GError) error = NULL;

  rs_test_init_resources ();
  craft_sample (path);
  rs_test_raw_exec (path, loader_case->sql);

  /* Through the front door the schema check refuses it... */
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE);
  g_clear_error (&error);

  /* ...and the loader on its own refuses it too, rather than passing it on. */
  raw = g_object_new (RS_TYPE_CASE_STORE, NULL);
  g_assert_cmpint (sqlite3_open_v2 (path, &raw->db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_false (_rs_case_store_load_all (raw, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE);
  g_test_message ("%s", error->message);
}

/* ---- one store per file per process ------------------------------------------- */

static void
test_second_open_refused (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("open.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(RsCaseStore) second = NULL;
  g_autoptr(RsCaseStore) reopened = NULL;
  RsEntity *written;
  g_autoptr(GError) error = NULL;
  g_auto(RsTestRun) info = { 0 };

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  second = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_null (second);
  g_assert_error (error, RS_ERROR, RS_ERROR_ALREADY_OPEN);
  g_clear_error (&error);
  g_assert_true (rs_case_store_find_open (path) == store);

  /* Another process reads it; had our locks been dropped, it would checkpoint and
   * delete the -wal our store still writes to. */
  rs_test_run_argv (&info, (const char * const[]) { rs_test_cli_path (), "info", path, NULL });
  g_assert_cmpint (info.status, ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  written = rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, "Written after the second open");
  g_assert_nonnull (written);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  g_assert_null (rs_case_store_find_open (path));

  reopened = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rs_case_lookup_entity_by_name (rs_case_store_get_case (reopened),
                                                   "Written after the second open"));
}

/* ---- Save As ------------------------------------------------------------------ */

static int
run_hold_child (const char *path)
{
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char line[16];

  rs_test_init_resources ();
  if (!(store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error)))
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);
  /* Holds the case until the parent closes our stdin. */
  while (fgets (line, sizeof line, stdin) != NULL)
    ;
  return 0;
}

static void
test_save_as_onto_open_case (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("mine.redstring");
  g_autoptr(RsCaseStore) other = rs_test_open_new_case ("other.redstring");
  g_autofree char *other_path = g_strdup (rs_case_store_get_path (other));
  g_autofree char *held = rs_test_make_sample_file ("held.redstring");
  g_autofree char *self_path = g_test_build_filename (G_TEST_BUILT, "test-case-store-hostile", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_false (rs_case_store_save_as (store, rs_case_store_get_path (store), &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_ALREADY_OPEN);
  g_clear_error (&error);

  g_assert_false (rs_case_store_save_as (store, other_path, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_ALREADY_OPEN);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (other))),
                    ==, 0);

  /* Open in another process: found by the lock on the -shm's DMS byte. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_subprocess_launcher_setenv (launcher, HOLD_CHILD_ENV, held, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  g_assert_false (rs_case_store_save_as (store, held, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_ALREADY_OPEN);
  g_clear_error (&error);

  g_output_stream_close (g_subprocess_get_stdin_pipe (child), NULL, NULL);
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);

  /* Closed now: Save As may replace it. */
  g_assert_true (rs_case_store_save_as (store, held, &error));
  g_assert_no_error (error);
}

static void
test_save_as_removes_stale_wal (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("mine.redstring");
  g_autoptr(RsCaseStore) copy = NULL;
  g_autofree char *dest = rs_test_temp_path ("dest.redstring");
  g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
  g_autofree char *shm = g_strconcat (dest, "-shm", NULL);
  g_autoptr(GError) error = NULL;

  /* What was at the destination crashed and left its -wal and -shm. */
  rs_test_raw_exec (dest, "CREATE TABLE case_info (id INTEGER PRIMARY KEY, uid, title, description, created);"
                  "INSERT INTO case_info VALUES (1, 'u', 'Stale', '', 'x');");
  raw_exec_in_wal (dest, "UPDATE case_info SET title = 'Stale in the wal';"
                         "CREATE TABLE filler (x); INSERT INTO filler SELECT zeroblob (4000) "
                         "FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4)");
  rs_test_write_file (shm, "stale", 5);

  g_assert_true (rs_case_store_save_as (store, dest, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  copy = rs_case_store_open (dest, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_case_get_title (rs_case_store_get_case (copy)), ==,
                   rs_case_get_title (rs_case_store_get_case (store)));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (copy))),
                    ==, 38);
}

/* ---- read-only cases ----------------------------------------------------------- */

static void
test_read_only_flag (void)
{
  g_autofree char *path = rs_test_make_sample_file ("ro.redstring");
  g_autofree char *copy_path = rs_test_temp_path ("ro-copy.redstring");
  g_autoptr(GBytes) before = rs_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autoptr(GError) error = NULL;
  RsEntity *entity;

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (rs_case_store_is_read_only (store));

  rs_entity_set_kind (draft, RS_ENTITY_KIND_PERSON);
  rs_entity_set_name (draft, "Nobody");
  g_assert_null (rs_case_store_add_entity (store, draft, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "ro.redstring"));
  g_clear_error (&error);

  g_assert_false (rs_case_store_set_info (store, "T", "D", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (rs_case_store_begin_batch (store, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_READ_ONLY);
  g_clear_error (&error);

  entity = g_list_model_get_item (rs_case_get_entities (rs_case_store_get_case (store)), 0);
  g_assert_false (rs_case_store_delete_entity (store, rs_entity_get_id (entity), &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_object_unref (entity);

  /* Reading out of it still works. */
  g_assert_true (rs_case_store_save_as (store, copy_path, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  after = rs_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* info, export and import as a user who may read the case but not write it or its
 * folder. Root ignores file modes, so as root the commands run as nobody. */
static void
test_read_only_folder_cli (void)
{
  g_autofree char *sample = rs_test_make_sample_file ("sample.redstring");
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  g_autofree char *top = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) prefix = g_ptr_array_new ();
  gboolean as_root = geteuid () == 0;
  g_auto(RsTestRun) info = { 0 };
  g_auto(RsTestRun) exported = { 0 };
  g_auto(RsTestRun) imported = { 0 };

  if (as_root && setpriv == NULL)
    {
      g_test_skip ("setpriv is needed to run the CLI as nobody");
      return;
    }

  top = g_dir_make_tmp ("redstring-ro-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (top, 0755), ==, 0);

  /* nobody must be able to reach the folder. */
  for (g_autofree char *p = g_path_get_dirname (top); ; )
    {
      GStatBuf st;
      char *parent;

      if (g_stat (p, &st) != 0 || !(st.st_mode & S_IXOTH))
        {
          g_autofree char *reason = g_strdup_printf ("%s is not traversable by other users", p);

          g_rmdir (top);
          g_test_skip (reason);
          return;
        }
      if (g_str_equal (p, "/"))
        break;
      parent = g_path_get_dirname (p);
      g_free (p);
      p = parent;
    }

  /* A case closed by Redstring is in WAL mode without -wal or -shm: the hard case. */
  dir = g_build_filename (top, "cases", NULL);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  path = g_build_filename (dir, "locked.redstring", NULL);
  {
    g_autoptr(RsCaseStore) store = NULL;

    g_assert_cmpint (g_rename (sample, path), ==, 0);
    store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
    g_assert_no_error (error);
  }
  bundle = g_build_filename (top, "bundle.json", NULL);
  rs_test_write_file (bundle, "{\"format\": \"redstring-case\", \"version\": 1}", 42);
  g_assert_cmpint (g_chmod (bundle, 0644), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  if (as_root)
    {
      g_ptr_array_add (prefix, setpriv);
      g_ptr_array_add (prefix, (gpointer)"--reuid=65534");
      g_ptr_array_add (prefix, (gpointer)"--regid=65534");
      g_ptr_array_add (prefix, (gpointer)"--clear-groups");
    }
  g_ptr_array_add (prefix, (gpointer)rs_test_cli_path ());

#define RUN(run, ...)                                                               \
  G_STMT_START {                                                                    \
    g_autoptr(GPtrArray) argv = g_ptr_array_new ();                                 \
    const char *rest[] = { __VA_ARGS__, NULL };                                     \
    for (guint i = 0; i < prefix->len; i++)                                         \
      g_ptr_array_add (argv, prefix->pdata[i]);                                     \
    for (guint i = 0; rest[i] != NULL; i++)                                         \
      g_ptr_array_add (argv, (gpointer)rest[i]);                                    \
    g_ptr_array_add (argv, NULL);                                                   \
    rs_test_run_argv (run, (const char * const *)argv->pdata);                              \
  } G_STMT_END

  RUN (&info, "info", path);
  RUN (&exported, "export", path, "-o", "-");
  RUN (&imported, "import", bundle, path);
#undef RUN

  g_chmod (dir, 0755);
  g_chmod (path, 0644);

  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "entities   38"));
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_nonnull (strstr (exported.out, "\"redstring-case\""));
  g_assert_cmpint (imported.status, ==, 1);
  g_assert_nonnull (strstr (imported.err, "locked.redstring"));
  g_assert_nonnull (strstr (imported.err, "read-only"));

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", top);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
}

/* ---- failures leave nothing behind ---------------------------------------------- */

static void
assert_nothing_at (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", file);
    }
}

static void
test_new_on_full_disk (void)
{
  g_autofree char *path = rs_test_temp_path ("full.redstring");
  g_autofree char *prlimit = g_find_program_in_path ("prlimit");
  g_auto(RsTestRun) limited = { 0 };
  g_auto(RsTestRun) retry = { 0 };

  if (prlimit == NULL)
    {
      g_test_skip ("prlimit is needed to simulate a full disk");
      return;
    }

  /* A file size limit below what a new case needs; SIGXFSZ ignored, so writes fail
   * with EFBIG as they would with ENOSPC. */
  rs_test_run_argv (&limited, (const char * const[]) {
              "/bin/sh", "-c", "trap '' XFSZ; exec \"$0\" --fsize=40000 \"$@\"",
              prlimit, rs_test_cli_path (), "new", path, NULL });
  g_assert_cmpint (limited.status, ==, 1);
  g_assert_nonnull (strstr (limited.err, "full.redstring"));
  g_assert_true (strstr (limited.err, "full") != NULL || strstr (limited.err, "limit") != NULL);
  g_assert_null (strstr (limited.err, "upgrade"));
  assert_nothing_at (path);

  rs_test_run_argv (&retry, (const char * const[]) { rs_test_cli_path (), "new", path, NULL });
  g_assert_cmpint (retry.status, ==, 0);
}

static void
test_import_into_dangling_link (void)
{
  g_autofree char *link = rs_test_temp_path ("link.redstring");
  g_autofree char *target = rs_test_temp_path ("target.redstring");
  g_autofree char *bundle = rs_test_temp_path ("bad.json");
  const char bad[] = "{\"format\": \"redstring-case\", \"version\": 1, "
                     "\"relations\": [{\"id\": \"r\", \"source\": \"a\", \"target\": \"b\"}]}";
  g_auto(RsTestRun) imported = { 0 };

  rs_test_write_file (bundle, bad, sizeof bad - 1);
  g_assert_cmpint (symlink (target, link), ==, 0);

  rs_test_run_argv (&imported, (const char * const[]) { rs_test_cli_path (), "import", bundle, link, NULL });
  g_assert_cmpint (imported.status, ==, 1);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_nothing_at (target);
}

static void
test_new_force_keeps_link (void)
{
  g_autofree char *link = rs_test_temp_path ("link.redstring");
  g_autofree char *target = rs_test_make_sample_file ("target.redstring");
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RsTestRun) created = { 0 };

  g_assert_cmpint (symlink (target, link), ==, 0);
  rs_test_run_argv (&created, (const char * const[]) { rs_test_cli_path (), "new", "--force", link, NULL });
  g_assert_cmpint (created.status, ==, 0);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  store = rs_case_store_open (target, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (store))),
                    ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *held = g_getenv (HOLD_CHILD_ENV);

  if (held != NULL)
    return run_hold_child (held);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/case-store/hostile/file/%s", hostile_files[i].name);

      g_test_add_data_func (name, &hostile_files[i], test_hostile_file);
    }
  for (guint i = 0; i < G_N_ELEMENTS (loader_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/case-store/hostile/loader/%s", loader_cases[i].name);

      g_test_add_data_func (name, &loader_cases[i], test_loader_refuses);
    }
  g_test_add_func ("/case-store/hostile/schema-message-names-the-trigger",
                   test_schema_message_names_the_trigger);
  g_test_add_func ("/case-store/hostile/second-open-refused", test_second_open_refused);
  g_test_add_func ("/case-store/hostile/save-as-onto-open-case", test_save_as_onto_open_case);
  g_test_add_func ("/case-store/hostile/save-as-removes-stale-wal", test_save_as_removes_stale_wal);
  g_test_add_func ("/case-store/hostile/read-only-flag", test_read_only_flag);
  g_test_add_func ("/case-store/hostile/read-only-folder-cli", test_read_only_folder_cli);
  g_test_add_func ("/case-store/hostile/new-on-full-disk", test_new_on_full_disk);
  g_test_add_func ("/case-store/hostile/import-into-dangling-link", test_import_into_dangling_link);
  g_test_add_func ("/case-store/hostile/new-force-keeps-link", test_new_force_keeps_link);

  return g_test_run ();
}
