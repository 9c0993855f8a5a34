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
 * failing step leaves the file at the previous version. */
static const char *migrations[] = {
  "/org/redstring/Redstring/core/sql/001-initial.sql",
  "/org/redstring/Redstring/core/sql/002-board.sql",
};

int
rs_migrations_get_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
rs_migrations_apply (sqlite3  *db,
                     int       target_version,
                     GError  **error)
{
  gint64 version;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target_version <= rs_migrations_get_latest (), FALSE);

  if (!rs_db_get_int (db, "PRAGMA user_version", &version, error))
    return FALSE;

  for (int v = version + 1; v <= target_version; v++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *bump = NULL;
      g_autoptr(GError) local_error = NULL;

      bytes = g_resources_lookup_data (migrations[v - 1], 0, error);
      if (bytes == NULL)
        return FALSE;

      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      /* Both values are integers this program computed: not user input. */
      bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                              v, RS_DB_APPLICATION_ID);

      if (!rs_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!rs_db_exec (db, sql, &local_error) || !rs_db_exec (db, bump, &local_error) ||
          !rs_db_exec (db, "COMMIT", &local_error))
        {
          rs_db_exec (db, "ROLLBACK", NULL);
          g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
                       _("Could not upgrade the case file to version %d: %s"), v,
                       local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}
