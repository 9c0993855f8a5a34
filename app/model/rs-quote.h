/* rs-quote.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_QUOTE (rs_quote_get_type ())
G_DECLARE_FINAL_TYPE (RsQuote, rs_quote, RS, QUOTE, GObject)

RsQuote    *rs_quote_new             (gint64 id);
char       *rs_quote_dup_span        (const char *text,
                                      gint64      start,
                                      gint64      end);
gint64      rs_quote_get_id          (RsQuote *self);
const char *rs_quote_get_uid         (RsQuote *self);
void        rs_quote_set_uid         (RsQuote    *self,
                                      const char *uid);
gint64      rs_quote_get_document_id (RsQuote *self);
void        rs_quote_set_document_id (RsQuote *self,
                                      gint64  document_id);
gint64      rs_quote_get_start       (RsQuote *self);
void        rs_quote_set_start       (RsQuote *self,
                                      gint64  start);
gint64      rs_quote_get_end         (RsQuote *self);
void        rs_quote_set_end         (RsQuote *self,
                                      gint64  end);
const char *rs_quote_get_text        (RsQuote *self);
void        rs_quote_set_text        (RsQuote    *self,
                                      const char *text);
int         rs_quote_get_credibility (RsQuote *self);
void        rs_quote_set_credibility (RsQuote *self,
                                      int     credibility);

G_END_DECLS
