/* rs-file-chooser.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-exchange.h"
#include "rs-file-chooser.h"

/* GtkFileChooserNative wrapped as one async call (GTK 4.8 has no GtkFileDialog):
 * the caller gets a GFile, or G_IO_ERROR_CANCELLED when the user backs out. */

static void
on_response (GtkNativeDialog *native,
             int              response,
             gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)),
                           g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen"));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static const char *report_suffixes[] = {
  ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf",
};

static GtkFileFilter *
filter_for (RsFileKind kind)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (kind == RS_FILE_KIND_CASE)
    {
      gtk_file_filter_set_name (filter, _("Redstring cases"));
      gtk_file_filter_add_pattern (filter, "*.redstring");
    }
  else if (kind == RS_FILE_KIND_CHANGESET)
    {
      gtk_file_filter_set_name (filter, _("Redstring changes"));
      gtk_file_filter_add_pattern (filter, "*" RS_EXCHANGE_CHANGES_SUFFIX);
      gtk_file_filter_add_pattern (filter, "*.changes");   /* redstring-cli changes -o */
    }
  else if (kind == RS_FILE_KIND_DIAGRAM)
    {
      gtk_file_filter_set_name (filter, _("Graphviz diagrams (DOT)"));
      gtk_file_filter_add_pattern (filter, "*.gv");
      gtk_file_filter_add_pattern (filter, "*.dot");
      gtk_file_filter_add_pattern (filter, "*.GV");
      gtk_file_filter_add_pattern (filter, "*.DOT");
      gtk_file_filter_add_mime_type (filter, "text/vnd.graphviz");
    }
  else if (kind == RS_FILE_KIND_REPORT)
    {
      gtk_file_filter_set_name (filter, _("Reports (text, Markdown, HTML, PDF)"));
      for (guint i = 0; i < G_N_ELEMENTS (report_suffixes); i++)
        {
          g_autofree char *lower = g_strconcat ("*", report_suffixes[i], NULL);
          g_autofree char *upper = g_ascii_strup (lower, -1);

          gtk_file_filter_add_pattern (filter, lower);
          gtk_file_filter_add_pattern (filter, upper);
        }
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_mime_type (filter, "text/html");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Case bundles (JSON)"));
      gtk_file_filter_add_pattern (filter, "*.json");
      gtk_file_filter_add_mime_type (filter, "application/json");
    }
  return filter;
}

gboolean
rs_file_chooser_is_report_name (const char *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  lower = g_utf8_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (report_suffixes); i++)
    if (g_str_has_suffix (lower, report_suffixes[i]))
      return TRUE;
  return FALSE;
}

gboolean
rs_file_chooser_is_diagram_name (const char *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  lower = g_utf8_strdown (name, -1);
  return g_str_has_suffix (lower, ".gv") || g_str_has_suffix (lower, ".dot");
}

/* GTK 4.8's tree view hits a critical when its own type-ahead popover opens
 * (Ctrl+F in the chooser's file list, even with search disabled; GTK issue
 * 4884).  A tree view given a search entry of its own never opens that
 * popover, and the chooser has its own search, so the file list gets a
 * detached entry it never shows.  Only the fallback dialog (no portal) is a
 * widget we can reach. */
static void
disable_tree_type_ahead (GtkWidget *widget)
{
  if (GTK_IS_TREE_VIEW (widget))
    {
      GtkWidget *unused = g_object_ref_sink (gtk_entry_new ());

      gtk_tree_view_set_enable_search (GTK_TREE_VIEW (widget), FALSE);
      gtk_tree_view_set_search_entry (GTK_TREE_VIEW (widget), GTK_EDITABLE (unused));
      g_object_unref (unused);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    disable_tree_type_ahead (child);
}

static void
tame_fallback_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) &&
          gtk_window_get_transient_for (window) == parent)
        disable_tree_type_ahead (GTK_WIDGET (window));
    }
}

static void
run_with_filter (GtkWindow             *parent,
                 GtkFileChooserAction   action,
                 GtkFileFilter         *filter,
                 const char            *title,
                 const char            *suggested_name,
                 const char            *folder,
                 GCancellable          *cancellable,
                 GAsyncReadyCallback    callback,
                 gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_file_chooser_run_async);

  native = gtk_file_chooser_native_new (title, parent, action,
                                        action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Save") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  if (suggested_name != NULL && action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  /* Where the open case lives, rather than "Recent". */
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), file, NULL);
    }

  g_signal_connect (native, "response", G_CALLBACK (on_response), g_steal_pointer (&task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  tame_fallback_dialog (parent);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

void
rs_file_chooser_run_async (GtkWindow             *parent,
                           GtkFileChooserAction   action,
                           RsFileKind             kind,
                           const char            *title,
                           const char            *suggested_name,
                           const char            *folder,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  g_autoptr(GtkFileFilter) filter = filter_for (kind);

  run_with_filter (parent, action, filter, title, suggested_name, folder, cancellable, callback,
                   user_data);
}

/* A save dialog for files of one type (exports): @filter names and matches them. */
void
rs_file_chooser_save_async (GtkWindow             *parent,
                            GtkFileFilter         *filter,
                            const char            *title,
                            const char            *suggested_name,
                            const char            *folder,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  run_with_filter (parent, GTK_FILE_CHOOSER_ACTION_SAVE, filter, title, suggested_name, folder,
                   cancellable, callback, user_data);
}

GFile *
rs_file_chooser_run_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
