/* rs-window-editing.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-entity-editor.h"
#include "rs-relation-editor.h"
#include "rs-split-dialog.h"
#include "rs-undo-stack.h"
#include "rs-date-phrase.h"
#include "rs-window-private.h"

/* Editing the case from the window: every edit is a command (rs-case-edit.h) that
 * lands on the window's undo stack. The board's context menu, the editors and the
 * shortcuts all go through the win.* actions installed here, so a menu item and
 * its key do the same thing. */

/* The selected items of one kind, in selection order. */
static GArray *
selected_ids (RsWindow *self,
              RsTarget  kind)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = rs_selection_get_n_items (self->selection);

  for (guint i = 0; i < n; i++)
    {
      RsTarget target;
      gint64 id;

      rs_selection_get_item (self->selection, i, &target, &id);
      if (target == kind)
        g_array_append_val (ids, id);
    }
  return ids;
}

/* One state for every edit: a writable file, not locked (rs-window-review.c). */
static gboolean
writable (RsWindow *self)
{
  return rs_window_get_editable (self);
}

/* Keeps the actions' sensitivity in step with the selection and the stack. */
void
_rs_window_update_edit_actions (RsWindow *self)
{
  g_autoptr(GArray) entities = selected_ids (self, RS_TARGET_ENTITY);
  g_autoptr(GArray) relations = selected_ids (self, RS_TARGET_RELATION);
  g_autoptr(GArray) events = selected_ids (self, RS_TARGET_EVENT);
  gboolean can_write = writable (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.undo",
                                 can_write && self->undo_stack &&
                                 rs_undo_stack_get_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 can_write && self->undo_stack &&
                                 rs_undo_stack_get_can_redo (self->undo_stack));
  gtk_widget_action_set_enabled (widget, "win.new-entity", can_write);
  gtk_widget_action_set_enabled (widget, "win.new-entity-here", can_write);
  gtk_widget_action_set_enabled (widget, "win.new-event", can_write);
  gtk_widget_action_set_enabled (widget, "win.edit-selection",
                                 can_write && entities->len + relations->len + events->len == 1);
  gtk_widget_action_set_enabled (widget, "win.delete-selection",
                                 can_write && entities->len + relations->len + events->len > 0);
  gtk_widget_action_set_enabled (widget, "win.link-selection", can_write && entities->len == 2);
  gtk_widget_action_set_enabled (widget, "win.merge-selection", can_write && entities->len == 2);
  gtk_widget_action_set_enabled (widget, "win.split-selection",
                                 can_write && entities->len == 1 &&
                                 relations->len + events->len == 0);
  gtk_widget_action_set_enabled (widget, "win.unpin-selection", can_write && entities->len > 0);
  gtk_widget_action_set_enabled (widget, "win.unpin-all", can_write);
  gtk_widget_action_set_enabled (widget, "win.import-bundle", can_write);
  gtk_widget_action_set_enabled (widget, "win.import-diagram", can_write);
  gtk_widget_action_set_enabled (widget, "win.capture-view", can_write);
  if (self->storyline_popover != NULL)
    rs_storyline_popover_set_editable (self->storyline_popover, can_write);
  gtk_widget_action_set_enabled (widget, "win.import-report", can_write);
  gtk_widget_action_set_enabled (widget, "win.paste-report", can_write);

  /* The board, the source viewer and the panels follow the same state. */
  rs_board_view_set_editable (self->board, can_write);
  rs_panel_set_editable (RS_PANEL (self->source_viewer), can_write);
  rs_panel_set_editable (RS_PANEL (self->quotes_panel), can_write);
  rs_panel_set_editable (RS_PANEL (self->timeline_panel), can_write);
  rs_panel_set_editable (RS_PANEL (self->notes_panel), can_write);
  rs_panel_set_editable (RS_PANEL (self->documents_panel), can_write);
  rs_panel_set_editable (RS_PANEL (self->suggestions_panel), can_write);
  _rs_window_review_update_actions (self);
  _rs_window_exchange_update_actions (self);
}

