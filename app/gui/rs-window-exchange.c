/* rs-window-exchange.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-bundle-merge.h"
#include "rs-changes-since-dialog.h"
#include "rs-exchange-dialog.h"
#include "rs-file-chooser.h"
#include "rs-window-private.h"

/* Working together across machines (issue 21), from the window: File → Merge Case…,
 * Export My Changes Since…, Apply Changes…. A merge or a changeset is read in a worker
 * (the plan), reviewed in RsExchangeDialog, and written as one change, which the
 * window's undo stack takes like every other (on_change_committed_cb in
 * rs-window-editing.c).
 *
 * And the reason for all of it: SQLite's locking is not reliable on a network file
 * system, so a case opened from a share or a FUSE mount gets a bar that says so and
 * offers to work on a local copy. */

void
_rs_window_exchange_update_actions (RsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = rs_window_get_editable (self);

  /* Merging and applying write the case; exporting my changes only reads it. */
  gtk_widget_action_set_enabled (widget, "win.merge-case", editable);
  gtk_widget_action_set_enabled (widget, "win.apply-changes", editable);
  gtk_widget_action_set_enabled (widget, "win.export-changes", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.work-on-local-copy", self->store != NULL);
}

/* Reading the plan -------------------------------------------------------------------- */

/* What is read into a plan. */
typedef enum
{
  SOURCE_CASE,       /* Merge Case… */
  SOURCE_CHANGESET,  /* Apply Changes… */
  SOURCE_BUNDLE,     /* a case bundle imported into a case with records */
} Source;

typedef struct
{
  RsWindow    *window;   /* owned */
  RsCaseStore *store;    /* owned: the case the plan is made against */
  char        *path;
  Source       source;
} Reading;

static void
reading_free (Reading *reading)
{
  g_clear_object (&reading->window);
  g_clear_object (&reading->store);
  g_free (reading->path);
  g_free (reading);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reading, reading_free)

static char *
dup_failure_heading (const Reading *reading)
{
  g_autofree char *name = g_filename_display_basename (reading->path);

  switch (reading->source)
    {
    case SOURCE_CASE:
      return g_strdup_printf (_("Could Not Merge “%s”"), name);
    case SOURCE_CHANGESET:
      return g_strdup_printf (_("Could Not Apply “%s”"), name);
    case SOURCE_BUNDLE:
    default:
      return g_strdup_printf (_("Could Not Import “%s”"), name);
    }
}

static void
on_undo_toast_cb (AdwToast *toast,
                  RsWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
}

static void
on_exchange_applied_cb (RsExchangeDialog *dialog,
                        RsChange         *change,
                        guint             n_changed,
                        RsWindow         *self)
{
  Source source = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "rs-source"));
  gboolean merge = source != SOURCE_CHANGESET;
  const char *author = rs_exchange_plan_get_author (rs_exchange_dialog_get_plan (dialog));
  g_autofree char *said = NULL;
  AdwToast *toast;

  if (source == SOURCE_BUNDLE)
    /* TRANSLATORS: a toast, after a case bundle was merged into the case */
    said = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u item",
                                         "Imported %u items", n_changed), n_changed);
  else if (author != NULL && *author != '\0')
    /* TRANSLATORS: a toast: "Merged 4 items from Hana Sato", "Applied 3 changes from …" */
    said = merge ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merged %u item from %s",
                                                 "Merged %u items from %s", n_changed),
                                    n_changed, author)
                 : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Applied %u change from %s",
                                                 "Applied %u changes from %s", n_changed),
                                    n_changed, author);
  else
    said = merge ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merged %u item",
                                                 "Merged %u items", n_changed), n_changed)
                 : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Applied %u change",
                                                 "Applied %u changes", n_changed), n_changed);
  toast = adw_toast_new (said);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _rs_window_update_edit_actions (self);
}

