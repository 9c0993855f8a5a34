/* rs-layout-result.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rs-layout-request.h"

G_BEGIN_DECLS

/* Board coordinates: points, y grows downwards. */
typedef struct
{
  double x;
  double y;
} RsLayoutPoint;

/* Bounds of what rs_layout_route_parse() accepts: a route comes from case files. */
#define RS_LAYOUT_ROUTE_MAX_LENGTH (256 * 1024)
#define RS_LAYOUT_ROUTE_MAX_POINTS 10000

/* Space left between two node boxes where the layout removes overlaps itself (sfdp):
 * at least twice the margin the board draws around a node (its badge and outline,
 * NODE_MARGIN in rs-board-scene.c), so that no two drawn nodes touch. */
#define RS_LAYOUT_NODE_GAP 24.0

#define RS_TYPE_LAYOUT_RESULT (rs_layout_result_get_type ())

typedef struct _RsLayoutResult RsLayoutResult;

GType                rs_layout_result_get_type        (void) G_GNUC_CONST;
RsLayoutResult      *rs_layout_result_ref             (RsLayoutResult        *self);
void                 rs_layout_result_unref           (RsLayoutResult        *self);
RsLayoutEngine       rs_layout_result_get_engine      (const RsLayoutResult  *self);
void                 rs_layout_result_get_bounds      (const RsLayoutResult  *self,
                                                       double                *x,
                                                       double                *y,
                                                       double                *width,
                                                       double                *height);
guint                rs_layout_result_get_n_nodes     (const RsLayoutResult  *self);
void                 rs_layout_result_get_node        (const RsLayoutResult  *self,
                                                       guint                  index,
                                                       gint64                *id,
                                                       double                *x,
                                                       double                *y,
                                                       double                *width,
                                                       double                *height);
gboolean             rs_layout_result_lookup_node     (const RsLayoutResult  *self,
                                                       gint64                 id,
                                                       double                *x,
                                                       double                *y);
guint                rs_layout_result_get_n_edges     (const RsLayoutResult  *self);
gint64               rs_layout_result_get_edge_id     (const RsLayoutResult  *self,
                                                       guint                  index);
const RsLayoutPoint *rs_layout_result_get_edge_points (const RsLayoutResult  *self,
                                                       guint                  index,
                                                       guint                 *n_points);
gboolean             rs_layout_result_get_edge_label  (const RsLayoutResult  *self,
                                                       guint                  index,
                                                       double                *x,
                                                       double                *y);
gboolean             rs_layout_result_lookup_edge     (const RsLayoutResult  *self,
                                                       gint64                 id,
                                                       guint                 *index);
char                *rs_layout_result_dup_route       (const RsLayoutResult  *self,
                                                       guint                  index);

gboolean             rs_layout_route_parse            (const char            *route,
                                                       GArray                *points_out,
                                                       GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsLayoutResult, rs_layout_result_unref)

G_END_DECLS
