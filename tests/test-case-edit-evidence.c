/* test-case-edit-evidence.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-case-store.h"
#include "rs-error.h"
#include "rs-suggest.h"
#include "rs-test-utils.h"
#include "rs-undo-stack.h"

/* The commands that turn a selection of a document's text into evidence (issue 17),
 * on the sample case: each is one change that undo takes back to the bundle from
 * before byte for byte and redo forward to the one from after, and bad input is
 * refused with nothing written. */

typedef struct
{
  RsCaseStore *store;
  RsUndoStack *stack;
  GBytes      *before;
  gint64       document_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = rs_test_make_sample_file ("evidence.redstring");
  g_autoptr(GError) error = NULL;
  GListModel *documents;
  g_autoptr(RsDocument) first = NULL;

  fixture->store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  fixture->stack = rs_undo_stack_new (fixture->store);
  documents = rs_case_get_documents (rs_case_store_get_case (fixture->store));
  first = g_list_model_get_item (documents, 0);
  g_assert_nonnull (first);
  g_assert_nonnull (strstr (rs_document_get_title (first), "NHK Says"));
  fixture->document_id = rs_document_get_id (first);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->before, g_bytes_unref);
  g_assert_finalize_object (fixture->stack);
  g_assert_finalize_object (fixture->store);
}

static RsCase *
kase (Fixture *fixture)
{
  return rs_case_store_get_case (fixture->store);
}

static GBytes *
export (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = rs_bundle_export (kase (fixture), &error);

  g_assert_no_error (error);
  return bytes;
}

static void
begin (Fixture *fixture)
{
  g_clear_pointer (&fixture->before, g_bytes_unref);
  fixture->before = rs_test_export_checked (fixture->store);
}

static void
check_undo_redo (Fixture  *fixture,
                 RsChange *change_)
{
  g_autoptr(RsChange) change = change_;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;

  g_assert_nonnull (change);
  g_assert_false (rs_change_is_empty (change));
  after = rs_test_export_checked (fixture->store);
  g_assert_false (g_bytes_equal (fixture->before, after));

  rs_undo_stack_push (fixture->stack, change);
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  undone = rs_test_export_checked (fixture->store);
  g_assert_true (g_bytes_equal (fixture->before, undone));

  g_assert_true (rs_undo_stack_redo (fixture->stack, &error));
  g_assert_no_error (error);
  redone = rs_test_export_checked (fixture->store);
  g_assert_true (g_bytes_equal (after, redone));
}

/* The character span of @needle in the fixture's document. */
static void
span_of (Fixture    *fixture,
         const char *needle,
         gint64     *start,
         gint64     *end)
{
  RsDocument *document = rs_case_lookup_document (kase (fixture), fixture->document_id);
  const char *text = rs_document_get_text (document);
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  *start = g_utf8_pointer_to_offset (text, at);
  *end = *start + g_utf8_strlen (needle, -1);
}

static guint
n_items (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

static RsEvidence *
only_evidence_of (Fixture *fixture,
                  gint64   quote_id)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_of_quote (kase (fixture), quote_id);

  g_assert_cmpuint (evidence->len, ==, 1);
  return g_ptr_array_index (evidence, 0);
}

