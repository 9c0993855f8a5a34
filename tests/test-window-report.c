/* test-window-report.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rs-application.h"
#include "rs-gui-test-utils.h"
#include "rs-import-report-dialog.h"
#include "rs-test-utils.h"
#include "rs-window-private.h"

/* Bringing a report into the real window, as File → Import Report…, a drop or a paste do:
 * read in the background, a sheet prefilled from the file, one undoable command, the
 * report opened for marking; the same text twice offers the copy already there; a file
 * that is not a report says so and writes nothing. */

static RsApplication *app;

/* The case loads in a worker at start-up: shown once its window has its store. */
static gboolean
case_shown (gpointer path)
{
  RsWindow *window = rs_window_find_for_case (path);

  return window != NULL && rs_window_get_store (window) != NULL;
}

static RsWindow *
open_sample (const char *name)
{
  g_autofree char *path = rs_test_make_sample_file (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RsWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (rs_gui_test_wait_until (case_shown, (gpointer)path, 30000));
  window = rs_window_find_for_case (path);
  g_assert_nonnull (window);
  rs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
sheet_shown (gpointer user_data)
{
  return find_toplevel (RS_TYPE_IMPORT_REPORT_DIALOG) != NULL;
}

static gboolean
error_shown (gpointer user_data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static guint
n_documents (RsWindow *window)
{
  return g_list_model_get_n_items (rs_case_get_documents (rs_case_store_get_case (window->store)));
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "reports", name, NULL);

  return g_file_new_for_path (path);
}

static RsImportReportDialog *
read_report (RsWindow   *window,
             const char *name)
{
  g_autoptr(GFile) file = fixture (name);

  _rs_window_import_report_file (window, file);
  g_assert_true (rs_gui_test_wait_until (sheet_shown, NULL, 20000));
  return RS_IMPORT_REPORT_DIALOG (find_toplevel (RS_TYPE_IMPORT_REPORT_DIALOG));
}

static const char *
row_text (RsImportReportDialog *dialog,
          const char           *row)
{
  GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                   RS_TYPE_IMPORT_REPORT_DIALOG, row);

  g_assert_nonnull (widget);
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

static void
test_import_html (void)
{
  RsWindow *window = open_sample ("window-report.redstring");
  guint before = n_documents (window);
  RsImportReportDialog *dialog;
  RsDocument *document;
  gint64 id;

  dialog = read_report (window, "jaxa.html");
  /* Prefilled from the page's own metadata. */
  g_assert_cmpstr (row_text (dialog, "title_row"), ==, "Police: PLA unit behind JAXA attacks");
  g_assert_cmpstr (row_text (dialog, "publisher_row"), ==, "Example News");
  g_assert_cmpstr (row_text (dialog, "published_row"), ==, "2021-04-20");
  g_assert_cmpstr (row_text (dialog, "url_row"), ==, "https://example.org/news/jaxa");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                             RS_TYPE_IMPORT_REPORT_DIALOG,
                                                                             "reliability_row")),
                              RS_RELIABILITY_B);

  /* A date that cannot be read keeps Import off. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      RS_TYPE_IMPORT_REPORT_DIALOG,
                                                                      "published_row")),
                         "20 April");
  g_assert_false (rs_import_report_dialog_import (dialog));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      RS_TYPE_IMPORT_REPORT_DIALOG,
                                                                      "published_row")),
                         "2021-04-20");
  g_assert_true (rs_import_report_dialog_import (dialog));
  rs_gui_test_iterate (100);

  g_assert_cmpuint (n_documents (window), ==, before + 1);
  id = rs_source_viewer_get_document_id (window->source_viewer);
  document = rs_case_lookup_document (rs_case_store_get_case (window->store), id);
  g_assert_nonnull (document);
  g_assert_cmpstr (rs_document_get_title (document), ==, "Police: PLA unit behind JAXA attacks");
  g_assert_cmpint (rs_document_get_reliability (document), ==, RS_RELIABILITY_B);
  /* Its suggestions are shown beside it. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "suggestions");
  g_assert_nonnull (strstr (rs_document_get_text (document), "宇宙航空研究開発機構"));
  g_assert_null (strstr (rs_document_get_text (document), "SCRIPT"));

  /* Marking it, as the bar's button does: the servers sentence as evidence for Tick. */
  {
    RsCase *kase = rs_case_store_get_case (window->store);
    GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window->source_viewer),
                                                                      RS_TYPE_SOURCE_VIEWER,
                                                                      "text_view"));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    const char *text = rs_document_get_text (document);
    const char *hit = strstr (text, "servers were");
    gint64 tick = 0;
    guint n_links;
    GtkTextIter a, b;
    GtkWidget *editor = NULL;
    g_autoptr(GPtrArray) links = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_entities (kase)); i++)
      {
        g_autoptr(RsEntity) entity = g_list_model_get_item (rs_case_get_entities (kase), i);

        if (g_str_equal (rs_entity_get_name (entity), "Tick"))
          tick = rs_entity_get_id (entity);
      }
    links = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, tick);
    n_links = links->len;
    rs_selection_select (window->selection, RS_TARGET_ENTITY, tick);
    g_assert_nonnull (hit);
    gtk_text_buffer_get_iter_at_offset (buffer, &a, g_utf8_pointer_to_offset (text, hit));
    gtk_text_buffer_get_iter_at_offset (buffer, &b, g_utf8_pointer_to_offset (text, hit) + 12);
    gtk_text_buffer_select_range (buffer, &a, &b);
    rs_gui_test_iterate (20);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->source_viewer),
                                               "source.quote-as-evidence", NULL));
    rs_gui_test_iterate (50);
    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (window->source_viewer)); c;
         c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_POPOVER (c) && gtk_widget_get_visible (c))
        editor = c;
    g_assert_nonnull (editor);
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      rs_gui_test_collect (editor, GTK_TYPE_BUTTON, buttons);
      for (guint i = 0; i < buttons->len; i++)
        if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "suggested-action"))
          g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
    }
    rs_gui_test_iterate (50);
    g_clear_pointer (&links, g_ptr_array_unref);
    links = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, tick);
    g_assert_cmpuint (links->len, ==, n_links + 1);

    /* Undone, and the import with it on the next step. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    rs_gui_test_iterate (50);
    g_clear_pointer (&links, g_ptr_array_unref);
    links = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY, tick);
    g_assert_cmpuint (links->len, ==, n_links);
  }

  /* The same text again: the sheet offers the copy already there, and no second one. */
  dialog = read_report (window, "jaxa.html");
  g_assert_cmpint (rs_import_report_dialog_get_existing (dialog), ==, id);
  g_assert_false (rs_import_report_dialog_import (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_documents (window), ==, before + 1);

  /* One step of Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  rs_gui_test_iterate (50);
  g_assert_cmpuint (n_documents (window), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_files (void)
{
  RsWindow *window = open_sample ("window-report-bad.redstring");
  guint before = n_documents (window);
  const char *bad[] = { "binary.txt", "empty.txt", "not-a-pdf.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GFile) file = fixture (bad[i]);
      GtkWidget *dialog;

      _rs_window_import_report_file (window, file);
      g_assert_true (rs_gui_test_wait_until (error_shown, NULL, 20000));
      dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      g_assert_null (find_toplevel (RS_TYPE_IMPORT_REPORT_DIALOG));
      gtk_window_destroy (GTK_WINDOW (dialog));
      rs_gui_test_iterate (50);
    }
  g_assert_cmpuint (n_documents (window), ==, before);

  /* Cancelling the sheet writes nothing either. */
  {
    RsImportReportDialog *sheet = read_report (window, "report.md");

    gtk_window_close (GTK_WINDOW (sheet));
    rs_gui_test_iterate (50);
    g_assert_cmpuint (n_documents (window), ==, before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Pasted text becomes a report like a text file: the sheet, then the report. */
static void
test_paste (void)
{
  RsWindow *window = open_sample ("window-report-paste.redstring");
  guint before = n_documents (window);
  RsImportReportDialog *dialog;

  _rs_window_import_report_text (window, "Tick struck again last week, officials said.\r\n");
  g_assert_true (rs_gui_test_wait_until (sheet_shown, NULL, 20000));
  dialog = RS_IMPORT_REPORT_DIALOG (find_toplevel (RS_TYPE_IMPORT_REPORT_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      RS_TYPE_IMPORT_REPORT_DIALOG,
                                                                      "title_row")),
                         "Pasted note");
  g_assert_true (rs_import_report_dialog_import (dialog));
  rs_gui_test_iterate (50);
  g_assert_cmpuint (n_documents (window), ==, before + 1);
  {
    RsDocument *document = rs_case_lookup_document (rs_case_store_get_case (window->store),
                                                    rs_source_viewer_get_document_id (window->source_viewer));

    g_assert_cmpstr (rs_document_get_text (document), ==,
                     "Tick struck again last week, officials said.\n");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-report/import-html", test_import_html);
  g_test_add_func ("/window-report/bad-files", test_bad_files);
  g_test_add_func ("/window-report/paste", test_paste);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
