/* test-source-viewer-marking.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rs-bundle.h"
#include "rs-entity-editor.h"
#include "rs-event-editor.h"
#include "rs-evidence-editor.h"
#include "rs-panel-test-utils.h"
#include "rs-source-viewer-private.h"
#include "rs-undo-stack.h"

/* Marking evidence in a report through the viewer's actions (the bar's buttons, the
 * context menu and the keys all activate them), with the editors driven as a user
 * would: each mark is one command, undone exactly. */

typedef struct
{
  RsCaseStore    *store;
  RsUndoStack    *stack;
  RsSelection    *selection;
  RsSourceViewer *viewer;
  GtkWindow      *window;
  RsDocument     *document;   /* the Bloomberg report */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  RsCase *kase;
  GListModel *documents;

  fixture->store = rs_test_open_sample_case ("marking.redstring");
  fixture->stack = rs_undo_stack_new (fixture->store);
  g_signal_connect_object (fixture->store, "change-committed", G_CALLBACK (rs_undo_stack_push),
                           fixture->stack, G_CONNECT_SWAPPED);
  fixture->selection = rs_selection_new ();
  fixture->viewer = g_object_ref_sink (RS_SOURCE_VIEWER (rs_source_viewer_new ()));
  rs_panel_set_store (RS_PANEL (fixture->viewer), fixture->store);
  rs_panel_set_selection (RS_PANEL (fixture->viewer), fixture->selection);
  fixture->window = rs_panel_test_present (GTK_WIDGET (fixture->viewer), 900, 520);

  kase = rs_case_store_get_case (fixture->store);
  documents = rs_case_get_documents (kase);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RsDocument) document = g_list_model_get_item (documents, i);

      if (strstr (rs_document_get_text (document), "Simon Dawson") != NULL)
        fixture->document = document;
    }
  g_assert_nonnull (fixture->document);
  rs_source_viewer_set_document_id (fixture->viewer, rs_document_get_id (fixture->document));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->viewer);
  g_assert_finalize_object (fixture->selection);
  g_clear_object (&fixture->stack);
  g_assert_finalize_object (fixture->store);
}

/* Selects @needle (its first occurrence after @after) in the viewer, with @pad spaces'
 * worth of the text around it; returns its start in characters. */
static int
select_text (Fixture    *fixture,
             const char *needle,
             const char *after,
             int         pad)
{
  const char *text = rs_document_get_text (fixture->document);
  const char *from = after ? strstr (text, after) : text;
  const char *hit;
  GtkTextIter a, b;
  GtkTextBuffer *buffer = fixture->viewer->buffer;
  int start;

  g_assert_nonnull (from);
  hit = strstr (from, needle);
  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, start - pad);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, start + g_utf8_strlen (needle, -1) + pad);
  gtk_text_buffer_select_range (buffer, &a, &b);
  rs_panel_test_wait (20);
  return start;
}

/* The bar's button for @action: sensitive exactly when the action is enabled. */
static GtkWidget *
bar_button (Fixture    *fixture,
            const char *action)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, fixture->viewer->marking_bar);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_BUTTON (widget) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
        return widget;
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_assert_not_reached ();
}

/* Clicks the bar's button for @action, as a user would; FALSE when it is insensitive
 * (the action disabled). */
static gboolean
activate (Fixture    *fixture,
          const char *action)
{
  GtkWidget *button = bar_button (fixture, action);

  if (!gtk_widget_is_sensitive (button))
    return FALSE;
  g_signal_emit_by_name (button, "clicked");
  rs_panel_test_wait (20);
  return TRUE;
}

static GBytes *
export (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = rs_bundle_export (rs_case_store_get_case (fixture->store), &error);

  g_assert_no_error (error);
  return bytes;
}

/* Presses the popover's suggested (Add) button. */
static void
press_add (GtkWidget *popover)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, popover);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action"))
        {
          g_signal_emit_by_name (widget, "clicked");
          rs_panel_test_wait (20);
          return;
        }
      for (child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_assert_not_reached ();
}

