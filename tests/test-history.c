/* test-history.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-case-edit.h"
#include "rs-case-store.h"
#include "rs-error.h"
#include "rs-history-entry.h"
#include "rs-test-utils.h"
#include "rs-undo-stack.h"

/* Who changed what: every command, and every undo and redo of one, leaves one history
 * line with its author, time and the records it touched, in the transaction that
 * makes it; the history survives closing the case; "changes since" nets the lines
 * since a time into added, changed and removed records. */

typedef struct
{
  char        *path;
  RsCaseStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = rs_test_make_sample_file ("history.redstring");
  fixture->store = rs_case_store_open (fixture->path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  rs_case_store_set_author (fixture->store, "Aiko Tanaka");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
}

static GPtrArray *
history (RsCaseStore *store,
         const char  *author,
         RsTarget     target,
         gint64       id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = rs_case_store_dup_history (store, author, target, id, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static const RsHistoryItem *
find_item (RsHistoryEntry *entry,
           RsTarget        target,
           gint64          id)
{
  for (guint i = 0; i < rs_history_entry_get_n_items (entry); i++)
    {
      const RsHistoryItem *item = rs_history_entry_get_item (entry, i);

      if (item->target == target && item->id == id)
        return item;
    }
  return NULL;
}

static void
assert_item (RsHistoryEntry *entry,
             RsTarget        target,
             gint64          id,
             RsHistoryOp     op,
             const char     *title)
{
  const RsHistoryItem *item = find_item (entry, target, id);

  g_assert_nonnull (item);
  g_assert_cmpstr (rs_history_op_to_string (item->op), ==, rs_history_op_to_string (op));
  if (title != NULL)
    g_assert_cmpstr (item->title, ==, title);
}

static gint64
entity_named (RsCaseStore *store,
              const char  *name)
{
  RsEntity *entity = rs_case_lookup_entity_by_name (rs_case_store_get_case (store), name);

  g_assert_nonnull (entity);
  return rs_entity_get_id (entity);
}

static void
test_every_command_kind (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = history (fixture->store, NULL, RS_TARGET_CASE, 0);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(RsChange) created = NULL;
  g_autoptr(RsChange) renamed = NULL;
  g_autoptr(RsChange) related = NULL;
  g_autoptr(RsChange) deleted = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* The history keeps milliseconds. */
  g_autoptr(GDateTime) start = g_date_time_add (now, -1000);
  gint64 tick = entity_named (fixture->store, "Tick");
  gint64 id = 0, relation_id = 0;
  RsHistoryEntry *entry;

  created = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_PERSON, "Hanako Sato",
                                        NULL, "", &id, &error);
  g_assert_no_error (error);
  renamed = rs_case_edit_update_entity (fixture->store, id, RS_ENTITY_KIND_PERSON, "Hanako Satō",
                                        (const char *[]) { "H. Sato", NULL }, "", &error);
  g_assert_no_error (error);
  related = rs_case_edit_create_relation (fixture->store, id, tick, "met", TRUE,
                                          RS_RELATION_STATUS_ALLEGED, &relation_id, &error);
  g_assert_no_error (error);
  deleted = rs_case_edit_delete_relation (fixture->store, relation_id, &error);
  g_assert_no_error (error);

  entries = history (fixture->store, NULL, RS_TARGET_CASE, 0);
  g_assert_cmpuint (entries->len, ==, before->len + 4);

  /* Newest first; each line is the command's own label, author and time. */
  for (guint i = 0; i < 4; i++)
    {
      entry = g_ptr_array_index (entries, i);
      g_assert_cmpstr (rs_history_entry_get_author (entry), ==, "Aiko Tanaka");
      g_assert_cmpint (rs_history_entry_get_action (entry), ==, RS_HISTORY_ACTION_DO);
      g_assert_cmpint (g_date_time_compare (rs_history_entry_get_time (entry), start), >=, 0);
    }
  g_assert_cmpstr (rs_history_entry_get_label (g_ptr_array_index (entries, 3)), ==,
                   rs_change_get_label (created));
  g_assert_cmpstr (rs_history_entry_get_label (g_ptr_array_index (entries, 0)), ==,
                   rs_change_get_label (deleted));

  assert_item (g_ptr_array_index (entries, 3), RS_TARGET_ENTITY, id, RS_HISTORY_OP_ADDED,
               "Hanako Sato");
  /* An alias row alone still counts as the entity changing. */
  assert_item (g_ptr_array_index (entries, 2), RS_TARGET_ENTITY, id, RS_HISTORY_OP_CHANGED,
               "Hanako Satō");
  /* What changed, before and after, as a reviewer reads it. */
  g_assert_cmpstr (find_item (g_ptr_array_index (entries, 2), RS_TARGET_ENTITY, id)->detail, ==,
                   "name “Hanako Sato” → “Hanako Satō”; alias “H. Sato” added");
  /* Additions and removals need no detail: the record is all of it. */
  g_assert_cmpstr (find_item (g_ptr_array_index (entries, 3), RS_TARGET_ENTITY, id)->detail, ==, "");
  assert_item (g_ptr_array_index (entries, 1), RS_TARGET_RELATION, relation_id,
               RS_HISTORY_OP_ADDED, "Hanako Satō met Tick");
  /* A removed record keeps the name its row had. */
  assert_item (g_ptr_array_index (entries, 0), RS_TARGET_RELATION, relation_id,
               RS_HISTORY_OP_REMOVED, "met");
  g_assert_null (find_item (g_ptr_array_index (entries, 0), RS_TARGET_ENTITY, tick));
}

static void
test_undo_redo_and_reopen (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsUndoStack) stack = rs_undo_stack_new (fixture->store);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) by_other = NULL;
  g_autoptr(GPtrArray) about_tick = NULL;
  g_auto(GStrv) authors = NULL;
  gint64 tick = entity_named (fixture->store, "Tick");
  gint64 id = 0;
  RsChange *change;

  change = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_GROUP, "Stone Panda",
                                       NULL, "", &id, &error);
  g_assert_no_error (error);
  rs_undo_stack_push (stack, change);
  g_object_unref (change);

  rs_case_store_set_author (fixture->store, "Ben Okafor");
  g_assert_true (rs_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_true (rs_undo_stack_redo (stack, &error));
  g_assert_no_error (error);

  change = rs_case_edit_update_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP, "Tick",
                                       (const char *[]) { "BRONZE BUTLER", "REDBALDKNIGHT", NULL },
                                       "", &error);
  g_assert_no_error (error);
  g_object_unref (change);

  /* Closed and opened again: all of it is in the file. */
  g_clear_object (&stack);
  g_clear_object (&fixture->store);
  fixture->store = rs_case_store_open (fixture->path, RS_CASE_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  entries = history (fixture->store, NULL, RS_TARGET_CASE, 0);
  g_assert_cmpuint (entries->len, >=, 4);
  g_assert_cmpint (rs_history_entry_get_action (g_ptr_array_index (entries, 1)), ==,
                   RS_HISTORY_ACTION_REDO);
  g_assert_cmpint (rs_history_entry_get_action (g_ptr_array_index (entries, 2)), ==,
                   RS_HISTORY_ACTION_UNDO);
  g_assert_cmpstr (rs_history_entry_get_author (g_ptr_array_index (entries, 2)), ==, "Ben Okafor");
  g_assert_cmpstr (rs_history_entry_get_author (g_ptr_array_index (entries, 3)), ==, "Aiko Tanaka");
  assert_item (g_ptr_array_index (entries, 2), RS_TARGET_ENTITY, id, RS_HISTORY_OP_REMOVED,
               "Stone Panda");
  assert_item (g_ptr_array_index (entries, 1), RS_TARGET_ENTITY, id, RS_HISTORY_OP_ADDED,
               "Stone Panda");
  {
    g_autofree char *summary = rs_history_entry_dup_summary (g_ptr_array_index (entries, 2));
    g_assert_true (g_str_has_prefix (summary, "Undo “"));
  }

  /* Filtered by person and by item. */
  by_other = history (fixture->store, "Ben Okafor", RS_TARGET_CASE, 0);
  g_assert_cmpuint (by_other->len, ==, 3);
  about_tick = history (fixture->store, NULL, RS_TARGET_ENTITY, tick);
  g_assert_cmpuint (about_tick->len, ==, 1);
  g_assert_true (rs_history_entry_touches (g_ptr_array_index (about_tick, 0), RS_TARGET_ENTITY, tick));

  authors = rs_case_store_dup_history_authors (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (authors, ((const char *[]) { "Aiko Tanaka", "Ben Okafor", NULL }));
}

static const RsHistoryItem *
find_change (GArray   *items,
             RsTarget  target,
             gint64    id)
{
  for (guint i = 0; i < items->len; i++)
    {
      const RsHistoryItem *item = &g_array_index (items, RsHistoryItem, i);

      if (item->target == target && item->id == id)
        return item;
    }
  return NULL;
}

static void
test_changes_since (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) mark = NULL;
  g_autoptr(GArray) items = NULL;
  gint64 tick = entity_named (fixture->store, "Tick");
  gint64 jaxa = entity_named (fixture->store, "Japan Aerospace Exploration Agency");
  gint64 kept = 0, transient = 0, old_gone = 0;
  g_autoptr(RsChange) c1 = NULL, c2 = NULL, c3 = NULL, c4 = NULL, c5 = NULL, c6 = NULL, c7 = NULL;

  /* Before the mark: an entity that will be removed after it. */
  c1 = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_OTHER, "Old lead", NULL, "",
                                   &old_gone, &error);
  g_assert_no_error (error);
  g_usleep (5000);
  mark = g_date_time_new_now_utc ();
  g_usleep (5000);

  c2 = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_PERSON, "Kept", NULL, "",
                                   &kept, &error);
  g_assert_no_error (error);
  c3 = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_PERSON, "Transient", NULL, "",
                                   &transient, &error);
  g_assert_no_error (error);
  c4 = rs_case_edit_delete_entity (fixture->store, transient, &error);
  g_assert_no_error (error);
  c5 = rs_case_edit_update_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP, "Tick (APT)",
                                   NULL, "", &error);
  g_assert_no_error (error);
  c6 = rs_case_edit_delete_entity (fixture->store, old_gone, &error);
  g_assert_no_error (error);
  c7 = rs_case_edit_create_relation (fixture->store, kept, jaxa, "visited", TRUE,
                                     RS_RELATION_STATUS_REPORTED, NULL, &error);
  g_assert_no_error (error);

  items = rs_case_store_dup_changes_since (fixture->store, mark, &error);
  g_assert_no_error (error);

  g_assert_cmpint (find_change (items, RS_TARGET_ENTITY, kept)->op, ==, RS_HISTORY_OP_ADDED);
  g_assert_cmpint (find_change (items, RS_TARGET_ENTITY, tick)->op, ==, RS_HISTORY_OP_CHANGED);
  g_assert_cmpstr (find_change (items, RS_TARGET_ENTITY, tick)->title, ==, "Tick (APT)");
  g_assert_cmpint (find_change (items, RS_TARGET_ENTITY, old_gone)->op, ==, RS_HISTORY_OP_REMOVED);
  g_assert_cmpstr (find_change (items, RS_TARGET_ENTITY, old_gone)->title, ==, "Old lead");
  /* Added and removed since the mark: nothing to review. */
  g_assert_null (find_change (items, RS_TARGET_ENTITY, transient));
  g_assert_null (find_change (items, RS_TARGET_ENTITY, jaxa));
  g_assert_cmpuint (items->len, ==, 4);  /* kept, tick, old lead, the relation */

  /* A mark after everything: nothing changed since. */
  g_usleep (5000);
  {
    g_autoptr(GDateTime) later = g_date_time_new_now_utc ();
    g_autoptr(GArray) none = rs_case_store_dup_changes_since (fixture->store, later, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* The history line is written in the change's own transaction: a change that fails
 * leaves no line, and the history is never undone with the change. */
static void
test_failed_change_leaves_no_line (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = history (fixture->store, NULL, RS_TARGET_CASE, 0);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(RsChange) change = NULL;

  /* Refused before anything is written. */
  change = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_PERSON, "", NULL, "",
                                       NULL, &error);
  g_assert_null (change);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Written, then given up: the rows and the line go together. */
  g_assert_true (rs_case_store_begin_change (fixture->store, "Retitle", &error));
  g_assert_no_error (error);
  g_assert_true (rs_case_store_set_info (fixture->store, "Given up", "", &error));
  g_assert_no_error (error);
  rs_case_store_cancel_change (fixture->store);
  g_assert_cmpstr (rs_case_get_title (rs_case_store_get_case (fixture->store)), !=, "Given up");

  after = history (fixture->store, NULL, RS_TARGET_CASE, 0);
  g_assert_cmpuint (after->len, ==, before->len);
}

static void
test_changeset_kept (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) missing = NULL;

  change = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_PERSON, "Changeset", NULL,
                                       "", NULL, &error);
  g_assert_no_error (error);
  entries = history (fixture->store, NULL, RS_TARGET_CASE, 0);
  kept = rs_case_store_dup_history_changeset (fixture->store,
                                              rs_history_entry_get_id (g_ptr_array_index (entries, 0)),
                                              &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (kept, rs_change_get_changeset (change)));

  missing = rs_case_store_dup_history_changeset (fixture->store, 999999, &error);
  g_assert_null (missing);
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
}