/* One command done. It is already on the undo stack: the stack takes every change
 * the store commits (on_change_committed_cb), the Documents panel's too. */
static gboolean
finish (RsWindow   *self,
        RsChange   *change,
        GError     *error)
{
  if (change == NULL)
    return FALSE;
  g_object_unref (change);
  _rs_window_update_edit_actions (self);
  return TRUE;
}

static void
on_change_committed_cb (RsWindow *self,
                        RsChange *change)
{
  if (self->undo_stack != NULL)
    rs_undo_stack_push (self->undo_stack, change);
}

static void
toast_error (RsWindow     *self,
             const GError *error)
{
  if (error != NULL)
    rs_window_show_toast (self, error->message);
}

/* Undo and redo ----------------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Ctrl+Z in a text field undoes typing, not the last command on the case. */
  if (focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)))
    {
      gtk_widget_activate_action (focus, redo ? "text.redo" : "text.undo", NULL);
      return;
    }

  /* The window's lock (a stale shortcut, a menu opened before locking). */
  if (self->undo_stack == NULL || !writable (self))
    return;
  if (!(redo ? rs_undo_stack_redo (self->undo_stack, &error)
             : rs_undo_stack_undo (self->undo_stack, &error)))
    toast_error (self, error);
  _rs_window_update_edit_actions (self);
}

/* The primary menu names what Undo and Redo would do ("Undo Merge “BRONZE BUTLER”
 * into “Tick”"); GMenu items are fixed, so the section is rebuilt. */
static void
update_undo_menu (RsWindow *self)
{
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  if (self->undo_menu == NULL)
    return;

  undo = self->undo_stack ? rs_undo_stack_dup_undo_label (self->undo_stack) : NULL;
  redo = self->undo_stack ? rs_undo_stack_dup_redo_label (self->undo_stack) : NULL;
  g_menu_remove_all (self->undo_menu);
  g_menu_append (self->undo_menu, undo ? undo : _("_Undo"), "win.undo");
  g_menu_append (self->undo_menu, redo ? redo : _("_Redo"), "win.redo");
  _rs_window_update_edit_actions (self);
}

/* Entities ---------------------------------------------------------------------------- */

static RsEntity *
lookup_entity (RsWindow *self,
               gint64    id)
{
  return rs_case_lookup_entity (rs_case_store_get_case (self->store), id);
}

/* Where an editor points: the node it is about, the last right-click, or the
 * middle of the board. */
static void
editor_spot (RsWindow *self,
             gint64    entity_id,
             double   *x,
             double   *y)
{
  if (entity_id != 0 && rs_board_view_get_node_position (self->board, entity_id, x, y))
    return;
  if (self->menu_x >= 0)
    {
      *x = self->menu_x;
      *y = self->menu_y;
      return;
    }
  *x = gtk_widget_get_width (GTK_WIDGET (self->board)) / 2.0;
  *y = gtk_widget_get_height (GTK_WIDGET (self->board)) / 2.0;
}

static void
on_entity_editor_save_cb (RsWindow       *self,
                          RsEntityEditor *editor)
{
  RsEntity *entity = rs_entity_editor_get_entity (editor);
  g_auto(GStrv) aliases = rs_entity_editor_dup_aliases (editor);
  g_autoptr(GError) error = NULL;
  RsChange *change;
  gint64 id = 0;

  if (self->store == NULL)
    return;

  if (entity != NULL)
    {
      id = rs_entity_get_id (entity);
      change = rs_case_edit_update_entity (self->store, id,
                                           rs_entity_editor_get_kind (editor),
                                           rs_entity_editor_get_name (editor),
                                           (const char * const *) aliases,
                                           rs_entity_editor_get_description (editor), &error);
    }
  else if (self->new_here)
    change = rs_case_edit_create_entity_at (self->store,
                                            rs_entity_editor_get_kind (editor),
                                            rs_entity_editor_get_name (editor),
                                            (const char * const *) aliases,
                                            rs_entity_editor_get_description (editor),
                                            self->here_x, self->here_y, &id, &error);
  else
    change = rs_case_edit_create_entity (self->store,
                                         rs_entity_editor_get_kind (editor),
                                         rs_entity_editor_get_name (editor),
                                         (const char * const *) aliases,
                                         rs_entity_editor_get_description (editor), &id, &error);

  if (!finish (self, change, error))
    {
      /* The popover stays open with the reason: nothing was written. */
      rs_entity_editor_set_error (editor, error ? error->message : _("Could not save the entity"));
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (editor));
  rs_selection_select (self->selection, RS_TARGET_ENTITY, id);
}

