/* rs-split-dialog.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-split-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-gui-closures.h"
#include "rs-split-dialog.h"
#include "rs-text.h"
#include "rs-types.h"

/* Split: an entity that turns out to be two (Tick and BRONZE BUTLER, merged too
 * early). The user names the new entity and ticks which of the entity's aliases,
 * relations and evidence move to it. Like the editors, the dialog only collects:
 * whoever shows it turns ::split into the undoable command and shows the store's
 * refusal here with set_error(), leaving the dialog open and the case untouched.
 *
 * The lists are filled once, when the dialog is made: it is modal, and the store
 * checks every id again when the split is made, so a case changed meanwhile (by
 * another program) gives a refusal, never a wrong split. */

struct _RsSplitDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *split_button;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  AdwComboRow          *kind_row;
  AdwPreferencesGroup  *aliases_group;
  AdwPreferencesGroup  *relations_group;
  AdwPreferencesGroup  *evidence_group;

  /* Owned */
  RsEntity             *entity;
  GPtrArray            *aliases;          /* char *, the entity's, in order */
  GArray               *relation_ids;     /* gint64 */
  GArray               *evidence_ids;     /* gint64 */

  /* Borrowed: the check of each alias, relation and evidence, in the same order */
  GPtrArray            *alias_checks;
  GPtrArray            *relation_checks;
  GPtrArray            *evidence_checks;
};

G_DEFINE_FINAL_TYPE (RsSplitDialog, rs_split_dialog, ADW_TYPE_WINDOW)

enum {
  SPLIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
name_is_given (RsSplitDialog *self)
{
  g_autofree char *name = rs_split_dialog_dup_name (self);

  return *name != '\0';
}

static void
on_name_row_changed_cb (RsSplitDialog *self)
{
  g_assert (RS_IS_SPLIT_DIALOG (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->split_button), name_is_given (self));
}

/* The Split button and Enter in the name. Enter with no name does nothing, as the
 * button it stands for is off. */
static void
on_split_button_clicked_cb (RsSplitDialog *self)
{
  g_assert (RS_IS_SPLIT_DIALOG (self));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->split_button)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[SPLIT], 0);
}

/* One ticked row: the check at the start, the whole row toggles it. Case text is
 * untrusted, so never markup, and bounded (rs-text.h). */
static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GPtrArray           *checks,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (checks, check);
  return check;
}

static const char *
name_of (RsCase *kase,
         gint64  entity_id)
{
  RsEntity *entity = rs_case_lookup_entity (kase, entity_id);

  return entity != NULL ? rs_entity_get_name (entity) : "";
}

static void
fill_aliases (RsSplitDialog *self)
{
  const char * const *aliases = rs_entity_get_aliases (self->entity);

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *title = rs_text_dup_for_label (aliases[i], RS_TEXT_LABEL_MAX_CHARS);

      g_ptr_array_add (self->aliases, g_strdup (aliases[i]));
      add_row (self->aliases_group, self->alias_checks, title, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_group), self->aliases->len > 0);
}

