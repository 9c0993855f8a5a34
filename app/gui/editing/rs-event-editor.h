/* rs-event-editor.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-event.h"
#include "rs-fuzzy-date.h"

G_BEGIN_DECLS

#define RS_TYPE_EVENT_EDITOR (rs_event_editor_get_type ())
G_DECLARE_FINAL_TYPE (RsEventEditor, rs_event_editor, RS, EVENT_EDITOR, GtkPopover)

GtkWidget       *rs_event_editor_new             (void);
void             rs_event_editor_edit            (RsEventEditor *self,
                                                  RsEvent       *event);
void             rs_event_editor_edit_new        (RsEventEditor *self,
                                                  const char    *title,
                                                  RsFuzzyDate   *date,
                                                  const char    *hint);
RsEvent         *rs_event_editor_get_event       (RsEventEditor *self);
const char      *rs_event_editor_get_title       (RsEventEditor *self);
const char      *rs_event_editor_get_date_text   (RsEventEditor *self);
RsDateQualifier  rs_event_editor_get_qualifier   (RsEventEditor *self);
const char      *rs_event_editor_get_description (RsEventEditor *self);
void             rs_event_editor_set_error       (RsEventEditor *self,
                                                  const char    *message);

G_END_DECLS
