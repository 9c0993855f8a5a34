/* rs-case-store-history.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-history"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-case-store-private.h"
#include "rs-error.h"
#include "rs-history-entry.h"

/* Who changed what. Every change (rs_case_store_end_change) and every undo and redo
 * of one is written to the history tables inside the transaction that makes it, so
 * the file never holds a change without its history line or the reverse. The line
 * keeps the change's SQLite changeset, and one row per record it touched with what
 * happened to the record and its name at the time: enough to list and filter the
 * history, name records that are gone, and say what changed since a given time. */

/* Where a record's name is in its table's row: what a removed record is called. */
static const struct
{
  const char *table;
  RsTarget    target;
  int         title_column;
} main_tables[] = {
  { "case_info", RS_TARGET_CASE, 2 },
  { "document", RS_TARGET_DOCUMENT, 2 },
  { "entity", RS_TARGET_ENTITY, 3 },
  { "relation", RS_TARGET_RELATION, 4 },
  { "quote", RS_TARGET_QUOTE, 5 },
  { "event", RS_TARGET_EVENT, 2 },
  { "note", RS_TARGET_NOTE, 6 },
};

/* Rows of these tables change their record (column 0 is its id). */
static const struct
{
  const char *table;
  RsTarget    target;
} child_tables[] = {
  { "entity_alias", RS_TARGET_ENTITY },
  { "position", RS_TARGET_ENTITY },
  { "edge_route", RS_TARGET_RELATION },
  { "event_entity", RS_TARGET_EVENT },
};

#define TITLE_MAX_CHARS 120
#define DETAIL_VALUE_CHARS 60
#define DETAIL_MAX_CHARS 400

/* The columns an update is summarised by ("name “Tick” → “Tick (APT)”"): what a
 * reviewer reads, not every column (offsets, sort keys and uids say nothing). A
 * column that names an entity by id is shown by the entity's name. */
typedef struct
{
  const char *table;
  int         column;
  const char *name;     /* translatable, N_() */
  gboolean    entity;   /* an entity id */
} DetailColumn;

static const DetailColumn detail_columns[] = {
  { "entity", 2, N_("kind"), FALSE },
  { "entity", 3, N_("name"), FALSE },
  { "entity", 4, N_("description"), FALSE },
  { "relation", 2, N_("from"), TRUE },
  { "relation", 3, N_("to"), TRUE },
  { "relation", 4, N_("label"), FALSE },
  { "relation", 5, N_("directed"), FALSE },
  { "relation", 6, N_("status"), FALSE },
  { "event", 2, N_("title"), FALSE },
  { "event", 3, N_("description"), FALSE },
  { "event", 4, N_("date"), FALSE },
  { "event", 5, N_("end"), FALSE },
  { "event", 6, N_("precision"), FALSE },
  { "event", 7, N_("qualifier"), FALSE },
  { "document", 2, N_("title"), FALSE },
  { "document", 3, N_("publisher"), FALSE },
  { "document", 4, N_("author"), FALSE },
  { "document", 5, N_("address"), FALSE },
  { "document", 6, N_("date"), FALSE },
  { "document", 11, N_("reliability"), FALSE },
  { "quote", 3, N_("start"), FALSE },
  { "quote", 4, N_("end"), FALSE },
  { "quote", 6, N_("credibility"), FALSE },
  { "note", 6, N_("text"), FALSE },
  { "case_info", 2, N_("title"), FALSE },
  { "case_info", 3, N_("description"), FALSE },
  { "review", 6, N_("review"), FALSE },
  { "comment", 9, N_("resolved"), FALSE },
  { "evidence", 5, N_("stance"), FALSE },
};

typedef struct
{
  RsTarget     target;
  gint64       id;
  RsHistoryOp  op;
  gboolean     main_row;  /* op comes from the record's own row */
  char        *title;
  GString     *detail;    /* before → after, for what changed */
} Touched;

static void
touched_free (Touched *touched)
{
  g_free (touched->title);
  if (touched->detail != NULL)
    g_string_free (touched->detail, TRUE);
  g_free (touched);
}

static guint
touched_hash (gconstpointer key)
{
  const Touched *touched = key;
  return g_int64_hash (&touched->id) ^ (guint)touched->target * 2654435761u;
}

static gboolean
touched_equal (gconstpointer a,
               gconstpointer b)
{
  const Touched *x = a, *y = b;
  return x->target == y->target && x->id == y->id;
}