static void
on_plan_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Reading) reading = user_data;
  RsWindow *self = reading->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsExchangePlan) plan = reading->source == SOURCE_BUNDLE
                                   ? rs_bundle_plan_import_finish (result, &error)
                                   : rs_exchange_plan_new_finish (result, &error);
  g_autofree char *name = g_filename_display_basename (reading->path);
  RsExchangeDialog *dialog;

  if (self->progress != NULL)
    rs_progress_dialog_done (self->progress);
  g_clear_weak_pointer (&self->progress);

  if (plan == NULL)
    {
      g_autofree char *heading = dup_failure_heading (reading);

      _rs_window_show_error (self, heading, error);
      return;
    }
  /* The case went (closed, another opened) while the plan was read against it. */
  if (self->store == NULL || self->store != reading->store || !rs_window_get_editable (self))
    return;

  dialog = rs_exchange_dialog_new (GTK_WINDOW (self), self->store, plan, name);
  rs_exchange_dialog_set_progress_delay (dialog, self->progress_delay);
  g_object_set_data (G_OBJECT (dialog), "rs-source", GINT_TO_POINTER (reading->source));
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_exchange_applied_cb), self, 0);
  g_set_weak_pointer (&self->exchange_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_plan (RsWindow   *self,
           const char *path,
           Source      source)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = g_strdup_printf (_("Reading “%s”…"), name);
  Reading *reading;
  RsProgressDialog *dialog;
  GCancellable *cancellable;

  if (self->store == NULL || !rs_window_get_editable (self))
    return;
  if (self->progress != NULL)
    {
      rs_window_show_toast (self, _("Wait for the case being opened or imported"));
      return;
    }
  if (self->exchange_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->exchange_dialog));
      return;
    }

  reading = g_new0 (Reading, 1);
  reading->window = g_object_ref (self);
  reading->store = g_object_ref (self->store);
  reading->path = g_strdup (path);
  reading->source = source;

  /* Merging the open case into itself would match everything with nothing to do. */
  if (source == SOURCE_CASE)
    {
      g_autoptr(GFile) mine = g_file_new_for_path (rs_case_store_get_path (self->store));
      g_autoptr(GFile) other = g_file_new_for_path (path);

      if (g_file_equal (mine, other))
        {
          g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                                         _("This is the case open in this "
                                                           "window: choose a colleague’s copy."));
          g_autofree char *heading = dup_failure_heading (reading);

          _rs_window_show_error (self, heading, error);
          reading_free (reading);
          return;
        }
    }

  dialog = rs_progress_dialog_new (GTK_WINDOW (self), title);
  g_set_weak_pointer (&self->progress, dialog);
  rs_progress_dialog_present_later (dialog, self->progress_delay);
  cancellable = rs_progress_dialog_get_cancellable (dialog);
  if (source == SOURCE_CASE)
    rs_exchange_plan_new_merge_async (self->store, path, cancellable, on_plan_read_cb, reading);
  else if (source == SOURCE_CHANGESET)
    rs_exchange_plan_new_apply_async (self->store, path, cancellable, on_plan_read_cb, reading);
  else
    rs_bundle_plan_import_async (self->store, path, cancellable, on_plan_read_cb, reading);
}

/* Another case (a colleague's copy): read in a worker, then the review. */
void
_rs_window_merge_case (RsWindow   *self,
                       const char *path)
{
  g_return_if_fail (RS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  read_plan (self, path, SOURCE_CASE);
}

/* A changeset file written by a colleague's "Export My Changes Since…". */
void
_rs_window_apply_changes (RsWindow   *self,
                          const char *path)
{
  g_return_if_fail (RS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  read_plan (self, path, SOURCE_CHANGESET);
}

/* A case bundle (a colleague's export) into a case with records: merged through the
 * same review, so nothing is doubled. */
void
_rs_window_merge_bundle (RsWindow   *self,
                         const char *path)
{
  g_return_if_fail (RS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  read_plan (self, path, SOURCE_BUNDLE);
}

static void
on_merge_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _rs_window_dup_chosen_path (result, NULL, &error);

  if (path == NULL)
    {
      _rs_window_show_error (self, _("Could Not Merge the Case"), error);
      return;
    }
  _rs_window_merge_case (self, path);
}

static void
merge_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *folder = _rs_window_dup_case_folder (self);

  if (!rs_window_get_editable (self))
    return;
  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, RS_FILE_KIND_CASE,
                             _("Merge a Colleague’s Case"), NULL, folder, self->cancellable,
                             on_merge_chosen_cb, g_object_ref (self));
}

static void
on_apply_chosen_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _rs_window_dup_chosen_path (result, NULL, &error);

  if (path == NULL)
    {
      _rs_window_show_error (self, _("Could Not Apply the Changes"), error);
      return;
    }
  _rs_window_apply_changes (self, path);
}

