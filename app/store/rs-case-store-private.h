/* rs-case-store-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store.h"
#include "rs-change.h"
#include "rs-db.h"

G_BEGIN_DECLS

struct _RsCaseStore
{
  GObject parent_instance;

  /* Owned */
  sqlite3   *db;
  char      *path;
  RsCase    *kase;

  /* The file, as the process-wide registry of open cases knows it. */
  guint64    dev;
  guint64    ino;
  gboolean   registered;
  gboolean   opened;
  gboolean   read_only;

  /* Records written in the open batch, added to the case when it commits. */
  GPtrArray *pending;
  gboolean   in_batch;
  /* An operation of the open batch failed part way: the batch can only be rolled back. */
  gboolean   batch_failed;
  /* SQL -> statement the open batch keeps prepared (NULL outside a batch): an import
   * writes thousands of rows with a dozen statements, and preparing each one anew
   * was most of its time. Outside a batch the connection may be swapped (loading
   * an upgraded copy), so nothing is kept. */
  GHashTable *batch_stmts;
  /* CREATE INDEX texts rs_case_store_defer_indices() dropped for the open batch, and
   * whether it dropped the search queue's insert triggers (rs-case-store-bulk.c). */
  GPtrArray *deferred;
  gboolean   deferred_queue;
  /* CHECK constraints are off for the open batch, and checked before its COMMIT. */
  gboolean   deferred_checks;
  /* Title and description set in the open batch (NULL: not set), likewise. */
  char      *pending_title;
  char      *pending_description;

  /* The open change (rs-case-store-change.c): one transaction whose rows the
   * session records, so that it can be undone. */
  sqlite3_session *session;
  char            *change_label;
  gboolean         in_change;
  char            *author;

  /* The board written a slice at a time (rs_case_store_begin_board): one transaction
   * open across main-loop iterations, with its statements; other writes are refused
   * meanwhile. */
  gboolean         in_board;
  gboolean         board_committed;  /* its rows are in; the model catches up */
  GThread         *board_thread;     /* borrowed: the one writing it */
  RsBoardFinishFunc board_finish;    /* writes the rest of it at once */
  gpointer         board_finish_data;
  gboolean         board_finishing;
  sqlite3_stmt    *board_pos;
  sqlite3_stmt    *board_route;
  sqlite3_stmt    *board_unroute;

  /* The connection is shared with the note writer's worker thread: every use of
   * it, and every transaction as a whole, holds this lock. The worker never holds
   * it while it waits for another program's lock, so the UI thread never waits on
   * another program. */
  GRecMutex  gate;

  /* PRAGMA data_version when the case was last loaded: it changes only when
   * another connection (another program) commits. */
  gint64     data_version;

  /* Find's FTS5 function is registered on the connection (rs-case-store-search.c). */
  gboolean    search_ready;

  RsSaveState save_state;
  guint       n_saving;
  guint       lock_timeout_msec;
};

/* A statement from _rs_case_store_prepare(): g_auto() gives it back to the
 * batch's cache, reset, or finalizes it outside a batch. */
typedef struct
{
  sqlite3_stmt *stmt;
  GHashTable   *cache;  /* Borrowed: the batch's, or NULL */
  char         *sql;    /* Owned, while the statement may go back to the cache */
} RsStoreStmt;

sqlite3_stmt *_rs_case_store_prepare     (RsCaseStore  *self,
                                          RsStoreStmt  *out,
                                          const char   *sql,
                                          GError      **error);
void          _rs_case_store_stmt_clear  (RsStoreStmt  *stmt);
gboolean      _rs_case_store_exec_cached (RsCaseStore  *self,
                                          const char   *sql,
                                          GError      **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsStoreStmt, _rs_case_store_stmt_clear)

void        _rs_case_store_class_sync_init (RsCaseStoreClass *klass);
gboolean    _rs_case_store_build_deferred (RsCaseStore *self,
                                           GError     **error);
void        _rs_case_store_forget_deferred (RsCaseStore *self);
void        _rs_case_store_publish       (RsCaseStore  *self,
                                          gpointer      object);
gboolean    _rs_case_store_insert_note   (RsCaseStore  *self,
                                          RsNote       *draft,
                                          gint64       *id,
                                          GError      **error);

