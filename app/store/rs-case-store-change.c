/* rs-case-store-change.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-change"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "rs-case-store-private.h"
#include "rs-error.h"

/* Commands and undo. A change is one transaction in which a SQLite session records
 * every row written (foreign-key cascades included): the changeset it yields is the
 * change, exactly. Undo applies its inverse and redo the changeset, each in one
 * transaction, and refuses (rolls back) if any row is no longer as the change left
 * it. After each, the model is brought to what the file holds by reloading every
 * record the changeset touched: the file is the truth, and the model never keeps a
 * state the file does not have, even when a commit fails. */

const char *
rs_case_store_get_author (RsCaseStore *self)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);

  if (self->author == NULL)
    {
      const char *name = g_get_real_name ();

      self->author = g_strdup (name != NULL && *name != '\0' && g_strcmp0 (name, "Unknown") != 0
                               ? name : g_get_user_name ());
    }
  return self->author;
}

/* Who makes the changes from now on (the analyst's name in the preferences). */
void
rs_case_store_set_author (RsCaseStore *self,
                          const char  *author)
{
  g_return_if_fail (RS_IS_CASE_STORE (self));

  g_free (self->author);
  self->author = author != NULL && *author != '\0' ? g_strdup (author) : NULL;
}

gboolean
rs_case_store_in_change (RsCaseStore *self)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  return self->in_change;
}

/* The records a changeset touches, by kind: the rows of child tables stand for
 * their parent record. Column 0 is the record's id in every table we have but
 * external_reference, whose entity_id is column 1 (_rs_case_store_record_kind()). */
typedef struct
{
  GArray     *ids[RS_RECORD_LAST];
  GHashTable *seen[RS_RECORD_LAST];
  GArray     *gone[RS_RECORD_LAST];  /* the ones no longer in the file */
  gboolean    info;
} Touched;

