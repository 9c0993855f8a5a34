/* rs-exchange-changes.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-changes"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-exchange-private.h"

/* Changeset files: "Export My Changes Since…" and "Apply Changes…" (the file
 * itself is read and checked in rs-exchange-reader.c).
 *
 * My case as it was at SINCE is my case now with the inverse of every history
 * line since applied, newest first (each line holds the changeset that was
 * committed, undo and redo included). Both states become uid-keyed snapshots and
 * SQLite's session extension diffs them: the changeset says, row by row and keyed
 * on uids, what I did since. A colleague's copy applies it through the same
 * matching and review as a merge, with the old values as the common ancestor. */

/* ---- Export ---- */

static int
on_base_conflict (void                   *user_data,
                  int                     reason,
                  sqlite3_changeset_iter *iter)
{
  /* Rows written outside any command (a layout's positions) are not in the
   * history: the base is best effort there, and exact for every command. */
  return reason == SQLITE_CHANGESET_DATA || reason == SQLITE_CHANGESET_CONFLICT
         ? SQLITE_CHANGESET_REPLACE : SQLITE_CHANGESET_OMIT;
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

/* Turns the copy in "main" back to what it was at SINCE. */
static gboolean
rewind_to (sqlite3     *db,
           const char  *since,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (!rs_db_exec (db, "PRAGMA foreign_keys = OFF", error) ||
      !(stmt = rs_db_prepare (db, "SELECT changeset FROM main.history WHERE time >= ?1 "
                                  "ORDER BY id DESC", error)))
    return FALSE;
  rs_db_bind_text (stmt, 1, since);
  for (;;)
    {
      void *inverse = NULL;
      int n_inverse = 0, rc;
      const void *blob;
      int n;

      if (!rs_db_step_row (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      blob = sqlite3_column_blob (stmt, 0);
      n = sqlite3_column_bytes (stmt, 0);
      if (n == 0)
        continue;
      if ((rc = sqlite3changeset_invert (n, blob, &n_inverse, &inverse)) != SQLITE_OK)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                       _("The history of the case cannot be read (%s)"), sqlite3_errstr (rc));
          return FALSE;
        }
      rc = sqlite3changeset_apply (db, n_inverse, inverse, NULL, on_base_conflict, NULL);
      sqlite3_free (inverse);
      if (rc != SQLITE_OK)
        {
          rs_db_set_error (db, rc, error, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
empty_tables (sqlite3     *db,
              const char  *schema,
              GError     **error)
{
  for (guint i = 0; i < X_N_TABLES; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s.x_%s", schema,
                                              _rs_exchange_table (i)->name);

      if (!rs_db_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

static GBytes *
diff (sqlite3     *db,
      GError     **error)
{
  g_autoptr(sqlite3_session) session = NULL;
  void *data = NULL;
  int size = 0, rc;

  if ((rc = sqlite3session_create (db, "xc", &session)) != SQLITE_OK)
    goto fail;
  for (guint i = 0; i < X_N_TABLES; i++)
    {
      g_autofree char *table = g_strdup_printf ("x_%s", _rs_exchange_table (i)->name);
      char *message = NULL;

      if ((rc = sqlite3session_attach (session, table)) != SQLITE_OK)
        goto fail;
      if ((rc = sqlite3session_diff (session, "xb", table, &message)) != SQLITE_OK)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not compare the case (%s)"),
                       message ? message : sqlite3_errstr (rc));
          sqlite3_free (message);
          return NULL;
        }
    }
  if ((rc = sqlite3session_changeset (session, &size, &data)) != SQLITE_OK)
    goto fail;
  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);

fail:
  rs_db_set_error (db, rc, error, NULL);
  return NULL;
}

/* The current rows (from xc) of the records CHANGESET updates, as a changeset of
 * inserts (see the top of this file). */
static GBytes *
context_of (sqlite3  *db,
            GBytes   *changeset,
            GError  **error)
{
  g_autoptr(sqlite3_session) session = NULL;
  g_autoptr(sqlite3_changeset_iter) iter = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  void *out = NULL;
  int n_out = 0, rc;

  if (!_rs_exchange_snapshot (db, "main", "xx", error) || !empty_tables (db, "xx", error))
    return NULL;
  if ((rc = sqlite3session_create (db, "xx", &session)) != SQLITE_OK ||
      (rc = sqlite3session_attach (session, NULL)) != SQLITE_OK)
    goto fail;
  if (size > 0)
    {
      if ((rc = sqlite3changeset_start (&iter, (int)size, (void *)data)) != SQLITE_OK)
        goto fail;
      while ((rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
        {
          const char *table_name = NULL;
          int n_columns = 0, op = 0, indirect = 0;
          g_autofree char *sql = NULL;
          g_autoptr(sqlite3_stmt) stmt = NULL;
          XTableId table;

          if ((rc = sqlite3changeset_op (iter, &table_name, &n_columns, &op, &indirect)) != SQLITE_OK)
            goto fail;
          if (op != SQLITE_UPDATE || !_rs_exchange_table_lookup (table_name, &table))
            continue;
          if (_rs_exchange_table (table)->n_key == 1)
            sql = g_strdup_printf ("INSERT OR IGNORE INTO xx.%s SELECT * FROM xc.%s WHERE uid = ?1",
                                   table_name, table_name);
          else
            sql = g_strdup_printf ("INSERT OR IGNORE INTO xx.%s SELECT * FROM xc.%s"
                                   " WHERE quote_uid = ?1 AND target = ?2 AND target_uid = ?3",
                                   table_name, table_name);
          if (!(stmt = rs_db_prepare (db, sql, error)))
            return NULL;
          for (guint c = 0; c < _rs_exchange_table (table)->n_key; c++)
            {
              sqlite3_value *value = NULL;

              if ((rc = sqlite3changeset_old (iter, c, &value)) != SQLITE_OK)
                goto fail;
              sqlite3_bind_value (stmt, c + 1, value);
            }
          if (!rs_db_step_done (db, stmt, error))
            return NULL;
        }
      if (rc != SQLITE_DONE)
        goto fail;
    }
  if ((rc = sqlite3session_changeset (session, &n_out, &out)) != SQLITE_OK)
    goto fail;
  return g_bytes_new_with_free_func (out, n_out, sqlite3_free, out);

fail:
  rs_db_set_error (db, rc, error, NULL);
  return NULL;
}

static gboolean
copy_into_main (RsCaseStore  *store,
                sqlite3      *db,
                GError      **error)
{
  sqlite3_backup *backup;
  int rc;

  _rs_case_store_lock (store);
  backup = sqlite3_backup_init (db, "main", store->db, "main");
  if (backup != NULL)
    {
      sqlite3_backup_step (backup, -1);
      rc = sqlite3_backup_finish (backup);
    }
  else
    rc = sqlite3_errcode (db);
  _rs_case_store_unlock (store);
  if (rc != SQLITE_OK)
    {
      rs_db_set_error (db, rc, error, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
rs_exchange_write_changes (RsCaseStore  *store,
                           GDateTime    *since,
                           const char   *path,
                           GError      **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GBytes) changeset = NULL;
  g_autoptr(GBytes) context = NULL;
  g_autofree char *author = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since_text = since ? format_time (since) : g_strdup ("");
  g_autofree char *created = format_time (now);
  g_autofree char *head = NULL;
  g_autoptr(GByteArray) file = NULL;
  g_autoptr(GError) local_error = NULL;
  RsCase *kase;
  gsize size = 0, context_size = 0;
  gconstpointer data, context_data;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kase = rs_case_store_get_case (store);
  if (!(db = _rs_exchange_open_memory (error)) ||
      !copy_into_main (store, db, error) ||
      !_rs_exchange_snapshot (db, "main", "xc", error) ||
      (since != NULL && !rewind_to (db, since_text, error)) ||
      !_rs_exchange_snapshot (db, "main", "xb", error) ||
      (since == NULL && !empty_tables (db, "xb", error)) ||
      !(changeset = diff (db, error)) ||
      !(context = context_of (db, changeset, error)))
    return FALSE;

  /* The author's name goes into a header line: no line breaks in it. */
  author = g_strdup (rs_case_store_get_author (store));
  for (char *c = author; *c; c++)
    if ((guchar)*c < 0x20 || *c == 0x7f)
      *c = ' ';
  data = g_bytes_get_data (changeset, &size);
  context_data = g_bytes_get_data (context, &context_size);
  head = g_strdup_printf (RS_EXCHANGE_MAGIC " %d\ncase: %s\nauthor: %s\nsince: %s\ncreated: %s\n"
                          "schema: %d\nsize: %" G_GSIZE_FORMAT "\ncontext: %" G_GSIZE_FORMAT "\n\n",
                          RS_EXCHANGE_FORMAT, rs_case_get_uid (kase), author, since_text, created,
                          rs_case_store_get_schema_version (store), size, context_size);
  file = g_byte_array_new ();
  g_byte_array_append (file, (const guint8 *)head, strlen (head));
  if (size > 0)
    g_byte_array_append (file, data, size);
  if (context_size > 0)
    g_byte_array_append (file, context_data, context_size);

  /* Atomic: a temporary file renamed over PATH, never half a changeset. */
  if (!g_file_set_contents (path, (const char *)file->data, file->len, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, local_error->domain, local_error->code, _("Could not write “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

char *
rs_exchange_suggest_changes_name (RsCaseStore *store,
                                  GDateTime   *now)
{
  const char *title;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  title = rs_case_get_title (rs_case_store_get_case (store));
  date = g_date_time_format (now, "%Y-%m-%d");
  name = g_strdup_printf ("%s – %s – %s" RS_EXCHANGE_CHANGES_SUFFIX,
                          title != NULL && *title != '\0' ? title : _("Case"),
                          rs_case_store_get_author (store), date);
  /* Folders and what Windows shares refuse; a name, not a path. */
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  for (char *p = name; *p; p++)
    if ((guchar)*p < 0x20)
      *p = ' ';
  return g_steal_pointer (&name);
}

/* ---- Apply ---- */

typedef struct
{
  XMatcher    *matcher;
  XTableId     table;
  XSet        *theirs;
  GHashTable **deleted;   /* per table: the keys their changeset deletes */
  XSet        *context;   /* the whole rows of what it updates */
} ApplyContext;

static const XField deleted_field = { "deleted", { 0 }, 0, FALSE, FALSE };

static gboolean
collect_context (XChange  *change,
                 gpointer  user_data)
{
  XSet *context = user_data;
  const XTable *t = _rs_exchange_table (change->table);
  XRow *row;

  if (change->op != SQLITE_INSERT)
    return TRUE;
  row = _rs_exchange_row_new (t->n_columns);
  for (guint c = 0; c < t->n_columns; c++)
    row->values[c] = g_strdup (change->new_values[c]);
  _rs_exchange_set_add (context, change->table, row);
  return TRUE;
}

static gboolean
collect_theirs (XChange  *change,
                gpointer  user_data)
{
  ApplyContext *ctx = user_data;
  XSet *theirs = ctx->theirs;
  const XTable *t = _rs_exchange_table (change->table);
  XRow *row;

  if (change->op == SQLITE_DELETE)
    g_hash_table_add (ctx->deleted[change->table],
                      _rs_exchange_row_key (change->table, change->old_values));
  if (change->op != SQLITE_INSERT)
    return TRUE;
  row = _rs_exchange_row_new (t->n_columns);
  for (guint c = 0; c < t->n_columns; c++)
    row->values[c] = g_strdup (change->new_values[c]);
  _rs_exchange_set_add (theirs, change->table, row);
  return TRUE;
}

/* My records that refer to the record of TABLE with UID and that their changeset
 * does not delete too: deleting it would take them along (a relation I drew to an
 * entity they removed). An event only loses the link, so it does not count. */
static guint
count_dependents (XSet         *mine,
                  GHashTable  **deleted,
                  XTableId      table,
                  const char   *uid)
{
  const char *target = _rs_exchange_table (table)->name;
  guint n = 0;

#define LIVE(t, row) (!g_hash_table_contains (deleted[(t)], (row)->values[0]))
  for (guint i = 0; table == X_ENTITY && i < mine->rows[X_RELATION]->len; i++)
    {
      XRow *r = g_ptr_array_index (mine->rows[X_RELATION], i);

      n += (g_strcmp0 (r->values[1], uid) == 0 || g_strcmp0 (r->values[2], uid) == 0) &&
           LIVE (X_RELATION, r);
    }
  for (guint i = 0; table == X_DOCUMENT && i < mine->rows[X_QUOTE]->len; i++)
    {
      XRow *q = g_ptr_array_index (mine->rows[X_QUOTE], i);

      n += g_strcmp0 (q->values[1], uid) == 0 && LIVE (X_QUOTE, q);
    }
  for (guint i = 0; i < mine->rows[X_EVIDENCE]->len; i++)
    {
      XRow *e = g_ptr_array_index (mine->rows[X_EVIDENCE], i);
      g_autofree char *key = NULL;

      if (!((table == X_QUOTE && g_strcmp0 (e->values[0], uid) == 0) ||
            (g_strcmp0 (e->values[1], target) == 0 && g_strcmp0 (e->values[2], uid) == 0)))
        continue;
      key = _rs_exchange_row_key (X_EVIDENCE, e->values);
      n += !g_hash_table_contains (deleted[X_EVIDENCE], key);
    }
  for (guint i = 0; i < mine->rows[X_NOTE]->len; i++)
    {
      XRow *note = g_ptr_array_index (mine->rows[X_NOTE], i);

      n += g_strcmp0 (note->values[1], target) == 0 && g_strcmp0 (note->values[2], uid) == 0 &&
           LIVE (X_NOTE, note);
    }
  /* A colleague's comment on it is as much a use as a note. */
  for (guint i = 0; i < mine->rows[X_COMMENT]->len; i++)
    {
      XRow *comment = g_ptr_array_index (mine->rows[X_COMMENT], i);

      n += g_strcmp0 (comment->values[1], target) == 0 &&
           g_strcmp0 (comment->values[2], uid) == 0 && LIVE (X_COMMENT, comment);
    }
#undef LIVE
  return n;
}

/* My row for a key of theirs (their uids mapped to mine). */
static XRow *
mine_for_key (XMatcher       *matcher,
              XTableId        table,
              char * const   *key_values)
{
  const char *by = NULL;

  if (table == X_EVIDENCE)
    return _rs_exchange_find_mine_by (matcher, table, key_values, &by);
  {
    const char *uid = g_hash_table_lookup (matcher->map[table == X_POSITION ? X_ENTITY : table],
                                           key_values[0]);

    return _rs_exchange_set_lookup (matcher->mine, table, uid ? uid : key_values[0]);
  }
}

static gboolean
plan_change (XChange  *change,
             gpointer  user_data)
{
  ApplyContext *ctx = user_data;
  XMatcher *matcher = ctx->matcher;
  XTableId table = change->table;
  const XTable *t = _rs_exchange_table (table);
  g_autofree char *title = NULL;
  const char *matched_by;
  XRow *mine;

  if (table != ctx->table)
    return TRUE;

  if (change->op == SQLITE_INSERT)
    {
      XRow row = { change->new_values, t->n_columns, 0 };

      _rs_exchange_match_row (matcher, table, &row);
      return TRUE;
    }

  /* Their board is theirs: only a new entity's place comes along. */
  if (table == X_POSITION)
    return TRUE;

  mine = mine_for_key (matcher, table, change->old_values);
  matched_by = "uid";
  if (mine == NULL && table != X_EVIDENCE)
    {
      /* Not under their uid: the same record added on both sides, found by what it
       * is (a delete carries the whole row; an update's is in the context). */
      XRow *whole = change->op == SQLITE_DELETE ? NULL
                    : _rs_exchange_set_lookup (ctx->context, table, change->old_values[0]);
      char **values = change->op == SQLITE_DELETE ? change->old_values
                      : whole != NULL ? whole->values : NULL;

      if (values != NULL &&
          (mine = _rs_exchange_find_mine_by (matcher, table, values, &matched_by)) != NULL)
        {
          g_hash_table_add (matcher->used[table], mine);
          g_hash_table_replace (matcher->map[table], g_strdup (change->old_values[0]),
                                g_strdup (mine->values[0]));
        }
    }
  if (change->op == SQLITE_UPDATE)
    {
      char **theirs, **base;
      gboolean differs;

      if (mine == NULL)
        {
          _rs_exchange_plan_skip (matcher->plan, table, change->old_values[0],
                                  _("Changed there, but not in this case (removed here, or never "
                                    "received)"));
          return TRUE;
        }
      theirs = g_new0 (char *, t->n_columns + 1);
      base = g_new0 (char *, t->n_columns + 1);
      for (guint c = 0; c < t->n_columns; c++)
        {
          /* Columns they did not change: as mine, so only theirs are compared. */
          theirs[c] = g_strdup (change->has_new[c] && c >= t->n_key ? change->new_values[c]
                                                                   : mine->values[c]);
          base[c] = g_strdup (change->has_old[c] && c >= t->n_key && change->has_new[c]
                              ? change->old_values[c] : mine->values[c]);
        }
      /* Keys as theirs, so the item names their record. */
      for (guint c = 0; c < t->n_key; c++)
        {
          g_free (theirs[c]);
          theirs[c] = g_strdup (change->old_values[c]);
        }
      title = _rs_exchange_row_title (matcher, table, theirs);
      differs = _rs_exchange_compare (matcher, table, mine, theirs, base, change->has_new,
                                      matched_by, title);
      if (!differs)
        {
          g_autofree char *mine_key = _rs_exchange_row_key (table, mine->values);
          RsExchangeItem *item = _rs_exchange_item_new (RS_EXCHANGE_ITEM_MATCH, table, theirs[0],
                                                        mine->local_id, title);

          _rs_exchange_item_set_match (item, matched_by, mine_key);
          _rs_exchange_plan_add (matcher->plan, item);
        }
      _rs_exchange_values_free (theirs, t->n_columns);
      _rs_exchange_values_free (base, t->n_columns);
      return TRUE;
    }

  /* A delete. Gone here too: nothing to do. Changed here since: a conflict. */
  if (mine == NULL)
    return TRUE;
  {
    g_autofree char *mine_key = _rs_exchange_row_key (table, mine->values);
    const XField *fields;
    guint n_fields;
    gboolean changed = FALSE;
    guint n_used;
    RsExchangeItem *item;

    title = _rs_exchange_row_title (matcher, table, mine->values);
    fields = _rs_exchange_fields (table, &n_fields);
    for (guint f = 0; !changed && f < n_fields; f++)
      {
        const XField *field = &fields[f];
        g_autofree char *m = _rs_exchange_field_text (matcher, table, field, mine->values, FALSE);
        g_autofree char *o = _rs_exchange_field_text (matcher, table, field, change->old_values, TRUE);

        changed = g_strcmp0 (m, o) != 0;
      }
    n_used = table == X_EVIDENCE ? 0 : count_dependents (matcher->mine, ctx->deleted, table,
                                                         mine->values[0]);
    item = _rs_exchange_item_new (changed || n_used > 0 ? RS_EXCHANGE_ITEM_CONFLICT
                                                        : RS_EXCHANGE_ITEM_DELETE,
                                  table, change->old_values[0], mine->local_id, title);
    _rs_exchange_item_set_match (item, matched_by, mine_key);
    if (changed)
      _rs_exchange_item_set_field (item, &deleted_field, _("changed here"), _("deleted"), NULL);
    else if (n_used > 0)
      {
        g_autofree char *used = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "used by %u record here",
                                                              "used by %u records here", n_used),
                                                 n_used);

        _rs_exchange_item_set_field (item, &deleted_field, used, _("deleted"), NULL);
      }
    _rs_exchange_plan_add (matcher->plan, item);
  }
  return TRUE;
}

typedef GHashTable *DeletedSets[X_N_TABLES];

static void
deleted_sets_clear (DeletedSets *sets)
{
  for (guint t = 0; t < X_N_TABLES; t++)
    g_clear_pointer (&(*sets)[t], g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeletedSets, deleted_sets_clear)

static const XTableId apply_order[] = {
  X_DOCUMENT, X_ENTITY, X_POSITION, X_RELATION, X_QUOTE, X_EVENT, X_EVIDENCE, X_NOTE, X_REVIEW,
  X_COMMENT,
};

RsExchangePlan *
rs_exchange_plan_new_apply (RsCaseStore  *mine,
                            const char   *changeset_path,
                            GError      **error)
{
  g_auto(RsExchangeHeader) header = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(XSet) my_set = NULL;
  g_autoptr(XSet) their_set = _rs_exchange_set_new ();
  g_autoptr(XSet) context_set = _rs_exchange_set_new ();
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_auto(DeletedSets) deleted = { NULL };
  const char *case_uid;
  XMatcher matcher;

  g_return_val_if_fail (RS_IS_CASE_STORE (mine), NULL);
  g_return_val_if_fail (changeset_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_basename (changeset_path);
  if (!(mapped = g_mapped_file_new (changeset_path, FALSE, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code, _("Could not read “%s”: %s"),
                   name, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  if (!_rs_exchange_read_changes (bytes, name, &header, error))
    return NULL;

  case_uid = rs_case_get_uid (rs_case_store_get_case (mine));
  if (g_strcmp0 (header.case_uid, case_uid) != 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” holds changes to another case: nothing was applied. Use Merge Case… "
                     "to bring in a different case."), name);
      return NULL;
    }

  if (!(db = _rs_exchange_open_memory (error)) ||
      !_rs_exchange_copy_store (mine, db, "cm", error) ||
      !_rs_exchange_snapshot (db, "cm", "xm", error) ||
      !(my_set = _rs_exchange_load_set (db, "xm", "cm", error)))
    return NULL;
  for (guint t = 0; t < X_N_TABLES; t++)
    deleted[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    ApplyContext ctx = { NULL, X_N_TABLES, their_set, deleted, NULL };

    if (!_rs_exchange_foreach_change (header.changeset, name, collect_theirs, &ctx, error) ||
        !_rs_exchange_foreach_change (header.context, name, collect_context, context_set, error))
      return NULL;
  }

  /* TRANSLATORS: "Apply changes from Hana Sato" */
  if (header.author != NULL && *header.author != '\0')
    label = g_strdup_printf (_("Apply changes from %s"), header.author);
  else
    label = g_strdup (_("Apply changes"));
  plan = _rs_exchange_plan_new (mine, name, label, header.author);
  _rs_exchange_matcher_init (&matcher, plan, my_set, their_set);
  for (guint i = 0; i < G_N_ELEMENTS (apply_order); i++)
    {
      ApplyContext ctx = { &matcher, apply_order[i], their_set, deleted, context_set };

      if (!_rs_exchange_foreach_change (header.changeset, name, plan_change, &ctx, error))
        {
          _rs_exchange_matcher_clear (&matcher);
          return NULL;
        }
    }
  _rs_exchange_matcher_clear (&matcher);

  if (!_rs_exchange_plan_seal (plan, error))
    return NULL;
  return g_steal_pointer (&plan);
}
