/* rs-notes-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-notes-panel"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "rs-error.h"
#include "rs-gui-closures.h"
#include "rs-notes-panel.h"

/* Notes on the primary selected thing (the case when nothing is selected).
 *
 * The first note of the target is edited in place; the others are listed read-only
 * below it (a GtkFilterListModel over the case's notes, declared in the template).
 * Typing is saved through the store 400 ms after the last keystroke, and at once
 * when the target changes, when the panel is unmapped or disposed, and on Ctrl+S:
 * nothing typed is lost when the window closes. A note is created on the first save
 * that has text, so "Add Note" never leaves empty notes behind.
 *
 * Saves while typing run in the store's worker (they may wait for another program's
 * lock) and are written over the text the editor started from ("base"): if another
 * program changed the note meanwhile, the store keeps both versions and the editor
 * shows the result. "busy" is TRUE while something typed is not on disk yet. */

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
  char               *base;          /* the note's text as last read or written */
  GCancellable       *cancellable;

  RsTarget            target;
  gint64              target_id;
  guint               save_source;
  guint               n_others;
  guint               dirty : 1;
  guint               loading : 1;
  guint               saving : 1;
  guint               adding : 1;
  guint               in_flight : 1; /* an asynchronous save is running */
  guint               resave : 1;    /* save again when it is done */
};

