/* rs-exchange-snapshot.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-snapshot"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-exchange-private.h"

/* The uid-keyed view of a case (see rs-exchange-private.h). Built by SQL from a
 * copy of a case file attached to a private in-memory connection, so the store's
 * own connection is only read (under its lock) for the time of the copy. */

static const XTable tables[X_N_TABLES] = {
  [X_DOCUMENT] = { "document", RS_TARGET_DOCUMENT, 10, 1,
                   { "uid", "title", "publisher", "author", "url", "published", "reliability",
                     "sha256", "imported_at", "text" } },
  [X_ENTITY] = { "entity", RS_TARGET_ENTITY, 5, 1,
                 { "uid", "kind", "name", "description", "aliases" } },
  [X_POSITION] = { "position", RS_TARGET_ENTITY, 4, 1, { "uid", "x", "y", "pinned" } },
  [X_RELATION] = { "relation", RS_TARGET_RELATION, 6, 1,
                   { "uid", "source_uid", "target_uid", "label", "directed", "status" } },
  [X_QUOTE] = { "quote", RS_TARGET_QUOTE, 6, 1,
                { "uid", "document_uid", "start_offset", "end_offset", "text", "credibility" } },
  [X_EVENT] = { "event", RS_TARGET_EVENT, 8, 1,
                { "uid", "title", "description", "date_start", "date_end", "precision",
                  "qualifier", "entities" } },
  /* Evidence has no uid: a quote backs a claim once (evidence_unique). */
  [X_EVIDENCE] = { "evidence", RS_TARGET_QUOTE, 4, 3,
                   { "quote_uid", "target", "target_uid", "stance" } },
  [X_NOTE] = { "note", RS_TARGET_NOTE, 7, 1,
               { "uid", "target", "target_uid", "body", "author", "created", "updated" } },
  /* Team review: what a claim's review state is and what colleagues said of it. */
  [X_REVIEW] = { "review", RS_TARGET_CASE, 6, 1,
                 { "uid", "target", "target_uid", "state", "reviewer", "time" } },
  [X_COMMENT] = { "comment", RS_TARGET_CASE, 7, 1,
                  { "uid", "target", "target_uid", "author", "time", "body", "resolved" } },
};

/* %1$s: the x_ schema; %2$s: the case's. Rows whose references are missing are
 * left out (the store's loader refuses such a case anyway). Keys are never NULL:
 * a session ignores rows with a NULL in their primary key. */
