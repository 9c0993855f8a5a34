/* test-undo-quotes.c
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

/* The quote commands of issue 16, headless: Edit Quote (span, credibility and one
 * stance in one change) and Delete Quote, undone and redone exactly. As in
 * test-undo.c the case is compared as a bundle, and the live model must always
 * export what a fresh opening of the file does. Refused input writes nothing. */

typedef struct
{
  RsCaseStore *store;
  RsUndoStack *stack;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = rs_test_make_sample_file ("undo-quotes.redstring");
  g_autoptr(GError) error = NULL;

  fixture->store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  fixture->stack = rs_undo_stack_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->stack);
  g_assert_finalize_object (fixture->store);
}

static RsCase *
kase (Fixture *fixture)
{
  return rs_case_store_get_case (fixture->store);
}

static void
check_undo_redo (Fixture  *fixture,
                 GBytes   *before,
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
  g_assert_false (g_bytes_equal (before, after));

  rs_undo_stack_push (fixture->stack, change);
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  undone = rs_test_export_checked (fixture->store);
  g_assert_true (g_bytes_equal (before, undone));

  g_assert_true (rs_undo_stack_redo (fixture->stack, &error));
  g_assert_no_error (error);
  redone = rs_test_export_checked (fixture->store);
  g_assert_true (g_bytes_equal (after, redone));
}

/* An evidence link of the sample, and its quote. */
static RsEvidence *
some_evidence (Fixture  *fixture,
               RsQuote **quote)
{
  g_autoptr(RsEvidence) link = NULL;
  GListModel *evidence = rs_case_get_evidence (kase (fixture));

  g_assert_cmpuint (g_list_model_get_n_items (evidence), >, 0);
  link = g_list_model_get_item (evidence, 0);
  *quote = rs_case_lookup_quote (kase (fixture), rs_evidence_get_quote_id (link));
  g_assert_nonnull (*quote);
  return link;   /* borrowed from the case */
}

static void
test_edit_quote (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GBytes) before = rs_test_export_checked (fixture->store);
  g_autoptr(GError) error = NULL;
  RsQuote *quote;
  RsEvidence *link = some_evidence (fixture, &quote);
  g_autofree char *text = g_strdup (rs_quote_get_text (quote));
  RsStance stance = rs_evidence_get_stance (link) == RS_STANCE_CONTRADICTS ? RS_STANCE_SUPPORTS
                                                                           : RS_STANCE_CONTRADICTS;
  int credibility = rs_quote_get_credibility (quote) == 6 ? 1 : 6;
  RsChange *change;

  change = rs_case_edit_update_quote_evidence (fixture->store, rs_quote_get_id (quote),
                                               rs_quote_get_start (quote) + 1,
                                               rs_quote_get_end (quote), credibility,
                                               rs_evidence_get_id (link), stance, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rs_change_get_label (change), "Edit a quote from “"));
  g_assert_cmpstr (rs_quote_get_text (quote), ==, g_utf8_next_char (text));
  g_assert_cmpint (rs_quote_get_credibility (quote), ==, credibility);
  g_assert_cmpint (rs_evidence_get_stance (link), ==, stance);
  check_undo_redo (fixture, before, change);
}

/* Only the stance: still one change, the quote untouched. */
static void
test_stance_only (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) before = rs_test_export_checked (fixture->store);
  g_autoptr(GError) error = NULL;
  RsQuote *quote;
  RsEvidence *link = some_evidence (fixture, &quote);
  RsChange *change;

  change = rs_case_edit_update_quote_evidence (fixture->store, rs_quote_get_id (quote),
                                               rs_quote_get_start (quote), rs_quote_get_end (quote),
                                               rs_quote_get_credibility (quote),
                                               rs_evidence_get_id (link),
                                               rs_evidence_get_stance (link) == RS_STANCE_MENTIONS
                                               ? RS_STANCE_SUPPORTS : RS_STANCE_MENTIONS, &error);
  g_assert_no_error (error);
  check_undo_redo (fixture, before, change);
}

