/* test-suggestions-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-panel-test-utils.h"
#include "rs-suggest.h"
#include "rs-suggestion-row.h"
#include "rs-suggestions-panel.h"
#include "rs-undo-stack.h"

/* The Suggestions panel on the sample case: the engine's proposals for a report in
 * three groups, read in a thread; Accept writes one undoable command (undone byte for
 * byte), Accept All a group in one, Reject hides without writing, and another report
 * cancels the run and lists its own. */

typedef struct
{
  RsCaseStore        *store;
  RsUndoStack        *stack;
  RsSelection        *selection;
  RsSuggestionsPanel *panel;
  GtkWindow          *window;
  RsDocument         *document;   /* the Breitbart report: known names, new ones, dates */
  RsDocument         *other;      /* the Bloomberg report, whose dates are all in the case */
} Fixture;

static void
wait_done (RsSuggestionsPanel *panel)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* The panel runs the engine from an idle, then in a thread. */
  rs_panel_test_wait (10);
  while (rs_suggestions_panel_get_running (panel))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      rs_panel_test_wait (10);
    }
  rs_panel_test_wait (10);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  GListModel *documents;

  fixture->store = rs_test_open_sample_case ("suggestions.redstring");
  fixture->stack = rs_undo_stack_new (fixture->store);
  g_signal_connect_object (fixture->store, "change-committed", G_CALLBACK (rs_undo_stack_push),
                           fixture->stack, G_CONNECT_SWAPPED);
  fixture->selection = rs_selection_new ();
  fixture->panel = g_object_ref_sink (RS_SUGGESTIONS_PANEL (rs_suggestions_panel_new ()));
  rs_panel_set_store (RS_PANEL (fixture->panel), fixture->store);
  rs_panel_set_selection (RS_PANEL (fixture->panel), fixture->selection);
  fixture->window = rs_panel_test_present (GTK_WIDGET (fixture->panel), 400, 800);

  documents = rs_case_get_documents (rs_case_store_get_case (fixture->store));
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RsDocument) document = g_list_model_get_item (documents, i);

      if (strstr (rs_document_get_text (document), "Simon Dawson") != NULL)
        fixture->other = document;
      else if (fixture->document == NULL)
        fixture->document = document;
    }
  g_assert_nonnull (fixture->document);
  g_assert_nonnull (fixture->other);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->panel);
  g_assert_finalize_object (fixture->selection);
  g_clear_object (&fixture->stack);
  g_assert_finalize_object (fixture->store);
}

static GBytes *
export (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = rs_bundle_export (rs_case_store_get_case (fixture->store), &error);

  g_assert_no_error (error);
  return bytes;
}

static GtkListBox *
list_box (Fixture *fixture)
{
  return rs_panel_test_template_child (fixture->panel, RS_TYPE_SUGGESTIONS_PANEL, "list_box");
}

/* The listed rows of @group, in order. */
static GPtrArray *
dup_rows (Fixture           *fixture,
          RsSuggestionGroup  group)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_box (fixture)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      RsSuggestion *s;

      if (!RS_IS_SUGGESTION_ROW (child))
        continue;
      s = rs_suggestion_row_get_suggestion (RS_SUGGESTION_ROW (child));
      if ((group == RS_SUGGESTION_GROUP_EVENTS) == rs_suggestion_is_event (s) &&
          (group == RS_SUGGESTION_GROUP_MENTIONS) == rs_suggestion_is_mention (s))
        g_ptr_array_add (rows, child);
    }
  return rows;
}

