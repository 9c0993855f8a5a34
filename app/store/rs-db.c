/* rs-db.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-db"

#include "config.h"

#include <errno.h>

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
  return rs_db_open_untrusted_full (path, create ? RS_DB_OPEN_CREATE : RS_DB_OPEN_READ_WRITE,
                                    error);
}

/* RS_DB_OPEN_READ_ONLY opens the file O_RDONLY: such a connection can take no write
 * lock, so it can neither write the file nor checkpoint its -wal into it, even when
 * it is the last one to close. RS_DB_OPEN_IMMUTABLE also takes no locks and ignores
 * any -wal: only for a WAL file without one, in a folder where no -shm can be made. */
/* Before SQLite initialises itself at the first open: no memory statistics, which
 * Redstring never reads and which cost a global mutex around every allocation SQLite
 * makes (an import of 20,000 entities makes millions). Too late once another part of
 * the process has opened a database; then nothing changes. */
static void
configure_sqlite_once (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

sqlite3 *
rs_db_open_untrusted_full (const char    *path,
                           RsDbOpenMode   mode,
                           GError       **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *uri = NULL;
  /* Serialized: the store shares its connection with the note writer's worker. */
  int flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc;

  switch (mode)
    {
    case RS_DB_OPEN_CREATE:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;

    case RS_DB_OPEN_READ_WRITE:
      flags |= SQLITE_OPEN_READWRITE;
      break;

    case RS_DB_OPEN_READ_ONLY:
      flags |= SQLITE_OPEN_READONLY;
      break;

    case RS_DB_OPEN_IMMUTABLE:
      flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
      {
        /* Percent-encoded: a '?', '#' or '%' in a file name is not URI syntax. */
        g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

        uri = g_strdup_printf ("file:%s?immutable=1", escaped);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  configure_sqlite_once ();
  if ((rc = sqlite3_open_v2 (uri ? uri : path, &db, flags, NULL)) != SQLITE_OK)
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
  if (mode == RS_DB_OPEN_READ_ONLY || mode == RS_DB_OPEN_IMMUTABLE)
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
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
  /* SQLite quotes what it could not parse, raw bytes of a hostile file included:
   * the message goes into a dialog, which takes only UTF-8 (found by fuzzing). */
  g_autofree char *message = g_utf8_make_valid (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), -1);
  const char *filename = db != NULL ? sqlite3_db_filename (db, "main") : NULL;
  g_autofree char *label = NULL;
  RsError code;

  /* Every message names the file, even when the caller did not say which. */
  if (what != NULL)
    label = g_strdup (what);
  else if (filename != NULL && *filename != '\0')
    {
      g_autofree char *name = g_filename_display_basename (filename);

      label = g_strdup_printf ("“%s”", name);
    }
  else
    label = g_strdup (_("Case file"));

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = RS_ERROR_NOT_A_CASE;
      break;

    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      code = RS_ERROR_CORRUPT_CASE;
      break;

    case SQLITE_READONLY:
      code = RS_ERROR_READ_ONLY;
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    /* In WAL mode, lock contention that outlasts SQLite's own retries: transient. */
    case SQLITE_PROTOCOL:
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
                   name ? name : label, message);
      return;
    }


  /* "disk I/O error" alone does not say that the disk (or the file size limit) is
   * full, which is the usual reason a write fails. */
  if (db != NULL && ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR))
    {
      int sys_errno = sqlite3_system_errno (db);

      if ((rc & 0xff) == SQLITE_FULL || sys_errno == ENOSPC || sys_errno == EFBIG
#ifdef EDQUOT
          || sys_errno == EDQUOT
#endif
          )
        {
          g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                       _("%s: the disk is full or the file size limit is reached (%s)"),
                       label,
                       sys_errno != 0 ? g_strerror (sys_errno) : message);
          return;
        }
      if (sys_errno != 0)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, "%s: %s (%s)",
                       label, message, g_strerror (sys_errno));
          return;
        }
      /* SQLite does not always keep errno for a failed write; a full disk is by far
       * the likeliest cause. */
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE ||
          rc == SQLITE_IOERR_SHMSIZE)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                       _("%s: could not write to the disk; it may be full (%s)"), label, message);
          return;
        }
    }

  g_set_error (error, RS_ERROR, code, "%s: %s", label, message);
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
  /* SQLite copies the text. When the copy fails it leaves the parameter NULL and
   * the statement runs anyway: a nullable column loses its value without a word,
   * a NOT NULL one fails as if the input were wrong. Out of memory ends the
   * program here, as a failed g_malloc does, before the statement can run: an
   * open transaction is never committed. */
  else if (sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT) == SQLITE_NOMEM)
    g_error ("%s: failed to allocate memory for a bound value", G_STRLOC);
}

const char *
rs_db_column_text (sqlite3_stmt *stmt,
                   int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}