static void
show_entity_editor (RsWindow *self,
                    RsEntity *entity)
{
  double x, y;

  editor_spot (self, entity ? rs_entity_get_id (entity) : 0, &x, &y);
  rs_entity_editor_edit (self->entity_editor, entity);
  rs_board_view_popup (self->board, GTK_POPOVER (self->entity_editor), x, y);
}

/* win.new-entity-here (the background's menu) puts it where the menu opened;
 * win.new-entity lets the board place it. */
static void
new_entity_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);

  self->new_here = g_str_equal (action_name, "win.new-entity-here") && self->menu_x >= 0 &&
                   rs_board_view_widget_to_board (self->board, self->menu_x, self->menu_y,
                                                  &self->here_x, &self->here_y);
  show_entity_editor (self, NULL);
}

/* Relations --------------------------------------------------------------------------- */

static void
on_relation_editor_save_cb (RsWindow         *self,
                            RsRelationEditor *editor)
{
  RsRelation *relation = rs_relation_editor_get_relation (editor);
  gint64 source = rs_entity_get_id (rs_relation_editor_get_source (editor));
  gint64 target = rs_entity_get_id (rs_relation_editor_get_target (editor));
  g_autoptr(GError) error = NULL;
  RsChange *change;
  gint64 id = 0;

  if (self->store == NULL)
    return;

  if (relation != NULL)
    {
      id = rs_relation_get_id (relation);
      change = rs_case_edit_update_relation (self->store, id, source, target,
                                             rs_relation_editor_get_label (editor),
                                             rs_relation_editor_get_directed (editor),
                                             rs_relation_editor_get_status (editor), &error);
    }
  else
    change = rs_case_edit_create_relation (self->store, source, target,
                                           rs_relation_editor_get_label (editor),
                                           rs_relation_editor_get_directed (editor),
                                           rs_relation_editor_get_status (editor), &id, &error);

  if (!finish (self, change, error))
    {
      rs_relation_editor_set_error (editor,
                                    error ? error->message : _("Could not save the relation"));
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (editor));
  rs_selection_select (self->selection, RS_TARGET_RELATION, id);
}

static void
show_relation_editor (RsWindow   *self,
                      RsRelation *relation,
                      RsEntity   *source,
                      RsEntity   *target)
{
  double x, y;

  if (source == NULL || target == NULL)
    return;
  editor_spot (self, rs_entity_get_id (target), &x, &y);
  rs_relation_editor_edit (self->relation_editor, relation, source, target);
  rs_board_view_popup (self->board, GTK_POPOVER (self->relation_editor), x, y);
}

static void
link_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GArray) entities = selected_ids (self, RS_TARGET_ENTITY);

  if (self->store == NULL || entities->len != 2)
    return;
  show_relation_editor (self, NULL,
                        lookup_entity (self, g_array_index (entities, gint64, 0)),
                        lookup_entity (self, g_array_index (entities, gint64, 1)));
}

/* A string pulled from one node to another on the board: the relation editor, opened
 * where it was dropped; nothing is written until it is saved. */
static void
on_board_link_requested_cb (RsWindow    *self,
                            gint64       source,
                            gint64       target,
                            double       x,
                            double       y,
                            RsBoardView *board)
{
  RsEntity *from = lookup_entity (self, source);
  RsEntity *to = lookup_entity (self, target);

  if (self->store == NULL || !writable (self) || from == NULL || to == NULL)
    return;
  rs_relation_editor_edit (self->relation_editor, NULL, from, to);
  rs_board_view_popup (self->board, GTK_POPOVER (self->relation_editor), x, y);
}