static void
test_entity_from_quote (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *aliases[] = { "Chief Cabinet Secretary", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  RsChange *change;
  RsQuote *quote;
  gint64 start, end, id = 0;

  span_of (fixture, "regular news briefing Tuesday", &start, &end);
  begin (fixture);
  change = rs_case_edit_create_entity_from_quote (fixture->store, fixture->document_id, start, end,
                                                  RS_ENTITY_KIND_EVENT, " Kato briefing ",
                                                  aliases, "", &id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_change_get_label (change), ==,
                   "Add “ Kato briefing ” from “Chinese Military Seen Behind Japan Cyber-Attacks, NHK Says”");
  check_undo_redo (fixture, change);

  g_assert_cmpstr (rs_entity_get_name (rs_case_lookup_entity (kase (fixture), id)), ==, "Kato briefing");
  evidence = rs_case_dup_evidence_for (kase (fixture), RS_TARGET_ENTITY, id);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpint (rs_evidence_get_stance (g_ptr_array_index (evidence, 0)), ==, RS_STANCE_SUPPORTS);
  quote = rs_case_lookup_quote (kase (fixture), rs_evidence_get_quote_id (g_ptr_array_index (evidence, 0)));
  g_assert_cmpstr (rs_quote_get_text (quote), ==, "regular news briefing Tuesday");
  g_assert_cmpint (rs_quote_get_start (quote), ==, start);
}

static void
test_quote_evidence (Fixture       *fixture,
                     gconstpointer  user_data)
{
  RsEntity *tick = rs_case_lookup_entity_by_name (kase (fixture), "Tick");
  RsEntity *pla = rs_case_lookup_entity_by_name (kase (fixture), "People’s Liberation Army");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) unchanged = NULL;
  g_autoptr(GBytes) now = NULL;
  gint64 start, end, quote_id = 0, again_id = 0;
  guint quotes;
  RsChange *change;

  span_of (fixture, "Wang later added cyberspace is made up of many actors", &start, &end);
  begin (fixture);
  quotes = n_items (rs_case_get_quotes (kase (fixture)));
  change = rs_case_edit_add_quote_evidence (fixture->store, fixture->document_id, start, end,
                                            RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                            RS_STANCE_CONTRADICTS, 4, &quote_id, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, change);
  g_assert_cmpuint (n_items (rs_case_get_quotes (kase (fixture))), ==, quotes + 1);
  g_assert_cmpint (rs_quote_get_credibility (rs_case_lookup_quote (kase (fixture), quote_id)), ==, 4);
  g_assert_cmpint (rs_evidence_get_stance (only_evidence_of (fixture, quote_id)), ==, RS_STANCE_CONTRADICTS);

  /* The same span for another target reuses the quote. */
  begin (fixture);
  change = rs_case_edit_add_quote_evidence (fixture->store, fixture->document_id, start, end,
                                            RS_TARGET_ENTITY, rs_entity_get_id (pla),
                                            RS_STANCE_MENTIONS, 0, &again_id, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, change);
  g_assert_cmpint (again_id, ==, quote_id);
  g_assert_cmpuint (n_items (rs_case_get_quotes (kase (fixture))), ==, quotes + 1);
  g_assert_cmpint (rs_quote_get_credibility (rs_case_lookup_quote (kase (fixture), quote_id)), ==, 4);

  /* The same evidence again changes nothing: refused. */
  unchanged = export (fixture);
  change = rs_case_edit_add_quote_evidence (fixture->store, fixture->document_id, start, end,
                                            RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                            RS_STANCE_CONTRADICTS, 0, NULL, &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_assert_null (change);
  g_clear_error (&error);

  /* With another stance it changes the link's stance, undoably. */
  begin (fixture);
  change = rs_case_edit_add_quote_evidence (fixture->store, fixture->document_id, start, end,
                                            RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                            RS_STANCE_SUPPORTS, 0, NULL, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, change);
  now = export (fixture);
  g_assert_false (g_bytes_equal (unchanged, now));
}

static void
test_event_from_quote (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gint64 ids[] = { rs_entity_get_id (rs_case_lookup_entity_by_name (kase (fixture), "Tick")) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *iso = NULL;
  RsEvent *event;
  RsChange *change;
  gint64 start, end, id = 0;

  span_of (fixture, "Tick conducted a hack in late February", &start, &end);
  begin (fixture);
  change = rs_case_edit_create_event_from_quote (fixture->store, fixture->document_id, start, end,
                                                 "Exchange hack", "2021-02", NULL,
                                                 RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_LATE,
                                                 ids, 1, &id, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, change);
  event = rs_case_lookup_event (kase (fixture), id);
  g_assert_nonnull (event);
  iso = rs_fuzzy_date_dup_start (rs_event_get_date (event));
  g_assert_cmpstr (iso, ==, "2021-02");
  g_assert_true (rs_event_has_entity (event, ids[0]));
  evidence = rs_case_dup_evidence_for (kase (fixture), RS_TARGET_EVENT, id);
  g_assert_cmpuint (evidence->len, ==, 1);
}

static void
test_accept_suggestions (Fixture       *fixture,
                         gconstpointer  user_data)
{
  RsDocument *document = rs_case_lookup_document (kase (fixture), fixture->document_id);
  g_autoptr(GPtrArray) all = rs_suggest_document (kase (fixture), document);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  guint evidence, entities, new_ones = 0;
  RsChange *change;

  for (guint i = 0; i < all->len; i++)
    {
      RsSuggestion *s = g_ptr_array_index (all, i);

      g_ptr_array_add (chosen, s);
      new_ones += !rs_suggestion_is_event (s) && !rs_suggestion_is_mention (s);
    }
  g_assert_cmpuint (chosen->len, >, 20);
  g_assert_cmpuint (new_ones, >, 0);

  begin (fixture);
  evidence = n_items (rs_case_get_evidence (kase (fixture)));
  entities = n_items (rs_case_get_entities (kase (fixture)));
  change = rs_case_edit_accept_suggestions (fixture->store, fixture->document_id, chosen, &error);
  g_assert_no_error (error);
  label = g_strdup_printf ("Accept %u Suggestions", chosen->len);
  g_assert_cmpstr (rs_change_get_label (change), ==, label);
  check_undo_redo (fixture, change);
  g_assert_cmpuint (n_items (rs_case_get_entities (kase (fixture))), ==, entities + new_ones);
  g_assert_cmpuint (n_items (rs_case_get_evidence (kase (fixture))), >, evidence);

  /* Accepted again: the mentions are there already, the new names now exist, so the
   * suggestions of the same text propose nothing new. */
  {
    g_autoptr(GPtrArray) again = rs_suggest_document (kase (fixture), document);

    for (guint i = 0; i < again->len; i++)
      g_assert_true (rs_suggestion_is_event (g_ptr_array_index (again, i)) ||
                     rs_suggestion_is_mention (g_ptr_array_index (again, i)));
  }
}

/* Bad spans and ids: an RS_ERROR_INVALID_INPUT error and nothing written. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  gint64 tick = rs_entity_get_id (rs_case_lookup_entity_by_name (kase (fixture), "Tick"));
  gint64 doc = fixture->document_id;
  RsDocument *document = rs_case_lookup_document (kase (fixture), doc);
  gint64 length = g_utf8_strlen (rs_document_get_text (document), -1);
  g_autoptr(GBytes) before = rs_test_export_checked (fixture->store);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify)rs_suggestion_unref);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  const struct { gint64 doc, start, end; } spans[] = {
    { doc, 5, 5 }, { doc, 10, 3 }, { doc, -1, 4 }, { doc, length - 2, length + 1 },
    { 9999, 0, 4 },
  };
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_assert_null (rs_case_edit_create_entity_from_quote (fixture->store, spans[i].doc,
                                                            spans[i].start, spans[i].end,
                                                            RS_ENTITY_KIND_PERSON, "X", NULL,
                                                            NULL, NULL, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_clear_error (&error);
      g_assert_null (rs_case_edit_add_quote_evidence (fixture->store, spans[i].doc, spans[i].start,
                                                      spans[i].end, RS_TARGET_ENTITY, tick,
                                                      RS_STANCE_SUPPORTS, 0, NULL, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_clear_error (&error);
      g_assert_null (rs_case_edit_create_event_from_quote (fixture->store, spans[i].doc,
                                                           spans[i].start, spans[i].end, "E",
                                                           "2016", NULL, RS_DATE_PRECISION_YEAR,
                                                           RS_DATE_QUALIFIER_NONE, NULL, 0, NULL,
                                                           &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }

  /* Unknown target, stance, credibility, entity, kind. */
  g_assert_null (rs_case_edit_add_quote_evidence (fixture->store, doc, 0, 4, RS_TARGET_ENTITY,
                                                  9999, RS_STANCE_SUPPORTS, 0, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (rs_case_edit_add_quote_evidence (fixture->store, doc, 0, 4, RS_TARGET_DOCUMENT,
                                                  doc, RS_STANCE_SUPPORTS, 0, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (rs_case_edit_add_quote_evidence (fixture->store, doc, 0, 4, RS_TARGET_ENTITY,
                                                  tick, 7, 0, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (rs_case_edit_add_quote_evidence (fixture->store, doc, 0, 4, RS_TARGET_ENTITY,
                                                  tick, RS_STANCE_SUPPORTS, 7, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  {
    gint64 unknown[] = { 9999 };

    g_assert_null (rs_case_edit_create_event_from_quote (fixture->store, doc, 0, 4, "E", "2016",
                                                         NULL, RS_DATE_PRECISION_YEAR,
                                                         RS_DATE_QUALIFIER_NONE, unknown, 1, NULL,
                                                         &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }
  g_assert_null (rs_case_edit_create_entity_from_quote (fixture->store, doc, 0, 4, 42, "X", NULL,
                                                        NULL, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  /* An empty name: refused by the store inside the change, which rolls back. */
  g_assert_null (rs_case_edit_create_entity_from_quote (fixture->store, doc, 0, 4,
                                                        RS_ENTITY_KIND_PERSON, "  ", NULL, NULL,
                                                        NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Suggestions: none, a span past the end, a mention of a deleted entity. */
  g_assert_null (rs_case_edit_accept_suggestions (fixture->store, doc, empty, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_ptr_array_add (suggestions, rs_suggestion_new_entity (RS_ENTITY_KIND_PERSON, "A", NULL, 0, 4,
                                                          0, "why"));
  g_ptr_array_add (suggestions, rs_suggestion_new_entity (RS_ENTITY_KIND_PERSON, "B", NULL,
                                                          length, length + 3, 0, "why"));
  g_assert_null (rs_case_edit_accept_suggestions (fixture->store, doc, suggestions, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_ptr_array_remove_index (suggestions, 1);
  g_ptr_array_add (suggestions, rs_suggestion_new_entity (RS_ENTITY_KIND_PERSON, "C", NULL, 0, 4,
                                                          9999, "why"));
  g_assert_null (rs_case_edit_accept_suggestions (fixture->store, doc, suggestions, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  after = rs_test_export_checked (fixture->store);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (rs_undo_stack_get_can_undo (fixture->stack));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/case-edit-evidence/entity-from-quote", test_entity_from_quote);
  ADD ("/case-edit-evidence/quote-evidence", test_quote_evidence);
  ADD ("/case-edit-evidence/event-from-quote", test_event_from_quote);
  ADD ("/case-edit-evidence/accept-suggestions", test_accept_suggestions);
  ADD ("/case-edit-evidence/bad-input", test_bad_input);
#undef ADD

  return g_test_run ();
}
