/* rs-window-actions.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-window-actions"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rs-board-print.h"
#include "rs-brief-print.h"
#include "rs-bundle.h"
#include "rs-bundle-merge.h"
#include "rs-clipboard-image.h"
#include "rs-error.h"
#include "rs-export-dialog.h"
#include "rs-export-stix.h"
#include "rs-file-chooser.h"
#include "rs-import-report-dialog.h"
#include "rs-stix-import.h"
#include "rs-report.h"
#include "rs-progress-dialog.h"
#include "rs-window-private.h"

/* win.* actions: case files, bundles, panels. Everything else belongs to the
 * board (board.*) and the panels. */

/* The path the user chose, with @suffix added when it lacks it (NULL: as chosen).
 * NULL when the chooser was cancelled or failed; @error then says which. */
char *
_rs_window_dup_chosen_path (GAsyncResult  *result,
                            const char    *suffix,
                            GError       **error)
{
  g_autoptr(GFile) file = rs_file_chooser_run_finish (result, error);
  g_autofree char *path = NULL;

  if (file == NULL)
    return NULL;
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only local files can be read or written here"));
      return NULL;
    }
  if (suffix == NULL || g_str_has_suffix (path, suffix))
    return g_steal_pointer (&path);
  return g_strconcat (path, suffix, NULL);
}

/* The folder of the open case, where the file choosers start; NULL without one. */
char *
_rs_window_dup_case_folder (RsWindow *self)
{
  return self->store != NULL ? g_path_get_dirname (rs_case_store_get_path (self->store)) : NULL;
}

static void
on_open_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _rs_window_dup_chosen_path (result, NULL, &error);

  if (path == NULL)
    {
      _rs_window_show_error (self, _("Could Not Open the Case"), error);
      return;
    }
  _rs_window_open_case_in_background (self, path);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *folder = _rs_window_dup_case_folder (self);

  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, RS_FILE_KIND_CASE,
                             _("Open a Case"), NULL, folder, self->cancellable, on_open_chosen_cb,
                             g_object_ref (self));
}

static void
on_new_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autofree char *path = _rs_window_dup_chosen_path (result, ".redstring", &error);

  if (path == NULL)
    {
      _rs_window_show_error (self, _("Could Not Create the Case"), error);
      return;
    }

  /* The chooser already asked about overwriting; a new case starts from nothing,
   * and a case open in a window or another program is not replaced under it. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !rs_case_store_remove_case_file (path, &error))
    {
      _rs_window_show_error (self, _("Could Not Create the Case"), error);
      return;
    }

  if (!(store = rs_case_store_open (path, RS_CASE_STORE_OPEN_CREATE, &error)))
    {
      _rs_window_show_error (self, _("Could Not Create the Case"), error);
      return;
    }
  rs_window_set_store (self, store);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *folder = _rs_window_dup_case_folder (self);

  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, RS_FILE_KIND_CASE,
                             _("New Case"), _("Untitled.redstring"), folder, self->cancellable,
                             on_new_chosen_cb, g_object_ref (self));
}

static void
on_save_as_chosen_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _rs_window_dup_chosen_path (result, ".redstring", &error);

  if (path == NULL || self->store == NULL)
    {
      if (error)
        _rs_window_show_error (self, _("Could Not Save the Case"), error);
      return;
    }

  if (!rs_case_store_save_as (self->store, path, &error))
    {
      _rs_window_show_error (self, _("Could Not Save the Case"), error);
      return;
    }
  /* Like any editor: from now on the window works on the copy. */
  rs_window_open_case (self, path, FALSE);
  rs_window_show_toast (self, _("Case saved as a new file"));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  if (self->store == NULL)
    return;
  name = g_path_get_basename (rs_case_store_get_path (self->store));
  folder = _rs_window_dup_case_folder (self);
  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, RS_FILE_KIND_CASE,
                             _("Save Case As"), name, folder, self->cancellable, on_save_as_chosen_cb,
                             g_object_ref (self));
}

