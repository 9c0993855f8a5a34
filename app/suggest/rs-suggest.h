/* rs-suggest.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case.h"
#include "rs-suggestion.h"

G_BEGIN_DECLS

/* What a document's text proposes for the case, for the analyst to accept or reject:
 * - each mention of an entity already in the case (by name or alias), one per span;
 * - each new candidate entity, once, at its first span, with how often it appears;
 * - each dated event, at the sentence that dates it, the date read against the
 *   document's published date.
 * RsSuggestion values in text order. Nothing is written; rs_case_edit_accept_suggestions
 * does that. */
GPtrArray *rs_suggest_document (RsCase     *case_,
                                RsDocument *document);

/* The same for any text (@reference: its ISO date or NULL), for callers with no
 * document yet. */
GPtrArray *rs_suggest_text     (RsCase     *case_,
                                const char *text,
                                const char *reference);

G_END_DECLS