/* The button of @widget (a row or a header) showing @icon or labelled @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *icon,
             const char *label)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_BUTTON (w) &&
          ((icon && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)), icon) == 0) ||
           (label && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)))
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  rs_panel_test_wait (10);
}

static char *
dup_key (RsSuggestion *s)
{
  return g_strdup_printf ("%ld:%ld:%s", rs_suggestion_get_start (s), rs_suggestion_get_end (s),
                          rs_suggestion_get_name (s));
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  GtkStack *stack = rs_panel_test_template_child (fixture->panel, RS_TYPE_SUGGESTIONS_PANEL, "stack");
  glong length = g_utf8_strlen (rs_document_get_text (fixture->document), -1);

  /* Nothing open. */
  wait_done (fixture->panel);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "none");
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel),
                                              "Open a report to see suggestions"));

  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->document));
  g_assert_true (rs_suggestions_panel_get_running (fixture->panel));
  wait_done (fixture->panel);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  for (RsSuggestionGroup group = 0; group < RS_SUGGESTION_GROUP_LAST; group++)
    {
      g_autoptr(GPtrArray) rows = dup_rows (fixture, group);

      g_test_message ("group %d: %u pending, %u rows", group,
                      rs_suggestions_panel_count (fixture->panel, group), rows->len);
      g_assert_cmpuint (rows->len, >, 0);
      g_assert_cmpuint (rows->len, ==, MIN (rs_suggestions_panel_count (fixture->panel, group), 200));
      /* Each group is headed, with its Accept All. */
      g_assert_nonnull (gtk_list_box_row_get_header (g_ptr_array_index (rows, 0)));
      g_assert_nonnull (find_button (gtk_list_box_row_get_header (g_ptr_array_index (rows, 0)),
                                     NULL, "Accept _All"));
      for (guint i = 0; i < rows->len; i++)
        {
          RsSuggestion *s = rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, i));

          g_assert_cmpint (rs_suggestion_get_start (s), >=, 0);
          g_assert_cmpint (rs_suggestion_get_end (s), <=, length);
          if (group == RS_SUGGESTION_GROUP_MENTIONS)
            g_assert_nonnull (rs_case_lookup_entity (kase, rs_suggestion_get_entity_id (s)));
          if (i > 0)
            g_assert_cmpint (rs_suggestion_get_start (rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, i - 1))),
                             <=, rs_suggestion_get_start (s));
        }
    }
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel), "Mentions of Entities in the Case"));
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel), "New Entities"));
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel), "Dated Events"));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->window), "suggestions-panel");
}

/* Whether @s's span is already a quote of @document that is evidence for its entity. */
static gboolean
mention_quoted (RsCase       *kase,
                RsDocument   *document,
                RsSuggestion *s)
{
  g_autoptr(GPtrArray) quotes = rs_case_dup_quotes_of (kase, rs_document_get_id (document));

  for (guint q = 0; q < quotes->len; q++)
    {
      RsQuote *quote = g_ptr_array_index (quotes, q);
      g_autoptr(GPtrArray) links = NULL;

      if (rs_quote_get_start (quote) != rs_suggestion_get_start (s) ||
          rs_quote_get_end (quote) != rs_suggestion_get_end (s))
        continue;
      links = rs_case_dup_evidence_of_quote (kase, rs_quote_get_id (quote));
      for (guint l = 0; l < links->len; l++)
        if (rs_evidence_get_target (g_ptr_array_index (links, l)) == RS_TARGET_ENTITY &&
            rs_evidence_get_target_id (g_ptr_array_index (links, l)) == rs_suggestion_get_entity_id (s))
          return TRUE;
    }
  return FALSE;
}

/* Mentions already quoted as evidence for their entity are not proposed again: the
 * panel lists the engine's mentions less exactly those. */
