/* rs-case-store.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rs-case-store-private.h"
#include "rs-enum-types.h"
#include "rs-error.h"
#include "rs-fuzzy-date.h"
#include "rs-migrations.h"

/* One case file. Every change is validated, written and committed in its own
 * transaction before the model is told, so what the UI shows is always on disk:
 * there is no unsaved state. A batch (bundle import) is one transaction whose
 * records reach the model only once it has committed. */

G_DEFINE_FINAL_TYPE (RsCaseStore, rs_case_store, G_TYPE_OBJECT)

/* Every case open in this process, by device and inode. On POSIX, closing *any*
 * descriptor of a file drops all of the process's fcntl locks on it, SQLite's
 * included: a second store (or anything else that opens and closes the file) in the
 * same process would silently unlock the first, and another process could then
 * checkpoint and delete its -wal under it. So a file is opened once per process,
 * and nothing here opens one that is already open. */
typedef struct
{
  guint64 dev;
  guint64 ino;
} FileKey;

static GMutex registry_lock;
static GHashTable *registry; /* FileKey -> RsCaseStore (borrowed, removed in finalize) */

static guint
file_key_hash (gconstpointer key)
{
  const FileKey *k = key;

  return (guint)(k->ino ^ (k->ino >> 32) ^ (k->dev * 2654435761u));
}

static gboolean
file_key_equal (gconstpointer a,
                gconstpointer b)
{
  const FileKey *ka = a, *kb = b;

  return ka->dev == kb->dev && ka->ino == kb->ino;
}

/* The caller holds registry_lock. */
static RsCaseStore *
registry_lookup (const GStatBuf *st)
{
  FileKey key = { st->st_dev, st->st_ino };

  return registry != NULL ? g_hash_table_lookup (registry, &key) : NULL;
}

/* Claims the file for self before anything touches it. */
static gboolean
registry_reserve (RsCaseStore     *self,
                  const GStatBuf  *st,
                  GError         **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&registry_lock);
  FileKey key = { st->st_dev, st->st_ino };

  if (registry_lookup (st) != NULL)
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      g_set_error (error, RS_ERROR, RS_ERROR_ALREADY_OPEN,
                   _("Could not open “%s”: it is already open"), name);
      return FALSE;
    }

  if (registry == NULL)
    registry = g_hash_table_new_full (file_key_hash, file_key_equal, g_free, NULL);
  g_hash_table_insert (registry, g_memdup2 (&key, sizeof key), self);
  self->dev = key.dev;
  self->ino = key.ino;
  self->registered = TRUE;
  return TRUE;
}

static void
registry_release (RsCaseStore *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  FileKey key = { self->dev, self->ino };

  if (!self->registered)
    return;

  locker = g_mutex_locker_new (&registry_lock);
  g_hash_table_remove (registry, &key);
  self->registered = FALSE;
}

static void
rs_case_store_dispose (GObject *object)
{
  RsCaseStore *self = (RsCaseStore *)object;

  g_clear_object (&self->kase);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (rs_case_store_parent_class)->dispose (object);
}

static void
rs_case_store_finalize (GObject *object)
{
  RsCaseStore *self = (RsCaseStore *)object;

  g_clear_pointer (&self->board_pos, sqlite3_finalize);
  g_clear_pointer (&self->board_route, sqlite3_finalize);
  g_clear_pointer (&self->board_unroute, sqlite3_finalize);
  if (self->in_batch || self->in_change || (self->in_board && !self->board_committed))
    rs_db_exec (self->db, "ROLLBACK", NULL);
  g_clear_pointer (&self->batch_stmts, g_hash_table_unref);
  _rs_case_store_forget_deferred (self);
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->change_label, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->db, sqlite3_close);
  /* Only once SQLite has let go of the file may another store open it. */
  registry_release (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->pending_title, g_free);
  g_clear_pointer (&self->pending_description, g_free);
  g_rec_mutex_clear (&self->gate);

  G_OBJECT_CLASS (rs_case_store_parent_class)->finalize (object);
}

static void
rs_case_store_class_init (RsCaseStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_case_store_dispose;
  object_class->finalize = rs_case_store_finalize;

  _rs_case_store_class_sync_init (klass);
}

static void
rs_case_store_init (RsCaseStore *self)
{
  self->kase = rs_case_new ();
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_rec_mutex_init (&self->gate);
  self->lock_timeout_msec = RS_DB_LOCK_TIMEOUT_MSEC;
}

void
_rs_case_store_lock (RsCaseStore *self)
{
  g_rec_mutex_lock (&self->gate);
}

void
_rs_case_store_unlock (RsCaseStore *self)
{
  g_rec_mutex_unlock (&self->gate);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Reads the first bytes of an existing file without SQLite, so that a file that is
 * not a database at all is refused before anything can touch it. Only called once
 * the registry says no store of this process has the file open: closing this
 * descriptor cannot drop anyone's locks. */
static gboolean
check_header (const char  *path,
              gboolean    *is_empty,
              gboolean    *is_wal,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  guint8 header[20];
  gsize n_read = 0;

  if (!(in = g_file_read (file, NULL, error)))
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n_read, NULL, error))
    return FALSE;

  *is_empty = n_read == 0;
  /* File format write/read versions 2: the file is in WAL mode. */
  *is_wal = n_read == sizeof header && (header[18] == 2 || header[19] == 2);
  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, RS_ERROR, RS_ERROR_NOT_A_CASE,
                   _("Could not open “%s”: not a Redstring case file"), name);
      return FALSE;
    }
  return TRUE;
}

static void prefix_with_name (GError     **error,
                              const char  *path);

/* Everything here only reads, on a read-only connection: a file we refuse is left
 * exactly as it was, -wal included. */
static gboolean
check_existing (sqlite3      *db,
                const char   *path,
                gint64       *version,
                GError      **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 app_id = 0, n_tables = 0;
  gboolean has_row;

  if (!rs_db_get_int (db, "PRAGMA application_id", &app_id, &local_error) ||
      !rs_db_get_int (db, "PRAGMA user_version", version, &local_error) ||
      !rs_db_get_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables, &local_error))
    {
      if (local_error->code == RS_ERROR_READ_ONLY)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_READ_ONLY,
                       _("Could not open “%s”: the file is read-only and cannot be read without "
                         "writing beside it (%s)"), name, local_error->message);
          return FALSE;
        }
      /* Only what SQLite says about the file itself means a damaged file: a lock
       * wait or a lack of memory is said as such (the failing-allocator run
       * found "damaged" for out-of-memory). */
      if (local_error->code != RS_ERROR_NOT_A_CASE && local_error->code != RS_ERROR_CORRUPT_CASE)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not open “%s”: "), name);
          return FALSE;
        }
      g_set_error (error, RS_ERROR, local_error->code,
                   _("Could not open “%s”: the file is damaged or not a case file (%s)"),
                   name, local_error->message);
      return FALSE;
    }

  if (n_tables > 0 && app_id != RS_DB_APPLICATION_ID)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_NOT_A_CASE,
                   _("Could not open “%s”: it is a database, but not a Redstring case file"),
                   name);
      return FALSE;
    }

  if (*version > rs_migrations_get_latest ())
    {
      g_set_error (error, RS_ERROR, RS_ERROR_UNSUPPORTED_VERSION,
                   _("Could not open “%s”: it was written by a newer Redstring (case format %d; "
                     "this version reads up to %d). Update Redstring to open it."),
                   name, (int)*version, rs_migrations_get_latest ());
      return FALSE;
    }

  /* Format 0 is a database nothing has been written to yet; anything else below 1
   * is damage (and would index the migrations backwards). */
  if (*version < 0 || (*version == 0 && n_tables > 0))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                   _("Could not open “%s”: the case file is damaged (its format number %d is "
                     "not valid)"), name, (int)*version);
      return FALSE;
    }
  if (*version == 0)
    return TRUE;

  if (!rs_migrations_check_schema (db, *version, error))
    return prefix_with_name (error, path), FALSE;

  /* Damage anywhere (a truncated copy, a flipped page) is found now, not halfway
   * through an edit. quick_check is linear in the file size. */
  if (!(stmt = rs_db_prepare (db, "PRAGMA quick_check", &local_error)) ||
      !rs_db_step_row (db, stmt, &has_row, &local_error) ||
      !has_row || g_strcmp0 (rs_db_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                   _("Could not open “%s”: the case file is damaged (%s)"), name,
                   local_error ? local_error->message
                               : has_row ? rs_db_column_text (stmt, 0) : "no answer");
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = rs_db_prepare (db, "PRAGMA foreign_key_check", &local_error)) ||
      !rs_db_step_row (db, stmt, &has_row, &local_error) || has_row)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
                   _("Could not open “%s”: the case file has broken references%s%s"), name,
                   local_error ? ": " : "", local_error ? local_error->message : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
init_new_case (RsCaseStore  *self,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uid = g_uuid_string_random ();
  g_autofree char *created = now_iso8601 ();
  g_autofree char *title = g_filename_display_basename (self->path);
  char *dot = strrchr (title, '.');

  if (dot != NULL && dot != title)
    *dot = '\0';

  if (!(stmt = rs_db_prepare (self->db,
                              "INSERT OR IGNORE INTO case_info (id, uid, title, created) "
                              "VALUES (1, ?1, ?2, ?3)", error)))
    return FALSE;
  rs_db_bind_text (stmt, 1, uid);
  rs_db_bind_text (stmt, 2, title);
  rs_db_bind_text (stmt, 3, created);
  return rs_db_step_done (self->db, stmt, error);
}

static void
prefix_with_name (GError     **error,
                  const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_prefix_error (error, _("Could not open “%s”: "), name);
}

/* "Could not create “x”: …" rather than SQLite's words alone. The cause keeps its
 * code (a full disk is RS_ERROR_STORAGE, a read-only file RS_ERROR_READ_ONLY). */
typedef enum
{
  WHILE_OPENING,
  WHILE_CREATING,
  WHILE_UPGRADING,
} WriteStep;

static void
explain_write_failure (GError     **error,
                       WriteStep    step,
                       const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *quoted = g_strdup_printf ("“%s”: ", name);
  g_autofree char *message = NULL;
  const char *cause;

  if (error == NULL || *error == NULL)
    return;

  cause = (*error)->message;
  if (g_str_has_prefix (cause, quoted))
    cause += strlen (quoted);
  switch (step)
    {
    case WHILE_OPENING:
      message = g_strdup_printf (_("Could not open “%s”: %s"), name, cause);
      break;

    case WHILE_CREATING:
      message = g_strdup_printf (_("Could not create “%s”: %s"), name, cause);
      break;

    case WHILE_UPGRADING:
      message = g_strdup_printf (_("Could not upgrade “%s” to the current case format: %s"),
                                 name, cause);
      break;

    default:
      g_assert_not_reached ();
    }
  g_free ((*error)->message);
  (*error)->message = g_steal_pointer (&message);
}

