/* test-quote-editing.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-error.h"
#include "rs-panel-test-utils.h"
#include "rs-quote-editor.h"
#include "rs-quote-hit.h"
#include "rs-quotes-panel.h"
#include "rs-timeline-entry.h"
#include "rs-timeline-panel.h"
#include "rs-undo-stack.h"

/* Editing quotes from the quotes panel (issue 16): the editor's save path is one
 * undoable command that undo takes back exactly (the case compared as a bundle, as
 * test-undo.c does), Delete Quote likewise, bad spans are refused with nothing
 * written; and the quotes and timeline panels follow edits in place, keeping their
 * scroll position, their other rows and the focus. */

typedef struct
{
  RsCaseStore   *store;
  RsUndoStack   *stack;
  RsSelection   *selection;
  RsQuotesPanel *panel;
  GtkWindow     *window;
  guint          n_committed;
} Fixture;

/* What the window does (rs-window-editing.c): every committed command is one step. */
static void
on_change_committed (RsCaseStore *store,
                     RsChange    *change,
                     Fixture     *fixture)
{
  fixture->n_committed++;
  rs_undo_stack_push (fixture->stack, change);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("quote-editing.redstring");
  fixture->stack = rs_undo_stack_new (fixture->store);
  g_signal_connect (fixture->store, "change-committed", G_CALLBACK (on_change_committed), fixture);
  fixture->selection = rs_selection_new ();
  fixture->panel = g_object_ref_sink (RS_QUOTES_PANEL (rs_quotes_panel_new ()));
  rs_panel_set_store (RS_PANEL (fixture->panel), fixture->store);
  rs_panel_set_selection (RS_PANEL (fixture->panel), fixture->selection);
  /* Short, so that Tick's quotes scroll. */
  fixture->window = rs_panel_test_present (GTK_WIDGET (fixture->panel), 380, 420);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *editor = rs_quotes_panel_get_quote_editor (fixture->panel);

  /* A tooltip timer started under the pointer by the open editor outlives its
   * surface in GTK 4.8 (gdk_surface_get_device_position on a destroyed one): let it
   * run out while the window is still there. */
  if (editor != NULL && gtk_widget_get_mapped (editor))
    rs_panel_test_wait (700);
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->panel);
  g_assert_finalize_object (fixture->selection);
  g_signal_handlers_disconnect_by_data (fixture->store, fixture);
  g_assert_finalize_object (fixture->stack);
  g_assert_finalize_object (fixture->store);
}

static RsCase *
fixture_case (Fixture *fixture)
{
  return rs_case_store_get_case (fixture->store);
}

static GBytes *
export (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = rs_bundle_export (fixture_case (fixture), &error);

  g_assert_no_error (error);
  return bytes;
}

static void
assert_same_bundle (GBytes *a,
                    GBytes *b)
{
  g_autofree char *sa = g_strndup (g_bytes_get_data (a, NULL), g_bytes_get_size (a));
  g_autofree char *sb = g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));

  g_assert_cmpstr (sa, ==, sb);
}

static gint64
select_tick (Fixture *fixture)
{
  RsEntity *tick = rs_case_lookup_entity_by_name (fixture_case (fixture), "Tick");

  g_assert_nonnull (tick);
  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  rs_panel_test_wait (100);
  g_assert_cmpuint (rs_quotes_panel_get_n_quotes (fixture->panel), >=, 2);
  return rs_entity_get_id (tick);
}

/* The evidence link from @quote_id to @entity_id. */
static RsEvidence *
evidence_of (Fixture *fixture,
             gint64   quote_id,
             gint64   entity_id)
{
  g_autoptr(GPtrArray) links = rs_case_dup_evidence_for (fixture_case (fixture),
                                                         RS_TARGET_ENTITY, entity_id);

  for (guint i = 0; i < links->len; i++)
    if (rs_evidence_get_quote_id (g_ptr_array_index (links, i)) == quote_id)
      return g_ptr_array_index (links, i);
  return NULL;
}