G_DEFINE_FINAL_TYPE (RsNotesPanel, rs_notes_panel, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_NOTE,
  PROP_NOTES,
  PROP_HEADING,
  PROP_BYLINE,
  PROP_N_OTHERS,
  PROP_BUSY,
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

static gboolean
is_busy (RsNotesPanel *self)
{
  return self->dirty || self->in_flight;
}

static void
set_dirty (RsNotesPanel *self,
           gboolean      dirty,
           gboolean      in_flight)
{
  gboolean was_busy = is_busy (self);

  self->dirty = dirty;
  self->in_flight = in_flight;
  if (was_busy != is_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static char *
dup_text (RsNotesPanel *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

static void
set_text (RsNotesPanel *self,
          const char   *text)
{
  self->loading = TRUE;
  gtk_text_buffer_set_text (self->buffer, text, -1);
  self->loading = FALSE;
}

static RsNote *
draft_for_save (RsNotesPanel *self,
                const char   *body)
{
  RsNote *draft = rs_note_new (self->note ? rs_note_get_id (self->note) : 0);

  rs_note_set_target (draft, self->target);
  rs_note_set_target_id (draft, self->target_id);
  rs_note_set_body (draft, body);
  rs_note_set_author (draft, self->note ? rs_note_get_author (self->note) : author_name ());
  return draft;
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.add",
                                 page == PAGE_ADD && rs_panel_get_editable (RS_PANEL (self)));
}

/* The window's lock (RsPanel:editable): the text is read, not written, like a
 * write-protected case's; what was typed before is saved first. */
static void
on_editable_changed_cb (RsNotesPanel *self)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  gboolean editable = rs_panel_get_editable (RS_PANEL (self)) &&
                      !(store != NULL && rs_case_store_is_read_only (store));

  if (!editable)
    rs_notes_panel_flush (self, NULL);
  gtk_text_view_set_editable (self->text_view, editable);
  gtk_text_view_set_cursor_visible (self->text_view, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.add",
                                 editable && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                                        "add") == 0);
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

typedef struct
{
  GWeakRef      self;      /* weak: a save in flight does not keep the panel (and,
                            * through its template bindings, its window) alive */
  RsTarget      target;
  gint64        target_id;
  char         *sent;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_weak_ref_clear (&data->self);
  g_free (data->sent);
  g_free (data);
}

static void start_save  (RsNotesPanel *self);
static void load_target (RsNotesPanel *self,
                         RsTarget      target,
                         gint64        target_id);

/* The note as the store wrote it is now the editor's base. When the store had to
 * keep another program's version too, the editor shows the result, plus anything
 * typed while the save ran. */
static void
take_saved_note (RsNotesPanel *self,
                 RsNote       *note,
                 const char   *sent,
                 gboolean      merged)
{
  const char *body = rs_note_get_body (note);

  /* What the note was about was deleted elsewhere: the store kept the text on the
   * case; the editor shows the target as it is now. */
  if (rs_note_get_target (note) != self->target ||
      (self->target != RS_TARGET_CASE && rs_note_get_target_id (note) != self->target_id))
    {
      set_dirty (self, FALSE, self->in_flight);
      load_target (self, self->target, self->target_id);
      return;
    }

  set_note (self, note);
  self->adding = FALSE;
  g_free (self->base);
  self->base = g_strdup (body);

  if (merged)
    {
      g_autofree char *text = dup_text (self);
      g_autofree char *shown = NULL;

      if (g_str_equal (text, sent))
        shown = g_strdup (body);
      else if (g_str_has_prefix (text, sent))
        shown = g_strconcat (body, text + strlen (sent), NULL);
      else
        shown = rs_note_merge_bodies (sent, body, text);
      set_text (self, shown);
      set_dirty (self, !g_str_equal (shown, body), self->in_flight);
    }
  gtk_filter_changed (GTK_FILTER (self->others_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_note_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(RsNotesPanel) self = g_weak_ref_get (&data->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsNote) note = NULL;
  gboolean merged = FALSE;
  gboolean same_target;

  note = rs_case_store_save_note_finish (RS_CASE_STORE (source), result, &merged, &error);

  /* Gone or disposed meanwhile: the store has published what it wrote. */
  if (self == NULL || self->buffer == NULL)
    {
      save_data_free (data);
      return;
    }

  same_target = data->target == self->target && data->target_id == self->target_id;

  if (note == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* A failed save leaves the text unsaved (busy throughout), never "done". If
       * the editor has moved on to another item with nothing typed there yet, it
       * goes back to the text that could not be saved, so it is not lost. */
      if (!same_target && !self->dirty)
        {
          load_target (self, data->target, data->target_id);
          set_text (self, data->sent);
          show_page (self, PAGE_EDITOR);
          same_target = TRUE;
        }
      set_dirty (self, same_target || self->dirty, FALSE);
      show_error (self, error);
    }
  else
    set_dirty (self, self->dirty, FALSE);

  if (note != NULL && same_target)
    {
      show_error (self, NULL);
      take_saved_note (self, note, data->sent, merged);
    }

  save_data_free (data);

  if (self->resave || self->save_source == 0)
    {
      self->resave = FALSE;
      if (self->dirty && note != NULL)
        start_save (self);
    }
}

/* Saves what was typed in the store's worker. One save at a time: typing while it
 * runs saves again when it is done. */
static void
start_save (RsNotesPanel *self)
{
  g_autoptr(RsNote) draft = NULL;
  g_autofree char *body = NULL;
  SaveData *data;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty || self->note_store == NULL)
    return;
  if (self->in_flight)
    {
      self->resave = TRUE;
      return;
    }

  body = dup_text (self);
  if (self->note == NULL && *body == '\0')
    {
      set_dirty (self, FALSE, FALSE);
      return;
    }

  draft = draft_for_save (self, body);
  data = g_new0 (SaveData, 1);
  g_weak_ref_init (&data->self, self);
  data->target = self->target;
  data->target_id = self->target_id;
  data->sent = g_steal_pointer (&body);

  set_dirty (self, FALSE, TRUE);
  rs_case_store_save_note_async (self->note_store, draft, self->base, self->cancellable,
                                 on_note_saved_cb, data);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  RsNotesPanel *self = user_data;

  self->save_source = 0;
  start_save (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed_cb (RsNotesPanel  *self,
                      GtkTextBuffer *buffer)
{
  g_assert (RS_IS_NOTES_PANEL (self));

  if (self->loading)
    return;

  set_dirty (self, TRUE, self->in_flight);
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
  gboolean read_only;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_set_object (&self->note_store, store);
  self->target = target;
  self->target_id = target_id;
  set_dirty (self, FALSE, self->in_flight);
  self->adding = FALSE;

  if (kase != NULL && target_exists (kase, target, target_id))
    {
      notes = rs_case_dup_notes_for (kase, target, target_id);
      note = notes->len > 0 ? g_ptr_array_index (notes, 0) : NULL;
    }
  set_note (self, note);
  g_free (self->base);
  self->base = g_strdup (note ? rs_note_get_body (note) : NULL);
  set_text (self, note ? rs_note_get_body (note) : "");

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

  /* A write-protected case is read, not written. */
  read_only = (store != NULL && rs_case_store_is_read_only (store)) ||
              !rs_panel_get_editable (RS_PANEL (self));
  gtk_text_view_set_editable (self->text_view, !read_only);
  gtk_text_view_set_cursor_visible (self->text_view, !read_only);

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
  else if (read_only && note == NULL)
    {
      adw_status_page_set_description (self->unavailable_page,
                                       _("No notes here, and this case is read-only"));
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

  /* The text is written before the editor leaves it. If another program holds the
   * lock, the worker waits for it, carrying the text and its target; if the write
   * fails otherwise, the editor stays on the text, so nothing is lost. */
  if (self->dirty)
    {
      g_autoptr(GError) error = NULL;

      if (!rs_notes_panel_flush (self, &error))
        {
          if (!g_error_matches (error, RS_ERROR, RS_ERROR_BUSY) || self->in_flight)
            return;
          start_save (self);
        }
    }
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
  RsCase *kase = rs_panel_get_case (panel);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);

  /* The same store read again after another program changed it: show its text,
   * unless something typed here is not saved yet; that is saved over the base it
   * was typed on, so the store keeps both versions if the note changed. */
  if (self->note_store != NULL && self->note_store == rs_panel_get_store (panel) && kase != NULL)
    {
      RsTarget target;
      gint64 id;

      current_target (self, &target, &id);
      if (target == self->target && id == self->target_id && is_busy (self))
        {
          if (self->note != NULL)
            {
              RsNote *fresh = rs_case_lookup_note (kase, rs_note_get_id (self->note));

              if (fresh != NULL)
                set_note (self, fresh);
            }
          gtk_filter_changed (GTK_FILTER (self->others_filter), GTK_FILTER_CHANGE_DIFFERENT);
          return;
        }
      if (target == self->target && id == self->target_id)
        {
          load_target (self, target, id);
          return;
        }
    }

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

  if (self->saving || self->in_flight || kase == NULL)
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
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rs_notes_panel_parent_class)->dispose (object);
}

static void
rs_notes_panel_finalize (GObject *object)
{
  RsNotesPanel *self = (RsNotesPanel *)object;

  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->byline, g_free);
  g_clear_pointer (&self->base, g_free);

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

    case PROP_BUSY:
      g_value_set_boolean (value, rs_notes_panel_get_busy (self));
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
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
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
  g_signal_connect (self, "notify::editable", G_CALLBACK (on_editable_changed_cb), NULL);
  self->cancellable = g_cancellable_new ();
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

/* Saves what was typed in the store's worker, which waits for another program's
 * lock if it must; "busy" turns FALSE once it is on disk. */
void
rs_notes_panel_save (RsNotesPanel *self)
{
  g_return_if_fail (RS_IS_NOTES_PANEL (self));
  start_save (self);
}

/* TRUE while something typed is not on disk yet (typed, or being saved). */
gboolean
rs_notes_panel_get_busy (RsNotesPanel *self)
{
  g_return_val_if_fail (RS_IS_NOTES_PANEL (self), FALSE);
  return is_busy (self);
}

/* Saves what was typed and not saved yet, now, on this thread, without waiting for
 * another program's lock. On failure the text stays in the editor, the panel says
 * why, and a later save tries again. */
gboolean
rs_notes_panel_flush (RsNotesPanel  *self,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RsNote) draft = NULL;
  g_autofree char *body = NULL;
  gboolean merged = FALSE;
  RsNote *note;

  g_return_val_if_fail (RS_IS_NOTES_PANEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty || self->note_store == NULL)
    return TRUE;

  body = dup_text (self);
  if (self->note == NULL && *body == '\0')
    {
      set_dirty (self, FALSE, self->in_flight);
      return TRUE;
    }

  draft = draft_for_save (self, body);
  self->saving = TRUE;
  note = rs_case_store_save_note (self->note_store, draft, self->base, &merged, &local_error);
  self->saving = FALSE;

  show_error (self, local_error);
  if (note == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_dirty (self, FALSE, self->in_flight);
  take_saved_note (self, note, body, merged);
  return TRUE;
}
