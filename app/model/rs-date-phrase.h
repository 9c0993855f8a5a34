/* rs-date-phrase.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-fuzzy-date.h"

G_BEGIN_DECLS

/* A date as a report writes it ("late February", "at least 2009", "last week"), found
 * in running text and resolved to an RsFuzzyDate against the document's own date when
 * it is relative. Offsets are in characters of the text searched, like quote spans. */

#define RS_TYPE_DATE_PHRASE (rs_date_phrase_get_type ())

typedef struct _RsDatePhrase RsDatePhrase;

GType         rs_date_phrase_get_type      (void) G_GNUC_CONST;

/* Every date phrase in @text, in text order, as RsDatePhrase; @reference is the
 * document's date (ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD") or NULL, in which case
 * relative phrases ("last week", "Tuesday", "April 20" without a year) are skipped.
 * Phrases never overlap; text that is not UTF-8 has none. Returns: (transfer full). */
GPtrArray    *rs_date_phrase_find_all      (const char          *text,
                                            const char          *reference);
/* The one date a selection states (the first, or the one a sentence is about); an
 * RS_ERROR_INVALID_INPUT error with a sentence for the user when none can be read. */
RsDatePhrase *rs_date_phrase_read          (const char          *text,
                                            const char          *reference,
                                            GError             **error);

/* A date typed into a field: the plain forms rs_fuzzy_date_parse_text() reads ("2009",
 * "2021-02", "2016 – 2017") or one phrase that is the whole text ("late February 2021",
 * "at least 2009", "last week" with a @reference). A @qualifier other than none (the
 * field's own choice) wins over the phrase's. */
RsFuzzyDate  *rs_date_phrase_read_typed    (const char          *text,
                                            RsDateQualifier      qualifier,
                                            const char          *reference,
                                            GError             **error);

RsDatePhrase *rs_date_phrase_ref           (RsDatePhrase        *self);
void          rs_date_phrase_unref         (RsDatePhrase        *self);
glong         rs_date_phrase_get_start     (const RsDatePhrase  *self);
glong         rs_date_phrase_get_end       (const RsDatePhrase  *self);
RsFuzzyDate  *rs_date_phrase_get_date      (const RsDatePhrase  *self);
/* TRUE when the date was resolved against the reference ("last week", "Tuesday"). */
gboolean      rs_date_phrase_is_relative   (const RsDatePhrase  *self);
/* Why the phrase was read as this date, for the user ("“late February” in a report of
 * 20 April 2021"). */
const char   *rs_date_phrase_get_reason    (const RsDatePhrase  *self);
/* TRUE when the phrase dates the reporting itself ("NHK said Tuesday", "reported on
 * April 20"), not what is reported: suggestions may rank it below the others. */
gboolean      rs_date_phrase_is_reporting  (const RsDatePhrase  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsDatePhrase, rs_date_phrase_unref)

G_END_DECLS