/* A relation's status and ends, before and after: the ends by their entities' names. */
static void
test_detail_of_relation (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) created = NULL;
  g_autoptr(RsChange) updated = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 tick = entity_named (fixture->store, "Tick");
  gint64 jaxa = entity_named (fixture->store, "Japan Aerospace Exploration Agency");
  gint64 keio = entity_named (fixture->store, "Keio University");
  gint64 relation_id = 0;
  const RsHistoryItem *item;

  created = rs_case_edit_create_relation (fixture->store, tick, jaxa, "attacked", TRUE,
                                          RS_RELATION_STATUS_ALLEGED, &relation_id, &error);
  g_assert_no_error (error);
  updated = rs_case_edit_update_relation (fixture->store, relation_id, tick, keio, "attacked", TRUE,
                                          RS_RELATION_STATUS_CONFIRMED, &error);
  g_assert_no_error (error);

  entries = history (fixture->store, NULL, RS_TARGET_RELATION, relation_id);
  item = find_item (g_ptr_array_index (entries, 0), RS_TARGET_RELATION, relation_id);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->detail, ==,
                   "to “Japan Aerospace Exploration Agency” → “Keio University”; "
                   "status “alleged” → “confirmed”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

#define ADD(path, func) \
  g_test_add ("/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("every-command-kind", test_every_command_kind);
  ADD ("undo-redo-and-reopen", test_undo_redo_and_reopen);
  ADD ("changes-since", test_changes_since);
  ADD ("failed-change-leaves-no-line", test_failed_change_leaves_no_line);
  ADD ("changeset-kept", test_changeset_kept);
  ADD ("detail-of-relation", test_detail_of_relation);
#undef ADD

  return g_test_run ();
}
