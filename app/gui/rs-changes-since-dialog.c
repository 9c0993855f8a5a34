/* rs-changes-since-dialog.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-changes-since-dialog"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-changes-since-dialog.h"

/* "Export My Changes Since…" (issue 21): from when — the last review mark, a date typed
 * as YYYY-MM-DD or picked from a calendar, or everything. The window asks where to save
 * once the dialog says "chosen"; a date that is not one keeps Export insensitive and
 * says why. */

struct _RsChangesSinceDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkWidget       *review_row;
  GtkLabel        *review_label;
  GtkCheckButton  *review_check;
  GtkCheckButton  *date_check;
  GtkCheckButton  *all_check;
  GtkEntry        *date_entry;
  GtkMenuButton   *calendar_button;
  GtkCalendar     *calendar;
  GtkLabel        *error_label;

  /* Owned */
  RsCaseStore     *store;
  GDateTime       *review_mark;    /* NULL: no review marked */
};

G_DEFINE_FINAL_TYPE (RsChangesSinceDialog, rs_changes_since_dialog, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A day as YYYY-MM-DD, local midnight; nothing else (no "yesterday", no 2026-2-3). */
static GDateTime *
parse_date (const char  *text,
            GError     **error)
{
  g_autofree char *tidy = g_strstrip (g_strdup (text));
  int year, month, day, end = 0;

  if (strlen (tidy) != 10 || sscanf (tidy, "%4d-%2d-%2d%n", &year, &month, &day, &end) != 3 ||
      end != 10 || tidy[4] != '-' || tidy[7] != '-' ||
      !g_ascii_isdigit (tidy[5]) || !g_ascii_isdigit (tidy[8]) ||
      year < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: write it as year-month-day, such as 2026-11-27"), tidy);
      return NULL;
    }
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static void
update (RsChangesSinceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = NULL;
  gboolean ok = rs_changes_since_dialog_dup_since (self, &since, &error);

  gtk_label_set_text (self->error_label, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "since.choose", ok);
}

static void
on_choice_toggled_cb (RsChangesSinceDialog *self)
{
  /* "Since a date" chosen (its mnemonic, a click): the keyboard goes to the date. */
  if (gtk_check_button_get_active (self->date_check) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      !gtk_widget_has_focus (GTK_WIDGET (self->date_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  update (self);
}

/* Typing a date chooses "a date". */
static void
on_date_changed_cb (RsChangesSinceDialog *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->date_entry)) != '\0')
    gtk_check_button_set_active (self->date_check, TRUE);
  update (self);
}

static void
on_date_activate_cb (RsChangesSinceDialog *self)
{
  rs_changes_since_dialog_choose (self);
}

static void
on_day_selected_cb (RsChangesSinceDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_check_button_set_active (self->date_check, TRUE);
  gtk_menu_button_popdown (self->calendar_button);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  rs_changes_since_dialog_choose (RS_CHANGES_SINCE_DIALOG (widget));
}

static void
rs_changes_since_dialog_dispose (GObject *object)
{
  RsChangesSinceDialog *self = RS_CHANGES_SINCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_CHANGES_SINCE_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (rs_changes_since_dialog_parent_class)->dispose (object);
}

static void
rs_changes_since_dialog_finalize (GObject *object)
{
  RsChangesSinceDialog *self = RS_CHANGES_SINCE_DIALOG (object);

  g_clear_pointer (&self->review_mark, g_date_time_unref);
  G_OBJECT_CLASS (rs_changes_since_dialog_parent_class)->finalize (object);
}

static void
rs_changes_since_dialog_class_init (RsChangesSinceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_changes_since_dialog_dispose;
  object_class->finalize = rs_changes_since_dialog_finalize;

  /**
   * RsChangesSinceDialog::chosen:
   * @since: (nullable): the changes after this time; NULL for all of them
   *
   * The user chose; the dialog then closes.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/redstring/Redstring/rs-changes-since-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RsChangesSinceDialog, review_row);
  gtk_widget_class_bind_template_child (widget_class, RsChangesSinceDialog, review_label);
  gtk_widget_class_bind_template_child (widget_class, RsChangesSinceDialog, review_check);
  gtk_widget_class_bind_template_child (widget_class, RsChangesSinceDialog, date_check);
  gtk_widget_class_bind_template_child (widget_class, RsChangesSinceDialog, all_check);
  gtk_widget_class_bind_template_child (widget_class, RsChangesSinceDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, RsChangesSinceDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, RsChangesSinceDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, RsChangesSinceDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "since.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "since.choose", NULL);
}

static void
rs_changes_since_dialog_init (RsChangesSinceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RsChangesSinceDialog *
rs_changes_since_dialog_new (GtkWindow   *parent,
                             RsCaseStore *store)
{
  RsChangesSinceDialog *self;
  g_autofree char *reviewer = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);

  self = g_object_new (RS_TYPE_CHANGES_SINCE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);

  /* Since the last review when one was marked: what the colleague has not seen. */
  if (rs_case_store_get_last_review_mark (store, &reviewer, &self->review_mark, NULL))
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->review_mark);
      g_autofree char *when = g_date_time_format (local, "%x %X");
      /* TRANSLATORS: "Marked by Aiko Tanaka, 27/11/26 10:12:00" */
      g_autofree char *said = g_strdup_printf (_("Marked by %s, %s"), reviewer, when);

      gtk_label_set_text (self->review_label, said);
      gtk_check_button_set_active (self->review_check, TRUE);
    }
  else
    {
      gtk_label_set_text (self->review_label, _("No review has been marked yet"));
      gtk_widget_set_sensitive (self->review_row, FALSE);
      gtk_check_button_set_active (self->all_check, TRUE);
    }
  update (self);
  return self;
}