static void
touched_clear (Touched *touched)
{
  for (guint i = 0; i < RS_RECORD_LAST; i++)
    {
      g_clear_pointer (&touched->ids[i], g_array_unref);
      g_clear_pointer (&touched->seen[i], g_hash_table_unref);
      g_clear_pointer (&touched->gone[i], g_array_unref);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Touched, touched_clear)

static gboolean
collect_touched (const void  *data,
                 gsize        size,
                 Touched     *touched,
                 GError     **error)
{
  g_autoptr(sqlite3_changeset_iter) iter = NULL;
  GHashTable **seen = touched->seen;
  int rc;

  for (guint i = 0; i < RS_RECORD_LAST; i++)
    {
      touched->ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
      seen[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }
  if (size == 0)
    return TRUE;

  if ((rc = sqlite3changeset_start (&iter, (int)size, (void *)data)) != SQLITE_OK)
    goto fail;

  while ((rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      sqlite3_value *value = NULL;
      RsRecordKind kind;
      gint64 id;
      int column;

      if ((rc = sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect)) != SQLITE_OK)
        goto fail;
      if ((kind = _rs_case_store_record_kind (table, &column)) == RS_RECORD_NONE)
        continue;
      if (kind == RS_RECORD_CASE)
        {
          touched->info = TRUE;
          continue;
        }
      if (column >= n_columns)
        {
          rc = SQLITE_CORRUPT;
          goto fail;
        }
      rc = op == SQLITE_INSERT ? sqlite3changeset_new (iter, column, &value)
                               : sqlite3changeset_old (iter, column, &value);
      if (rc != SQLITE_OK)
        goto fail;
      /* An external reference's owner: none (a relation's or a document's reference,
       * not in the model), or unchanged by an update (none of ours updates them). */
      if (column > 0 && (value == NULL || sqlite3_value_type (value) == SQLITE_NULL))
        continue;
      if (value == NULL)
        goto fail;

      id = sqlite3_value_int64 (value);
      if (!g_hash_table_contains (seen[kind], &id))
        {
          g_hash_table_add (seen[kind], g_memdup2 (&id, sizeof id));
          g_array_append_val (touched->ids[kind], id);
        }
    }
  if (rc == SQLITE_DONE)
    return TRUE;

fail:
  g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
               _("The change cannot be read (%s)"), sqlite3_errstr (rc));
  return FALSE;
}

static gint64
record_id (gpointer record)
{
  if (RS_IS_DOCUMENT (record))
    return rs_document_get_id (record);
  if (RS_IS_ENTITY (record))
    return rs_entity_get_id (record);
  if (RS_IS_RELATION (record))
    return rs_relation_get_id (record);
  if (RS_IS_QUOTE (record))
    return rs_quote_get_id (record);
  if (RS_IS_EVENT (record))
    return rs_event_get_id (record);
  if (RS_IS_EVIDENCE (record))
    return rs_evidence_get_id (record);
  if (RS_IS_REVIEW (record))
    return rs_review_get_id (record);
  if (RS_IS_COMMENT (record))
    return rs_comment_get_id (record);
  if (RS_IS_STORY_VIEW (record))
    return rs_story_view_get_id (record);
  return rs_note_get_id (record);
}

static void
remove_record (RsCase       *kase,
               RsRecordKind  kind,
               gint64        id)
{
  switch (kind)
    {
    case RS_RECORD_DOCUMENT:
      rs_case_remove_document (kase, id);
      break;
    case RS_RECORD_ENTITY:
      rs_case_remove_entity (kase, id);
      break;
    case RS_RECORD_RELATION:
      rs_case_remove_relation (kase, id);
      break;
    case RS_RECORD_QUOTE:
      rs_case_remove_quote (kase, id);
      break;
    case RS_RECORD_EVENT:
      rs_case_remove_event (kase, id);
      break;
    case RS_RECORD_EVIDENCE:
      rs_case_remove_evidence (kase, id);
      break;
    case RS_RECORD_NOTE:
      rs_case_remove_note (kase, id);
      break;
    case RS_RECORD_REVIEW:
      rs_case_remove_review (kase, id);
      break;
    case RS_RECORD_COMMENT:
      rs_case_remove_comment (kase, id);
      break;
    case RS_RECORD_STORY_VIEW:
      rs_case_remove_story_view (kase, id);
      break;
    case RS_RECORD_NONE:
    case RS_RECORD_CASE:
    case RS_RECORD_LAST:
    default:
      g_assert_not_reached ();
    }
}

/* What the whole-case loader checks across tables, for one record against the
 * model (whose parents have been brought up to date first). */
static gboolean
check_references (RsCase    *kase,
                  gpointer   record,
                  GError   **error)
{
  gboolean ok = TRUE;

  if (RS_IS_RELATION (record))
    ok = rs_case_lookup_entity (kase, rs_relation_get_source_id (record)) &&
         rs_case_lookup_entity (kase, rs_relation_get_target_id (record));
  else if (RS_IS_QUOTE (record))
    {
      RsDocument *document = rs_case_lookup_document (kase, rs_quote_get_document_id (record));

      ok = document != NULL && rs_quote_get_end (record) <= rs_document_get_length (document);
    }
  else if (RS_IS_EVENT (record))
    {
      guint n_ids = 0;
      const gint64 *ids = rs_event_get_entity_ids (record, &n_ids);

      for (guint i = 0; ok && i < n_ids; i++)
        ok = rs_case_lookup_entity (kase, ids[i]) != NULL;
    }
  else if (RS_IS_EVIDENCE (record))
    {
      gint64 target_id = rs_evidence_get_target_id (record);

      ok = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (record)) != NULL;
      switch (rs_evidence_get_target (record))
        {
        case RS_TARGET_ENTITY:
          ok = ok && rs_case_lookup_entity (kase, target_id);
          break;
        case RS_TARGET_RELATION:
          ok = ok && rs_case_lookup_relation (kase, target_id);
          break;
        case RS_TARGET_EVENT:
          ok = ok && rs_case_lookup_event (kase, target_id);
          break;
        default:
          ok = FALSE;
        }
    }

  else if (RS_IS_REVIEW (record))
    ok = _rs_case_store_claim_exists (kase, rs_review_get_target (record),
                                      rs_review_get_target_id (record));
  else if (RS_IS_COMMENT (record))
    ok = _rs_case_store_claim_exists (kase, rs_comment_get_target (record),
                                      rs_comment_get_target_id (record));

  if (!ok)
    g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                 _("The case file is damaged: record %" PRId64 " refers to a missing "
                   "record"), record_id (record));
  return ok;
}

/* Brings the model's records of KIND with IDS to what the file holds. */
gboolean
_rs_case_store_refresh (RsCaseStore   *self,
                        RsRecordKind   kind,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GObject) record = _rs_case_store_load_record (self, kind, ids[i], &local_error);

      if (record == NULL)
        {
          if (!g_error_matches (local_error, RS_ERROR, RS_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          remove_record (self->kase, kind, ids[i]);
          continue;
        }
      if (!check_references (self->kase, record, error))
        return FALSE;
      rs_case_put (self->kase, record);
    }
  return TRUE;
}

