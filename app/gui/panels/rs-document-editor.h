/* rs-document-editor.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-case-store.h"

G_BEGIN_DECLS

#define RS_TYPE_DOCUMENT_EDITOR (rs_document_editor_get_type ())
G_DECLARE_FINAL_TYPE (RsDocumentEditor, rs_document_editor, RS, DOCUMENT_EDITOR, GtkWidget)

GtkWidget   *rs_document_editor_new          (void);
RsCaseStore *rs_document_editor_get_store    (RsDocumentEditor *self);
void         rs_document_editor_set_store    (RsDocumentEditor *self,
                                              RsCaseStore      *store);
RsDocument  *rs_document_editor_get_document (RsDocumentEditor *self);
void         rs_document_editor_set_document (RsDocumentEditor *self,
                                              RsDocument       *document);
gboolean     rs_document_editor_save         (RsDocumentEditor *self);

G_END_DECLS