static void
apply_changes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *folder = _rs_window_dup_case_folder (self);

  if (!rs_window_get_editable (self))
    return;
  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                             RS_FILE_KIND_CHANGESET, _("Apply a Colleague’s Changes"), NULL, folder,
                             self->cancellable, on_apply_chosen_cb, g_object_ref (self));
}

/* Export My Changes Since… ------------------------------------------------------------- */

/* Writes my changes after SINCE (NULL: all) to PATH; a toast, or a dialog saying why not. */
gboolean
_rs_window_export_changes (RsWindow   *self,
                           GDateTime  *since,
                           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *said = NULL;

  g_return_val_if_fail (RS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;
  name = g_filename_display_basename (path);
  if (!rs_exchange_write_changes (self->store, since, path, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Export Your Changes to “%s”"), name);

      _rs_window_show_error (self, heading, error);
      return FALSE;
    }
  said = g_strdup_printf (_("Your changes are in “%s”: send it to your colleague"), name);
  rs_window_show_toast (self, said);
  return TRUE;
}

static void
on_changes_file_chosen_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = g_object_steal_data (G_OBJECT (self), "rs-changes-since");
  g_autofree char *path = _rs_window_dup_chosen_path (result, RS_EXCHANGE_CHANGES_SUFFIX, &error);

  if (path == NULL)
    {
      _rs_window_show_error (self, _("Could Not Export Your Changes"), error);
      return;
    }
  _rs_window_export_changes (self, since, path);
}

static void
on_since_chosen_cb (RsChangesSinceDialog *dialog,
                    GDateTime            *since,
                    RsWindow             *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL)
    return;
  /* "Tick case – Hana Sato – 2026-11-27.redstring-changes": who sent what, and when. */
  now = g_date_time_new_now_local ();
  name = rs_exchange_suggest_changes_name (self->store, now);
  folder = _rs_window_dup_case_folder (self);
  gtk_file_filter_set_name (filter, _("Redstring changes"));
  gtk_file_filter_add_pattern (filter, "*" RS_EXCHANGE_CHANGES_SUFFIX);
  g_object_set_data_full (G_OBJECT (self), "rs-changes-since",
                          since ? g_date_time_ref (since) : NULL,
                          (GDestroyNotify)g_date_time_unref);
  rs_file_chooser_save_async (GTK_WINDOW (self), filter, _("Export My Changes"), name, folder,
                              self->cancellable, on_changes_file_chosen_cb, g_object_ref (self));
}

static void
export_changes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  RsChangesSinceDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = rs_changes_since_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_since_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Dropped files --------------------------------------------------------------------------- */

static void
on_drop_choice_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   RsWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "rs-path");

  if (g_str_equal (response, "merge"))
    _rs_window_merge_case (self, path);
  else if (g_str_equal (response, "open"))
    _rs_window_open_case_in_background (self, path);
}

/* A changeset dropped on a window is applied (through the review); another case dropped
 * on a window with an editable case is opened or merged, as the user says. FALSE: not
 * ours to handle (the caller opens it). */
