/* rs-migrations.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-migrations"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-migrations.h"

/* Schema version N is reached by running sql/00N-*.sql on version N-1, each in its
 * own transaction together with the PRAGMA user_version bump, so a crash or a
 * failing step leaves the file at the previous version. Inside the caller's
 * transaction (a new case), each step is a savepoint of it instead. */
static const char *migrations[] = {
  "/org/redstring/Redstring/core/sql/001-initial.sql",
  "/org/redstring/Redstring/core/sql/002-board.sql",
  "/org/redstring/Redstring/core/sql/003-search.sql",
  "/org/redstring/Redstring/core/sql/004-history.sql",
  "/org/redstring/Redstring/core/sql/005-review.sql",
  "/org/redstring/Redstring/core/sql/006-storyline.sql",
  "/org/redstring/Redstring/core/sql/007-history-detail.sql",
  "/org/redstring/Redstring/core/sql/008-stix.sql",
};

int
rs_migrations_get_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

static void
restore_foreign_keys (sqlite3 *db,
                      gboolean nested,
                      gint64   foreign_keys)
{
  if (!nested && foreign_keys == 1)
    rs_db_exec (db, "PRAGMA foreign_keys = ON", NULL);
}

gboolean
rs_migrations_apply (sqlite3  *db,
                     int       target_version,
                     GError  **error)
{
  gint64 version;
  gint64 foreign_keys = -1;
  gboolean nested;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target_version <= rs_migrations_get_latest (), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  nested = !sqlite3_get_autocommit (db);
  if (!rs_db_get_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  /* user_version is a signed 32-bit value anyone can set: it indexes migrations[]. */
  if (version < 0 || version > rs_migrations_get_latest ())
    {
      g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                   _("The case format number %" G_GINT64_FORMAT " is not valid"), version);
      return FALSE;
    }

  /* Schema 8 rebuilds the entity table: with foreign keys on, dropping the old one
   * would delete every row that refers to an entity. The pragma is a no-op inside a
   * transaction, where (a new case) there is nothing to delete. */
  if (!nested && version < target_version &&
      (!rs_db_get_int (db, "PRAGMA foreign_keys", &foreign_keys, error) ||
       !rs_db_exec (db, "PRAGMA foreign_keys = OFF", error)))
    return FALSE;

  for (int v = version + 1; v <= target_version; v++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *bump = NULL;
      g_autoptr(GError) local_error = NULL;

      g_assert (v >= 1 && v <= (int)G_N_ELEMENTS (migrations));

      bytes = g_resources_lookup_data (migrations[v - 1], 0, error);
      if (bytes == NULL)
        return restore_foreign_keys (db, nested, foreign_keys), FALSE;

      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      /* Both values are integers this program computed: not user input. */
      bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                              v, RS_DB_APPLICATION_ID);

      if (!rs_db_exec (db, nested ? "SAVEPOINT rs_migration" : "BEGIN IMMEDIATE", error))
        return restore_foreign_keys (db, nested, foreign_keys), FALSE;

      /* The caller says what was being done and to which file; the cause (a full
       * disk, a read-only file) comes from SQLite with its error code. */
      if (!rs_db_exec (db, sql, &local_error) || !rs_db_exec (db, bump, &local_error) ||
          !rs_db_exec (db, nested ? "RELEASE rs_migration" : "COMMIT", &local_error))
        {
          rs_db_exec (db, nested ? "ROLLBACK TO rs_migration; RELEASE rs_migration" : "ROLLBACK",
                      NULL);
          restore_foreign_keys (db, nested, foreign_keys);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  restore_foreign_keys (db, nested, foreign_keys);
  return TRUE;
}

typedef struct
{
  char *type;
  char *name;
  char *tbl_name;
  char *sql;
} SchemaItem;

static void
schema_item_free (SchemaItem *item)
{
  g_free (item->type);
  g_free (item->name);
  g_free (item->tbl_name);
  g_free (item->sql);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SchemaItem, schema_item_free)

/* Whitespace runs become one space: the text SQLite keeps is the CREATE statement as
 * written, so only layout may differ between two files made by the same migrations. */
static char *
normalise_sql (const char *sql)
{
  GString *out;
  gboolean space = FALSE;

  if (sql == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = sql; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* type + NUL + name -> SchemaItem, for every entry of sqlite_schema. */
static GHashTable *
read_schema (sqlite3  *db,
             GError  **error)
{
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)schema_item_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (!(stmt = rs_db_prepare (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema",
                              error)))
    return NULL;

  for (;;)
    {
      g_autoptr(SchemaItem) item = g_new0 (SchemaItem, 1);
      g_autofree char *key = NULL;

      if (!rs_db_step_row (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      item->type = g_strdup (rs_db_column_text (stmt, 0));
      item->name = g_strdup (rs_db_column_text (stmt, 1));
      item->tbl_name = g_strdup (rs_db_column_text (stmt, 2));
      item->sql = normalise_sql (rs_db_column_text (stmt, 3));
      if (item->type == NULL || item->name == NULL ||
          !g_utf8_validate (item->type, -1, NULL) || !g_utf8_validate (item->name, -1, NULL))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                       _("its list of tables is damaged"));
          return NULL;
        }
      key = g_strconcat (item->type, " ", item->name, NULL);
      g_hash_table_replace (items, g_steal_pointer (&key), g_steal_pointer (&item));
    }

  return g_steal_pointer (&items);
}

static const char *
describe_type (const char *type)
{
  if (g_str_equal (type, "table"))
    return _("table");
  if (g_str_equal (type, "index"))
    return _("index");
  if (g_str_equal (type, "trigger"))
    return _("trigger");
  if (g_str_equal (type, "view"))
    return _("view");
  return type;
}

/* The file's schema must be exactly the one the migrations make at its version: a
 * trigger in a file runs on our own writes (even with trusted_schema off), and a view
 * named like one of our tables would feed the loader whatever it computes. Comparing
 * against the migrations themselves means every later migration extends the check. */
gboolean
rs_migrations_check_schema (sqlite3  *db,
                            int       version,
                            GError  **error)
{
  g_autoptr(sqlite3) reference = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GList) keys = NULL;
  SchemaItem *item;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (version >= 1 && version <= rs_migrations_get_latest (), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(reference = rs_db_open_untrusted_full (":memory:", RS_DB_OPEN_CREATE, error)) ||
      !rs_migrations_apply (reference, version, error) ||
      !(expected = read_schema (reference, error)))
    return FALSE;
  if (!(found = read_schema (db, error)))
    return FALSE;

  /* Sorted, so that the message is the same each time for the same file. */
  keys = g_list_sort (g_hash_table_get_keys (found), (GCompareFunc)g_strcmp0);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      SchemaItem *mine;

      item = g_hash_table_lookup (found, l->data);
      mine = g_hash_table_lookup (expected, l->data);
      if (mine == NULL)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                       _("it contains a %s “%s” that Redstring did not create"),
                       describe_type (item->type), item->name);
          return FALSE;
        }
      if (g_strcmp0 (mine->tbl_name, item->tbl_name) != 0 || g_strcmp0 (mine->sql, item->sql) != 0)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                       _("its %s “%s” is not the one Redstring creates (it was edited by hand "
                         "or by another program)"), describe_type (item->type), item->name);
          return FALSE;
        }
    }

  g_clear_pointer (&keys, g_list_free);
  keys = g_list_sort (g_hash_table_get_keys (expected), (GCompareFunc)g_strcmp0);
  for (const GList *l = keys; l != NULL; l = l->next)
    if (!g_hash_table_contains (found, l->data))
      {
        item = g_hash_table_lookup (expected, l->data);
        g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                     _("its %s “%s” is missing"), describe_type (item->type), item->name);
        return FALSE;
      }

  return TRUE;
}
