/* rs-import-report-dialog.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-import-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-import-report-dialog.h"

/* The sheet between reading a report and adding it to the case: its title, publisher,
 * author, date, address and reliability, prefilled from the file where it says them,
 * with what the reader had to do (bytes replaced) and, when the same text is already in
 * the case, the report it is — offered to open instead of a second copy. Import is one
 * undoable command; a refusal shows here and writes nothing. */

#define PREVIEW_CHARS 600

struct _RsImportReportDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *import_button;
  GtkWidget      *notice_box;
  GtkLabel       *notice_label;
  GtkWidget      *duplicate_box;
  GtkLabel       *duplicate_label;
  AdwEntryRow    *title_row;
  AdwEntryRow    *publisher_row;
  AdwEntryRow    *author_row;
  AdwEntryRow    *published_row;
  AdwEntryRow    *url_row;
  AdwComboRow    *reliability_row;
  GtkStringList  *reliability_model;
  GtkLabel       *preview_label;
  GtkLabel       *error_label;

  /* Owned */
  RsCaseStore    *store;
  RsReport       *report;

  gint64          existing_id;   /* the same text already in the case, or 0 */
};

G_DEFINE_FINAL_TYPE (RsImportReportDialog, rs_import_report_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  OPEN_EXISTING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (RsImportReportDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Import is possible with a title, a readable date (or none) and no copy in the case. */
static void
update (RsImportReportDialog *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *published = gtk_editable_get_text (GTK_EDITABLE (self->published_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *tidy = g_strstrip (g_strdup (title));
  gboolean date_ok = *published == '\0' || rs_case_store_check_published (published, &error);

  if (!date_ok)
    show_error (self, error->message);
  else
    show_error (self, NULL);
  gtk_widget_set_sensitive (self->import_button,
                            self->existing_id == 0 && *tidy != '\0' && date_ok);
}

static void
on_field_changed_cb (RsImportReportDialog *self)
{
  update (self);
}

static void
on_import_clicked_cb (RsImportReportDialog *self)
{
  rs_import_report_dialog_import (self);
}

static void
on_cancel_clicked_cb (RsImportReportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_open_existing_clicked_cb (RsImportReportDialog *self)
{
  gint64 id = self->existing_id;

  g_signal_emit (self, signals[OPEN_EXISTING], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated_cb (RsImportReportDialog *self)
{
  if (gtk_widget_get_sensitive (self->import_button))
    rs_import_report_dialog_import (self);
}

static void
rs_import_report_dialog_dispose (GObject *object)
{
  RsImportReportDialog *self = RS_IMPORT_REPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_IMPORT_REPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->report);
  G_OBJECT_CLASS (rs_import_report_dialog_parent_class)->dispose (object);
}

static void
rs_import_report_dialog_class_init (RsImportReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_import_report_dialog_dispose;

  /**
   * RsImportReportDialog::imported:
   * @document_id: the new document
   *
   * The report is in the case (one undoable command); the dialog then closes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * RsImportReportDialog::open-existing:
   * @document_id: the report of the case with the same text
   *
   * The user chose the copy already in the case rather than importing it again.
   */
  signals[OPEN_EXISTING] =
    g_signal_new ("open-existing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redstring/Redstring/rs-import-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, notice_box);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, notice_label);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, duplicate_box);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, reliability_row);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, reliability_model);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, RsImportReportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_existing_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rs_import_report_dialog_init (RsImportReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (RsReliability r = RS_RELIABILITY_UNKNOWN; r <= RS_RELIABILITY_F; r++)
    gtk_string_list_append (self->reliability_model, rs_reliability_to_display (r));
}

static void
set_row (AdwEntryRow *row,
         const char  *value)
{
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
}

/* The first lines of the text, so the user sees what was read (and from where). */
static char *
dup_preview (const char *text)
{
  const char *end = text;
  glong n = 0;

  while (*end != '\0' && n < PREVIEW_CHARS)
    {
      end = g_utf8_next_char (end);
      n++;
    }
  if (*end == '\0')
    return g_strdup (text);
  return g_strdup_printf ("%.*s…", (int)(end - text), text);
}

/**
 * rs_import_report_dialog_new:
 * @source_name: the file's display name, or a word for pasted text
 */
RsImportReportDialog *
rs_import_report_dialog_new (GtkWindow   *parent,
                             RsCaseStore *store,
                             RsReport    *report,
                             const char  *source_name)
{
  RsImportReportDialog *self;
  const char *title;
  g_autofree char *heading = NULL;
  g_autofree char *preview = NULL;
  RsDocument *existing;
  guint n_replaced;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (RS_IS_REPORT (report), NULL);

  self = g_object_new (RS_TYPE_IMPORT_REPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->report = g_object_ref (report);

  heading = g_strdup_printf (_("Import “%s”"), source_name ? source_name : "");
  adw_window_title_set_title (self->window_title, heading);

  /* The file's own title, else its name without the extension. */
  title = rs_report_get_title (report);
  if (title == NULL || *title == '\0')
    {
      g_autofree char *base = g_strdup (source_name ? source_name : "");
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      set_row (self->title_row, base);
    }
  else
    set_row (self->title_row, title);
  set_row (self->publisher_row, rs_report_get_publisher (report));
  set_row (self->author_row, rs_report_get_author (report));
  set_row (self->published_row, rs_report_get_published (report));
  set_row (self->url_row, rs_report_get_url (report));
  adw_combo_row_set_selected (self->reliability_row, RS_RELIABILITY_UNKNOWN);

  preview = dup_preview (rs_report_get_text (report));
  gtk_label_set_text (self->preview_label, preview);

  n_replaced = rs_report_get_n_replaced (report);
  if (n_replaced > 0)
    {
      g_autofree char *notice =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u byte of the file could not be read as text (%s) and "
                                      "shows as “\uFFFD”.",
                                      "%u bytes of the file could not be read as text (%s) and "
                                      "show as “\uFFFD”.", n_replaced),
                         n_replaced, rs_report_get_encoding (report));

      gtk_label_set_text (self->notice_label, notice);
      gtk_widget_set_visible (self->notice_box, TRUE);
    }

  existing = rs_case_store_find_document_by_text (store, rs_report_get_text (report));
  if (existing != NULL)
    {
      g_autofree char *said = g_strdup_printf (_("The same text is already in this case as "
                                                 "“%s”."), rs_document_get_title (existing));

      self->existing_id = rs_document_get_id (existing);
      gtk_label_set_text (self->duplicate_label, said);
      gtk_widget_set_visible (self->duplicate_box, TRUE);
    }

  update (self);
  return self;
}

/* The report of the case with the same text, or 0. */
gint64
rs_import_report_dialog_get_existing (RsImportReportDialog *self)
{
  g_return_val_if_fail (RS_IS_IMPORT_REPORT_DIALOG (self), 0);

  return self->existing_id;
}

/* Imports with the details as they are in the sheet; FALSE (and why, in the sheet) when
 * refused. */
gboolean
rs_import_report_dialog_import (RsImportReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autofree char *title = NULL;
  const char *published;
  gint64 id = 0;

  g_return_val_if_fail (RS_IS_IMPORT_REPORT_DIALOG (self), FALSE);

  if (self->existing_id != 0)
    return FALSE;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  published = gtk_editable_get_text (GTK_EDITABLE (self->published_row));
  change = rs_case_edit_import_report (self->store, rs_report_get_text (self->report), title,
                                       gtk_editable_get_text (GTK_EDITABLE (self->publisher_row)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->author_row)),
                                       *published ? published : NULL,
                                       gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                                       (RsReliability)adw_combo_row_get_selected (self->reliability_row),
                                       &id, &error);
  if (change == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[IMPORTED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
