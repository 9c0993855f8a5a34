/* rs-board-painter.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rs-board-scene.h"
#include "rs-board-style.h"
#include "rs-selection.h"

G_BEGIN_DECLS

/* Level-of-detail thresholds, in device pixels per board unit (zoom 1.0 is 4/3). Below
 * each one a kind of detail is dropped; labels fade out over the 20% above it. */
#define RS_BOARD_LOD_EDGE_LABEL_SCALE 0.85
#define RS_BOARD_LOD_NODE_LABEL_SCALE 0.55
#define RS_BOARD_LOD_SHAPE_SCALE      0.20

typedef enum /*< flags >*/
{
  RS_BOARD_PAINT_NONE       = 0,
  RS_BOARD_PAINT_BACKGROUND = 1 << 0,
  RS_BOARD_PAINT_GRID       = 1 << 1,
  RS_BOARD_PAINT_FLOATING   = 1 << 2,
} RsBoardPaintFlags;

typedef struct
{
  double            scale;  /* device pixels per board unit: picks the detail */
  RsBoardRect       clip;   /* the board area to draw; the rest is culled */
  RsBoardLod        lod;    /* RS_BOARD_LOD_AUTO: from scale */
  RsBoardPaintFlags flags;
  /* Painting in a worker: stop early (the picture is then incomplete) when cancelled
   * or when the scene has a change waiting. NULL: paint everything. */
  GCancellable     *cancellable;
} RsBoardPaintParams;

/* How "changes since…" marks an item on the board. */
typedef enum
{
  RS_BOARD_MARK_NONE,
  RS_BOARD_MARK_ADDED,
  RS_BOARD_MARK_CHANGED,
} RsBoardMark;

/* What is drawn over the cached picture: a few items, every frame. */
typedef struct
{
  RsSelection *selection;
  gint64       hover_node;
  gint64       hover_edge;
  gint64       focus_node;
  /* "Changes since…": entity id / relation id (gint64 *) -> RsBoardMark; NULL: none */
  GHashTable  *node_marks;
  GHashTable  *edge_marks;
} RsBoardOverlay;

RsBoardLod rs_board_painter_get_lod         (double                    scale);
double     rs_board_painter_get_label_alpha (double                    scale,
                                             double                    threshold);
void       rs_board_painter_draw            (cairo_t                  *cr,
                                             RsBoardScene             *scene,
                                             RsBoardStyle             *style,
                                             const RsBoardPaintParams *params);
gboolean   rs_board_painter_draw_cancellable (cairo_t                 *cr,
                                             RsBoardScene             *scene,
                                             RsBoardStyle             *style,
                                             const RsBoardPaintParams *params);
void       rs_board_painter_draw_floating   (cairo_t                  *cr,
                                             RsBoardScene             *scene,
                                             RsBoardStyle             *style,
                                             const RsBoardPaintParams *params);
void       rs_board_painter_draw_overlay    (cairo_t                  *cr,
                                             RsBoardScene             *scene,
                                             RsBoardStyle             *style,
                                             const RsBoardPaintParams *params,
                                             const RsBoardOverlay     *overlay);
void       rs_board_painter_shape_path      (cairo_t                  *cr,
                                             RsBoardShape              shape,
                                             double                    x,
                                             double                    y,
                                             double                    width,
                                             double                    height);
void       rs_board_painter_measure_legend  (RsBoardStyle             *style,
                                             double                   *width,
                                             double                   *height);
void       rs_board_painter_draw_legend     (cairo_t                  *cr,
                                             RsBoardStyle             *style);

G_END_DECLS
