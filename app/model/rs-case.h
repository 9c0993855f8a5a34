/* rs-case.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rs-case-changes.h"
#include "rs-document.h"
#include "rs-entity.h"
#include "rs-event.h"
#include "rs-evidence.h"
#include "rs-note.h"
#include "rs-comment.h"
#include "rs-quote.h"
#include "rs-relation.h"
#include "rs-review.h"
#include "rs-story-view.h"
#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_CASE (rs_case_get_type ())
G_DECLARE_FINAL_TYPE (RsCase, rs_case, RS, CASE, GObject)

RsCase      *rs_case_new                   (void);
const char  *rs_case_get_uid               (RsCase     *self);
void         rs_case_set_uid               (RsCase     *self,
                                            const char *uid);
const char  *rs_case_get_title             (RsCase     *self);
void         rs_case_set_title             (RsCase     *self,
                                            const char *title);
const char  *rs_case_get_description       (RsCase     *self);
void         rs_case_set_description       (RsCase     *self,
                                            const char *description);
const char  *rs_case_get_created           (RsCase     *self);
void         rs_case_set_created           (RsCase     *self,
                                            const char *created);

GListModel  *rs_case_get_documents         (RsCase     *self);
GListModel  *rs_case_get_entities          (RsCase     *self);
GListModel  *rs_case_get_relations         (RsCase     *self);
GListModel  *rs_case_get_quotes            (RsCase     *self);
GListModel  *rs_case_get_evidence          (RsCase     *self);
GListModel  *rs_case_get_events            (RsCase     *self);
GListModel  *rs_case_get_notes             (RsCase     *self);
GListModel  *rs_case_get_reviews           (RsCase     *self);
GListModel  *rs_case_get_comments          (RsCase     *self);
GListModel  *rs_case_get_story_views       (RsCase     *self);
GPtrArray   *rs_case_dup_story_views       (RsCase     *self);

RsDocument  *rs_case_lookup_document       (RsCase     *self,
                                            gint64      id);
RsEntity    *rs_case_lookup_entity         (RsCase     *self,
                                            gint64      id);
RsRelation  *rs_case_lookup_relation       (RsCase     *self,
                                            gint64      id);
RsQuote     *rs_case_lookup_quote          (RsCase     *self,
                                            gint64      id);
RsEvidence  *rs_case_lookup_evidence       (RsCase     *self,
                                            gint64      id);
RsEvent     *rs_case_lookup_event          (RsCase     *self,
                                            gint64      id);
RsNote      *rs_case_lookup_note           (RsCase     *self,
                                            gint64      id);
RsReview    *rs_case_lookup_review         (RsCase     *self,
                                            gint64      id);
RsComment   *rs_case_lookup_comment        (RsCase     *self,
                                            gint64      id);
RsStoryView *rs_case_lookup_story_view     (RsCase     *self,
                                            gint64      id);
RsReview    *rs_case_lookup_review_for     (RsCase     *self,
                                            RsTarget    target,
                                            gint64      target_id);
RsReviewState rs_case_get_review_state     (RsCase     *self,
                                            RsTarget    target,
                                            gint64      target_id);
GPtrArray   *rs_case_dup_comments_for      (RsCase     *self,
                                            RsTarget    target,
                                            gint64      target_id);
guint        rs_case_count_open_comments_for (RsCase   *self,
                                            RsTarget    target,
                                            gint64      target_id);
RsEntity    *rs_case_lookup_entity_by_name (RsCase     *self,
                                            const char *name);

GPtrArray   *rs_case_dup_evidence_for      (RsCase     *self,
                                            RsTarget    target,
                                            gint64      target_id);
guint        rs_case_count_documents_for   (RsCase     *self,
                                            RsTarget    target,
                                            gint64      target_id);
GPtrArray   *rs_case_dup_relations_of      (RsCase     *self,
                                            gint64      entity_id);
GPtrArray   *rs_case_dup_quotes_of         (RsCase     *self,
                                            gint64      document_id);
GPtrArray   *rs_case_dup_evidence_of_quote (RsCase     *self,
                                            gint64      quote_id);
GPtrArray   *rs_case_dup_notes_for         (RsCase     *self,
                                            RsTarget    target,
                                            gint64      target_id);
GPtrArray   *rs_case_dup_events_of         (RsCase     *self,
                                            gint64      entity_id);

/* Mutations mirror what the store has committed; only RsCaseStore calls them. */
void         rs_case_add_document          (RsCase     *self,
                                            RsDocument *document);
void         rs_case_add_entity            (RsCase     *self,
                                            RsEntity   *entity);
void         rs_case_add_relation          (RsCase     *self,
                                            RsRelation *relation);
void         rs_case_add_quote             (RsCase     *self,
                                            RsQuote    *quote);
void         rs_case_add_evidence          (RsCase     *self,
                                            RsEvidence *evidence);
void         rs_case_add_event             (RsCase     *self,
                                            RsEvent    *event);
void         rs_case_add_note              (RsCase     *self,
                                            RsNote     *note);
void         rs_case_add_review            (RsCase     *self,
                                            RsReview   *review);
void         rs_case_add_comment           (RsCase     *self,
                                            RsComment  *comment);
void         rs_case_add_story_view        (RsCase     *self,
                                            RsStoryView *view);
void         rs_case_remove_document       (RsCase     *self,
                                            gint64      id);
void         rs_case_remove_entity         (RsCase     *self,
                                            gint64      id);
void         rs_case_remove_relation       (RsCase     *self,
                                            gint64      id);
void         rs_case_remove_quote          (RsCase     *self,
                                            gint64      id);
void         rs_case_remove_evidence       (RsCase     *self,
                                            gint64      id);
void         rs_case_remove_event          (RsCase     *self,
                                            gint64      id);
void         rs_case_remove_note           (RsCase     *self,
                                            gint64      id);
void         rs_case_remove_review         (RsCase     *self,
                                            gint64      id);
void         rs_case_remove_comment        (RsCase     *self,
                                            gint64      id);
void         rs_case_remove_story_view     (RsCase     *self,
                                            gint64      id);
void         rs_case_begin_changes         (RsCase     *self);
void         rs_case_mark_changed          (RsCase     *self,
                                            gpointer    object);
void         rs_case_mark_placed           (RsCase     *self,
                                            gpointer    object);
void         rs_case_end_changes           (RsCase     *self);
void         rs_case_discard_changes       (RsCase     *self);
void         rs_case_put                   (RsCase     *self,
                                            gpointer    record);
void         rs_case_emit_changed          (RsCase     *self);

G_END_DECLS
