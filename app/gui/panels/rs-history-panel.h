/* rs-history-panel.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-panel.h"

G_BEGIN_DECLS

#define RS_TYPE_HISTORY_PANEL (rs_history_panel_get_type ())
G_DECLARE_FINAL_TYPE (RsHistoryPanel, rs_history_panel, RS, HISTORY_PANEL, RsPanel)

GtkWidget  *rs_history_panel_new               (void);
GListModel *rs_history_panel_get_entries       (RsHistoryPanel *self);
const char *rs_history_panel_get_author_filter (RsHistoryPanel *self);
void        rs_history_panel_set_author_filter (RsHistoryPanel *self,
                                                const char     *author);
gboolean    rs_history_panel_get_only_selected (RsHistoryPanel *self);
void        rs_history_panel_set_only_selected (RsHistoryPanel *self,
                                                gboolean        only_selected);
GDateTime  *rs_history_panel_get_since         (RsHistoryPanel *self);
void        rs_history_panel_set_since         (RsHistoryPanel *self,
                                                GDateTime      *since);
GArray     *rs_history_panel_get_changes       (RsHistoryPanel *self);
void        rs_history_panel_reload            (RsHistoryPanel *self);
void        rs_history_panel_popup_since       (RsHistoryPanel *self);

G_END_DECLS
