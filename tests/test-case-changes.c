/* test-case-changes.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-bundle.h"
#include "rs-case-store.h"
#include "rs-core.h"
#include "rs-test-utils.h"

/* What a case announced: list signals per list, and each RsCase::changes record. */
typedef struct
{
  guint      items_changed[7];
  guint      changed;
  GPtrArray *changes;
} Counts;

static void
on_items_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
on_changes_cb (RsCase        *kase,
               RsCaseChanges *changes,
               Counts        *counts)
{
  g_ptr_array_add (counts->changes, rs_case_changes_ref (changes));
}

static void
on_changed_cb (RsCase *kase,
               Counts *counts)
{
  counts->changed++;
}

static void
watch (RsCase *kase,
       Counts *counts)
{
  GListModel *lists[7] = {
    rs_case_get_documents (kase), rs_case_get_entities (kase), rs_case_get_relations (kase),
    rs_case_get_quotes (kase), rs_case_get_evidence (kase), rs_case_get_events (kase),
    rs_case_get_notes (kase),
  };

  counts->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)rs_case_changes_unref);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_signal_connect (lists[i], "items-changed", G_CALLBACK (on_items_changed_cb),
                      &counts->items_changed[i]);
  g_signal_connect (kase, "changes", G_CALLBACK (on_changes_cb), counts);
  g_signal_connect (kase, "changed", G_CALLBACK (on_changed_cb), counts);
}

static void
reset (Counts *counts)
{
  memset (counts->items_changed, 0, sizeof counts->items_changed);
  counts->changed = 0;
  g_ptr_array_set_size (counts->changes, 0);
}

