/* rs-case-store.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case.h"
#include "rs-change.h"
#include "rs-fuzzy-date.h"
#include "rs-history-entry.h"
#include "rs-search-hit.h"

G_BEGIN_DECLS

/* Writes what is left of a board write at once, and ends it (rs_case_store_begin_board). */
typedef void (*RsBoardFinishFunc) (gpointer data);

#define RS_TYPE_CASE_STORE (rs_case_store_get_type ())
G_DECLARE_FINAL_TYPE (RsCaseStore, rs_case_store, RS, CASE_STORE, GObject)

typedef enum
{
  RS_CASE_STORE_OPEN_NONE   = 0,
  RS_CASE_STORE_OPEN_CREATE    = 1 << 0,
  RS_CASE_STORE_OPEN_READ_ONLY = 1 << 1,
} RsCaseStoreOpenFlags;

/* Where the board puts an entity, and whether the analyst pinned it there. */
typedef struct
{
  gint64   entity_id;
  double   x;
  double   y;
  gboolean pinned;
} RsNodePlacement;

/* The drawn path of a relation; route NULL draws it straight. */
typedef struct
{
  gint64      relation_id;
  const char *route;
  gboolean    has_label_position;
  double      label_x;
  double      label_y;
} RsEdgePlacement;

RsCaseStore *rs_case_store_open               (const char             *path,
                                               RsCaseStoreOpenFlags    flags,
                                               GError                **error);
RsCaseStore *rs_case_store_find_open          (const char             *path);
void         rs_case_store_open_async         (const char             *path,
                                               RsCaseStoreOpenFlags    flags,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data);
RsCaseStore *rs_case_store_open_finish        (GAsyncResult           *result,
                                               GError                **error);
gboolean     rs_case_store_remove_case_file   (const char             *path,
                                               GError                **error);
RsCase      *rs_case_store_get_case           (RsCaseStore            *self);
gboolean     rs_case_store_is_read_only       (RsCaseStore            *self);
const char  *rs_case_store_get_path           (RsCaseStore            *self);
int          rs_case_store_get_schema_version (RsCaseStore            *self);
gboolean     rs_case_store_save_as            (RsCaseStore            *self,
                                               const char             *path,
                                               GError                **error);

void         rs_case_store_set_lock_timeout   (RsCaseStore            *self,
                                               guint                   msec);
RsSaveState  rs_case_store_get_save_state     (RsCaseStore            *self);
gboolean     rs_case_store_check_for_changes  (RsCaseStore            *self,
                                               gboolean               *reloaded,
                                               GError                **error);
gboolean     rs_case_store_reload             (RsCaseStore            *self,
                                               GError                **error);
RsNote      *rs_case_store_save_note          (RsCaseStore            *self,
                                               RsNote                 *draft,
                                               const char             *base,
                                               gboolean               *merged,
                                               GError                **error);
void         rs_case_store_save_note_async    (RsCaseStore            *self,
                                               RsNote                 *draft,
                                               const char             *base,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data);
RsNote      *rs_case_store_save_note_finish   (RsCaseStore            *self,
                                               GAsyncResult           *result,
                                               gboolean               *merged,
                                               GError                **error);

gboolean     rs_case_store_begin_batch        (RsCaseStore            *self,
                                               GError                **error);
gboolean     rs_case_store_commit_batch       (RsCaseStore            *self,
                                               GError                **error);
void         rs_case_store_rollback_batch     (RsCaseStore            *self);
gboolean     rs_case_store_defer_indices      (RsCaseStore            *self,
                                               gboolean               *deferred,
                                               GError                **error);

void         rs_case_store_set_author         (RsCaseStore            *self,
                                               const char             *author);
const char  *rs_case_store_get_author         (RsCaseStore            *self);
gboolean     rs_case_store_begin_change       (RsCaseStore            *self,
                                               const char             *label,
                                               GError                **error);
RsChange    *rs_case_store_end_change         (RsCaseStore            *self,
                                               GError                **error);
