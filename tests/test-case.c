/* test-case.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-case.h"
#include "rs-selection.h"

static RsEntity *
entity (gint64      id,
        const char *name)
{
  RsEntity *e = rs_entity_new (id);

  rs_entity_set_name (e, name);
  return e;
}

static void
count_changes (GListModel *list,
               guint       position,
               guint       removed,
               guint       added,
               guint      *count)
{
  (*count)++;
}

static void
test_new_destroy (void)
{
  RsCase *kase = rs_case_new ();

  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 0);
  g_assert_finalize_object (kase);
}

/* The model mirrors the schema's cascades: relations, evidence and notes go with an
 * entity; quotes and documents stay. */
static void
test_remove_entity_cascades (void)
{
  g_autoptr(RsCase) kase = rs_case_new ();
  g_autoptr(RsEntity) pla = entity (1, "PLA");
  g_autoptr(RsEntity) tick = entity (2, "Tick");
  g_autoptr(RsRelation) directed = rs_relation_new (10);
  g_autoptr(RsDocument) doc = rs_document_new (20);
  g_autoptr(RsQuote) quote = rs_quote_new (30);
  g_autoptr(RsEvidence) on_relation = rs_evidence_new (40);
  g_autoptr(RsEvidence) on_tick = rs_evidence_new (41);
  g_autoptr(RsNote) note = rs_note_new (50);
  g_autoptr(RsEvent) event = rs_event_new (60);
  const gint64 members[] = { 1, 2 };
  guint entity_changes = 0;
  guint n;

  rs_relation_set_source_id (directed, 1);
  rs_relation_set_target_id (directed, 2);
  rs_quote_set_document_id (quote, 20);
  rs_evidence_set_quote_id (on_relation, 30);
  rs_evidence_set_target (on_relation, RS_TARGET_RELATION);
  rs_evidence_set_target_id (on_relation, 10);
  rs_evidence_set_quote_id (on_tick, 30);
  rs_evidence_set_target (on_tick, RS_TARGET_ENTITY);
  rs_evidence_set_target_id (on_tick, 2);
  rs_note_set_target (note, RS_TARGET_ENTITY);
  rs_note_set_target_id (note, 2);
  rs_event_set_entity_ids (event, members, 2);

  rs_case_add_entity (kase, pla);
  rs_case_add_entity (kase, tick);
  rs_case_add_relation (kase, directed);
  rs_case_add_document (kase, doc);
  rs_case_add_quote (kase, quote);
  rs_case_add_evidence (kase, on_relation);
  rs_case_add_evidence (kase, on_tick);
  rs_case_add_note (kase, note);
  rs_case_add_event (kase, event);

  g_assert_cmpuint (rs_case_count_documents_for (kase, RS_TARGET_ENTITY, 2), ==, 1);
  {
    g_autoptr(GPtrArray) links = rs_case_dup_evidence_of_quote (kase, 30);
    g_autoptr(GPtrArray) quotes = rs_case_dup_quotes_of (kase, 20);

    g_assert_cmpuint (links->len, ==, 2);
    g_assert_cmpuint (quotes->len, ==, 1);
  }
  g_signal_connect (rs_case_get_entities (kase), "items-changed", G_CALLBACK (count_changes),
                    &entity_changes);

  rs_case_remove_entity (kase, 2);

  g_assert_cmpuint (entity_changes, ==, 1);
  g_assert_null (rs_case_lookup_entity (kase, 2));
  g_assert_null (rs_case_lookup_relation (kase, 10));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_evidence (kase)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_notes (kase)), ==, 0);
  g_assert_nonnull (rs_case_lookup_quote (kase, 30));
  g_assert_nonnull (rs_case_lookup_document (kase, 20));
  {
    g_autoptr(GPtrArray) links = rs_case_dup_evidence_of_quote (kase, 30);

    g_assert_cmpuint (links->len, ==, 0);
  }
  g_assert_true (rs_event_has_entity (event, 1));
  g_assert_false (rs_event_has_entity (event, 2));
  rs_event_get_entity_ids (event, &n);
  g_assert_cmpuint (n, ==, 1);
}

static void
test_selection (void)
{
  g_autoptr(RsSelection) selection = rs_selection_new ();
  const gint64 ids[] = { 3, 4 };
  RsTarget target;
  gint64 id;
  guint changes = 0;

  g_signal_connect_swapped (selection, "changed", G_CALLBACK (g_nullify_pointer), NULL);
  g_signal_handlers_disconnect_by_func (selection, g_nullify_pointer, NULL);
  g_signal_connect_swapped (selection, "notify::n-items", G_CALLBACK (count_changes), NULL);
  g_signal_handlers_disconnect_by_func (selection, count_changes, NULL);

  g_assert_false (rs_selection_get_primary (selection, &target, &id));
  rs_selection_select (selection, RS_TARGET_ENTITY, 7);
  g_assert_true (rs_selection_contains (selection, RS_TARGET_ENTITY, 7));
  g_assert_false (rs_selection_contains (selection, RS_TARGET_RELATION, 7));
  rs_selection_toggle (selection, RS_TARGET_RELATION, 9);
  g_assert_cmpuint (rs_selection_get_n_items (selection), ==, 2);
  g_assert_true (rs_selection_get_primary (selection, &target, &id));
  g_assert_cmpint (target, ==, RS_TARGET_ENTITY);
  g_assert_cmpint (id, ==, 7);

  rs_selection_select_many (selection, RS_TARGET_ENTITY, ids, 2);
  g_assert_cmpuint (rs_selection_get_n_items (selection), ==, 2);
  g_assert_false (rs_selection_contains (selection, RS_TARGET_ENTITY, 7));

  (void)changes;
  rs_selection_clear (selection);
  g_assert_cmpuint (rs_selection_get_n_items (selection), ==, 0);
}

/* A quote's span is what g_utf8_substring() cuts, through ASCII runs of every length
 * (the fast path takes eight bytes at a time) and multi-byte characters at every place. */
static void
test_quote_span (void)
{
  const char *pieces[] = { "a", "é", "漢", "🜲", " ", "z" };
  GRand *rand = g_rand_new_with_seed (18);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      glong n_chars;

      for (guint i = 0, n = g_rand_int_range (rand, 0, 80); i < n; i++)
        {
          /* Mostly ASCII, in runs, as a report is. */
          guint piece = g_rand_int_range (rand, 0, 10) < 7 ? 0 : g_rand_int_range (rand, 1, 6);

          for (guint k = 0, run = piece == 0 ? g_rand_int_range (rand, 1, 20) : 1; k < run; k++)
            g_string_append (text, pieces[piece]);
        }
      n_chars = g_utf8_strlen (text->str, -1);
      for (guint k = 0; k < 20; k++)
        {
          gint64 start = g_rand_int_range (rand, 0, n_chars + 1);
          gint64 end = g_rand_int_range (rand, start, n_chars + 1);
          g_autofree char *expected = g_utf8_substring (text->str, start, end);
          g_autofree char *span = rs_quote_dup_span (text->str, start, end);

          g_assert_cmpstr (span, ==, expected);
        }
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case/new-destroy", test_new_destroy);
  g_test_add_func ("/case/remove-entity-cascades", test_remove_entity_cascades);
  g_test_add_func ("/case/selection", test_selection);
  g_test_add_func ("/case/quote-span", test_quote_span);

  return g_test_run ();
}