static char *
tidy_title (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = NULL;
  glong n = 0;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  /* One line, and not a whole report's worth of quote. */
  for (const char *p = valid; *p != '\0' && n < TITLE_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        c = ' ';
      g_string_append_unichar (out, c);
    }
  if (n == TITLE_MAX_CHARS)
    g_string_append (out, "…");
  return g_strdup (g_strstrip (out->str));
}

static Touched *
touch (GHashTable  *touched,
       GPtrArray   *order,
       RsTarget     target,
       gint64       id,
       RsHistoryOp  op,
       gboolean     main_row)
{
  Touched key = { target, id };
  Touched *found = g_hash_table_lookup (touched, &key);

  if (found == NULL)
    {
      found = g_new0 (Touched, 1);
      found->target = target;
      found->id = id;
      found->op = op;
      found->main_row = main_row;
      g_hash_table_add (touched, found);
      g_ptr_array_add (order, found);
    }
  else if (main_row && !found->main_row)
    {
      /* The record's own row says best what happened to it. */
      found->op = op;
      found->main_row = TRUE;
    }
  return found;
}

static void
add_detail (Touched    *touched,
            const char *text)
{
  if (touched->detail == NULL)
    touched->detail = g_string_new (NULL);
  if (touched->detail->len >= DETAIL_MAX_CHARS)
    return;
  if (touched->detail->len > 0)
    g_string_append (touched->detail, "; ");
  g_string_append (touched->detail, text);
}

/* One value as a reviewer reads it: text quoted and cut short, an entity by its name. */
static char *
describe_value (RsCaseStore   *self,
                sqlite3_value *value,
                gboolean       entity)
{
  if (value == NULL || sqlite3_value_type (value) == SQLITE_NULL)
    return g_strdup (_("nothing"));
  if (entity && sqlite3_value_type (value) == SQLITE_INTEGER)
    {
      g_auto(RsStoreStmt) holder = { 0 };
      sqlite3_stmt *stmt = _rs_case_store_prepare (self, &holder,
                                                   "SELECT name FROM entity WHERE id = ?1", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, sqlite3_value_int64 (value));
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              g_autofree char *name = tidy_title (rs_db_column_text (stmt, 0));

              return g_strdup_printf ("“%s”", name);
            }
        }
      return g_strdup_printf ("#%" G_GINT64_FORMAT, (gint64)sqlite3_value_int64 (value));
    }
  if (sqlite3_value_type (value) == SQLITE_TEXT)
    {
      g_autofree char *valid = g_utf8_make_valid ((const char *)sqlite3_value_text (value), -1);
      g_autofree char *tidy = tidy_title (valid);
      g_autofree char *cut = g_utf8_substring (tidy, 0, MIN (g_utf8_strlen (tidy, -1),
                                                             DETAIL_VALUE_CHARS));

      return g_utf8_strlen (tidy, -1) > DETAIL_VALUE_CHARS
             ? g_strdup_printf ("“%s…”", cut) : g_strdup_printf ("“%s”", cut);
    }
  if (sqlite3_value_type (value) == SQLITE_INTEGER)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)sqlite3_value_int64 (value));
  if (sqlite3_value_type (value) == SQLITE_FLOAT)
    return g_strdup_printf ("%g", sqlite3_value_double (value));
  return g_strdup ("…");
}

/* An update's before and after, column by column, for the columns that say something. */
static void
describe_update (RsCaseStore            *self,
                 sqlite3_changeset_iter *iter,
                 const char             *table,
                 int                     n_columns,
                 Touched                *touched)
{
  for (guint i = 0; i < G_N_ELEMENTS (detail_columns); i++)
    {
      const DetailColumn *column = &detail_columns[i];
      sqlite3_value *before = NULL, *after = NULL;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree char *line = NULL;

      if (!g_str_equal (column->table, table) || column->column >= n_columns)
        continue;
      /* An update's new values hold only the columns it changed. */
      if (sqlite3changeset_new (iter, column->column, &after) != SQLITE_OK || after == NULL ||
          sqlite3changeset_old (iter, column->column, &before) != SQLITE_OK)
        continue;
      old_text = describe_value (self, before, column->entity);
      new_text = describe_value (self, after, column->entity);
      /* TRANSLATORS: a history detail, "name “Tick” → “Tick (APT)”" */
      line = g_strdup_printf (_("%s %s → %s"), _(column->name), old_text, new_text);
      add_detail (touched, line);
    }
}