gboolean
_rs_window_drop_exchange_file (RsWindow   *self,
                               const char *path)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->store == NULL || !rs_window_get_editable (self))
    return FALSE;
  if (g_str_has_suffix (path, RS_EXCHANGE_CHANGES_SUFFIX))
    {
      _rs_window_apply_changes (self, path);
      return TRUE;
    }
  if (!g_str_has_suffix (path, ".redstring"))
    return FALSE;
  {
    g_autoptr(GFile) mine = g_file_new_for_path (rs_case_store_get_path (self->store));
    g_autoptr(GFile) other = g_file_new_for_path (path);

    if (g_file_equal (mine, other))
      return FALSE;
  }

  name = g_filename_display_basename (path);
  heading = g_strdup_printf (_("Open or Merge “%s”?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Merging adds what the other case has "
                                                         "to this one, after you review it; "
                                                         "opening shows it instead.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open"),
                                    "merge", _("_Merge Into This Case"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rs-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_drop_choice_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* A case on a share --------------------------------------------------------------------- */

static void
update_share_banner (RsWindow *self)
{
  g_autofree char *fs_name = NULL;
  g_autofree char *said = NULL;
  const char *path;
  RsFileSystemKind kind;

  if (self->share_banner == NULL)   /* the template is gone: the window is closing */
    return;
  if (self->store == NULL)
    {
      gtk_revealer_set_reveal_child (self->share_banner, FALSE);
      return;
    }
  path = rs_case_store_get_path (self->store);
  kind = self->classify_fs (path, &fs_name);
  if (kind == RS_FILE_SYSTEM_LOCAL || g_strcmp0 (self->share_dismissed, path) == 0)
    {
      gtk_revealer_set_reveal_child (self->share_banner, FALSE);
      return;
    }

  if (kind == RS_FILE_SYSTEM_FUSE)
    said = g_strdup_printf (_("This case is on a mounted folder (%s), perhaps a network or cloud "
                              "drive. Its locking does not hold between computers: two people "
                              "working on this file at once can corrupt the case. Work on a local "
                              "copy and exchange changes instead."), fs_name ? fs_name : "FUSE");
  else
    said = g_strdup_printf (_("This case is on a network share (%s). Its locking does not hold "
                              "between computers: two people working on this file at once can "
                              "corrupt the case. Work on a local copy and exchange changes "
                              "instead."), fs_name ? fs_name : _("network"));
  gtk_label_set_text (self->share_label, said);
  gtk_revealer_set_reveal_child (self->share_banner, TRUE);
}

void
_rs_window_exchange_store_changed (RsWindow *self)
{
  update_share_banner (self);
  _rs_window_exchange_update_actions (self);
}

/* Tests stand in for statfs(): a NETWORK case without a network. Production code never
 * calls this. */
void
_rs_window_set_file_system_for_test (RsWindow         *self,
                                     RsFileSystemKind (*classify) (const char *path,
                                                                   char      **fs_name))
{
  g_return_if_fail (RS_IS_WINDOW (self));

  self->classify_fs = classify ? classify : rs_file_system_classify;
  update_share_banner (self);
}

static void
dismiss_share_warning_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);

  if (self->store == NULL)
    return;
  g_free (self->share_dismissed);
  self->share_dismissed = g_strdup (rs_case_store_get_path (self->store));
  gtk_revealer_set_reveal_child (self->share_banner, FALSE);
}

static void
on_local_copy_chosen_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(RsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _rs_window_dup_chosen_path (result, ".redstring", &error);
  g_autofree char *fs_name = NULL;

  if (path == NULL || self->store == NULL)
    {
      if (error != NULL)
        _rs_window_show_error (self, _("Could Not Make a Local Copy"), error);
      return;
    }
  if (self->classify_fs (path, &fs_name) != RS_FILE_SYSTEM_LOCAL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("That folder is on a shared file system (%s) too: choose a folder on this "
                     "computer, such as your Documents."), fs_name ? fs_name : "?");
      _rs_window_show_error (self, _("Could Not Make a Local Copy"), error);
      return;
    }
  if (!rs_case_store_save_as (self->store, path, &error))
    {
      _rs_window_show_error (self, _("Could Not Make a Local Copy"), error);
      return;
    }
  /* From now on the window works on the copy, as after Save As. */
  rs_window_open_case (self, path, FALSE);
  rs_window_show_toast (self, _("Working on a local copy: share your work with File → Export My "
                                "Changes Since…"));
}

static void
work_on_local_copy_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autofree char *name = NULL;
  const char *folder;

  if (self->store == NULL)
    return;
  name = g_path_get_basename (rs_case_store_get_path (self->store));
  folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    folder = g_get_home_dir ();
  rs_file_chooser_run_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, RS_FILE_KIND_CASE,
                             _("Work on a Local Copy"), name, folder, self->cancellable,
                             on_local_copy_chosen_cb, g_object_ref (self));
}

void
_rs_window_exchange_init (RsWindow *self)
{
  self->classify_fs = rs_file_system_classify;
  _rs_window_exchange_update_actions (self);
}

void
_rs_window_exchange_dispose (RsWindow *self)
{
  if (self->exchange_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->exchange_dialog));
  g_clear_weak_pointer (&self->exchange_dialog);
  g_clear_pointer (&self->share_dismissed, g_free);
}

void
_rs_window_class_exchange_init (RsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.merge-case", NULL, merge_case_action);
  gtk_widget_class_install_action (widget_class, "win.export-changes", NULL, export_changes_action);
  gtk_widget_class_install_action (widget_class, "win.apply-changes", NULL, apply_changes_action);
  gtk_widget_class_install_action (widget_class, "win.work-on-local-copy", NULL,
                                   work_on_local_copy_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-share-warning", NULL,
                                   dismiss_share_warning_action);
}