void
rs_changes_since_dialog_set_since (RsChangesSinceDialog *self,
                                   RsChangesSince        since)
{
  g_return_if_fail (RS_IS_CHANGES_SINCE_DIALOG (self));

  gtk_check_button_set_active (since == RS_CHANGES_SINCE_REVIEW ? self->review_check
                               : since == RS_CHANGES_SINCE_DATE ? self->date_check
                               : self->all_check, TRUE);
}

void
rs_changes_since_dialog_set_date_text (RsChangesSinceDialog *self,
                                       const char           *text)
{
  g_return_if_fail (RS_IS_CHANGES_SINCE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text ? text : "");
}

/* What is chosen: SINCE gets the time (NULL for all changes); FALSE when it is no time
 * (a date that is not one, a review mark there is not). */
gboolean
rs_changes_since_dialog_dup_since (RsChangesSinceDialog  *self,
                                   GDateTime            **since,
                                   GError               **error)
{
  g_return_val_if_fail (RS_IS_CHANGES_SINCE_DIALOG (self), FALSE);
  g_return_val_if_fail (since != NULL && *since == NULL, FALSE);

  if (gtk_check_button_get_active (self->all_check))
    return TRUE;
  if (gtk_check_button_get_active (self->review_check))
    {
      if (self->review_mark == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("No review has been marked yet"));
          return FALSE;
        }
      *since = g_date_time_ref (self->review_mark);
      return TRUE;
    }
  if (gtk_check_button_get_active (self->date_check))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));

      if (*text == '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Type a date as year-month-day, or pick one"));
          return FALSE;
        }
      return (*since = parse_date (text, error)) != NULL;
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Choose since when"));
  return FALSE;
}

/* Says "chosen" and closes; FALSE (and why, in the dialog) when nothing valid is chosen. */
gboolean
rs_changes_since_dialog_choose (RsChangesSinceDialog *self)
{
  g_autoptr(GDateTime) since = NULL;

  g_return_val_if_fail (RS_IS_CHANGES_SINCE_DIALOG (self), FALSE);

  if (!rs_changes_since_dialog_dup_since (self, &since, NULL))
    {
      update (self);
      return FALSE;
    }
  g_signal_emit (self, signals[CHOSEN], 0, since);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