/* A whole import is one batch: one splice per list, one record, one "changed". */
static void
test_import_is_one_batch (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("import.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(GError) error = NULL;
  RsCaseChanges *changes;
  Counts counts = { 0 };

  watch (kase, &counts);
  g_assert_true (rs_bundle_import_sample (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), >, 1);
  for (guint i = 0; i < G_N_ELEMENTS (counts.items_changed); i++)
    g_assert_cmpuint (counts.items_changed[i], <=, 1);
  g_assert_cmpuint (counts.items_changed[1], ==, 1);
  g_assert_cmpuint (counts.items_changed[2], ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.changes->len, ==, 1);

  changes = g_ptr_array_index (counts.changes, 0);
  g_assert_cmpuint (rs_case_changes_get_added (changes, RS_TYPE_ENTITY)->len, ==,
                    g_list_model_get_n_items (rs_case_get_entities (kase)));
  g_assert_cmpuint (rs_case_changes_get_added (changes, RS_TYPE_RELATION)->len, ==,
                    g_list_model_get_n_items (rs_case_get_relations (kase)));
  g_assert_cmpuint (rs_case_changes_get_changed (changes, RS_TYPE_ENTITY)->len, ==, 0);

  g_ptr_array_unref (counts.changes);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* One store write of one entity: one record naming that entity, one notify on it. */
static void
test_edit_is_one_notification (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("edit.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsRelation) draft = rs_relation_new (0);
  RsEntity *a, *b;
  RsRelation *relation;
  RsCaseChanges *changes;
  const char * const no_aliases[] = { NULL };
  RsNodePlacement place;
  guint notified = 0;
  Counts counts = { 0 };

  a = rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, "Ada");
  watch (kase, &counts);

  /* Add */
  b = rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, "Bert");
  g_assert_cmpuint (counts.changes->len, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.items_changed[1], ==, 1);
  changes = g_ptr_array_index (counts.changes, 0);
  g_assert_cmpuint (rs_case_changes_get_n_items (changes), ==, 1);
  g_assert_true (g_ptr_array_index (rs_case_changes_get_added (changes, RS_TYPE_ENTITY), 0) == b);

  /* Relate */
  reset (&counts);
  rs_relation_set_source_id (draft, rs_entity_get_id (a));
  rs_relation_set_target_id (draft, rs_entity_get_id (b));
  rs_relation_set_label (draft, "knows");
  relation = rs_case_store_add_relation (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.changes->len, ==, 1);
  changes = g_ptr_array_index (counts.changes, 0);
  g_assert_cmpuint (rs_case_changes_get_n_items (changes), ==, 1);
  g_assert_true (g_ptr_array_index (rs_case_changes_get_added (changes, RS_TYPE_RELATION), 0) ==
                 relation);
  g_assert_cmpuint (counts.items_changed[1], ==, 0);

  /* Rename */
  reset (&counts);
  g_signal_connect (a, "notify::name", G_CALLBACK (count_notify), &notified);
  g_assert_true (rs_case_store_update_entity (store, rs_entity_get_id (a), RS_ENTITY_KIND_PERSON,
                                              "Ada L.", no_aliases, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (counts.changes->len, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  changes = g_ptr_array_index (counts.changes, 0);
  g_assert_cmpuint (rs_case_changes_get_n_items (changes), ==, 1);
  g_assert_true (g_ptr_array_index (rs_case_changes_get_changed (changes, RS_TYPE_ENTITY), 0) == a);
  for (guint i = 0; i < G_N_ELEMENTS (counts.items_changed); i++)
    g_assert_cmpuint (counts.items_changed[i], ==, 0);

  /* Drag: one node placed */
  reset (&counts);
  place = (RsNodePlacement) { rs_entity_get_id (b), 10, 20, FALSE };
  g_assert_true (rs_case_store_set_board (store, &place, 1, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.changes->len, ==, 1);
  changes = g_ptr_array_index (counts.changes, 0);
  g_assert_cmpuint (rs_case_changes_get_n_items (changes), ==, 1);
  g_assert_true (g_ptr_array_index (rs_case_changes_get_changed (changes, RS_TYPE_ENTITY), 0) == b);

  /* Delete: the entity and its relation, one record */
  reset (&counts);
  g_assert_true (rs_case_store_delete_entity (store, rs_entity_get_id (b), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.changes->len, ==, 1);
  changes = g_ptr_array_index (counts.changes, 0);
  g_assert_cmpuint (rs_case_changes_get_removed (changes, RS_TYPE_ENTITY)->len, ==, 1);
  g_assert_cmpuint (rs_case_changes_get_removed (changes, RS_TYPE_RELATION)->len, ==, 1);

  g_signal_handlers_disconnect_by_func (a, count_notify, &notified);
  g_ptr_array_unref (counts.changes);
}

/* Issue 18: a record whose place on the board alone changed is marked so (the board
 * follows it without measuring again); any other change to it in the same transaction,
 * or its addition, clears the mark. */
static void
test_placed_only (void)
{
  g_autoptr(RsCaseChanges) changes = rs_case_changes_new ();
  g_autoptr(RsEntity) moved = rs_entity_new (1);
  g_autoptr(RsEntity) renamed = rs_entity_new (2);
  g_autoptr(RsEntity) added = rs_entity_new (3);
  g_autoptr(RsRelation) rerouted = rs_relation_new (4);

  rs_case_changes_place (changes, moved);
  rs_case_changes_place (changes, renamed);
  rs_case_changes_change (changes, renamed);
  rs_case_changes_place (changes, renamed);
  rs_case_changes_add (changes, added);
  rs_case_changes_place (changes, added);
  rs_case_changes_place (changes, rerouted);

  g_assert_true (rs_case_changes_is_placed_only (changes, moved));
  g_assert_true (rs_case_changes_is_placed_only (changes, rerouted));
  g_assert_false (rs_case_changes_is_placed_only (changes, renamed));
  g_assert_false (rs_case_changes_is_placed_only (changes, added));
  g_assert_cmpuint (rs_case_changes_get_changed (changes, RS_TYPE_ENTITY)->len, ==, 2);
  g_assert_cmpuint (rs_case_changes_get_added (changes, RS_TYPE_ENTITY)->len, ==, 1);

  /* Removed after it moved: removed, not placed. */
  rs_case_changes_remove (changes, moved);
  g_assert_false (rs_case_changes_is_placed_only (changes, moved));
  g_assert_cmpuint (rs_case_changes_get_removed (changes, RS_TYPE_ENTITY)->len, ==, 1);
}

/* A layout written through the store announces placed-only records; an edit does not. */
static void
test_board_write_is_placed_only (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("placed.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsEntity) entity = g_list_model_get_item (rs_case_get_entities (kase), 0);
  RsNodePlacement node = { rs_entity_get_id (entity), 10, 20, FALSE };
  g_autoptr(GError) error = NULL;
  RsCaseChanges *changes;
  Counts counts = { 0 };

  watch (kase, &counts);
  g_assert_true (rs_case_store_set_board (store, &node, 1, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.changes->len, ==, 1);
  changes = g_ptr_array_index (counts.changes, 0);
  g_assert_true (rs_case_changes_is_placed_only (changes, entity));

  g_assert_true (rs_case_store_update_entity (store, rs_entity_get_id (entity),
                                              rs_entity_get_kind (entity), "Renamed",
                                              NULL, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.changes->len, ==, 2);
  changes = g_ptr_array_index (counts.changes, 1);
  g_assert_false (rs_case_changes_is_placed_only (changes, entity));

  g_ptr_array_unref (counts.changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case-changes/import-is-one-batch", test_import_is_one_batch);
  g_test_add_func ("/case-changes/edit-is-one-notification", test_edit_is_one_notification);
  g_test_add_func ("/case-changes/placed-only", test_placed_only);
  g_test_add_func ("/case-changes/board-write-is-placed-only", test_board_write_is_placed_only);

  return g_test_run ();
}