static void
test_quoted_mentions_hidden (Fixture       *fixture,
                             gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  RsDocument *documents[] = { fixture->document, fixture->other };
  guint total_quoted = 0;

  /* The sample case quotes sentences, not names: quote two mentions elsewhere (as
   * the source viewer's marking would) before the panel reads the reports. */
  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GPtrArray) raw = rs_suggest_document (kase, documents[d]);
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(RsChange) change = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < raw->len && one->len == 0; i++)
        if (rs_suggestion_is_mention (g_ptr_array_index (raw, i)))
          g_ptr_array_add (one, g_ptr_array_index (raw, i));
      change = rs_case_edit_accept_suggestions (fixture->store, rs_document_get_id (documents[d]), one, &error);
      g_assert_no_error (error);
    }

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GPtrArray) raw = rs_suggest_document (kase, documents[d]);
      g_autoptr(GPtrArray) rows = NULL;
      guint n_mentions = 0, n_quoted = 0;

      for (guint i = 0; i < raw->len; i++)
        if (rs_suggestion_is_mention (g_ptr_array_index (raw, i)))
          {
            n_mentions++;
            n_quoted += mention_quoted (kase, documents[d], g_ptr_array_index (raw, i));
          }
      rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (documents[d]));
      wait_done (fixture->panel);
      g_test_message ("report %u: %u mentions, %u already quoted", d, n_mentions, n_quoted);
      g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS), ==,
                        n_mentions - n_quoted);
      rows = dup_rows (fixture, RS_SUGGESTION_GROUP_MENTIONS);
      for (guint i = 0; i < rows->len; i++)
        g_assert_false (mention_quoted (kase, documents[d],
                                        rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, i))));
      total_quoted += n_quoted;
    }
  g_assert_cmpuint (total_quoted, ==, 2);
}

static void
test_accept_mention (Fixture       *fixture,
                     gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  g_autoptr(GBytes) before = export (fixture);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) links_before = NULL;
  g_autoptr(GPtrArray) links_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSuggestion) s = NULL;
  guint n_quotes = n_items (rs_case_get_quotes (kase));
  guint n_evidence = n_items (rs_case_get_evidence (kase));
  guint n_mentions;
  gboolean found = FALSE;

  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->document));
  wait_done (fixture->panel);
  n_mentions = rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS);
  rows = dup_rows (fixture, RS_SUGGESTION_GROUP_MENTIONS);
  g_assert_cmpuint (rows->len, >, 0);
  s = rs_suggestion_ref (rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, 0)));
  links_before = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, rs_suggestion_get_entity_id (s));

  click (find_button (g_ptr_array_index (rows, 0), "object-select-symbolic", NULL));

  /* One quote, one "mentions" link on the entity, at the span. */
  g_assert_cmpuint (n_items (rs_case_get_quotes (kase)), ==, n_quotes + 1);
  g_assert_cmpuint (n_items (rs_case_get_evidence (kase)), ==, n_evidence + 1);
  links_after = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, rs_suggestion_get_entity_id (s));
  g_assert_cmpuint (links_after->len, ==, links_before->len + 1);
  for (guint i = 0; i < links_after->len; i++)
    {
      RsEvidence *link = g_ptr_array_index (links_after, i);
      RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (link));

      if (rs_quote_get_document_id (quote) == rs_document_get_id (fixture->document) &&
          rs_quote_get_start (quote) == rs_suggestion_get_start (s) &&
          rs_quote_get_end (quote) == rs_suggestion_get_end (s))
        {
          g_assert_cmpint (rs_evidence_get_stance (link), ==, RS_STANCE_MENTIONS);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* Gone from the list, and the engine's next run agrees. */
  wait_done (fixture->panel);
  g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS), ==,
                    n_mentions - 1);
  g_assert_false (gtk_widget_get_visible (rs_panel_test_template_child (fixture->panel,
                                                                        RS_TYPE_SUGGESTIONS_PANEL,
                                                                        "error_label")));

  /* One step of undo, exactly. */
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_false (rs_undo_stack_get_can_undo (fixture->stack));
  after = export (fixture);
  g_assert_true (g_bytes_equal (before, after));
  wait_done (fixture->panel);
  g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS), ==,
                    n_mentions);
}

/* Accepting a row far down keeps the list where it was: the other rows are the same
 * widgets, and the scroll position does not move. */