static const char *const fill_sql[X_N_TABLES] = {
  [X_DOCUMENT] =
    "CREATE TABLE %1$s.x_document (uid TEXT PRIMARY KEY NOT NULL, title, publisher, author, url,"
    " published, reliability, sha256, imported_at, text);"
    "INSERT INTO %1$s.x_document SELECT uid, title, publisher, author, url, published, reliability,"
    " sha256, imported_at, text FROM %2$s.document;",
  [X_ENTITY] =
    "CREATE TABLE %1$s.x_entity (uid TEXT PRIMARY KEY NOT NULL, kind, name, description, aliases);"
    "INSERT INTO %1$s.x_entity SELECT e.uid, e.kind, e.name, e.description,"
    " (SELECT group_concat (alias, char (10)) FROM (SELECT alias FROM %2$s.entity_alias a"
    "   WHERE a.entity_id = e.id ORDER BY position))"
    " FROM %2$s.entity e;",
  [X_POSITION] =
    "CREATE TABLE %1$s.x_position (uid TEXT PRIMARY KEY NOT NULL, x, y, pinned);"
    "INSERT INTO %1$s.x_position SELECT e.uid, p.x, p.y, p.pinned"
    " FROM %2$s.position p JOIN %2$s.entity e ON e.id = p.entity_id;",
  [X_RELATION] =
    "CREATE TABLE %1$s.x_relation (uid TEXT PRIMARY KEY NOT NULL, source_uid, target_uid, label,"
    " directed, status);"
    "INSERT INTO %1$s.x_relation SELECT r.uid, s.uid, t.uid, r.label, r.directed, r.status"
    " FROM %2$s.relation r JOIN %2$s.entity s ON s.id = r.source_id"
    " JOIN %2$s.entity t ON t.id = r.target_id;",
  [X_QUOTE] =
    "CREATE TABLE %1$s.x_quote (uid TEXT PRIMARY KEY NOT NULL, document_uid, start_offset,"
    " end_offset, text, credibility);"
    "INSERT INTO %1$s.x_quote SELECT q.uid, d.uid, q.start_offset, q.end_offset, q.text,"
    " q.credibility FROM %2$s.quote q JOIN %2$s.document d ON d.id = q.document_id;",
  [X_EVENT] =
    "CREATE TABLE %1$s.x_event (uid TEXT PRIMARY KEY NOT NULL, title, description, date_start,"
    " date_end, precision, qualifier, entities);"
    "INSERT INTO %1$s.x_event SELECT ev.uid, ev.title, ev.description, ev.date_start, ev.date_end,"
    " ev.precision, ev.qualifier,"
    " (SELECT group_concat (u, char (10)) FROM (SELECT en.uid AS u FROM %2$s.event_entity ee"
    "   JOIN %2$s.entity en ON en.id = ee.entity_id WHERE ee.event_id = ev.id ORDER BY en.uid))"
    " FROM %2$s.event ev;",
  [X_EVIDENCE] =
    "CREATE TABLE %1$s.x_evidence (quote_uid TEXT NOT NULL, target TEXT NOT NULL,"
    " target_uid TEXT NOT NULL, stance, PRIMARY KEY (quote_uid, target, target_uid));"
    "INSERT OR IGNORE INTO %1$s.x_evidence SELECT * FROM ("
    " SELECT q.uid AS qu, CASE WHEN v.entity_id IS NOT NULL THEN 'entity'"
    "   WHEN v.relation_id IS NOT NULL THEN 'relation' ELSE 'event' END AS t,"
    " coalesce ((SELECT uid FROM %2$s.entity WHERE id = v.entity_id),"
    "   (SELECT uid FROM %2$s.relation WHERE id = v.relation_id),"
    "   (SELECT uid FROM %2$s.event WHERE id = v.event_id)) AS tu, v.stance"
    " FROM %2$s.evidence v JOIN %2$s.quote q ON q.id = v.quote_id) WHERE tu IS NOT NULL;",
  [X_NOTE] =
    "CREATE TABLE %1$s.x_note (uid TEXT PRIMARY KEY NOT NULL, target TEXT NOT NULL,"
    " target_uid TEXT NOT NULL, body, author, created, updated);"
    "INSERT INTO %1$s.x_note SELECT * FROM ("
    " SELECT n.uid, CASE WHEN n.document_id IS NOT NULL THEN 'document'"
    "   WHEN n.entity_id IS NOT NULL THEN 'entity' WHEN n.relation_id IS NOT NULL THEN 'relation'"
    "   WHEN n.event_id IS NOT NULL THEN 'event' ELSE '' END,"
    " coalesce ((SELECT uid FROM %2$s.document WHERE id = n.document_id),"
    "   (SELECT uid FROM %2$s.entity WHERE id = n.entity_id),"
    "   (SELECT uid FROM %2$s.relation WHERE id = n.relation_id),"
    "   (SELECT uid FROM %2$s.event WHERE id = n.event_id), '') AS tu,"
    " n.body, n.author, n.created, n.updated FROM %2$s.note n"
    " WHERE (n.document_id IS NULL AND n.entity_id IS NULL AND n.relation_id IS NULL"
    "        AND n.event_id IS NULL) OR tu != '');",
  [X_REVIEW] =
    "CREATE TABLE %1$s.x_review (uid TEXT PRIMARY KEY NOT NULL, target TEXT NOT NULL,"
    " target_uid TEXT NOT NULL, state, reviewer, time);"
    "INSERT INTO %1$s.x_review SELECT * FROM ("
    " SELECT r.uid, CASE WHEN r.entity_id IS NOT NULL THEN 'entity'"
    "   WHEN r.relation_id IS NOT NULL THEN 'relation' WHEN r.event_id IS NOT NULL THEN 'event'"
    "   ELSE 'quote' END,"
    " coalesce ((SELECT uid FROM %2$s.entity WHERE id = r.entity_id),"
    "   (SELECT uid FROM %2$s.relation WHERE id = r.relation_id),"
    "   (SELECT uid FROM %2$s.event WHERE id = r.event_id),"
    "   (SELECT uid FROM %2$s.quote WHERE id = r.quote_id)) AS tu,"
    " r.state, r.reviewer, r.time FROM %2$s.review r) WHERE tu IS NOT NULL;",
  [X_COMMENT] =
    "CREATE TABLE %1$s.x_comment (uid TEXT PRIMARY KEY NOT NULL, target TEXT NOT NULL,"
    " target_uid TEXT NOT NULL, author, time, body, resolved);"
    "INSERT INTO %1$s.x_comment SELECT * FROM ("
    " SELECT c.uid, CASE WHEN c.entity_id IS NOT NULL THEN 'entity'"
    "   WHEN c.relation_id IS NOT NULL THEN 'relation' WHEN c.event_id IS NOT NULL THEN 'event'"
    "   ELSE 'quote' END,"
    " coalesce ((SELECT uid FROM %2$s.entity WHERE id = c.entity_id),"
    "   (SELECT uid FROM %2$s.relation WHERE id = c.relation_id),"
    "   (SELECT uid FROM %2$s.event WHERE id = c.event_id),"
    "   (SELECT uid FROM %2$s.quote WHERE id = c.quote_id)) AS tu,"
    " c.author, c.time, c.body, c.resolved FROM %2$s.comment c) WHERE tu IS NOT NULL;",
};

