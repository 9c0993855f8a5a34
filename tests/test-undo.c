/* test-undo.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-case-store.h"
#include "rs-error.h"
#include "rs-test-utils.h"
#include "rs-undo-stack.h"

/* Every command, undone and redone exactly. The case is compared as a bundle (the
 * readable export of everything in it): undo must give back the bundle from before
 * byte for byte, redo the one from after, and at every step the live model must
 * export exactly what a fresh opening of the file does. */

typedef struct
{
  RsCaseStore *store;
  RsUndoStack *stack;
  GBytes      *before;
  GBytes      *after;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* A copy of one import of the sample per program: cheap under the sanitizers. */
  g_autofree char *path = rs_test_make_sample_file ("undo.redstring");
  g_autoptr(GError) error = NULL;

  fixture->store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  fixture->stack = rs_undo_stack_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->before, g_bytes_unref);
  g_clear_pointer (&fixture->after, g_bytes_unref);
  g_assert_finalize_object (fixture->stack);
  g_assert_finalize_object (fixture->store);
}

static RsCase *
kase (Fixture *fixture)
{
  return rs_case_store_get_case (fixture->store);
}

static void
begin (Fixture *fixture)
{
  g_clear_pointer (&fixture->before, g_bytes_unref);
  fixture->before = rs_test_export_checked (fixture->store);
}

/* CHANGE has just been made: it must have changed the case, and undo and redo must
 * take it exactly back and forth. Leaves the change applied. */
static void
check_undo_redo (Fixture  *fixture,
                 RsChange *change_)
{
  g_autoptr(RsChange) change = change_;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;

  g_assert_nonnull (change);
  g_assert_false (rs_change_is_empty (change));
  g_assert_cmpstr (rs_change_get_author (change), !=, "");
  g_assert_nonnull (rs_change_get_time (change));

  g_test_message ("after %s", rs_change_get_label (change));
  g_clear_pointer (&fixture->after, g_bytes_unref);
  fixture->after = rs_test_export_checked (fixture->store);
  g_assert_false (g_bytes_equal (fixture->before, fixture->after));

  rs_undo_stack_push (fixture->stack, change);
  g_assert_true (rs_undo_stack_get_can_undo (fixture->stack));

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_test_message ("undone");
  undone = rs_test_export_checked (fixture->store);
  rs_test_assert_same_bundle (fixture->before, undone);

  g_assert_true (rs_undo_stack_redo (fixture->stack, &error));
  g_assert_no_error (error);
  g_test_message ("redone");
  redone = rs_test_export_checked (fixture->store);
  rs_test_assert_same_bundle (fixture->after, redone);
}

static gint64
entity_id (Fixture    *fixture,
           const char *name)
{
  RsEntity *entity = rs_case_lookup_entity_by_name (kase (fixture), name);

  g_assert_nonnull (entity);
  return rs_entity_get_id (entity);
}

static gpointer
first_item (GListModel *list)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  return g_list_model_get_item (list, 0);
}

static void
test_entity_create (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *aliases[] = { "Bronze Butler", "REDBALDKNIGHT", NULL };
  g_autoptr(GError) error = NULL;
  RsChange *change;
  gint64 id = 0;

  begin (fixture);
  change = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_GROUP, "BRONZE BUTLER",
                                       aliases, "Secureworks' name", &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (rs_change_get_label (change), ==, "Add “BRONZE BUTLER”");
  check_undo_redo (fixture, change);
  g_assert_nonnull (rs_case_lookup_entity (kase (fixture), id));
}

/* The board lays out what a command added (a position for the new entity, a route
 * for the new relation) after the command: that never blocks its undo, and the
 * layout rows go with what they placed. The monkey-like walk found "the case
 * changed since" here. */
