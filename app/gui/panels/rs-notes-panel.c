/* rs-notes-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-notes-panel"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "rs-gui-closures.h"
#include "rs-notes-panel.h"

/* Notes on the primary selected thing (the case when nothing is selected).
 *
 * The first note of the target is edited in place; the others are listed read-only
 * below it (a GtkFilterListModel over the case's notes, declared in the template).
 * Typing is saved through the store 400 ms after the last keystroke, and at once
 * when the target changes, when the panel is unmapped or disposed, and on Ctrl+S:
 * nothing typed is lost when the window closes. A note is created on the first save
 * that has text, so "Add Note" never leaves empty notes behind. */

#define SAVE_DELAY_MSEC 400

typedef enum
{
  PAGE_EDITOR,
  PAGE_ADD,
  PAGE_UNAVAILABLE,
} Page;

struct _RsNotesPanel
{
  RsPanel parent_instance;

  /* Template objects */
  GtkStack           *stack;
  GtkTextView        *text_view;
  GtkTextBuffer      *buffer;
  GtkWidget          *error_box;
  GtkLabel           *error_label;
  AdwStatusPage      *unavailable_page;
  GtkCustomFilter    *others_filter;
  GtkFilterListModel *others;

  /* Owned */
  RsCaseStore        *note_store;    /* the store the target and note belong to */
  RsNote             *note;          /* the note being edited, NULL until created */
  GSignalGroup       *note_signals;
  char               *heading;
  char               *byline;

  RsTarget            target;
  gint64              target_id;
  guint               save_source;
  guint               n_others;
  guint               dirty : 1;
  guint               loading : 1;
  guint               saving : 1;
  guint               adding : 1;
};

