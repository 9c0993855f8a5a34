/* rs-progress-dialog.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-progress-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-progress-dialog.h"

/* Long work (opening a large case, importing a bundle) runs in the background; this
 * modal sheet says what is happening, how far along it is, and offers Cancel. It only
 * shows when the work outlasts a short delay, so quick work does not flash it; while it
 * shows, the window behind cannot be edited (the work holds the case). Closing it
 * cancels, like the button. */

struct _RsProgressDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkProgressBar *progress_bar;

  /* Owned */
  GCancellable   *cancellable;
  guint           present_id;
  guint           pulse_id;
  double          fraction;
  guint           done : 1;
};

G_DEFINE_FINAL_TYPE (RsProgressDialog, rs_progress_dialog, ADW_TYPE_WINDOW)

static gboolean
pulse_cb (gpointer user_data)
{
  RsProgressDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
on_cancel_button_clicked_cb (RsProgressDialog *self,
                             GtkButton        *button)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static gboolean
rs_progress_dialog_close_request (GtkWindow *window)
{
  RsProgressDialog *self = RS_PROGRESS_DIALOG (window);

  /* Closed by the user: the work stops. Closed by done(): it has. */
  if (!self->done)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (rs_progress_dialog_parent_class)->close_request (window);
}

static void
rs_progress_dialog_dispose (GObject *object)
{
  RsProgressDialog *self = RS_PROGRESS_DIALOG (object);

  g_clear_handle_id (&self->present_id, g_source_remove);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_PROGRESS_DIALOG);
  G_OBJECT_CLASS (rs_progress_dialog_parent_class)->dispose (object);
}

static void
rs_progress_dialog_finalize (GObject *object)
{
  RsProgressDialog *self = RS_PROGRESS_DIALOG (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rs_progress_dialog_parent_class)->finalize (object);
}

static void
rs_progress_dialog_class_init (RsProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rs_progress_dialog_dispose;
  object_class->finalize = rs_progress_dialog_finalize;
  window_class->close_request = rs_progress_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redstring/Redstring/rs-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RsProgressDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, RsProgressDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rs_progress_dialog_init (RsProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->fraction = -1;
}

/**
 * rs_progress_dialog_new:
 * @title: what is being done, as a sentence ("Opening “big.redstring”…")
 */
RsProgressDialog *
rs_progress_dialog_new (GtkWindow  *parent,
                        const char *title)
{
  RsProgressDialog *self = g_object_new (RS_TYPE_PROGRESS_DIALOG,
                                         "transient-for", parent,
                                         "modal", TRUE,
                                         NULL);

  gtk_label_set_label (self->title_label, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  return self;
}

/* Cancelled by the Cancel button, Escape or closing the dialog. */
GCancellable *
rs_progress_dialog_get_cancellable (RsProgressDialog *self)
{
  g_return_val_if_fail (RS_IS_PROGRESS_DIALOG (self), NULL);

  return self->cancellable;
}

/* @fraction in [0, 1], or negative when the work cannot say (the bar pulses). */
void
rs_progress_dialog_set_fraction (RsProgressDialog *self,
                                 double            fraction)
{
  g_return_if_fail (RS_IS_PROGRESS_DIALOG (self));

  /* Late news from work that has ended: the dialog is gone. */
  if (self->done)
    return;
  self->fraction = fraction;
  if (fraction < 0)
    {
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (100, pulse_cb, self);
      return;
    }
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}

static gboolean
present_cb (gpointer user_data)
{
  RsProgressDialog *self = user_data;

  self->present_id = 0;
  if (!self->done)
    gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

void
rs_progress_dialog_present_later (RsProgressDialog *self,
                                  guint             delay_msec)
{
  g_return_if_fail (RS_IS_PROGRESS_DIALOG (self));

  if (self->fraction < 0)
    rs_progress_dialog_set_fraction (self, -1);
  g_clear_handle_id (&self->present_id, g_source_remove);
  self->present_id = g_timeout_add (delay_msec, present_cb, self);
}

/* The work ended (finished, failed or cancelled): the dialog goes, and is destroyed. */
void
rs_progress_dialog_done (RsProgressDialog *self)
{
  g_return_if_fail (RS_IS_PROGRESS_DIALOG (self));

  self->done = TRUE;
  g_clear_handle_id (&self->present_id, g_source_remove);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (self));
}