static void
test_undo_after_layout (Fixture       *fixture,
                        gconstpointer  user_data)
{
  RsEntity *tick = rs_case_lookup_entity_by_name (kase (fixture), "Tick");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) start = rs_bundle_export (kase (fixture), NULL);
  g_autoptr(GBytes) now = NULL;
  RsChange *entity_change, *relation_change;
  RsNodePlacement node = { 0 };
  RsEdgePlacement edge = { 0 };
  gint64 id = 0, relation_id = 0;

  entity_change = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_GROUP, "BRONZE BUTLER",
                                              NULL, NULL, &id, &error);
  g_assert_no_error (error);
  rs_undo_stack_push (fixture->stack, entity_change);
  g_object_unref (entity_change);
  relation_change = rs_case_edit_create_relation (fixture->store, id, rs_entity_get_id (tick),
                                                  "same as", FALSE, RS_RELATION_STATUS_REPORTED,
                                                  &relation_id, &error);
  g_assert_no_error (error);
  rs_undo_stack_push (fixture->stack, relation_change);
  g_object_unref (relation_change);

  /* What a layout writes next. */
  node.entity_id = id;
  node.x = 40;
  node.y = 80;
  edge.relation_id = relation_id;
  edge.route = "40,80 100,100";
  g_assert_true (rs_case_store_set_board (fixture->store, &node, 1, &edge, 1, &error));
  g_assert_no_error (error);

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_null (rs_case_lookup_relation (kase (fixture), relation_id));
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_null (rs_case_lookup_entity (kase (fixture), id));

  now = rs_test_export_checked (fixture->store);
  rs_test_assert_same_bundle (start, now);

  g_assert_true (rs_undo_stack_redo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rs_case_lookup_entity (kase (fixture), id));
  g_bytes_unref (rs_test_export_checked (fixture->store));
}

static void
test_entity_update (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *aliases[] = { "G0060", NULL };
  g_autoptr(GError) error = NULL;
  RsEntity *tick = rs_case_lookup_entity_by_name (kase (fixture), "Tick");
  RsChange *change;

  begin (fixture);
  change = rs_case_edit_update_entity (fixture->store, rs_entity_get_id (tick),
                                       RS_ENTITY_KIND_ORGANIZATION, "Tick (APT)", aliases, "",
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_change_get_label (change), ==, "Rename “Tick” to “Tick (APT)”");
  check_undo_redo (fixture, change);
  /* The same object, changed in place. */
  g_assert_cmpstr (rs_entity_get_name (tick), ==, "Tick (APT)");
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_cmpstr (rs_entity_get_name (tick), ==, "Tick");
}

/* Its relations, evidence, event links, notes and position go and come back. */
static void
test_entity_delete (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  RsNodePlacement place = { entity_id (fixture, "Tick"), 10, 20, TRUE };
  g_autoptr(RsNote) draft = rs_note_new (0);
  RsChange *change;

  g_assert_true (rs_case_store_set_board (fixture->store, &place, 1, NULL, 0, &error));
  rs_note_set_target (draft, RS_TARGET_ENTITY);
  rs_note_set_target_id (draft, place.entity_id);
  rs_note_set_body (draft, "Check the vendor names");
  g_assert_nonnull (rs_case_store_add_note (fixture->store, draft, &error));
  g_assert_no_error (error);

  begin (fixture);
  change = rs_case_edit_delete_entity (fixture->store, place.entity_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_change_get_label (change), ==, "Delete “Tick”");
  g_assert_null (rs_case_lookup_entity (kase (fixture), place.entity_id));
  check_undo_redo (fixture, change);

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_true (rs_entity_get_pinned (rs_case_lookup_entity (kase (fixture), place.entity_id)));
}

static void
test_relation (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 tick = entity_id (fixture, "Tick"), nhk = entity_id (fixture, "NHK");
  gint64 relation = 0;
  RsChange *change;

  begin (fixture);
  change = rs_case_edit_create_relation (fixture->store, nhk, tick, "reported on", TRUE,
                                         RS_RELATION_STATUS_REPORTED, &relation, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_change_get_label (change), ==, "Link “NHK” to “Tick”");
  check_undo_redo (fixture, change);

  begin (fixture);
  change = rs_case_edit_update_relation (fixture->store, relation, tick, nhk, "", FALSE,
                                         RS_RELATION_STATUS_DISPUTED, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, change);
  g_assert_cmpint (rs_relation_get_source_id (rs_case_lookup_relation (kase (fixture), relation)),
                   ==, tick);

  begin (fixture);
  change = rs_case_edit_delete_relation (fixture->store, relation, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, change);
}