static void
on_export_chosen_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _rs_window_dup_chosen_path (result, ".json", &error);
  g_autoptr(RsStixSnapshot) stix = NULL;

  if (path == NULL || self->store == NULL)
    {
      if (error)
        _rs_window_show_error (self, _("Could Not Export the Case"), error);
      return;
    }

  /* With what the case file keeps of STIX, which the model does not hold. */
  stix = rs_stix_snapshot_new (self->store, &error);
  if (stix == NULL ||
      !rs_bundle_export_file (rs_case_store_get_case (self->store), stix, path, &error))
    {
      _rs_window_show_error (self, _("Could Not Export the Case"), error);
      return;
    }
  rs_window_show_toast (self, _("Case exported as a bundle"));
}

static void
export_bundle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  if (self->store == NULL)
    return;

  /* The case's own name: "tick-2021.redstring" exports as "tick-2021.json". */
  base = g_path_get_basename (rs_case_store_get_path (self->store));
  if (g_str_has_suffix (base, ".redstring") && strlen (base) > strlen (".redstring"))
    base[strlen (base) - strlen (".redstring")] = '\0';
  name = g_strconcat (base, ".json", NULL);
  folder = _rs_window_dup_case_folder (self);

  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, RS_FILE_KIND_BUNDLE,
                             _("Export Case Bundle"), name, folder, self->cancellable,
                             on_export_chosen_cb, g_object_ref (self));
}

/* Export Diagram, Copy as Image, Print ----------------------------------------------- */

/* The case file's name without ".redstring": what an export is called by default. */
static char *
dup_case_base_name (RsWindow *self)
{
  char *base = g_path_get_basename (rs_case_store_get_path (self->store));

  if (g_str_has_suffix (base, ".redstring") && strlen (base) > strlen (".redstring"))
    base[strlen (base) - strlen (".redstring")] = '\0';
  return base;
}

/* The dialog's choices, kept for its next opening in this window. */
static void
remember_export_options (RsWindow       *self,
                         RsExportDialog *dialog)
{
  rs_export_options_clear (&self->export_options);
  rs_export_dialog_get_options (dialog, &self->export_options, &self->export_scope);
  /* The filter and selection are the window's own, read afresh next time. */
  g_clear_object (&self->export_options.filter);
  g_clear_object (&self->export_options.selection);
  self->export_options_set = TRUE;
  /* Closing: gtk_window_destroy() follows, after which the object may live on a moment
   * (work finishing in the background) but must not be presented again. */
  if (self->export_dialog == dialog)
    g_clear_weak_pointer (&self->export_dialog);
}

static gboolean
on_export_dialog_close_cb (RsExportDialog *dialog,
                           RsWindow       *self)
{
  remember_export_options (self, dialog);
  return FALSE;
}


static void
on_exported_cb (RsExportDialog *dialog,
                GFile          *file,
                RsWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Exported to %s"), name);

  remember_export_options (self, dialog);
  rs_window_show_toast (self, message);
}

static void
export_diagram_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;
  RsExportDialog *dialog;

  if (self->store == NULL)
    return;
  if (self->export_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->export_dialog));
      return;
    }
  base = dup_case_base_name (self);
  folder = _rs_window_dup_case_folder (self);
  dialog = rs_export_dialog_new (GTK_WINDOW (self), rs_case_store_get_case (self->store),
                                 self->filter, self->selection, base, folder);
  rs_export_dialog_set_store (dialog, self->store);
  if (self->export_options_set)
    rs_export_dialog_set_options (dialog, &self->export_options, self->export_scope);
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (on_export_dialog_close_cb), self, 0);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, 0);
  g_set_weak_pointer (&self->export_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_image_copied_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rs_clipboard_image_copy_finish (result, &error))
    {
      _rs_window_show_error (self, _("Could Not Copy the Image"), error);
      return;
    }
  rs_window_show_toast (self, rs_selection_get_n_items (self->selection) > 0
                                ? _("Copied the selection as an image")
                                : _("Copied board as image"));
}

