/* test-documents-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-document-editor.h"
#include "rs-document-item.h"
#include "rs-document-row.h"
#include "rs-documents-panel.h"
#include "rs-error.h"
#include "rs-panel-test-utils.h"
#include "rs-window-private.h"

/* The Documents panel on the sample case: every report with its quote count, a
 * report with no quotes, metadata edited through the form (and on disk), a bad date
 * refused inline, the list following the model, and a row opening the source viewer
 * in the real window. */

typedef struct
{
  RsCaseStore      *store;
  RsSelection      *selection;
  RsDocumentsPanel *panel;
  GtkWindow        *window;
} Fixture;


/* The store's write, given a draft document. */
static gboolean
update_from_draft (RsCaseStore  *store,
                   RsDocument   *draft,
                   GError      **error)
{
  return rs_case_store_update_document (store, rs_document_get_id (draft),
                                        rs_document_get_title (draft),
                                        rs_document_get_publisher (draft),
                                        rs_document_get_author (draft),
                                        rs_document_get_published (draft),
                                        rs_document_get_url (draft),
                                        rs_document_get_reliability (draft), error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("documents.redstring");
  fixture->selection = rs_selection_new ();
  fixture->panel = g_object_ref_sink (RS_DOCUMENTS_PANEL (rs_documents_panel_new ()));
  rs_panel_set_store (RS_PANEL (fixture->panel), fixture->store);
  rs_panel_set_selection (RS_PANEL (fixture->panel), fixture->selection);
  fixture->window = rs_panel_test_present (GTK_WIDGET (fixture->panel), 380, 760);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->panel);
  g_assert_finalize_object (fixture->selection);
  g_assert_finalize_object (fixture->store);
}

static RsCase *
fixture_case (Fixture *fixture)
{
  return rs_case_store_get_case (fixture->store);
}

static GtkWidget *
panel_stack (Fixture *fixture)
{
  return rs_panel_test_template_child (fixture->panel, RS_TYPE_DOCUMENTS_PANEL, "stack");
}

static RsDocument *
listed_document (RsDocumentsPanel *panel,
                 guint             position)
{
  g_autoptr(RsDocumentItem) item = g_list_model_get_item (rs_documents_panel_get_documents (panel),
                                                          position);

  g_assert_nonnull (item);
  return rs_document_item_get_document (item);
}

static RsDocumentItem *
find_item (RsDocumentsPanel *panel,
           gint64            document_id)
{
  GListModel *items = rs_documents_panel_get_documents (panel);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RsDocumentItem) item = g_list_model_get_item (items, i);

      if (rs_document_get_id (rs_document_item_get_document (item)) == document_id)
        return item;
    }
  return NULL;
}