/* A sample relation with evidence and a route: deleted with them, restored whole. */
static void
test_relation_delete_with_evidence (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = rs_case_dup_relations_of (kase (fixture),
                                                             entity_id (fixture, "Tick"));
  RsRelation *relation = NULL;
  RsEdgePlacement route = { 0, "1,2 3,4 5,6 7,8", TRUE, 4, 5 };

  for (guint i = 0; i < relations->len && relation == NULL; i++)
    {
      g_autoptr(GPtrArray) evidence = NULL;

      evidence = rs_case_dup_evidence_for (kase (fixture), RS_TARGET_RELATION,
                                           rs_relation_get_id (g_ptr_array_index (relations, i)));
      if (evidence->len > 0)
        relation = g_ptr_array_index (relations, i);
    }
  g_assert_nonnull (relation);
  route.relation_id = rs_relation_get_id (relation);
  g_assert_true (rs_case_store_set_board (fixture->store, NULL, 0, &route, 1, &error));

  begin (fixture);
  check_undo_redo (fixture, rs_case_edit_delete_relation (fixture->store, route.relation_id,
                                                          &error));
  g_assert_no_error (error);
}

static void
test_event (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { entity_id (fixture, "Tick"), entity_id (fixture, "NHK") };
  gint64 event = 0;
  RsChange *change;

  begin (fixture);
  change = rs_case_edit_create_event (fixture->store, "NHK report", "First report",
                                      "2021-04-20", NULL, RS_DATE_PRECISION_DAY,
                                      RS_DATE_QUALIFIER_NONE, ids, 2, &event, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, change);

  begin (fixture);
  change = rs_case_edit_update_event (fixture->store, event, "NHK reports", "",
                                      "2021-04", NULL, RS_DATE_PRECISION_MONTH,
                                      RS_DATE_QUALIFIER_LATE, ids, 1, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, change);

  begin (fixture);
  change = rs_case_edit_delete_event (fixture->store, event, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, change);

  /* A sample event, with its evidence. */
  {
    g_autoptr(RsEvent) sample = first_item (rs_case_get_events (kase (fixture)));

    begin (fixture);
    check_undo_redo (fixture, rs_case_edit_delete_event (fixture->store,
                                                         rs_event_get_id (sample), &error));
    g_assert_no_error (error);
  }
}

static void
test_quote_and_stance (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsEvidence) evidence = first_item (rs_case_get_evidence (kase (fixture)));
  RsQuote *quote = rs_case_lookup_quote (kase (fixture), rs_evidence_get_quote_id (evidence));
  g_autofree char *text = g_strdup (rs_quote_get_text (quote));
  RsStance stance;

  begin (fixture);
  check_undo_redo (fixture, rs_case_edit_update_quote (fixture->store, rs_quote_get_id (quote),
                                                       rs_quote_get_start (quote) + 1,
                                                       rs_quote_get_end (quote), 2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rs_quote_get_text (quote), ==, text + 1);

  stance = rs_evidence_get_stance (evidence) == RS_STANCE_CONTRADICTS ? RS_STANCE_SUPPORTS
                                                                      : RS_STANCE_CONTRADICTS;
  begin (fixture);
  check_undo_redo (fixture, rs_case_edit_set_stance (fixture->store, rs_evidence_get_id (evidence),
                                                     stance, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rs_evidence_get_stance (evidence), ==, stance);
}

static void
test_document (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDocument) document = first_item (rs_case_get_documents (kase (fixture)));
  gint64 id = rs_document_get_id (document);
  guint n_quotes = g_list_model_get_n_items (rs_case_get_quotes (kase (fixture)));

  begin (fixture);
  check_undo_redo (fixture, rs_case_edit_update_document (fixture->store, id, "Renamed report",
                                                          "Publisher", NULL, "2021-04-21",
                                                          "https://example.org/", RS_RELIABILITY_C,
                                                          &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rs_document_get_title (document), ==, "Renamed report");

  /* Its quotes and their evidence go with it, in one change. */
  begin (fixture);
  check_undo_redo (fixture, rs_case_edit_delete_document (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_quotes (kase (fixture))), <, n_quotes);
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_quotes (kase (fixture))), ==, n_quotes);
}

static RsEvidence *
add_evidence (Fixture *fixture,
              gint64   quote_id,
              RsTarget target,
              gint64   target_id)
{
  g_autoptr(RsEvidence) draft = rs_evidence_new (0);
  g_autoptr(GError) error = NULL;
  RsEvidence *evidence;

  rs_evidence_set_quote_id (draft, quote_id);
  rs_evidence_set_target (draft, target);
  rs_evidence_set_target_id (draft, target_id);
  rs_evidence_set_stance (draft, RS_STANCE_MENTIONS);
  evidence = rs_case_store_add_evidence (fixture->store, draft, &error);
  g_assert_no_error (error);
  return evidence;
}

