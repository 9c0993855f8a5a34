/* test-case-store-sync.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
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

  return g_test_run ();
}
