/* rs-event.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"
#include "rs-fuzzy-date.h"

G_BEGIN_DECLS

#define RS_TYPE_EVENT (rs_event_get_type ())
G_DECLARE_FINAL_TYPE (RsEvent, rs_event, RS, EVENT, GObject)

RsEvent     *rs_event_new             (gint64 id);
gint64       rs_event_get_id          (RsEvent *self);
const char  *rs_event_get_uid         (RsEvent *self);
void         rs_event_set_uid         (RsEvent    *self,
                                       const char *uid);
const char  *rs_event_get_title       (RsEvent *self);
void         rs_event_set_title       (RsEvent    *self,
                                       const char *title);
const char  *rs_event_get_description (RsEvent *self);
void         rs_event_set_description (RsEvent    *self,
                                       const char *description);
RsFuzzyDate *rs_event_get_date        (RsEvent *self);
void         rs_event_set_date        (RsEvent     *self,
                                       RsFuzzyDate *date);

const gint64 *rs_event_get_entity_ids (RsEvent      *self,
                                       guint        *n_ids);
void          rs_event_set_entity_ids (RsEvent      *self,
                                       const gint64 *ids,
                                       guint         n_ids);
gboolean      rs_event_has_entity     (RsEvent      *self,
                                       gint64        entity_id);
gboolean      rs_event_remove_entity  (RsEvent      *self,
                                       gint64        entity_id);

G_END_DECLS