/* Tick ← BRONZE BUTLER: a duplicate entity with its own aliases, a relation to Tick
 * (which would become Tick → Tick), other relations, evidence (one from a quote
 * Tick already has), an event and a note. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  user_data)
{
  const char *aliases[] = { "bronze butler", "Bronze Butler Group", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autoptr(RsEntity) bronze = NULL;
  g_autoptr(RsRelation) rdraft = rs_relation_new (0);
  g_autoptr(RsRelation) self_relation = NULL;
  g_autoptr(RsRelation) other_relation = NULL;
  g_autoptr(GPtrArray) tick_evidence = NULL;
  g_autoptr(RsQuote) any_quote = first_item (rs_case_get_quotes (kase (fixture)));
  g_autoptr(RsEvidence) e1 = NULL;
  g_autoptr(RsEvidence) e2 = NULL;
  g_autoptr(RsNote) ndraft = rs_note_new (0);
  g_autoptr(RsEvent) event = first_item (rs_case_get_events (kase (fixture)));
  gint64 tick = entity_id (fixture, "Tick"), eset = entity_id (fixture, "ESET");
  gint64 shared_quote, note_id;
  RsEvidence *moved_evidence;
  RsNote *moved_note;
  RsChange *change;
  const char * const *merged;
  guint n_relations;
  gint64 event_ids[1];

  rs_entity_set_kind (draft, RS_ENTITY_KIND_GROUP);
  rs_entity_set_name (draft, "BRONZE BUTLER");
  rs_entity_set_aliases (draft, aliases);
  rs_entity_set_has_position (draft, TRUE);
  /* Kept: the merge takes them out of the case. */
  bronze = g_object_ref (rs_case_store_add_entity (fixture->store, draft, &error));
  g_assert_no_error (error);

  rs_relation_set_source_id (rdraft, rs_entity_get_id (bronze));
  rs_relation_set_target_id (rdraft, tick);
  rs_relation_set_label (rdraft, "same as");
  self_relation = g_object_ref (rs_case_store_add_relation (fixture->store, rdraft, &error));
  g_assert_no_error (error);
  rs_relation_set_target_id (rdraft, eset);
  rs_relation_set_label (rdraft, "tracked by");
  other_relation = g_object_ref (rs_case_store_add_relation (fixture->store, rdraft, &error));
  g_assert_no_error (error);

  tick_evidence = rs_case_dup_evidence_for (kase (fixture), RS_TARGET_ENTITY, tick);
  g_assert_cmpuint (tick_evidence->len, >, 0);
  shared_quote = rs_evidence_get_quote_id (g_ptr_array_index (tick_evidence, 0));
  e1 = g_object_ref (add_evidence (fixture, shared_quote, RS_TARGET_ENTITY,
                                   rs_entity_get_id (bronze)));
  e2 = g_object_ref (add_evidence (fixture, rs_quote_get_id (any_quote), RS_TARGET_RELATION,
                                   rs_relation_get_id (self_relation)));
  add_evidence (fixture, rs_quote_get_id (any_quote), RS_TARGET_RELATION,
                     rs_relation_get_id (other_relation));

  rs_note_set_target (ndraft, RS_TARGET_RELATION);
  rs_note_set_target_id (ndraft, rs_relation_get_id (self_relation));
  rs_note_set_body (ndraft, "Secureworks' name for Tick");
  note_id = rs_note_get_id (rs_case_store_add_note (fixture->store, ndraft, &error));
  g_assert_no_error (error);

  event_ids[0] = rs_entity_get_id (bronze);
  {
    guint n = 0;
    const gint64 *old = rs_event_get_entity_ids (event, &n);
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(RsFuzzyDate) date = rs_fuzzy_date_ref (rs_event_get_date (event));

    g_array_append_vals (ids, old, n);
    g_array_append_vals (ids, event_ids, 1);
    g_assert_true (rs_case_store_update_event (fixture->store, rs_event_get_id (event),
                                               rs_event_get_title (event),
                                               rs_event_get_description (event), date,
                                               (gint64 *)(gpointer)ids->data, ids->len, &error));
    g_assert_no_error (error);
  }

  n_relations = g_list_model_get_n_items (rs_case_get_relations (kase (fixture)));
  begin (fixture);
  change = rs_case_edit_merge_entities (fixture->store, tick, rs_entity_get_id (bronze), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_change_get_label (change), ==, "Merge “BRONZE BUTLER” into “Tick”");

  /* Tick keeps its name and gains BRONZE BUTLER's names, once each. */
  g_assert_null (rs_case_lookup_entity (kase (fixture), rs_entity_get_id (bronze)));
  merged = rs_entity_get_aliases (rs_case_lookup_entity (kase (fixture), tick));
  g_assert_cmpstr (rs_entity_get_name (rs_case_lookup_entity (kase (fixture), tick)), ==, "Tick");
  g_assert_true (g_strv_contains (merged, "BRONZE BUTLER"));
  g_assert_true (g_strv_contains (merged, "Bronze Butler Group"));
  g_assert_false (g_strv_contains (merged, "bronze butler"));
  /* The would-be Tick → Tick is gone, its evidence and note now Tick's. */
  g_assert_null (rs_case_lookup_relation (kase (fixture), rs_relation_get_id (self_relation)));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_relations (kase (fixture))), ==,
                    n_relations - 1);
  g_assert_cmpint (rs_relation_get_source_id (other_relation), ==, tick);
  /* (Records that left the model with the relation come back as new objects.) */
  moved_evidence = rs_case_lookup_evidence (kase (fixture), rs_evidence_get_id (e2));
  g_assert_cmpint (rs_evidence_get_target (moved_evidence), ==, RS_TARGET_ENTITY);
  g_assert_cmpint (rs_evidence_get_target_id (moved_evidence), ==, tick);
  moved_note = rs_case_lookup_note (kase (fixture), note_id);
  g_assert_cmpint (rs_note_get_target (moved_note), ==, RS_TARGET_ENTITY);
  g_assert_cmpint (rs_note_get_target_id (moved_note), ==, tick);
  /* Tick already had the shared quote: BRONZE BUTLER's copy is dropped. */
  g_assert_null (rs_case_lookup_evidence (kase (fixture), rs_evidence_get_id (e1)));
  g_assert_true (rs_event_has_entity (event, tick));
  g_assert_false (rs_event_has_entity (event, rs_entity_get_id (bronze)));

  check_undo_redo (fixture, change);

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rs_case_lookup_relation (kase (fixture), rs_relation_get_id (self_relation)));
  g_assert_cmpint (rs_note_get_target (rs_case_lookup_note (kase (fixture), note_id)),
                   ==, RS_TARGET_RELATION);
}

