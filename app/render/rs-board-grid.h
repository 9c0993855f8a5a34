/* rs-board-grid.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-board-types.h"

G_BEGIN_DECLS

/* A uniform grid over a rectangle: which items (by index) touch each cell. */
typedef struct _RsBoardGrid RsBoardGrid;

/* Tells a query whether an item candidate really meets the rectangle. */
typedef gboolean (*RsBoardGridTest) (guint              item,
                                     const RsBoardRect *rect,
                                     gpointer           user_data);

RsBoardGrid *rs_board_grid_new      (const RsBoardRect *bounds,
                                     guint              n_items);
void         rs_board_grid_free     (RsBoardGrid       *self);
void         rs_board_grid_add      (RsBoardGrid       *self,
                                     guint              item,
                                     const RsBoardRect *rect);
void         rs_board_grid_add_segment (RsBoardGrid *self,
                                        guint        item,
                                        double       x0,
                                        double       y0,
                                        double       x1,
                                        double       y1,
                                        double       margin);
void         rs_board_grid_pack     (RsBoardGrid       *self);
guint        rs_board_grid_query    (RsBoardGrid       *self,
                                     const RsBoardRect *rect,
                                     RsBoardGridTest    test,
                                     gpointer           user_data,
                                     GArray            *items);
gboolean     rs_board_grid_any      (RsBoardGrid       *self,
                                     const RsBoardRect *rect,
                                     RsBoardGridTest    test,
                                     gpointer           user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsBoardGrid, rs_board_grid_free)

G_END_DECLS