/* The board as shown (its filter, its style), or only the selection. */
static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);

  if (self->store == NULL)
    return;
  rs_clipboard_image_copy_async (gtk_widget_get_clipboard (widget),
                                 rs_case_store_get_case (self->store), self->filter,
                                 self->selection, rs_board_view_get_dark (self->board),
                                 self->cancellable, on_image_copied_cb, g_object_ref (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (rs_board_print_run (GTK_WINDOW (self), rs_case_store_get_case (self->store), self->filter,
                          self->selection, &self->print_settings, &self->page_setup,
                          GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    _rs_window_show_error (self, _("Could Not Print"), error);
}

static void
print_brief_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (rs_brief_print_run (GTK_WINDOW (self), rs_case_store_get_case (self->store), self->filter,
                          &self->print_settings, &self->page_setup,
                          GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    _rs_window_show_error (self, _("Could Not Print the Brief"), error);
}

void
_rs_window_export_dispose (RsWindow *self)
{
  if (self->export_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->export_dialog));
  g_clear_weak_pointer (&self->export_dialog);
  rs_export_options_clear (&self->export_options);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
}

static void
on_import_progress_cb (double   fraction,
                       gpointer user_data)
{
  rs_progress_dialog_set_fraction (RS_PROGRESS_DIALOG (user_data), fraction);
}

static void
on_bundle_imported_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;

  change = rs_bundle_import_file_finish (RS_CASE_STORE (source), result, &error);
  /* The work is over: the window is free for the next, whoever still holds the dialog
   * (the reader lets go of its progress callback's reference later). */
  if (self->progress != NULL)
    rs_progress_dialog_done (self->progress);
  g_clear_weak_pointer (&self->progress);

  if (change == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rs_window_show_error (self, _("Could Not Import the Case Bundle"), error);
      return;
    }
  /* The store announced the change: it is on the undo stack already. */
  rs_window_show_toast (self, _("Case bundle imported"));
}

/* A bundle comes in as one undoable command, read in the background; a large one shows
 * its progress and can be cancelled, leaving the case as it was. */
void
_rs_window_import_bundle (RsWindow   *self,
                          const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *label = g_strdup_printf (_("Import “%s”"), name);
  g_autofree char *title = g_strdup_printf (_("Importing “%s”…"), name);
  RsProgressDialog *dialog;

  if (self->store == NULL)
    return;
  /* A .json file may be a STIX bundle (issue 22): it says "type": "bundle". */
  if (rs_stix_sniff_file (path))
    {
      _rs_window_import_stix (self, path);
      return;
    }
  if (self->progress != NULL)
    {
      rs_window_show_toast (self, _("An import is still under way"));
      return;
    }
  /* Into a case with records (a colleague's export of it, say): a merge, reviewed. */
  if (rs_bundle_import_merges (self->store))
    {
      _rs_window_merge_bundle (self, path);
      return;
    }

  dialog = rs_progress_dialog_new (GTK_WINDOW (self), title);
  g_set_weak_pointer (&self->progress, dialog);
  rs_progress_dialog_present_later (dialog, self->progress_delay);
  rs_bundle_import_file_async (self->store, path, label, rs_progress_dialog_get_cancellable (dialog),
                               on_import_progress_cb, g_object_ref (dialog), g_object_unref,
                               on_bundle_imported_cb, g_object_ref (self));
}

/* Reports ------------------------------------------------------------------------------- */

static void
on_report_progress_cb (double   fraction,
                       gpointer user_data)
{
  rs_progress_dialog_set_fraction (RS_PROGRESS_DIALOG (user_data), fraction);
}

static void
on_report_imported_cb (RsWindow             *self,
                       gint64                document_id,
                       RsImportReportDialog *dialog)
{
  RsDocument *document = self->store ? rs_case_lookup_document (rs_case_store_get_case (self->store),
                                                                document_id) : NULL;
  g_autofree char *said = NULL;

  _rs_window_open_document (self, document_id);
  /* What the report proposes, beside it. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-side-page", "s", "suggestions");
  said = g_strdup_printf (_("“%s” imported: accept what it suggests, or select text in it to "
                            "mark evidence"),
                          document ? rs_document_get_title (document) : "");
  rs_window_show_toast (self, said);
}

static void
on_report_open_existing_cb (RsWindow             *self,
                            gint64                document_id,
                            RsImportReportDialog *dialog)
{
  _rs_window_open_document (self, document_id);
}

/* What was read goes to the sheet, where the user checks its details. */
static void
show_import_sheet (RsWindow   *self,
                   RsReport   *report,
                   const char *source_name)
{
  RsImportReportDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = rs_import_report_dialog_new (GTK_WINDOW (self), self->store, report, source_name);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_report_imported_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "open-existing", G_CALLBACK (on_report_open_existing_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_report_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = NULL;
  g_autofree char *name = g_object_steal_data (G_OBJECT (self), "rs-report-name");
  gboolean from_file = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "rs-report-from-file"));

  report = from_file ? rs_report_read_file_finish (result, &error)
                     : rs_report_read_bytes_finish (result, &error);
  /* The work is over: the window is free for the next, whoever still holds the dialog
   * (the reader lets go of its progress callback's reference later). */
  if (self->progress != NULL)
    rs_progress_dialog_done (self->progress);
  g_clear_weak_pointer (&self->progress);

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rs_window_show_error (self, _("Could Not Import the Report"), error);
      return;
    }
  show_import_sheet (self, report, name);
}

static RsProgressDialog *
begin_reading (RsWindow   *self,
               const char *name,
               gboolean    from_file)
{
  g_autofree char *title = g_strdup_printf (_("Reading “%s”…"), name);
  RsProgressDialog *dialog;

  if (self->progress != NULL)
    {
      rs_window_show_toast (self, _("Wait for the case being opened or imported"));
      return NULL;
    }
  dialog = rs_progress_dialog_new (GTK_WINDOW (self), title);
  g_set_weak_pointer (&self->progress, dialog);
  rs_progress_dialog_present_later (dialog, self->progress_delay);
  g_object_set_data_full (G_OBJECT (self), "rs-report-name", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (self), "rs-report-from-file", GINT_TO_POINTER (from_file));
  return dialog;
}

/* A report file (chosen, dropped): read in the background, a large one with progress and
 * Cancel, then the sheet. */
void
_rs_window_import_report_file (RsWindow *self,
                               GFile    *file)
{
  g_autofree char *name = NULL;
  RsProgressDialog *dialog;

  if (self->store == NULL)
    return;
  name = g_file_get_basename (file);
  if (!(dialog = begin_reading (self, name, TRUE)))
    return;
  rs_report_read_file_async (file, on_report_progress_cb, g_object_ref (dialog), g_object_unref,
                             rs_progress_dialog_get_cancellable (dialog), on_report_read_cb,
                             g_object_ref (self));
}

/* Text pasted as a new report: read as a text file would be (line ends, control bytes). */
void
_rs_window_import_report_text (RsWindow   *self,
                               const char *text)
{
  g_autoptr(GBytes) bytes = NULL;
  RsProgressDialog *dialog;

  if (self->store == NULL || text == NULL)
    return;
  if (!(dialog = begin_reading (self, _("Pasted Text"), FALSE)))
    return;
  bytes = g_bytes_new (text, strlen (text));
  rs_report_read_bytes_async (bytes, "pasted.txt", on_report_progress_cb, g_object_ref (dialog),
                              g_object_unref, rs_progress_dialog_get_cancellable (dialog),
                              on_report_read_cb, g_object_ref (self));
}

static void
on_report_chosen_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = rs_file_chooser_run_finish (result, &error);

  if (file == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rs_window_show_error (self, _("Could Not Import the Report"), error);
      return;
    }
  _rs_window_import_report_file (self, file);
}

