/* test-case-store-sync.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include <gio/gio.h>

#include "rs-case-store.h"
#include "rs-error.h"
#include "rs-test-utils.h"

/* Two programs on one case. "The other program" is a second SQLite connection on
 * the file (SQLite locks between connections exactly as between processes), or the
 * real redstring-cli. What must hold: another program's edits reach the open case;
 * a note edited on both sides keeps both versions; a write never waits for another
 * program's lock on the calling thread when the app says so, and a note save waits
 * in its worker, says so, and lands when the lock is free. */

typedef struct
{
  char        *path;
  RsCaseStore *store;
  sqlite3     *other;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("sync.redstring");
  fixture->path = g_strdup (rs_case_store_get_path (fixture->store));
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &fixture->other, SQLITE_OPEN_READWRITE, NULL),
                   ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  sqlite3_close (fixture->other);
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

static void
other_exec (Fixture    *fixture,
            const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (fixture->other, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("other program: %s: %s", sql, message);
}

static char *
other_note_body (Fixture *fixture,
                 gint64   id)
{
  sqlite3_stmt *stmt = NULL;
  char *body = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->other, "SELECT body FROM note WHERE id = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    body = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return body;
}

static RsNote *
add_case_note (RsCaseStore *store,
               const char  *body)
{
  g_autoptr(RsNote) draft = rs_note_new (0);
  g_autoptr(GError) error = NULL;
  RsNote *note;

  rs_note_set_body (draft, body);
  rs_note_set_author (draft, "A");
  note = rs_case_store_add_note (store, draft, &error);
  g_assert_no_error (error);
  return note;
}

static RsNote *
draft_of (RsNote     *note,
          const char *body)
{
  RsNote *draft = rs_note_new (rs_note_get_id (note));

  rs_note_set_target (draft, rs_note_get_target (note));
  rs_note_set_target_id (draft, rs_note_get_target_id (note));
  rs_note_set_author (draft, "A");
  rs_note_set_body (draft, body);
  return draft;
}

static void
test_merge_bodies (void)
{
  static const struct {
    const char *base, *theirs, *ours, *expected;
  } cases[] = {
    /* Only one side changed: that side. */
    { "a", "a", "a b", "a b" },
    { "a", "a c", "a", "a c" },
    /* Both the same: once. */
    { "a", "a b", "a b", "a b" },
    /* Both appended: both additions, theirs first. */
    { "Tick.", "Tick.\nA: JAXA.", "Tick.\nB: PLA.", "Tick.\nA: JAXA.\nB: PLA." },
    { "Tick.", "Tick. A", "Tick. B", "Tick. A\n B" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *merged = rs_note_merge_bodies (cases[i].base, cases[i].theirs, cases[i].ours);

      g_assert_cmpstr (merged, ==, cases[i].expected);
    }

  /* Rewritten on both sides: both versions, whole. */
  {
    g_autofree char *merged = rs_note_merge_bodies ("old", "their rewrite", "our rewrite");

    g_assert_nonnull (strstr (merged, "their rewrite"));
    g_assert_nonnull (strstr (merged, "our rewrite"));
  }
}

/* Another program's commit is seen and the case is read again. */
static void
test_reload_on_other_commit (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  RsCase *before = rs_case_store_get_case (fixture->store);
  guint n_entities = g_list_model_get_n_items (rs_case_get_entities (before));
  gboolean reloaded = TRUE;
  guint n_reloaded = 0;

  g_signal_connect_swapped (fixture->store, "reloaded", G_CALLBACK (g_nullify_pointer), &before);

  /* Nothing changed: nothing reloaded. Our own writes do not count either. */
  g_assert_true (rs_case_store_check_for_changes (fixture->store, &reloaded, &error));
  g_assert_no_error (error);
  g_assert_false (reloaded);
  add_case_note (fixture->store, "ours");
  g_assert_true (rs_case_store_check_for_changes (fixture->store, &reloaded, &error));
  g_assert_false (reloaded);

  other_exec (fixture, "UPDATE entity SET name = 'Tick (renamed elsewhere)' WHERE name = 'Tick'");
  other_exec (fixture, "INSERT INTO entity (uid, kind, name, description) "
                       "VALUES ('x-1', 'person', 'Added elsewhere', '')");

  g_assert_true (rs_case_store_check_for_changes (fixture->store, &reloaded, &error));
  g_assert_no_error (error);
  g_assert_true (reloaded);
  g_assert_null (before);   /* "reloaded" was emitted */
  n_reloaded = g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (fixture->store)));
  g_assert_cmpuint (n_reloaded, ==, n_entities + 1);
  g_assert_nonnull (rs_case_lookup_entity_by_name (rs_case_store_get_case (fixture->store),
                                                   "Tick (renamed elsewhere)"));
  g_assert_nonnull (rs_case_lookup_entity_by_name (rs_case_store_get_case (fixture->store),
                                                   "Added elsewhere"));

  g_assert_true (rs_case_store_check_for_changes (fixture->store, &reloaded, &error));
  g_assert_false (reloaded);
}