/* A listed quote of at least three words (the span can shrink by one). */
static RsQuote *
pick_quote (Fixture *fixture,
            guint    skip)
{
  GListModel *quotes = rs_quotes_panel_get_quotes (fixture->panel);

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(RsQuote) quote = g_list_model_get_item (quotes, i);
      g_auto(GStrv) words = g_strsplit (rs_quote_get_text (quote), " ", -1);

      if (g_strv_length (words) >= 3 && skip-- == 0)
        return quote;   /* borrowed from the case */
    }
  g_assert_not_reached ();
}

static RsQuoteEditor *
open_editor (Fixture *fixture,
             gint64   quote_id)
{
  GtkWidget *editor;

  /* As the row menu's Edit Quote… does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "quotes.edit-quote",
                                             "x", quote_id));
  editor = rs_quotes_panel_get_quote_editor (fixture->panel);
  g_assert_nonnull (editor);
  rs_panel_test_wait (100);
  g_assert_true (gtk_widget_get_mapped (editor));
  return RS_QUOTE_EDITOR (editor);
}

static void
click_save (RsQuoteEditor *editor)
{
  GtkWidget *save = rs_panel_test_template_child (editor, RS_TYPE_QUOTE_EDITOR, "save_button");

  g_signal_emit_by_name (save, "clicked");
  rs_panel_test_wait (50);
}

static gboolean
error_shown (RsQuoteEditor *editor)
{
  GtkWidget *label = rs_panel_test_template_child (editor, RS_TYPE_QUOTE_EDITOR, "error_label");

  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  rs_panel_test_wait (50);
}

static void
test_edit_span_stance_credibility (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  gint64 tick_id = select_tick (fixture);
  RsQuote *quote = pick_quote (fixture, 0);
  gint64 quote_id = rs_quote_get_id (quote);
  RsEvidence *link = evidence_of (fixture, quote_id, tick_id);
  g_autofree char *old_text = g_strdup (rs_quote_get_text (quote));
  gint64 old_start = rs_quote_get_start (quote);
  gint64 old_end = rs_quote_get_end (quote);
  RsStance new_stance;
  int new_credibility;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *shorter = NULL;
  g_autofree char *label = NULL;
  RsQuoteEditor *editor;

  g_assert_nonnull (link);
  new_stance = rs_evidence_get_stance (link) == RS_STANCE_CONTRADICTS ? RS_STANCE_MENTIONS
                                                                      : RS_STANCE_CONTRADICTS;
  new_credibility = rs_quote_get_credibility (quote) == 5 ? 2 : 5;

  before = export (fixture);
  editor = open_editor (fixture, quote_id);
  g_assert_true (rs_quote_editor_get_quote (editor) == quote);
  g_assert_true (rs_quote_editor_get_evidence (editor) == link);
  g_assert_cmpint (rs_quote_editor_get_start (editor), ==, old_start);
  g_assert_cmpint (rs_quote_editor_get_end (editor), ==, old_end);
  quoted = rs_quote_editor_dup_quoted_text (editor);
  g_assert_cmpstr (quoted, ==, old_text);
  g_assert_cmpint (rs_quote_editor_get_stance (editor), ==, rs_evidence_get_stance (link));

  /* The end a word earlier: the quoted words follow at once, one word fewer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "quote-editor.end-earlier", NULL));
  shorter = rs_quote_editor_dup_quoted_text (editor);
  g_assert_cmpint (rs_quote_editor_get_end (editor), <, old_end);
  g_assert_true (g_str_has_prefix (old_text, shorter));
  g_assert_cmpuint (strlen (shorter), <, strlen (old_text));
  /* … and a word later gives it back (to the end of the word: the quote may have
   * ended before its full stop). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "quote-editor.end-later", NULL));
  g_assert_cmpint (rs_quote_editor_get_end (editor), >, old_end - 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "quote-editor.end-earlier", NULL));
  {
    g_autofree char *again = rs_quote_editor_dup_quoted_text (editor);

    g_assert_cmpstr (again, ==, shorter);
  }
  /* The start a word later, then a word earlier: back where a word starts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "quote-editor.start-later", NULL));
  g_assert_cmpint (rs_quote_editor_get_start (editor), >, old_start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "quote-editor.start-earlier", NULL));
  g_assert_cmpint (rs_quote_editor_get_start (editor), <=, old_start);
  rs_quote_editor_set_span (editor, old_start, rs_quote_editor_get_end (editor));

  rs_quote_editor_set_stance (editor, new_stance);
  rs_quote_editor_set_credibility (editor, new_credibility);
  click_save (editor);

  g_assert_false (error_shown (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpuint (fixture->n_committed, ==, 1);
  label = rs_undo_stack_dup_undo_label (fixture->stack);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (label, "Edit a quote from"));
  g_assert_cmpstr (rs_quote_get_text (quote), ==, shorter);
  g_assert_cmpint (rs_quote_get_end (quote), <, old_end);
  g_assert_cmpint (rs_quote_get_credibility (quote), ==, new_credibility);
  g_assert_cmpint (rs_evidence_get_stance (link), ==, new_stance);
  after = export (fixture);
  g_assert_false (g_bytes_equal (before, after));

  /* One command: one undo takes all three back, exactly. */
  undo (fixture);
  undone = export (fixture);
  assert_same_bundle (before, undone);
  g_assert_false (rs_undo_stack_get_can_undo (fixture->stack));
  g_assert_cmpstr (rs_quote_get_text (quote), ==, old_text);

  g_assert_true (rs_undo_stack_redo (fixture->stack, &error));
  g_assert_no_error (error);
  redone = export (fixture);
  assert_same_bundle (after, redone);
}

