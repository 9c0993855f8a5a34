/* rs-entity-editor.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-entity-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-entity-editor.h"
#include "rs-types.h"

/* The fields of an entity, new or existing, in a popover on the board. It only
 * collects them: whoever shows it turns ::save into an undoable command, and
 * shows the store's refusal (an empty name…) here with set_error(). */

struct _RsEntityEditor
{
  GtkPopover  parent_instance;

  RsEntity   *entity;

  GtkLabel   *title_label;
  GtkEntry   *name_entry;
  GtkDropDown *kind_dropdown;
  GtkEntry   *aliases_entry;
  GtkEntry   *description_entry;
  GtkLabel   *error_label;
  GtkButton  *save_button;
};

G_DEFINE_FINAL_TYPE (RsEntityEditor, rs_entity_editor, GTK_TYPE_POPOVER)

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_cancel_clicked (RsEntityEditor *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_save_clicked (RsEntityEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[SAVE], 0);
}

static void
rs_entity_editor_dispose (GObject *object)
{
  RsEntityEditor *self = RS_ENTITY_EDITOR (object);

  g_clear_object (&self->entity);
  gtk_widget_dispose_template (GTK_WIDGET (object), RS_TYPE_ENTITY_EDITOR);
  G_OBJECT_CLASS (rs_entity_editor_parent_class)->dispose (object);
}

/* Typing starts in the first field as soon as the popover shows (keys typed right
 * after New Entity were lost to the board). */
static void
on_map_cb (RsEntityEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
rs_entity_editor_class_init (RsEntityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_entity_editor_dispose;

  /**
   * RsEntityEditor::save:
   *
   * The user asked to keep what the fields say.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-entity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RsEntityEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, RsEntityEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, RsEntityEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsEntityEditor, aliases_entry);
  gtk_widget_class_bind_template_child (widget_class, RsEntityEditor, description_entry);
  gtk_widget_class_bind_template_child (widget_class, RsEntityEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsEntityEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
rs_entity_editor_init (RsEntityEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  /* In enum order: the position in the list is the kind. */
  for (RsEntityKind kind = 0; kind < RS_ENTITY_KIND_LAST; kind++)
    gtk_string_list_append (kinds, rs_entity_kind_to_display (kind));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
}

GtkWidget *
rs_entity_editor_new (void)
{
  return g_object_new (RS_TYPE_ENTITY_EDITOR, NULL);
}

/* Fills the fields from @entity, or empties them for a new entity (NULL). */
void
rs_entity_editor_edit (RsEntityEditor *self,
                       RsEntity       *entity)
{
  g_autofree char *aliases = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (RS_IS_ENTITY_EDITOR (self));
  g_return_if_fail (entity == NULL || RS_IS_ENTITY (entity));

  g_set_object (&self->entity, entity);

  if (entity != NULL)
    {
      const char * const *names = rs_entity_get_aliases (entity);

      aliases = names ? g_strjoinv (", ", (char **) names) : g_strdup ("");
      title = g_strdup_printf (_("Edit “%s”"), rs_entity_get_name (entity));
    }

  gtk_label_set_text (self->title_label, entity ? title : _("New Entity"));
  gtk_button_set_label (self->save_button, entity ? _("_Save") : _("_Add"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), entity ? rs_entity_get_name (entity) : "");
  gtk_drop_down_set_selected (self->kind_dropdown,
                              entity ? rs_entity_get_kind (entity) : RS_ENTITY_KIND_PERSON);
  gtk_editable_set_text (GTK_EDITABLE (self->aliases_entry), entity ? aliases : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry),
                         entity && rs_entity_get_description (entity)
                         ? rs_entity_get_description (entity) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* A new entity named from a selection in a report: the name prefilled, the kind to
 * choose. */
void
rs_entity_editor_edit_new (RsEntityEditor *self,
                           const char     *name,
                           RsEntityKind    kind)
{
  g_return_if_fail (RS_IS_ENTITY_EDITOR (self));

  rs_entity_editor_edit (self, NULL);
  gtk_label_set_text (self->title_label, _("New Entity from the Report"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name ? name : "");
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

RsEntity *
rs_entity_editor_get_entity (RsEntityEditor *self)
{
  g_return_val_if_fail (RS_IS_ENTITY_EDITOR (self), NULL);
  return self->entity;
}

const char *
rs_entity_editor_get_name (RsEntityEditor *self)
{
  g_return_val_if_fail (RS_IS_ENTITY_EDITOR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}

RsEntityKind
rs_entity_editor_get_kind (RsEntityEditor *self)
{
  guint selected;

  g_return_val_if_fail (RS_IS_ENTITY_EDITOR (self), RS_ENTITY_KIND_OTHER);
  selected = gtk_drop_down_get_selected (self->kind_dropdown);
  return selected < RS_ENTITY_KIND_LAST ? (RsEntityKind) selected : RS_ENTITY_KIND_OTHER;
}

/* The other names as typed, split at commas, trimmed, without blanks or repeats. */
char **
rs_entity_editor_dup_aliases (RsEntityEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (RS_IS_ENTITY_EDITOR (self), NULL);

  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->aliases_entry)), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *alias = g_strstrip (parts[i]);

      if (*alias != '\0' && g_hash_table_add (seen, alias))
        g_strv_builder_add (builder, alias);
    }
  return g_strv_builder_end (builder);
}

const char *
rs_entity_editor_get_description (RsEntityEditor *self)
{
  g_return_val_if_fail (RS_IS_ENTITY_EDITOR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->description_entry));
}

/* Why the last save was refused, under the fields; the popover stays open. */
void
rs_entity_editor_set_error (RsEntityEditor *self,
                            const char     *message)
{
  g_return_if_fail (RS_IS_ENTITY_EDITOR (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
