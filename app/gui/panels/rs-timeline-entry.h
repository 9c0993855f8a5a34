/* rs-timeline-entry.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case.h"
#include "rs-selection.h"

G_BEGIN_DECLS

#define RS_TYPE_TIMELINE_ENTRY (rs_timeline_entry_get_type ())
G_DECLARE_FINAL_TYPE (RsTimelineEntry, rs_timeline_entry, RS, TIMELINE_ENTRY, GObject)

RsTimelineEntry *rs_timeline_entry_new          (RsEvent         *event,
                                                 RsCase          *kase,
                                                 RsSelection     *selection);
RsEvent         *rs_timeline_entry_get_event    (RsTimelineEntry *self);
const char      *rs_timeline_entry_get_entities (RsTimelineEntry *self);
gboolean         rs_timeline_entry_get_involved (RsTimelineEntry *self);
gboolean         rs_timeline_event_is_involved  (RsEvent         *event,
                                                 RsSelection     *selection);

G_END_DECLS