static void
import_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *folder = _rs_window_dup_case_folder (self);

  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, RS_FILE_KIND_REPORT,
                             _("Import Report"), NULL, folder, self->cancellable,
                             on_report_chosen_cb, g_object_ref (self));
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || *g_strstrip (g_strdup (text)) == '\0')
    {
      rs_window_show_toast (self, _("The clipboard holds no text to import"));
      return;
    }
  _rs_window_import_report_text (self, text);
}

static void
paste_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);

  if (self->store == NULL)
    return;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), self->cancellable,
                                 on_clipboard_text_cb, g_object_ref (self));
}

static void
on_import_chosen_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _rs_window_dup_chosen_path (result, NULL, &error);

  if (path == NULL || self->store == NULL)
    {
      if (error)
        _rs_window_show_error (self, _("Could Not Import the Case Bundle"), error);
      return;
    }
  _rs_window_import_bundle (self, path);
}

static void
import_bundle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *folder = _rs_window_dup_case_folder (self);

  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, RS_FILE_KIND_BUNDLE,
                             _("Import Case Bundle"), NULL, folder, self->cancellable,
                             on_import_chosen_cb, g_object_ref (self));
}

static void
toggle_side_panel_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  gboolean visible = !gtk_widget_get_visible (self->side_box);

  gtk_widget_set_visible (self->side_box, visible);
  gtk_toggle_button_set_active (self->side_panel_button, visible);
  if (visible)
    _rs_window_restore_side_width (self);
}