static gint64
value_int64 (sqlite3_changeset_iter *iter,
             int                     op,
             int                     column)
{
  sqlite3_value *value = NULL;
  int rc = op == SQLITE_INSERT ? sqlite3changeset_new (iter, column, &value)
                               : sqlite3changeset_old (iter, column, &value);

  if (rc != SQLITE_OK || value == NULL || sqlite3_value_type (value) != SQLITE_INTEGER)
    return 0;
  return sqlite3_value_int64 (value);
}

/* The claim a review or comment row is about, from the file: an update's changeset
 * holds only the columns it changed. */
static void
claim_of_row (RsCaseStore *self,
              const char  *table,
              gint64       row_id,
              RsTarget    *target,
              gint64      *id)
{
  static const RsTarget claims[] = {
    RS_TARGET_ENTITY, RS_TARGET_RELATION, RS_TARGET_EVENT, RS_TARGET_QUOTE
  };
  g_auto(RsStoreStmt) holder = { 0 };
  sqlite3_stmt *stmt;
  const char *sql = g_str_equal (table, "review")
    ? "SELECT entity_id, relation_id, event_id, quote_id FROM review WHERE id = ?1"
    : "SELECT entity_id, relation_id, event_id, quote_id FROM comment WHERE id = ?1";

  *id = 0;
  if (!(stmt = _rs_case_store_prepare (self, &holder, sql, NULL)))
    return;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    if (sqlite3_column_type (stmt, (int)i) == SQLITE_INTEGER)
      {
        *target = claims[i];
        *id = sqlite3_column_int64 (stmt, (int)i);
      }
}

static gboolean
collect (RsCaseStore *self,
         GBytes      *changeset,
         GHashTable  *touched,
         GPtrArray   *order,
         GError     **error)
{
  g_autoptr(sqlite3_changeset_iter) iter = NULL;
  gsize size = 0;
  const void *data = g_bytes_get_data (changeset, &size);
  int rc;

  if ((rc = sqlite3changeset_start (&iter, (int)size, (void *)data)) != SQLITE_OK)
    goto fail;

  while ((rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      gboolean handled = FALSE;

      if ((rc = sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect)) != SQLITE_OK)
        goto fail;

      for (guint i = 0; i < G_N_ELEMENTS (main_tables) && !handled; i++)
        if (g_strcmp0 (table, main_tables[i].table) == 0)
          {
            RsHistoryOp hop = op == SQLITE_INSERT ? RS_HISTORY_OP_ADDED
                            : op == SQLITE_DELETE ? RS_HISTORY_OP_REMOVED
                            : RS_HISTORY_OP_CHANGED;
            Touched *t = touch (touched, order, main_tables[i].target,
                                value_int64 (iter, op, 0), hop, TRUE);

            if (op == SQLITE_UPDATE)
              describe_update (self, iter, table, n_columns, t);

            /* A removed record is named by what its row held. */
            if (op == SQLITE_DELETE && main_tables[i].title_column < n_columns)
              {
                sqlite3_value *value = NULL;

                if (sqlite3changeset_old (iter, main_tables[i].title_column, &value) == SQLITE_OK &&
                    value != NULL && sqlite3_value_type (value) == SQLITE_TEXT)
                  {
                    g_free (t->title);
                    t->title = tidy_title ((const char *)sqlite3_value_text (value));
                  }
              }
            handled = TRUE;
          }

      for (guint i = 0; i < G_N_ELEMENTS (child_tables) && !handled; i++)
        if (g_strcmp0 (table, child_tables[i].table) == 0)
          {
            Touched *t = touch (touched, order, child_tables[i].target, value_int64 (iter, op, 0),
                                RS_HISTORY_OP_CHANGED, FALSE);

            /* Aliases come and go by name; a move says so once. */
            if (g_str_equal (table, "entity_alias") && op != SQLITE_UPDATE && n_columns >= 3)
              {
                sqlite3_value *alias = NULL;
                g_autofree char *name = NULL;
                g_autofree char *line = NULL;

                if ((op == SQLITE_INSERT ? sqlite3changeset_new (iter, 2, &alias)
                                         : sqlite3changeset_old (iter, 2, &alias)) == SQLITE_OK)
                  {
                    name = describe_value (self, alias, FALSE);
                    line = op == SQLITE_INSERT ? g_strdup_printf (_("alias %s added"), name)
                                               : g_strdup_printf (_("alias %s removed"), name);
                    add_detail (t, line);
                  }
              }
            else if (g_str_equal (table, "position") && op == SQLITE_UPDATE &&
                     (t->detail == NULL || strstr (t->detail->str, _("moved")) == NULL))
              add_detail (t, _("moved"));
            handled = TRUE;
          }

      /* A review state or a comment is about its claim: entity_id, relation_id,
       * event_id, quote_id from column 2. */
      if (!handled && (g_strcmp0 (table, "review") == 0 || g_strcmp0 (table, "comment") == 0) &&
          n_columns >= 6)
        {
          static const RsTarget claims[] = {
            RS_TARGET_ENTITY, RS_TARGET_RELATION, RS_TARGET_EVENT, RS_TARGET_QUOTE
          };

          if (op == SQLITE_UPDATE)
            {
              RsTarget target = RS_TARGET_ENTITY;
              gint64 id = 0;

              claim_of_row (self, table, value_int64 (iter, SQLITE_DELETE, 0), &target, &id);
              if (id > 0)
                describe_update (self, iter, table, n_columns,
                                 touch (touched, order, target, id, RS_HISTORY_OP_CHANGED, FALSE));
            }
          else
            for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
              {
                gint64 id = value_int64 (iter, op, 2 + (int)i);

                if (id > 0)
                  touch (touched, order, claims[i], id, RS_HISTORY_OP_CHANGED, FALSE);
              }
          handled = TRUE;
        }

      /* Evidence changes what it backs: entity_id, relation_id, event_id. */
      if (!handled && g_strcmp0 (table, "evidence") == 0 && n_columns >= 5)
        {
          static const RsTarget backed[] = { RS_TARGET_ENTITY, RS_TARGET_RELATION, RS_TARGET_EVENT };

          for (guint i = 0; i < G_N_ELEMENTS (backed); i++)
            {
              int column = 2 + (int)i;
              gint64 id = op == SQLITE_UPDATE
                          ? MAX (value_int64 (iter, SQLITE_DELETE, column),
                                 value_int64 (iter, SQLITE_INSERT, column))
                          : value_int64 (iter, op, column);

              if (id > 0)
                {
                  Touched *t = touch (touched, order, backed[i], id, RS_HISTORY_OP_CHANGED, FALSE);

                  if (op == SQLITE_UPDATE)
                    describe_update (self, iter, table, n_columns, t);
                }
            }
        }
    }
  if (rc == SQLITE_DONE)
    return TRUE;

fail:
  g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
               _("The change cannot be read (%s)"), sqlite3_errstr (rc));
  return FALSE;
}

