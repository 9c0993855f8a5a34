/* rs-quotes-panel.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-panel.h"

G_BEGIN_DECLS

#define RS_TYPE_QUOTES_PANEL (rs_quotes_panel_get_type ())
G_DECLARE_FINAL_TYPE (RsQuotesPanel, rs_quotes_panel, RS, QUOTES_PANEL, RsPanel)

GtkWidget  *rs_quotes_panel_new               (void);
GListModel *rs_quotes_panel_get_quotes        (RsQuotesPanel *self);
const char *rs_quotes_panel_get_heading       (RsQuotesPanel *self);
const char *rs_quotes_panel_get_status        (RsQuotesPanel *self);
guint       rs_quotes_panel_get_n_quotes      (RsQuotesPanel *self);
guint       rs_quotes_panel_get_n_documents   (RsQuotesPanel *self);
gboolean    rs_quotes_panel_get_has_selection (RsQuotesPanel *self);

/* rs-quotes-panel-editing.c */
gboolean    rs_quotes_panel_edit_quote        (RsQuotesPanel  *self,
                                               gint64          quote_id);
GtkWidget  *rs_quotes_panel_get_quote_editor  (RsQuotesPanel  *self);
gboolean    rs_quotes_panel_delete_quote      (RsQuotesPanel  *self,
                                               gint64          quote_id,
                                               GError        **error);

G_END_DECLS