/* "Tick → targets → JAXA", its status under it. */
static void
fill_relations (RsSplitDialog *self,
                RsCase        *kase)
{
  g_autoptr(GPtrArray) relations = rs_case_dup_relations_of (kase, rs_entity_get_id (self->entity));

  for (guint i = 0; i < relations->len; i++)
    {
      RsRelation *relation = g_ptr_array_index (relations, i);
      const char *arrow = rs_relation_get_directed (relation) ? "→" : "—";
      g_autofree char *source = NULL;
      g_autofree char *target = NULL;
      g_autofree char *label = NULL;
      g_autofree char *title = NULL;
      gint64 id = rs_relation_get_id (relation);

      source = rs_text_dup_for_label (name_of (kase, rs_relation_get_source_id (relation)),
                                      RS_TEXT_LABEL_MAX_CHARS);
      target = rs_text_dup_for_label (name_of (kase, rs_relation_get_target_id (relation)),
                                      RS_TEXT_LABEL_MAX_CHARS);
      label = rs_text_dup_for_label (rs_relation_get_label (relation), RS_TEXT_LABEL_MAX_CHARS);
      if (*label != '\0')
        title = g_strdup_printf ("%s %s %s %s %s", source, arrow, label, arrow, target);
      else
        title = g_strdup_printf ("%s %s %s", source, arrow, target);

      g_array_append_val (self->relation_ids, id);
      add_row (self->relations_group, self->relation_checks, title,
               rs_relation_status_to_display (rs_relation_get_status (relation)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->relations_group), self->relation_ids->len > 0);
}

/* The quote, elided; its report and stance under it. */
static void
fill_evidence (RsSplitDialog *self,
               RsCase        *kase)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY,
                                                            rs_entity_get_id (self->entity));

  for (guint i = 0; i < evidence->len; i++)
    {
      RsEvidence *item = g_ptr_array_index (evidence, i);
      RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (item));
      RsDocument *document = quote ? rs_case_lookup_document (kase, rs_quote_get_document_id (quote))
                                   : NULL;
      g_autofree char *title = NULL;
      g_autofree char *from = NULL;
      g_autofree char *subtitle = NULL;
      gint64 id = rs_evidence_get_id (item);

      /* In quotation marks, unless the quote carries its own (as the Quotes panel). */
      title = rs_gui_closures_quote_text (NULL, quote ? rs_quote_get_text (quote) : "");
      from = rs_text_dup_for_label (document ? rs_document_get_title (document) : "",
                                    RS_TEXT_LABEL_MAX_CHARS);
      /* Translators: "Supports · JPCERT/CC report on Tick" */
      subtitle = g_strdup_printf (_("%s · %s"), rs_stance_to_display (rs_evidence_get_stance (item)),
                                  *from != '\0' ? from : _("Unknown report"));

      g_array_append_val (self->evidence_ids, id);
      add_row (self->evidence_group, self->evidence_checks, title, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_group), self->evidence_ids->len > 0);
}

static void
rs_split_dialog_dispose (GObject *object)
{
  RsSplitDialog *self = (RsSplitDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_SPLIT_DIALOG);
  g_clear_object (&self->entity);

  G_OBJECT_CLASS (rs_split_dialog_parent_class)->dispose (object);
}

static void
rs_split_dialog_finalize (GObject *object)
{
  RsSplitDialog *self = (RsSplitDialog *)object;

  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->relation_ids, g_array_unref);
  g_clear_pointer (&self->evidence_ids, g_array_unref);
  g_clear_pointer (&self->alias_checks, g_ptr_array_unref);
  g_clear_pointer (&self->relation_checks, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rs_split_dialog_parent_class)->finalize (object);
}

static void
rs_split_dialog_class_init (RsSplitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_split_dialog_dispose;
  object_class->finalize = rs_split_dialog_finalize;

  /**
   * RsSplitDialog::split:
   *
   * The user asked to split what is ticked off into the new entity.
   */
  signals[SPLIT] = g_signal_new ("split", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-split-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RsSplitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RsSplitDialog, split_button);
  gtk_widget_class_bind_template_child (widget_class, RsSplitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsSplitDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RsSplitDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RsSplitDialog, aliases_group);
  gtk_widget_class_bind_template_child (widget_class, RsSplitDialog, relations_group);
  gtk_widget_class_bind_template_child (widget_class, RsSplitDialog, evidence_group);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_split_button_clicked_cb);
}

