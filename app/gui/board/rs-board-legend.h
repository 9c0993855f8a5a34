/* rs-board-legend.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-board-style.h"

G_BEGIN_DECLS

#define RS_TYPE_BOARD_LEGEND (rs_board_legend_get_type ())
G_DECLARE_FINAL_TYPE (RsBoardLegend, rs_board_legend, RS, BOARD_LEGEND, GtkWidget)

GtkWidget    *rs_board_legend_new          (void);
RsBoardStyle *rs_board_legend_get_style    (RsBoardLegend *self);
void          rs_board_legend_set_style    (RsBoardLegend *self,
                                            RsBoardStyle  *style);
gboolean      rs_board_legend_get_expanded (RsBoardLegend *self);
void          rs_board_legend_set_expanded (RsBoardLegend *self,
                                            gboolean       expanded);

G_END_DECLS
