/* test-review.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-case-store.h"
#include "rs-error.h"
#include "rs-history-entry.h"
#include "rs-test-utils.h"
#include "rs-undo-stack.h"

/* Team review: claims accepted or challenged by a named reviewer, threads of comments,
 * review marks. Each is a command: in the file, in the model, in the history, undone
 * and redone exactly, and gone with its claim. */

typedef struct
{
  char        *path;
  RsCaseStore *store;
  RsUndoStack *stack;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = rs_test_make_sample_file ("review.redstring");
  fixture->store = rs_case_store_open (fixture->path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  fixture->stack = rs_undo_stack_new (fixture->store);
  rs_case_store_set_author (fixture->store, "Chiara Rossi");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
}

static RsCase *
kase (Fixture *fixture)
{
  return rs_case_store_get_case (fixture->store);
}

static gint64
entity_named (Fixture    *fixture,
              const char *name)
{
  RsEntity *entity = rs_case_lookup_entity_by_name (kase (fixture), name);

  g_assert_nonnull (entity);
  return rs_entity_get_id (entity);
}

static gint64
some_relation_of (Fixture *fixture,
                  gint64   entity_id)
{
  g_autoptr(GPtrArray) relations = rs_case_dup_relations_of (kase (fixture), entity_id);

  g_assert_cmpuint (relations->len, >, 0);
  return rs_relation_get_id (g_ptr_array_index (relations, 0));
}

static void
push (Fixture  *fixture,
      RsChange *change)
{
  g_assert_nonnull (change);
  rs_undo_stack_push (fixture->stack, change);
  g_object_unref (change);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->store);
  fixture->store = rs_case_store_open (fixture->path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  fixture->stack = rs_undo_stack_new (fixture->store);
}

static void
test_states (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 tick = entity_named (fixture, "Tick");
  gint64 relation = some_relation_of (fixture, tick);
  RsReview *review;

  g_assert_cmpint (rs_case_get_review_state (kase (fixture), RS_TARGET_ENTITY, tick), ==,
                   RS_REVIEW_STATE_UNREVIEWED);

  push (fixture, rs_case_edit_set_review_state (fixture->store, RS_TARGET_RELATION, relation,
                                                RS_REVIEW_STATE_CHALLENGED, &error));
  g_assert_no_error (error);
  review = rs_case_lookup_review_for (kase (fixture), RS_TARGET_RELATION, relation);
  g_assert_nonnull (review);
  g_assert_cmpint (rs_review_get_state (review), ==, RS_REVIEW_STATE_CHALLENGED);
  g_assert_cmpstr (rs_review_get_reviewer (review), ==, "Chiara Rossi");
  {
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (rs_review_get_time (review), NULL);
    g_assert_nonnull (when);
  }

  /* Another reviewer accepts it: one state per claim, the latest reviewer's. */
  rs_case_store_set_author (fixture->store, "Dmitri Volkov");
  push (fixture, rs_case_edit_set_review_state (fixture->store, RS_TARGET_RELATION, relation,
                                                RS_REVIEW_STATE_ACCEPTED, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_reviews (kase (fixture))), ==, 1);
  g_assert_cmpint (rs_review_get_state (review), ==, RS_REVIEW_STATE_ACCEPTED);
  g_assert_cmpstr (rs_review_get_reviewer (review), ==, "Dmitri Volkov");

  /* Undo gives the challenge back, by its reviewer; redo the acceptance. */
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rs_case_get_review_state (kase (fixture), RS_TARGET_RELATION, relation), ==,
                   RS_REVIEW_STATE_CHALLENGED);
  g_assert_cmpstr (rs_review_get_reviewer (rs_case_lookup_review_for (kase (fixture),
                                                                      RS_TARGET_RELATION, relation)),
                   ==, "Chiara Rossi");
  g_assert_true (rs_undo_stack_redo (fixture->stack, &error));
  g_assert_no_error (error);

  reopen (fixture);
  g_assert_cmpint (rs_case_get_review_state (kase (fixture), RS_TARGET_RELATION, relation), ==,
                   RS_REVIEW_STATE_ACCEPTED);

  /* The history says who did it. */
  {
    g_autoptr(GPtrArray) lines = rs_case_store_dup_history (fixture->store, NULL,
                                                            RS_TARGET_RELATION, relation, 0,
                                                            &error);
    g_assert_no_error (error);
    g_assert_cmpuint (lines->len, ==, 4);  /* challenge, accept, undo, redo */
    g_assert_true (g_str_has_prefix (rs_history_entry_get_label (g_ptr_array_index (lines, 3)),
                                     "Challenge “"));
    g_assert_cmpstr (rs_history_entry_get_author (g_ptr_array_index (lines, 3)), ==, "Chiara Rossi");
  }
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) thread = NULL;
  gint64 unit = entity_named (fixture, "Unit 61419");
  gint64 first = 0, second = 0;
  RsComment *comment;

  push (fixture, rs_case_edit_add_comment (fixture->store, RS_TARGET_ENTITY, unit,
                                           "  Is the unit named by both reports?  ", &first,
                                           &error));
  g_assert_no_error (error);
  rs_case_store_set_author (fixture->store, "Dmitri Volkov");
  push (fixture, rs_case_edit_add_comment (fixture->store, RS_TARGET_ENTITY, unit,
                                           "Only NHK names it; Breitbart quotes NHK.", &second,
                                           &error));
  g_assert_no_error (error);

  thread = rs_case_dup_comments_for (kase (fixture), RS_TARGET_ENTITY, unit);
  g_assert_cmpuint (thread->len, ==, 2);
  comment = g_ptr_array_index (thread, 0);
  g_assert_cmpint (rs_comment_get_id (comment), ==, first);
  g_assert_cmpstr (rs_comment_get_body (comment), ==, "Is the unit named by both reports?");
  g_assert_cmpstr (rs_comment_get_author (comment), ==, "Chiara Rossi");
  g_assert_cmpstr (rs_comment_get_author (g_ptr_array_index (thread, 1)), ==, "Dmitri Volkov");
  g_assert_cmpuint (rs_case_count_open_comments_for (kase (fixture), RS_TARGET_ENTITY, unit), ==, 2);

  push (fixture, rs_case_edit_resolve_comment (fixture->store, first, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (rs_comment_get_resolved (comment));
  g_assert_cmpuint (rs_case_count_open_comments_for (kase (fixture), RS_TARGET_ENTITY, unit), ==, 1);

  push (fixture, rs_case_edit_delete_comment (fixture->store, second, &error));
  g_assert_no_error (error);
  g_assert_null (rs_case_lookup_comment (kase (fixture), second));
  g_assert_cmpuint (rs_case_count_open_comments_for (kase (fixture), RS_TARGET_ENTITY, unit), ==, 0);

  /* Undo the deletion: the same comment, by its author, back in its thread. */
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rs_case_lookup_comment (kase (fixture), second));
  g_assert_cmpstr (rs_comment_get_author (rs_case_lookup_comment (kase (fixture), second)), ==,
                   "Dmitri Volkov");

  reopen (fixture);
  g_clear_pointer (&thread, g_ptr_array_unref);
  thread = rs_case_dup_comments_for (kase (fixture), RS_TARGET_ENTITY, unit);
  g_assert_cmpuint (thread->len, ==, 2);
  g_assert_true (rs_comment_get_resolved (g_ptr_array_index (thread, 0)));
  g_assert_false (rs_comment_get_resolved (g_ptr_array_index (thread, 1)));
}