/* Events ------------------------------------------------------------------------------ */

static void
on_event_editor_save_cb (RsWindow      *self,
                         RsEventEditor *editor)
{
  RsEvent *event = rs_event_editor_get_event (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsFuzzyDate) date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  RsChange *change;
  gint64 id = 0;

  if (self->store == NULL)
    return;

  /* The date as typed: its precision follows from it ("2009", "2016 – 2017", "late
   * February 2021"). A relative phrase has no report date to go by here. */
  date = rs_date_phrase_read_typed (rs_event_editor_get_date_text (editor),
                                    rs_event_editor_get_qualifier (editor), NULL, &error);
  if (date == NULL)
    {
      rs_event_editor_set_error (editor, error->message);
      return;
    }
  start = rs_fuzzy_date_dup_start (date);
  end = rs_fuzzy_date_dup_end (date);

  if (event != NULL)
    {
      guint n = 0;
      const gint64 *ids = rs_event_get_entity_ids (event, &n);

      id = rs_event_get_id (event);
      change = rs_case_edit_update_event (self->store, id, rs_event_editor_get_title (editor),
                                          rs_event_editor_get_description (editor), start, end,
                                          rs_fuzzy_date_get_precision (date),
                                          rs_fuzzy_date_get_qualifier (date), ids, n, &error);
    }
  else
    {
      /* A new event involves what is selected on the board. */
      g_autoptr(GArray) entities = selected_ids (self, RS_TARGET_ENTITY);

      change = rs_case_edit_create_event (self->store, rs_event_editor_get_title (editor),
                                          rs_event_editor_get_description (editor), start, end,
                                          rs_fuzzy_date_get_precision (date),
                                          rs_fuzzy_date_get_qualifier (date),
                                          (const gint64 *)(gpointer) entities->data, entities->len,
                                          &id, &error);
    }

  if (!finish (self, change, error))
    {
      rs_event_editor_set_error (editor, error ? error->message : _("Could not save the event"));
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (editor));
  rs_selection_select (self->selection, RS_TARGET_EVENT, id);
}

static void
show_event_editor (RsWindow *self,
                   RsEvent  *event)
{
  double x, y;

  editor_spot (self, 0, &x, &y);
  rs_event_editor_edit (self->event_editor, event);
  rs_board_view_popup (self->board, GTK_POPOVER (self->event_editor), x, y);
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_event_editor (RS_WINDOW (widget), NULL);
}

/* Edit, delete, unpin ----------------------------------------------------------------- */

static void
edit_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GArray) entities = selected_ids (self, RS_TARGET_ENTITY);
  g_autoptr(GArray) relations = selected_ids (self, RS_TARGET_RELATION);
  g_autoptr(GArray) events = selected_ids (self, RS_TARGET_EVENT);
  RsCase *kase;

  if (self->store == NULL)
    return;
  kase = rs_case_store_get_case (self->store);

  if (events->len == 1 && entities->len + relations->len == 0)
    {
      RsEvent *event = rs_case_lookup_event (kase, g_array_index (events, gint64, 0));

      if (event != NULL)
        show_event_editor (self, event);
      return;
    }

  if (entities->len == 1)
    show_entity_editor (self, lookup_entity (self, g_array_index (entities, gint64, 0)));
  else if (relations->len == 1)
    {
      RsRelation *relation = rs_case_lookup_relation (kase, g_array_index (relations, gint64, 0));

      if (relation != NULL)
        show_relation_editor (self, relation,
                              lookup_entity (self, rs_relation_get_source_id (relation)),
                              lookup_entity (self, rs_relation_get_target_id (relation)));
    }
}

/* Deletes what is selected as one command per item, newest last: each can be
 * undone on its own, and Undo walks them back in order. */