/* Reloads every record the changeset touched. First the records that are still
 * there, parents before children, so that a record never reaches the model before
 * what it refers to; then the ones that are gone, children before parents. In that
 * order the model's own cascades (removing an entity removes its relations) only
 * ever find what the file no longer has: a relation moved off a deleted entity has
 * already been moved in the model. */
static gboolean
sync_model (RsCaseStore  *self,
            GBytes       *changeset,
            GError      **error)
{
  static const RsRecordKind parents_first[] = {
    RS_RECORD_DOCUMENT, RS_RECORD_ENTITY, RS_RECORD_RELATION, RS_RECORD_QUOTE,
    RS_RECORD_EVENT, RS_RECORD_EVIDENCE, RS_RECORD_NOTE, RS_RECORD_REVIEW, RS_RECORD_COMMENT,
    RS_RECORD_STORY_VIEW,
  };
  g_auto(Touched) touched = { { NULL }, { NULL }, { NULL }, FALSE };
  GArray **gone = touched.gone;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  gboolean ok = TRUE;

  if (!collect_touched (data, size, &touched, error))
    return FALSE;

  _rs_case_store_lock (self);
  rs_db_exec (self->db, "BEGIN", NULL);

  for (guint k = 0; ok && k < G_N_ELEMENTS (parents_first); k++)
    {
      RsRecordKind kind = parents_first[k];
      GArray *ids = touched.ids[kind];

      gone[kind] = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; ok && i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          g_autoptr(GError) local_error = NULL;
          g_autoptr(GObject) record = _rs_case_store_load_record (self, kind, id, &local_error);

          if (record != NULL)
            {
              if ((ok = check_references (self->kase, record, error)))
                rs_case_put (self->kase, record);
            }
          else if (g_error_matches (local_error, RS_ERROR, RS_ERROR_NOT_FOUND))
            g_array_append_val (gone[kind], id);
          else
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
            }
        }
    }

  for (int k = G_N_ELEMENTS (parents_first) - 1; ok && k >= 0; k--)
    {
      RsRecordKind kind = parents_first[k];

      for (guint i = 0; i < gone[kind]->len; i++)
        remove_record (self->kase, kind, g_array_index (gone[kind], gint64, i));
    }

  if (ok && touched.info)
    ok = _rs_case_store_load_info (self, error);

  rs_db_exec (self->db, "COMMIT", NULL);
  _rs_case_store_unlock (self);
  return ok;
}

static GBytes *
session_changeset (RsCaseStore  *self,
                   GError      **error)
{
  void *data = NULL;
  int size = 0;
  int rc;

  if ((rc = sqlite3session_changeset (self->session, &size, &data)) != SQLITE_OK)
    {
      rs_db_set_error (self->db, rc, error, NULL);
      return NULL;
    }
  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);
}

/* The search index and its queue (003-search.sql) are derived from the records: the
 * queue's triggers fire again when undo or redo writes the records back. Recorded,
 * their rows would be put back over what the index has become since, and FTS5's
 * shadow tables are read-only to us in defensive mode anyway. */
static int
session_table_filter (void       *user_data G_GNUC_UNUSED,
                      const char *table)
{
  /* The search index follows the records by itself; the history is not undone. */
  return !g_str_has_prefix (table, "search_") && !g_str_has_prefix (table, "history");
}

static void
finish_change (RsCaseStore *self)
{
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->change_label, g_free);
  self->in_change = FALSE;
  _rs_case_store_unlock (self);
}

/**
 * rs_case_store_begin_change:
 * @label: what the change is called in the Undo menu ("Merge “BRONZE BUTLER” into “Tick”")
 *
 * Opens a change: every write until rs_case_store_end_change() is one transaction,
 * recorded so that it can be undone. Changes do not nest; an import
 * (rs_bundle_import_bytes()) may run inside one and is then part of it.
 */
gboolean
rs_case_store_begin_change (RsCaseStore  *self,
                            const char   *label,
                            GError      **error)
{
  int rc;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->in_change || self->in_batch)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_BUSY,
                           _("Another change to the case is still being made"));
      return FALSE;
    }
  if (!_rs_case_store_check_writable (self, error) || _rs_case_store_refuse_busy (self, error))
    return FALSE;

  _rs_case_store_lock (self);
  if (!rs_db_exec (self->db, "BEGIN IMMEDIATE", error))
    {
      _rs_case_store_unlock (self);
      return FALSE;
    }
  if ((rc = sqlite3session_create (self->db, "main", &self->session)) == SQLITE_OK)
    sqlite3session_table_filter (self->session, session_table_filter, NULL);
  if (rc != SQLITE_OK ||
      (rc = sqlite3session_attach (self->session, NULL)) != SQLITE_OK)
    {
      rs_db_set_error (self->db, rc, error, NULL);
      rs_db_exec (self->db, "ROLLBACK", NULL);
      g_clear_pointer (&self->session, sqlite3session_delete);
      _rs_case_store_unlock (self);
      return FALSE;
    }

  self->change_label = g_strdup (label);
  self->in_change = TRUE;
  /* The case announces the whole change once, when it ends. */
  rs_case_begin_changes (self->kase);
  return TRUE;
}