/* A appends to the note; B, holding the old text, appends too: both stay. */
static void
test_note_edited_on_both_sides (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsNote) draft = NULL;
  g_autofree char *on_disk = NULL;
  RsNote *note = add_case_note (fixture->store, "Tick is PLA.");
  gint64 id = rs_note_get_id (note);
  g_autofree char *sql = g_strdup_printf ("UPDATE note SET body = 'Tick is PLA.\nA: JAXA too.' "
                                          "WHERE id = %" G_GINT64_FORMAT, id);
  gboolean merged = FALSE;
  RsNote *saved;

  other_exec (fixture, sql);

  draft = draft_of (note, "Tick is PLA.\nB: denied by China.");
  saved = rs_case_store_save_note (fixture->store, draft, "Tick is PLA.", &merged, &error);
  g_assert_no_error (error);
  g_assert_true (merged);
  g_assert_true (saved == rs_case_lookup_note (rs_case_store_get_case (fixture->store), id));
  g_assert_cmpstr (rs_note_get_body (saved), ==, "Tick is PLA.\nA: JAXA too.\nB: denied by China.");

  on_disk = other_note_body (fixture, id);
  g_assert_cmpstr (on_disk, ==, rs_note_get_body (saved));

  /* Saved over what is on disk now: no merge. */
  g_clear_object (&draft);
  draft = draft_of (saved, "short");
  merged = TRUE;
  g_assert_nonnull (rs_case_store_save_note (fixture->store, draft, on_disk, &merged, &error));
  g_assert_false (merged);
}

