/* rs-case-store-bulk.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-bulk"

#include "config.h"

#include <string.h>

#include "rs-case-store-private.h"
#include "rs-error.h"

/* A batch that fills an empty case (a bundle imported into a new case) builds the
 * secondary indices and the search queue once, at its end, rather than row by row:
 * SQLite sorts a whole column into a new index much faster than it inserts each
 * row into a B-tree, and one INSERT … SELECT queues what thousands of trigger runs
 * would. All of it happens inside the batch's transaction: a failure or a crash
 * before COMMIT leaves the case as it was, indices and triggers included.
 *
 * The tables' CHECK constraints are verified the same way: SQLite 3.40 builds a
 * temporary table for every IN (…) list of a CHECK at every row it inserts (an
 * entity's kind, a relation's status), a sixth of an import. They are not run per
 * row, and before COMMIT PRAGMA quick_check runs every CHECK (and NOT NULL) of each
 * table a batch writes over all its rows: one row that breaks one fails the batch,
 * which is rolled back whole. The store checks every value before it writes it, so
 * this is the second guard, as before, only later.
 *
 * Only indices that no statement of an import reads (lookups during an import go
 * by rowid or a uid's UNIQUE constraint) and that are not UNIQUE (a duplicate must
 * be refused at its row, with its place in the bundle) are deferred. */
static const char * const deferred_indices[] = {
  "relation_source", "relation_target", "quote_document", "event_sort",
  "event_entity_entity", "evidence_entity", "evidence_relation", "evidence_event",
  "note_entity", "note_relation", "note_event", "note_document",
  "comment_entity", "comment_relation", "comment_event", "comment_quote",
  "external_reference_entity", "external_reference_relation",
  "external_reference_document", "external_reference_external_id",
  "stix_id_entity", "stix_id_relation", "stix_id_document", "stix_id_event",
};

/* The triggers that queue an inserted record for Find (003-search.sql, the entity's
 * again in 008-stix.sql), exactly: only when the case has these is the queue filled
 * by the INSERT … SELECTs below, which queue what they would have. */
static const struct
{
  const char *name;
  const char *sql;
  const char *fill;
} queue_triggers[] = {
  { "search_entity_insert",
    "CREATE TRIGGER search_entity_insert AFTER INSERT ON entity BEGIN\n"
    "  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, new.id, 0);\n"
    "END",
    "INSERT OR IGNORE INTO search_queue (kind, id, indexed) SELECT 1, id, 0 FROM entity" },
  { "search_alias_insert",
    "CREATE TRIGGER search_alias_insert AFTER INSERT ON entity_alias BEGIN\n"
    "  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (1, new.entity_id, 0);\n"
    "END",
    "INSERT OR IGNORE INTO search_queue (kind, id, indexed) "
    "SELECT 1, entity_id, 0 FROM entity_alias" },
  { "search_quote_insert",
    "CREATE TRIGGER search_quote_insert AFTER INSERT ON quote BEGIN\n"
    "  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (2, new.id, 0);\n"
    "END",
    "INSERT OR IGNORE INTO search_queue (kind, id, indexed) SELECT 2, id, 0 FROM quote" },
  { "search_note_insert",
    "CREATE TRIGGER search_note_insert AFTER INSERT ON note BEGIN\n"
    "  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (3, new.id, 0);\n"
    "END",
    "INSERT OR IGNORE INTO search_queue (kind, id, indexed) SELECT 3, id, 0 FROM note" },
  { "search_document_insert",
    "CREATE TRIGGER search_document_insert AFTER INSERT ON document BEGIN\n"
    "  INSERT OR IGNORE INTO search_queue (kind, id, indexed) VALUES (4, new.id, 0);\n"
    "END",
    "INSERT OR IGNORE INTO search_queue (kind, id, indexed) SELECT 4, id, 0 FROM document" },
};

/* The tables a batch writes. */
static const char * const checked_tables[] = {
  "case_info", "document", "entity", "entity_alias", "position", "relation", "edge_route",
  "quote", "event", "event_entity", "evidence", "note", "review", "comment",
  "external_reference", "stix_id", "marking", "stix_object",
};