static void
delete_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GArray) entities = selected_ids (self, RS_TARGET_ENTITY);
  g_autoptr(GArray) relations = selected_ids (self, RS_TARGET_RELATION);
  g_autoptr(GArray) events = selected_ids (self, RS_TARGET_EVENT);

  if (self->store == NULL)
    return;

  rs_selection_clear (self->selection);
  for (guint i = 0; i < events->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!finish (self, rs_case_edit_delete_event (self->store,
                                                    g_array_index (events, gint64, i), &error),
                   error))
        {
          toast_error (self, error);
          return;
        }
    }
  /* Relations first: deleting an entity takes its relations with it. */
  for (guint i = 0; i < relations->len; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = g_array_index (relations, gint64, i);

      if (rs_case_lookup_relation (rs_case_store_get_case (self->store), id) == NULL)
        continue;
      if (!finish (self, rs_case_edit_delete_relation (self->store, id, &error), error))
        {
          toast_error (self, error);
          return;
        }
    }
  for (guint i = 0; i < entities->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!finish (self, rs_case_edit_delete_entity (self->store,
                                                     g_array_index (entities, gint64, i), &error),
                   error))
        {
          toast_error (self, error);
          return;
        }
    }
}

static void
unpin_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (g_str_equal (action_name, "win.unpin-all"))
    {
      if (!finish (self, rs_case_edit_unpin_all (self->store, &error), error))
        toast_error (self, error);
      return;
    }

  {
    g_autoptr(GArray) entities = selected_ids (self, RS_TARGET_ENTITY);

    for (guint i = 0; i < entities->len; i++)
      if (!finish (self, rs_case_edit_unpin (self->store, g_array_index (entities, gint64, i),
                                             &error), error))
        {
          toast_error (self, error);
          return;
        }
  }
}

/* Merge ------------------------------------------------------------------------------- */

static void
on_merge_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RsWindow         *self)
{
  g_autoptr(GError) error = NULL;
  gint64 first = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "first"));
  gint64 second = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "second"));
  gint64 into, from;

  if (self->store == NULL || (!g_str_equal (response, "into-first") &&
                              !g_str_equal (response, "into-second")))
    return;

  into = g_str_equal (response, "into-first") ? first : second;
  from = into == first ? second : first;
  if (!finish (self, rs_case_edit_merge_entities (self->store, into, from, &error), error))
    {
      toast_error (self, error);
      return;
    }
  rs_selection_select (self->selection, RS_TARGET_ENTITY, into);
}

/* Two entities that turn out to be one (Tick = BRONZE BUTLER): the user says which
 * name stays; the other becomes an alias. */
