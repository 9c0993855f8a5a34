/* test-cli-export.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "rs-case-store.h"
#include "rs-test-utils.h"

/* redstring-cli layout and export, run as a program: exit status, messages, the files
 * written or left alone, and the case file before and after. */

typedef struct
{
  int     status;
  GBytes *out;   /* binary: -o - may write a PNG */
  char   *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs redstring-cli with the arguments, NULL-terminated. */
static void
run_cli (CliRun *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer)rs_test_cli_path ());
  va_start (args, run);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &run->out, &err, &error);
  g_assert_no_error (error);
  run->err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_test_message ("%s → %d: %s", (const char *)argv->pdata[1], run->status, run->err);
}

static char *
dup_out (CliRun *run)
{
  return g_strndup (g_bytes_get_data (run->out, NULL), g_bytes_get_size (run->out));
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GBytes) bytes = rs_test_read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* How many entities of the case at path have a position, as the file says. */
static guint
count_placed (const char *path,
              guint      *n_entities)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  GListModel *entities;
  guint n = 0;

  g_assert_no_error (error);
  entities = rs_case_get_entities (rs_case_store_get_case (store));
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      n += rs_entity_get_has_position (entity);
    }
  if (n_entities != NULL)
    *n_entities = g_list_model_get_n_items (entities);
  return n;
}

/* A case without positions, as a bundle imported without them. */
static char *
make_unplaced_case (const char *name)
{
  char *path = rs_test_temp_path (name);
  g_auto(CliRun) made = { 0 };
  guint n_entities = 0;

  run_cli (&made, "generate", "--entities", "30", "--no-positions", "--force", path, NULL);
  g_assert_cmpint (made.status, ==, 0);
  g_assert_cmpuint (count_placed (path, &n_entities), ==, 0);
  g_assert_cmpuint (n_entities, ==, 30);
  return path;
}

/* layout writes the positions; a second layout has nothing to do; --all moves them. */
static void
test_layout (void)
{
  g_autofree char *path = make_unplaced_case ("layout.redstring");
  g_autofree char *out = NULL;
  g_auto(CliRun) first = { 0 };
  g_auto(CliRun) second = { 0 };
  g_auto(CliRun) all = { 0 };

  run_cli (&first, "layout", "--engine", "neato", path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  out = dup_out (&first);
  g_assert_nonnull (strstr (out, "Placed 30 entities of 30 (neato)"));
  g_assert_cmpuint (count_placed (path, NULL), ==, 30);

  run_cli (&second, "layout", path, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = dup_out (&second);
  g_assert_nonnull (strstr (out, "Nothing to lay out"));

  run_cli (&all, "layout", "--all", "--engine", "circo", path, NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = dup_out (&all);
  g_assert_nonnull (strstr (out, "Placed 30 entities of 30 (circo)"));
}

/* 2: the command line was wrong; 1: the operation failed. Nothing written either way. */
static void
test_layout_errors (void)
{
  g_autofree char *path = make_unplaced_case ("layout-errors.redstring");
  g_autofree char *missing = rs_test_temp_path ("no-such.redstring");
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_auto(CliRun) engine = { 0 };
  g_auto(CliRun) no_case = { 0 };
  g_auto(CliRun) two_cases = { 0 };
  g_auto(CliRun) absent = { 0 };

  run_cli (&engine, "layout", "--engine", "spring", path, NULL);
  g_assert_cmpint (engine.status, ==, 2);
  g_assert_nonnull (strstr (engine.err, "unknown engine “spring”"));

  run_cli (&no_case, "layout", NULL);
  g_assert_cmpint (no_case.status, ==, 2);
  run_cli (&two_cases, "layout", path, path, NULL);
  g_assert_cmpint (two_cases.status, ==, 2);

  run_cli (&absent, "layout", missing, NULL);
  g_assert_cmpint (absent.status, ==, 1);
  g_assert_nonnull (strstr (absent.err, "no-such.redstring"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_placed (path, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/layout", test_layout);
  g_test_add_func ("/cli/layout-errors", test_layout_errors);

  return g_test_run ();
}
