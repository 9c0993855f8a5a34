/* rs-board-filter.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-board-types.h"

G_BEGIN_DECLS

#define RS_BOARD_FILTER_ALL_KINDS    ((1u << RS_ENTITY_KIND_LAST) - 1)
#define RS_BOARD_FILTER_ALL_STATUSES ((1u << (RS_RELATION_STATUS_REFUTED + 1)) - 1)

/* Review (issue 20): the claims the board keeps to. */
typedef enum
{
  RS_BOARD_REVIEW_ANY,
  RS_BOARD_REVIEW_CHALLENGED,   /* challenged claims (and what a challenged relation joins) */
  RS_BOARD_REVIEW_UNREVIEWED,   /* neither accepted nor challenged yet */
} RsBoardReviewFilter;

#define RS_TYPE_BOARD_FILTER (rs_board_filter_get_type ())
G_DECLARE_FINAL_TYPE (RsBoardFilter, rs_board_filter, RS, BOARD_FILTER, GObject)

RsBoardFilter *rs_board_filter_new                (void);
guint          rs_board_filter_get_hidden_kinds   (RsBoardFilter     *self);
void           rs_board_filter_set_hidden_kinds   (RsBoardFilter     *self,
                                                   guint              hidden_kinds);
gboolean       rs_board_filter_get_kind_visible   (RsBoardFilter     *self,
                                                   RsEntityKind       kind);
void           rs_board_filter_set_kind_visible   (RsBoardFilter     *self,
                                                   RsEntityKind       kind,
                                                   gboolean           visible);
guint          rs_board_filter_get_statuses       (RsBoardFilter     *self);
void           rs_board_filter_set_statuses       (RsBoardFilter     *self,
                                                   guint              statuses);
gboolean       rs_board_filter_get_status_visible (RsBoardFilter     *self,
                                                   RsRelationStatus   status);
void           rs_board_filter_set_status_visible (RsBoardFilter     *self,
                                                   RsRelationStatus   status,
                                                   gboolean           visible);
gint64         rs_board_filter_get_document_id    (RsBoardFilter     *self);
void           rs_board_filter_set_document_id    (RsBoardFilter     *self,
                                                   gint64             document_id);
const char    *rs_board_filter_get_text           (RsBoardFilter     *self);
void           rs_board_filter_set_text           (RsBoardFilter     *self,
                                                   const char        *text);
gint64         rs_board_filter_get_focus_id       (RsBoardFilter     *self);
void           rs_board_filter_set_focus_id       (RsBoardFilter     *self,
                                                   gint64             entity_id);
guint          rs_board_filter_get_focus_hops     (RsBoardFilter     *self);
void           rs_board_filter_set_focus_hops     (RsBoardFilter     *self,
                                                   guint              hops);
RsBoardReviewFilter rs_board_filter_get_review   (RsBoardFilter     *self);
void           rs_board_filter_set_review         (RsBoardFilter     *self,
                                                   RsBoardReviewFilter review);
gboolean       rs_board_filter_get_remove_hidden  (RsBoardFilter     *self);
void           rs_board_filter_set_remove_hidden  (RsBoardFilter     *self,
                                                   gboolean           remove_hidden);
void           rs_board_filter_set_shown_uids     (RsBoardFilter     *self,
                                                   const char * const *uids);
gboolean       rs_board_filter_get_has_shown_uids (RsBoardFilter     *self);
gboolean       rs_board_filter_shows_uid          (RsBoardFilter     *self,
                                                   const char        *uid);
gboolean       rs_board_filter_get_active         (RsBoardFilter     *self);
void           rs_board_filter_reset              (RsBoardFilter     *self);
gboolean       rs_board_filter_match_text         (RsBoardFilter     *self,
                                                   const char        *name,
                                                   const char * const *aliases);

G_END_DECLS