void         rs_case_store_cancel_change      (RsCaseStore            *self);
gboolean     rs_case_store_in_change          (RsCaseStore            *self);
gboolean     rs_case_store_undo_change        (RsCaseStore            *self,
                                               RsChange               *change,
                                               GError                **error);
gboolean     rs_case_store_redo_change        (RsCaseStore            *self,
                                               RsChange               *change,
                                               GError                **error);
GPtrArray   *rs_case_store_dup_history        (RsCaseStore            *self,
                                               const char             *author,
                                               RsTarget                target,
                                               gint64                  record_id,
                                               guint                   limit,
                                               GError                **error);
char       **rs_case_store_dup_history_authors (RsCaseStore           *self,
                                               GError                **error);
GArray      *rs_case_store_dup_changes_since  (RsCaseStore            *self,
                                               GDateTime              *since,
                                               GError                **error);
GBytes      *rs_case_store_dup_history_changeset (RsCaseStore         *self,
                                               gint64                  history_id,
                                               GError                **error);

gboolean     rs_case_store_set_info           (RsCaseStore            *self,
                                               const char             *title,
                                               const char             *description,
                                               GError                **error);
gboolean     rs_case_store_set_created        (RsCaseStore            *self,
                                               const char             *created,
                                               GError                **error);
RsDocument  *rs_case_store_add_document       (RsCaseStore            *self,
                                               RsDocument             *draft,
                                               GError                **error);
RsEntity    *rs_case_store_add_entity         (RsCaseStore            *self,
                                               RsEntity               *draft,
                                               GError                **error);
RsRelation  *rs_case_store_add_relation       (RsCaseStore            *self,
                                               RsRelation             *draft,
                                               GError                **error);
RsQuote     *rs_case_store_add_quote          (RsCaseStore            *self,
                                               RsQuote                *draft,
                                               GError                **error);
RsEvidence  *rs_case_store_add_evidence       (RsCaseStore            *self,
                                               RsEvidence             *draft,
                                               GError                **error);
RsEvent     *rs_case_store_add_event          (RsCaseStore            *self,
                                               RsEvent                *draft,
                                               GError                **error);
RsReview    *rs_case_store_add_review         (RsCaseStore            *self,
                                               RsReview               *draft,
                                               GError                **error);
RsComment   *rs_case_store_add_comment        (RsCaseStore            *self,
                                               RsComment              *draft,
                                               GError                **error);
RsNote      *rs_case_store_add_note           (RsCaseStore            *self,
                                               RsNote                 *draft,
                                               GError                **error);

gboolean     rs_case_store_update_entity      (RsCaseStore            *self,
                                               gint64                  entity_id,
                                               RsEntityKind            kind,
                                               const char             *name,
                                               const char * const     *aliases,
                                               const char             *description,
                                               GError                **error);
gboolean     rs_case_store_set_relation_status (RsCaseStore           *self,
                                               gint64                  relation_id,
                                               RsRelationStatus        status,
                                               GError                **error);
gboolean     rs_case_store_update_relation    (RsCaseStore            *self,
                                               gint64                  relation_id,
                                               gint64                  source_id,
                                               gint64                  target_id,
                                               const char             *label,
                                               gboolean                directed,
                                               RsRelationStatus        status,
                                               GError                **error);
gboolean     rs_case_store_update_event       (RsCaseStore            *self,
                                               gint64                  event_id,
                                               const char             *title,
                                               const char             *description,
                                               RsFuzzyDate            *date,
                                               const gint64           *entity_ids,
                                               guint                   n_entities,
                                               GError                **error);
gboolean     rs_case_store_update_quote       (RsCaseStore            *self,
                                               gint64                  quote_id,
                                               gint64                  start,
                                               gint64                  end,
                                               int                     credibility,
                                               GError                **error);
gboolean     rs_case_store_update_evidence    (RsCaseStore            *self,
                                               gint64                  evidence_id,
                                               RsTarget                target,
                                               gint64                  target_id,
                                               RsStance                stance,
                                               GError                **error);
