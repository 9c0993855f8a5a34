/* rs-db.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Undo records each command's changes with SQLite's session extension, which
 * Debian's libsqlite3 is built with; its declarations are behind these. Only
 * app/store includes this header. */
#ifndef SQLITE_ENABLE_SESSION
# define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
# define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>

G_BEGIN_DECLS

/* "RSTG": marks a SQLite file as a Redstring case (PRAGMA application_id). */
#define RS_DB_APPLICATION_ID 0x52535447

/* How long a write waits for another program's lock before it fails. */
#define RS_DB_LOCK_TIMEOUT_MSEC 5000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_session, sqlite3session_delete)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_changeset_iter, sqlite3changeset_finalize)

typedef enum
{
  RS_DB_OPEN_CREATE,
  RS_DB_OPEN_READ_WRITE,
  RS_DB_OPEN_READ_ONLY,
  RS_DB_OPEN_IMMUTABLE,
} RsDbOpenMode;

sqlite3      *rs_db_open_untrusted (const char    *path,
                                    gboolean       create,
                                    GError       **error);
sqlite3      *rs_db_open_untrusted_full
                                   (const char    *path,
                                    RsDbOpenMode   mode,
                                    GError       **error);
void          rs_db_set_error      (sqlite3       *db,
                                    int            rc,
                                    GError       **error,
                                    const char    *what);
sqlite3_stmt *rs_db_prepare        (sqlite3       *db,
                                    const char    *sql,
                                    GError       **error);
gboolean      rs_db_step_done      (sqlite3       *db,
                                    sqlite3_stmt  *stmt,
                                    GError       **error);
gboolean      rs_db_step_row       (sqlite3       *db,
                                    sqlite3_stmt  *stmt,
                                    gboolean      *has_row,
                                    GError       **error);
gboolean      rs_db_exec           (sqlite3       *db,
                                    const char    *sql,
                                    GError       **error);
gboolean      rs_db_get_int        (sqlite3       *db,
                                    const char    *sql,
                                    gint64        *value,
                                    GError       **error);
void          rs_db_bind_text      (sqlite3_stmt  *stmt,
                                    int            index,
                                    const char    *text);
const char   *rs_db_column_text    (sqlite3_stmt  *stmt,
                                    int            column);

G_END_DECLS
