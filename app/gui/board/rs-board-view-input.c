/* rs-board-view-input.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-view"

#include "config.h"

#include <math.h>

#include "rs-board-view-private.h"

/* Pointer, touch and keyboard on the board.
 *
 * - click selects, ctrl-click toggles, a click on the background clears (on release, so a
 *   pan does not clear), double-click emits activate-item;
 * - dragging a node moves and pins it; dragging the background pans it, or draws a
 *   rubber band with shift (ctrl adds to the selection); dragging a hovered node's knob,
 *   or a node with shift, draws a relation (rs-board-view-link.c);
 * - scroll pans, ctrl+scroll and pinch zoom around the pointer;
 * - arrows and Tab move a focus ring between shown nodes, Space selects the focused node,
 *   Enter opens it (bindings in rs-board-view-actions.c). */

#define DRAG_THRESHOLD 4.0
#define WHEEL_STEP     48.0

static GdkModifierType
current_modifiers (GtkEventController *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (controller);

  return state & gtk_accelerator_get_default_mod_mask ();
}

void
_rs_board_view_set_hover (RsBoardView *self,
                          gint64       node,
                          gint64       edge)
{
  if (self->hover_node == node && self->hover_edge == edge)
    return;

  self->hover_node = node;
  self->hover_edge = edge;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Press of a click: select what is under the pointer; a double-click opens it. */
void
_rs_board_view_click (RsBoardView     *self,
                      double           widget_x,
                      double           widget_y,
                      int              n_press,
                      GdkModifierType  modifiers)
{
  RsTarget target;
  gint64 id;

  if (!rs_board_view_pick (self, widget_x, widget_y, &target, &id))
    return;

  if (target == RS_TARGET_ENTITY)
    _rs_board_view_set_focus_node (self, id, FALSE);

  if (self->selection == NULL)
    {
      if (n_press == 2)
        _rs_board_view_emit_activate_item (self, target, id);
      return;
    }

  if (n_press >= 2)
    {
      if (!rs_selection_contains (self->selection, target, id))
        rs_selection_select (self->selection, target, id);
      _rs_board_view_emit_activate_item (self, target, id);
    }
  else if (modifiers & GDK_CONTROL_MASK)
    rs_selection_toggle (self->selection, target, id);
  else if (!rs_selection_contains (self->selection, target, id) ||
           rs_selection_get_n_items (self->selection) == 1)
    rs_selection_select (self->selection, target, id);
}

/* Release of a click that did not move: on the background it clears the selection. */
void
_rs_board_view_release (RsBoardView     *self,
                        double           widget_x,
                        double           widget_y,
                        GdkModifierType  modifiers)
{
  RsTarget target;
  gint64 id;

  if (rs_board_view_pick (self, widget_x, widget_y, &target, &id))
    {
      /* A plain click on an item of a multi-selection narrows it to that item. */
      if (self->selection != NULL && (modifiers & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0 &&
          rs_selection_get_n_items (self->selection) > 1 &&
          rs_selection_contains (self->selection, target, id))
        rs_selection_select (self->selection, target, id);
      return;
    }

  if (self->selection != NULL && (modifiers & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
    rs_selection_clear (self->selection);
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     RsBoardView     *self)
{
  if (gtk_widget_get_focusable (GTK_WIDGET (self)) && !gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  _rs_board_view_click (self, x, y, n_press, current_modifiers (GTK_EVENT_CONTROLLER (gesture)));
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      RsBoardView     *self)
{
  if (n_press == 1 && !self->drag_moved)
    _rs_board_view_release (self, x, y, current_modifiers (GTK_EVENT_CONTROLLER (gesture)));
}

/* Dragging -------------------------------------------------------------------------------- */

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  RsBoardView    *self)
{
  GdkModifierType modifiers = current_modifiers (GTK_EVENT_CONTROLLER (gesture));
  RsTarget target;
  gint64 id;
  guint index;

  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_moved = FALSE;

  if ((id = _rs_board_view_pick_link_knob (self, x, y)) != 0)
    _rs_board_view_begin_link (self, id);
  else if ((modifiers & GDK_SHIFT_MASK) && self->scene != NULL &&
           rs_board_view_pick (self, x, y, &target, &id) && target == RS_TARGET_ENTITY &&
           _rs_board_view_get_link_knob (self, id, NULL, NULL))
    _rs_board_view_begin_link (self, id);
  else if (self->scene != NULL && rs_board_view_pick (self, x, y, &target, &id) &&
      target == RS_TARGET_ENTITY && self->store != NULL && !self->locked &&
      rs_board_scene_lookup_node (self->scene, id, &index))
    {
      const RsBoardNode *node = rs_board_scene_get_node (self->scene, index);

      self->drag_mode = RS_BOARD_DRAG_MOVE;
      self->drag_node = index;
      self->drag_origin_x = node->x;
      self->drag_origin_y = node->y;
    }
  else if (modifiers & GDK_SHIFT_MASK)
    {
      self->drag_mode = RS_BOARD_DRAG_RUBBER_BAND;
      self->rubber_band = (RsBoardRect) { x, y, 0, 0 };
    }
  else
    {
      self->drag_mode = RS_BOARD_DRAG_PAN;
      self->drag_origin_x = self->viewport.x;
      self->drag_origin_y = self->viewport.y;
    }
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          offset_x,
                   double          offset_y,
                   RsBoardView    *self)
{
  if (self->drag_mode == RS_BOARD_DRAG_NONE)
    return;

  if (!self->drag_moved && hypot (offset_x, offset_y) < DRAG_THRESHOLD)
    return;

  if (!self->drag_moved)
    {
      self->drag_moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  switch (self->drag_mode)
    {
    case RS_BOARD_DRAG_MOVE:
      {
        gboolean first = !(rs_board_scene_get_node (self->scene, self->drag_node)->flags &
                           RS_BOARD_ITEM_FLOATING);

        rs_board_scene_move_node (self->scene, self->drag_node,
                                  self->drag_origin_x + offset_x / self->viewport.scale,
                                  self->drag_origin_y + offset_y / self->viewport.scale);
        /* Once: repaint the picture without the node, which is now drawn live. */
        if (first)
          _rs_board_view_invalidate (self);
        else
          gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case RS_BOARD_DRAG_PAN:
      {
        RsBoardViewport vp = self->viewport;

        vp.x = self->drag_origin_x - offset_x / vp.scale;
        vp.y = self->drag_origin_y - offset_y / vp.scale;
        self->auto_view = RS_BOARD_AUTO_VIEW_NONE;
        _rs_board_view_set_viewport (self, &vp);
      }
      break;

    case RS_BOARD_DRAG_RUBBER_BAND:
      rs_board_rect_normalize (&self->rubber_band, self->drag_start_x, self->drag_start_y,
                               self->drag_start_x + offset_x, self->drag_start_y + offset_y);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case RS_BOARD_DRAG_LINK:
      _rs_board_view_update_link (self, self->drag_start_x + offset_x,
                                  self->drag_start_y + offset_y);
      break;

    case RS_BOARD_DRAG_NONE:
    default:
      break;
    }
}

static void
finish_move (RsBoardView *self)
{
  const RsBoardNode *node = rs_board_scene_get_node (self->scene, self->drag_node);
  RsNodePlacement placement = { node->id, node->x, node->y, TRUE };
  g_autoptr(GArray) edges = g_array_new (FALSE, TRUE, sizeof (RsEdgePlacement));
  g_autoptr(GError) error = NULL;
  const guint *adjacent;
  guint n_adjacent;

  /* Its edges lose their routes and draw straight until the next layout. */
  adjacent = rs_board_scene_get_node_edges (self->scene, self->drag_node, &n_adjacent);
  for (guint k = 0; k < n_adjacent; k++)
    {
      RsEdgePlacement edge = { rs_board_scene_get_edge (self->scene, adjacent[k])->id, NULL, FALSE,
                              0, 0 };

      g_array_append_val (edges, edge);
    }

  self->drag_mode = RS_BOARD_DRAG_NONE;

  /* On success the case changes and the scene follows the node and its edges in place;
   * on failure rebuild, which puts the node back. */
  if (!rs_case_store_set_board (self->store, &placement, 1,
                                (const RsEdgePlacement *)(gpointer)edges->data, edges->len, &error))
    {
      g_debug ("Could not save the node’s position: %s", error->message);
      _rs_board_view_rebuild (self);
    }
}

static void
finish_rubber_band (RsBoardView     *self,
                    GdkModifierType  modifiers)
{
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RsBoardRect rect;
  double x1, y1, x2, y2;

  self->drag_mode = RS_BOARD_DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->selection == NULL || self->scene == NULL)
    return;

  rs_board_viewport_to_board (&self->viewport, self->rubber_band.x, self->rubber_band.y, &x1, &y1);
  rs_board_viewport_to_board (&self->viewport, self->rubber_band.x + self->rubber_band.width,
                              self->rubber_band.y + self->rubber_band.height, &x2, &y2);
  rs_board_rect_normalize (&rect, x1, y1, x2, y2);
  rs_board_pick_rect (self->scene, &rect, picked);

  for (guint i = 0; i < picked->len; i++)
    {
      gint64 id = rs_board_scene_get_node (self->scene, g_array_index (picked, guint, i))->id;

      if (modifiers & GDK_CONTROL_MASK)
        rs_selection_add (self->selection, RS_TARGET_ENTITY, id);
      else
        g_array_append_val (ids, id);
    }

  if ((modifiers & GDK_CONTROL_MASK) == 0)
    {
      if (ids->len > 0)
        rs_selection_select_many (self->selection, RS_TARGET_ENTITY,
                                  (const gint64 *)(gpointer)ids->data,
                                  ids->len);
      else
        rs_selection_clear (self->selection);
    }
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                RsBoardView    *self)
{
  RsBoardDragMode mode = self->drag_mode;

  if (!self->drag_moved)
    {
      _rs_board_view_cancel_link (self);
      self->drag_mode = RS_BOARD_DRAG_NONE;
      return;
    }

  switch (mode)
    {
    case RS_BOARD_DRAG_MOVE:
      finish_move (self);
      break;

    case RS_BOARD_DRAG_RUBBER_BAND:
      finish_rubber_band (self, current_modifiers (GTK_EVENT_CONTROLLER (gesture)));
      break;

    case RS_BOARD_DRAG_LINK:
      _rs_board_view_finish_link (self);
      break;

    case RS_BOARD_DRAG_PAN:
    case RS_BOARD_DRAG_NONE:
    default:
      self->drag_mode = RS_BOARD_DRAG_NONE;
      break;
    }
}

static void
on_drag_cancel_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   RsBoardView      *self)
{
  if (self->drag_mode == RS_BOARD_DRAG_MOVE && self->drag_moved)
    {
      /* Put the node back where the case has it. */
      self->drag_mode = RS_BOARD_DRAG_NONE;
      _rs_board_view_rebuild (self);
    }
  _rs_board_view_cancel_link (self);
  self->drag_mode = RS_BOARD_DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Hover, scroll, pinch ---------------------------------------------------------------------- */

static void
update_hover (RsBoardView *self,
              double       x,
              double       y)
{
  RsTarget target;
  gint64 id;

  self->pointer_x = x;
  self->pointer_y = y;

  if (self->drag_mode != RS_BOARD_DRAG_NONE)
    return;

  /* The knob sits half outside its node: keep the node hovered while over it. */
  if (_rs_board_view_pick_link_knob (self, x, y) != 0)
    return;

  if (rs_board_view_pick (self, x, y, &target, &id))
    _rs_board_view_set_hover (self, target == RS_TARGET_ENTITY ? id : 0,
                              target == RS_TARGET_RELATION ? id : 0);
  else
    _rs_board_view_set_hover (self, 0, 0);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              RsBoardView              *self)
{
  update_hover (self, x, y);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             RsBoardView              *self)
{
  _rs_board_view_set_hover (self, 0, 0);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              RsBoardView              *self)
{
  GdkModifierType modifiers = current_modifiers (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (modifiers & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (1.15, -dy) : exp (-dy * 0.01);

      _rs_board_view_zoom_at (self, rs_board_view_get_zoom (self) * factor,
                              self->pointer_x, self->pointer_y);
      return TRUE;
    }

  if (wheel)
    {
      dx *= WHEEL_STEP;
      dy *= WHEEL_STEP;
    }
  if ((modifiers & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  _rs_board_view_pan_by (self, dx, dy);
  return TRUE;
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  RsBoardView      *self)
{
  self->zoom_gesture_scale = rs_board_view_get_zoom (self);
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom *gesture,
                          double          scale,
                          RsBoardView    *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  _rs_board_view_zoom_at (self, self->zoom_gesture_scale * scale, x, y);
}

/* Keyboard focus ----------------------------------------------------------------------------- */

/* Arrows: to the nearest shown node that way; from nothing, to the node nearest the
 * middle of the view. */
void
_rs_board_view_move_focus (RsBoardView *self,
                           double       dx,
                           double       dy)
{
  guint from, next;

  if (self->scene == NULL)
    return;

  if (self->focus_node == 0 || !rs_board_scene_lookup_node (self->scene, self->focus_node, &from))
    {
      double cx, cy, best = G_MAXDOUBLE;
      guint best_index = G_MAXUINT;

      rs_board_viewport_to_board (&self->viewport, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                  gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, &cx, &cy);
      for (guint i = 0; i < rs_board_scene_get_n_nodes (self->scene); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (self->scene, i);
          double d = hypot (node->x - cx, node->y - cy);

          if ((node->flags & (RS_BOARD_ITEM_NOT_DRAWN | RS_BOARD_ITEM_DIMMED)) == 0 && d < best)
            {
              best = d;
              best_index = i;
            }
        }
      if (best_index != G_MAXUINT)
        _rs_board_view_set_focus_node (self, rs_board_scene_get_node (self->scene, best_index)->id,
                                       TRUE);
      return;
    }

  if (rs_board_find_node_in_direction (self->scene, from, dx, dy, &next))
    _rs_board_view_set_focus_node (self, rs_board_scene_get_node (self->scene, next)->id, TRUE);
  else
    _rs_board_view_set_focus_node (self, self->focus_node, TRUE);
}

/* Enter: open the focused node, or else the primary selection. */
void
_rs_board_view_activate_focus (RsBoardView *self)
{
  RsTarget target;
  gint64 id;

  if (self->focus_node != 0)
    {
      if (self->selection != NULL &&
          !rs_selection_contains (self->selection, RS_TARGET_ENTITY, self->focus_node))
        rs_selection_select (self->selection, RS_TARGET_ENTITY, self->focus_node);
      _rs_board_view_emit_activate_item (self, RS_TARGET_ENTITY, self->focus_node);
    }
  else if (self->selection != NULL && rs_selection_get_primary (self->selection, &target, &id))
    _rs_board_view_emit_activate_item (self, target, id);
}

void
_rs_board_view_init_input (RsBoardView *self)
{
  GtkGesture *click, *drag, *zoom;
  GtkEventController *motion, *scroll;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}