void        _rs_case_store_emit_changed  (RsCaseStore  *self);
void        _rs_case_store_emit_change_committed (RsCaseStore *self,
                                                  RsChange    *change);
gboolean    _rs_case_store_op_begin      (RsCaseStore  *self,
                                          GError      **error);
gboolean    _rs_case_store_op_commit     (RsCaseStore  *self,
                                          GError      **error);
void        _rs_case_store_op_rollback   (RsCaseStore  *self);
gboolean    _rs_case_store_check_text    (const char   *text,
                                          gboolean      required,
                                          const char   *what,
                                          GError      **error);
gboolean    _rs_case_store_check_entity  (RsEntityKind         kind,
                                          const char          *name,
                                          const char * const  *aliases,
                                          const char          *description,
                                          GError             **error);
char       *_rs_case_store_now           (void);
gboolean    _rs_case_store_refuse_busy   (RsCaseStore  *self,
                                          GError      **error);
gboolean    _rs_case_store_record_history (RsCaseStore     *self,
                                           RsHistoryAction  action,
                                           const char      *label,
                                           GDateTime       *time,
                                           GBytes          *changeset,
                                           GError         **error);

/* Which model record a row of TABLE belongs to (entity_alias and position are
 * their entity's, edge_route its relation's, event_entity its event's). */
typedef enum
{
  RS_RECORD_NONE,
  RS_RECORD_CASE,
  RS_RECORD_DOCUMENT,
  RS_RECORD_ENTITY,
  RS_RECORD_RELATION,
  RS_RECORD_QUOTE,
  RS_RECORD_EVENT,
  RS_RECORD_EVIDENCE,
  RS_RECORD_NOTE,
  RS_RECORD_REVIEW,
  RS_RECORD_COMMENT,
  RS_RECORD_STORY_VIEW,
  RS_RECORD_LAST,
} RsRecordKind;

RsRecordKind _rs_case_store_record_kind  (const char   *table,
                                          int          *column);
gpointer    _rs_case_store_load_record   (RsCaseStore  *self,
                                          RsRecordKind  kind,
                                          gint64        id,
                                          GError      **error);
gboolean    _rs_case_store_load_info     (RsCaseStore  *self,
                                          GError      **error);
gboolean    _rs_case_store_refresh       (RsCaseStore  *self,
                                          RsRecordKind  kind,
                                          const gint64 *ids,
                                          guint         n_ids,
                                          GError      **error);

void        _rs_case_store_lock          (RsCaseStore  *self);
void        _rs_case_store_unlock        (RsCaseStore  *self);
gboolean    _rs_case_store_read_data_version (RsCaseStore  *self,
                                          gint64       *version,
                                          GError      **error);

gboolean    _rs_case_store_check_writable (RsCaseStore  *self,
                                           GError      **error);
gboolean    _rs_case_store_load_all      (RsCaseStore  *self,
                                          GError      **error);
RsDocument *_rs_case_store_load_document (RsCaseStore  *self,
                                          gint64        id,
                                          GError      **error);
RsEntity   *_rs_case_store_load_entity   (RsCaseStore  *self,
                                          gint64        id,
                                          GError      **error);
RsRelation *_rs_case_store_load_relation (RsCaseStore  *self,
                                          gint64        id,
                                          GError      **error);
RsQuote    *_rs_case_store_load_quote    (RsCaseStore  *self,
                                          gint64        id,
                                          GError      **error);
RsEvidence *_rs_case_store_load_evidence (RsCaseStore  *self,
                                          gint64        id,
                                          GError      **error);
RsEvent    *_rs_case_store_load_event    (RsCaseStore  *self,
                                          gint64        id,
                                          GError      **error);
RsReview   *_rs_case_store_load_review   (RsCaseStore  *self,
                                          gint64        id,
                                          GError      **error);
RsComment  *_rs_case_store_load_comment  (RsCaseStore  *self,
                                          gint64        id,
                                          GError      **error);
RsStoryView *_rs_case_store_load_story_view (RsCaseStore *self,
                                          gint64        id,
                                          GError      **error);
const char *_rs_case_store_claim_column  (RsTarget      target);
gboolean    _rs_case_store_claim_exists  (RsCase       *kase,
                                          RsTarget      target,
                                          gint64        id);
RsNote     *_rs_case_store_load_note     (RsCaseStore  *self,
                                          gint64        id,
                                          GError      **error);

G_END_DECLS