static void
assert_undo_restores (Fixture *fixture,
                      GBytes  *before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (rs_undo_stack_undo (fixture->stack, &error));
  g_assert_no_error (error);
  after = export (fixture);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_new_entity (Fixture       *fixture,
                 gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  g_autoptr(GBytes) before = export (fixture);
  guint n_entities = g_list_model_get_n_items (rs_case_get_entities (kase));
  GtkEditable *name;
  RsTarget target;
  gint64 id;
  int start;

  start = select_text (fixture, "Simon Dawson", NULL, 0);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->viewer->marking_bar));
  g_assert_true (activate (fixture, "source.new-entity-from-selection"));
  g_assert_true (gtk_widget_get_visible (fixture->viewer->entity_editor));
  name = rs_panel_test_template_child (fixture->viewer->entity_editor, RS_TYPE_ENTITY_EDITOR,
                                       "name_entry");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Simon Dawson");
  gtk_drop_down_set_selected (rs_panel_test_template_child (fixture->viewer->entity_editor,
                                                            RS_TYPE_ENTITY_EDITOR, "kind_dropdown"),
                              RS_ENTITY_KIND_PERSON);
  press_add (fixture->viewer->entity_editor);

  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, n_entities + 1);
  g_assert_true (rs_selection_get_primary (fixture->selection, &target, &id));
  g_assert_cmpint (target, ==, RS_TARGET_ENTITY);
  g_assert_cmpstr (rs_entity_get_name (rs_case_lookup_entity (kase, id)), ==, "Simon Dawson");
  {
    g_autoptr(GPtrArray) links = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, id);
    RsQuote *quote;

    g_assert_cmpuint (links->len, ==, 1);
    quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (g_ptr_array_index (links, 0)));
    g_assert_cmpint (rs_quote_get_start (quote), ==, start);
    g_assert_cmpstr (rs_quote_get_text (quote), ==, "Simon Dawson");
  }
  assert_undo_restores (fixture, before);
}

static void
test_quote_as_evidence (Fixture       *fixture,
                        gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  g_autoptr(GBytes) before = export (fixture);
  gint64 tick = 0;
  GListModel *entities = rs_case_get_entities (kase);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      if (g_str_equal (rs_entity_get_name (entity), "Tick"))
        tick = rs_entity_get_id (entity);
    }

  /* Nothing on the board selected: nothing to be evidence for. */
  select_text (fixture, "Two men involved with contracts", NULL, 0);
  g_assert_false (activate (fixture, "source.quote-as-evidence"));

  /* The spaces around the words are selected too, but not quoted. */
  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, tick);
  select_text (fixture, "Two men involved with contracts", NULL, 1);
  g_assert_true (activate (fixture, "source.quote-as-evidence"));
  gtk_drop_down_set_selected (rs_panel_test_template_child (fixture->viewer->evidence_editor,
                                                            RS_TYPE_EVIDENCE_EDITOR,
                                                            "stance_dropdown"),
                              RS_STANCE_CONTRADICTS);
  gtk_drop_down_set_selected (rs_panel_test_template_child (fixture->viewer->evidence_editor,
                                                            RS_TYPE_EVIDENCE_EDITOR,
                                                            "credibility_dropdown"), 2);
  press_add (fixture->viewer->evidence_editor);
  g_assert_false (gtk_widget_get_visible (fixture->viewer->evidence_editor));

  {
    g_autoptr(GPtrArray) links = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, tick);
    gboolean found = FALSE;

    for (guint i = 0; i < links->len; i++)
      {
        RsEvidence *link = g_ptr_array_index (links, i);
        RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (link));

        if (g_str_equal (rs_quote_get_text (quote), "Two men involved with contracts"))
          {
            found = TRUE;
            g_assert_cmpint (rs_evidence_get_stance (link), ==, RS_STANCE_CONTRADICTS);
            g_assert_cmpint (rs_quote_get_credibility (quote), ==, 2);
          }
      }
    g_assert_true (found);
  }
  assert_undo_restores (fixture, before);
}

static void
test_new_event (Fixture       *fixture,
                gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  g_autoptr(GBytes) before = export (fixture);
  guint n_events = g_list_model_get_n_items (rs_case_get_events (kase));
  GtkEditable *title, *date;

  /* The date is in the selection's sentence, not in the selection. */
  select_text (fixture, "rental servers in Japan", NULL, 0);
  g_assert_true (activate (fixture, "source.new-event-from-selection"));
  title = rs_panel_test_template_child (fixture->viewer->event_editor, RS_TYPE_EVENT_EDITOR,
                                        "title_entry");
  date = rs_panel_test_template_child (fixture->viewer->event_editor, RS_TYPE_EVENT_EDITOR,
                                       "date_entry");
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "2016");
  gtk_editable_set_text (title, "Rental servers used against JAXA");
  press_add (fixture->viewer->event_editor);

  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_events (kase)), ==, n_events + 1);
  {
    GListModel *events = rs_case_get_events (kase);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(RsEvent) e = g_list_model_get_item (events, i);
        g_autofree char *start = NULL;

        if (!g_str_equal (rs_event_get_title (e), "Rental servers used against JAXA"))
          continue;
        found = TRUE;
        start = rs_fuzzy_date_dup_start (rs_event_get_date (e));
        g_assert_cmpstr (start, ==, "2016");
        {
          g_autoptr(GPtrArray) links = rs_case_dup_evidence_for (kase, RS_TARGET_EVENT,
                                                                 rs_event_get_id (e));
          g_assert_cmpuint (links->len, ==, 1);
        }
      }
    g_assert_true (found);
  }

  /* A date the analyst mistypes is refused in the editor, nothing written. */
  select_text (fixture, "rental servers in Japan", NULL, 0);
  g_assert_true (activate (fixture, "source.new-event-from-selection"));
  gtk_editable_set_text (date, "sometime");
  n_events = g_list_model_get_n_items (rs_case_get_events (kase));
  press_add (fixture->viewer->event_editor);
  g_assert_true (gtk_widget_get_visible (fixture->viewer->event_editor));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_events (kase)), ==, n_events);
  gtk_popover_popdown (GTK_POPOVER (fixture->viewer->event_editor));

  assert_undo_restores (fixture, before);
}

