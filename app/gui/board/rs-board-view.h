/* rs-board-view.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-board-filter.h"
#include "rs-board-painter.h"
#include "rs-case-store.h"
#include "rs-graph-layout.h"
#include "rs-selection.h"

G_BEGIN_DECLS

#define RS_TYPE_BOARD_VIEW (rs_board_view_get_type ())
G_DECLARE_FINAL_TYPE (RsBoardView, rs_board_view, RS, BOARD_VIEW, GtkWidget)

GtkWidget      *rs_board_view_new                 (void);
RsCaseStore    *rs_board_view_get_store           (RsBoardView     *self);
void            rs_board_view_set_store           (RsBoardView     *self,
                                                   RsCaseStore     *store);
RsSelection    *rs_board_view_get_selection       (RsBoardView     *self);
void            rs_board_view_set_selection       (RsBoardView     *self,
                                                   RsSelection     *selection);
RsBoardFilter  *rs_board_view_get_filter          (RsBoardView     *self);
void            rs_board_view_set_filter          (RsBoardView     *self,
                                                   RsBoardFilter   *filter);
RsLayoutEngine  rs_board_view_get_engine          (RsBoardView     *self);
void            rs_board_view_set_engine          (RsBoardView     *self,
                                                   RsLayoutEngine   engine);
double          rs_board_view_get_zoom            (RsBoardView     *self);
void            rs_board_view_set_zoom            (RsBoardView     *self,
                                                   double           zoom);
gboolean        rs_board_view_get_dark            (RsBoardView     *self);
void            rs_board_view_set_dark            (RsBoardView     *self,
                                                   gboolean         dark);
gboolean        rs_board_view_get_editable        (RsBoardView     *self);
void            rs_board_view_set_editable        (RsBoardView     *self,
                                                   gboolean         editable);
gboolean        rs_board_view_get_show_legend     (RsBoardView     *self);
void            rs_board_view_set_show_legend     (RsBoardView     *self,
                                                   gboolean         show_legend);
gboolean        rs_board_view_get_layout_running  (RsBoardView     *self);
guint           rs_board_view_get_layout_count    (RsBoardView     *self);
guint           rs_board_view_get_frames_drawn    (RsBoardView     *self);
const GError   *rs_board_view_get_layout_error    (RsBoardView     *self);

void            rs_board_view_bind_settings       (RsBoardView     *self,
                                                   GSettings       *settings);
void            rs_board_view_relayout            (RsBoardView     *self);
void            rs_board_view_zoom_to_fit         (RsBoardView     *self);
void            rs_board_view_zoom_to_selection   (RsBoardView     *self);
gboolean        rs_board_view_pick                (RsBoardView     *self,
                                                   double           widget_x,
                                                   double           widget_y,
                                                   RsTarget        *target,
                                                   gint64          *id);
gboolean        rs_board_view_get_node_position   (RsBoardView     *self,
                                                   gint64           entity_id,
                                                   double          *widget_x,
                                                   double          *widget_y);

gboolean        rs_board_view_widget_to_board     (RsBoardView     *self,
                                                   double           widget_x,
                                                   double           widget_y,
                                                   double          *board_x,
                                                   double          *board_y);
gboolean        rs_board_view_get_visible_area    (RsBoardView     *self,
                                                   double          *x,
                                                   double          *y,
                                                   double          *width,
                                                   double          *height);
void            rs_board_view_show_area           (RsBoardView     *self,
                                                   double           x,
                                                   double           y,
                                                   double           width,
                                                   double           height);
void            rs_board_view_popup               (RsBoardView     *self,
                                                   GtkPopover      *popover,
                                                   double           x,
                                                   double           y);
void            rs_board_view_set_change_marks    (RsBoardView     *self,
                                                   GArray          *items);
RsBoardMark     rs_board_view_get_change_mark     (RsBoardView     *self,
                                                   RsTarget         target,
                                                   gint64           id);

G_END_DECLS