/* Rolls the open change back; the model follows the file back. */
void
rs_case_store_cancel_change (RsCaseStore *self)
{
  g_autoptr(GBytes) changeset = NULL;

  g_return_if_fail (RS_IS_CASE_STORE (self));

  if (!self->in_change)
    return;

  if (self->in_batch)
    rs_case_store_rollback_batch (self);
  changeset = session_changeset (self, NULL);
  rs_db_exec (self->db, "ROLLBACK", NULL);
  finish_change (self);

  if (changeset != NULL)
    sync_model (self, changeset, NULL);
  rs_case_end_changes (self->kase);
}

/**
 * rs_case_store_end_change:
 *
 * Commits the open change. Returns: (transfer full): the change, for the undo
 * stack (it may be empty, see rs_change_is_empty()); or %NULL if it could not be
 * committed, in which case nothing of it was kept, in the file or the model.
 */
RsChange *
rs_case_store_end_change (RsCaseStore  *self,
                          GError      **error)
{
  g_autoptr(GBytes) changeset = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *label = NULL;
  RsChange *change;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (self->in_change, NULL);
  g_return_val_if_fail (!self->in_batch, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  now = g_date_time_new_now_utc ();
  if (!(changeset = session_changeset (self, error)) ||
      !_rs_case_store_record_history (self, RS_HISTORY_ACTION_DO, self->change_label, now,
                                      changeset, error) ||
      !rs_db_exec (self->db, "COMMIT", error))
    {
      if (changeset == NULL)
        {
          rs_case_store_cancel_change (self);
          return NULL;
        }
      rs_db_exec (self->db, "ROLLBACK", NULL);
      finish_change (self);
      sync_model (self, changeset, NULL);
      rs_case_end_changes (self->kase);
      return NULL;
    }

  label = g_steal_pointer (&self->change_label);
  finish_change (self);

  /* The writes mirrored themselves as they went; this catches what they did not
   * (cascades in the file, rows written below the model). The change is in the file
   * now: if the model cannot follow (SQLite out of memory), it is read again whole,
   * and the change is reported as made, never as a failure that went in. */
  {
    g_autoptr(GError) sync_error = NULL;

    if (!sync_model (self, changeset, &sync_error))
      {
        g_autoptr(GError) reload_error = NULL;

        rs_case_end_changes (self->kase);
        if (!rs_case_store_reload (self, &reload_error))
          g_message ("The change “%s” is saved, but the case in memory could not follow it "
                     "(%s; then %s): open the case again to see all of it",
                     label, sync_error->message, reload_error->message);
      }
    else
      rs_case_end_changes (self->kase);
  }

  change = rs_change_new (label, rs_case_store_get_author (self), now, changeset);
  if (!rs_change_is_empty (change))
    _rs_case_store_emit_change_committed (self, change);
  return change;
}

typedef struct
{
  gboolean conflict;
} ApplyContext;

/* Where the board put nodes and routed edges is rewritten by every layout, after
 * the command that is undone: it never stands in the way. The command's own
 * positions win (a drag undone puts the node back); rows that are gone stay gone
 * (found when a new entity's undo met the position the layout gave it). */
static gboolean
is_layout_table (const char *table)
{
  return g_strcmp0 (table, "position") == 0 || g_strcmp0 (table, "edge_route") == 0;
}

static int
on_conflict (void                   *user_data,
             int                     reason,
             sqlite3_changeset_iter *iter)
{
  ApplyContext *context = user_data;
  const char *table = NULL;
  int n_columns, op, indirect;

  if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) == SQLITE_OK &&
      is_layout_table (table))
    return reason == SQLITE_CHANGESET_DATA || reason == SQLITE_CHANGESET_CONFLICT
           ? SQLITE_CHANGESET_REPLACE : SQLITE_CHANGESET_OMIT;

  context->conflict = TRUE;
  return SQLITE_CHANGESET_ABORT;
}