static void
test_extend_quote (Fixture       *fixture,
                   gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  g_autoptr(GBytes) before = export (fixture);
  const Span *span;
  gint64 quote_id;
  int old_start, old_end;
  GtkTextIter a, b;

  /* A selection running past the end of a quote. */
  g_assert_cmpuint (fixture->viewer->spans->len, >, 0);
  span = &g_array_index (fixture->viewer->spans, Span, 0);
  quote_id = span->quote_id;
  old_start = span->start;
  old_end = span->end;
  gtk_text_buffer_get_iter_at_offset (fixture->viewer->buffer, &a, old_end - 3);
  gtk_text_buffer_get_iter_at_offset (fixture->viewer->buffer, &b, old_end + 12);
  gtk_text_buffer_select_range (fixture->viewer->buffer, &a, &b);
  rs_panel_test_wait (20);
  g_assert_true (gtk_widget_get_visible (fixture->viewer->extend_button));
  g_assert_true (activate (fixture, "source.extend-quote"));

  {
    RsQuote *quote = rs_case_lookup_quote (kase, quote_id);

    GtkTextIter e;
    int expected;

    /* From the quote's start to the selection's end, taken to the end of its word (or
     * back over white space). */
    gtk_text_buffer_get_iter_at_offset (fixture->viewer->buffer, &e, old_end + 12);
    if (gtk_text_iter_inside_word (&e) && !gtk_text_iter_starts_word (&e) &&
        !gtk_text_iter_ends_word (&e))
      gtk_text_iter_forward_word_end (&e);
    expected = gtk_text_iter_get_offset (&e);
    g_assert_cmpint (rs_quote_get_start (quote), ==, old_start);
    g_assert_cmpint (rs_quote_get_end (quote), >, old_end);
    g_assert_cmpint (rs_quote_get_end (quote), <=, expected);
  }

  /* Inside a quote, nothing to extend. */
  gtk_text_buffer_get_iter_at_offset (fixture->viewer->buffer, &a, old_start + 1);
  gtk_text_buffer_get_iter_at_offset (fixture->viewer->buffer, &b, old_start + 4);
  gtk_text_buffer_select_range (fixture->viewer->buffer, &a, &b);
  rs_panel_test_wait (20);
  g_assert_false (gtk_widget_get_visible (fixture->viewer->extend_button));

  assert_undo_restores (fixture, before);
}

/* A drag that starts or ends inside a word takes the whole word. */
static void
test_snaps_to_words (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkEditable *name;

  select_text (fixture, "mon Daws", NULL, 0);
  g_assert_true (activate (fixture, "source.new-entity-from-selection"));
  name = rs_panel_test_template_child (fixture->viewer->entity_editor, RS_TYPE_ENTITY_EDITOR,
                                       "name_entry");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Simon Dawson");
  gtk_popover_popdown (GTK_POPOVER (fixture->viewer->entity_editor));
}

/* Nothing but white space selected: nothing to mark. */
static void
test_blank_selection (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *text = rs_document_get_text (fixture->document);
  const char *blank = strstr (text, "\n\n");
  GtkTextIter a, b;
  int at;

  g_assert_nonnull (blank);
  at = g_utf8_pointer_to_offset (text, blank);
  gtk_text_buffer_get_iter_at_offset (fixture->viewer->buffer, &a, at);
  gtk_text_buffer_get_iter_at_offset (fixture->viewer->buffer, &b, at + 2);
  gtk_text_buffer_select_range (fixture->viewer->buffer, &a, &b);
  rs_panel_test_wait (20);
  g_assert_false (activate (fixture, "source.new-entity-from-selection"));
  g_assert_false (activate (fixture, "source.new-event-from-selection"));
  g_assert_false (gtk_widget_get_visible (fixture->viewer->entity_editor));
}

int
main (int   argc,
      char *argv[])
{
  rs_panel_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/source-viewer-marking/new-entity", test_new_entity);
  ADD ("/source-viewer-marking/quote-as-evidence", test_quote_as_evidence);
  ADD ("/source-viewer-marking/new-event", test_new_event);
  ADD ("/source-viewer-marking/extend-quote", test_extend_quote);
  ADD ("/source-viewer-marking/blank-selection", test_blank_selection);
  ADD ("/source-viewer-marking/snaps-to-words", test_snaps_to_words);
#undef ADD

  return g_test_run ();
}