static void
test_refuses_bad_spans (Fixture       *fixture,
                        gconstpointer  user_data)
{
  gint64 tick_id = select_tick (fixture);
  RsQuote *quote = pick_quote (fixture, 0);
  gint64 quote_id = rs_quote_get_id (quote);
  RsEvidence *link = evidence_of (fixture, quote_id, tick_id);
  RsDocument *document = rs_case_lookup_document (fixture_case (fixture),
                                                  rs_quote_get_document_id (quote));
  gint64 length = rs_document_get_length (document);
  g_autoptr(GBytes) before = export (fixture);
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = rs_document_get_text (document);
  const char *space;
  RsQuoteEditor *editor;
  RsChange *change;

  editor = open_editor (fixture, quote_id);

  /* The preview follows the number as it is typed, before it is committed. */
  {
    GtkWidget *end_spin = rs_panel_test_template_child (editor, RS_TYPE_QUOTE_EDITOR, "end_spin");
    GtkWidget *preview = rs_panel_test_template_child (editor, RS_TYPE_QUOTE_EDITOR, "preview_label");

    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (preview)), "(nothing quoted)"));
    gtk_editable_set_text (GTK_EDITABLE (gtk_editable_get_delegate (GTK_EDITABLE (end_spin))), "3");
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (preview)), "(nothing quoted)"));
  }

  /* Empty, then reversed: refused in the popover, which stays open. */
  rs_quote_editor_set_span (editor, 10, 10);
  rs_quote_editor_set_credibility (editor, 6);
  click_save (editor);
  g_assert_true (error_shown (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  /* (Enter in a number saves too.) */
  rs_quote_editor_set_span (editor, 20, 12);
  g_assert_false (error_shown (editor));
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (
    rs_panel_test_template_child (editor, RS_TYPE_QUOTE_EDITOR, "end_spin"))), "activate");
  rs_panel_test_wait (400);
  g_assert_true (error_shown (editor));

  /* Only blank space. */
  space = strchr (text, ' ');
  g_assert_nonnull (space);
  rs_quote_editor_set_span (editor, g_utf8_pointer_to_offset (text, space),
                            g_utf8_pointer_to_offset (text, space) + 1);
  click_save (editor);
  g_assert_true (error_shown (editor));

  /* The numbers cannot leave the document… */
  rs_quote_editor_set_span (editor, 0, length + 50);
  g_assert_cmpint (rs_quote_editor_get_end (editor), ==, length);

  /* … and the command refuses what they cannot express. */
  change = rs_case_edit_update_quote_evidence (fixture->store, quote_id, 0, length + 1, 0,
                                               rs_evidence_get_id (link), RS_STANCE_SUPPORTS, &error);
  g_assert_null (change);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  change = rs_case_edit_update_quote_evidence (fixture->store, quote_id, -3, 5, 0,
                                               rs_evidence_get_id (link), RS_STANCE_SUPPORTS, &error);
  g_assert_null (change);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  change = rs_case_edit_update_quote_evidence (fixture->store, quote_id, 0, 5, 9,
                                               rs_evidence_get_id (link), RS_STANCE_SUPPORTS, &error);
  g_assert_null (change);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Nothing was written, nothing is to undo. */
  g_assert_cmpuint (fixture->n_committed, ==, 0);
  g_assert_false (rs_undo_stack_get_can_undo (fixture->stack));
  now = export (fixture);
  assert_same_bundle (before, now);
}

