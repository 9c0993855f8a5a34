/* rs-documents-panel.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-panel.h"

G_BEGIN_DECLS

#define RS_TYPE_DOCUMENTS_PANEL (rs_documents_panel_get_type ())
G_DECLARE_FINAL_TYPE (RsDocumentsPanel, rs_documents_panel, RS, DOCUMENTS_PANEL, RsPanel)

GtkWidget  *rs_documents_panel_new             (void);
GListModel *rs_documents_panel_get_documents   (RsDocumentsPanel *self);
guint       rs_documents_panel_get_n_documents (RsDocumentsPanel *self);
RsDocument *rs_documents_panel_get_editing     (RsDocumentsPanel *self);
gboolean    rs_documents_panel_edit_document   (RsDocumentsPanel *self,
                                                gint64            document_id);
gboolean    rs_documents_panel_delete_document (RsDocumentsPanel *self,
                                                gint64            document_id);

G_END_DECLS
