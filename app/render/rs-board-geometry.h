/* rs-board-geometry.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-board-types.h"

G_BEGIN_DECLS

/* Hit tolerance around edges, in widget pixels. */
#define RS_BOARD_HIT_TOLERANCE 5.0

void     rs_board_viewport_to_widget       (const RsBoardViewport *viewport,
                                            double                 board_x,
                                            double                 board_y,
                                            double                *widget_x,
                                            double                *widget_y);
void     rs_board_viewport_to_board        (const RsBoardViewport *viewport,
                                            double                 widget_x,
                                            double                 widget_y,
                                            double                *board_x,
                                            double                *board_y);
void     rs_board_viewport_get_visible     (const RsBoardViewport *viewport,
                                            double                 width,
                                            double                 height,
                                            RsBoardRect           *visible);
void     rs_board_viewport_zoom_at         (RsBoardViewport       *viewport,
                                            double                 scale,
                                            double                 widget_x,
                                            double                 widget_y);
void     rs_board_viewport_center_on       (RsBoardViewport       *viewport,
                                            double                 board_x,
                                            double                 board_y,
                                            double                 width,
                                            double                 height);
void     rs_board_viewport_fit             (RsBoardViewport       *viewport,
                                            const RsBoardRect     *rect,
                                            double                 width,
                                            double                 height,
                                            double                 margin,
                                            double                 min_scale,
                                            double                 max_scale);

gboolean rs_board_rect_intersects          (const RsBoardRect     *a,
                                            const RsBoardRect     *b);
gboolean rs_board_rect_contains_point      (const RsBoardRect     *rect,
                                            double                 x,
                                            double                 y);
gboolean rs_board_rect_contains_rect       (const RsBoardRect     *outer,
                                            const RsBoardRect     *inner);
void     rs_board_rect_union               (RsBoardRect           *dest,
                                            const RsBoardRect     *src);
void     rs_board_rect_inflate             (RsBoardRect           *rect,
                                            double                 dx,
                                            double                 dy);
void     rs_board_rect_normalize           (RsBoardRect           *rect,
                                            double                 x1,
                                            double                 y1,
                                            double                 x2,
                                            double                 y2);

gboolean rs_board_clip_to_rect             (const RsBoardRect     *rect,
                                            double                 inside_x,
                                            double                 inside_y,
                                            double                 outside_x,
                                            double                 outside_y,
                                            double                *x,
                                            double                *y);
gboolean rs_board_clip_segment             (const RsBoardRect     *rect,
                                            double                *x1,
                                            double                *y1,
                                            double                *x2,
                                            double                *y2,
                                            double                *t1,
                                            double                *t2);
void     rs_board_bezier_split             (const double          *p,
                                            double                 t,
                                            double                *first,
                                            double                *second);
double   rs_board_bezier_length            (const double          *p);
void     rs_board_bezier_point             (const double          *p,
                                            double                 t,
                                            double                *x,
                                            double                *y);
void     rs_board_bezier_tangent           (const double          *p,
                                            double                 t,
                                            double                *dx,
                                            double                *dy);
double   rs_board_distance_to_path         (const double          *points,
                                            guint                  n_points,
                                            double                 x,
                                            double                 y);
double   rs_board_distance_to_segment      (double                 x,
                                            double                 y,
                                            double                 x1,
                                            double                 y1,
                                            double                 x2,
                                            double                 y2);

gboolean rs_board_hit_test                 (RsBoardScene          *scene,
                                            double                 board_x,
                                            double                 board_y,
                                            double                 tolerance,
                                            RsTarget              *target,
                                            gint64                *id);
void     rs_board_pick_rect                (RsBoardScene          *scene,
                                            const RsBoardRect     *rect,
                                            GArray                *node_indices);
gboolean rs_board_find_node_in_direction   (RsBoardScene          *scene,
                                            guint                  from,
                                            double                 dx,
                                            double                 dy,
                                            guint                 *result);
gboolean rs_board_find_node_in_order       (RsBoardScene          *scene,
                                            gboolean               has_from,
                                            guint                  from,
                                            gboolean               forward,
                                            guint                 *result);

G_END_DECLS
