/* rs-document-item.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-document.h"

G_BEGIN_DECLS

#define RS_TYPE_DOCUMENT_ITEM (rs_document_item_get_type ())
G_DECLARE_FINAL_TYPE (RsDocumentItem, rs_document_item, RS, DOCUMENT_ITEM, GObject)

RsDocumentItem *rs_document_item_new          (RsDocument     *document);
RsDocument     *rs_document_item_get_document (RsDocumentItem *self);
guint           rs_document_item_get_n_quotes (RsDocumentItem *self);
void            rs_document_item_set_n_quotes (RsDocumentItem *self,
                                               guint           n_quotes);

G_END_DECLS