/* Nothing differs: an empty change, nothing written. */
static void
test_unchanged (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GBytes) before = rs_test_export_checked (fixture->store);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  RsQuote *quote;
  RsEvidence *link = some_evidence (fixture, &quote);

  change = rs_case_edit_update_quote_evidence (fixture->store, rs_quote_get_id (quote),
                                               rs_quote_get_start (quote), rs_quote_get_end (quote),
                                               rs_quote_get_credibility (quote),
                                               rs_evidence_get_id (link),
                                               rs_evidence_get_stance (link), &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_true (rs_change_is_empty (change));
  after = rs_test_export_checked (fixture->store);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_delete_quote (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GBytes) before = rs_test_export_checked (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  RsQuote *quote;
  gint64 quote_id;
  RsChange *change;

  some_evidence (fixture, &quote);
  quote_id = rs_quote_get_id (quote);
  links = rs_case_dup_evidence_of_quote (kase (fixture), quote_id);
  g_assert_cmpuint (links->len, >, 0);

  change = rs_case_edit_delete_quote (fixture->store, quote_id, &error);
  g_assert_no_error (error);
  g_assert_null (rs_case_lookup_quote (kase (fixture), quote_id));
  for (guint i = 0; i < links->len; i++)
    g_assert_null (rs_case_lookup_evidence (kase (fixture),
                                            rs_evidence_get_id (g_ptr_array_index (links, i))));
  check_undo_redo (fixture, before, change);
  g_assert_null (rs_case_lookup_quote (kase (fixture), quote_id));
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_nonnull (rs_case_lookup_quote (kase (fixture), quote_id));
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GBytes) before = rs_test_export_checked (fixture->store);
  g_autoptr(GBytes) after = NULL;
  RsQuote *quote;
  RsEvidence *link = some_evidence (fixture, &quote);
  gint64 id = rs_quote_get_id (quote);
  gint64 evidence_id = rs_evidence_get_id (link);
  RsDocument *document = rs_case_lookup_document (kase (fixture), rs_quote_get_document_id (quote));
  gint64 length = rs_document_get_length (document);
  const char *text = rs_document_get_text (document);
  gint64 blank = g_utf8_pointer_to_offset (text, strchr (text, ' '));
  RsQuote *other = NULL;
  GListModel *quotes = rs_case_get_quotes (kase (fixture));
  struct { gint64 quote, start, end; int credibility; gint64 evidence; } cases[] = {
    { id, 0, length + 1, 0, evidence_id },        /* past the end */
    { id, -1, 5, 0, evidence_id },                /* before the start */
    { id, 10, 10, 0, evidence_id },               /* empty */
    { id, 12, 10, 0, evidence_id },               /* reversed */
    { id, blank, blank + 1, 0, evidence_id },     /* blank space only */
    { id, 0, 5, 7, evidence_id },                 /* unknown grade */
    { id, 0, 5, 0, 999999 },                      /* no such link */
    { 999999, 0, 5, 0, 0 },                       /* no such quote */
    { 0, 0, 5, 0, evidence_id },                  /* another quote's link (below) */
  };

  for (guint i = 0; i < g_list_model_get_n_items (quotes) && other == NULL; i++)
    {
      g_autoptr(RsQuote) candidate = g_list_model_get_item (quotes, i);

      if (rs_quote_get_id (candidate) != id)
        other = candidate;
    }
  g_assert_nonnull (other);
  cases[G_N_ELEMENTS (cases) - 1].quote = rs_quote_get_id (other);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      RsChange *change = rs_case_edit_update_quote_evidence (fixture->store, cases[i].quote,
                                                             cases[i].start, cases[i].end,
                                                             cases[i].credibility,
                                                             cases[i].evidence,
                                                             RS_STANCE_SUPPORTS, &error);

      g_test_message ("case %u", i);
      g_assert_null (change);
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, !=, "");
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (rs_case_edit_delete_quote (fixture->store, 999999, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  }

  after = rs_test_export_checked (fixture->store);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/undo-quotes/edit", test_edit_quote);
  ADD ("/undo-quotes/stance-only", test_stance_only);
  ADD ("/undo-quotes/unchanged", test_unchanged);
  ADD ("/undo-quotes/delete", test_delete_quote);
  ADD ("/undo-quotes/bad-input", test_bad_input);
#undef ADD

  return g_test_run ();
}
