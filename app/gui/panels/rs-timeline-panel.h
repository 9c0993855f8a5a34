/* rs-timeline-panel.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-panel.h"

G_BEGIN_DECLS

#define RS_TYPE_TIMELINE_PANEL (rs_timeline_panel_get_type ())
G_DECLARE_FINAL_TYPE (RsTimelinePanel, rs_timeline_panel, RS, TIMELINE_PANEL, RsPanel)

GtkWidget  *rs_timeline_panel_new               (void);
GListModel *rs_timeline_panel_get_events        (RsTimelinePanel *self);
GListModel *rs_timeline_panel_get_sorted_events (RsTimelinePanel *self);
guint       rs_timeline_panel_get_n_events      (RsTimelinePanel *self);
guint       rs_timeline_panel_get_n_involved    (RsTimelinePanel *self);
gboolean    rs_timeline_panel_select_event      (RsTimelinePanel *self,
                                                 gint64           event_id);

G_END_DECLS