/* What a record that is still there is called now, in this transaction: FALSE only
 * when it cannot be read (out of memory, I/O), never a title silently left empty. */
static gboolean
current_title (RsCaseStore  *self,
               RsTarget      target,
               gint64        id,
               char        **title,
               GError      **error)
{
  static const char *queries[] = {
    [RS_TARGET_CASE] = "SELECT title FROM case_info WHERE id = ?1",
    [RS_TARGET_DOCUMENT] = "SELECT title FROM document WHERE id = ?1",
    [RS_TARGET_ENTITY] = "SELECT name FROM entity WHERE id = ?1",
    [RS_TARGET_RELATION] =
      "SELECT s.name || ' ' || CASE r.label WHEN '' THEN '—' ELSE r.label END || ' ' || t.name"
      " FROM relation r JOIN entity s ON s.id = r.source_id JOIN entity t ON t.id = r.target_id"
      " WHERE r.id = ?1",
    [RS_TARGET_EVENT] = "SELECT title FROM event WHERE id = ?1",
    [RS_TARGET_QUOTE] = "SELECT text FROM quote WHERE id = ?1",
    [RS_TARGET_NOTE] = "SELECT body FROM note WHERE id = ?1",
  };
  g_auto(RsStoreStmt) holder = { 0 };
  sqlite3_stmt *stmt;
  gboolean has_row = FALSE;

  *title = NULL;
  if ((guint)target >= G_N_ELEMENTS (queries) || queries[target] == NULL)
    return TRUE;
  if (!(stmt = _rs_case_store_prepare (self, &holder, queries[target], error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rs_db_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;
  /* Every title column is NOT NULL: NULL here is SQLite out of memory. */
  if (rs_db_column_text (stmt, 0) == NULL)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_STORAGE, sqlite3_errmsg (self->db));
      return FALSE;
    }
  *title = tidy_title (rs_db_column_text (stmt, 0));
  return TRUE;
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

static const char *
action_name (RsHistoryAction action)
{
  switch (action)
    {
    case RS_HISTORY_ACTION_UNDO: return "undo";
    case RS_HISTORY_ACTION_REDO: return "redo";
    case RS_HISTORY_ACTION_DO:
    default:                     return "do";
    }
}

static gboolean
action_from_name (const char      *name,
                  RsHistoryAction *action)
{
  if (g_strcmp0 (name, "do") == 0)
    *action = RS_HISTORY_ACTION_DO;
  else if (g_strcmp0 (name, "undo") == 0)
    *action = RS_HISTORY_ACTION_UNDO;
  else if (g_strcmp0 (name, "redo") == 0)
    *action = RS_HISTORY_ACTION_REDO;
  else
    return FALSE;
  return TRUE;
}

/* Inside the transaction that makes the change: one history line and its items. */
gboolean
_rs_case_store_record_history (RsCaseStore      *self,
                               RsHistoryAction   action,
                               const char       *label,
                               GDateTime        *time,
                               GBytes           *changeset,
                               GError          **error)
{
  g_autoptr(GHashTable) touched = g_hash_table_new_full (touched_hash, touched_equal,
                                                         (GDestroyNotify)touched_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_auto(RsStoreStmt) line_holder = { 0 };
  g_auto(RsStoreStmt) item_holder = { 0 };
  g_autofree char *when = NULL;
  sqlite3_stmt *line, *item;
  gsize size = 0;
  const void *data;
  gint64 history_id;

  if (changeset == NULL || g_bytes_get_size (changeset) == 0)
    return TRUE;
  if (!collect (self, changeset, touched, order, error))
    return FALSE;

  when = format_time (time);
  data = g_bytes_get_data (changeset, &size);
  if (!(line = _rs_case_store_prepare (self, &line_holder,
                                       "INSERT INTO history (time, author, action, label, changeset)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    return FALSE;
  rs_db_bind_text (line, 1, when);
  rs_db_bind_text (line, 2, rs_case_store_get_author (self));
  rs_db_bind_text (line, 3, action_name (action));
  rs_db_bind_text (line, 4, label != NULL ? label : "");
  sqlite3_bind_blob64 (line, 5, data, size, SQLITE_STATIC);
  if (!rs_db_step_done (self->db, line, error))
    return FALSE;
  history_id = sqlite3_last_insert_rowid (self->db);

  if (!(item = _rs_case_store_prepare (self, &item_holder,
                                       "INSERT INTO history_item (history_id, target, record_id, op, title,"
                                       " detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return FALSE;
  for (guint i = 0; i < order->len; i++)
    {
      Touched *t = g_ptr_array_index (order, i);
      g_autofree char *title = NULL;

      if (t->op != RS_HISTORY_OP_REMOVED && !current_title (self, t->target, t->id, &title, error))
        return FALSE;
      sqlite3_reset (item);
      sqlite3_bind_int64 (item, 1, history_id);
      rs_db_bind_text (item, 2, rs_history_target_to_string (t->target));
      sqlite3_bind_int64 (item, 3, t->id);
      rs_db_bind_text (item, 4, rs_history_op_to_string (t->op));
      rs_db_bind_text (item, 5, title != NULL ? title : t->title != NULL ? t->title : "");
      rs_db_bind_text (item, 6, t->op == RS_HISTORY_OP_CHANGED && t->detail != NULL
                                ? t->detail->str : "");
      if (!rs_db_step_done (self->db, item, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
corrupt_history (GError **error)
{
  g_set_error_literal (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                       _("The case’s history is damaged"));
  return FALSE;
}

static gboolean
read_items (RsCaseStore     *self,
            RsHistoryEntry  *entry,
            GError         **error)
{
  g_auto(RsStoreStmt) holder = { 0 };
  sqlite3_stmt *stmt;
  gboolean has_row;

  if (!(stmt = _rs_case_store_prepare (self, &holder,
                                       "SELECT target, record_id, op, title, detail FROM history_item"
                                       " WHERE history_id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rs_history_entry_get_id (entry));
  for (;;)
    {
      RsTarget target;
      RsHistoryOp op;

      if (!rs_db_step_row (self->db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;
      if (!rs_history_target_from_string (rs_db_column_text (stmt, 0), &target) ||
          !rs_history_op_from_string (rs_db_column_text (stmt, 2), &op))
        return corrupt_history (error);
      rs_history_entry_add_item (entry, target, sqlite3_column_int64 (stmt, 1), op,
                                 rs_db_column_text (stmt, 3), rs_db_column_text (stmt, 4));
    }
}

/**
 * rs_case_store_dup_history:
 * @author: (nullable): only this analyst's lines
 * @target: with @record_id > 0, only the lines that touched this record
 * @limit: at most this many lines (0: all)
 *
 * Returns: (transfer full) (element-type RsHistoryEntry): the history, newest first
 */
GPtrArray *
rs_case_store_dup_history (RsCaseStore  *self,
                           const char   *author,
                           RsTarget      target,
                           gint64        record_id,
                           guint         limit,
                           GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(RsStoreStmt) holder = { 0 };
  sqlite3_stmt *stmt;
  gboolean has_row;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _rs_case_store_lock (self);
  stmt = _rs_case_store_prepare (self, &holder,
                                 "SELECT h.id, h.time, h.author, h.action, h.label FROM history h"
                                 " WHERE (?1 IS NULL OR h.author = ?1)"
                                 "   AND (?3 <= 0 OR EXISTS (SELECT 1 FROM history_item i"
                                 "        WHERE i.history_id = h.id AND i.target = ?2"
                                 "          AND i.record_id = ?3))"
                                 " ORDER BY h.id DESC LIMIT ?4", error);
  if (stmt == NULL)
    goto fail;
  if (author != NULL)
    rs_db_bind_text (stmt, 1, author);
  rs_db_bind_text (stmt, 2, record_id > 0 ? rs_history_target_to_string (target) : "");
  sqlite3_bind_int64 (stmt, 3, record_id);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64)limit : -1);

  for (;;)
    {
      g_autoptr(GDateTime) time = NULL;
      RsHistoryAction action;

      if (!rs_db_step_row (self->db, stmt, &has_row, error))
        goto fail;
      if (!has_row)
        break;
      if (rs_db_column_text (stmt, 1) == NULL ||
          !(time = g_date_time_new_from_iso8601 (rs_db_column_text (stmt, 1), NULL)) ||
          !action_from_name (rs_db_column_text (stmt, 3), &action))
        {
          corrupt_history (error);
          goto fail;
        }
      g_ptr_array_add (entries, rs_history_entry_new (sqlite3_column_int64 (stmt, 0), time,
                                                      rs_db_column_text (stmt, 2), action,
                                                      rs_db_column_text (stmt, 4)));
    }
  _rs_case_store_stmt_clear (&holder);

  for (guint i = 0; i < entries->len; i++)
    if (!read_items (self, g_ptr_array_index (entries, i), error))
      goto fail;

  _rs_case_store_unlock (self);
  return g_steal_pointer (&entries);

fail:
  _rs_case_store_unlock (self);
  return NULL;
}

/* Returns: (transfer full): every analyst named in the history, sorted */
char **
rs_case_store_dup_history_authors (RsCaseStore  *self,
                                   GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(RsStoreStmt) holder = { 0 };
  sqlite3_stmt *stmt;
  gboolean has_row = TRUE;
  gboolean ok = FALSE;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _rs_case_store_lock (self);
  if ((stmt = _rs_case_store_prepare (self, &holder,
                                      "SELECT DISTINCT author FROM history ORDER BY author",
                                      error)))
    {
      while ((ok = rs_db_step_row (self->db, stmt, &has_row, error)) && has_row)
        if (rs_db_column_text (stmt, 0) != NULL)
          g_strv_builder_add (builder, rs_db_column_text (stmt, 0));
    }
  _rs_case_store_stmt_clear (&holder);
  _rs_case_store_unlock (self);
  return ok ? g_strv_builder_end (builder) : NULL;
}

static gboolean
exists_now (RsCaseStore *self,
            RsTarget     target,
            gint64       id)
{
  RsCase *kase = rs_case_store_get_case (self);

  switch (target)
    {
    case RS_TARGET_CASE:     return TRUE;
    case RS_TARGET_DOCUMENT: return rs_case_lookup_document (kase, id) != NULL;
    case RS_TARGET_ENTITY:   return rs_case_lookup_entity (kase, id) != NULL;
    case RS_TARGET_RELATION: return rs_case_lookup_relation (kase, id) != NULL;
    case RS_TARGET_EVENT:    return rs_case_lookup_event (kase, id) != NULL;
    case RS_TARGET_QUOTE:    return rs_case_lookup_quote (kase, id) != NULL;
    case RS_TARGET_NOTE:     return rs_case_lookup_note (kase, id) != NULL;
    default:                 return FALSE;
    }
}

/**
 * rs_case_store_dup_changes_since:
 * @since: the history lines at or after this time count
 *
 * What the changes since @since did, one item per record, as a reviewer sees it:
 * added (not there before, there now), changed (there before and now) or removed
 * (there before, gone now). A record added and removed again since is not listed.
 *
 * Returns: (transfer full) (element-type RsHistoryItem): the items, in the order of
 *   their first change
 */
GArray *
rs_case_store_dup_changes_since (RsCaseStore  *self,
                                 GDateTime    *since,
                                 GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (touched_hash, touched_equal,
                                                      (GDestroyNotify)touched_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GArray) items = NULL;
  g_auto(RsStoreStmt) holder = { 0 };
  g_autofree char *from = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (since != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  from = format_time (since);
  _rs_case_store_lock (self);
  if (!(stmt = _rs_case_store_prepare (self, &holder,
                                       "SELECT i.target, i.record_id, i.op, i.title"
                                       " FROM history h JOIN history_item i ON i.history_id = h.id"
                                       " WHERE h.time >= ?1 ORDER BY h.id", error)))
    goto fail;
  rs_db_bind_text (stmt, 1, from);
  for (;;)
    {
      RsTarget target;
      RsHistoryOp op;
      Touched *t;

      if (!rs_db_step_row (self->db, stmt, &has_row, error))
        goto fail;
      if (!has_row)
        break;
      if (!rs_history_target_from_string (rs_db_column_text (stmt, 0), &target) ||
          !rs_history_op_from_string (rs_db_column_text (stmt, 2), &op))
        {
          corrupt_history (error);
          goto fail;
        }
      /* The first op says whether it was there before; the last title is the latest. */
      t = touch (seen, order, target, sqlite3_column_int64 (stmt, 1), op, TRUE);
      g_free (t->title);
      t->title = g_strdup (rs_db_column_text (stmt, 3));
    }
  _rs_case_store_stmt_clear (&holder);
  _rs_case_store_unlock (self);

  items = g_array_new (FALSE, TRUE, sizeof (RsHistoryItem));
  g_array_set_clear_func (items, (GDestroyNotify)rs_history_item_clear);
  for (guint i = 0; i < order->len; i++)
    {
      Touched *t = g_ptr_array_index (order, i);
      gboolean before = t->op != RS_HISTORY_OP_ADDED;
      gboolean now = exists_now (self, t->target, t->id);
      RsHistoryItem item = { t->target, t->id, RS_HISTORY_OP_CHANGED, NULL };

      if (!before && !now)
        continue;
      item.op = !before ? RS_HISTORY_OP_ADDED : now ? RS_HISTORY_OP_CHANGED : RS_HISTORY_OP_REMOVED;
      item.title = g_strdup (t->title != NULL ? t->title : "");
      g_array_append_val (items, item);
    }
  return g_steal_pointer (&items);

fail:
  _rs_case_store_stmt_clear (&holder);
  _rs_case_store_unlock (self);
  return NULL;
}

/* Returns: (transfer full): the changeset a history line recorded (for exchanging
 * changes with colleagues), or %NULL with RS_ERROR_NOT_FOUND */
GBytes *
rs_case_store_dup_history_changeset (RsCaseStore  *self,
                                     gint64        history_id,
                                     GError      **error)
{
  g_auto(RsStoreStmt) holder = { 0 };
  GBytes *bytes = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row = FALSE;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _rs_case_store_lock (self);
  if ((stmt = _rs_case_store_prepare (self, &holder,
                                      "SELECT changeset FROM history WHERE id = ?1", error)))
    {
      sqlite3_bind_int64 (stmt, 1, history_id);
      if (rs_db_step_row (self->db, stmt, &has_row, error))
        {
          if (has_row)
            bytes = g_bytes_new (sqlite3_column_blob (stmt, 0),
                                 (gsize)sqlite3_column_bytes (stmt, 0));
          else
            g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND,
                         _("The history has no line %" PRId64), history_id);
        }
    }
  _rs_case_store_stmt_clear (&holder);
  _rs_case_store_unlock (self);
  return bytes;
}