/* key, id of each record of the case in %s. */
static const char *const ids_sql[X_N_TABLES] = {
  [X_DOCUMENT] = "SELECT uid, id FROM %s.document",
  [X_ENTITY] = "SELECT uid, id FROM %s.entity",
  [X_POSITION] = "SELECT uid, id FROM %s.entity",
  [X_RELATION] = "SELECT uid, id FROM %s.relation",
  [X_QUOTE] = "SELECT uid, id FROM %s.quote",
  [X_EVENT] = "SELECT uid, id FROM %s.event",
  [X_EVIDENCE] =
    "SELECT q.uid || char (31) || CASE WHEN v.entity_id IS NOT NULL THEN 'entity'"
    "   WHEN v.relation_id IS NOT NULL THEN 'relation' ELSE 'event' END || char (31) ||"
    " coalesce ((SELECT uid FROM %1$s.entity WHERE id = v.entity_id),"
    "   (SELECT uid FROM %1$s.relation WHERE id = v.relation_id),"
    "   (SELECT uid FROM %1$s.event WHERE id = v.event_id), ''), v.id"
    " FROM %1$s.evidence v JOIN %1$s.quote q ON q.id = v.quote_id",
  [X_NOTE] = "SELECT uid, id FROM %s.note",
  [X_REVIEW] = "SELECT uid, id FROM %s.review",
  [X_COMMENT] = "SELECT uid, id FROM %s.comment",
};

/* The SQL above is a static table of formats, filled with our own schema names. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

const XTable *
_rs_exchange_table (XTableId id)
{
  g_assert (id < X_N_TABLES);
  return &tables[id];
}

gboolean
_rs_exchange_table_lookup (const char *name,
                           XTableId   *id)
{
  for (guint i = 0; i < X_N_TABLES; i++)
    if (g_str_has_prefix (name, "x_") && g_strcmp0 (name + 2, tables[i].name) == 0)
      {
        *id = i;
        return TRUE;
      }
  return FALSE;
}

XRow *
_rs_exchange_row_new (guint n_columns)
{
  XRow *row = g_new0 (XRow, 1);

  row->values = g_new0 (char *, n_columns + 1);
  row->n_columns = n_columns;
  return row;
}

void
_rs_exchange_row_free (XRow *row)
{
  if (row == NULL)
    return;
  /* Values may be NULL in the middle: free each column, not up to the first NULL. */
  for (guint i = 0; i < row->n_columns; i++)
    g_free (row->values[i]);
  g_free (row->values);
  g_free (row);
}

char *
_rs_exchange_row_key (XTableId      table,
                      char * const *values)
{
  const XTable *t = &tables[table];

  if (t->n_key == 1)
    return g_strdup (values[0] != NULL ? values[0] : "");
  return g_strdup_printf ("%s\x1f%s\x1f%s", values[0] ? values[0] : "", values[1] ? values[1] : "",
                          values[2] ? values[2] : "");
}