gboolean     rs_case_store_update_document    (RsCaseStore            *self,
                                               gint64                  document_id,
                                               const char             *title,
                                               const char             *publisher,
                                               const char             *author,
                                               const char             *published,
                                               const char             *url,
                                               RsReliability           reliability,
                                               GError                **error);
gboolean     rs_case_store_set_pinned         (RsCaseStore            *self,
                                               gint64                  entity_id,
                                               gboolean                pinned,
                                               GError                **error);
gboolean     rs_case_store_repoint_entity     (RsCaseStore            *self,
                                               gint64                  from_id,
                                               gint64                  to_id,
                                               GError                **error);
gboolean     rs_case_store_set_note_body      (RsCaseStore            *self,
                                               gint64                  note_id,
                                               const char             *body,
                                               GError                **error);
gboolean     rs_case_store_set_board          (RsCaseStore            *self,
                                               const RsNodePlacement  *nodes,
                                               guint                   n_nodes,
                                               const RsEdgePlacement  *edges,
                                               guint                   n_edges,
                                               GError                **error);

gboolean     rs_case_store_begin_board        (RsCaseStore            *self,
                                               RsBoardFinishFunc       finish,
                                               gpointer                finish_data,
                                               GError                **error);
gboolean     rs_case_store_write_board        (RsCaseStore            *self,
                                               const RsNodePlacement  *nodes,
                                               guint                   n_nodes,
                                               const RsEdgePlacement  *edges,
                                               guint                   n_edges,
                                               GError                **error);
gboolean     rs_case_store_commit_board       (RsCaseStore            *self,
                                               GError                **error);
void         rs_case_store_place_board        (RsCaseStore            *self,
                                               const RsNodePlacement  *nodes,
                                               guint                   n_nodes,
                                               const RsEdgePlacement  *edges,
                                               guint                   n_edges);
void         rs_case_store_end_board          (RsCaseStore            *self);
void         rs_case_store_cancel_board       (RsCaseStore            *self);
gboolean     rs_case_store_in_board           (RsCaseStore            *self);

gboolean     rs_case_store_show_board         (RsCaseStore            *self,
                                               const RsNodePlacement  *nodes,
                                               guint                   n_nodes,
                                               const RsEdgePlacement  *edges,
                                               guint                   n_edges,
                                               GError                **error);

/* rs-case-store-documents.c */
gboolean     rs_case_store_check_published    (const char             *published,
                                               GError                **error);
RsDocument  *rs_case_store_find_document_by_sha256 (RsCaseStore       *self,
                                                   const char        *sha256);
RsDocument  *rs_case_store_find_document_by_text (RsCaseStore         *self,
                                                 const char          *text);

gboolean     rs_case_store_delete_document    (RsCaseStore            *self,
                                               gint64                  document_id,
                                               GError                **error);
gboolean     rs_case_store_delete_entity      (RsCaseStore            *self,
                                               gint64                  entity_id,
                                               GError                **error);
gboolean     rs_case_store_delete_relation    (RsCaseStore            *self,
                                               gint64                  relation_id,
                                               GError                **error);
gboolean     rs_case_store_delete_quote       (RsCaseStore            *self,
                                               gint64                  quote_id,
                                               GError                **error);
gboolean     rs_case_store_delete_evidence    (RsCaseStore            *self,
                                               gint64                  evidence_id,
                                               GError                **error);
gboolean     rs_case_store_delete_event       (RsCaseStore            *self,
                                               gint64                  event_id,
                                               GError                **error);
gboolean     rs_case_store_delete_note        (RsCaseStore            *self,
                                               gint64                  note_id,
                                               GError                **error);

/* rs-case-store-search.c */
GPtrArray   *rs_case_store_search             (RsCaseStore            *self,
                                               const char             *query,
                                               guint                   limit,
                                               GError                **error);

G_END_DECLS
