/* rs-notes-panel.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-panel.h"

G_BEGIN_DECLS

#define RS_TYPE_NOTES_PANEL (rs_notes_panel_get_type ())
G_DECLARE_FINAL_TYPE (RsNotesPanel, rs_notes_panel, RS, NOTES_PANEL, RsPanel)

GtkWidget  *rs_notes_panel_new         (void);
RsNote     *rs_notes_panel_get_note    (RsNotesPanel  *self);
const char *rs_notes_panel_get_heading (RsNotesPanel  *self);
GListModel *rs_notes_panel_get_others  (RsNotesPanel  *self);
gboolean    rs_notes_panel_flush       (RsNotesPanel  *self,
                                        GError       **error);
gboolean    rs_notes_panel_get_busy    (RsNotesPanel  *self);
void        rs_notes_panel_save        (RsNotesPanel  *self);

G_END_DECLS