XSet *
_rs_exchange_set_new (void)
{
  XSet *set = g_new0 (XSet, 1);

  for (guint i = 0; i < X_N_TABLES; i++)
    {
      set->rows[i] = g_ptr_array_new ();
      set->by_key[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  return set;
}

void
_rs_exchange_set_free (XSet *set)
{
  if (set == NULL)
    return;
  for (guint i = 0; i < X_N_TABLES; i++)
    {
      for (guint r = 0; r < set->rows[i]->len; r++)
        {
          _rs_exchange_row_free (g_ptr_array_index (set->rows[i], r));
        }
      g_ptr_array_unref (set->rows[i]);
      g_hash_table_unref (set->by_key[i]);
    }
  g_free (set);
}

void
_rs_exchange_set_add (XSet     *set,
                      XTableId  table,
                      XRow     *row)
{
  g_ptr_array_add (set->rows[table], row);
  g_hash_table_replace (set->by_key[table], _rs_exchange_row_key (table, row->values), row);
}

XRow *
_rs_exchange_set_lookup (XSet       *set,
                         XTableId    table,
                         const char *key)
{
  return key != NULL ? g_hash_table_lookup (set->by_key[table], key) : NULL;
}

sqlite3 *
_rs_exchange_open_memory (GError **error)
{
  return rs_db_open_untrusted_full (":memory:", RS_DB_OPEN_CREATE, error);
}

gboolean
_rs_exchange_attach_memory (sqlite3     *db,
                            const char  *schema,
                            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("ATTACH ':memory:' AS %s", schema);

  return rs_db_exec (db, sql, error);
}

gboolean
_rs_exchange_copy_store (RsCaseStore  *store,
                         sqlite3      *db,
                         const char   *schema,
                         GError      **error)
{
  sqlite3_backup *backup;
  int rc;

  if (!_rs_exchange_attach_memory (db, schema, error))
    return FALSE;

  _rs_case_store_lock (store);
  backup = sqlite3_backup_init (db, schema, store->db, "main");
  if (backup == NULL)
    {
      _rs_case_store_unlock (store);
      rs_db_set_error (db, sqlite3_errcode (db), error, NULL);
      return FALSE;
    }
  sqlite3_backup_step (backup, -1);
  rc = sqlite3_backup_finish (backup);
  _rs_case_store_unlock (store);
  if (rc != SQLITE_OK)
    {
      rs_db_set_error (db, rc, error, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
_rs_exchange_snapshot (sqlite3     *db,
                       const char  *case_schema,
                       const char  *x_schema,
                       GError     **error)
{
  if (!_rs_exchange_attach_memory (db, x_schema, error))
    return FALSE;
  for (guint i = 0; i < X_N_TABLES; i++)
    {
      g_autofree char *sql = g_strdup_printf (fill_sql[i], x_schema, case_schema);

      if (!rs_db_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

XSet *
_rs_exchange_load_set (sqlite3     *db,
                       const char  *x_schema,
                       const char  *case_schema,
                       GError     **error)
{
  g_autoptr(XSet) set = _rs_exchange_set_new ();

  for (guint i = 0; i < X_N_TABLES; i++)
    {
      const XTable *t = &tables[i];
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s.x_%s", x_schema, t->name);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gboolean has_row;

      if (!(stmt = rs_db_prepare (db, sql, error)))
        return NULL;
      for (;;)
        {
          XRow *row;

          if (!rs_db_step_row (db, stmt, &has_row, error))
            return NULL;
          if (!has_row)
            break;
          row = _rs_exchange_row_new (t->n_columns);
          for (guint c = 0; c < t->n_columns; c++)
            if (sqlite3_column_type (stmt, c) != SQLITE_NULL)
              row->values[c] = g_strdup ((const char *)sqlite3_column_text (stmt, c));
          _rs_exchange_set_add (set, i, row);
        }

      if (case_schema != NULL)
        {
          g_autofree char *ids = g_strdup_printf (ids_sql[i], case_schema);
          g_autoptr(sqlite3_stmt) id_stmt = NULL;

          if (!(id_stmt = rs_db_prepare (db, ids, error)))
            return NULL;
          for (;;)
            {
              XRow *row;

              if (!rs_db_step_row (db, id_stmt, &has_row, error))
                return NULL;
              if (!has_row)
                break;
              row = _rs_exchange_set_lookup (set, i,
                                             (const char *)sqlite3_column_text (id_stmt, 0));
              if (row != NULL)
                row->local_id = sqlite3_column_int64 (id_stmt, 1);
            }
        }
    }
  return g_steal_pointer (&set);
}
