/* rs-items-panel.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-board-filter.h"
#include "rs-board-item.h"
#include "rs-panel.h"

G_BEGIN_DECLS

#define RS_TYPE_ITEMS_PANEL (rs_items_panel_get_type ())
G_DECLARE_FINAL_TYPE (RsItemsPanel, rs_items_panel, RS, ITEMS_PANEL, RsPanel)

GtkWidget          *rs_items_panel_new            (void);
GtkListView        *rs_items_panel_get_list_view  (RsItemsPanel *self);
GtkSingleSelection *rs_items_panel_get_model      (RsItemsPanel *self);
RsBoardFilter      *rs_items_panel_get_filter     (RsItemsPanel  *self);
void                rs_items_panel_set_filter     (RsItemsPanel  *self,
                                                   RsBoardFilter *filter);
gboolean            rs_items_panel_find           (RsItemsPanel *self,
                                                   RsTarget      target,
                                                   gint64        id,
                                                   guint        *position);

G_END_DECLS
