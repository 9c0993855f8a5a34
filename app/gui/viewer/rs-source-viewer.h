/* rs-source-viewer.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-panel.h"

G_BEGIN_DECLS

#define RS_TYPE_SOURCE_VIEWER (rs_source_viewer_get_type ())
G_DECLARE_FINAL_TYPE (RsSourceViewer, rs_source_viewer, RS, SOURCE_VIEWER, RsPanel)

GtkWidget  *rs_source_viewer_new                   (void);
gint64      rs_source_viewer_get_document_id       (RsSourceViewer *self);
void        rs_source_viewer_set_document_id       (RsSourceViewer *self,
                                                    gint64          document_id);
RsDocument *rs_source_viewer_get_document          (RsSourceViewer *self);
gint64      rs_source_viewer_get_revealed_quote_id (RsSourceViewer *self);
gboolean    rs_source_viewer_reveal_quote          (RsSourceViewer *self,
                                                    gint64          quote_id);
gboolean    rs_source_viewer_reveal_offset         (RsSourceViewer *self,
                                                    gint64          document_id,
                                                    int             offset);
gint64      rs_source_viewer_get_quote_at_offset   (RsSourceViewer *self,
                                                    int             offset);
gboolean    rs_source_viewer_select_at_offset      (RsSourceViewer *self,
                                                    int             offset);
gboolean    rs_source_viewer_show_span             (RsSourceViewer *self,
                                                    gint64          document_id,
                                                    int             start,
                                                    int             end);

G_END_DECLS
