/* rs-suggestion.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-fuzzy-date.h"
#include "rs-types.h"

G_BEGIN_DECLS

/* One thing the suggestion engine proposes from a document's text: an entity (new, or
 * a mention of one already in the case) or a dated event. Each has its span in the
 * text, in characters like quote spans, and a sentence saying why it was proposed.
 * Immutable. */

#define RS_TYPE_SUGGESTION (rs_suggestion_get_type ())

typedef struct _RsSuggestion RsSuggestion;

GType               rs_suggestion_get_type       (void) G_GNUC_CONST;
/* @entity_id: the entity of the case the span mentions, or 0 for a new candidate. */
RsSuggestion       *rs_suggestion_new_entity     (RsEntityKind         kind,
                                                  const char          *name,
                                                  const char * const  *aliases,
                                                  glong                start,
                                                  glong                end,
                                                  gint64               entity_id,
                                                  const char          *reason);
/* @title: a proposed title for the event; @start–@end: the sentence that dates it. */
RsSuggestion       *rs_suggestion_new_event      (RsFuzzyDate         *date,
                                                  const char          *title,
                                                  glong                start,
                                                  glong                end,
                                                  const char          *reason);
RsSuggestion       *rs_suggestion_ref            (RsSuggestion        *self);
void                rs_suggestion_unref          (RsSuggestion        *self);

gboolean            rs_suggestion_is_event       (const RsSuggestion  *self);
/* An entity suggestion for an entity already in the case. */
gboolean            rs_suggestion_is_mention     (const RsSuggestion  *self);
RsEntityKind        rs_suggestion_get_kind       (const RsSuggestion  *self);
/* The entity's name, or the event's proposed title. */
const char         *rs_suggestion_get_name       (const RsSuggestion  *self);
/* Other names the text gives it ("JAXA" after "Japan Aerospace Exploration Agency
 * (JAXA)"); never NULL. */
const char * const *rs_suggestion_get_aliases    (const RsSuggestion  *self);
glong               rs_suggestion_get_start      (const RsSuggestion  *self);
glong               rs_suggestion_get_end        (const RsSuggestion  *self);
gint64              rs_suggestion_get_entity_id  (const RsSuggestion  *self);
/* NULL for an entity. */
RsFuzzyDate        *rs_suggestion_get_date       (const RsSuggestion  *self);
const char         *rs_suggestion_get_reason     (const RsSuggestion  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsSuggestion, rs_suggestion_unref)

G_END_DECLS