/* Applies CHANGESET in one transaction, all or nothing. Foreign keys are off while
 * it applies: the changeset already holds every row their cascades touched, and
 * letting them cascade again would delete rows it still has to find. The keys are
 * checked as a whole before the commit instead. */
static gboolean
apply_changeset (RsCaseStore      *self,
                 GBytes           *changeset,
                 RsHistoryAction   action,
                 const char       *label,
                 const char       *what,
                 GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ApplyContext context = { FALSE };
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  gboolean has_row = FALSE;
  int rc;

  _rs_case_store_lock (self);
  if (!rs_db_exec (self->db, "PRAGMA foreign_keys = OFF", &local_error) ||
      !rs_db_exec (self->db, "BEGIN IMMEDIATE", &local_error))
    goto fail;

  rc = sqlite3changeset_apply (self->db, (int)size, (void *)data, NULL, on_conflict, &context);
  if (rc != SQLITE_OK && !context.conflict)
    {
      rs_db_set_error (self->db, rc, &local_error, NULL);
      goto rollback;
    }
  /* Layout rows of records the change removed go with them. */
  if (!context.conflict &&
      !rs_db_exec (self->db,
                   "DELETE FROM position WHERE entity_id NOT IN (SELECT id FROM entity);"
                   "DELETE FROM edge_route WHERE relation_id NOT IN (SELECT id FROM relation);",
                   &local_error))
    goto rollback;
  if (!context.conflict &&
      (!(check = rs_db_prepare (self->db, "PRAGMA foreign_key_check", &local_error)) ||
       !rs_db_step_row (self->db, check, &has_row, &local_error)))
    goto rollback;
  g_clear_pointer (&check, sqlite3_finalize);
  if (context.conflict || has_row)
    {
      context.conflict = TRUE;
      goto rollback;
    }
  /* Undone and redone in the history too, in the same transaction. */
  if (!_rs_case_store_record_history (self, action, label, now, changeset, &local_error) ||
      !rs_db_exec (self->db, "COMMIT", &local_error))
    goto rollback;

  rs_db_exec (self->db, "PRAGMA foreign_keys = ON", NULL);
  _rs_case_store_unlock (self);
  return TRUE;

rollback:
  rs_db_exec (self->db, "ROLLBACK", NULL);
fail:
  rs_db_exec (self->db, "PRAGMA foreign_keys = ON", NULL);
  _rs_case_store_unlock (self);

  if (context.conflict)
    /* TRANSLATORS: "Cannot undo “Delete “Tick””: the case changed since" */
    g_set_error (error, RS_ERROR, RS_ERROR_CONFLICT, _("%s: the case changed since"), what);
  else
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", what,
                 local_error->message);
  return FALSE;
}

static gboolean
replay (RsCaseStore  *self,
        RsChange     *change,
        gboolean      undo,
        GError      **error)
{
  g_autoptr(GBytes) changeset = NULL;
  g_autofree char *what = NULL;

  if (self->in_change || self->in_batch)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_BUSY,
                           _("Another change to the case is still being made"));
      return FALSE;
    }
  if (!_rs_case_store_check_writable (self, error) || _rs_case_store_refuse_busy (self, error))
    return FALSE;
  if (rs_change_is_empty (change))
    return TRUE;

  changeset = undo ? rs_change_dup_inverse (change, error)
                   : g_bytes_ref (rs_change_get_changeset (change));
  if (changeset == NULL)
    return FALSE;

  /* TRANSLATORS: the argument is a change's label, "Merge “BRONZE BUTLER” into “Tick”" */
  what = undo ? g_strdup_printf (_("Cannot undo “%s”"), rs_change_get_label (change))
              : g_strdup_printf (_("Cannot redo “%s”"), rs_change_get_label (change));
  if (!apply_changeset (self, changeset, undo ? RS_HISTORY_ACTION_UNDO : RS_HISTORY_ACTION_REDO,
                        rs_change_get_label (change), what, error))
    return FALSE;

  rs_case_begin_changes (self->kase);
  if (!sync_model (self, changeset, error))
    {
      rs_case_end_changes (self->kase);
      return FALSE;
    }
  rs_case_end_changes (self->kase);
  return TRUE;
}

gboolean
rs_case_store_undo_change (RsCaseStore  *self,
                           RsChange     *change,
                           GError      **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (RS_IS_CHANGE (change), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return replay (self, change, TRUE, error);
}

gboolean
rs_case_store_redo_change (RsCaseStore  *self,
                           RsChange     *change,
                           GError      **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (RS_IS_CHANGE (change), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return replay (self, change, FALSE, error);
}
