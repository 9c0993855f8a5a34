/* rs-board-view-link.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-view"

#include "config.h"

#include <math.h>

#include "rs-board-view-private.h"

/* Drawing a relation by hand: a red string pulled from one node to another.
 *
 * A hovered node shows a knob on its right edge; dragging the knob (or Shift+dragging the
 * node itself) stretches a string from the node's centre to the pointer, the node under
 * the pointer lights up, and releasing there emits ::link-requested for the window to
 * ask for the label and status. Released anywhere else, or on Escape, nothing happens:
 * the board writes nothing itself. */

#define KNOB_RADIUS     5.0
#define KNOB_HIT_RADIUS 9.0
/* Below this on-screen width a node is a dot or a small shape: no knob to aim at. */
#define KNOB_MIN_NODE_WIDTH 28.0

static gboolean
can_link (RsBoardView *self)
{
  return self->store != NULL && self->scene != NULL && !self->locked &&
         !rs_case_store_is_read_only (self->store);
}

/* Where @entity_id's knob is, in widget coordinates, when it shows. */
gboolean
_rs_board_view_get_link_knob (RsBoardView *self,
                              gint64       entity_id,
                              double      *widget_x,
                              double      *widget_y)
{
  const RsBoardNode *node;
  double x, y;
  guint index;

  if (entity_id == 0 || !can_link (self) ||
      !rs_board_scene_lookup_node (self->scene, entity_id, &index))
    return FALSE;

  node = rs_board_scene_get_node (self->scene, index);
  if ((node->flags & (RS_BOARD_ITEM_NOT_DRAWN | RS_BOARD_ITEM_DIMMED)) != 0 ||
      node->width * self->viewport.scale < KNOB_MIN_NODE_WIDTH)
    return FALSE;

  rs_board_viewport_to_widget (&self->viewport, node->x + node->width / 2.0, node->y, &x, &y);
  if (widget_x != NULL)
    *widget_x = x;
  if (widget_y != NULL)
    *widget_y = y;
  return TRUE;
}

/* The node whose knob is under (x, y), if any: only the hovered node shows one. */
gint64
_rs_board_view_pick_link_knob (RsBoardView *self,
                               double       x,
                               double       y)
{
  double kx, ky;

  if (_rs_board_view_get_link_knob (self, self->hover_node, &kx, &ky) &&
      hypot (x - kx, y - ky) <= KNOB_HIT_RADIUS)
    return self->hover_node;
  return 0;
}

void
_rs_board_view_begin_link (RsBoardView *self,
                           gint64       source)
{
  self->drag_mode = RS_BOARD_DRAG_LINK;
  self->link_source = source;
  self->link_target = 0;
  self->link_x = self->drag_start_x;
  self->link_y = self->drag_start_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_rs_board_view_update_link (RsBoardView *self,
                            double       x,
                            double       y)
{
  RsTarget target;
  gint64 id;

  self->link_x = x;
  self->link_y = y;
  self->link_target = 0;
  if (rs_board_view_pick (self, x, y, &target, &id) && target == RS_TARGET_ENTITY &&
      id != self->link_source)
    self->link_target = id;

  /* The node the string would land on lights up as a hovered one does. */
  _rs_board_view_set_hover (self, self->link_target != 0 ? self->link_target : self->link_source,
                            0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_rs_board_view_cancel_link (RsBoardView *self)
{
  if (self->drag_mode != RS_BOARD_DRAG_LINK)
    return;
  self->drag_mode = RS_BOARD_DRAG_NONE;
  self->link_source = self->link_target = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_rs_board_view_finish_link (RsBoardView *self)
{
  gint64 source = self->link_source, target = self->link_target;
  double x = self->link_x, y = self->link_y;

  _rs_board_view_cancel_link (self);
  if (source != 0 && target != 0 && source != target)
    _rs_board_view_emit_link_requested (self, source, target, x, y);
}

static void
append_knob (GtkSnapshot        *snapshot,
             const RsBoardColor *fill,
             const RsBoardColor *ring,
             double              x,
             double              y)
{
  GskRoundedRect outline;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x - KNOB_RADIUS, y - KNOB_RADIUS, 2 * KNOB_RADIUS,
                                             2 * KNOB_RADIUS);
  GdkRGBA fill_rgba = { fill->red, fill->green, fill->blue, 1 };
  GdkRGBA ring_rgba = { ring->red, ring->green, ring->blue, 1 };
  float widths[4] = { 1.5, 1.5, 1.5, 1.5 };
  GdkRGBA colors[4] = { ring_rgba, ring_rgba, ring_rgba, ring_rgba };

  gsk_rounded_rect_init_from_rect (&outline, &rect, KNOB_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fill_rgba, &rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* The knob of the hovered node, or the string being pulled. */
void
_rs_board_view_snapshot_link (RsBoardView *self,
                              GtkSnapshot *snapshot)
{
  const RsBoardColor *red = rs_board_style_get_color (self->style, RS_BOARD_COLOR_STRING);
  const RsBoardColor *bg = rs_board_style_get_color (self->style, RS_BOARD_COLOR_BACKGROUND);
  double sx, sy, ex, ey;
  cairo_t *cr;

  if (self->drag_mode != RS_BOARD_DRAG_LINK)
    {
      if (self->drag_mode == RS_BOARD_DRAG_NONE &&
          _rs_board_view_get_link_knob (self, self->hover_node, &sx, &sy))
        append_knob (snapshot, red, bg, sx, sy);
      return;
    }

  if (!rs_board_view_get_node_position (self, self->link_source, &sx, &sy))
    return;
  if (self->link_target == 0 ||
      !rs_board_view_get_node_position (self, self->link_target, &ex, &ey))
    {
      ex = self->link_x;
      ey = self->link_y;
    }

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (MIN (sx, ex) - 8, MIN (sy, ey) - 8,
                                                       fabs (ex - sx) + 16, fabs (ey - sy) + 16));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 2.5);
  cairo_set_source_rgba (cr, red->red, red->green, red->blue, 0.9);
  if (self->link_target == 0)
    cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  cairo_move_to (cr, sx, sy);
  cairo_line_to (cr, ex, ey);
  cairo_stroke (cr);
  cairo_destroy (cr);

  append_knob (snapshot, red, bg, ex, ey);
}