static void
remove_case_files (const char *real_path)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };

  g_unlink (real_path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *aux = g_strconcat (real_path, suffixes[i], NULL);

      g_unlink (aux);
    }
}

static gboolean
folder_is_writable (const char *real_path)
{
  g_autofree char *dir = g_path_get_dirname (real_path);

  return g_access (dir, W_OK) == 0;
}

/* The read-only connection a file is checked through. In WAL mode SQLite needs the
 * -shm even to read; in a folder we cannot write, a missing one cannot be made. If
 * there is no -wal either, nothing but the main file holds data and immutable=1
 * reads it without the -shm; if there is a -wal, its changes cannot be read there
 * and reading the main file alone would show an older case, so we say so instead. */
static sqlite3 *
open_for_reading (const char  *path,
                  const char  *real_path,
                  gboolean     is_wal,
                  GError     **error)
{
  g_autofree char *shm = g_strconcat (real_path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (real_path, "-wal", NULL);
  GStatBuf st;

  if (is_wal && !g_file_test (shm, G_FILE_TEST_EXISTS) && !folder_is_writable (real_path))
    {
      if (g_stat (wal, &st) == 0 && st.st_size > 0)
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *wal_name = g_filename_display_basename (wal);

          g_set_error (error, RS_ERROR, RS_ERROR_READ_ONLY,
                       _("Could not open “%s”: its latest changes are in “%s”, which cannot be "
                         "read in a folder Redstring may not write to"), name, wal_name);
          return NULL;
        }
      return rs_db_open_untrusted_full (path, RS_DB_OPEN_IMMUTABLE, error);
    }

  return rs_db_open_untrusted_full (path, RS_DB_OPEN_READ_ONLY, error);
}

/* A case in an older format is loaded from an upgraded copy in memory, so that it
 * is read in full before the file itself is upgraded. */
static gboolean
load_upgraded_copy (RsCaseStore  *self,
                    sqlite3      *db,
                    GError      **error)
{
  g_autoptr(sqlite3) copy = NULL;
  sqlite3_backup *backup;
  sqlite3 *saved;
  gboolean loaded;
  int rc;

  if (!(copy = rs_db_open_untrusted_full (":memory:", RS_DB_OPEN_CREATE, error)))
    return FALSE;
  if (!(backup = sqlite3_backup_init (copy, "main", db, "main")))
    {
      rs_db_set_error (copy, sqlite3_errcode (copy), error, NULL);
      return FALSE;
    }
  sqlite3_backup_step (backup, -1);
  if ((rc = sqlite3_backup_finish (backup)) != SQLITE_OK)
    {
      rs_db_set_error (copy, rc, error, NULL);
      return FALSE;
    }
  if (!rs_migrations_apply (copy, rs_migrations_get_latest (), error))
    return FALSE;

  saved = self->db;
  self->db = copy;
  loaded = _rs_case_store_load_all (self, error);
  self->db = saved;
  return loaded;
}

/* Checks and loads an existing case through a read-only connection, in one read
 * transaction so that what is checked is what is loaded. */
static sqlite3 *
read_existing (RsCaseStore  *self,
               const char   *real_path,
               gboolean      is_wal,
               gint64       *version,
               GError      **error)
{
  g_autoptr(sqlite3) db = NULL;
  gboolean loaded;

  if (!(db = open_for_reading (self->path, real_path, is_wal, error)))
    return NULL;

  if (!rs_db_exec (db, "BEGIN", error))
    return prefix_with_name (error, self->path), NULL;
  if (!check_existing (db, self->path, version, error))
    return NULL;

  if (*version == rs_migrations_get_latest ())
    {
      self->db = db;
      loaded = _rs_case_store_load_all (self, error);
      self->db = NULL;
    }
  else if (*version > 0)
    loaded = load_upgraded_copy (self, db, error);
  else
    loaded = TRUE;
  if (!loaded)
    return prefix_with_name (error, self->path), NULL;

  rs_db_exec (db, "COMMIT", NULL);
  return g_steal_pointer (&db);
}

/* Only once a file is known to be ours may anything be written. FULL synchronous:
 * an acknowledged edit survives a power cut, not just a crash. */
static gboolean
prepare_for_writing (RsCaseStore  *self,
                     gint64        version,
                     GError      **error)
{
  WriteStep step = version == 0 ? WHILE_CREATING : WHILE_OPENING;
  gint64 n_items;

  if (!rs_db_exec (self->db,
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = FULL;"
                   "PRAGMA foreign_keys = ON;"
                   /* An import writes tens of megabytes in one transaction: with the
                    * default 2 MB of cache SQLite spills pages to the WAL mid-way and
                    * reads them back. The cache grows only as far as it is used. */
                   "PRAGMA cache_size = -32768;",
                   error))
    return explain_write_failure (error, step, self->path), FALSE;

  /* A file switched to WAL opens its -wal and -shm only at the next read. Read now:
   * from here on the connection holds its lock on the -shm for as long as it is
   * open, which is how other processes (and Save As) see that the case is in use. */
  if (!rs_db_get_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_items, error))
    return explain_write_failure (error, step, self->path), FALSE;

  if (version == 0)
    {
      /* A new case is written in one transaction, schema and case_info row alike: a
       * power cut part way must not leave a file with tables but no case in it,
       * which would no longer open. */
      if (!rs_db_exec (self->db, "BEGIN IMMEDIATE", error) ||
          !rs_migrations_apply (self->db, rs_migrations_get_latest (), error) ||
          !init_new_case (self, error) ||
          !rs_db_exec (self->db, "COMMIT", error))
        {
          rs_db_exec (self->db, "ROLLBACK", NULL);
          return explain_write_failure (error, WHILE_CREATING, self->path), FALSE;
        }
      if (!_rs_case_store_load_all (self, error))
        return prefix_with_name (error, self->path), FALSE;
    }
  else if (version < rs_migrations_get_latest () &&
           !rs_migrations_apply (self->db, rs_migrations_get_latest (), error))
    return explain_write_failure (error, WHILE_UPGRADING, self->path), FALSE;

  return TRUE;
}

/* A new file: whatever fails, nothing is left behind, -wal and -shm included. The
 * file is the one SQLite made, where a symbolic link points, never the link. */
static RsCaseStore *
create_case (RsCaseStore  *self_,
             GError      **error)
{
  g_autoptr(RsCaseStore) self = self_;
  g_autofree char *real_path = NULL;
  GStatBuf st;

  if (!(self->db = rs_db_open_untrusted (self->path, TRUE, error)))
    return explain_write_failure (error, WHILE_CREATING, self->path), NULL;
  real_path = g_strdup (sqlite3_db_filename (self->db, "main"));

  if (g_stat (real_path, &st) != 0 || !registry_reserve (self, &st, error))
    {
      /* Another store of this process made the same file at the same moment: it
       * is theirs, leave it. */
      if (error != NULL && *error == NULL)
        g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not create “%s”"), self->path);
      return NULL;
    }

  if (!prepare_for_writing (self, 0, error) ||
      !_rs_case_store_read_data_version (self, &self->data_version, error))
    {
      g_clear_pointer (&self->db, sqlite3_close);
      remove_case_files (real_path);
      return NULL;
    }

  self->opened = TRUE;
  return g_steal_pointer (&self);
}

RsCaseStore *
rs_case_store_open (const char            *path,
                    RsCaseStoreOpenFlags   flags,
                    GError               **error)
{
  g_autoptr(RsCaseStore) self = NULL;
  g_autoptr(sqlite3) reader = NULL;
  g_autofree char *name = NULL;
  g_autofree char *real_path = NULL;
  gboolean is_empty = TRUE, is_wal = FALSE, read_only;
  gint64 version = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_basename (path);
  self = g_object_new (RS_TYPE_CASE_STORE, NULL);
  self->path = g_strdup (path);

  /* Until the registry has it, the file is only stat()ed. */
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && (flags & RS_CASE_STORE_OPEN_CREATE) &&
          !(flags & RS_CASE_STORE_OPEN_READ_ONLY))
        return create_case (g_steal_pointer (&self), error);

      if (saved_errno == ENOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Could not open “%s”: no such file"), name);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not open “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_NOT_A_CASE,
                   _("Could not open “%s”: it is not a file"), name);
      return NULL;
    }
  if (!registry_reserve (self, &st, error))
    return NULL;

  if (!check_header (path, &is_empty, &is_wal, error))
    return NULL;
  if (is_empty && (!(flags & RS_CASE_STORE_OPEN_CREATE) || (flags & RS_CASE_STORE_OPEN_READ_ONLY)))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_NOT_A_CASE,
                   _("Could not open “%s”: the file is empty"), name);
      return NULL;
    }

  /* SQLite keeps -wal and -shm beside the file a symbolic link points to. */
  {
    char *resolved = realpath (path, NULL);

    real_path = g_strdup (resolved ? resolved : path);
    free (resolved);
  }

  read_only = (flags & RS_CASE_STORE_OPEN_READ_ONLY) ||
              g_access (real_path, W_OK) != 0 || !folder_is_writable (real_path);

  if (!is_empty && !(reader = read_existing (self, real_path, is_wal, &version, error)))
    return NULL;

  if (read_only)
    {
      if (version != rs_migrations_get_latest ())
        {
          g_set_error (error, RS_ERROR, RS_ERROR_READ_ONLY,
                       _("Could not open “%s”: it must be upgraded to the current case format, "
                         "but the file is read-only"), name);
          return NULL;
        }
      self->db = g_steal_pointer (&reader);
      self->read_only = TRUE;
      if (!_rs_case_store_read_data_version (self, &self->data_version, error))
        return prefix_with_name (error, path), NULL;
      self->opened = TRUE;
      return g_steal_pointer (&self);
    }

  /* The file is accepted (and, if current, loaded): only now is it opened for
   * writing. */
  g_clear_pointer (&reader, sqlite3_close);
  if (!(self->db = rs_db_open_untrusted (path, FALSE, error)))
    return prefix_with_name (error, path), NULL;
  if (!prepare_for_writing (self, version, error))
    return NULL;

  if (!_rs_case_store_read_data_version (self, &self->data_version, error))
    return prefix_with_name (error, path), NULL;

  self->opened = TRUE;
  return g_steal_pointer (&self);
}

RsCaseStore *
rs_case_store_find_open (const char *path)
{
  g_autoptr(GMutexLocker) locker = NULL;
  RsCaseStore *store;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    return NULL;

  locker = g_mutex_locker_new (&registry_lock);
  store = registry_lookup (&st);
  return store != NULL && store->opened ? store : NULL;
}