/* rs_quotes_panel_get_quotes() lists the quotes of the rows, in order. */
static void
assert_quotes_follow (RsQuotesPanel *panel)
{
  GtkWidget *list_view = rs_panel_test_template_child (panel, RS_TYPE_QUOTES_PANEL, "list_view");
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  GListModel *quotes = rs_quotes_panel_get_quotes (panel);
  guint j = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RsQuoteHit) hit = g_list_model_get_item (rows, i);
      g_autoptr(RsQuote) quote = NULL;

      if (!rs_quote_hit_get_is_quote (hit))
        continue;
      quote = g_list_model_get_item (quotes, j++);
      g_assert_true (quote == rs_quote_hit_get_quote (hit));
    }
  g_assert_cmpuint (j, ==, g_list_model_get_n_items (quotes));
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  gint64 tick_id = select_tick (fixture);
  RsQuote *quote = pick_quote (fixture, 0);
  gint64 quote_id = rs_quote_get_id (quote);
  guint n_listed = rs_quotes_panel_get_n_quotes (fixture->panel);
  g_autoptr(GBytes) before = export (fixture);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GPtrArray) links = rs_case_dup_evidence_of_quote (fixture_case (fixture), quote_id);

  g_assert_cmpuint (links->len, >=, 1);
  assert_quotes_follow (fixture->panel);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "quotes.delete-quote",
                                             "x", quote_id));
  rs_panel_test_wait (50);

  g_assert_cmpuint (fixture->n_committed, ==, 1);
  g_assert_null (rs_case_lookup_quote (fixture_case (fixture), quote_id));
  for (guint i = 0; i < links->len; i++)
    g_assert_null (rs_case_lookup_evidence (fixture_case (fixture),
                                            rs_evidence_get_id (g_ptr_array_index (links, i))));
  g_assert_null (evidence_of (fixture, quote_id, tick_id));
  g_assert_cmpuint (rs_quotes_panel_get_n_quotes (fixture->panel), ==, n_listed - 1);
  assert_quotes_follow (fixture->panel);

  undo (fixture);
  undone = export (fixture);
  assert_same_bundle (before, undone);
  g_assert_nonnull (rs_case_lookup_quote (fixture_case (fixture), quote_id));
  g_assert_cmpuint (rs_quotes_panel_get_n_quotes (fixture->panel), ==, n_listed);
  assert_quotes_follow (fixture->panel);
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

/* The row widgets of the list, in order. */
static GPtrArray *
dup_rows (GtkWidget *list_view)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (rows, row);
  return rows;
}

static GPtrArray *
dup_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static void
assert_same_pointers (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (g_ptr_array_index (a, i) == g_ptr_array_index (b, i));
}

/* An edit of one quote changes that row only, in place: no items-changed, the
 * same items and row widgets, the same scroll position, the focus where it was. A
 * deletion is one items-changed. */
