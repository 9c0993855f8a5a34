/* rs-db.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-db"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-db.h"
#include "rs-error.h"

/* Opens a connection hardened for files that come from colleagues: defensive mode
 * (no writable_schema tricks, no direct shadow-table writes), no trusted schema
 * (views and triggers in the file cannot call functions with side effects), no
 * extensions. Nothing is read or written yet. */
sqlite3 *
rs_db_open_untrusted (const char  *path,
                      gboolean     create,
                      GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc;

  if (create)
    flags |= SQLITE_OPEN_CREATE;

  if ((rc = sqlite3_open_v2 (path, &db, flags, NULL)) != SQLITE_OK)
    {
      rs_db_set_error (db, rc, error, path);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_busy_timeout (db, RS_DB_LOCK_TIMEOUT_MSEC);

  return g_steal_pointer (&db);
}

/* The one place SQLite result codes become RS_ERROR codes. */
void
rs_db_set_error (sqlite3    *db,
                 int         rc,
                 GError    **error,
                 const char *what)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  RsError code;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = RS_ERROR_NOT_A_CASE;
      break;

    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      code = RS_ERROR_CORRUPT_CASE;
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = RS_ERROR_BUSY;
      break;

    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      code = RS_ERROR_INVALID_INPUT;
      break;

    default:
      code = RS_ERROR_STORAGE;
      break;
    }

  /* Waiting for another program is not damage: say which file and what to do. */
  if (code == RS_ERROR_BUSY)
    {
      const char *file = db != NULL ? sqlite3_db_filename (db, "main") : NULL;
      g_autofree char *name = file && *file ? g_filename_display_basename (file) : NULL;

      g_set_error (error, RS_ERROR, code,
                   _("“%s” is locked by another program that is changing it (%s). "
                     "Wait for it to finish, or close the other program, then try again."),
                   name ? name : what ? what : _("The case file"), message);
      return;
    }

  g_set_error (error, RS_ERROR, code, "%s: %s", what ? what : _("Case file"), message);
}

sqlite3_stmt *
rs_db_prepare (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) != SQLITE_OK)
    {
      rs_db_set_error (db, rc, error, NULL);
      return NULL;
    }
  return stmt;
}

gboolean
rs_db_step_done (sqlite3       *db,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      rs_db_set_error (db, rc, error, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
rs_db_step_row (sqlite3       *db,
                sqlite3_stmt  *stmt,
                gboolean      *has_row,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      rs_db_set_error (db, rc, error, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Only for SQL the program itself holds (pragmas, savepoints, migrations): never
 * for anything that carries a value, which always goes through a bound statement. */
gboolean
rs_db_exec (sqlite3     *db,
            const char  *sql,
            GError     **error)
{
  int rc;

  if ((rc = sqlite3_exec (db, sql, NULL, NULL, NULL)) != SQLITE_OK)
    {
      rs_db_set_error (db, rc, error, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
rs_db_get_int (sqlite3     *db,
               const char  *sql,
               gint64      *value,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (!(stmt = rs_db_prepare (db, sql, error)))
    return FALSE;
  if (!rs_db_step_row (db, stmt, &has_row, error))
    return FALSE;

  *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

void
rs_db_bind_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
rs_db_column_text (sqlite3_stmt *stmt,
                   int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}
