/* test-case-store-corrupt.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rs-case-store.h"
#include "rs-db.h"
#include "rs-error.h"
#include "rs-test-utils.h"

/* Case files come from colleagues: whatever is wrong with one, opening it gives a
 * GError that names the problem, and the file is left exactly as it was. */



static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = rs_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, RS_ERROR, code);
  g_assert_nonnull (error->message);
  g_test_message ("%s", error->message);

  after = rs_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_sqlite (void)
{
  g_autofree char *path = rs_test_temp_path ("notes.redstring");
  const char text[] = "Tick, PLA, Unit 61419 — just a text file\n";

  rs_test_init_resources ();
  rs_test_write_file (path, text, sizeof text - 1);
  assert_refused (path, RS_ERROR_NOT_A_CASE);
}

static void
test_empty_file (void)
{
  g_autofree char *path = rs_test_temp_path ("empty.redstring");

  rs_test_init_resources ();
  rs_test_write_file (path, "", 0);
  assert_refused (path, RS_ERROR_NOT_A_CASE);
}

static void
test_other_database (void)
{
  g_autofree char *path = rs_test_temp_path ("other.sqlite");

  rs_test_init_resources ();
  rs_test_raw_exec (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused (path, RS_ERROR_NOT_A_CASE);
}

static void
test_truncated (void)
{
  g_autofree char *path = rs_test_make_sample_file ("truncated.redstring");
  g_autoptr(GBytes) whole = rs_test_read_file (path);
  gsize size = g_bytes_get_size (whole);

  /* Half of it, cut on a page boundary as a broken copy would be. */
  rs_test_write_file (path, g_bytes_get_data (whole, NULL), (size / 2) & ~(gsize)4095);
  assert_refused (path, RS_ERROR_CORRUPT_CASE);
}

static void
test_corrupted_pages (void)
{
  g_autofree char *path = rs_test_make_sample_file ("corrupted.redstring");
  g_autoptr(GBytes) whole = rs_test_read_file (path);
  gsize size = g_bytes_get_size (whole);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (whole, NULL), size);

  g_assert_cmpuint (size, >, 4 * 4096);
  /* Scribble over the b-tree pages after the first (the schema page stays readable). */
  for (gsize i = 4096; i < size; i += 4096)
    memset (data + i, 0xA5, 64);
  rs_test_write_file (path, data, size);
  assert_refused (path, RS_ERROR_CORRUPT_CASE);
}

static void
test_newer_schema (void)
{
  g_autofree char *path = rs_test_make_sample_file ("future.redstring");

  rs_test_raw_exec (path, "PRAGMA user_version = 99");
  assert_refused (path, RS_ERROR_UNSUPPORTED_VERSION);
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *path = rs_test_make_sample_file ("bad-utf8.redstring");

  rs_test_raw_exec (path, "UPDATE entity SET name = CAST (X'54FFFE6B' AS TEXT) WHERE uid = 'tick'");
  assert_refused (path, RS_ERROR_CORRUPT_CASE);
}

static void
test_quote_outside_document (void)
{
  g_autofree char *path = rs_test_make_sample_file ("bad-span.redstring");

  rs_test_raw_exec (path, "UPDATE quote SET end_offset = 1000000 WHERE id = 1");
  assert_refused (path, RS_ERROR_CORRUPT_CASE);
}

static void
test_broken_reference (void)
{
  g_autofree char *path = rs_test_make_sample_file ("dangling.redstring");

  /* Written with foreign keys off, as a hand-edited or hostile file could be. */
  rs_test_raw_exec (path, "PRAGMA foreign_keys = OFF; UPDATE relation SET target_id = 99999 WHERE id = 1");
  assert_refused (path, RS_ERROR_CORRUPT_CASE);
}

static void
test_missing_file (void)
{
  g_autofree char *path = rs_test_temp_path ("nowhere.redstring");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = NULL;

  rs_test_init_resources ();
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case-store/corrupt/not-sqlite", test_not_sqlite);
  g_test_add_func ("/case-store/corrupt/empty-file", test_empty_file);
  g_test_add_func ("/case-store/corrupt/other-database", test_other_database);
  g_test_add_func ("/case-store/corrupt/truncated", test_truncated);
  g_test_add_func ("/case-store/corrupt/corrupted-pages", test_corrupted_pages);
  g_test_add_func ("/case-store/corrupt/newer-schema", test_newer_schema);
  g_test_add_func ("/case-store/corrupt/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/case-store/corrupt/quote-outside-document", test_quote_outside_document);
  g_test_add_func ("/case-store/corrupt/broken-reference", test_broken_reference);
  g_test_add_func ("/case-store/corrupt/missing-file", test_missing_file);

  return g_test_run ();
}