RsCase *
rs_case_store_get_case (RsCaseStore *self)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  return self->kase;
}

const char *
rs_case_store_get_path (RsCaseStore *self)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  return self->path;
}

gboolean
rs_case_store_is_read_only (RsCaseStore *self)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  return self->read_only;
}

gboolean
_rs_case_store_check_writable (RsCaseStore  *self,
                               GError      **error)
{
  g_autofree char *name = NULL;

  if (!self->read_only)
    return TRUE;

  name = g_filename_display_basename (self->path);
  g_set_error (error, RS_ERROR, RS_ERROR_READ_ONLY,
               _("Could not change “%s”: the case is open read-only"), name);
  return FALSE;
}

int
rs_case_store_get_schema_version (RsCaseStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), 0);

  _rs_case_store_lock (self);
  rs_db_get_int (self->db, "PRAGMA user_version", &version, NULL);
  _rs_case_store_unlock (self);
  return version;
}

/* In SQLite's unix VFS every connection to a WAL database holds a read lock on the
 * "DMS" byte of the -shm for as long as it is open: offset (22 + 8) * 4 + 8 = 128.
 * F_GETLK from here sees other processes' locks. Opening and closing the -shm would
 * drop this process's own locks on it, which is why the caller first makes sure no
 * store of ours has the file open. */