/* A claim takes its review with it, and undoing its deletion brings both back. */
static void
test_cascade (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0, comment = 0;

  push (fixture, rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_PERSON, "Suspect",
                                             NULL, "", &id, &error));
  g_assert_no_error (error);
  push (fixture, rs_case_edit_set_review_state (fixture->store, RS_TARGET_ENTITY, id,
                                                RS_REVIEW_STATE_CHALLENGED, &error));
  push (fixture, rs_case_edit_add_comment (fixture->store, RS_TARGET_ENTITY, id, "Source?",
                                           &comment, &error));
  g_assert_no_error (error);

  push (fixture, rs_case_edit_delete_entity (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (rs_case_lookup_review_for (kase (fixture), RS_TARGET_ENTITY, id));
  g_assert_null (rs_case_lookup_comment (kase (fixture), comment));

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rs_case_get_review_state (kase (fixture), RS_TARGET_ENTITY, id), ==,
                   RS_REVIEW_STATE_CHALLENGED);
  g_assert_nonnull (rs_case_lookup_comment (kase (fixture), comment));

  reopen (fixture);
  g_assert_cmpint (rs_case_get_review_state (kase (fixture), RS_TARGET_ENTITY, id), ==,
                   RS_REVIEW_STATE_CHALLENGED);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 tick = entity_named (fixture, "Tick");
  guint n_history;

  {
    g_autoptr(GPtrArray) lines = rs_case_store_dup_history (fixture->store, NULL, RS_TARGET_CASE,
                                                            0, 0, &error);
    n_history = lines->len;
  }

  g_assert_null (rs_case_edit_set_review_state (fixture->store, RS_TARGET_ENTITY, 999999,
                                                RS_REVIEW_STATE_ACCEPTED, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (rs_case_edit_set_review_state (fixture->store, RS_TARGET_DOCUMENT, 1,
                                                RS_REVIEW_STATE_ACCEPTED, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (rs_case_edit_set_review_state (fixture->store, RS_TARGET_ENTITY, tick, 7, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (rs_case_edit_add_comment (fixture->store, RS_TARGET_ENTITY, tick, " \n\t ", NULL,
                                           &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (rs_case_edit_add_comment (fixture->store, RS_TARGET_ENTITY, tick, "\xff\xfe",
                                           NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (rs_case_edit_resolve_comment (fixture->store, 424242, TRUE, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Nothing was written, nothing is in the history. */
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_reviews (kase (fixture))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_comments (kase (fixture))), ==, 0);
  {
    g_autoptr(GPtrArray) lines = rs_case_store_dup_history (fixture->store, NULL, RS_TARGET_CASE,
                                                            0, 0, &error);
    g_assert_cmpuint (lines->len, ==, n_history);
  }
}

static void
test_review_mark (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reviewer = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GArray) since = NULL;
  gint64 tick = entity_named (fixture, "Tick");

  g_assert_false (rs_case_store_get_last_review_mark (fixture->store, &reviewer, &time, &error));
  g_assert_no_error (error);

  /* A change made just before the mark is not "since" it, even within the same second:
   * the mark keeps milliseconds, as the history does. */
  push (fixture, rs_case_edit_create_entity (fixture->store, RS_ENTITY_KIND_PERSON, "Before the mark",
                                             NULL, "", NULL, &error));
  g_assert_no_error (error);
  g_usleep (5000);
  push (fixture, rs_case_edit_mark_review (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (rs_case_store_get_last_review_mark (fixture->store, &reviewer, &time, &error));
  g_assert_cmpstr (reviewer, ==, "Chiara Rossi");

  g_usleep (5000);
  push (fixture, rs_case_edit_update_entity (fixture->store, tick, RS_ENTITY_KIND_GROUP, "Tick",
                                             (const char *[]) { "BRONZE BUTLER", NULL }, "",
                                             &error));
  g_assert_no_error (error);
  since = rs_case_store_dup_changes_since (fixture->store, time, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (since->len, ==, 1);
  g_assert_cmpint (g_array_index (since, RsHistoryItem, 0).id, ==, tick);

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_clear_pointer (&reviewer, g_free);
  g_clear_pointer (&time, g_date_time_unref);
  g_assert_false (rs_case_store_get_last_review_mark (fixture->store, &reviewer, NULL, &error));
  g_assert_no_error (error);
}

/* Review states and threads travel in bundles: exported, imported into a new case,
 * exported again, the same bundle; a case nobody reviewed writes neither array. */
static void
test_bundle_round_trip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = rs_test_export_checked (fixture->store);
  g_autoptr(GBytes) reviewed = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(RsCaseStore) copy = NULL;
  gint64 tick = entity_named (fixture, "Tick");
  gint64 relation = some_relation_of (fixture, tick);
  gint64 quote = rs_quote_get_id (g_list_model_get_item (rs_case_get_quotes (kase (fixture)), 0));
  RsCase *copied;
  RsEntity *copied_tick;

  g_object_unref (rs_case_lookup_quote (kase (fixture), quote));  /* get_item's reference */
  g_assert_null (g_strstr_len (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), "\"reviews\""));

  push (fixture, rs_case_edit_set_review_state (fixture->store, RS_TARGET_RELATION, relation,
                                                RS_REVIEW_STATE_CHALLENGED, &error));
  push (fixture, rs_case_edit_set_review_state (fixture->store, RS_TARGET_QUOTE, quote,
                                                RS_REVIEW_STATE_ACCEPTED, &error));
  push (fixture, rs_case_edit_add_comment (fixture->store, RS_TARGET_ENTITY, tick,
                                           "BRONZE BUTLER per Secureworks", NULL, &error));
  g_assert_no_error (error);
  reviewed = rs_test_export_checked (fixture->store);

  copy = rs_test_open_new_case ("copy.redstring");
  g_assert_true (rs_bundle_import_bytes (copy, reviewed, &error));
  g_assert_no_error (error);
  again = rs_test_export_checked (copy);
  rs_test_assert_same_bundle (reviewed, again);

  copied = rs_case_store_get_case (copy);
  copied_tick = rs_case_lookup_entity_by_name (copied, "Tick");
  g_assert_cmpuint (rs_case_count_open_comments_for (copied, RS_TARGET_ENTITY,
                                                     rs_entity_get_id (copied_tick)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_reviews (copied)), ==, 2);
}

typedef struct
{
  const char *name;
  const char *array;   /* JSON text of "reviews" or "comments" */
  const char *message; /* part of the refusal */
} BadReview;

static const BadReview bad_reviews[] = {
  { "unknown-target", "\"reviews\": [{\"id\": \"r\", \"target\": \"nope\", \"state\": \"accepted\", \"reviewer\": \"x\", \"time\": \"2021-04-20T00:00:00Z\"}]", "reviews[0]" },
  { "bad-state", "\"reviews\": [{\"id\": \"r\", \"target\": \"e1\", \"state\": \"approved\", \"reviewer\": \"x\", \"time\": \"2021-04-20T00:00:00Z\"}]", "state" },
  { "bad-time", "\"reviews\": [{\"id\": \"r\", \"target\": \"e1\", \"state\": \"accepted\", \"reviewer\": \"x\", \"time\": \"yesterday\"}]", "time" },
  { "two-states", "\"reviews\": [{\"id\": \"r\", \"target\": \"e1\", \"state\": \"accepted\", \"reviewer\": \"x\", \"time\": \"2021-04-20T00:00:00Z\"}, {\"id\": \"r2\", \"target\": \"e1\", \"state\": \"challenged\", \"reviewer\": \"y\", \"time\": \"2021-04-20T00:00:00Z\"}]", "reviews[1]" },
  { "empty-comment", "\"comments\": [{\"id\": \"c\", \"target\": \"e1\", \"author\": \"x\", \"time\": \"2021-04-20T00:00:00Z\", \"body\": \"\"}]", "body" },
  { "comment-on-document", "\"documents\": [{\"id\": \"d\", \"title\": \"T\", \"text\": \"Some text.\"}], \"comments\": [{\"id\": \"c\", \"target\": \"d\", \"author\": \"x\", \"time\": \"2021-04-20T00:00:00Z\", \"body\": \"b\"}]", "not an entity" },
  { "resolved-not-bool", "\"comments\": [{\"id\": \"c\", \"target\": \"e1\", \"author\": \"x\", \"time\": \"2021-04-20T00:00:00Z\", \"body\": \"b\", \"resolved\": \"yes\"}]", "resolved" },
};

static void
test_bundle_refused (gconstpointer data)
{
  const BadReview *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("bad.redstring");
  g_autofree char *json = g_strdup_printf ("{\"format\": \"redstring-case\", \"version\": 1, "
                                           "\"entities\": [{\"id\": \"e1\", \"kind\": \"group\", \"name\": \"Tick\"}], %s}",
                                           bad->array);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  g_assert_false (rs_bundle_import_bytes (store, bytes, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  if (strstr (error->message, bad->message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->message);
  /* Nothing of it was kept. */
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (store))), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

#define ADD(path, func) \
  g_test_add ("/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("states", test_states);
  ADD ("threads", test_threads);
  ADD ("cascade", test_cascade);
  ADD ("refused", test_refused);
  ADD ("review-mark", test_review_mark);
  ADD ("bundle-round-trip", test_bundle_round_trip);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (bad_reviews); i++)
    {
      g_autofree char *path = g_strconcat ("/review/bundle-refused/", bad_reviews[i].name, NULL);
      g_test_add_data_func (path, &bad_reviews[i], test_bundle_refused);
    }

  return g_test_run ();
}
