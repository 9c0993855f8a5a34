/* rs-document.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_DOCUMENT (rs_document_get_type ())
G_DECLARE_FINAL_TYPE (RsDocument, rs_document, RS, DOCUMENT, GObject)

RsDocument   *rs_document_new             (gint64 id);
gint64        rs_document_get_id          (RsDocument *self);
const char   *rs_document_get_uid         (RsDocument *self);
void          rs_document_set_uid         (RsDocument *self,
                                           const char *uid);
const char   *rs_document_get_title       (RsDocument *self);
void          rs_document_set_title       (RsDocument *self,
                                           const char *title);
const char   *rs_document_get_publisher   (RsDocument *self);
void          rs_document_set_publisher   (RsDocument *self,
                                           const char *publisher);
const char   *rs_document_get_author      (RsDocument *self);
void          rs_document_set_author      (RsDocument *self,
                                           const char *author);
const char   *rs_document_get_url         (RsDocument *self);
void          rs_document_set_url         (RsDocument *self,
                                           const char *url);
const char   *rs_document_get_published   (RsDocument *self);
void          rs_document_set_published   (RsDocument *self,
                                           const char *published);
const char   *rs_document_get_imported_at (RsDocument *self);
void          rs_document_set_imported_at (RsDocument *self,
                                           const char *imported_at);
const char   *rs_document_get_text        (RsDocument *self);
void          rs_document_set_text        (RsDocument *self,
                                           const char *text);
const char   *rs_document_get_sha256      (RsDocument *self);
void          rs_document_set_sha256      (RsDocument *self,
                                           const char *sha256);
gint64        rs_document_get_length      (RsDocument *self);
void          rs_document_set_length      (RsDocument *self,
                                           gint64     length);
RsReliability rs_document_get_reliability (RsDocument *self);
void          rs_document_set_reliability (RsDocument    *self,
                                           RsReliability reliability);

G_END_DECLS