static gboolean
shm_is_in_use (const char *shm_path)
{
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 128, .l_len = 1 };
  int fd, rc;

  if ((fd = g_open (shm_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    return errno != ENOENT;
  rc = fcntl (fd, F_GETLK, &lock);
  close (fd);
  return rc != 0 || lock.l_type != F_UNLCK;
}

/* Whether the file at PATH may be replaced: no store of this process has it open
 * and no other process holds it (its -shm lock). REAL_PATH: where a link points. */
static gboolean
check_replaceable (const char  *path,
                   char       **real_path,
                   GError     **error)
{
  g_autofree char *shm_path = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&registry_lock);
      char *resolved;

      if (registry_lookup (&st) != NULL)
        {
          g_set_error_literal (error, RS_ERROR, RS_ERROR_ALREADY_OPEN,
                               _("that case is open; close it or choose another name"));
          return FALSE;
        }
      resolved = realpath (path, NULL);
      *real_path = g_strdup (resolved ? resolved : path);
      free (resolved);
    }
  else
    *real_path = g_strdup (path);

  shm_path = g_strconcat (*real_path, "-shm", NULL);
  if (shm_is_in_use (shm_path))
    {
      g_clear_pointer (real_path, g_free);
      g_set_error_literal (error, RS_ERROR, RS_ERROR_ALREADY_OPEN,
                           _("that case is open in another program; close it or choose "
                             "another name"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char                 *path;
  RsCaseStoreOpenFlags  flags;
} OpenOp;

static void
open_op_free (OpenOp *op)
{
  g_free (op->path);
  g_free (op);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenOp *op = task_data;
  GError *error = NULL;
  RsCaseStore *store;

  /* Nothing in opening binds the store to a thread's main context: it is built here
   * and handed over whole. */
  if ((store = rs_case_store_open (op->path, op->flags, &error)) != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * rs_case_store_open_async:
 *
 * rs_case_store_open() in a worker thread: checking and loading a large case does not
 * hold up the caller's main loop. Cancelled, the store opened meanwhile is closed.
 */
void
rs_case_store_open_async (const char           *path,
                          RsCaseStoreOpenFlags  flags,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenOp *op;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_case_store_open_async);
  g_task_set_return_on_cancel (task, FALSE);
  op = g_new0 (OpenOp, 1);
  op->path = g_strdup (path);
  op->flags = flags;
  g_task_set_task_data (task, op, (GDestroyNotify)open_op_free);
  g_task_run_in_thread (task, open_thread);
}

RsCaseStore *
rs_case_store_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Deletes the case at PATH (what a link points to) with its -wal, -shm and
 * -journal, unless it is open here or in another program: for "New" over an
 * existing file, whose stale -wal must not be read into the new case. */
gboolean
rs_case_store_remove_case_file (const char  *path,
                                GError     **error)
{
  g_autofree char *real_path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_basename (path);
  if (!check_replaceable (path, &real_path, error))
    {
      g_prefix_error (error, _("Could not replace “%s”: "), name);
      return FALSE;
    }
  if (g_unlink (real_path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not replace “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  remove_case_files (real_path);
  return TRUE;
}

/* Copies the live case through the backup API into a temporary file next to the
 * destination, then renames it into place: the destination is never half-written. */
gboolean
rs_case_store_save_as (RsCaseStore  *self,
                       const char   *path,
                       GError      **error)
{
  static const char *stale[] = { "-wal", "-shm", "-journal" };
  g_autoptr(sqlite3) dest = NULL;
  g_autofree char *name = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *what = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_basename (path);
  if (!check_replaceable (path, &real_path, error))
    {
      g_prefix_error (error, _("Could not save the case as “%s”: "), name);
      return FALSE;
    }

  /* What failed, said as the other messages here say it; rs_db_set_error adds why. */
  what = g_strdup_printf (_("Could not save the case as “%s”"), name);
  tmp_path = g_strdup_printf ("%s.part-%08x", real_path, g_random_int ());
  if ((rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                             SQLITE_OPEN_EXRESCODE, NULL)) != SQLITE_OK)
    {
      rs_db_set_error (dest, rc, error, what);
      return FALSE;
    }

  _rs_case_store_lock (self);
  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      _rs_case_store_unlock (self);
      rs_db_set_error (dest, sqlite3_errcode (dest), error, what);
      g_clear_pointer (&dest, sqlite3_close);
      remove_case_files (tmp_path);
      return FALSE;
    }
  sqlite3_backup_step (backup, -1);
  rc = sqlite3_backup_finish (backup);
  _rs_case_store_unlock (self);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      rs_db_set_error (dest, rc, error, what);
      g_clear_pointer (&dest, sqlite3_close);
      remove_case_files (tmp_path);
      return FALSE;
    }
  g_clear_pointer (&dest, sqlite3_close);

  /* A -wal or -journal left by whatever was at the destination would be applied to
   * the new copy the next time it is opened: remove them first. Nobody has the
   * destination open (checked above), so they are stale. */
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *aux = g_strconcat (real_path, stale[i], NULL);

      if (g_unlink (aux) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *aux_name = g_filename_display_basename (aux);

          remove_case_files (tmp_path);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not save the case as “%s”: could not remove the stale “%s”: %s"),
                       name, aux_name, g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (g_rename (tmp_path, real_path) != 0)
    {
      int saved_errno = errno;

      remove_case_files (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save the case as “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  /* SQLite synced the copy, but the rename is only durable once the folder is: until
   * then a power cut can take the saved case away again. */
  {
    g_autofree char *dir = g_path_get_dirname (real_path);
    int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (fd < 0 || fsync (fd) != 0)
      {
        int saved_errno = errno;

        if (fd >= 0)
          close (fd);
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not save the case as “%s”: %s"), name, g_strerror (saved_errno));
        return FALSE;
      }
    close (fd);
  }
  return TRUE;
}

/* The batch finds its statements by their SQL for every row it writes: hashing it
 * a byte at a time (g_str_hash) was 5 % of an import, eight at a time is a fifth. */
static guint
sql_hash (gconstpointer key)
{
  const char *s = key;
  gsize n = strlen (s);
  guint64 h = n * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint64 w;

  for (; n >= 8; n -= 8, s += 8)
    {
      memcpy (&w, s, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0x100000001B3);
      h ^= h >> 29;
    }
  w = 0;
  memcpy (&w, s, n);
  h = (h ^ w) * G_GUINT64_CONSTANT (0x100000001B3);
  return (guint)(h ^ (h >> 32));
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

sqlite3_stmt *
_rs_case_store_prepare (RsCaseStore  *self,
                        RsStoreStmt  *out,
                        const char   *sql,
                        GError      **error)
{
  gpointer key, value;

  g_assert (out->stmt == NULL);

  /* Taken out of the cache while in use, so that a statement nested in another
   * with the same SQL gets its own. */
  if (self->batch_stmts != NULL &&
      g_hash_table_steal_extended (self->batch_stmts, sql, &key, &value))
    {
      out->sql = key;
      out->stmt = value;
    }
  else
    {
      if (!(out->stmt = rs_db_prepare (self->db, sql, error)))
        return NULL;
      out->sql = self->batch_stmts != NULL ? g_strdup (sql) : NULL;
    }
  out->cache = self->batch_stmts;
  return out->stmt;
}

void
_rs_case_store_stmt_clear (RsStoreStmt *stmt)
{
  if (stmt->stmt == NULL)
    return;
  /* A statement nested in another with the same SQL replaces it in the cache (one
   * hash, not two; the other one is finalized). */
  if (stmt->cache != NULL)
    {
      sqlite3_reset (stmt->stmt);
      sqlite3_clear_bindings (stmt->stmt);
      g_hash_table_insert (stmt->cache, g_steal_pointer (&stmt->sql), g_steal_pointer (&stmt->stmt));
    }
  g_clear_pointer (&stmt->stmt, sqlite3_finalize);
  g_clear_pointer (&stmt->sql, g_free);
}

/* A statement without results (a savepoint), kept prepared inside a batch. */
gboolean
_rs_case_store_exec_cached (RsCaseStore  *self,
                            const char   *sql,
                            GError      **error)
{
  g_auto(RsStoreStmt) stmt = { 0 };

  if (self->batch_stmts == NULL)
    return rs_db_exec (self->db, sql, error);
  return _rs_case_store_prepare (self, &stmt, sql, error) &&
         rs_db_step_done (self->db, stmt.stmt, error);
}

/* Each public operation runs inside a savepoint: alone it is its own transaction.
 * Inside a batch it runs without one: every writer of batches (bundles, DOT imports,
 * generated cases) rolls the whole batch back when one operation fails, and a
 * savepoint per row was a tenth of a 20,000-entity import (SAVEPOINT and RELEASE
 * statements, the pages each first write copies to the statement journal). An
 * operation that fails part way leaves the batch failed: the next operations are
 * refused and committing it rolls it back. */
static gboolean
op_begin (RsCaseStore  *self,
          GError      **error)
{
  _rs_case_store_lock (self);
  if (_rs_case_store_refuse_busy (self, error))
    {
      _rs_case_store_unlock (self);
      return FALSE;
    }
  if (self->in_batch)
    {
      if (!self->batch_failed)
        return TRUE;
      _rs_case_store_unlock (self);
      g_set_error_literal (error, RS_ERROR, RS_ERROR_STORAGE,
                           _("An earlier change of this batch failed"));
      return FALSE;
    }
  if (!_rs_case_store_exec_cached (self, "SAVEPOINT rs_op", error))
    {
      _rs_case_store_unlock (self);
      return FALSE;
    }
  return TRUE;
}

/* On failure (a full disk at commit) nothing is undone or unlocked here: every
 * caller then calls op_rollback(), which does both, once. */
static gboolean
op_commit (RsCaseStore  *self,
           GError      **error)
{
  if (!self->in_batch && !_rs_case_store_exec_cached (self, "RELEASE rs_op", error))
    return FALSE;
  _rs_case_store_unlock (self);
  return TRUE;
}

static void
op_rollback (RsCaseStore *self)
{
  if (self->in_batch)
    self->batch_failed = TRUE;
  else
    {
      _rs_case_store_exec_cached (self, "ROLLBACK TO rs_op", NULL);
      _rs_case_store_exec_cached (self, "RELEASE rs_op", NULL);
    }
  _rs_case_store_unlock (self);
}

static void
add_to_case (RsCaseStore *self,
             gpointer     object)
{
  if (RS_IS_DOCUMENT (object))
    rs_case_add_document (self->kase, object);
  else if (RS_IS_ENTITY (object))
    rs_case_add_entity (self->kase, object);
  else if (RS_IS_RELATION (object))
    rs_case_add_relation (self->kase, object);
  else if (RS_IS_QUOTE (object))
    rs_case_add_quote (self->kase, object);
  else if (RS_IS_EVIDENCE (object))
    rs_case_add_evidence (self->kase, object);
  else if (RS_IS_EVENT (object))
    rs_case_add_event (self->kase, object);
  else if (RS_IS_NOTE (object))
    rs_case_add_note (self->kase, object);
  else if (RS_IS_REVIEW (object))
    rs_case_add_review (self->kase, object);
  else if (RS_IS_COMMENT (object))
    rs_case_add_comment (self->kase, object);
  else
    g_assert_not_reached ();
}

/* The object reaches the model now, or when the batch commits. */
void
_rs_case_store_publish (RsCaseStore *self,
                        gpointer     object)
{
  if (self->in_batch)
    {
      g_ptr_array_add (self->pending, g_object_ref (object));
      return;
    }

  rs_case_begin_changes (self->kase);
  add_to_case (self, object);
  rs_case_end_changes (self->kase);
}

/* One transaction for many writes (an import). An operation that fails inside it
 * leaves the batch failed: the next ones are refused and committing rolls it all back
 * (see op_begin). */
gboolean
rs_case_store_begin_batch (RsCaseStore  *self,
                           GError      **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (!_rs_case_store_check_writable (self, error) || _rs_case_store_refuse_busy (self, error))
    return FALSE;
  _rs_case_store_lock (self);
  /* Inside a change (an import as one undoable command) the batch nests in the
   * change's transaction. */
  if (!rs_db_exec (self->db, self->in_change ? "SAVEPOINT rs_batch" : "BEGIN IMMEDIATE", error))
    {
      _rs_case_store_unlock (self);
      return FALSE;
    }
  self->in_batch = TRUE;
  self->batch_failed = FALSE;
  self->batch_stmts = g_hash_table_new_full (sql_hash, g_str_equal, g_free,
                                             finalize_stmt);
  /* The case announces the whole batch once, when it ends (case info included). */
  rs_case_begin_changes (self->kase);
  return TRUE;
}

gboolean
rs_case_store_commit_batch (RsCaseStore  *self,
                            GError      **error)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);

  if (self->batch_failed)
    {
      rs_case_store_rollback_batch (self);
      g_set_error_literal (error, RS_ERROR, RS_ERROR_STORAGE,
                           _("A change of this batch failed; nothing of it was written"));
      return FALSE;
    }
  if (!_rs_case_store_build_deferred (self, error) ||
      !rs_db_exec (self->db, self->in_change ? "RELEASE rs_batch" : "COMMIT", error))
    {
      rs_case_store_rollback_batch (self);
      return FALSE;
    }

  self->in_batch = FALSE;
  g_clear_pointer (&self->batch_stmts, g_hash_table_unref);
  _rs_case_store_unlock (self);
  pending = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  /* A whole batch is one change for the views that redraw on "changed". */
  g_object_freeze_notify (G_OBJECT (self->kase));
  for (guint i = 0; i < pending->len; i++)
    add_to_case (self, g_ptr_array_index (pending, i));
  if (self->pending_title != NULL)
    {
      rs_case_set_title (self->kase, self->pending_title);
      rs_case_set_description (self->kase, self->pending_description);
      g_clear_pointer (&self->pending_title, g_free);
      g_clear_pointer (&self->pending_description, g_free);
    }
  rs_case_end_changes (self->kase);
  g_object_thaw_notify (G_OBJECT (self->kase));

  return TRUE;
}

void
rs_case_store_rollback_batch (RsCaseStore *self)
{
  g_return_if_fail (RS_IS_CASE_STORE (self));

  if (!self->in_batch)
    return;
  /* Reset, the kept statements hold nothing open that the rollback would wait for. */
  g_clear_pointer (&self->batch_stmts, g_hash_table_unref);
  rs_db_exec (self->db, self->in_change ? "ROLLBACK TO rs_batch; RELEASE rs_batch" : "ROLLBACK",
              NULL);
  self->in_batch = FALSE;
  self->batch_failed = FALSE;
  _rs_case_store_forget_deferred (self);
  _rs_case_store_unlock (self);
  g_ptr_array_set_size (self->pending, 0);
  g_clear_pointer (&self->pending_title, g_free);
  g_clear_pointer (&self->pending_description, g_free);
  rs_case_discard_changes (self->kase);
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, message);
  return FALSE;
}

static gboolean
check_text (const char  *text,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    return required ? invalid (error, _("The %s is empty"), what) : TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("The %s is not valid UTF-8 text"), what);
  return TRUE;
}

static char *
dup_uid (const char *uid)
{
  return uid != NULL && *uid != '\0' ? g_strdup (uid) : g_uuid_string_random ();
}

gboolean
rs_case_store_set_info (RsCaseStore  *self,
                        const char   *title,
                        const char   *description,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;

  if (!check_text (title, FALSE, _("case title"), error) ||
      !check_text (description, FALSE, _("case description"), error))
    return FALSE;

  if (!(stmt = rs_db_prepare (self->db,
                              "UPDATE case_info SET title = ?1, description = ?2 WHERE id = 1",
                              error)))
    return FALSE;
  rs_db_bind_text (stmt, 1, title ? title : "");
  rs_db_bind_text (stmt, 2, description ? description : "");
  if (!rs_db_step_done (self->db, stmt, error))
    return FALSE;

  /* In a batch, the case shows it only once the batch has committed. */
  if (self->in_batch)
    {
      g_free (self->pending_title);
      g_free (self->pending_description);
      self->pending_title = g_strdup (title ? title : "");
      self->pending_description = g_strdup (description ? description : "");
      return TRUE;
    }

  rs_case_set_title (self->kase, title ? title : "");
  rs_case_set_description (self->kase, description ? description : "");
  _rs_case_store_emit_changed (self);
  return TRUE;
}

/* When the case began, as a bundle of it says: a case moved into a new file
 * through a bundle keeps its own date rather than the new file's. */
gboolean
rs_case_store_set_created (RsCaseStore  *self,
                           const char   *created,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (created != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error) ||
      !check_text (created, TRUE, _("case creation date"), error))
    return FALSE;

  if (!(stmt = rs_db_prepare (self->db, "UPDATE case_info SET created = ?1 WHERE id = 1", error)))
    return FALSE;
  rs_db_bind_text (stmt, 1, created);
  if (!rs_db_step_done (self->db, stmt, error))
    return FALSE;

  rs_case_set_created (self->kase, created);
  _rs_case_store_emit_changed (self);
  return TRUE;
}

/* A document as the store just wrote it (as entities and relations below): the row holds these
 * values, and NULL for an optional field the draft does not have. */
static RsDocument *
document_as_written (gint64      id,
                     const char *uid,
                     RsDocument *draft,
                     const char *text,
                     const char *imported_at,
                     const char *sha256,
                     gint64      length)
{
  RsDocument *document = rs_document_new (id);

  rs_document_set_uid (document, uid);
  rs_document_set_title (document, rs_document_get_title (draft));
  rs_document_set_publisher (document, rs_document_get_publisher (draft));
  rs_document_set_author (document, rs_document_get_author (draft));
  rs_document_set_url (document, rs_document_get_url (draft));
  rs_document_set_published (document, rs_document_get_published (draft));
  rs_document_set_imported_at (document, imported_at);
  rs_document_set_text (document, text);
  rs_document_set_sha256 (document, sha256);
  rs_document_set_length (document, length);
  rs_document_set_reliability (document, rs_document_get_reliability (draft));
  return document;
}

RsDocument *
rs_case_store_add_document (RsCaseStore  *self,
                            RsDocument   *draft,
                            GError      **error)
{
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_autoptr(RsDocument) document = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *imported_at = NULL;
  const char *text;
  glong length;
  RsReliability reliability;
  static const char *grades[] = { "unknown", "A", "B", "C", "D", "E", "F" };

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_DOCUMENT (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rs_case_store_check_writable (self, error))
    return NULL;

  text = rs_document_get_text (draft);
  reliability = rs_document_get_reliability (draft);
  if (!check_text (rs_document_get_title (draft), TRUE, _("document title"), error) ||
      !check_text (rs_document_get_publisher (draft), FALSE, _("publisher"), error) ||
      !check_text (rs_document_get_author (draft), FALSE, _("author"), error) ||
      !check_text (rs_document_get_url (draft), FALSE, _("URL"), error) ||
      !check_text (rs_document_get_published (draft), FALSE, _("publication date"), error) ||
      !check_text (text, FALSE, _("document text"), error))
    return NULL;
  if ((guint)reliability >= G_N_ELEMENTS (grades))
    return invalid (error, _("Unknown reliability grade")), NULL;

  text = text ? text : "";
  length = g_utf8_strlen (text, -1);
  uid = dup_uid (rs_document_get_uid (draft));
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  imported_at = rs_document_get_imported_at (draft) ? g_strdup (rs_document_get_imported_at (draft))
                                                    : now_iso8601 ();

  if (!op_begin (self, error))
    return NULL;

  if (!(stmt = _rs_case_store_prepare (self, &stmt_kept,
                                       "INSERT INTO document (uid, title, publisher, author, url, published, "
                                       "imported_at, text, sha256, length, reliability) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
    goto fail;

  rs_db_bind_text (stmt, 1, uid);
  rs_db_bind_text (stmt, 2, rs_document_get_title (draft));
  rs_db_bind_text (stmt, 3, rs_document_get_publisher (draft));
  rs_db_bind_text (stmt, 4, rs_document_get_author (draft));
  rs_db_bind_text (stmt, 5, rs_document_get_url (draft));
  rs_db_bind_text (stmt, 6, rs_document_get_published (draft));
  rs_db_bind_text (stmt, 7, imported_at);
  rs_db_bind_text (stmt, 8, text);
  rs_db_bind_text (stmt, 9, sha256);
  sqlite3_bind_int64 (stmt, 10, length);
  rs_db_bind_text (stmt, 11, grades[reliability]);

  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;
  /* A batch (an import) builds the document from what it wrote rather than reading
   * its text back, checking it again and counting its characters a second time. */
  document = self->in_batch
             ? document_as_written (sqlite3_last_insert_rowid (self->db), uid, draft, text,
                                    imported_at, sha256, length)
             : _rs_case_store_load_document (self, sqlite3_last_insert_rowid (self->db), error);
  if (document == NULL || !op_commit (self, error))
    goto fail;

  _rs_case_store_publish (self, document);
  return document;

fail:
  op_rollback (self);
  return NULL;
}

static gboolean
insert_aliases (RsCaseStore         *self,
                gint64               entity_id,
                const char * const  *aliases,
                gboolean             is_new,
                GError             **error)
{
  g_auto(RsStoreStmt) del_kept = { 0 };
  sqlite3_stmt *del = NULL;
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;

  /* A new entity has none to replace. */
  if (!is_new)
    {
      if (!(del = _rs_case_store_prepare (self, &del_kept,
                                          "DELETE FROM entity_alias WHERE entity_id = ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (del, 1, entity_id);
      if (!rs_db_step_done (self->db, del, error))
        return FALSE;
    }

  if (!(stmt = _rs_case_store_prepare (self, &stmt_kept,
                                       "INSERT INTO entity_alias (entity_id, position, alias) "
                                       "VALUES (?1, ?2, ?3)", error)))
    return FALSE;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, entity_id);
      sqlite3_bind_int (stmt, 2, i);
      rs_db_bind_text (stmt, 3, aliases[i]);
      if (!rs_db_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_entity (RsEntityKind         kind,
              const char          *name,
              const char * const  *aliases,
              const char          *description,
              GError             **error)
{
  if ((guint)kind >= RS_ENTITY_KIND_LAST)
    return invalid (error, _("Unknown entity kind"));
  if (!check_text (name, TRUE, _("entity name"), error) ||
      !check_text (description, FALSE, _("entity description"), error))
    return FALSE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (!check_text (aliases[i], TRUE, _("alias"), error))
      return FALSE;
  return TRUE;
}

/* Inside a batch (an import of thousands) a new entity or relation is built from
 * what was just written instead of read back: the row holds exactly these values,
 * with the defaults loading gives (an empty description or label, no aliases
 * unless some were given). */
static RsEntity *
entity_as_written (gint64      id,
                   const char *uid,
                   RsEntity   *draft)
{
  RsEntity *entity = rs_entity_new (id);
  const char * const *aliases = rs_entity_get_aliases (draft);
  const char *description = rs_entity_get_description (draft);

  rs_entity_set_uid (entity, uid);
  rs_entity_set_kind (entity, rs_entity_get_kind (draft));
  rs_entity_set_name (entity, rs_entity_get_name (draft));
  rs_entity_set_description (entity, description ? description : "");
  rs_entity_set_external_id (entity, rs_entity_get_external_id (draft));
  if (aliases != NULL && aliases[0] != NULL)
    rs_entity_set_aliases (entity, aliases);
  if (rs_entity_get_has_position (draft))
    {
      rs_entity_set_x (entity, rs_entity_get_x (draft));
      rs_entity_set_y (entity, rs_entity_get_y (draft));
      rs_entity_set_pinned (entity, rs_entity_get_pinned (draft));
      rs_entity_set_has_position (entity, TRUE);
    }
  return entity;
}

/* A quote or an evidence link as the store just wrote it (see entity_as_written). */
static RsQuote *
quote_as_written (gint64      id,
                  const char *uid,
                  const char *text,
                  RsQuote    *draft)
{
  RsQuote *quote = rs_quote_new (id);

  rs_quote_set_uid (quote, uid);
  rs_quote_set_document_id (quote, rs_quote_get_document_id (draft));
  rs_quote_set_start (quote, rs_quote_get_start (draft));
  rs_quote_set_end (quote, rs_quote_get_end (draft));
  rs_quote_set_text (quote, text);
  rs_quote_set_credibility (quote, rs_quote_get_credibility (draft));
  return quote;
}

static RsEvidence *
evidence_as_written (gint64      id,
                     RsEvidence *draft)
{
  RsEvidence *evidence = rs_evidence_new (id);

  rs_evidence_set_quote_id (evidence, rs_evidence_get_quote_id (draft));
  rs_evidence_set_stance (evidence, rs_evidence_get_stance (draft));
  rs_evidence_set_target (evidence, rs_evidence_get_target (draft));
  rs_evidence_set_target_id (evidence, rs_evidence_get_target_id (draft));
  return evidence;
}

static RsRelation *
relation_as_written (gint64      id,
                     const char *uid,
                     RsRelation *draft)
{
  RsRelation *relation = rs_relation_new (id);
  const char *label = rs_relation_get_label (draft);

  rs_relation_set_uid (relation, uid);
  rs_relation_set_source_id (relation, rs_relation_get_source_id (draft));
  rs_relation_set_target_id (relation, rs_relation_get_target_id (draft));
  rs_relation_set_label (relation, label ? label : "");
  rs_relation_set_directed (relation, rs_relation_get_directed (draft));
  rs_relation_set_status (relation, rs_relation_get_status (draft));
  if (rs_relation_get_route (draft) != NULL)
    {
      rs_relation_set_route (relation, rs_relation_get_route (draft));
      if (rs_relation_get_has_label_position (draft))
        {
          rs_relation_set_label_x (relation, rs_relation_get_label_x (draft));
          rs_relation_set_label_y (relation, rs_relation_get_label_y (draft));
          rs_relation_set_has_label_position (relation, TRUE);
        }
    }
  return relation;
}

RsEntity *
rs_case_store_add_entity (RsCaseStore  *self,
                          RsEntity     *draft,
                          GError      **error)
{
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_autoptr(RsEntity) entity = NULL;
  g_autofree char *uid = NULL;
  gint64 id;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_ENTITY (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rs_case_store_check_writable (self, error))
    return NULL;

  if (!check_entity (rs_entity_get_kind (draft), rs_entity_get_name (draft),
                     rs_entity_get_aliases (draft), rs_entity_get_description (draft), error))
    return NULL;
  if (rs_entity_get_has_position (draft) &&
      (!isfinite (rs_entity_get_x (draft)) || !isfinite (rs_entity_get_y (draft))))
    return invalid (error, _("The entity’s position is not a number")), NULL;

  uid = dup_uid (rs_entity_get_uid (draft));

  if (!op_begin (self, error))
    return NULL;

  if (!(stmt = _rs_case_store_prepare (self, &stmt_kept,
                                       "INSERT INTO entity (uid, kind, name, description) "
                                       "VALUES (?1, ?2, ?3, ?4)", error)))
    goto fail;
  rs_db_bind_text (stmt, 1, uid);
  rs_db_bind_text (stmt, 2, rs_enum_to_nick (RS_TYPE_ENTITY_KIND, rs_entity_get_kind (draft)));
  rs_db_bind_text (stmt, 3, rs_entity_get_name (draft));
  rs_db_bind_text (stmt, 4, rs_entity_get_description (draft) ? rs_entity_get_description (draft) : "");
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;

  id = sqlite3_last_insert_rowid (self->db);
  if (!insert_aliases (self, id, rs_entity_get_aliases (draft), TRUE, error))
    goto fail;

  if (rs_entity_get_has_position (draft))
    {
      g_auto(RsStoreStmt) pos_kept = { 0 };
      sqlite3_stmt *pos = NULL;

      if (!(pos = _rs_case_store_prepare (self, &pos_kept,
                                          "INSERT INTO position (entity_id, x, y, pinned) VALUES (?1, ?2, ?3, ?4)",
                                          error)))
        goto fail;
      sqlite3_bind_int64 (pos, 1, id);
      sqlite3_bind_double (pos, 2, rs_entity_get_x (draft));
      sqlite3_bind_double (pos, 3, rs_entity_get_y (draft));
      sqlite3_bind_int (pos, 4, rs_entity_get_pinned (draft));
      if (!rs_db_step_done (self->db, pos, error))
        goto fail;
    }

  entity = self->in_batch ? entity_as_written (id, uid, draft)
                          : _rs_case_store_load_entity (self, id, error);
  if (entity == NULL || !op_commit (self, error))
    goto fail;

  _rs_case_store_publish (self, entity);
  return entity;

fail:
  op_rollback (self);
  return NULL;
}

RsRelation *
rs_case_store_add_relation (RsCaseStore  *self,
                            RsRelation   *draft,
                            GError      **error)
{
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_autoptr(RsRelation) relation = NULL;
  g_autofree char *uid = NULL;
  gint64 id;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_RELATION (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rs_case_store_check_writable (self, error))
    return NULL;

  if (!check_text (rs_relation_get_label (draft), FALSE, _("relation label"), error))
    return NULL;
  if ((guint)rs_relation_get_status (draft) > RS_RELATION_STATUS_REFUTED)
    return invalid (error, _("Unknown relation status")), NULL;
  if (!self->in_batch &&
      (!rs_case_lookup_entity (self->kase, rs_relation_get_source_id (draft)) ||
       !rs_case_lookup_entity (self->kase, rs_relation_get_target_id (draft))))
    return invalid (error, _("A relation must link two entities of the case")), NULL;
  /* A drawn route travels with its relation (an import's), as a position with its
   * entity; the schema keeps up to 64 KB of one. */
  if (rs_relation_get_route (draft) != NULL &&
      (strlen (rs_relation_get_route (draft)) > 65536 ||
       !g_utf8_validate (rs_relation_get_route (draft), -1, NULL) ||
       (rs_relation_get_has_label_position (draft) &&
        (!isfinite (rs_relation_get_label_x (draft)) || !isfinite (rs_relation_get_label_y (draft))))))
    return invalid (error, _("The relation’s route is not one the board can draw")), NULL;

  uid = dup_uid (rs_relation_get_uid (draft));

  if (!op_begin (self, error))
    return NULL;

  if (!(stmt = _rs_case_store_prepare (self, &stmt_kept,
                                       "INSERT INTO relation (uid, source_id, target_id, label, directed, status) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    goto fail;
  rs_db_bind_text (stmt, 1, uid);
  sqlite3_bind_int64 (stmt, 2, rs_relation_get_source_id (draft));
  sqlite3_bind_int64 (stmt, 3, rs_relation_get_target_id (draft));
  rs_db_bind_text (stmt, 4, rs_relation_get_label (draft) ? rs_relation_get_label (draft) : "");
  sqlite3_bind_int (stmt, 5, rs_relation_get_directed (draft));
  rs_db_bind_text (stmt, 6, rs_enum_to_nick (RS_TYPE_RELATION_STATUS, rs_relation_get_status (draft)));

  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  if (rs_relation_get_route (draft) != NULL)
    {
      g_auto(RsStoreStmt) route_kept = { 0 };
      sqlite3_stmt *route = NULL;

      if (!(route = _rs_case_store_prepare (self, &route_kept,
                                            "INSERT INTO edge_route (relation_id, points, label_x, "
                                            "label_y) VALUES (?1, ?2, ?3, ?4)", error)))
        goto fail;
      sqlite3_bind_int64 (route, 1, id);
      rs_db_bind_text (route, 2, rs_relation_get_route (draft));
      if (rs_relation_get_has_label_position (draft))
        {
          sqlite3_bind_double (route, 3, rs_relation_get_label_x (draft));
          sqlite3_bind_double (route, 4, rs_relation_get_label_y (draft));
        }
      if (!rs_db_step_done (self->db, route, error))
        goto fail;
    }
  relation = self->in_batch
             ? relation_as_written (id, uid, draft)
             : _rs_case_store_load_relation (self, id, error);
  if (relation == NULL || !op_commit (self, error))
    goto fail;

  _rs_case_store_publish (self, relation);
  return relation;

fail:
  op_rollback (self);
  return NULL;
}

/* The quote's text is always cut from the document here, so a quote can never
 * disagree with the report it quotes. */
RsQuote *
rs_case_store_add_quote (RsCaseStore  *self,
                         RsQuote      *draft,
                         GError      **error)
{
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_auto(RsStoreStmt) doc_kept = { 0 };
  sqlite3_stmt *doc = NULL;
  g_autoptr(RsQuote) quote = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *text = NULL;
  gint64 start, end, length;
  gboolean has_row;
  const char *doc_text;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_QUOTE (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rs_case_store_check_writable (self, error))
    return NULL;

  start = rs_quote_get_start (draft);
  end = rs_quote_get_end (draft);

  if (!(doc = _rs_case_store_prepare (self, &doc_kept, "SELECT text, length FROM document WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (doc, 1, rs_quote_get_document_id (draft));
  if (!rs_db_step_row (self->db, doc, &has_row, error))
    return NULL;
  if (!has_row)
    return invalid (error, _("The quote’s document is not in the case")), NULL;

  /* NULL only when SQLite could not allocate the copy (the column is NOT NULL). */
  if ((doc_text = rs_db_column_text (doc, 0)) == NULL)
    return rs_db_set_error (self->db, SQLITE_NOMEM, error, NULL), NULL;
  length = sqlite3_column_int64 (doc, 1);
  if (start < 0 || end <= start)
    return invalid (error, _("The quote’s span %" PRId64 "–%" PRId64
                             " is empty or reversed"), start, end), NULL;
  if (end > length)
    return invalid (error, _("The quote ends at %" PRId64 ", past the end of its "
                             "document (%" PRId64 " characters)"), end, length), NULL;

  text = rs_quote_dup_span (doc_text, start, end);
  if (rs_quote_get_text (draft) != NULL && g_strcmp0 (rs_quote_get_text (draft), text) != 0)
    return invalid (error, _("The quote’s text does not match its document at %" PRId64
                             "–%" PRId64), start, end), NULL;
  if (rs_quote_get_credibility (draft) < 0 || rs_quote_get_credibility (draft) > 6)
    return invalid (error, _("Unknown credibility grade")), NULL;

  uid = dup_uid (rs_quote_get_uid (draft));

  if (!op_begin (self, error))
    return NULL;

  if (!(stmt = _rs_case_store_prepare (self, &stmt_kept,
                                       "INSERT INTO quote (uid, document_id, start_offset, end_offset, text, "
                                       "credibility) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    goto fail;
  rs_db_bind_text (stmt, 1, uid);
  sqlite3_bind_int64 (stmt, 2, rs_quote_get_document_id (draft));
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int64 (stmt, 4, end);
  rs_db_bind_text (stmt, 5, text);
  if (rs_quote_get_credibility (draft) > 0)
    sqlite3_bind_int (stmt, 6, rs_quote_get_credibility (draft));
  else
    sqlite3_bind_null (stmt, 6);

  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;
  /* A batch (an import) builds the quote from what it wrote rather than reading it back. */
  quote = self->in_batch ? quote_as_written (sqlite3_last_insert_rowid (self->db), uid, text, draft)
                         : _rs_case_store_load_quote (self, sqlite3_last_insert_rowid (self->db), error);
  if (quote == NULL || !op_commit (self, error))
    goto fail;

  _rs_case_store_publish (self, quote);
  return quote;

fail:
  op_rollback (self);
  return NULL;
}

RsEvidence *
rs_case_store_add_evidence (RsCaseStore  *self,
                            RsEvidence   *draft,
                            GError      **error)
{
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_autoptr(RsEvidence) evidence = NULL;
  const char *column;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_EVIDENCE (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rs_case_store_check_writable (self, error))
    return NULL;

  switch (rs_evidence_get_target (draft))
    {
    case RS_TARGET_ENTITY:   column = "entity_id"; break;
    case RS_TARGET_RELATION: column = "relation_id"; break;
    case RS_TARGET_EVENT:    column = "event_id"; break;
    case RS_TARGET_CASE:
    case RS_TARGET_DOCUMENT:
    case RS_TARGET_QUOTE:
    default:
      return invalid (error, _("A quote is evidence for an entity, a relation or an event")), NULL;
    }
  if ((guint)rs_evidence_get_stance (draft) > RS_STANCE_MENTIONS)
    return invalid (error, _("Unknown stance")), NULL;

  if (!op_begin (self, error))
    return NULL;

  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO evidence (quote_id, %s, stance) "
                                            "VALUES (?1, ?2, ?3)", column);

    if (!(stmt = _rs_case_store_prepare (self, &stmt_kept, sql, error)))
      goto fail;
  }
  sqlite3_bind_int64 (stmt, 1, rs_evidence_get_quote_id (draft));
  sqlite3_bind_int64 (stmt, 2, rs_evidence_get_target_id (draft));
  rs_db_bind_text (stmt, 3, rs_enum_to_nick (RS_TYPE_STANCE, rs_evidence_get_stance (draft)));

  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;
  evidence = self->in_batch ? evidence_as_written (sqlite3_last_insert_rowid (self->db), draft)
                            : _rs_case_store_load_evidence (self, sqlite3_last_insert_rowid (self->db), error);
  if (evidence == NULL || !op_commit (self, error))
    goto fail;

  _rs_case_store_publish (self, evidence);
  return evidence;

fail:
  op_rollback (self);
  return NULL;
}

RsEvent *
rs_case_store_add_event (RsCaseStore  *self,
                         RsEvent      *draft,
                         GError      **error)
{
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_auto(RsStoreStmt) link_kept = { 0 };
  sqlite3_stmt *link = NULL;
  g_autoptr(RsEvent) event = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  RsFuzzyDate *date;
  const gint64 *entity_ids;
  guint n_entities;
  gint64 id;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_EVENT (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_rs_case_store_check_writable (self, error))
    return NULL;

  if (!check_text (rs_event_get_title (draft), TRUE, _("event title"), error) ||
      !check_text (rs_event_get_description (draft), FALSE, _("event description"), error))
    return NULL;
  if ((date = rs_event_get_date (draft)) == NULL)
    return invalid (error, _("An event needs a date")), NULL;

  uid = dup_uid (rs_event_get_uid (draft));
  start = rs_fuzzy_date_dup_start (date);
  end = rs_fuzzy_date_dup_end (date);
  entity_ids = rs_event_get_entity_ids (draft, &n_entities);

  if (!op_begin (self, error))
    return NULL;

  if (!(stmt = _rs_case_store_prepare (self, &stmt_kept,
                                       "INSERT INTO event (uid, title, description, date_start, date_end, "
                                       "precision, qualifier, sort_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                       error)))
    goto fail;
  rs_db_bind_text (stmt, 1, uid);
  rs_db_bind_text (stmt, 2, rs_event_get_title (draft));
  rs_db_bind_text (stmt, 3, rs_event_get_description (draft) ? rs_event_get_description (draft) : "");
  rs_db_bind_text (stmt, 4, start);
  rs_db_bind_text (stmt, 5, end);
  rs_db_bind_text (stmt, 6, rs_enum_to_nick (RS_TYPE_DATE_PRECISION, rs_fuzzy_date_get_precision (date)));
  rs_db_bind_text (stmt, 7, rs_enum_to_nick (RS_TYPE_DATE_QUALIFIER, rs_fuzzy_date_get_qualifier (date)));
  sqlite3_bind_int64 (stmt, 8, rs_fuzzy_date_get_sort_key (date));
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;

  id = sqlite3_last_insert_rowid (self->db);
  if (!(link = _rs_case_store_prepare (self, &link_kept,
                                       "INSERT OR IGNORE INTO event_entity (event_id, entity_id) VALUES (?1, ?2)",
                                       error)))
    goto fail;
  for (guint i = 0; i < n_entities; i++)
    {
      sqlite3_reset (link);
      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_int64 (link, 2, entity_ids[i]);
      if (!rs_db_step_done (self->db, link, error))
        goto fail;
    }

  if (!(event = _rs_case_store_load_event (self, id, error)) || !op_commit (self, error))
    goto fail;

  _rs_case_store_publish (self, event);
  return event;

fail:
  op_rollback (self);
  return NULL;
}

/* Validates a note and inserts its row; the caller holds the transaction. Shared
 * by the UI-thread path and the note writer's worker, which must not publish. */
gboolean
_rs_case_store_insert_note (RsCaseStore  *self,
                            RsNote       *draft,
                            gint64       *id,
                            GError      **error)
{
  static const char *columns[] = {
    [RS_TARGET_DOCUMENT] = "document_id",
    [RS_TARGET_ENTITY] = "entity_id",
    [RS_TARGET_RELATION] = "relation_id",
    [RS_TARGET_EVENT] = "event_id",
  };
  g_auto(RsStoreStmt) stmt_kept = { 0 };
  sqlite3_stmt *stmt = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *now = now_iso8601 ();
  g_autofree char *sql = NULL;
  RsTarget target;

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;

  target = rs_note_get_target (draft);
  if (target != RS_TARGET_CASE && (target == RS_TARGET_QUOTE || (guint)target >= G_N_ELEMENTS (columns)))
    return invalid (error, _("A note is on the case, a document, an entity, a relation or an event"));
  if (!check_text (rs_note_get_body (draft), FALSE, _("note"), error) ||
      !check_text (rs_note_get_author (draft), FALSE, _("note author"), error))
    return FALSE;

  uid = dup_uid (rs_note_get_uid (draft));
  sql = target == RS_TARGET_CASE
        ? g_strdup ("INSERT INTO note (uid, body, author, created, updated) VALUES (?1, ?2, ?3, ?4, ?5)")
        : g_strdup_printf ("INSERT INTO note (uid, body, author, created, updated, %s) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", columns[target]);

  if (!(stmt = _rs_case_store_prepare (self, &stmt_kept, sql, error)))
    return FALSE;
  rs_db_bind_text (stmt, 1, uid);
  rs_db_bind_text (stmt, 2, rs_note_get_body (draft) ? rs_note_get_body (draft) : "");
  rs_db_bind_text (stmt, 3, rs_note_get_author (draft) ? rs_note_get_author (draft) : "");
  rs_db_bind_text (stmt, 4, rs_note_get_created (draft) ? rs_note_get_created (draft) : now);
  rs_db_bind_text (stmt, 5, rs_note_get_updated (draft) ? rs_note_get_updated (draft) : now);
  if (target != RS_TARGET_CASE)
    sqlite3_bind_int64 (stmt, 6, rs_note_get_target_id (draft));

  if (!rs_db_step_done (self->db, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

RsNote *
rs_case_store_add_note (RsCaseStore  *self,
                        RsNote       *draft,
                        GError      **error)
{
  g_autoptr(RsNote) note = NULL;
  gint64 id = 0;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (RS_IS_NOTE (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!op_begin (self, error))
    return NULL;

  if (!_rs_case_store_insert_note (self, draft, &id, error) ||
      !(note = _rs_case_store_load_note (self, id, error)) ||
      !op_commit (self, error))
    goto fail;

  _rs_case_store_publish (self, note);
  return note;

fail:
  op_rollback (self);
  return NULL;
}

gboolean
rs_case_store_update_entity (RsCaseStore         *self,
                             gint64               entity_id,
                             RsEntityKind         kind,
                             const char          *name,
                             const char * const  *aliases,
                             const char          *description,
                             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RsEntity *entity;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;

  if (!(entity = rs_case_lookup_entity (self->kase, entity_id)))
    return invalid (error, _("The entity is not in the case"));
  if (!check_entity (kind, name, aliases, description, error))
    return FALSE;

  if (!op_begin (self, error))
    return FALSE;
  if (!(stmt = rs_db_prepare (self->db,
                              "UPDATE entity SET kind = ?1, name = ?2, description = ?3 WHERE id = ?4",
                              error)))
    goto fail;
  rs_db_bind_text (stmt, 1, rs_enum_to_nick (RS_TYPE_ENTITY_KIND, kind));
  rs_db_bind_text (stmt, 2, name);
  rs_db_bind_text (stmt, 3, description ? description : "");
  sqlite3_bind_int64 (stmt, 4, entity_id);
  if (!rs_db_step_done (self->db, stmt, error) ||
      !insert_aliases (self, entity_id, aliases, FALSE, error) ||
      !op_commit (self, error))
    goto fail;

  g_object_freeze_notify (G_OBJECT (entity));
  rs_entity_set_kind (entity, kind);
  rs_entity_set_name (entity, name);
  rs_entity_set_aliases (entity, aliases);
  rs_entity_set_description (entity, description ? description : "");
  g_object_thaw_notify (G_OBJECT (entity));
  rs_case_mark_changed (self->kase, entity);
  return TRUE;

fail:
  op_rollback (self);
  return FALSE;
}

gboolean
rs_case_store_set_relation_status (RsCaseStore       *self,
                                   gint64             relation_id,
                                   RsRelationStatus   status,
                                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RsRelation *relation;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;

  if (!(relation = rs_case_lookup_relation (self->kase, relation_id)))
    return invalid (error, _("The relation is not in the case"));
  if ((guint)status > RS_RELATION_STATUS_REFUTED)
    return invalid (error, _("Unknown relation status"));

  if (!op_begin (self, error))
    return FALSE;
  if (!(stmt = rs_db_prepare (self->db, "UPDATE relation SET status = ?1 WHERE id = ?2", error)))
    goto fail;
  rs_db_bind_text (stmt, 1, rs_enum_to_nick (RS_TYPE_RELATION_STATUS, status));
  sqlite3_bind_int64 (stmt, 2, relation_id);
  if (!rs_db_step_done (self->db, stmt, error) || !op_commit (self, error))
    goto fail;

  rs_relation_set_status (relation, status);
  rs_case_mark_changed (self->kase, relation);
  return TRUE;

fail:
  op_rollback (self);
  return FALSE;
}

gboolean
rs_case_store_set_note_body (RsCaseStore  *self,
                             gint64        note_id,
                             const char   *body,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = now_iso8601 ();
  RsNote *note;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;

  /* Case files and pasted text are untrusted: refuse before touching the file. */
  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    return invalid (error, _("The note is not valid UTF-8 text"));
  if (!(note = rs_case_lookup_note (self->kase, note_id)))
    return invalid (error, _("The note is not in the case"));

  if (!op_begin (self, error))
    return FALSE;
  if (!(stmt = rs_db_prepare (self->db, "UPDATE note SET body = ?1, updated = ?2 WHERE id = ?3",
                              error)))
    goto fail;
  rs_db_bind_text (stmt, 1, body);
  rs_db_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, note_id);
  if (!rs_db_step_done (self->db, stmt, error) || !op_commit (self, error))
    goto fail;

  rs_note_set_body (note, body);
  rs_note_set_updated (note, now);
  return TRUE;

fail:
  op_rollback (self);
  return FALSE;
}

static gboolean
check_board (RsCaseStore            *self,
             const RsNodePlacement  *nodes,
             guint                   n_nodes,
             const RsEdgePlacement  *edges,
             guint                   n_edges,
             GError                **error)
{
  for (guint i = 0; i < n_nodes; i++)
    if (!isfinite (nodes[i].x) || !isfinite (nodes[i].y) ||
        !rs_case_lookup_entity (self->kase, nodes[i].entity_id))
      return invalid (error, _("A board position is not a number or not for an entity of the case"));
  for (guint i = 0; i < n_edges; i++)
    if (!rs_case_lookup_relation (self->kase, edges[i].relation_id) ||
        (edges[i].route != NULL && !g_utf8_validate (edges[i].route, -1, NULL)))
      return invalid (error, _("An edge route is not for a relation of the case"));

  return TRUE;
}

static void
apply_board (RsCaseStore            *self,
             const RsNodePlacement  *nodes,
             guint                   n_nodes,
             const RsEdgePlacement  *edges,
             guint                   n_edges)
{
  for (guint i = 0; i < n_nodes; i++)
    {
      RsEntity *entity = rs_case_lookup_entity (self->kase, nodes[i].entity_id);

      g_object_freeze_notify (G_OBJECT (entity));
      rs_entity_set_x (entity, nodes[i].x);
      rs_entity_set_y (entity, nodes[i].y);
      rs_entity_set_pinned (entity, nodes[i].pinned);
      rs_entity_set_has_position (entity, TRUE);
      g_object_thaw_notify (G_OBJECT (entity));
      rs_case_mark_placed (self->kase, entity);
    }
  for (guint i = 0; i < n_edges; i++)
    {
      RsRelation *relation = rs_case_lookup_relation (self->kase, edges[i].relation_id);

      g_object_freeze_notify (G_OBJECT (relation));
      rs_relation_set_route (relation, edges[i].route);
      rs_relation_set_has_label_position (relation, edges[i].route && edges[i].has_label_position);
      rs_relation_set_label_x (relation, edges[i].label_x);
      rs_relation_set_label_y (relation, edges[i].label_y);
      g_object_thaw_notify (G_OBJECT (relation));
      rs_case_mark_placed (self->kase, relation);
    }
}

/* Places the board in the model only, writing nothing: for a read-only case, whose
 * layout can be shown but not kept. */
gboolean
rs_case_store_show_board (RsCaseStore            *self,
                          const RsNodePlacement  *nodes,
                          guint                   n_nodes,
                          const RsEdgePlacement  *edges,
                          guint                   n_edges,
                          GError                **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (nodes != NULL || n_nodes == 0, FALSE);
  g_return_val_if_fail (edges != NULL || n_edges == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_board (self, nodes, n_nodes, edges, n_edges, error))
    return FALSE;
  rs_case_begin_changes (self->kase);
  apply_board (self, nodes, n_nodes, edges, n_edges);
  rs_case_end_changes (self->kase);
  return TRUE;
}

static gboolean
prepare_board (RsCaseStore    *self,
               sqlite3_stmt  **pos,
               sqlite3_stmt  **route,
               sqlite3_stmt  **unroute,
               GError        **error)
{
  return (*pos = rs_db_prepare (self->db,
                                "INSERT OR REPLACE INTO position (entity_id, x, y, pinned) "
                                "VALUES (?1, ?2, ?3, ?4)", error)) != NULL &&
         (*route = rs_db_prepare (self->db,
                                  "INSERT OR REPLACE INTO edge_route (relation_id, points, label_x, label_y) "
                                  "VALUES (?1, ?2, ?3, ?4)", error)) != NULL &&
         (*unroute = rs_db_prepare (self->db, "DELETE FROM edge_route WHERE relation_id = ?1",
                                    error)) != NULL;
}

static gboolean
write_board_rows (RsCaseStore            *self,
                  sqlite3_stmt           *pos,
                  sqlite3_stmt           *route,
                  sqlite3_stmt           *unroute,
                  const RsNodePlacement  *nodes,
                  guint                   n_nodes,
                  const RsEdgePlacement  *edges,
                  guint                   n_edges,
                  GError                **error)
{
  for (guint i = 0; i < n_nodes; i++)
    {
      sqlite3_reset (pos);
      sqlite3_bind_int64 (pos, 1, nodes[i].entity_id);
      sqlite3_bind_double (pos, 2, nodes[i].x);
      sqlite3_bind_double (pos, 3, nodes[i].y);
      sqlite3_bind_int (pos, 4, !!nodes[i].pinned);
      if (!rs_db_step_done (self->db, pos, error))
        return FALSE;
    }

  for (guint i = 0; i < n_edges; i++)
    {
      sqlite3_stmt *stmt = edges[i].route != NULL ? route : unroute;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, edges[i].relation_id);
      if (edges[i].route != NULL)
        {
          rs_db_bind_text (stmt, 2, edges[i].route);
          if (edges[i].has_label_position)
            {
              sqlite3_bind_double (stmt, 3, edges[i].label_x);
              sqlite3_bind_double (stmt, 4, edges[i].label_y);
            }
          else
            {
              sqlite3_bind_null (stmt, 3);
              sqlite3_bind_null (stmt, 4);
            }
        }
      if (!rs_db_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes a layout (or one dragged node) in one transaction, then moves the model. */
gboolean
rs_case_store_set_board (RsCaseStore            *self,
                         const RsNodePlacement  *nodes,
                         guint                   n_nodes,
                         const RsEdgePlacement  *edges,
                         guint                   n_edges,
                         GError                **error)
{
  g_autoptr(sqlite3_stmt) pos = NULL;
  g_autoptr(sqlite3_stmt) route = NULL;
  g_autoptr(sqlite3_stmt) unroute = NULL;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (nodes != NULL || n_nodes == 0, FALSE);
  g_return_val_if_fail (edges != NULL || n_edges == 0, FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;

  if (!check_board (self, nodes, n_nodes, edges, n_edges, error))
    return FALSE;

  if (!op_begin (self, error))
    return FALSE;

  if (!prepare_board (self, &pos, &route, &unroute, error) ||
      !write_board_rows (self, pos, route, unroute, nodes, n_nodes, edges, n_edges, error))
    goto fail;

  if (!op_commit (self, error))
    goto fail;

  rs_case_begin_changes (self->kase);
  apply_board (self, nodes, n_nodes, edges, n_edges);
  rs_case_end_changes (self->kase);
  return TRUE;

fail:
  /* A statement stopped part way (another program's lock) would keep the transaction
   * open past the rollback's RELEASE. */
  g_clear_pointer (&pos, sqlite3_finalize);
  g_clear_pointer (&route, sqlite3_finalize);
  g_clear_pointer (&unroute, sqlite3_finalize);
  op_rollback (self);
  return FALSE;
}

/* A write while the board is written a slice at a time (on the thread writing it): the
 * board write is finished at once first, so that the write comes after the layout,
 * whole (the user acted: one longer wait beats a refusal). Refused with RS_ERROR_BUSY
 * only when it cannot be finished (from inside its own finishing). Other threads wait
 * on the lock while its transaction is open, and only write notes. */
gboolean
_rs_case_store_refuse_busy (RsCaseStore  *self,
                            GError      **error)
{
  if (!self->in_board || self->board_thread != g_thread_self ())
    return FALSE;
  if (self->board_finish != NULL && !self->board_finishing)
    {
      self->board_finishing = TRUE;
      self->board_finish (self->board_finish_data);
      self->board_finishing = FALSE;
    }
  if (!self->in_board)
    return FALSE;
  g_set_error_literal (error, RS_ERROR, RS_ERROR_BUSY,
                       _("The board’s layout is still being saved"));
  return TRUE;
}

gboolean
rs_case_store_in_board (RsCaseStore *self)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  return self->in_board;
}

static void
finish_statements (RsCaseStore *self)
{
  g_clear_pointer (&self->board_pos, sqlite3_finalize);
  g_clear_pointer (&self->board_route, sqlite3_finalize);
  g_clear_pointer (&self->board_unroute, sqlite3_finalize);
}

/**
 * rs_case_store_begin_board:
 *
 * Opens a board write: what rs_case_store_set_board() does, in parts, so that a layout
 * of thousands of entities is written a slice at a time on the main loop.
 *
 * - The slices (rs_case_store_write_board()) go into one transaction, which
 *   rs_case_store_commit_board() commits or rs_case_store_cancel_board() rolls back:
 *   the file never holds part of a layout, and the model has not moved yet.
 * - Once committed, the model follows a slice at a time (rs_case_store_place_board())
 *   and the case announces it all at once, as one transaction, in
 *   rs_case_store_end_board().
 * - A write to the store from begin to end first has @finish write the rest at once
 *   (see _rs_case_store_refuse_busy()); a board write is itself refused
 *   (RS_ERROR_BUSY) while a change or batch is open.
 */
gboolean
rs_case_store_begin_board (RsCaseStore        *self,
                           RsBoardFinishFunc   finish,
                           gpointer            finish_data,
                           GError            **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_rs_case_store_check_writable (self, error))
    return FALSE;
  if (self->in_change || self->in_batch || self->in_board)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_BUSY,
                           _("Another change to the case is still being made"));
      return FALSE;
    }

  /* The lock is held from here to the commit, as a change holds it. */
  _rs_case_store_lock (self);
  if (!rs_db_exec (self->db, "BEGIN IMMEDIATE", error))
    {
      _rs_case_store_unlock (self);
      return FALSE;
    }
  if (!prepare_board (self, &self->board_pos, &self->board_route, &self->board_unroute, error))
    {
      finish_statements (self);
      rs_db_exec (self->db, "ROLLBACK", NULL);
      _rs_case_store_unlock (self);
      return FALSE;
    }
  self->in_board = TRUE;
  self->board_committed = FALSE;
  self->board_thread = g_thread_self ();
  self->board_finish = finish;
  self->board_finish_data = finish_data;
  return TRUE;
}

/* One slice of the open board write: checked as rs_case_store_set_board() checks,
 * written, the model left alone. On failure the caller cancels the write. */
gboolean
rs_case_store_write_board (RsCaseStore            *self,
                           const RsNodePlacement  *nodes,
                           guint                   n_nodes,
                           const RsEdgePlacement  *edges,
                           guint                   n_edges,
                           GError                **error)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (self->in_board && !self->board_committed, FALSE);
  g_return_val_if_fail (nodes != NULL || n_nodes == 0, FALSE);
  g_return_val_if_fail (edges != NULL || n_edges == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_board (self, nodes, n_nodes, edges, n_edges, error) &&
         write_board_rows (self, self->board_pos, self->board_route, self->board_unroute,
                           nodes, n_nodes, edges, n_edges, error);
}

/* Commits the board's rows. On failure nothing of them is kept and the board write
 * is over; on success the model is to follow (rs_case_store_place_board()). */
gboolean
rs_case_store_commit_board (RsCaseStore  *self,
                            GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (self->in_board && !self->board_committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Statements are done before the commit, which they could otherwise hold up. */
  finish_statements (self);
  if (!(ok = rs_db_exec (self->db, "COMMIT", error)))
    {
      rs_db_exec (self->db, "ROLLBACK", NULL);
      self->in_board = FALSE;
      self->board_finish = NULL;
    }
  else
    {
      self->board_committed = TRUE;
      rs_case_begin_changes (self->kase);
    }
  _rs_case_store_unlock (self);
  return ok;
}

/* A slice of the committed board reaches the model; the case announces it at the end. */
void
rs_case_store_place_board (RsCaseStore            *self,
                           const RsNodePlacement  *nodes,
                           guint                   n_nodes,
                           const RsEdgePlacement  *edges,
                           guint                   n_edges)
{
  g_return_if_fail (RS_IS_CASE_STORE (self));
  g_return_if_fail (self->in_board && self->board_committed);
  g_return_if_fail (nodes != NULL || n_nodes == 0);
  g_return_if_fail (edges != NULL || n_edges == 0);

  apply_board (self, nodes, n_nodes, edges, n_edges);
}

/* The model has the whole board: announced as one transaction; writes are taken again. */
void
rs_case_store_end_board (RsCaseStore *self)
{
  g_return_if_fail (RS_IS_CASE_STORE (self));
  g_return_if_fail (self->in_board && self->board_committed);

  self->in_board = FALSE;
  self->board_committed = FALSE;
  self->board_finish = NULL;
  rs_case_end_changes (self->kase);
}

/* Rolls back a board write not committed yet: the file is as before it began. */
void
rs_case_store_cancel_board (RsCaseStore *self)
{
  g_return_if_fail (RS_IS_CASE_STORE (self));
  g_return_if_fail (!self->board_committed);

  if (!self->in_board)
    return;
  finish_statements (self);
  rs_db_exec (self->db, "ROLLBACK", NULL);
  self->in_board = FALSE;
  self->board_finish = NULL;
  _rs_case_store_unlock (self);
}

static gboolean
delete_row (RsCaseStore  *self,
            const char   *sql,
            gint64        id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!op_begin (self, error))
    return FALSE;
  if (!(stmt = rs_db_prepare (self->db, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rs_db_step_done (self->db, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND,
                   _("Record %" PRId64 " is not in the case"), id);
      goto fail;
    }
  if (!op_commit (self, error))
    goto fail;
  return TRUE;

fail:
  op_rollback (self);
  return FALSE;
}

#define DEFINE_DELETE(what, table)                                                  \
  gboolean                                                                          \
  rs_case_store_delete_##what (RsCaseStore  *self,                                  \
                               gint64        id,                                    \
                               GError      **error)                                 \
  {                                                                                 \
    g_return_val_if_fail (RS_IS_CASE_STORE (self), FALSE);                          \
    g_return_val_if_fail (!self->in_batch, FALSE);                                  \
    g_return_val_if_fail (error == NULL || *error == NULL, FALSE);                  \
                                                                                    \
    if (!_rs_case_store_check_writable (self, error))                               \
      return FALSE;                                                                 \
    if (!delete_row (self, "DELETE FROM " table " WHERE id = ?1", id, error))       \
      return FALSE;                                                                 \
    rs_case_begin_changes (self->kase);                                             \
    rs_case_remove_##what (self->kase, id);                                         \
    rs_case_end_changes (self->kase);                                               \
    return TRUE;                                                                    \
  }

DEFINE_DELETE (document, "document")
DEFINE_DELETE (entity, "entity")
DEFINE_DELETE (relation, "relation")
DEFINE_DELETE (quote, "quote")
DEFINE_DELETE (evidence, "evidence")
DEFINE_DELETE (event, "event")
DEFINE_DELETE (note, "note")

/* The change (rs-case-store-change.c) tells the case once, when it ends. */
void
_rs_case_store_emit_changed (RsCaseStore *self)
{
  if (!self->in_change)
    rs_case_emit_changed (self->kase);
}

/* For the writes split into other files of the store. */
gboolean
_rs_case_store_op_begin (RsCaseStore  *self,
                         GError      **error)
{
  return op_begin (self, error);
}

gboolean
_rs_case_store_op_commit (RsCaseStore  *self,
                          GError      **error)
{
  return op_commit (self, error);
}

void
_rs_case_store_op_rollback (RsCaseStore *self)
{
  op_rollback (self);
}

gboolean
_rs_case_store_check_text (const char  *text,
                           gboolean     required,
                           const char  *what,
                           GError     **error)
{
  return check_text (text, required, what, error);
}

gboolean
_rs_case_store_check_entity (RsEntityKind         kind,
                             const char          *name,
                             const char * const  *aliases,
                             const char          *description,
                             GError             **error)
{
  return check_entity (kind, name, aliases, description, error);
}

char *
_rs_case_store_now (void)
{
  return now_iso8601 ();
}