/* Two sample entities linked to each other ("member of"). */
static void
test_merge_sample_pair (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  begin (fixture);
  check_undo_redo (fixture,
                   rs_case_edit_merge_entities (fixture->store, entity_id (fixture, "Unit 61419"),
                                                entity_id (fixture, "Unnamed member of Unit 61419"),
                                                &error));
  g_assert_no_error (error);
}

static void
test_split (Fixture       *fixture,
            gconstpointer  user_data)
{
  const char *aliases[] = { "BRONZE BUTLER", NULL };
  g_autoptr(GError) error = NULL;
  gint64 tick = entity_id (fixture, "Tick");
  g_autoptr(GPtrArray) relations = rs_case_dup_relations_of (kase (fixture), tick);
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase (fixture), RS_TARGET_ENTITY, tick);
  gint64 relation_ids[2], evidence_ids[1];
  gint64 new_id = 0;
  RsChange *change;

  g_assert_cmpuint (relations->len, >=, 2);
  g_assert_cmpuint (evidence->len, >=, 1);
  relation_ids[0] = rs_relation_get_id (g_ptr_array_index (relations, 0));
  relation_ids[1] = rs_relation_get_id (g_ptr_array_index (relations, 1));
  evidence_ids[0] = rs_evidence_get_id (g_ptr_array_index (evidence, 0));

  begin (fixture);
  change = rs_case_edit_split_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP, "BRONZE BUTLER",
                                      aliases, relation_ids, 2, evidence_ids, 1, &new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_change_get_label (change), ==, "Split “BRONZE BUTLER” from “Tick”");
  g_assert_cmpint (new_id, >, 0);
  g_assert_false (g_strv_contains (rs_entity_get_aliases (rs_case_lookup_entity (kase (fixture), tick)),
                                   "BRONZE BUTLER"));
  {
    RsRelation *moved = g_ptr_array_index (relations, 0);

    g_assert_true (rs_relation_get_source_id (moved) == new_id ||
                   rs_relation_get_target_id (moved) == new_id);
  }
  check_undo_redo (fixture, change);
}

