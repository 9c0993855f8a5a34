/* rs-fuzzy-date.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_FUZZY_DATE (rs_fuzzy_date_get_type ())

GType            rs_fuzzy_date_get_type      (void) G_GNUC_CONST;
RsFuzzyDate     *rs_fuzzy_date_parse         (const char         *start,
                                              const char         *end,
                                              RsDatePrecision     precision,
                                              RsDateQualifier     qualifier,
                                              GError            **error);
RsFuzzyDate     *rs_fuzzy_date_parse_text    (const char         *text,
                                              RsDateQualifier     qualifier,
                                              GError            **error);
RsFuzzyDate     *rs_fuzzy_date_ref           (RsFuzzyDate        *self);
void             rs_fuzzy_date_unref         (RsFuzzyDate        *self);
gboolean         rs_fuzzy_date_equal         (const RsFuzzyDate  *a,
                                              const RsFuzzyDate  *b);
int              rs_fuzzy_date_compare       (const RsFuzzyDate  *a,
                                              const RsFuzzyDate  *b);
RsDatePrecision  rs_fuzzy_date_get_precision (const RsFuzzyDate  *self);
RsDateQualifier  rs_fuzzy_date_get_qualifier (const RsFuzzyDate  *self);
char            *rs_fuzzy_date_dup_start     (const RsFuzzyDate  *self);
char            *rs_fuzzy_date_dup_end       (const RsFuzzyDate  *self);
gint64           rs_fuzzy_date_get_sort_key  (const RsFuzzyDate  *self);
char            *rs_fuzzy_date_format        (const RsFuzzyDate  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsFuzzyDate, rs_fuzzy_date_unref)

G_END_DECLS
