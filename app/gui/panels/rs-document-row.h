/* rs-document-row.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-document-item.h"

G_BEGIN_DECLS

#define RS_TYPE_DOCUMENT_ROW (rs_document_row_get_type ())
G_DECLARE_FINAL_TYPE (RsDocumentRow, rs_document_row, RS, DOCUMENT_ROW, GtkWidget)

GtkWidget      *rs_document_row_new              (void);
RsDocumentItem *rs_document_row_get_item         (RsDocumentRow  *self);
void            rs_document_row_set_item         (RsDocumentRow  *self,
                                                  RsDocumentItem *item);
char           *rs_document_row_format_n_quotes  (gpointer        this_object,
                                                  guint           n_quotes);

G_END_DECLS
