/* rs-board-view-actions.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-view"

#include "config.h"

#include "rs-board-view-private.h"

/* board.* actions and their shortcuts, and the key bindings for keyboard focus. */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);

  rs_board_view_set_zoom (self, rs_board_view_get_zoom (self) * RS_BOARD_VIEW_ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);

  rs_board_view_set_zoom (self, rs_board_view_get_zoom (self) / RS_BOARD_VIEW_ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  rs_board_view_zoom_to_fit (RS_BOARD_VIEW (widget));
}

static void
zoom_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  rs_board_view_zoom_to_selection (RS_BOARD_VIEW (widget));
}

static void
relayout_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  rs_board_view_relayout (RS_BOARD_VIEW (widget));
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);

  if (self->selection != NULL)
    rs_selection_clear (self->selection);
}

/* Escape while a relation is being drawn lets go of the string, and nothing else. */
static gboolean
cancel_link_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);

  if (self->drag_mode != RS_BOARD_DRAG_LINK)
    return FALSE;
  _rs_board_view_cancel_link (self);
  return TRUE;
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->selection == NULL || self->scene == NULL)
    return;

  /* Everything the filter shows. */
  for (guint i = 0; i < rs_board_scene_get_n_nodes (self->scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (self->scene, i);

      if ((node->flags & (RS_BOARD_ITEM_NOT_DRAWN | RS_BOARD_ITEM_DIMMED)) == 0)
        g_array_append_val (ids, node->id);
    }
  rs_selection_select_many (self->selection, RS_TARGET_ENTITY, (const gint64 *)(gpointer)ids->data,
                            ids->len);
}

static gboolean
move_focus_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  double dx, dy;

  g_variant_get (args, "(dd)", &dx, &dy);
  _rs_board_view_move_focus (RS_BOARD_VIEW (widget), dx, dy);
  return TRUE;
}

static gboolean
activate_focus_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  _rs_board_view_activate_focus (RS_BOARD_VIEW (widget));
  return TRUE;
}

static gboolean
select_focus_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  RsBoardView *self = RS_BOARD_VIEW (widget);
  gboolean toggle;

  g_variant_get (args, "(b)", &toggle);
  if (self->selection == NULL || self->focus_node == 0)
    return FALSE;

  if (toggle)
    rs_selection_toggle (self->selection, RS_TARGET_ENTITY, self->focus_node);
  else
    rs_selection_select (self->selection, RS_TARGET_ENTITY, self->focus_node);
  return TRUE;
}

void
_rs_board_view_update_actions (RsBoardView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double zoom = rs_board_view_get_zoom (self);
  gboolean has_nodes = self->scene != NULL && rs_board_scene_get_n_nodes (self->scene) > 0;
  gboolean has_selection = self->selection != NULL &&
                           rs_selection_get_n_items (self->selection) > 0;

  gtk_widget_action_set_enabled (widget, "board.zoom-in", zoom < RS_BOARD_VIEW_MAX_ZOOM);
  gtk_widget_action_set_enabled (widget, "board.zoom-out", zoom > RS_BOARD_VIEW_MIN_ZOOM);
  gtk_widget_action_set_enabled (widget, "board.zoom-fit", has_nodes);
  gtk_widget_action_set_enabled (widget, "board.zoom-selection", has_nodes && has_selection);
  gtk_widget_action_set_enabled (widget, "board.relayout", has_nodes && self->store != NULL);
  gtk_widget_action_set_enabled (widget, "board.select-all", has_nodes && self->selection != NULL);
  gtk_widget_action_set_enabled (widget, "board.clear-selection", has_selection);
}

void
_rs_board_view_class_init_actions (GtkWidgetClass *widget_class)
{
  static const struct {
    guint  keyval;
    double dx;
    double dy;
  } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
  };

  gtk_widget_class_install_action (widget_class, "board.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "board.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "board.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "board.zoom-in", NULL);

  gtk_widget_class_install_action (widget_class, "board.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "board.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "board.zoom-out", NULL);

  gtk_widget_class_install_action (widget_class, "board.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "board.zoom-fit",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "board.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "board.zoom-fit", NULL);

  gtk_widget_class_install_action (widget_class, "board.zoom-selection", NULL,
                                   zoom_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "board.zoom-selection", NULL);

  gtk_widget_class_install_action (widget_class, "board.relayout", NULL, relayout_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "board.relayout",
                                       NULL);

  gtk_widget_class_install_action (widget_class, "board.clear-selection", NULL,
                                   clear_selection_action);
  /* Shift too: a string drawn with Shift held is let go of with Shift still down. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, cancel_link_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, GDK_SHIFT_MASK, cancel_link_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board.clear-selection",
                                       NULL);

  gtk_widget_class_install_action (widget_class, "board.select-all", NULL, select_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "board.select-all", NULL);

  gtk_widget_class_install_property_action (widget_class, "board.show-legend", "show-legend");

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding (widget_class, arrows[i].keyval, 0, move_focus_cb, "(dd)",
                                  arrows[i].dx, arrows[i].dy);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_focus_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_focus_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, activate_focus_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, select_focus_cb, "(b)", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, select_focus_cb,
                                "(b)", TRUE);
}
