/* rs-board-painter-review.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "rs-board-painter-private.h"

/* Review marks (issue 20), drawn over a node or beside an edge's label: a challenged
 * claim gets a red dashed ring and a "?" disc, an accepted one a green check disc, and
 * a claim with open comments a blue speech badge with their count. The colours are
 * GNOME's palette red, green and blue, legible on the light and the dark board alike;
 * the legend explains them. */

static const RsBoardColor challenged_color = { 0.878, 0.106, 0.141, 1 };   /* #e01b24 */
static const RsBoardColor accepted_color = { 0.180, 0.761, 0.494, 1 };     /* #2ec27e */
static const RsBoardColor comment_color = { 0.208, 0.518, 0.894, 1 };      /* #3584e4 */
static const RsBoardColor mark_ink = { 1, 1, 1, 1 };

#define MARK_RADIUS 8.0

/* A disc with "?" (challenged) or a check (accepted) centred at (@cx, @cy). */
static void
draw_state_disc (RsBoardPaint  *p,
                 RsReviewState  state,
                 double         cx,
                 double         cy,
                 double         alpha)
{
  cairo_t *cr = p->cr;

  if (state == RS_REVIEW_STATE_UNREVIEWED)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, MARK_RADIUS, 0, 2 * G_PI);
  rs_board_color_set_source (cr, state == RS_REVIEW_STATE_CHALLENGED ? &challenged_color
                                                                     : &accepted_color, alpha);
  cairo_fill (cr);

  rs_board_color_set_source (cr, &mark_ink, alpha);
  if (state == RS_REVIEW_STATE_ACCEPTED)
    {
      cairo_set_line_width (cr, 2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, cx - 3.5, cy + 0.2);
      cairo_line_to (cr, cx - 1, cy + 2.8);
      cairo_line_to (cr, cx + 3.8, cy - 2.8);
      cairo_stroke (cr);
    }
  else
    {
      g_autoptr(PangoLayout) layout = NULL;
      double tw, th;

      layout = _rs_board_paint_layout (p, RS_BOARD_FONT_BADGE, "?", -1, &tw, &th);
      cairo_move_to (cr, cx - tw / 2, cy - th / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

/* A speech badge: a rounded box with a tail, the count inside. */
static void
draw_comment_badge (RsBoardPaint *p,
                    guint         count,
                    double        cx,
                    double        cy,
                    double        alpha)
{
  cairo_t *cr = p->cr;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = count > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", count);
  double tw, th, w, h = 2 * MARK_RADIUS;

  layout = _rs_board_paint_layout (p, RS_BOARD_FONT_BADGE, text, -1, &tw, &th);
  w = MAX (h, tw + 8);

  cairo_new_path (cr);
  _rs_board_rounded_rect (cr, cx - w / 2, cy - h / 2, w, h, 4);
  cairo_move_to (cr, cx - w / 2 + 3, cy + h / 2 - 1);
  cairo_line_to (cr, cx - w / 2 + 2, cy + h / 2 + 4);
  cairo_line_to (cr, cx - w / 2 + 8, cy + h / 2 - 1);
  cairo_close_path (cr);
  rs_board_color_set_source (cr, &comment_color, alpha);
  cairo_fill (cr);

  rs_board_color_set_source (cr, &mark_ink, alpha);
  cairo_move_to (cr, cx - tw / 2, cy - th / 2);
  pango_cairo_show_layout (cr, layout);
}

void
_rs_board_draw_node_review (RsBoardPaint      *p,
                            const RsBoardNode *node,
                            double             alpha)
{
  cairo_t *cr = p->cr;
  double x0 = node->x - node->width / 2;
  double y0 = node->y - node->height / 2;

  if (node->review == RS_REVIEW_STATE_UNREVIEWED && node->n_open_comments == 0)
    return;

  cairo_save (cr);
  if (node->review == RS_REVIEW_STATE_CHALLENGED)
    {
      static const double dashes[] = { 5, 3 };

      cairo_new_path (cr);
      _rs_board_rounded_rect (cr, x0 - 7, y0 - 7, node->width + 14, node->height + 14, 10);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, MAX (2, 2 * p->px));
      rs_board_color_set_source (cr, &challenged_color, alpha);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  if (p->lod <= RS_BOARD_LOD_NO_EDGE_LABELS)
    {
      draw_state_disc (p, node->review, x0 - 1, y0 - 1, alpha);
      if (node->n_open_comments > 0)
        draw_comment_badge (p, node->n_open_comments, x0 + node->width - 2,
                            y0 + node->height - 1, alpha);
    }
  cairo_restore (cr);
}

void
_rs_board_draw_edge_review (RsBoardPaint      *p,
                            const RsBoardEdge *edge,
                            double             alpha)
{
  double left = edge->label_x - MAX (edge->label_width, 2 * RS_BOARD_BADGE_RADIUS) / 2;
  double right = edge->label_x + MAX (edge->label_width, 2 * RS_BOARD_BADGE_RADIUS) / 2;

  if (edge->review == RS_REVIEW_STATE_UNREVIEWED && edge->n_open_comments == 0)
    return;

  cairo_save (p->cr);
  draw_state_disc (p, edge->review, left - MARK_RADIUS - 2, edge->label_y, alpha);
  if (edge->n_open_comments > 0)
    draw_comment_badge (p, edge->n_open_comments, right + MARK_RADIUS + 4, edge->label_y, alpha);
  cairo_restore (p->cr);
}

/* The legend's swatches: 0 challenged, 1 accepted, 2 open comments. */
void
_rs_board_draw_review_swatch (RsBoardPaint *p,
                              guint         which,
                              double        cx,
                              double        cy)
{
  cairo_save (p->cr);
  if (which == 0)
    {
      static const double dashes[] = { 3, 2 };

      cairo_new_path (p->cr);
      _rs_board_rounded_rect (p->cr, cx - 12, cy - 5.5, 24, 11, 4);
      cairo_set_dash (p->cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (p->cr, 1.5);
      rs_board_color_set_source (p->cr, &challenged_color, 1);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      draw_state_disc (p, RS_REVIEW_STATE_CHALLENGED, cx - 12, cy - 4, 1);
    }
  else if (which == 1)
    draw_state_disc (p, RS_REVIEW_STATE_ACCEPTED, cx, cy, 1);
  else
    draw_comment_badge (p, 2, cx, cy - 1, 1);
  cairo_restore (p->cr);
}