static void
test_accept_keeps_place (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkScrolledWindow *scroller = rs_panel_test_template_child (fixture->panel,
                                                              RS_TYPE_SUGGESTIONS_PANEL,
                                                              "scroller");
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (scroller);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rows_after = NULL;
  GtkWidget *accepted, *kept;
  double value;
  guint pick;

  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->document));
  wait_done (fixture->panel);
  rows = dup_rows (fixture, RS_SUGGESTION_GROUP_MENTIONS);
  g_assert_cmpuint (rows->len, >, 12);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, gtk_adjustment_get_page_size (vadj) * 1.5);

  gtk_adjustment_set_value (vadj, gtk_adjustment_get_page_size (vadj) / 2);
  rs_panel_test_wait (50);
  value = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (value, >, 0);

  pick = rows->len / 2;
  accepted = g_ptr_array_index (rows, pick);
  kept = g_ptr_array_index (rows, pick + 1);
  click (find_button (accepted, "object-select-symbolic", NULL));
  wait_done (fixture->panel);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  rows_after = dup_rows (fixture, RS_SUGGESTION_GROUP_MENTIONS);
  g_assert_cmpuint (rows_after->len, ==, rows->len - 1);
  g_assert_false (g_ptr_array_find (rows_after, accepted, NULL));
  g_assert_true (g_ptr_array_find (rows_after, kept, NULL));
  g_assert_true (g_ptr_array_index (rows_after, 0) == g_ptr_array_index (rows, 0));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadj), value, 1.0);
}

static void
test_accept_all_new_entities (Fixture       *fixture,
                              gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  g_autoptr(GBytes) before = export (fixture);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_entities = n_items (rs_case_get_entities (kase));
  guint n_new;
  RsSuggestionRow *first;
  RsEntityKind chosen;
  RsEntity *entity;

  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->other));
  wait_done (fixture->panel);
  n_new = rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_NEW_ENTITIES);
  rows = dup_rows (fixture, RS_SUGGESTION_GROUP_NEW_ENTITIES);
  g_assert_cmpuint (n_new, >, 1);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (names, g_strdup (rs_suggestion_get_name (rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, i)))));

  /* The analyst corrects the first one's kind before accepting. */
  first = g_ptr_array_index (rows, 0);
  chosen = rs_suggestion_get_kind (rs_suggestion_row_get_suggestion (first)) == RS_ENTITY_KIND_MALWARE
           ? RS_ENTITY_KIND_OTHER : RS_ENTITY_KIND_MALWARE;
  rs_suggestion_row_set_kind (first, chosen);

  click (find_button (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (first)), NULL, "Accept _All"));

  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, n_entities + n_new);
  for (guint i = 0; i < names->len; i++)
    g_assert_nonnull (rs_case_lookup_entity_by_name (kase, g_ptr_array_index (names, i)));
  entity = rs_case_lookup_entity_by_name (kase, g_ptr_array_index (names, 0));
  g_assert_cmpint (rs_entity_get_kind (entity), ==, chosen);
  {
    g_autoptr(GPtrArray) links = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, rs_entity_get_id (entity));

    g_assert_cmpuint (links->len, ==, 1);
  }

  wait_done (fixture->panel);
  g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_NEW_ENTITIES), ==, 0);

  /* All of them in one change. */
  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  g_assert_false (rs_undo_stack_get_can_undo (fixture->stack));
  after = export (fixture);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_reject (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GBytes) before = export (fixture);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RsSuggestion) rejected = NULL;
  guint n_events;

  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->document));
  wait_done (fixture->panel);
  n_events = rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_EVENTS);
  rows = dup_rows (fixture, RS_SUGGESTION_GROUP_EVENTS);
  rejected = rs_suggestion_ref (rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, 0)));

  click (find_button (g_ptr_array_index (rows, 0), "window-close-symbolic", NULL));
  g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_EVENTS), ==, n_events - 1);
  g_assert_false (rs_suggestions_panel_get_running (fixture->panel));
  g_assert_false (rs_undo_stack_get_can_undo (fixture->stack));
  after = export (fixture);
  g_assert_true (g_bytes_equal (before, after));

  /* Still hidden after another report and back, and after the engine runs again. */
  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->other));
  wait_done (fixture->panel);
  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->document));
  wait_done (fixture->panel);
  g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_EVENTS), ==, n_events - 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dup_rows (fixture, RS_SUGGESTION_GROUP_EVENTS);
  for (guint i = 0; i < rows->len; i++)
    {
      RsSuggestion *s = rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, i));

      g_assert_false (rs_suggestion_get_start (s) == rs_suggestion_get_start (rejected) &&
                      g_str_equal (rs_suggestion_get_name (s), rs_suggestion_get_name (rejected)));
    }
}