static void
merge_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GArray) entities = selected_ids (self, RS_TARGET_ENTITY);
  g_autofree char *body = NULL;
  g_autofree char *into_first = NULL;
  g_autofree char *into_second = NULL;
  RsEntity *first, *second;
  GtkWidget *dialog;

  if (self->store == NULL || entities->len != 2)
    return;
  first = lookup_entity (self, g_array_index (entities, gint64, 0));
  second = lookup_entity (self, g_array_index (entities, gint64, 1));
  if (first == NULL || second == NULL)
    return;

  /* The name offered first (Enter) is the one with more on the board: most often
   * the entity the new one turns out to be. */
  {
    RsCase *kase = rs_case_store_get_case (self->store);
    g_autoptr(GPtrArray) of_first = rs_case_dup_relations_of (kase, rs_entity_get_id (first));
    g_autoptr(GPtrArray) of_second = rs_case_dup_relations_of (kase, rs_entity_get_id (second));

    if (of_second->len > of_first->len)
      {
        RsEntity *swap = first;

        first = second;
        second = swap;
      }
  }

  body = g_strdup_printf (_("“%s” and “%s” become one entity: its relations, evidence, events "
                            "and notes are kept, and the other name becomes an alias. "
                            "Undo separates them again."),
                          rs_entity_get_name (first), rs_entity_get_name (second));
  into_first = g_strdup_printf (_("Keep “%s”"), rs_entity_get_name (first));
  into_second = g_strdup_printf (_("Keep “%s”"), rs_entity_get_name (second));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merge Two Entities?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "into-second", into_second,
                                    "into-first", into_first,
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "into-first");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "first", GSIZE_TO_POINTER (rs_entity_get_id (first)));
  g_object_set_data (G_OBJECT (dialog), "second", GSIZE_TO_POINTER (rs_entity_get_id (second)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Split ------------------------------------------------------------------------------- */

static void
on_split_dialog_split_cb (RsWindow      *self,
                          RsSplitDialog *dialog)
{
  RsEntity *entity = rs_split_dialog_get_entity (dialog);
  g_autofree char *name = rs_split_dialog_dup_name (dialog);
  g_auto(GStrv) aliases = rs_split_dialog_dup_aliases (dialog);
  g_autoptr(GArray) relations = rs_split_dialog_dup_relation_ids (dialog);
  g_autoptr(GArray) evidence = rs_split_dialog_dup_evidence_ids (dialog);
  g_autoptr(GError) error = NULL;
  RsChange *change;
  gint64 id = 0;

  if (self->store == NULL)
    return;

  change = rs_case_edit_split_entity (self->store, rs_entity_get_id (entity),
                                      rs_split_dialog_get_kind (dialog), name,
                                      (const char * const *) aliases,
                                      (const gint64 *)(gpointer) relations->data, relations->len,
                                      (const gint64 *)(gpointer) evidence->data, evidence->len,
                                      &id, &error);
  if (!finish (self, change, error))
    {
      /* The dialog stays open with the reason: nothing was written. */
      rs_split_dialog_set_error (dialog, error ? error->message : _("Could not split the entity"));
      return;
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  rs_selection_select (self->selection, RS_TARGET_ENTITY, id);
}

/* One entity that turns out to be two (an early merge): the dialog says what moves
 * to the new one. */
static void
split_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GArray) entities = selected_ids (self, RS_TARGET_ENTITY);
  RsSplitDialog *dialog;
  RsEntity *entity;

  if (!writable (self) || entities->len != 1 ||
      !(entity = lookup_entity (self, g_array_index (entities, gint64, 0))))
    return;

  dialog = rs_split_dialog_new (GTK_WINDOW (self), rs_case_store_get_case (self->store), entity);
  g_signal_connect_object (dialog, "split", G_CALLBACK (on_split_dialog_split_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The board's context menu ------------------------------------------------------------ */

static GMenuModel *
context_menu_for (RsWindow *self,
                  RsTarget  target)
{
  g_autoptr(GArray) entities = selected_ids (self, RS_TARGET_ENTITY);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) board = g_menu_new ();

  if (target == RS_TARGET_ENTITY || target == RS_TARGET_RELATION)
    {
      g_menu_append (edit, _("_Edit…"), "win.edit-selection");
      if (entities->len == 2)
        {
          g_menu_append (edit, _("_Link the Two…"), "win.link-selection");
          g_menu_append (edit, _("_Merge the Two…"), "win.merge-selection");
        }
      if (target == RS_TARGET_ENTITY && entities->len == 1)
        g_menu_append (edit, _("_Split…"), "win.split-selection");
      if (target == RS_TARGET_ENTITY)
        {
          g_menu_append (edit, _("New E_vent with the Selection…"), "win.new-event");
          g_menu_append (edit, _("_Unpin"), "win.unpin-selection");
        }
      g_menu_append (edit, _("_Delete"), "win.delete-selection");
    }
  else
    {
      g_menu_append (edit, _("_New Entity Here…"), "win.new-entity-here");
      g_menu_append (edit, _("New E_vent…"), "win.new-event");
    }

  g_menu_append (board, _("_Copy as Image"), "win.copy-image");
  g_menu_append (board, _("Unpin _All"), "win.unpin-all");
  g_menu_append (board, _("_Lay Out Again"), "win.relayout");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  if (target == RS_TARGET_ENTITY || target == RS_TARGET_RELATION)
    {
      RsTarget primary;
      gint64 id;

      if (rs_selection_get_primary (self->selection, &primary, &id))
        {
          g_autoptr(GMenuModel) review = _rs_window_review_menu_for (primary, id);

          g_menu_append_section (menu, NULL, review);
        }
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (board));
  return G_MENU_MODEL (menu);
}

static void
show_context_menu (RsWindow *self,
                   double    x,
                   double    y)
{
  g_autoptr(GMenuModel) model = NULL;
  RsTarget target = RS_TARGET_CASE;
  gint64 id = 0;

  if (self->store == NULL)
    return;

  /* What is under the pointer becomes the selection, unless it is part of it. */
  if (rs_board_view_pick (self->board, x, y, &target, &id))
    {
      if (!rs_selection_contains (self->selection, target, id))
        rs_selection_select (self->selection, target, id);
    }
  else
    target = RS_TARGET_CASE;

  self->menu_x = x;
  self->menu_y = y;
  _rs_window_update_edit_actions (self);
  model = context_menu_for (self, target);
  gtk_popover_menu_set_menu_model (self->context_menu, model);
  /* The node's tooltip would sit over the menu the pointer is on. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->board), FALSE);
  rs_board_view_popup (self->board, GTK_POPOVER (self->context_menu), x, y);
}

static void
on_context_menu_closed_cb (RsWindow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->board), TRUE);
}

static void
on_board_secondary_click_cb (GtkGestureClick *gesture,
                             int              n_press,
                             double           x,
                             double           y,
                             RsWindow        *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_context_menu (self, x, y);
}

/* Shift+F10 and the Menu key: the menu for the selection, at its node. */
static gboolean
on_context_key_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  RsWindow *self = RS_WINDOW (user_data);
  RsTarget target;
  gint64 id;
  double x, y;

  if (!rs_selection_get_primary (self->selection, &target, &id) ||
      target != RS_TARGET_ENTITY || !rs_board_view_get_node_position (self->board, id, &x, &y))
    {
      x = gtk_widget_get_width (widget) / 2.0;
      y = gtk_widget_get_height (widget) / 2.0;
    }
  show_context_menu (self, x, y);
  return TRUE;
}

/* Set-up ------------------------------------------------------------------------------ */

void
_rs_window_class_editing_init (RsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.new-entity", NULL, new_entity_action);
  gtk_widget_class_install_action (widget_class, "win.new-entity-here", NULL, new_entity_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.edit-selection", NULL, edit_selection_action);
  gtk_widget_class_install_action (widget_class, "win.delete-selection", NULL,
                                   delete_selection_action);
  gtk_widget_class_install_action (widget_class, "win.link-selection", NULL, link_selection_action);
  gtk_widget_class_install_action (widget_class, "win.merge-selection", NULL,
                                   merge_selection_action);
  gtk_widget_class_install_action (widget_class, "win.split-selection", NULL,
                                   split_selection_action);
  gtk_widget_class_install_action (widget_class, "win.unpin-selection", NULL, unpin_action);
  gtk_widget_class_install_action (widget_class, "win.unpin-all", NULL, unpin_action);
}

static void
add_board_shortcut (GtkShortcutController *controller,
                    const char            *accel,
                    const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_named_action_new (action)));
}

void
_rs_window_editing_init (RsWindow *self)
{
  GtkGesture *secondary;
  GtkEventController *keys;

  self->menu_x = self->menu_y = -1;

  self->entity_editor = RS_ENTITY_EDITOR (rs_entity_editor_new ());
  g_signal_connect_object (self->entity_editor, "save", G_CALLBACK (on_entity_editor_save_cb),
                           self, G_CONNECT_SWAPPED);
  self->relation_editor = RS_RELATION_EDITOR (rs_relation_editor_new ());
  g_signal_connect_object (self->relation_editor, "save", G_CALLBACK (on_relation_editor_save_cb),
                           self, G_CONNECT_SWAPPED);
  self->event_editor = RS_EVENT_EDITOR (rs_event_editor_new ());
  g_signal_connect_object (self->event_editor, "save", G_CALLBACK (on_event_editor_save_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_ref_sink (self->event_editor);
  self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (NULL));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  g_signal_connect_object (self->context_menu, "closed", G_CALLBACK (on_context_menu_closed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
  /* The board holds the popovers (it places them); the window keeps them alive
   * across cases. */
  g_object_ref_sink (self->entity_editor);
  g_object_ref_sink (self->relation_editor);
  g_object_ref_sink (self->context_menu);

  g_signal_connect_object (self->board, "link-requested", G_CALLBACK (on_board_link_requested_cb),
                           self, G_CONNECT_SWAPPED);

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary, "pressed", G_CALLBACK (on_board_secondary_click_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->board), GTK_EVENT_CONTROLLER (secondary));

  /* Keys that mean something else in a text field (Delete, F2) act on the board
   * only when the board has the focus. */
  keys = gtk_shortcut_controller_new ();
  add_board_shortcut (GTK_SHORTCUT_CONTROLLER (keys), "Delete", "win.delete-selection");
  add_board_shortcut (GTK_SHORTCUT_CONTROLLER (keys), "F2", "win.edit-selection");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                                                          gtk_callback_action_new (on_context_key_cb,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->board), keys);

  self->undo_menu = g_menu_new ();
  update_undo_menu (self);
}

void
_rs_window_editing_dispose (RsWindow *self)
{
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_stack, self);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->undo_menu);
  g_clear_object (&self->entity_editor);
  g_clear_object (&self->relation_editor);
  g_clear_object (&self->event_editor);
  g_clear_object (&self->context_menu);
}

/* A new case, a new history: the undo stack lasts as long as the case is open in
 * this window. */
/* What is deleted (by a command, its undo or another program) leaves the selection, so
 * the panels do not go on showing something that is gone. */
static void
on_case_changes_cb (RsWindow      *self,
                    RsCaseChanges *changes,
                    RsCase        *kase)
{
  static const struct { RsTarget target; GType (*get_type) (void); } kinds[] = {
    { RS_TARGET_ENTITY, rs_entity_get_type },
    { RS_TARGET_RELATION, rs_relation_get_type },
    { RS_TARGET_EVENT, rs_event_get_type },
  };

  if (self->selection == NULL || rs_selection_get_n_items (self->selection) == 0)
    return;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *removed = rs_case_changes_get_removed (changes, kinds[k].get_type ());

      for (guint i = 0; removed != NULL && i < removed->len; i++)
        {
          gint64 id = 0;

          g_object_get (g_ptr_array_index (removed, i), "id", &id, NULL);
          if (rs_selection_contains (self->selection, kinds[k].target, id))
            rs_selection_toggle (self->selection, kinds[k].target, id);
        }
    }
}

