/* rs-window-stix.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-stix-import.h"
#include "rs-window-private.h"

/* STIX 2.1 bundles in (issue 22): File → Import Case Bundle… and dropped .json files
 * that are STIX bundles rather than Redstring's own. The bundle is read and checked in
 * a worker; matched with the case here; what it would add, merge and keep is shown
 * before anything is written; then it is written a slice at a time with the progress
 * dialog, as one undoable change. */

typedef struct
{
  char        *path;
  char        *name;
  RsStixPlan  *plan;
  RsCaseStore *store;  /* Owned: the case the plan was made against */
} StixImport;

static void
stix_import_free (StixImport *import)
{
  g_free (import->path);
  g_free (import->name);
  g_clear_pointer (&import->plan, rs_stix_plan_free);
  g_clear_object (&import->store);
  g_free (import);
}

static void
on_import_progress_cb (double   fraction,
                       gpointer user_data)
{
  rs_progress_dialog_set_fraction (RS_PROGRESS_DIALOG (user_data), fraction);
}

static void
end_progress (RsWindow *self)
{
  if (self->progress != NULL)
    rs_progress_dialog_done (self->progress);
  g_clear_weak_pointer (&self->progress);
}

static void
on_stix_imported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = rs_stix_import_finish (RS_CASE_STORE (source), result, &error);

  end_progress (self);
  if (change == NULL)
    {
      _rs_window_show_error (self, _("Could Not Import the STIX Bundle"), error);
      return;
    }
  /* The store announced the change: it is on the undo stack already. */
  rs_window_show_toast (self, _("STIX bundle imported"));
}

static void
on_summary_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        StixImport       *import)
{
  RsWindow *self = RS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autofree char *title = NULL;
  RsProgressDialog *progress;

  if (g_strcmp0 (response, "import") != 0 || self->store == NULL || import->plan == NULL)
    return;
  /* The plan names records of the case it was made against. */
  if (self->store != import->store)
    {
      rs_window_show_toast (self, _("Another case is open now: import the bundle again"));
      return;
    }
  if (self->progress != NULL)
    {
      rs_window_show_toast (self, _("An import is still under way"));
      return;
    }

  title = g_strdup_printf (_("Importing “%s”…"), import->name);
  progress = rs_progress_dialog_new (GTK_WINDOW (self), title);
  g_set_weak_pointer (&self->progress, progress);
  rs_progress_dialog_present_later (progress, self->progress_delay);
  rs_stix_import_async (self->store, g_steal_pointer (&import->plan), import->name,
                        rs_progress_dialog_get_cancellable (progress),
                        on_import_progress_cb, g_object_ref (progress), g_object_unref,
                        on_stix_imported_cb, g_object_ref (self));
}

/* What the bundle would do, before it does it. */
static void
show_summary (RsWindow   *self,
              StixImport *import)
{
  g_autofree char *heading = g_strdup_printf (_("Import “%s”?"), import->name);
  g_autofree char *summary = rs_stix_plan_dup_summary (import->plan);
  char *details = strchr (summary, '\n');
  GtkWidget *dialog, *label, *scrolled;

  /* The first line (how many objects, which STIX) as the body; the lines per type, in
   * a column that reads as a list, below it. */
  if (details != NULL)
    *details++ = '\0';
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, summary);
  label = gtk_label_new (details != NULL ? g_strchomp (details) : "");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_name (label, "stix-summary-details");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  /* A wrapped label asks for little: room for a dozen lines of a summary at once. */
  gtk_widget_set_size_request (scrolled, 440, 220);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "stix-summary");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_summary_response_cb), import,
                         (GClosureNotify)(void (*) (void))stix_import_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_bundle_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  StixImport *import = task_data;
  GError *error = NULL;
  RsStixBundle *bundle = rs_stix_bundle_read_file (import->path, &error);

  if (bundle == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bundle, (GDestroyNotify)rs_stix_bundle_free);
}

static void
on_bundle_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RsWindow *self = RS_WINDOW (source);
  StixImport *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  RsStixBundle *bundle = g_task_propagate_pointer (G_TASK (result), &error);
  StixImport *kept;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    g_clear_pointer (&bundle, rs_stix_bundle_free);
  end_progress (self);
  if (bundle == NULL || self->store == NULL)
    {
      g_clear_pointer (&bundle, rs_stix_bundle_free);
      if (error != NULL && bundle == NULL)
        _rs_window_show_error (self, _("Could Not Import the STIX Bundle"), error);
      return;
    }
  /* Matched with the case as it is now, on the thread that owns it. */
  if (!(import->plan = rs_stix_plan_new (bundle, self->store, &error)))
    {
      _rs_window_show_error (self, _("Could Not Import the STIX Bundle"), error);
      return;
    }

  kept = g_new0 (StixImport, 1);
  kept->name = g_strdup (import->name);
  kept->plan = g_steal_pointer (&import->plan);
  kept->store = g_object_ref (self->store);
  show_summary (self, kept);
}

void
_rs_window_import_stix (RsWindow   *self,
                        const char *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;
  RsProgressDialog *progress;
  StixImport *import;

  g_return_if_fail (RS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL)
    return;
  if (self->progress != NULL)
    {
      rs_window_show_toast (self, _("An import is still under way"));
      return;
    }

  import = g_new0 (StixImport, 1);
  import->path = g_strdup (path);
  import->name = g_filename_display_basename (path);
  title = g_strdup_printf (_("Reading “%s”…"), import->name);
  progress = rs_progress_dialog_new (GTK_WINDOW (self), title);
  g_set_weak_pointer (&self->progress, progress);
  rs_progress_dialog_present_later (progress, self->progress_delay);

  task = g_task_new (self, rs_progress_dialog_get_cancellable (progress), on_bundle_read_cb, NULL);
  g_task_set_source_tag (task, _rs_window_import_stix);
  g_task_set_task_data (task, import, (GDestroyNotify)stix_import_free);
  g_task_run_in_thread (task, read_bundle_thread);
}