static void
rs_split_dialog_init (RsSplitDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->aliases = g_ptr_array_new_with_free_func (g_free);
  self->relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->evidence_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->alias_checks = g_ptr_array_new ();
  self->relation_checks = g_ptr_array_new ();
  self->evidence_checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In enum order: the position in the list is the kind. */
  for (RsEntityKind kind = 0; kind < RS_ENTITY_KIND_LAST; kind++)
    gtk_string_list_append (kinds, rs_entity_kind_to_display (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/**
 * rs_split_dialog_new:
 * @parent: the window it is modal for
 * @kase: the case @entity is in
 * @entity: the entity to split
 *
 * The new entity's name is prefilled from the first alias, and that alias is
 * ticked: most often the split undoes an early merge (the other name became an
 * alias), and the name should not then stay on the original as well.
 */
RsSplitDialog *
rs_split_dialog_new (GtkWindow *parent,
                     RsCase    *kase,
                     RsEntity  *entity)
{
  RsSplitDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RS_IS_CASE (kase), NULL);
  g_return_val_if_fail (RS_IS_ENTITY (entity), NULL);

  self = g_object_new (RS_TYPE_SPLIT_DIALOG, "transient-for", parent, NULL);
  self->entity = g_object_ref (entity);

  name = rs_text_dup_for_label (rs_entity_get_name (entity), RS_TEXT_LABEL_MAX_CHARS);
  /* Translators: the split dialog's title, "Split “Tick”" */
  heading = g_strdup_printf (_("Split “%s”"), name);
  adw_window_title_set_title (self->window_title, heading);
  gtk_window_set_title (GTK_WINDOW (self), heading);

  fill_aliases (self);
  fill_relations (self, kase);
  fill_evidence (self, kase);

  adw_combo_row_set_selected (self->kind_row, rs_entity_get_kind (entity));
  if (self->aliases->len > 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_ptr_array_index (self->aliases, 0));
      gtk_check_button_set_active (g_ptr_array_index (self->alias_checks, 0), TRUE);
    }
  on_name_row_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

RsEntity *
rs_split_dialog_get_entity (RsSplitDialog *self)
{
  g_return_val_if_fail (RS_IS_SPLIT_DIALOG (self), NULL);
  return self->entity;
}

/* The new entity's name as typed, without the spaces around it ("  Tick " is
 * Tick; the split command takes the name as given). */
char *
rs_split_dialog_dup_name (RsSplitDialog *self)
{
  const char *text;

  g_return_val_if_fail (RS_IS_SPLIT_DIALOG (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  return g_strstrip (g_strdup (text ? text : ""));
}

RsEntityKind
rs_split_dialog_get_kind (RsSplitDialog *self)
{
  guint selected;

  g_return_val_if_fail (RS_IS_SPLIT_DIALOG (self), RS_ENTITY_KIND_OTHER);

  selected = adw_combo_row_get_selected (self->kind_row);
  return selected < RS_ENTITY_KIND_LAST ? (RsEntityKind)selected : RS_ENTITY_KIND_OTHER;
}

/* The aliases ticked, NULL-terminated (empty when none). */
char **
rs_split_dialog_dup_aliases (RsSplitDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RS_IS_SPLIT_DIALOG (self), NULL);

  for (guint i = 0; i < self->aliases->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->alias_checks, i)))
      g_strv_builder_add (builder, g_ptr_array_index (self->aliases, i));
  return g_strv_builder_end (builder);
}

static GArray *
dup_ticked (GArray    *ids,
            GPtrArray *checks)
{
  GArray *ticked = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_array_append_val (ticked, g_array_index (ids, gint64, i));
  return ticked;
}

/* The relations ticked: a GArray of gint64 ids. */
GArray *
rs_split_dialog_dup_relation_ids (RsSplitDialog *self)
{
  g_return_val_if_fail (RS_IS_SPLIT_DIALOG (self), NULL);
  return dup_ticked (self->relation_ids, self->relation_checks);
}

/* The evidence ticked: a GArray of gint64 ids. */
GArray *
rs_split_dialog_dup_evidence_ids (RsSplitDialog *self)
{
  g_return_val_if_fail (RS_IS_SPLIT_DIALOG (self), NULL);
  return dup_ticked (self->evidence_ids, self->evidence_checks);
}

/* Says why the split was refused, in the dialog, which stays open. */
void
rs_split_dialog_set_error (RsSplitDialog *self,
                           const char    *message)
{
  g_return_if_fail (RS_IS_SPLIT_DIALOG (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}