static void
test_switch_documents (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkStack *stack = rs_panel_test_template_child (fixture->panel, RS_TYPE_SUGGESTIONS_PANEL, "stack");
  glong other_length = g_utf8_strlen (rs_document_get_text (fixture->other), -1);
  guint total = 0;

  /* Switched before the first run is done: the second report's suggestions only. */
  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->document));
  rs_panel_test_wait (1);
  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->other));
  g_assert_true (rs_suggestions_panel_get_running (fixture->panel));
  wait_done (fixture->panel);
  g_assert_cmpint (rs_suggestions_panel_get_document_id (fixture->panel), ==,
                   rs_document_get_id (fixture->other));
  for (RsSuggestionGroup group = 0; group < RS_SUGGESTION_GROUP_LAST; group++)
    {
      g_autoptr(GPtrArray) rows = dup_rows (fixture, group);

      total += rows->len;
      for (guint i = 0; i < rows->len; i++)
        g_assert_cmpint (rs_suggestion_get_end (rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, i))),
                         <=, other_length);
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, total > 0 ? "list" : "empty");
  /* What the engine says of the second report, not of the first. */
  {
    RsCase *kase = rs_case_store_get_case (fixture->store);
    g_autoptr(GPtrArray) of_other = rs_suggest_document (kase, fixture->other);
    g_autoptr(GPtrArray) of_first = rs_suggest_document (kase, fixture->document);
    g_autoptr(GHashTable) keys_other = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GHashTable) keys_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    guint not_first = 0;

    for (guint i = 0; i < of_other->len; i++)
      g_hash_table_add (keys_other, dup_key (g_ptr_array_index (of_other, i)));
    for (guint i = 0; i < of_first->len; i++)
      g_hash_table_add (keys_first, dup_key (g_ptr_array_index (of_first, i)));
    for (RsSuggestionGroup group = 0; group < RS_SUGGESTION_GROUP_LAST; group++)
      {
        g_autoptr(GPtrArray) rows = dup_rows (fixture, group);

        for (guint i = 0; i < rows->len; i++)
          {
            g_autofree char *key = dup_key (rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, i)));

            g_assert_true (g_hash_table_contains (keys_other, key));
            not_first += !g_hash_table_contains (keys_first, key);
          }
      }
    g_assert_cmpuint (not_first, >, 0);
  }

  /* No report: nothing listed. */
  rs_suggestions_panel_set_document_id (fixture->panel, 0);
  wait_done (fixture->panel);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "none");
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (list_box (fixture))));
}

/* A refused command: said in the panel, nothing written, the row still there. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  GtkWidget *error_label = rs_panel_test_template_child (fixture->panel, RS_TYPE_SUGGESTIONS_PANEL,
                                                         "error_label");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  RsSuggestion *s;
  guint n_mentions;

  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->document));
  wait_done (fixture->panel);
  rows = dup_rows (fixture, RS_SUGGESTION_GROUP_MENTIONS);
  s = rs_suggestion_row_get_suggestion (g_ptr_array_index (rows, 0));
  n_mentions = rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS);

  /* The entity goes while its mention is listed: the panel runs the engine again
   * from an idle, and the click comes first. */
  change = rs_case_edit_delete_entity (fixture->store, rs_suggestion_get_entity_id (s), &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  before = export (fixture);

  g_signal_emit_by_name (find_button (g_ptr_array_index (rows, 0), "object-select-symbolic", NULL),
                         "clicked");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (error_label)), "Could not accept"));
  g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS), ==, n_mentions);
  after = export (fixture);
  g_assert_true (g_bytes_equal (before, after));

  /* The next run no longer proposes the entity that went. */
  wait_done (fixture->panel);
  g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS), <, n_mentions);
}

