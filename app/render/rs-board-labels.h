/* rs-board-labels.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-board-grid.h"
#include "rs-board-scene.h"

G_BEGIN_DECLS

/* Room kept between a label and a node box, and between two labels (board units). */
#define RS_BOARD_LABEL_NODE_GAP   2.5
#define RS_BOARD_LABEL_LABEL_GAP  2.0

void rs_board_place_edge_labels (const RsBoardNode *nodes,
                                 guint              n_nodes,
                                 RsBoardEdge       *edges,
                                 guint              n_edges,
                                 RsBoardGrid       *node_grid,
                                 const RsBoardRect *bounds);

G_END_DECLS
