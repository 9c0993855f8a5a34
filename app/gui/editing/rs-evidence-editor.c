/* rs-evidence-editor.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-evidence-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-evidence-editor.h"
#include "rs-text.h"

/* A passage of a report quoted as evidence for what is selected on the board: how it
 * bears on it (supports, contradicts, mentions) and how credible the report is on this
 * point (1–6, or not graded). Like the other editors it only collects: whoever shows it
 * turns ::save into a command and shows a refusal with set_error(). */

struct _RsEvidenceEditor
{
  GtkPopover   parent_instance;

  /* Template widgets */
  GtkLabel    *title_label;
  GtkLabel    *quote_label;
  GtkDropDown *stance_dropdown;
  GtkDropDown *credibility_dropdown;
  GtkLabel    *error_label;
  GtkWidget   *save_button;
};

G_DEFINE_FINAL_TYPE (RsEvidenceEditor, rs_evidence_editor, GTK_TYPE_POPOVER)

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_cancel_clicked_cb (RsEvidenceEditor *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_save_clicked_cb (RsEvidenceEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[SAVE], 0);
}

static void
rs_evidence_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RS_TYPE_EVIDENCE_EDITOR);
  G_OBJECT_CLASS (rs_evidence_editor_parent_class)->dispose (object);
}

static void
rs_evidence_editor_class_init (RsEvidenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_evidence_editor_dispose;

  /**
   * RsEvidenceEditor::save:
   *
   * The user pressed Add.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redstring/Redstring/rs-evidence-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RsEvidenceEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, RsEvidenceEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, RsEvidenceEditor, stance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsEvidenceEditor, credibility_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsEvidenceEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsEvidenceEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
}

static void
rs_evidence_editor_init (RsEvidenceEditor *self)
{
  g_autoptr(GtkStringList) stances = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (RsStance stance = RS_STANCE_SUPPORTS; stance <= RS_STANCE_MENTIONS; stance++)
    gtk_string_list_append (stances, rs_stance_to_display (stance));
  gtk_drop_down_set_model (self->stance_dropdown, G_LIST_MODEL (stances));

  /* Index 0 is "not graded"; then 1–6 as the Admiralty scale reads them. */
  for (int grade = 0; grade <= 6; grade++)
    gtk_string_list_append (grades, rs_credibility_to_display (grade));
  gtk_drop_down_set_model (self->credibility_dropdown, G_LIST_MODEL (grades));
}

GtkWidget *
rs_evidence_editor_new (void)
{
  return g_object_new (RS_TYPE_EVIDENCE_EDITOR, NULL);
}

/**
 * rs_evidence_editor_edit:
 * @target_label: what the quote will back, as the user knows it ("Tick", "Tick → JAXA")
 * @quote_text: the passage
 */
void
rs_evidence_editor_edit (RsEvidenceEditor *self,
                         const char       *target_label,
                         const char       *quote_text)
{
  g_autofree char *title = NULL;
  g_autofree char *quote = NULL;

  g_return_if_fail (RS_IS_EVIDENCE_EDITOR (self));

  title = g_strdup_printf (_("Quote as Evidence for “%s”"), target_label ? target_label : "");
  quote = rs_text_dup_for_label (quote_text ? quote_text : "", 240);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->quote_label, quote);
  gtk_drop_down_set_selected (self->stance_dropdown, RS_STANCE_SUPPORTS);
  gtk_drop_down_set_selected (self->credibility_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  /* Enter adds as it stands; Tab reaches the choices (Enter on a drop-down opens it). */
  gtk_widget_grab_focus (self->save_button);
}

RsStance
rs_evidence_editor_get_stance (RsEvidenceEditor *self)
{
  guint selected;

  g_return_val_if_fail (RS_IS_EVIDENCE_EDITOR (self), RS_STANCE_SUPPORTS);

  selected = gtk_drop_down_get_selected (self->stance_dropdown);
  return selected <= RS_STANCE_MENTIONS ? (RsStance)selected : RS_STANCE_SUPPORTS;
}

/* 0 when not graded, else 1–6. */
int
rs_evidence_editor_get_credibility (RsEvidenceEditor *self)
{
  guint selected;

  g_return_val_if_fail (RS_IS_EVIDENCE_EDITOR (self), 0);

  selected = gtk_drop_down_get_selected (self->credibility_dropdown);
  return selected <= 6 ? (int)selected : 0;
}

void
rs_evidence_editor_set_error (RsEvidenceEditor *self,
                              const char       *message)
{
  g_return_if_fail (RS_IS_EVIDENCE_EDITOR (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