void
_rs_window_editing_set_store (RsWindow *self)
{
  if (self->undo_stack != NULL)
    {
      RsCaseStore *old = rs_undo_stack_get_store (self->undo_stack);

      g_signal_handlers_disconnect_by_data (self->undo_stack, self);
      g_signal_handlers_disconnect_by_func (old, on_change_committed_cb, self);
      g_signal_handlers_disconnect_by_func (rs_case_store_get_case (old), on_case_changes_cb, self);
    }
  g_clear_object (&self->undo_stack);

  if (self->store != NULL)
    {
      self->undo_stack = rs_undo_stack_new (self->store);
      g_signal_connect_object (self->store, "change-committed",
                               G_CALLBACK (on_change_committed_cb), self, G_CONNECT_SWAPPED);
      /* Another program rewrote the case: this window's history no longer applies. */
      g_signal_connect_object (self->store, "reloaded", G_CALLBACK (rs_undo_stack_clear),
                               self->undo_stack, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->undo_stack, "notify", G_CALLBACK (update_undo_menu), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (rs_case_store_get_case (self->store), "changes",
                               G_CALLBACK (on_case_changes_cb), self, G_CONNECT_SWAPPED);
    }
  update_undo_menu (self);
}

GMenuModel *
_rs_window_get_undo_menu (RsWindow *self)
{
  return G_MENU_MODEL (self->undo_menu);
}
