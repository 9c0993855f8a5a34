/* rs-quote-hit.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case.h"

G_BEGIN_DECLS

#define RS_TYPE_QUOTE_HIT (rs_quote_hit_get_type ())
G_DECLARE_FINAL_TYPE (RsQuoteHit, rs_quote_hit, RS, QUOTE_HIT, GObject)

RsQuoteHit *rs_quote_hit_new_header      (RsDocument *document,
                                          guint       n_quotes);
RsQuoteHit *rs_quote_hit_new_quote       (RsDocument *document,
                                          RsQuote    *quote,
                                          const char *supports,
                                          const char *contradicts,
                                          const char *mentions);
RsDocument *rs_quote_hit_get_document    (RsQuoteHit *self);
RsQuote    *rs_quote_hit_get_quote       (RsQuoteHit *self);
gboolean    rs_quote_hit_get_is_quote    (RsQuoteHit *self);
guint       rs_quote_hit_get_n_quotes    (RsQuoteHit *self);
const char *rs_quote_hit_get_supports    (RsQuoteHit *self);
const char *rs_quote_hit_get_contradicts (RsQuoteHit *self);
const char *rs_quote_hit_get_mentions    (RsQuoteHit *self);
void        rs_quote_hit_set_n_quotes    (RsQuoteHit *self,
                                          guint       n_quotes);
void        rs_quote_hit_set_links       (RsQuoteHit *self,
                                          const char *supports,
                                          const char *contradicts,
                                          const char *mentions);

G_END_DECLS