static void
test_incremental (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *list_view = rs_panel_test_template_child (fixture->panel, RS_TYPE_QUOTES_PANEL, "list_view");
  GtkScrolledWindow *scroller = rs_panel_test_template_child (fixture->panel, RS_TYPE_QUOTES_PANEL, "scroller");
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  gint64 tick_id = select_tick (fixture);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) items_after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rows_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  GtkWidget *focus_row;
  RsQuote *quote;
  RsEvidence *link;
  double scrolled;
  guint n_changed = 0;
  gulong handler;

  /* Scrolled to the middle, the focus on a row in view. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));
  gtk_adjustment_set_value (vadjustment, (gtk_adjustment_get_upper (vadjustment) -
                                          gtk_adjustment_get_page_size (vadjustment)) / 2);
  rs_panel_test_wait (100);
  rows = dup_rows (list_view);
  focus_row = NULL;
  for (guint i = rows->len / 2; i < rows->len && focus_row == NULL; i++)
    if (gtk_widget_get_child_visible (g_ptr_array_index (rows, i)))
      focus_row = g_ptr_array_index (rows, i);
  g_assert_nonnull (focus_row);
  g_assert_true (gtk_widget_grab_focus (focus_row));
  /* (The list scrolls the focused row into view.) */
  rs_panel_test_wait (100);
  scrolled = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (scrolled, >, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dup_rows (list_view);
  items = dup_items (model);
  handler = g_signal_connect (model, "items-changed", G_CALLBACK (count_items_changed), &n_changed);

  /* Stance and credibility of one quote, through the command. */
  quote = pick_quote (fixture, 1);
  link = evidence_of (fixture, rs_quote_get_id (quote), tick_id);
  g_assert_nonnull (link);
  change = rs_case_edit_update_quote_evidence (fixture->store, rs_quote_get_id (quote),
                                               rs_quote_get_start (quote), rs_quote_get_end (quote),
                                               rs_quote_get_credibility (quote) == 4 ? 3 : 4,
                                               rs_evidence_get_id (link),
                                               rs_evidence_get_stance (link) == RS_STANCE_MENTIONS
                                               ? RS_STANCE_SUPPORTS : RS_STANCE_MENTIONS, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_clear_object (&change);
  rs_panel_test_wait (100);

  g_assert_cmpuint (n_changed, ==, 0);
  items_after = dup_items (model);
  assert_same_pointers (items, items_after);
  rows_after = dup_rows (list_view);
  assert_same_pointers (rows, rows_after);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, scrolled);
  g_assert_true (gtk_widget_has_focus (focus_row));

  /* The row shows the new stance: the hit was updated in place. */
  for (guint i = 0; i < items_after->len; i++)
    {
      RsQuoteHit *hit = g_ptr_array_index (items_after, i);
      const char *mentions;

      if (rs_quote_hit_get_quote (hit) != quote)
        continue;
      mentions = rs_quote_hit_get_mentions (hit);
      if (rs_evidence_get_stance (link) == RS_STANCE_MENTIONS)
        g_assert_true (mentions != NULL && strstr (mentions, "Tick") != NULL);
      else
        g_assert_true (mentions == NULL || strstr (mentions, "Tick") == NULL);
    }

  /* Undo is an edit too: still in place. */
  undo (fixture);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, scrolled);

  /* Deleting a quote is one items-changed, and the others keep their items. */
  quote = pick_quote (fixture, 0);
  change = rs_case_edit_delete_quote (fixture->store, rs_quote_get_id (quote), &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_clear_object (&change);
  rs_panel_test_wait (50);
  g_assert_cmpuint (n_changed, ==, 1);
  g_clear_pointer (&items_after, g_ptr_array_unref);
  items_after = dup_items (model);
  for (guint i = 0; i < items_after->len; i++)
    g_assert_true (g_ptr_array_find (items, g_ptr_array_index (items_after, i), NULL));

  g_signal_handler_disconnect (model, handler);
}

/* The timeline: an edited date moves one event, a new event is inserted where it
 * sorts, a deleted one is taken out; one or two items-changed, never a re-sort. */
static gboolean
sorted_in_order (GListModel *events)
{
  for (guint i = 1; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(RsEvent) a = g_list_model_get_item (events, i - 1);
      g_autoptr(RsEvent) b = g_list_model_get_item (events, i);
      RsFuzzyDate *da = rs_event_get_date (a), *db = rs_event_get_date (b);

      if (da == NULL && db != NULL)
        return FALSE;
      if (da != NULL && db != NULL && rs_fuzzy_date_compare (da, db) > 0)
        return FALSE;
    }
  return TRUE;
}

/* Every row's entry is of the event at its place (GtkMapListModel keeps entries
 * through the insertions and removals). */
static void
assert_entries_follow (RsTimelinePanel *timeline)
{
  GListModel *sorted = rs_timeline_panel_get_sorted_events (timeline);
  GListModel *entries = rs_panel_test_template_child (timeline, RS_TYPE_TIMELINE_PANEL, "entries");

  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, g_list_model_get_n_items (sorted));
  for (guint i = 0; i < g_list_model_get_n_items (sorted); i++)
    {
      g_autoptr(RsEvent) event = g_list_model_get_item (sorted, i);
      g_autoptr(RsTimelineEntry) entry = g_list_model_get_item (entries, i);

      g_assert_true (rs_timeline_entry_get_event (entry) == event);
    }
}

