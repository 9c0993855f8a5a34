/* rs-case-edit.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store.h"
#include "rs-change.h"

G_BEGIN_DECLS

RsChange *rs_case_edit_create_entity   (RsCaseStore         *store,
                                        RsEntityKind         kind,
                                        const char          *name,
                                        const char * const  *aliases,
                                        const char          *description,
                                        gint64              *entity_id,
                                        GError             **error);
RsChange *rs_case_edit_create_entity_at (RsCaseStore       *store,
                                         RsEntityKind       kind,
                                         const char        *name,
                                         const char * const *aliases,
                                         const char        *description,
                                         double             x,
                                         double             y,
                                         gint64            *entity_id,
                                         GError           **error);
RsChange *rs_case_edit_update_entity   (RsCaseStore         *store,
                                        gint64               entity_id,
                                        RsEntityKind         kind,
                                        const char          *name,
                                        const char * const  *aliases,
                                        const char          *description,
                                        GError             **error);
RsChange *rs_case_edit_delete_entity   (RsCaseStore         *store,
                                        gint64               entity_id,
                                        GError             **error);
RsChange *rs_case_edit_merge_entities  (RsCaseStore         *store,
                                        gint64               into_id,
                                        gint64               from_id,
                                        GError             **error);
RsChange *rs_case_edit_split_entity    (RsCaseStore         *store,
                                        gint64               entity_id,
                                        RsEntityKind         kind,
                                        const char          *name,
                                        const char * const  *aliases,
                                        const gint64        *relation_ids,
                                        guint                n_relations,
                                        const gint64        *evidence_ids,
                                        guint                n_evidence,
                                        gint64              *new_id,
                                        GError             **error);
RsChange *rs_case_edit_unpin           (RsCaseStore         *store,
                                        gint64               entity_id,
                                        GError             **error);
RsChange *rs_case_edit_unpin_all       (RsCaseStore         *store,
                                        GError             **error);

RsChange *rs_case_edit_create_relation (RsCaseStore         *store,
                                        gint64               source_id,
                                        gint64               target_id,
                                        const char          *label,
                                        gboolean             directed,
                                        RsRelationStatus     status,
                                        gint64              *relation_id,
                                        GError             **error);
RsChange *rs_case_edit_update_relation (RsCaseStore         *store,
                                        gint64               relation_id,
                                        gint64               source_id,
                                        gint64               target_id,
                                        const char          *label,
                                        gboolean             directed,
                                        RsRelationStatus     status,
                                        GError             **error);
RsChange *rs_case_edit_delete_relation (RsCaseStore         *store,
                                        gint64               relation_id,
                                        GError             **error);

RsChange *rs_case_edit_create_event    (RsCaseStore         *store,
                                        const char          *title,
                                        const char          *description,
                                        const char          *date_start,
                                        const char          *date_end,
                                        RsDatePrecision      precision,
                                        RsDateQualifier      qualifier,
                                        const gint64        *entity_ids,
                                        guint                n_entities,
                                        gint64              *event_id,
                                        GError             **error);
RsChange *rs_case_edit_update_event    (RsCaseStore         *store,
                                        gint64               event_id,
                                        const char          *title,
                                        const char          *description,
                                        const char          *date_start,
                                        const char          *date_end,
                                        RsDatePrecision      precision,
                                        RsDateQualifier      qualifier,
                                        const gint64        *entity_ids,
                                        guint                n_entities,
                                        GError             **error);
RsChange *rs_case_edit_delete_event    (RsCaseStore         *store,
                                        gint64               event_id,
                                        GError             **error);

RsChange *rs_case_edit_update_quote    (RsCaseStore         *store,
                                        gint64               quote_id,
                                        gint64               start,
                                        gint64               end,
                                        int                  credibility,
                                        GError             **error);
RsChange *rs_case_edit_set_stance      (RsCaseStore         *store,
                                        gint64               evidence_id,
                                        RsStance             stance,
                                        GError             **error);
RsChange *rs_case_edit_update_document (RsCaseStore         *store,
                                        gint64               document_id,
                                        const char          *title,
                                        const char          *publisher,
                                        const char          *author,
                                        const char          *published,
                                        const char          *url,
                                        RsReliability        reliability,
                                        GError             **error);
RsChange *rs_case_edit_delete_document (RsCaseStore         *store,
                                        gint64               document_id,
                                        GError             **error);

/* Evidence from the text (issue 17): rs-case-edit-evidence.c. Spans are in characters
 * of the document's text, like quote spans; credibility 0 leaves a quote ungraded. */
RsChange *rs_case_edit_create_entity_from_quote (RsCaseStore         *store,
                                                 gint64               document_id,
                                                 gint64               start,
                                                 gint64               end,
                                                 RsEntityKind         kind,
                                                 const char          *name,
                                                 const char * const  *aliases,
                                                 const char          *description,
                                                 gint64              *entity_id,
                                                 GError             **error);
