/* rs-board-painter-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "rs-board-painter.h"

G_BEGIN_DECLS

/* Shared by rs-board-painter.c, rs-board-painter-shapes.c and rs-board-painter-legend.c. */

typedef struct
{
  cairo_t      *cr;
  RsBoardScene *scene;
  RsBoardStyle *style;
  double        scale;
  double        px;                 /* one device pixel in board units */
  RsBoardLod    lod;
  RsBoardRect   clip;               /* the board area being painted */
  double        node_label_alpha;
  double        edge_label_alpha;
  PangoContext *pango;
  GCancellable *cancellable;        /* with the scene's pending changes: see below */
  gboolean      cancelled;
} RsBoardPaint;

/* Checked every 64 items: a worker stops soon after it is told to. */
static inline gboolean
_rs_board_paint_cancelled (RsBoardPaint *p,
                           guint         i)
{
  if ((i & 63) == 0 && !p->cancelled && p->cancellable != NULL)
    p->cancelled = g_cancellable_is_cancelled (p->cancellable) ||
                   rs_board_scene_get_change_pending (p->scene);
  return p->cancelled;
}


void         _rs_board_paint_init     (RsBoardPaint                    *p,
                                       cairo_t                  *cr,
                                       RsBoardScene             *scene,
                                       RsBoardStyle             *style,
                                       const RsBoardPaintParams *params);
void         _rs_board_stroke_clipped (RsBoardPaint             *p,
                                       const double             *points,
                                       guint                     n_points,
                                       double                    margin,
                                       const double             *dashes,
                                       guint                     n_dashes);
void         _rs_board_draw_dots      (RsBoardPaint             *p,
                                       GArray                   *nodes,
                                       GArray                   *edges,
                                       gboolean                  skip_floating);
void         _rs_board_paint_finish   (RsBoardPaint                    *p);
PangoLayout *_rs_board_paint_layout   (RsBoardPaint                    *p,
                                       RsBoardFont               font,
                                       const char               *text,
                                       double                    max_width,
                                       double                   *text_width,
                                       double                   *text_height);
void         _rs_board_draw_badge     (RsBoardPaint                    *p,
                                       double                    cx,
                                       double                    cy,
                                       guint                     count,
                                       double                    alpha);

void         _rs_board_rounded_rect   (cairo_t                  *cr,
                                       double                    x,
                                       double                    y,
                                       double                    w,
                                       double                    h,
                                       double                    r);
void         _rs_board_shape_details  (cairo_t                  *cr,
                                       RsBoardShape              shape,
                                       double                    x,
                                       double                    y,
                                       double                    width,
                                       double                    height,
                                       const RsBoardColor       *stroke,
                                       double                    alpha);
void         _rs_board_draw_glyph     (cairo_t                  *cr,
                                       RsEntityKind              kind,
                                       double                    cx,
                                       double                    cy,
                                       const RsBoardColor       *ink,
                                       const RsBoardColor       *paper,
                                       double                    alpha);
void         _rs_board_draw_pin       (cairo_t                  *cr,
                                       double                    cx,
                                       double                    cy,
                                       const RsBoardColor       *ink,
                                       const RsBoardColor       *paper,
                                       double                    alpha);

/* rs-board-painter-review.c (issue 20) */
void         _rs_board_draw_node_review (RsBoardPaint            *p,
                                         const RsBoardNode       *node,
                                         double                   alpha);
void         _rs_board_draw_edge_review (RsBoardPaint            *p,
                                         const RsBoardEdge       *edge,
                                         double                   alpha);
void         _rs_board_draw_review_swatch (RsBoardPaint          *p,
                                           guint                  which,
                                           double                 cx,
                                           double                 cy);

G_END_DECLS
