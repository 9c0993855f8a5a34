/* rs-relation-editor.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-relation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-relation-editor.h"
#include "rs-types.h"

/* A relation's label, direction and status, new (between two entities) or
 * existing, in a popover on the board. Like RsEntityEditor it only collects:
 * ::save becomes a command elsewhere, and a refusal comes back to set_error(). */

struct _RsRelationEditor
{
  GtkPopover      parent_instance;

  RsRelation     *relation;
  RsEntity       *source;
  RsEntity       *target;

  GtkLabel       *title_label;
  GtkEntry       *label_entry;
  GtkDropDown    *status_dropdown;
  GtkCheckButton *directed_check;
  GtkLabel       *error_label;
  GtkButton      *save_button;
};

G_DEFINE_FINAL_TYPE (RsRelationEditor, rs_relation_editor, GTK_TYPE_POPOVER)

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_cancel_clicked (RsRelationEditor *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_save_clicked (RsRelationEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[SAVE], 0);
}

static void
rs_relation_editor_dispose (GObject *object)
{
  RsRelationEditor *self = RS_RELATION_EDITOR (object);

  g_clear_object (&self->relation);
  g_clear_object (&self->source);
  g_clear_object (&self->target);
  gtk_widget_dispose_template (GTK_WIDGET (object), RS_TYPE_RELATION_EDITOR);
  G_OBJECT_CLASS (rs_relation_editor_parent_class)->dispose (object);
}

/* Typing starts in the first field as soon as the popover shows (keys typed right
 * after New Entity were lost to the board). */
static void
on_map_cb (RsRelationEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->label_entry));
}

static void
rs_relation_editor_class_init (RsRelationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_relation_editor_dispose;

  /**
   * RsRelationEditor::save:
   *
   * The user asked to keep what the fields say.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rs-relation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RsRelationEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, RsRelationEditor, label_entry);
  gtk_widget_class_bind_template_child (widget_class, RsRelationEditor, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsRelationEditor, directed_check);
  gtk_widget_class_bind_template_child (widget_class, RsRelationEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsRelationEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
rs_relation_editor_init (RsRelationEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  /* In enum order: the position in the list is the status. */
  for (RsRelationStatus status = RS_RELATION_STATUS_ALLEGED;
       status <= RS_RELATION_STATUS_REFUTED; status++)
    gtk_string_list_append (statuses, rs_relation_status_to_display (status));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
}

GtkWidget *
rs_relation_editor_new (void)
{
  return g_object_new (RS_TYPE_RELATION_EDITOR, NULL);
}

/* Fills the fields from @relation, or for a new relation from @source to
 * @target (relation NULL) with what an analyst usually means first: an alleged,
 * directed link. */
void
rs_relation_editor_edit (RsRelationEditor *self,
                         RsRelation       *relation,
                         RsEntity         *source,
                         RsEntity         *target)
{
  g_autofree char *title = NULL;

  g_return_if_fail (RS_IS_RELATION_EDITOR (self));
  g_return_if_fail (relation == NULL || RS_IS_RELATION (relation));
  g_return_if_fail (RS_IS_ENTITY (source) && RS_IS_ENTITY (target));

  g_set_object (&self->relation, relation);
  g_set_object (&self->source, source);
  g_set_object (&self->target, target);

  title = relation
    ? g_strdup_printf (_("Edit “%s” → “%s”"), rs_entity_get_name (source), rs_entity_get_name (target))
    : g_strdup_printf (_("Link “%s” → “%s”"), rs_entity_get_name (source), rs_entity_get_name (target));
  gtk_label_set_text (self->title_label, title);
  gtk_button_set_label (self->save_button, relation ? _("_Save") : _("_Add"));
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry),
                         relation && rs_relation_get_label (relation)
                         ? rs_relation_get_label (relation) : "");
  gtk_drop_down_set_selected (self->status_dropdown,
                              relation ? rs_relation_get_status (relation) : RS_RELATION_STATUS_ALLEGED);
  gtk_check_button_set_active (self->directed_check,
                               relation ? rs_relation_get_directed (relation) : TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->label_entry));
}

RsRelation *
rs_relation_editor_get_relation (RsRelationEditor *self)
{
  g_return_val_if_fail (RS_IS_RELATION_EDITOR (self), NULL);
  return self->relation;
}

RsEntity *
rs_relation_editor_get_source (RsRelationEditor *self)
{
  g_return_val_if_fail (RS_IS_RELATION_EDITOR (self), NULL);
  return self->source;
}

RsEntity *
rs_relation_editor_get_target (RsRelationEditor *self)
{
  g_return_val_if_fail (RS_IS_RELATION_EDITOR (self), NULL);
  return self->target;
}

const char *
rs_relation_editor_get_label (RsRelationEditor *self)
{
  g_return_val_if_fail (RS_IS_RELATION_EDITOR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->label_entry));
}

gboolean
rs_relation_editor_get_directed (RsRelationEditor *self)
{
  g_return_val_if_fail (RS_IS_RELATION_EDITOR (self), TRUE);
  return gtk_check_button_get_active (self->directed_check);
}

RsRelationStatus
rs_relation_editor_get_status (RsRelationEditor *self)
{
  guint selected;

  g_return_val_if_fail (RS_IS_RELATION_EDITOR (self), RS_RELATION_STATUS_ALLEGED);
  selected = gtk_drop_down_get_selected (self->status_dropdown);
  return selected <= RS_RELATION_STATUS_REFUTED ? (RsRelationStatus) selected
                                                : RS_RELATION_STATUS_ALLEGED;
}

void
rs_relation_editor_set_error (RsRelationEditor *self,
                              const char       *message)
{
  g_return_if_fail (RS_IS_RELATION_EDITOR (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