/* Alt+1…6: a side panel by name, shown if hidden, with the keyboard in it. */
static void
show_side_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->side_stack, name);

  if (page == NULL)
    return;
  if (!gtk_widget_get_visible (self->side_box))
    gtk_widget_activate_action (widget, "win.toggle-side-panel", NULL);
  adw_view_stack_set_visible_child (self->side_stack, page);
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* The History panel, shown, with its "since when" chooser open. */
static void
changes_since_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);

  gtk_widget_activate_action (widget, "win.show-side-page", "s", "history");
  rs_history_panel_popup_since (self->history_panel);
}

static void
filter_board_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Focus the board on the selected entity's neighbourhood (depth from the filter
 * popover); without an entity selected, clear the focus. */
static void
focus_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  RsTarget target;
  gint64 id;

  if (rs_selection_get_primary (self->selection, &target, &id) && target == RS_TARGET_ENTITY)
    {
      if (rs_board_filter_get_focus_hops (self->filter) == 0)
        rs_board_filter_set_focus_hops (self->filter, 1);
      rs_board_filter_set_focus_id (self->filter, id);
    }
  else
    rs_board_filter_set_focus_id (self->filter, 0);
}

static void
show_everything_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rs_board_filter_reset (self->filter);
}

/* win.relayout, win.zoom-*: the board's own actions (board.*), for the header
 * bar's menus and the application's shortcuts, which cannot reach the board's
 * actions from outside it. */
static void
board_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *name = g_strconcat ("board.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->board), name, param);
}

void
_rs_window_class_actions_init (RsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-bundle", NULL, export_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.import-bundle", NULL, import_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.import-diagram", NULL,
                                   _rs_window_import_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.export-diagram", NULL, export_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-brief", NULL, print_brief_action);
  gtk_widget_class_install_action (widget_class, "win.import-report", NULL, import_report_action);
  gtk_widget_class_install_action (widget_class, "win.paste-report", NULL, paste_report_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-side-panel", NULL,
                                   toggle_side_panel_action);
  gtk_widget_class_install_action (widget_class, "win.show-side-page", "s", show_side_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-side-page", "s", "quotes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-side-page", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-side-page", "s", "notes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-side-page", "s", "documents");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK,
                                       "win.show-side-page", "s", "suggestions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK,
                                       "win.show-side-page", "s", "history");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_ALT_MASK,
                                       "win.show-side-page", "s", "items");
  gtk_widget_class_install_action (widget_class, "win.changes-since", NULL, changes_since_action);
  gtk_widget_class_install_action (widget_class, "win.filter-board", NULL, filter_board_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.focus-selection", NULL, focus_selection_action);
  gtk_widget_class_install_action (widget_class, "win.show-everything", NULL, show_everything_action);
  gtk_widget_class_install_action (widget_class, "win.relayout", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, board_action);
}

void
_rs_window_actions_init (RsWindow *self)
{
  g_autoptr(GPropertyAction) engine = g_property_action_new ("layout-engine", self->board, "engine");

  /* The layout menu's radio items follow and set the board's engine. */
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (engine));
  gtk_toggle_button_set_active (self->side_panel_button, gtk_widget_get_visible (self->side_box));
}
