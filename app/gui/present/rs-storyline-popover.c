/* rs-storyline-popover.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-storyline-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-storyline-popover.h"
#include "rs-window.h"

/* The storyline as a list: one row per view, in order — a drag handle, its number, its
 * caption (edited in place, Enter applies) and Delete. Rows are reordered by dragging
 * one onto another: the view takes that row's place. Every edit is a command of the
 * store, so the window's Undo takes it back. */

struct _RsStorylinePopover
{
  GtkPopover parent_instance;

  /* Owned */
  RsCaseStore *store;
  RsCase      *kase;        /* the store's case when connected: a reload makes another */

  /* Borrowed (children) */
  GtkListBox  *list;

  gulong       changes_id;
  gulong       reloaded_id;
  guint        rebuild_id;
  gboolean     editable;    /* FALSE in a locked window: captions, deletion, order fixed */
};

G_DEFINE_FINAL_TYPE (RsStorylinePopover, rs_storyline_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (RsStorylinePopover *self);

static void
report (RsStorylinePopover *self,
        const GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (error != NULL && RS_IS_WINDOW (root))
    rs_window_show_toast (RS_WINDOW (root), error->message);
}

gboolean
rs_storyline_popover_get_editable (RsStorylinePopover *self)
{
  g_return_val_if_fail (RS_IS_STORYLINE_POPOVER (self), FALSE);
  return self->editable;
}

/* A locked window shows its storyline as it is: no caption edits, deletions or moves. */
void
rs_storyline_popover_set_editable (RsStorylinePopover *self,
                                   gboolean            editable)
{
  g_return_if_fail (RS_IS_STORYLINE_POPOVER (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  rebuild (self);
}

gboolean
rs_storyline_popover_move (RsStorylinePopover  *self,
                           gint64               view_id,
                           guint                position,
                           GError             **error)
{
  g_autoptr(RsChange) change = NULL;

  g_return_val_if_fail (RS_IS_STORYLINE_POPOVER (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  change = rs_case_edit_move_story_view (self->store, view_id, position, error);
  return change != NULL;
}

static gint64
row_view_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "rs-view-id");

  return id != NULL ? *id : 0;
}

static void
on_caption_activate_cb (GtkEntry           *entry,
                        RsStorylinePopover *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  RsStoryView *view;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->store == NULL || row == NULL)
    return;
  view = rs_case_lookup_story_view (rs_case_store_get_case (self->store), row_view_id (row));
  if (view == NULL || g_strcmp0 (text, rs_story_view_get_caption (view)) == 0)
    return;
  if (!(change = rs_case_edit_set_story_caption (self->store, rs_story_view_get_id (view), text,
                                                 &error)))
    report (self, error);
}

static void
on_delete_clicked_cb (GtkButton          *button,
                      RsStorylinePopover *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || row == NULL)
    return;
  if (!(change = rs_case_edit_delete_story_view (self->store, row_view_id (row), &error)))
    report (self, error);
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkWidget     *row)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, row_view_id (row));
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkWidget     *row)
{
  RsStorylinePopover *self =
    RS_STORYLINE_POPOVER (gtk_widget_get_ancestor (row, RS_TYPE_STORYLINE_POPOVER));
  g_autoptr(GError) error = NULL;
  gint64 id = g_value_get_int64 (value);
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (self == NULL || !self->editable || position < 0 || id == row_view_id (row))
    return FALSE;
  if (!rs_storyline_popover_move (self, id, (guint)position, &error))
    {
      report (self, error);
      return FALSE;
    }
  return TRUE;
}

static GtkWidget *
make_row (RsStorylinePopover *self,
          RsStoryView        *view,
          guint               index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *label = gtk_label_new (number);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  gint64 *id = g_new (gint64, 1);

  *id = rs_story_view_get_id (view);
  g_object_set_data_full (G_OBJECT (row), "rs-view-id", id, g_free);

  gtk_widget_set_tooltip_text (handle, _("Drag to move this view"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (label), 2);
  gtk_editable_set_text (GTK_EDITABLE (entry), rs_story_view_get_caption (view));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Caption"));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Caption"), -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_caption_activate_cb), self);
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
  gtk_widget_set_sensitive (remove, self->editable);
  gtk_widget_set_visible (handle, self->editable);
  gtk_widget_set_tooltip_text (remove, _("Delete this view"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_delete_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), handle);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* Dragged by the handle (the entry keeps its own text drags). */
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), row);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  return row;
}