/* Runs the list's shortcut for @keyval as GTK would on a key press, with the
 * keyboard where it is; whether it handled the key. */
static gboolean
press (Fixture *fixture,
       guint    keyval)
{
  GtkWidget *widget = GTK_WIDGET (list_box (fixture));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              gboolean handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                                widget, gtk_shortcut_get_arguments (shortcut));

              rs_panel_test_wait (10);
              return handled;
            }
        }
    }
  g_assert_not_reached ();
}

/* a and Enter accept the focused row, r and Delete reject it; the keyboard stays in
 * the list, on the row that took its place; on a row's button the keys are the
 * button's. */
static void
test_keys (Fixture       *fixture,
           gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  g_autoptr(GPtrArray) rows = NULL;
  guint n_mentions, n_quotes = n_items (rs_case_get_quotes (kase));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (fixture->panel));

  rs_suggestions_panel_set_document_id (fixture->panel, rs_document_get_id (fixture->document));
  wait_done (fixture->panel);
  n_mentions = rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS);
  rows = dup_rows (fixture, RS_SUGGESTION_GROUP_MENTIONS);

  /* Nothing focused in the list: the keys are not the panel's. */
  gtk_root_set_focus (root, NULL);
  g_assert_false (press (fixture, GDK_KEY_a));

  gtk_widget_grab_focus (g_ptr_array_index (rows, 1));
  g_assert_true (press (fixture, GDK_KEY_a));
  g_assert_cmpuint (n_items (rs_case_get_quotes (kase)), ==, n_quotes + 1);
  g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS), ==, n_mentions - 1);
  g_assert_true (RS_IS_SUGGESTION_ROW (gtk_root_get_focus (root)));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (gtk_root_get_focus (root))), ==, 1);

  g_assert_true (press (fixture, GDK_KEY_Return));
  g_assert_cmpuint (n_items (rs_case_get_quotes (kase)), ==, n_quotes + 2);

  g_assert_true (press (fixture, GDK_KEY_r));
  g_assert_true (press (fixture, GDK_KEY_Delete));
  g_assert_cmpuint (n_items (rs_case_get_quotes (kase)), ==, n_quotes + 2);
  g_assert_cmpuint (rs_suggestions_panel_count (fixture->panel, RS_SUGGESTION_GROUP_MENTIONS), ==, n_mentions - 4);

  /* On the row's Reject button, Enter is the button's. */
  gtk_widget_grab_focus (find_button (GTK_WIDGET (gtk_root_get_focus (root)), "window-close-symbolic", NULL));
  g_assert_false (press (fixture, GDK_KEY_Return));
  g_assert_cmpuint (n_items (rs_case_get_quotes (kase)), ==, n_quotes + 2);
}

int
main (int   argc,
      char *argv[])
{
  rs_panel_test_init (&argc, &argv);

  g_test_add ("/suggestions-panel/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);
  g_test_add ("/suggestions-panel/quoted-mentions-hidden", Fixture, NULL, fixture_set_up,
              test_quoted_mentions_hidden, fixture_tear_down);
  g_test_add ("/suggestions-panel/accept-mention", Fixture, NULL, fixture_set_up,
              test_accept_mention, fixture_tear_down);
  g_test_add ("/suggestions-panel/accept-all-new-entities", Fixture, NULL, fixture_set_up,
              test_accept_all_new_entities, fixture_tear_down);
  g_test_add ("/suggestions-panel/reject", Fixture, NULL, fixture_set_up, test_reject, fixture_tear_down);
  g_test_add ("/suggestions-panel/accept-keeps-place", Fixture, NULL, fixture_set_up,
              test_accept_keeps_place, fixture_tear_down);
  g_test_add ("/suggestions-panel/switch-documents", Fixture, NULL, fixture_set_up,
              test_switch_documents, fixture_tear_down);
  g_test_add ("/suggestions-panel/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/suggestions-panel/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);

  return g_test_run ();
}