/* The schema's text of index or trigger @name, or NULL. */
static char *
dup_schema_sql (RsCaseStore  *self,
                const char   *type,
                const char   *name,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;
  const char *sql;

  if (!(stmt = rs_db_prepare (self->db, "SELECT sql FROM sqlite_schema WHERE type = ?1 AND name = ?2",
                              error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (!rs_db_step_row (self->db, stmt, &has_row, error))
    return NULL;
  sql = has_row ? (const char *)sqlite3_column_text (stmt, 0) : NULL;
  return g_strdup (sql != NULL ? sql : "");
}

/* Whether the tables the queue triggers watch have no row (the queue may still hold
 * what an earlier, deleted record left: those entries stay as they are). */
static gboolean
searched_tables_empty (RsCaseStore  *self,
                       gboolean     *empty,
                       GError      **error)
{
  gint64 any;

  if (!rs_db_get_int (self->db,
                      "SELECT EXISTS (SELECT 1 FROM entity) OR EXISTS (SELECT 1 FROM entity_alias) "
                      "OR EXISTS (SELECT 1 FROM quote) OR EXISTS (SELECT 1 FROM note) "
                      "OR EXISTS (SELECT 1 FROM document)", &any, error))
    return FALSE;
  *empty = any == 0;
  return TRUE;
}

/**
 * rs_case_store_defer_indices:
 *
 * Inside a batch that is not part of a change, into a case whose records tables
 * are empty: drops the secondary indices and the search queue's insert triggers
 * until the batch commits, which builds them again from the rows before COMMIT
 * (see above). Anything else (a change, a case with records, a schema that is not
 * exactly Redstring's) leaves everything as it is: the batch then writes row by row
 * as always. @deferred (optional) says which. Returns FALSE only when the case
 * could not be read or written; the batch is then failed.
 */
gboolean
rs_case_store_defer_indices (RsCaseStore  *self,
                             gboolean     *deferred,
                             GError      **error)
{
  g_autoptr(GPtrArray) sql = NULL;
  gboolean empty;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (deferred != NULL)
    *deferred = FALSE;
  if (self->in_change || self->batch_failed || self->deferred != NULL)
    return TRUE;
  if (!searched_tables_empty (self, &empty, error))
    goto fail;
  if (!empty)
    return TRUE;

  sql = g_ptr_array_new_with_free_func (g_free);

  /* The triggers all go, or none. */
  for (guint i = 0; i < G_N_ELEMENTS (queue_triggers); i++)
    {
      g_autofree char *text = dup_schema_sql (self, "trigger", queue_triggers[i].name, error);

      if (text == NULL)
        goto fail;
      if (strcmp (text, queue_triggers[i].sql) != 0)
        break;
      if (i == G_N_ELEMENTS (queue_triggers) - 1)
        {
          for (guint j = 0; j < G_N_ELEMENTS (queue_triggers); j++)
            {
              g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", queue_triggers[j].name);

              if (!rs_db_exec (self->db, drop, error))
                goto fail;
            }
          self->deferred_queue = TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (deferred_indices); i++)
    {
      g_autofree char *text = dup_schema_sql (self, "index", deferred_indices[i], error);
      g_autofree char *drop = NULL;

      if (text == NULL)
        goto fail;
      /* Built again from the case's own text: only a plain CREATE INDEX. */
      if (!g_str_has_prefix (text, "CREATE INDEX "))
        continue;
      drop = g_strdup_printf ("DROP INDEX %s", deferred_indices[i]);
      if (!rs_db_exec (self->db, drop, error))
        goto fail;
      g_ptr_array_add (sql, g_steal_pointer (&text));
    }

  if (!rs_db_exec (self->db, "PRAGMA ignore_check_constraints = ON", error))
    goto fail;
  self->deferred_checks = TRUE;
  self->deferred = g_steal_pointer (&sql);
  if (deferred != NULL)
    *deferred = TRUE;
  return TRUE;

fail:
  /* Whatever was dropped comes back with the batch's rollback. */
  self->batch_failed = TRUE;
  return FALSE;
}

/* Every CHECK and NOT NULL constraint of the batch's tables, over all their rows. */
static gboolean
check_tables (RsCaseStore  *self,
              GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (checked_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA quick_check (%s)", checked_tables[i]);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gboolean has_row;
      const char *result;

      if (!(stmt = rs_db_prepare (self->db, sql, error)) ||
          !rs_db_step_row (self->db, stmt, &has_row, error))
        return FALSE;
      result = has_row ? (const char *)sqlite3_column_text (stmt, 0) : NULL;
      if (result == NULL)
        return rs_db_set_error (self->db, SQLITE_NOMEM, error, NULL), FALSE;
      if (strcmp (result, "ok") == 0)
        continue;
      /* A value the store let through that the file's rules refuse: the input's. */
      if (g_str_has_prefix (result, "CHECK constraint failed") ||
          g_str_has_prefix (result, "NULL value in"))
        g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, "%s", result);
      else
        g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE, "%s", result);
      return FALSE;
    }
  return TRUE;
}

/* Before the batch's COMMIT: builds what rs_case_store_defer_indices() dropped and
 * runs the checks it put off. */
gboolean
_rs_case_store_build_deferred (RsCaseStore  *self,
                               GError      **error)
{
  g_autoptr(GPtrArray) deferred = g_steal_pointer (&self->deferred);
  gboolean queue = self->deferred_queue;

  self->deferred_queue = FALSE;
  if (self->deferred_checks)
    {
      /* Until the setting is back, the rollback puts it back. */
      if (!rs_db_exec (self->db, "PRAGMA ignore_check_constraints = OFF", error))
        return FALSE;
      self->deferred_checks = FALSE;
      if (!check_tables (self, error))
        return FALSE;
    }
  if (deferred == NULL)
    return TRUE;

  for (guint i = 0; i < deferred->len; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (!(stmt = rs_db_prepare (self->db, g_ptr_array_index (deferred, i), error)) ||
          !rs_db_step_done (self->db, stmt, error))
        return FALSE;
    }

  if (!queue)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (queue_triggers); i++)
    if (!rs_db_exec (self->db, queue_triggers[i].fill, error) ||
        !rs_db_exec (self->db, queue_triggers[i].sql, error))
      return FALSE;
  return TRUE;
}

/* After the batch's rollback, which brought everything back but the connection's
 * setting. */
void
_rs_case_store_forget_deferred (RsCaseStore *self)
{
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  self->deferred_queue = FALSE;
  if (self->deferred_checks)
    rs_db_exec (self->db, "PRAGMA ignore_check_constraints = OFF", NULL);
  self->deferred_checks = FALSE;
}