RsChange *rs_case_edit_add_quote_evidence       (RsCaseStore         *store,
                                                 gint64               document_id,
                                                 gint64               start,
                                                 gint64               end,
                                                 RsTarget             target,
                                                 gint64               target_id,
                                                 RsStance             stance,
                                                 int                  credibility,
                                                 gint64              *quote_id,
                                                 GError             **error);
RsChange *rs_case_edit_create_event_from_quote  (RsCaseStore         *store,
                                                 gint64               document_id,
                                                 gint64               start,
                                                 gint64               end,
                                                 const char          *title,
                                                 const char          *date_start,
                                                 const char          *date_end,
                                                 RsDatePrecision      precision,
                                                 RsDateQualifier      qualifier,
                                                 const gint64        *entity_ids,
                                                 guint                n_entities,
                                                 gint64              *event_id,
                                                 GError             **error);
/* @suggestions: RsSuggestion from rs_suggest_document (), all accepted in one change. */
RsChange *rs_case_edit_accept_suggestions       (RsCaseStore         *store,
                                                 gint64               document_id,
                                                 GPtrArray           *suggestions,
                                                 GError             **error);

/* Quotes (issue 16) */
RsChange *rs_case_edit_update_quote_evidence (RsCaseStore  *store,
                                              gint64        quote_id,
                                              gint64        start,
                                              gint64        end,
                                              int           credibility,
                                              gint64        evidence_id,
                                              RsStance      stance,
                                              GError      **error);
RsChange *rs_case_edit_delete_quote          (RsCaseStore  *store,
                                              gint64        quote_id,
                                              GError      **error);

/* Reports (issue 17) */
RsChange *rs_case_edit_import_report   (RsCaseStore         *store,
                                        const char          *text,
                                        const char          *title,
                                        const char          *publisher,
                                        const char          *author,
                                        const char          *published,
                                        const char          *url,
                                        RsReliability        reliability,
                                        gint64              *document_id,
                                        GError             **error);

/* DOT files (issue 19): every node a new entity, every edge a relation, one change.
 * graph comes from rs_dot_graph_read_*() (rs-dot-import.h); title names the change
 * ("Import “title”"), NULL for the graph's name. */
typedef struct _RsDotGraph RsDotGraph;
RsChange *rs_case_edit_import_dot      (RsCaseStore         *store,
                                        RsDotGraph          *graph,
                                        const char          *title,
                                        GError             **error);

/* Team review (issue 20): rs-case-edit-review.c. */
RsChange *rs_case_edit_set_review_state (RsCaseStore    *store,
                                         RsTarget        target,
                                         gint64          target_id,
                                         RsReviewState   state,
                                         GError        **error);
RsChange *rs_case_edit_add_comment      (RsCaseStore    *store,
                                         RsTarget        target,
                                         gint64          target_id,
                                         const char     *body,
                                         gint64         *comment_id,
                                         GError        **error);
RsChange *rs_case_edit_resolve_comment  (RsCaseStore    *store,
                                         gint64          comment_id,
                                         gboolean        resolved,
                                         GError        **error);
RsChange *rs_case_edit_delete_comment   (RsCaseStore    *store,
                                         gint64          comment_id,
                                         GError        **error);
RsChange *rs_case_edit_mark_review      (RsCaseStore    *store,
                                         GError        **error);
gboolean  rs_case_store_get_last_review_mark (RsCaseStore  *store,
                                         char          **reviewer,
                                         GDateTime     **time,
                                         GError        **error);

/* The storyline of presentation mode (issue 20): rs-case-edit-story.c. */
RsChange *rs_case_edit_add_story_view    (RsCaseStore         *store,
                                          const char          *caption,
                                          double               x,
                                          double               y,
                                          double               width,
                                          double               height,
                                          const char * const  *shown,
                                          const char * const  *highlighted,
                                          gint64              *view_id,
                                          GError             **error);
gboolean  rs_case_store_add_story_view   (RsCaseStore         *store,
                                          const char          *caption,
                                          double               x,
                                          double               y,
                                          double               width,
                                          double               height,
                                          const char * const  *shown,
                                          const char * const  *highlighted,
                                          gint64              *view_id,
                                          GError             **error);
RsChange *rs_case_edit_set_story_caption (RsCaseStore         *store,
                                          gint64               view_id,
                                          const char          *caption,
                                          GError             **error);
RsChange *rs_case_edit_move_story_view   (RsCaseStore         *store,
                                          gint64               view_id,
                                          guint                position,
                                          GError             **error);
RsChange *rs_case_edit_delete_story_view (RsCaseStore         *store,
                                          gint64               view_id,
                                          GError             **error);

G_END_DECLS