/* The note was deleted elsewhere while being edited here: the text is kept. */
static void
test_note_deleted_elsewhere (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsNote) draft = NULL;
  RsNote *note = add_case_note (fixture->store, "keep me");
  g_autofree char *sql = g_strdup_printf ("DELETE FROM note WHERE id = %" G_GINT64_FORMAT,
                                          rs_note_get_id (note));
  RsNote *saved;

  other_exec (fixture, sql);
  draft = draft_of (note, "keep me, edited");
  saved = rs_case_store_save_note (fixture->store, draft, "keep me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_note_get_body (saved), ==, "keep me, edited");
  {
    g_autofree char *on_disk = other_note_body (fixture, rs_note_get_id (saved));

    g_assert_cmpstr (on_disk, ==, "keep me, edited");
  }
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
wait_for (gboolean (*condition) (gpointer),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_waiting (gpointer data)
{
  return rs_case_store_get_save_state (data) == RS_SAVE_STATE_WAITING;
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

/* Another program holds the write lock: a plain write fails at once (no wait on
 * the calling thread); a note save waits in its worker, says "waiting", and lands
 * when the lock is released. */
static void
test_locked_case (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsNote) draft = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *on_disk = NULL;
  RsNote *note = add_case_note (fixture->store, "before");
  gint64 start;
  RsNote *saved;

  rs_case_store_set_lock_timeout (fixture->store, 0);
  other_exec (fixture, "BEGIN IMMEDIATE");

  /* A write on this thread fails at once, saying the case is locked. */
  start = g_get_monotonic_time ();
  g_assert_false (rs_case_store_set_info (fixture->store, "Renamed", "", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "sync.redstring"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  draft = draft_of (note, "after");
  rs_case_store_save_note_async (fixture->store, draft, "before", NULL, on_saved_cb, &result);
  g_assert_true (wait_for (is_waiting, fixture->store));
  g_assert_null (result);

  /* Still waiting a while later, and nothing written. */
  for (guint i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_null (result);
  g_assert_cmpint (rs_case_store_get_save_state (fixture->store), ==, RS_SAVE_STATE_WAITING);

  other_exec (fixture, "COMMIT");
  g_assert_true (wait_for (is_set, &result));
  saved = rs_case_store_save_note_finish (fixture->store, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_note_get_body (saved), ==, "after");
  g_assert_cmpint (rs_case_store_get_save_state (fixture->store), ==, RS_SAVE_STATE_SAVED);
  g_object_unref (saved);

  on_disk = other_note_body (fixture, rs_note_get_id (note));
  g_assert_cmpstr (on_disk, ==, "after");
}

#define CHILD_ENV "RS_TEST_SYNC_CHILD"

/* The second program: a real second process with its own store, appending to the
 * case note. Prints "saved" once its write is acknowledged. */
static int
run_child (const char *path)
{
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsNote) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *body = NULL;
  RsNote *note;

  rs_test_init_resources ();
  if (!(store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error)))
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  notes = rs_case_dup_notes_for (rs_case_store_get_case (store), RS_TARGET_CASE, 0);
  note = g_ptr_array_index (notes, 0);
  body = g_strconcat (rs_note_get_body (note), "\nB: added by the second program.", NULL);
  draft = draft_of (note, body);
  if (!rs_case_store_save_note (store, draft, rs_note_get_body (note), NULL, &error))
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  g_print ("saved\n");
  return 0;
}

/* Two programs, two processes, one case note: the first read the note, the second
 * appends and saves, then the first (stale) appends and saves. Both additions are
 * in the file, and the first process sees the second's commit. */
static void
test_two_processes (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("two.redstring");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(RsNote) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = g_test_build_filename (G_TEST_BUILT, "test-case-store-sync", NULL);
  g_autofree char *out = NULL;
  g_autofree char *base = NULL;
  g_autofree char *ours = NULL;
  gboolean merged = FALSE, reloaded = FALSE;
  RsNote *saved;

  notes = rs_case_dup_notes_for (rs_case_store_get_case (store), RS_TARGET_CASE, 0);
  g_assert_cmpuint (notes->len, >, 0);
  base = g_strdup (rs_note_get_body (g_ptr_array_index (notes, 0)));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, CHILD_ENV, rs_case_store_get_path (store), TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (child));
  g_assert_cmpstr (out, ==, "saved\n");

  ours = g_strconcat (base, "\nA: added by the first program.", NULL);
  draft = draft_of (g_ptr_array_index (notes, 0), ours);
  saved = rs_case_store_save_note (store, draft, base, &merged, &error);
  g_assert_no_error (error);
  g_assert_true (merged);
  g_assert_nonnull (strstr (rs_note_get_body (saved), "B: added by the second program."));
  g_assert_nonnull (strstr (rs_note_get_body (saved), "A: added by the first program."));

  g_assert_true (rs_case_store_check_for_changes (store, &reloaded, &error));
  g_assert_no_error (error);
  g_assert_true (reloaded);
  notes = (g_ptr_array_unref (notes),
           rs_case_dup_notes_for (rs_case_store_get_case (store), RS_TARGET_CASE, 0));
  g_assert_nonnull (strstr (rs_note_get_body (g_ptr_array_index (notes, 0)),
                            "B: added by the second program."));
  g_assert_nonnull (strstr (rs_note_get_body (g_ptr_array_index (notes, 0)),
                            "A: added by the first program."));
}

/* The command line, blocked by another program's write lock, says which file is
 * locked and what to do, after waiting a few seconds. */
static void
test_cli_names_locked_file (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *bundle = g_test_build_filename (G_TEST_DIST, "data", "bundles",
                                                   "tick-2021-excerpt.json", NULL);
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_clear_object (&fixture->store);   /* the CLI is the only Redstring on the file */
  other_exec (fixture, "BEGIN IMMEDIATE");
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                          &error, g_getenv ("REDSTRING_CLI"), "import", bundle, fixture->path,
                          NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, NULL, &err, &error));
  other_exec (fixture, "ROLLBACK");
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 1);
  g_assert_nonnull (strstr (err, "sync.redstring"));
  g_assert_nonnull (strstr (err, "locked by another program"));
}