static void
test_unpin (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  RsNodePlacement places[] = {
    { entity_id (fixture, "Tick"), 10, 20, TRUE },
    { entity_id (fixture, "NHK"), 30, 40, TRUE },
    { entity_id (fixture, "ESET"), 50, 60, FALSE },
  };

  g_assert_true (rs_case_store_set_board (fixture->store, places, 3, NULL, 0, &error));

  begin (fixture);
  check_undo_redo (fixture, rs_case_edit_unpin (fixture->store, places[0].entity_id, &error));
  g_assert_no_error (error);
  g_assert_false (rs_entity_get_pinned (rs_case_lookup_entity (kase (fixture), places[0].entity_id)));

  begin (fixture);
  check_undo_redo (fixture, rs_case_edit_unpin_all (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (rs_entity_get_pinned (rs_case_lookup_entity (kase (fixture), places[1].entity_id)));
}

/* A whole import is one change. */
static void
test_import (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("import.redstring");
  g_autoptr(RsUndoStack) stack = rs_undo_stack_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GBytes) imported = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(RsChange) change = NULL;
  RsCase *c = rs_case_store_get_case (store);

  empty = rs_bundle_export (c, &error);
  g_assert_true (rs_case_store_begin_change (store, "Import the sample", &error));
  g_assert_true (rs_bundle_import_sample (store, &error));
  g_assert_no_error (error);
  change = rs_case_store_end_change (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  imported = rs_bundle_export (c, &error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (c)), >, 10);

  rs_undo_stack_push (stack, change);
  g_assert_true (rs_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (c)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_quotes (c)), ==, 0);
  again = rs_bundle_export (c, &error);
  rs_test_assert_same_bundle (empty, again);
  g_clear_pointer (&again, g_bytes_unref);

  g_assert_true (rs_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  again = rs_bundle_export (c, &error);
  rs_test_assert_same_bundle (imported, again);

  g_clear_object (&stack);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Another program changed a row the change wrote: undo is refused, nothing moves,
 * and the change stays where it was on the stack. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 tick = entity_id (fixture, "Tick");
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) still = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autofree char *sql = NULL;

  change = rs_case_edit_update_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP, "Tick (APT)",
                                       NULL, "", &error);
  g_assert_no_error (error);
  rs_undo_stack_push (fixture->stack, change);

  sql = g_strdup_printf ("UPDATE entity SET name = 'Tick (edited elsewhere)' WHERE id = %"
                         G_GINT64_FORMAT, tick);
  rs_test_raw_exec (rs_case_store_get_path (fixture->store), sql);
  g_assert_true (rs_case_store_reload (fixture->store, &error));
  g_assert_no_error (error);
  after = rs_test_export_checked (fixture->store);

  g_assert_false (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "Cannot undo “Rename “Tick” to “Tick (APT)””"));
  still = rs_test_export_checked (fixture->store);
  rs_test_assert_same_bundle (after, still);
  g_assert_true (rs_undo_stack_get_can_undo (fixture->stack));
  g_assert_true (rs_undo_stack_peek_undo (fixture->stack) == change);
}

/* Undo of a creation refused when another program hung a row on it (a foreign key
 * would dangle): caught by the check before commit. */
static void
test_conflict_child (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) still = NULL;
  g_autofree char *sql = NULL;
  gint64 id = 0;

  change = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_GROUP, "BRONZE BUTLER",
                                       NULL, "", &id, &error);
  g_assert_no_error (error);
  rs_undo_stack_push (fixture->stack, change);
  sql = g_strdup_printf ("INSERT INTO entity_alias (entity_id, position, alias) "
                         "VALUES (%" G_GINT64_FORMAT ", 0, 'G0060')", id);
  rs_test_raw_exec (rs_case_store_get_path (fixture->store), sql);
  g_assert_true (rs_case_store_reload (fixture->store, &error));
  after = rs_test_export_checked (fixture->store);

  g_assert_false (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_CONFLICT);
  still = rs_test_export_checked (fixture->store);
  rs_test_assert_same_bundle (after, still);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GBytes) still = NULL;
  gint64 tick = entity_id (fixture, "Tick");
  g_autoptr(RsQuote) quote = first_item (rs_case_get_quotes (kase (fixture)));
  RsDocument *document = rs_case_lookup_document (kase (fixture), rs_quote_get_document_id (quote));
  const char *bad_aliases[] = { "", NULL };
  struct
  {
    const char *what;
    RsChange   *change;
    GError     *error;
  } cases[8];
  guint n = 0;

  begin (fixture);