typedef struct
{
  guint n;
  guint removed;
  guint added;
} Counts;

static void
count_timeline_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Counts     *counts)
{
  counts->n++;
  counts->removed += removed;
  counts->added += added;
}

static void
test_timeline_incremental (Fixture       *fixture,
                           gconstpointer  user_data)
{
  RsTimelinePanel *timeline = g_object_ref_sink (RS_TIMELINE_PANEL (rs_timeline_panel_new ()));
  GtkWindow *window;
  GListModel *sorted;
  g_autoptr(RsEvent) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  Counts counts = { 0 };
  guint n_events, position;
  gint64 new_id = 0;

  rs_panel_set_store (RS_PANEL (timeline), fixture->store);
  rs_panel_set_selection (RS_PANEL (timeline), fixture->selection);
  window = rs_panel_test_present (GTK_WIDGET (timeline), 380, 600);
  sorted = rs_timeline_panel_get_sorted_events (timeline);
  n_events = g_list_model_get_n_items (sorted);
  g_assert_cmpuint (n_events, >=, 3);
  g_assert_true (sorted_in_order (sorted));
  assert_entries_follow (timeline);
  g_signal_connect (sorted, "items-changed", G_CALLBACK (count_timeline_changed), &counts);

  /* The first event, dated after all the others: it moves to the end. */
  first = g_list_model_get_item (sorted, 0);
  change = rs_case_edit_update_event (fixture->store, rs_event_get_id (first),
                                      rs_event_get_title (first), rs_event_get_description (first),
                                      "2099-01-01", NULL, RS_DATE_PRECISION_DAY,
                                      RS_DATE_QUALIFIER_NONE, NULL, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&change);
  g_assert_true (sorted_in_order (sorted));
  g_assert_cmpuint (counts.n, <=, 2);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_true (g_list_store_find (G_LIST_STORE (sorted), first, &position));
  /* After every dated event: only undated ones may follow. */
  for (guint i = position + 1; i < n_events; i++)
    {
      g_autoptr(RsEvent) later = g_list_model_get_item (sorted, i);

      g_assert_null (rs_event_get_date (later));
    }
  assert_entries_follow (timeline);

  /* A new event: one insertion. */
  counts = (Counts) { 0 };
  change = rs_case_edit_create_event (fixture->store, "Quote-editing test event", "", "2019-06-01",
                                      NULL, RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_NONE,
                                      NULL, 0, &new_id, &error);
  g_assert_no_error (error);
  g_clear_object (&change);
  g_assert_cmpuint (counts.n, ==, 1);
  g_assert_cmpuint (counts.removed, ==, 0);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sorted), ==, n_events + 1);
  g_assert_true (sorted_in_order (sorted));
  assert_entries_follow (timeline);

  /* Deleted: one removal. */
  counts = (Counts) { 0 };
  change = rs_case_edit_delete_event (fixture->store, new_id, &error);
  g_assert_no_error (error);
  g_clear_object (&change);
  g_assert_cmpuint (counts.n, ==, 1);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sorted), ==, n_events);
  assert_entries_follow (timeline);

  g_signal_handlers_disconnect_by_data (sorted, &counts);
  gtk_window_destroy (window);
  g_assert_finalize_object (timeline);
}

int
main (int   argc,
      char *argv[])
{
  rs_panel_test_init (&argc, &argv);

  g_test_add ("/quote-editing/edit-span-stance-credibility", Fixture, NULL,
              fixture_set_up, test_edit_span_stance_credibility, fixture_tear_down);
  g_test_add ("/quote-editing/refuses-bad-spans", Fixture, NULL,
              fixture_set_up, test_refuses_bad_spans, fixture_tear_down);
  g_test_add ("/quote-editing/delete-undo", Fixture, NULL,
              fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/quote-editing/incremental", Fixture, NULL,
              fixture_set_up, test_incremental, fixture_tear_down);
  g_test_add ("/quote-editing/timeline-incremental", Fixture, NULL,
              fixture_set_up, test_timeline_incremental, fixture_tear_down);

  return g_test_run ();
}