#define HOLD_ENV "RS_TEST_SYNC_HOLD"

/* Another program with the case open: it says so, then waits for its stdin to close. */
static int
run_holder (const char *path)
{
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char buffer[16];

  rs_test_init_resources ();
  if (!(store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error)))
    {
      g_printerr ("holder: %s\n", error->message);
      return 1;
    }
  g_print ("open\n");
  fflush (stdout);
  while (fread (buffer, 1, sizeof buffer, stdin) > 0)
    ;
  return 0;
}

/* "New" over an existing file: refused while the case is open here or in another
 * program; otherwise the file goes with its -wal, -shm and -journal, so that nothing
 * stale is read into the new case. */
static void
test_remove_case_file (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("replace.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *self_path = g_test_build_filename (G_TEST_BUILT, "test-case-store-sync", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_false (rs_case_store_remove_case_file (path, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_ALREADY_OPEN);
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_subprocess_launcher_setenv (launcher, HOLD_ENV, path, TRUE);
  holder = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_cmpstr (line, ==, "open");

  g_assert_false (rs_case_store_remove_case_file (path, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_ALREADY_OPEN);
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The command line's new --force refuses too. */
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, g_getenv ("REDSTRING_CLI"),
                          "new", "--force", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (cli, NULL, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, &error));
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);

  /* Nobody has it: it goes, with a stale -wal. */
  rs_test_write_file (wal, "stale", 5);
  g_assert_true (rs_case_store_remove_case_file (path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv (CHILD_ENV) != NULL)
    return run_child (g_getenv (CHILD_ENV));
  if (g_getenv (HOLD_ENV) != NULL)
    return run_holder (g_getenv (HOLD_ENV));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

  g_test_add_func ("/store/sync/merge-bodies", test_merge_bodies);
  g_test_add ("/store/sync/reload-on-other-commit", Fixture, NULL, fixture_set_up,
              test_reload_on_other_commit, fixture_tear_down);
  g_test_add ("/store/sync/note-edited-on-both-sides", Fixture, NULL, fixture_set_up,
              test_note_edited_on_both_sides, fixture_tear_down);
  g_test_add ("/store/sync/note-deleted-elsewhere", Fixture, NULL, fixture_set_up,
              test_note_deleted_elsewhere, fixture_tear_down);
  g_test_add ("/store/sync/locked-case", Fixture, NULL, fixture_set_up, test_locked_case,
              fixture_tear_down);
  g_test_add_func ("/store/sync/two-processes", test_two_processes);
  g_test_add_func ("/store/sync/remove-case-file", test_remove_case_file);
  g_test_add ("/store/sync/cli-names-locked-file", Fixture, NULL, fixture_set_up,
              test_cli_names_locked_file, fixture_tear_down);

  return g_test_run ();
}