static void
rebuild (RsStorylinePopover *self)
{
  g_autoptr(GPtrArray) views = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->store == NULL)
    return;

  views = rs_case_dup_story_views (rs_case_store_get_case (self->store));
  for (guint i = 0; i < views->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (views, i), i));
}

static gboolean
rebuild_cb (gpointer user_data)
{
  RsStorylinePopover *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Rebuilt when idle: a drop or an Enter that made the change is still running in the
 * row it would remove. */
static void
on_case_changes_cb (RsCase             *kase,
                    RsCaseChanges      *changes,
                    RsStorylinePopover *self)
{
  if ((rs_case_changes_get_added (changes, RS_TYPE_STORY_VIEW)->len > 0 ||
       rs_case_changes_get_changed (changes, RS_TYPE_STORY_VIEW)->len > 0 ||
       rs_case_changes_get_removed (changes, RS_TYPE_STORY_VIEW)->len > 0 ||
       rs_case_changes_is_empty (changes)) && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
watch_case (RsStorylinePopover *self)
{
  if (self->kase != NULL)
    g_clear_signal_handler (&self->changes_id, self->kase);
  g_clear_object (&self->kase);
  if (self->store != NULL)
    {
      self->kase = g_object_ref (rs_case_store_get_case (self->store));
      self->changes_id = g_signal_connect (self->kase, "changes",
                                           G_CALLBACK (on_case_changes_cb), self);
    }
}

static void
on_store_reloaded_cb (RsStorylinePopover *self,
                      RsCaseStore        *store)
{
  watch_case (self);
  rebuild (self);
}

static void
rs_storyline_popover_dispose (GObject *object)
{
  RsStorylinePopover *self = (RsStorylinePopover *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->reloaded_id, self->store);
  g_clear_object (&self->store);
  watch_case (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  G_OBJECT_CLASS (rs_storyline_popover_parent_class)->dispose (object);
}

static void
rs_storyline_popover_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RsStorylinePopover *self = RS_STORYLINE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_storyline_popover_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RsStorylinePopover *self = RS_STORYLINE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rs_storyline_popover_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_storyline_popover_class_init (RsStorylinePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_storyline_popover_dispose;
  object_class->get_property = rs_storyline_popover_get_property;
  object_class->set_property = rs_storyline_popover_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkWidget *
action_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
rs_storyline_popover_init (RsStorylinePopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (_("Storyline"));

  self->editable = TRUE;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("No views yet. Frame the board, select what to "
                                            "point at, and capture a view (Ctrl+Alt+S)."));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *present = action_button (_("_Present"), "win.present");

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (placeholder), 36);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_widget_set_size_request (scrolled, 360, -1);

  gtk_widget_add_css_class (present, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Capture View"), "win.capture-view"));
  gtk_box_append (GTK_BOX (buttons), present);
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Timeline"), "win.present-timeline"));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Hand-outs…"), "win.export-storyline"));

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_popover_set_child (GTK_POPOVER (self), box);
}

GtkWidget *
rs_storyline_popover_new (void)
{
  return g_object_new (RS_TYPE_STORYLINE_POPOVER, NULL);
}

RsCaseStore *
rs_storyline_popover_get_store (RsStorylinePopover *self)
{
  g_return_val_if_fail (RS_IS_STORYLINE_POPOVER (self), NULL);
  return self->store;
}

void
rs_storyline_popover_set_store (RsStorylinePopover *self,
                                RsCaseStore        *store)
{
  g_return_if_fail (RS_IS_STORYLINE_POPOVER (self));
  g_return_if_fail (store == NULL || RS_IS_CASE_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->reloaded_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->reloaded_id = g_signal_connect_swapped (store, "reloaded",
                                                  G_CALLBACK (on_store_reloaded_cb), self);
  watch_case (self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GtkListBox *
rs_storyline_popover_get_list (RsStorylinePopover *self)
{
  g_return_val_if_fail (RS_IS_STORYLINE_POPOVER (self), NULL);
  return self->list;
}