G_DEFINE_FINAL_TYPE (RsNotesPanel, rs_notes_panel, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_NOTE,
  PROP_NOTES,
  PROP_HEADING,
  PROP_BYLINE,
  PROP_N_OTHERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
author_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

static void
set_string (RsNotesPanel  *self,
            char         **field,
            char          *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_byline (RsNotesPanel *self)
{
  set_string (self, &self->byline,
              rs_gui_closures_note_byline (NULL,
                                           self->note ? rs_note_get_author (self->note) : NULL,
                                           self->note ? rs_note_get_updated (self->note) : NULL),
              PROP_BYLINE);
}

static void
set_note (RsNotesPanel *self,
          RsNote       *note)
{
  if (!g_set_object (&self->note, note))
    return;

  g_signal_group_set_target (self->note_signals, note);
  update_byline (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static void
show_error (RsNotesPanel *self,
            const GError *error)
{
  g_autofree char *message = NULL;

  if (error == NULL)
    {
      gtk_widget_set_visible (self->error_box, FALSE);
      return;
    }

  message = g_strdup_printf (_("Could not save the note: %s"), error->message);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->error_box, TRUE);
}

static void
show_page (RsNotesPanel *self,
           Page          page)
{
  static const char *names[] = { "editor", "add", "unavailable" };

  gtk_stack_set_visible_child_name (self->stack, names[page]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.add", page == PAGE_ADD);
}

static gboolean
target_exists (RsCase   *kase,
               RsTarget  target,
               gint64    id)
{
  switch (target)
    {
    case RS_TARGET_CASE:     return TRUE;
    case RS_TARGET_DOCUMENT: return rs_case_lookup_document (kase, id) != NULL;
    case RS_TARGET_ENTITY:   return rs_case_lookup_entity (kase, id) != NULL;
    case RS_TARGET_RELATION: return rs_case_lookup_relation (kase, id) != NULL;
    case RS_TARGET_EVENT:    return rs_case_lookup_event (kase, id) != NULL;
    case RS_TARGET_QUOTE:
    default:                 return FALSE;
    }
}

/* What the panel edits: the primary selected item, or the case. */
static void
current_target (RsNotesPanel *self,
                RsTarget     *target,
                gint64       *id)
{
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));

  if (selection == NULL || !rs_selection_get_primary (selection, target, id))
    {
      *target = RS_TARGET_CASE;
      *id = 0;
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  RsNotesPanel *self = user_data;

  self->save_source = 0;
  rs_notes_panel_flush (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed_cb (RsNotesPanel  *self,
                      GtkTextBuffer *buffer)
{
  g_assert (RS_IS_NOTES_PANEL (self));

  if (self->loading)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MSEC, save_timeout_cb, self);
}

/* Shows the notes of TARGET from the current store. Whatever was typed for the
 * previous target must have been flushed before. */
static void
load_target (RsNotesPanel *self,
             RsTarget      target,
             gint64        target_id)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *label = NULL;
  RsNote *note = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_set_object (&self->note_store, store);
  self->target = target;
  self->target_id = target_id;
  self->dirty = FALSE;
  self->adding = FALSE;

  if (kase != NULL && target_exists (kase, target, target_id))
    {
      notes = rs_case_dup_notes_for (kase, target, target_id);
      note = notes->len > 0 ? g_ptr_array_index (notes, 0) : NULL;
    }
  set_note (self, note);

  self->loading = TRUE;
  gtk_text_buffer_set_text (self->buffer, note ? rs_note_get_body (note) : "", -1);
  self->loading = FALSE;

  if (kase == NULL)
    label = g_strdup (_("Notes"));
  else if (target == RS_TARGET_CASE)
    label = g_strdup (_("Notes on the case"));
  else
    {
      g_autofree char *name = rs_panel_dup_target_label (kase, target, target_id, TRUE);

      /* Translators: %s names what the notes are about, "Tick — threat group" */
      label = name ? g_strdup_printf (_("Notes on %s"), name) : g_strdup (_("Notes"));
    }
  set_string (self, &self->heading, g_steal_pointer (&label), PROP_HEADING);

  gtk_filter_changed (GTK_FILTER (self->others_filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_error (self, NULL);

  if (kase == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, _("Open a case to write notes"));
      show_page (self, PAGE_UNAVAILABLE);
    }
  else if (target == RS_TARGET_QUOTE)
    {
      adw_status_page_set_description (self->unavailable_page,
                                       _("Quotes have no notes of their own: "
                                         "select what the quote backs"));
      show_page (self, PAGE_UNAVAILABLE);
    }
  else if (!target_exists (kase, target, target_id))
    {
      adw_status_page_set_description (self->unavailable_page, _("This is no longer in the case"));
      show_page (self, PAGE_UNAVAILABLE);
    }
  else
    show_page (self, note != NULL ? PAGE_EDITOR : PAGE_ADD);
}

static void
follow_selection (RsNotesPanel *self)
{
  RsTarget target;
  gint64 id;

  current_target (self, &target, &id);
  if (self->note_store == rs_panel_get_store (RS_PANEL (self)) &&
      self->target == target && self->target_id == id)
    return;

  rs_notes_panel_flush (self, NULL);
  load_target (self, target, id);
}

static gboolean
others_filter_func (gpointer item,
                    gpointer user_data)
{
  RsNotesPanel *self = user_data;
  RsNote *note = item;

  return note != self->note &&
         rs_note_get_target (note) == self->target &&
         (self->target == RS_TARGET_CASE || rs_note_get_target_id (note) == self->target_id);
}

static void
on_others_items_changed_cb (RsNotesPanel *self,
                            guint         position,
                            guint         removed,
                            guint         added,
                            GListModel   *model)
{
  guint n = g_list_model_get_n_items (model);

  if (self->n_others == n)
    return;
  self->n_others = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OTHERS]);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  RsNotesPanel *self = RS_NOTES_PANEL (widget);

  self->adding = TRUE;
  show_page (self, PAGE_EDITOR);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  rs_notes_panel_flush (RS_NOTES_PANEL (widget), NULL);
}

static void
rs_notes_panel_store_changed (RsPanel *panel)
{
  RsNotesPanel *self = RS_NOTES_PANEL (panel);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
  follow_selection (self);
}

static void
rs_notes_panel_selection_changed (RsPanel *panel)
{
  follow_selection (RS_NOTES_PANEL (panel));
}

/* Another view may have added or deleted notes, or deleted the target. */
static void
rs_notes_panel_case_changed (RsPanel *panel)
{
  RsNotesPanel *self = RS_NOTES_PANEL (panel);
  RsCase *kase = rs_panel_get_case (panel);

  if (self->saving || kase == NULL)
    return;

  if (!target_exists (kase, self->target, self->target_id))
    {
      load_target (self, self->target, self->target_id);
      return;
    }

  /* The note being edited was deleted: keep the text, a save makes a new note. */
  if (self->note != NULL && rs_case_lookup_note (kase, rs_note_get_id (self->note)) != self->note)
    set_note (self, NULL);

  if (self->note == NULL && !self->dirty && !self->adding)
    load_target (self, self->target, self->target_id);
  else
    gtk_filter_changed (GTK_FILTER (self->others_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
rs_notes_panel_unmap (GtkWidget *widget)
{
  rs_notes_panel_flush (RS_NOTES_PANEL (widget), NULL);

  GTK_WIDGET_CLASS (rs_notes_panel_parent_class)->unmap (widget);
}

static void
rs_notes_panel_dispose (GObject *object)
{
  RsNotesPanel *self = (RsNotesPanel *)object;

  if (self->buffer != NULL)
    rs_notes_panel_flush (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->others_filter != NULL)
    gtk_custom_filter_set_filter_func (self->others_filter, NULL, NULL, NULL);
  if (self->note_signals != NULL)
    g_signal_group_set_target (self->note_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_NOTES_PANEL);

  g_clear_object (&self->note_signals);
  g_clear_object (&self->note);
  g_clear_object (&self->note_store);

  G_OBJECT_CLASS (rs_notes_panel_parent_class)->dispose (object);
}

static void
rs_notes_panel_finalize (GObject *object)
{
  RsNotesPanel *self = (RsNotesPanel *)object;

  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->byline, g_free);

  G_OBJECT_CLASS (rs_notes_panel_parent_class)->finalize (object);
}

static void
rs_notes_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RsNotesPanel *self = RS_NOTES_PANEL (object);
  RsCase *kase;

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_object (value, rs_notes_panel_get_note (self));
      break;

    case PROP_NOTES:
      kase = rs_panel_get_case (RS_PANEL (self));
      g_value_set_object (value, kase ? rs_case_get_notes (kase) : NULL);
      break;

    case PROP_HEADING:
      g_value_set_string (value, rs_notes_panel_get_heading (self));
      break;

    case PROP_BYLINE:
      g_value_set_string (value, self->byline);
      break;

    case PROP_N_OTHERS:
      g_value_set_uint (value, self->n_others);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_notes_panel_class_init (RsNotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RsPanelClass *panel_class = RS_PANEL_CLASS (klass);

  object_class->dispose = rs_notes_panel_dispose;
  object_class->finalize = rs_notes_panel_finalize;
  object_class->get_property = rs_notes_panel_get_property;

  widget_class->unmap = rs_notes_panel_unmap;

  panel_class->store_changed = rs_notes_panel_store_changed;
  panel_class->selection_changed = rs_notes_panel_selection_changed;
  panel_class->case_changed = rs_notes_panel_case_changed;

  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, RS_TYPE_NOTE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_object ("notes", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYLINE] =
    g_param_spec_string ("byline", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_OTHERS] =
    g_param_spec_uint ("n-others", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "notes.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "notes.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "notes.save", NULL);

  g_type_ensure (RS_TYPE_NOTE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-notes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RsNotesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RsNotesPanel, text_view);
  gtk_widget_class_bind_template_child (widget_class, RsNotesPanel, buffer);
  gtk_widget_class_bind_template_child (widget_class, RsNotesPanel, error_box);
  gtk_widget_class_bind_template_child (widget_class, RsNotesPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsNotesPanel, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, RsNotesPanel, others_filter);
  gtk_widget_class_bind_template_child (widget_class, RsNotesPanel, others);
  gtk_widget_class_bind_template_callback (widget_class, on_buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_others_items_changed_cb);
  rs_gui_closures_bind_template (widget_class);

  gtk_widget_class_set_css_name (widget_class, "rs-notes-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rs_notes_panel_init (RsNotesPanel *self)
{
  self->note_signals = g_signal_group_new (RS_TYPE_NOTE);
  g_signal_group_connect_object (self->note_signals, "notify::updated",
                                 G_CALLBACK (update_byline), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->note_signals, "notify::author",
                                 G_CALLBACK (update_byline), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->others_filter, others_filter_func, self, NULL);
  update_byline (self);
  load_target (self, RS_TARGET_CASE, 0);
}

GtkWidget *
rs_notes_panel_new (void)
{
  return g_object_new (RS_TYPE_NOTES_PANEL, NULL);
}

/* The note being edited, NULL before the first save of a new note. */
RsNote *
rs_notes_panel_get_note (RsNotesPanel *self)
{
  g_return_val_if_fail (RS_IS_NOTES_PANEL (self), NULL);
  return self->note;
}

const char *
rs_notes_panel_get_heading (RsNotesPanel *self)
{
  g_return_val_if_fail (RS_IS_NOTES_PANEL (self), NULL);
  return self->heading;
}

/* The target's other notes, listed read-only. */
GListModel *
rs_notes_panel_get_others (RsNotesPanel *self)
{
  g_return_val_if_fail (RS_IS_NOTES_PANEL (self), NULL);
  return G_LIST_MODEL (self->others);
}

/* Saves what was typed and not saved yet, now. On failure the text stays in the
 * editor, the panel says why, and a later flush tries again. */
gboolean
rs_notes_panel_flush (RsNotesPanel  *self,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *body = NULL;
  GtkTextIter start, end;
  gboolean ok;

  g_return_val_if_fail (RS_IS_NOTES_PANEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty || self->note_store == NULL)
    return TRUE;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  body = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);

  if (self->note != NULL)
    ok = rs_case_store_set_note_body (self->note_store, rs_note_get_id (self->note), body,
                                      &local_error);
  else if (*body == '\0')
    ok = TRUE;
  else
    {
      g_autoptr(RsNote) draft = rs_note_new (0);
      RsNote *note;

      rs_note_set_target (draft, self->target);
      rs_note_set_target_id (draft, self->target_id);
      rs_note_set_body (draft, body);
      rs_note_set_author (draft, author_name ());

      self->saving = TRUE;
      note = rs_case_store_add_note (self->note_store, draft, &local_error);
      self->saving = FALSE;

      if ((ok = note != NULL))
        {
          set_note (self, note);
          self->adding = FALSE;
          gtk_filter_changed (GTK_FILTER (self->others_filter), GTK_FILTER_CHANGE_DIFFERENT);
        }
    }

  show_error (self, local_error);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->dirty = FALSE;
  return TRUE;
}