#define TRY(label, call) \
  G_STMT_START { cases[n].what = label; cases[n].error = NULL; \
                 cases[n].change = call; n++; } G_STMT_END

  TRY ("self relation", rs_case_edit_create_relation (fixture->store, tick, tick, "is", TRUE,
                                                      RS_RELATION_STATUS_ALLEGED, NULL,
                                                      &cases[n].error));
  TRY ("empty name", rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_GROUP, "", NULL,
                                                 NULL, NULL, &cases[n].error));
  TRY ("empty alias", rs_case_edit_update_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP,
                                                  "Tick", bad_aliases, "", &cases[n].error));
  TRY ("bad date", rs_case_edit_create_event (fixture->store, "Event", NULL, "2021-13-45", NULL,
                                              RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_NONE,
                                              NULL, 0, NULL, &cases[n].error));
  TRY ("span outside", rs_case_edit_update_quote (fixture->store, rs_quote_get_id (quote), 0,
                                                  rs_document_get_length (document) + 1, 0,
                                                  &cases[n].error));
  TRY ("merge into itself", rs_case_edit_merge_entities (fixture->store, tick, tick,
                                                         &cases[n].error));
  TRY ("empty title", rs_case_edit_update_document (fixture->store, rs_document_get_id (document),
                                                    "", NULL, NULL, NULL, NULL,
                                                    RS_RELIABILITY_A, &cases[n].error));
  TRY ("split a stranger's alias", rs_case_edit_split_entity (fixture->store, tick,
                                                              RS_ENTITY_KIND_GROUP, "X",
                                                              bad_aliases, NULL, 0, NULL, 0,
                                                              NULL, &cases[n].error));
#undef TRY

  for (guint i = 0; i < n; i++)
    {
      g_test_message ("%s", cases[i].what);
      g_assert_null (cases[i].change);
      g_assert_error (cases[i].error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_clear_error (&cases[i].error);
    }
  g_assert_false (rs_case_store_in_change (fixture->store));
  still = rs_test_export_checked (fixture->store);
  rs_test_assert_same_bundle (fixture->before, still);
}