/* The row widget showing a document, once drawn. */
static RsDocumentRow *
find_row (GtkWidget *root,
          gint64     document_id)
{
  if (RS_IS_DOCUMENT_ROW (root))
    {
      RsDocumentItem *item = rs_document_row_get_item (RS_DOCUMENT_ROW (root));

      if (item != NULL &&
          rs_document_get_id (rs_document_item_get_document (item)) == document_id)
        return RS_DOCUMENT_ROW (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RsDocumentRow *found = find_row (child, document_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A label inside one row (so "No quotes yet" is the right report's). */
static GtkWidget *
row_label (Fixture    *fixture,
           gint64      document_id,
           const char *text)
{
  RsDocumentRow *row;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  row = find_row (GTK_WIDGET (fixture->panel), document_id);
  g_assert_nonnull (row);
  return rs_panel_test_find_label (GTK_WIDGET (row), text);
}

static RsDocumentEditor *
open_editor (Fixture *fixture,
             gint64   document_id)
{
  RsDocumentRow *row;
  GtkWidget *button;
  GtkWidget *stack = panel_stack (fixture);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  row = find_row (GTK_WIDGET (fixture->panel), document_id);
  g_assert_nonnull (row);
  button = rs_panel_test_template_child (row, RS_TYPE_DOCUMENT_ROW, "edit_button");
  /* "clicked" itself: gtk_widget_activate() clicks after a 250 ms animation. */
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_nonnull (rs_documents_panel_get_editing (fixture->panel));
  g_assert_cmpint (rs_document_get_id (rs_documents_panel_get_editing (fixture->panel)), ==,
                   document_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "edit");
  return rs_panel_test_template_child (fixture->panel, RS_TYPE_DOCUMENTS_PANEL, "editor");
}

/* The button under ROOT that activates ACTION. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEditable *
editor_field (RsDocumentEditor *editor,
              const char       *name)
{
  return GTK_EDITABLE (rs_panel_test_template_child (editor, RS_TYPE_DOCUMENT_EDITOR, name));
}

static RsDocument *
add_unquoted_document (Fixture    *fixture,
                       const char *title,
                       const char *published)
{
  g_autoptr(RsDocument) draft = rs_document_new (0);
  g_autoptr(GError) error = NULL;
  RsDocument *document;

  rs_document_set_title (draft, title);
  rs_document_set_publisher (draft, "Internal");
  rs_document_set_published (draft, published);
  rs_document_set_text (draft, "A memo nobody has quoted yet.");
  document = rs_case_store_add_document (fixture->store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_new_destroy (void)
{
  GtkWidget *panel = g_object_ref_sink (rs_documents_panel_new ());

  g_assert_cmpuint (rs_documents_panel_get_n_documents (RS_DOCUMENTS_PANEL (panel)), ==, 0);
  g_assert_null (rs_documents_panel_get_editing (RS_DOCUMENTS_PANEL (panel)));
  g_assert_finalize_object (panel);
}

static void
test_quote_count_format (void)
{
  g_autofree char *none = rs_document_row_format_n_quotes (NULL, 0);
  g_autofree char *one = rs_document_row_format_n_quotes (NULL, 1);
  g_autofree char *three = rs_document_row_format_n_quotes (NULL, 3);

  g_assert_cmpstr (none, ==, "No quotes yet");
  g_assert_cmpstr (one, ==, "1 quote");
  g_assert_cmpstr (three, ==, "3 quotes");
}

/* Both reports of the sample, in publication order, each with its own count. */
static void
test_lists_reports (Fixture       *fixture,
                    gconstpointer  user_data)
{
  RsCase *kase = fixture_case (fixture);
  GtkWidget *stack = panel_stack (fixture);
  guint n = g_list_model_get_n_items (rs_case_get_documents (kase));

  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (rs_documents_panel_get_n_documents (fixture->panel), ==, n);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  for (guint i = 0; i < n; i++)
    {
      RsDocument *document = listed_document (fixture->panel, i);
      gint64 id = rs_document_get_id (document);
      g_autoptr(GPtrArray) quotes = rs_case_dup_quotes_of (kase, id);
      g_autofree char *count = rs_document_row_format_n_quotes (NULL, quotes->len);
      RsReliability grade = rs_document_get_reliability (document);
      g_autofree char *badge = g_strdup_printf ("%c", 'A' + grade - RS_RELIABILITY_A);

      g_assert_cmpuint (quotes->len, >, 0);
      g_assert_cmpuint (rs_document_item_get_n_quotes (find_item (fixture->panel, id)), ==,
                        quotes->len);
      g_assert_nonnull (row_label (fixture, id, count));
      g_assert_nonnull (row_label (fixture, id, rs_document_get_title (document)));
      if (rs_document_get_reliability (document) != RS_RELIABILITY_UNKNOWN)
        g_assert_nonnull (row_label (fixture, id, badge));
      if (i > 0)
        g_assert_cmpstr (rs_document_get_published (listed_document (fixture->panel, i - 1)), <=,
                         rs_document_get_published (document));
    }
  /* Dates for people: "20 Apr 2021", not "2021-04-20". */
  for (guint i = 0; i < n; i++)
    {
      RsDocument *document = listed_document (fixture->panel, i);
      g_autofree char *byline = NULL;

      if (g_strcmp0 (rs_document_get_published (document), "2021-04-20") != 0)
        continue;
      byline = g_strdup_printf ("%s · 20 Apr 2021", rs_document_get_publisher (document));
      g_assert_nonnull (row_label (fixture, rs_document_get_id (document), byline));
    }
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "documents-panel");
}

/* A report nobody quoted is listed, last when undated, with "No quotes yet". */
static void
test_unquoted_document (Fixture       *fixture,
                        gconstpointer  user_data)
{
  RsDocument *memo = add_unquoted_document (fixture, "Unquoted memo", NULL);
  RsDocument *dated = add_unquoted_document (fixture, "Early memo", "2001-02-03");
  guint n = rs_documents_panel_get_n_documents (fixture->panel);

  g_assert_cmpuint (n, ==, 4);
  g_assert_true (listed_document (fixture->panel, 0) == dated);
  g_assert_true (listed_document (fixture->panel, n - 1) == memo);
  g_assert_cmpuint (rs_document_item_get_n_quotes (find_item (fixture->panel,
                                                              rs_document_get_id (memo))), ==, 0);
  g_assert_nonnull (row_label (fixture, rs_document_get_id (memo), "No quotes yet"));
  g_assert_nonnull (row_label (fixture, rs_document_get_id (memo), "Unquoted memo"));
  g_assert_nonnull (row_label (fixture, rs_document_get_id (memo), "Internal · Undated"));
  g_assert_nonnull (row_label (fixture, rs_document_get_id (dated), "Internal · 3 Feb 2001"));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "documents-panel-unquoted");
}

/* A quote taken from a report counts at once; deleting the report removes its row. */
static void
test_follows_model (Fixture       *fixture,
                    gconstpointer  user_data)
{
  RsDocument *memo = add_unquoted_document (fixture, "Memo", "2030-01-01");
  gint64 memo_id = rs_document_get_id (memo);
  g_autoptr(RsQuote) draft = rs_quote_new (0);
  g_autoptr(GError) error = NULL;
  RsDocument *first = listed_document (fixture->panel, 0);
  RsQuote *quote;

  rs_quote_set_document_id (draft, memo_id);
  rs_quote_set_start (draft, 0);
  rs_quote_set_end (draft, 6);
  rs_quote_set_text (draft, "A memo");
  quote = rs_case_store_add_quote (fixture->store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (quote);
  g_assert_cmpuint (rs_document_item_get_n_quotes (find_item (fixture->panel, memo_id)), ==, 1);
  g_assert_nonnull (row_label (fixture, memo_id, "1 quote"));

  g_assert_true (rs_case_store_delete_quote (fixture->store, rs_quote_get_id (quote), &error));
  g_assert_no_error (error);
  g_assert_nonnull (row_label (fixture, memo_id, "No quotes yet"));

  /* An edit of the date from elsewhere (the store, a command) re-sorts the list. */
  {
    g_autoptr(RsDocument) edit = rs_document_new (memo_id);

    rs_document_set_title (edit, "Memo");
    rs_document_set_published (edit, "1999");
    g_assert_true (update_from_draft (fixture->store, edit, &error));
    g_assert_no_error (error);
    g_assert_true (listed_document (fixture->panel, 0) == memo);
    g_assert_true (listed_document (fixture->panel, 1) == first);
  }

  g_assert_true (rs_case_store_delete_document (fixture->store, memo_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rs_documents_panel_get_n_documents (fixture->panel), ==, 2);
  g_assert_null (find_item (fixture->panel, memo_id));
}

/* Every field through the form; the row, the model and the file all follow. */
static void
test_edit_details (Fixture       *fixture,
                   gconstpointer  user_data)
{
  RsDocument *document = listed_document (fixture->panel, 0);
  gint64 id = rs_document_get_id (document);
  RsDocumentEditor *editor = open_editor (fixture, id);
  GtkWidget *stack = panel_stack (fixture);
  GtkWidget *reliability = rs_panel_test_template_child (editor, RS_TYPE_DOCUMENT_EDITOR,
                                                         "reliability_row");
  GtkWidget *save = find_action_button (GTK_WIDGET (editor), "editor.save");
  g_autoptr(RsCaseStore) snapshot = NULL;
  RsDocument *reread;

  g_assert_cmpstr (gtk_editable_get_text (editor_field (editor, "title_row")), ==,
                   rs_document_get_title (document));
  g_assert_cmpstr (gtk_editable_get_text (editor_field (editor, "published_row")), ==,
                   rs_document_get_published (document));

  gtk_editable_set_text (editor_field (editor, "title_row"), "  Renamed report  ");
  gtk_editable_set_text (editor_field (editor, "publisher_row"), "Redstring Desk");
  gtk_editable_set_text (editor_field (editor, "author_row"), "A. Analyst");
  gtk_editable_set_text (editor_field (editor, "published_row"), "2021-04-19");
  gtk_editable_set_text (editor_field (editor, "url_row"), "https://example.org/r");
  adw_combo_row_set_selected (ADW_COMBO_ROW (reliability), RS_RELIABILITY_D);
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "documents-panel-editor");
  g_assert_true (gtk_widget_is_sensitive (save));
  g_signal_emit_by_name (save, "clicked");

  g_assert_null (rs_documents_panel_get_editing (fixture->panel));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
  g_assert_cmpstr (rs_document_get_title (document), ==, "Renamed report");
  g_assert_cmpstr (rs_document_get_publisher (document), ==, "Redstring Desk");
  g_assert_cmpstr (rs_document_get_author (document), ==, "A. Analyst");
  g_assert_cmpstr (rs_document_get_published (document), ==, "2021-04-19");
  g_assert_cmpstr (rs_document_get_url (document), ==, "https://example.org/r");
  g_assert_cmpint (rs_document_get_reliability (document), ==, RS_RELIABILITY_D);
  g_assert_nonnull (row_label (fixture, id, "Renamed report"));
  g_assert_nonnull (row_label (fixture, id, "Redstring Desk · 19 Apr 2021"));
  g_assert_nonnull (row_label (fixture, id, "D"));

  /* On disk, as another program would read it. */
  snapshot = rs_test_open_snapshot (rs_case_store_get_path (fixture->store));
  reread = rs_case_lookup_document (rs_case_store_get_case (snapshot), id);
  g_assert_nonnull (reread);
  g_assert_cmpstr (rs_document_get_title (reread), ==, "Renamed report");
  g_assert_cmpstr (rs_document_get_published (reread), ==, "2021-04-19");
  g_assert_cmpstr (rs_document_get_author (reread), ==, "A. Analyst");
  g_assert_cmpint (rs_document_get_reliability (reread), ==, RS_RELIABILITY_D);

  /* Clearing an optional field stores nothing, not "". */
  editor = open_editor (fixture, id);
  gtk_editable_set_text (editor_field (editor, "author_row"), "");
  g_assert_true (rs_document_editor_save (editor));
  g_assert_null (rs_document_get_author (document));
}

/* A date that is not YYYY-MM-DD is marked on its row, Save is off, and nothing is
 * written even if saving is forced. Escape leaves the form without writing. */
static void
test_bad_date (Fixture       *fixture,
               gconstpointer  user_data)
{
  RsDocument *document = listed_document (fixture->panel, 0);
  gint64 id = rs_document_get_id (document);
  g_autofree char *title = g_strdup (rs_document_get_title (document));
  g_autofree char *published = g_strdup (rs_document_get_published (document));
  RsDocumentEditor *editor = open_editor (fixture, id);
  GtkWidget *date_row = GTK_WIDGET (editor_field (editor, "published_row"));
  GtkWidget *date_error = rs_panel_test_template_child (editor, RS_TYPE_DOCUMENT_EDITOR,
                                                        "date_error_label");
  GtkWidget *save = find_action_button (GTK_WIDGET (editor), "editor.save");
  g_autoptr(RsCaseStore) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  RsDocument *reread;
  const char *bad[] = { "2021-13-01", "2021-02-30", "20 April 2021", "2021-4-20", "0000", "x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gtk_editable_set_text (editor_field (editor, "title_row"), "Should not be saved");
      gtk_editable_set_text (GTK_EDITABLE (date_row), bad[i]);
      g_assert_true (gtk_widget_has_css_class (date_row, "error"));
      g_assert_true (gtk_widget_get_visible (date_error));
      g_assert_false (gtk_widget_get_sensitive (save));
      g_assert_false (rs_document_editor_save (editor));
      g_assert_false (rs_case_store_check_published (bad[i], &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "documents-panel-bad-date");

  g_assert_true (rs_documents_panel_get_editing (fixture->panel) == document);
  g_assert_cmpstr (rs_document_get_title (document), ==, title);
  g_assert_cmpstr (rs_document_get_published (document), ==, published);
  snapshot = rs_test_open_snapshot (rs_case_store_get_path (fixture->store));
  reread = rs_case_lookup_document (rs_case_store_get_case (snapshot), id);
  g_assert_cmpstr (rs_document_get_title (reread), ==, title);

  /* Fixed, the mark goes; an empty title is marked in turn. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2021");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (gtk_widget_get_visible (date_error));
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (editor_field (editor, "title_row"), "   ");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor_field (editor, "title_row")),
                                           "error"));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* The store's own checks, for callers other than the form. */
  {
    g_autoptr(RsDocument) draft = rs_document_new (id);

    rs_document_set_title (draft, "   ");
    g_assert_false (update_from_draft (fixture->store, draft, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    rs_document_set_title (draft, "Fine");
    rs_document_set_published (draft, "2021-02-29");
    g_assert_false (update_from_draft (fixture->store, draft, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    rs_document_set_published (draft, NULL);
    rs_document_set_url (draft, "two\nlines");
    g_assert_false (update_from_draft (fixture->store, draft, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    g_assert_cmpstr (rs_document_get_title (document), ==, title);
  }

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  g_assert_null (rs_documents_panel_get_editing (fixture->panel));
  g_assert_cmpstr (rs_document_get_title (document), ==, title);
}

/* A case with no reports says how to get some. */
static void
test_empty_case (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("empty.redstring");
  RsDocumentsPanel *panel = g_object_ref_sink (RS_DOCUMENTS_PANEL (rs_documents_panel_new ()));
  GtkWindow *window;
  GtkWidget *stack = rs_panel_test_template_child (panel, RS_TYPE_DOCUMENTS_PANEL, "stack");

  rs_panel_set_store (RS_PANEL (panel), store);
  window = rs_panel_test_present (GTK_WIDGET (panel), 380, 600);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (panel), "No Reports Yet"));
  rs_panel_test_save_screenshot (GTK_WIDGET (panel), "documents-panel-empty");

  gtk_window_destroy (window);
  g_assert_finalize_object (panel);
}

/* In the real window: Alt+4's action shows the tab, and activating a row opens the
 * report in the source viewer from its start, the board's selection untouched. */
static void
test_window_opens_viewer (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("window.redstring");
  RsWindow *window = g_object_new (RS_TYPE_WINDOW, NULL);
  GtkWidget *list_view;
  RsDocument *first, *second;
  g_autoptr(GPtrArray) quotes = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  rs_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-page", "s",
                                             "documents"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "documents");
  g_assert_true (gtk_widget_get_visible (window->side_box));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  list_view = rs_panel_test_template_child (window->documents_panel, RS_TYPE_DOCUMENTS_PANEL,
                                            "list_view");
  first = listed_document (window->documents_panel, 0);
  second = listed_document (window->documents_panel, 1);

  g_signal_emit_by_name (list_view, "activate", 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->source_viewer)));
  g_assert_cmpint (rs_source_viewer_get_document_id (window->source_viewer), ==,
                   rs_document_get_id (second));
  g_assert_cmpint (rs_source_viewer_get_revealed_quote_id (window->source_viewer), ==, 0);
  g_assert_cmpuint (rs_selection_get_n_items (window->selection), ==, 0);

  /* Open on a revealed quote (from the Quotes panel), the report opens afresh. */
  quotes = rs_case_dup_quotes_of (rs_case_store_get_case (store), rs_document_get_id (first));
  g_assert_cmpuint (quotes->len, >, 0);
  _rs_window_reveal_quote (window, rs_quote_get_id (g_ptr_array_index (quotes, 0)));
  g_assert_cmpint (rs_source_viewer_get_revealed_quote_id (window->source_viewer), !=, 0);
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpint (rs_source_viewer_get_document_id (window->source_viewer), ==,
                   rs_document_get_id (first));
  g_assert_cmpint (rs_source_viewer_get_revealed_quote_id (window->source_viewer), ==, 0);
  g_assert_cmpuint (rs_selection_get_n_items (window->selection), ==, 0);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rs_panel_test_save_screenshot (GTK_WIDGET (window), "documents-panel-window");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  rs_panel_test_init (&argc, &argv);

  g_test_add_func ("/documents-panel/new-destroy", test_new_destroy);
  g_test_add_func ("/documents-panel/quote-count-format", test_quote_count_format);
  g_test_add_func ("/documents-panel/empty-case", test_empty_case);
  g_test_add ("/documents-panel/lists-reports", Fixture, NULL,
              fixture_set_up, test_lists_reports, fixture_tear_down);
  g_test_add ("/documents-panel/unquoted-document", Fixture, NULL,
              fixture_set_up, test_unquoted_document, fixture_tear_down);
  g_test_add ("/documents-panel/follows-model", Fixture, NULL,
              fixture_set_up, test_follows_model, fixture_tear_down);
  g_test_add ("/documents-panel/edit-details", Fixture, NULL,
              fixture_set_up, test_edit_details, fixture_tear_down);
  g_test_add ("/documents-panel/bad-date", Fixture, NULL,
              fixture_set_up, test_bad_date, fixture_tear_down);
  g_test_add_func ("/documents-panel/window-opens-viewer", test_window_opens_viewer);

  return g_test_run ();
}