/* A change given up halfway leaves the file and the model as they were. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) still = NULL;
  gint64 tick = entity_id (fixture, "Tick");

  begin (fixture);
  g_assert_true (rs_case_store_begin_change (fixture->store, "Many things", &error));
  g_assert_true (rs_case_store_update_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP, "Tack",
                                              NULL, "", &error));
  g_assert_true (rs_case_store_delete_entity (fixture->store, entity_id (fixture, "NHK"), &error));
  g_assert_false (rs_case_store_begin_change (fixture->store, "Nested", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_BUSY);
  rs_case_store_cancel_change (fixture->store);

  still = rs_test_export_checked (fixture->store);
  rs_test_assert_same_bundle (fixture->before, still);
  g_assert_cmpstr (rs_entity_get_name (rs_case_lookup_entity (kase (fixture), tick)), ==, "Tick");
}

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
} Notified;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Notified   *notified)
{
  if (g_str_equal (pspec->name, "can-undo"))
    notified->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    notified->can_redo++;
  else if (g_str_equal (pspec->name, "undo-label"))
    notified->undo_label++;
  else if (g_str_equal (pspec->name, "redo-label"))
    notified->redo_label++;
}

static void
test_stack (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) first = NULL;
  g_autoptr(RsChange) second = NULL;
  g_autoptr(RsChange) third = NULL;
  g_autofree char *label = NULL;
  gint64 tick = entity_id (fixture, "Tick");
  Notified notified = { 0 };
  gboolean can_undo;

  g_signal_connect (fixture->stack, "notify", G_CALLBACK (on_notify), &notified);
  g_object_get (fixture->stack, "can-undo", &can_undo, "undo-label", &label, NULL);
  g_assert_false (can_undo);
  g_assert_cmpstr (label, ==, "Undo");
  g_clear_pointer (&label, g_free);

  first = rs_case_edit_update_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP, "Tick 1", NULL,
                                      "", &error);
  rs_undo_stack_push (fixture->stack, first);
  g_assert_cmpuint (notified.can_undo, ==, 1);
  g_assert_cmpuint (notified.undo_label, ==, 1);
  second = rs_case_edit_update_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP, "Tick 2", NULL,
                                       "", &error);
  rs_undo_stack_push (fixture->stack, second);
  g_assert_cmpuint (notified.can_undo, ==, 1);
  g_assert_cmpuint (notified.undo_label, ==, 2);
  label = rs_undo_stack_dup_undo_label (fixture->stack);
  g_assert_cmpstr (label, ==, "Undo Rename “Tick 1” to “Tick 2”");
  g_clear_pointer (&label, g_free);

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_cmpuint (notified.can_redo, ==, 1);
  label = rs_undo_stack_dup_redo_label (fixture->stack);
  g_assert_cmpstr (label, ==, "Redo Rename “Tick 1” to “Tick 2”");
  g_clear_pointer (&label, g_free);

  /* A new change drops what could be redone. */
  third = rs_case_edit_update_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP, "Tick 3", NULL,
                                      "", &error);
  rs_undo_stack_push (fixture->stack, third);
  g_assert_false (rs_undo_stack_get_can_redo (fixture->stack));
  g_assert_cmpuint (notified.can_redo, ==, 2);

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_false (rs_undo_stack_get_can_undo (fixture->stack));
  g_assert_cmpstr (rs_entity_get_name (rs_case_lookup_entity (kase (fixture), tick)), ==, "Tick");

  rs_undo_stack_clear (fixture->stack);
  g_assert_false (rs_undo_stack_get_can_redo (fixture->stack));

  /* Nothing changed, nothing to undo. */
  {
    RsEntity *entity = rs_case_lookup_entity (kase (fixture), tick);
    g_autoptr(RsChange) none = rs_case_edit_update_entity (fixture->store, tick,
                                                           rs_entity_get_kind (entity),
                                                           rs_entity_get_name (entity),
                                                           rs_entity_get_aliases (entity),
                                                           rs_entity_get_description (entity),
                                                           &error);

    g_assert_no_error (error);
    g_assert_true (rs_change_is_empty (none));
    rs_undo_stack_push (fixture->stack, none);
    g_assert_false (rs_undo_stack_get_can_undo (fixture->stack));
  }
}

static void
test_change_new_destroy (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
  g_autoptr(GDateTime) time = g_date_time_new_utc (2021, 4, 20, 9, 0, 0);
  RsChange *change = rs_change_new ("Label", "Analyst", time, bytes);

  g_assert_cmpstr (rs_change_get_label (change), ==, "Label");
  g_assert_cmpstr (rs_change_get_author (change), ==, "Analyst");
  g_assert_true (g_date_time_equal (rs_change_get_time (change), time));
  g_assert_true (rs_change_is_empty (change));
  g_assert_finalize_object (change);
}

static void
test_author (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;

  g_assert_cmpstr (rs_case_store_get_author (fixture->store), !=, "");
  rs_case_store_set_author (fixture->store, "Analyst A");
  change = rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_GROUP, "X", NULL, NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_change_get_author (change), ==, "Analyst A");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/undo/change/new-destroy", test_change_new_destroy);
  ADD ("/undo/change/author", test_author);
  ADD ("/undo/entity/create", test_entity_create);
  ADD ("/undo/entity/update", test_entity_update);
  ADD ("/undo/entity/after-layout", test_undo_after_layout);
  ADD ("/undo/entity/delete", test_entity_delete);
  ADD ("/undo/relation/create-update-delete", test_relation);
  ADD ("/undo/relation/delete-with-evidence", test_relation_delete_with_evidence);
  ADD ("/undo/event/create-update-delete", test_event);
  ADD ("/undo/quote/span-and-stance", test_quote_and_stance);
  ADD ("/undo/document/update-delete", test_document);
  ADD ("/undo/merge/bronze-butler-into-tick", test_merge);
  ADD ("/undo/merge/sample-pair", test_merge_sample_pair);
  ADD ("/undo/split", test_split);
  ADD ("/undo/unpin", test_unpin);
  g_test_add_func ("/undo/import", test_import);
  ADD ("/undo/conflict/row-changed", test_conflict);
  ADD ("/undo/conflict/child-added", test_conflict_child);
  ADD ("/undo/bad-input", test_bad_input);
  ADD ("/undo/cancel", test_cancel);
  ADD ("/undo/stack", test_stack);

#undef ADD

  return g_test_run ();
}
