/* rs-fault-vfs.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-fault-vfs"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "rs-fault-vfs.h"

/* A VFS that forwards everything to the default one and registers itself as the
 * default, so that the store needs no change: it opens with a NULL VFS name.
 *
 * Syncs are counted and modelled (below), not passed on to the disk.
 *
 * Failing on purpose. rs_fault_vfs_fail_at() makes the n-th op return an error: once,
 * or from then on ("sticky", a full disk). SQLITE_IOERR stands for the code the unix
 * VFS gives that op (IOERR_WRITE, IOERR_FSYNC, IOERR_TRUNCATE). errno is set as the
 * failing system call would (ENOSPC, EIO): SQLite asks the VFS for it.
 *
 * Power loss. Each file of a database (main, -wal, -journal) has a durable image:
 * its bytes at its last successful xSync, or when SQLite first opened it (anything
 * put there from outside, like a test copying a case file, is taken as on disk).
 * A file created by SQLite and never synced has none: it is gone after the cut. So
 * the durability of a new file's directory entry is modelled as "kept only if the
 * file was synced" (the unix VFS syncs the folder at the first xSync of a new -wal
 * or -journal, which also records the case file beside them). Deleting through
 * xDelete is taken as durable at once. Torn or partly persisted writes are not
 * modelled: the cut loses every unsynced byte, one of the outcomes a real disk may
 * give.
 *
 * At the cut every I/O starts failing (SQLITE_IOERR), and the process is as good as
 * dead: nothing it writes afterwards reaches the disk, through SQLite or not (a
 * store removing a half-made file, say). rs_fault_vfs_reset() is the reboot: with
 * every connection closed, it puts each file back to its durable image. Files that
 * were removed or renamed from outside SQLite before the cut stay so.
 *
 * Test databases are small, so an image is simply a copy of the whole file, read
 * through SQLite's own descriptor: opening and closing another descriptor on the
 * file would drop SQLite's POSIX locks on it. */

typedef struct _Durable Durable;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;     /* the default VFS's file, right after this struct */
  Durable      *durable;  /* NULL: not a database file (a temporary file, say) */
} FaultFile;

struct _Durable
{
  char      *path;
  GBytes    *image;       /* NULL: the file would not exist after a power cut */
  GPtrArray *open;        /* FaultFile *, borrowed: its open handles */
};

typedef enum
{
  OP_WRITE,
  OP_SYNC,
  OP_TRUNCATE,
} OpKind;

typedef enum
{
  FAULT_NONE,
  FAULT_ERROR,
  FAULT_POWER_CUT,
} FaultKind;

static sqlite3_vfs fault_vfs;
static const sqlite3_io_methods fault_io_methods;

/* SQLite calls a VFS from any thread that uses a connection (the store saves notes
 * from a worker), so all of this is under one lock. */
static GMutex lock;
static sqlite3_vfs *real_vfs;
static GHashTable *durables;  /* path -> Durable */
static RsFaultVfsCounts counts;
static guint n_ops;
static FaultKind fault;
static guint fault_op;        /* the value of n_ops at which the fault fires */
static int fault_errcode;
static gboolean fault_sticky;
static gboolean fired;
static gboolean power_off;

static void
durable_free (gpointer data)
{
  Durable *durable = data;

  g_free (durable->path);
  g_clear_pointer (&durable->image, g_bytes_unref);
  g_ptr_array_unref (durable->open);
  g_free (durable);
}

/* The whole file, through SQLite's descriptor. */
static GBytes *
read_image (sqlite3_file *real)
{
  sqlite3_int64 size = 0;
  g_autofree guint8 *data = NULL;
  int rc;

  if ((rc = real->pMethods->xFileSize (real, &size)) != SQLITE_OK)
    g_error ("rs-fault-vfs: could not stat a file for its image (%d)", rc);
  g_assert_cmpint (size, <, G_MAXINT);
  data = g_malloc (MAX (size, 1));
  if (size > 0 && (rc = real->pMethods->xRead (real, data, size, 0)) != SQLITE_OK)
    g_error ("rs-fault-vfs: could not read a file for its image (%d)", rc);
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

/* Called with the lock held. Removed or renamed from outside SQLite before the cut,
 * and not open: nothing to put back. */
static void
cut_power (void)
{
  GHashTableIter iter;
  Durable *durable;

  power_off = TRUE;
  g_hash_table_iter_init (&iter, durables);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&durable))
    if (durable->open->len == 0 && !g_file_test (durable->path, G_FILE_TEST_EXISTS))
      g_hash_table_iter_remove (&iter);
}

/* The same inode, cut to the image: nothing new for SQLite's record of the files it
 * has seen to trip on. (g_file_set_contents_full() without CONSISTENT does not
 * truncate a longer file.) */
static void
write_in_place (const char *path,
                GBytes     *image)
{
  const guint8 *data = g_bytes_get_data (image, NULL);
  gsize size = g_bytes_get_size (image);
  int fd;

  if ((fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0)
    g_error ("rs-fault-vfs: could not open “%s”: %s", path, g_strerror (errno));
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        g_error ("rs-fault-vfs: could not write “%s”: %s", path, g_strerror (errno));
      data += n;
      size -= n;
    }
  close (fd);
}

/* Called with the lock held, once every connection is closed. */
static void
restore_images (void)
{
  GHashTableIter iter;
  Durable *durable;

  g_hash_table_iter_init (&iter, durables);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&durable))
    {
      if (durable->open->len > 0)
        g_warning ("rs-fault-vfs: “%s” is still open after the power cut; close every "
                   "connection before rs_fault_vfs_reset()", durable->path);

      if (durable->image == NULL)
        {
          if (g_unlink (durable->path) != 0 && errno != ENOENT)
            g_error ("rs-fault-vfs: could not remove “%s”: %s", durable->path, g_strerror (errno));
        }
      else
        write_in_place (durable->path, durable->image);
    }
}

/* Counts one op and says whether it fails: SQLITE_OK, or the code to return. */
static int
count_op (OpKind kind)
{
  int rc = SQLITE_OK;

  g_mutex_lock (&lock);
  n_ops++;
  if (kind == OP_WRITE)
    counts.n_writes++;
  else if (kind == OP_SYNC)
    counts.n_syncs++;
  else
    counts.n_truncates++;

  if (power_off)
    rc = SQLITE_IOERR;
  else if (fault != FAULT_NONE && (n_ops == fault_op || (fault_sticky && n_ops > fault_op)))
    {
      fired = TRUE;
      if (fault == FAULT_POWER_CUT)
        {
          cut_power ();
          rc = SQLITE_IOERR;
        }
      else
        rc = fault_errcode;
    }
  if (rc != SQLITE_OK)
    counts.n_failed++;
  g_mutex_unlock (&lock);

  if (rc == SQLITE_IOERR)
    rc = kind == OP_WRITE ? SQLITE_IOERR_WRITE
       : kind == OP_SYNC ? SQLITE_IOERR_FSYNC
       : SQLITE_IOERR_TRUNCATE;
  if (rc != SQLITE_OK)
    errno = (rc & 0xff) == SQLITE_FULL ? ENOSPC : EIO;
  return rc;
}

static gboolean
is_power_off (void)
{
  gboolean off;

  g_mutex_lock (&lock);
  off = power_off;
  g_mutex_unlock (&lock);
  return off;
}

/* sqlite3_io_methods */

static int
fault_close (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *)file;

  if (self->durable != NULL)
    {
      g_mutex_lock (&lock);
      g_ptr_array_remove_fast (self->durable->open, self);
      self->durable = NULL;
      g_mutex_unlock (&lock);
    }
  return self->real->pMethods->xClose (self->real);
}

static int
fault_read (sqlite3_file *file,
            void         *buffer,
            int           amount,
            sqlite3_int64 offset)
{
  FaultFile *self = (FaultFile *)file;

  if (is_power_off ())
    return SQLITE_IOERR_READ;
  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
fault_write (sqlite3_file *file,
             const void   *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  FaultFile *self = (FaultFile *)file;
  int rc;

  if ((rc = count_op (OP_WRITE)) != SQLITE_OK)
    return rc;
  return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  FaultFile *self = (FaultFile *)file;
  int rc;

  if ((rc = count_op (OP_TRUNCATE)) != SQLITE_OK)
    return rc;
  return self->real->pMethods->xTruncate (self->real, size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  FaultFile *self = (FaultFile *)file;
  int rc;

  if ((rc = count_op (OP_SYNC)) != SQLITE_OK)
    return rc;
  /* Durability is what the images model; a real fsync changes no byte a test can
   * read, and costs milliseconds each. */

  if (self->durable != NULL)
    {
      GBytes *image = read_image (self->real);

      g_mutex_lock (&lock);
      g_clear_pointer (&self->durable->image, g_bytes_unref);
      self->durable->image = image;
      g_mutex_unlock (&lock);
    }
  return SQLITE_OK;
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  FaultFile *self = (FaultFile *)file;

  if (is_power_off ())
    return SQLITE_IOERR_FSTAT;
  return self->real->pMethods->xFileSize (self->real, size);
}

/* Locks live in the process, not on the disk: they keep working after the cut, or
 * SQLite's shared record of this process's locks would go wrong for the reboot. */
static int
fault_lock (sqlite3_file *file,
            int           level)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xLock (self->real, level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xUnlock (self->real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xCheckReservedLock (self->real, out);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
fault_shm_map (sqlite3_file  *file,
               int            page,
               int            page_size,
               int            extend,
               void volatile **out)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xShmMap (self->real, page, page_size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *)file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

static int
fault_fetch (sqlite3_file   *file,
             sqlite3_int64   offset,
             int             amount,
             void          **out)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xFetch (self->real, offset, amount, out);
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *page)
{
  FaultFile *self = (FaultFile *)file;

  return self->real->pMethods->xUnfetch (self->real, offset, page);
}

static const sqlite3_io_methods fault_io_methods = {
  .iVersion = 3,
  .xClose = fault_close,
  .xRead = fault_read,
  .xWrite = fault_write,
  .xTruncate = fault_truncate,
  .xSync = fault_sync,
  .xFileSize = fault_file_size,
  .xLock = fault_lock,
  .xUnlock = fault_unlock,
  .xCheckReservedLock = fault_check_reserved_lock,
  .xFileControl = fault_file_control,
  .xSectorSize = fault_sector_size,
  .xDeviceCharacteristics = fault_device_characteristics,
  .xShmMap = fault_shm_map,
  .xShmLock = fault_shm_lock,
  .xShmBarrier = fault_shm_barrier,
  .xShmUnmap = fault_shm_unmap,
  .xFetch = fault_fetch,
  .xUnfetch = fault_unfetch,
};

/* sqlite3_vfs */

static int
fault_open (sqlite3_vfs      *vfs,
            sqlite3_filename  name,
            sqlite3_file     *file,
            int               flags,
            int              *out_flags)
{
  FaultFile *self = (FaultFile *)file;
  gboolean tracked = name != NULL &&
                     (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL));
  gboolean existed = tracked && g_file_test (name, G_FILE_TEST_EXISTS);
  Durable *durable;
  int rc;

  self->real = (sqlite3_file *)&self[1];
  self->durable = NULL;
  file->pMethods = NULL;
  if (is_power_off ())
    return SQLITE_CANTOPEN;

  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  /* SQLite calls xClose whenever pMethods is set, even if xOpen failed. */
  if (self->real->pMethods != NULL)
    {
      g_assert (self->real->pMethods->iVersion >= fault_io_methods.iVersion);
      file->pMethods = &fault_io_methods;
    }
  if (rc != SQLITE_OK || !tracked)
    return rc;

  g_mutex_lock (&lock);
  if (!(durable = g_hash_table_lookup (durables, name)))
    {
      durable = g_new0 (Durable, 1);
      durable->path = g_strdup (name);
      durable->open = g_ptr_array_new ();
      durable->image = existed ? read_image (self->real) : NULL;
      g_hash_table_insert (durables, durable->path, durable);
    }
  g_ptr_array_add (durable->open, self);
  self->durable = durable;
  g_mutex_unlock (&lock);
  return SQLITE_OK;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  Durable *durable;
  int rc;

  if (is_power_off ())
    return SQLITE_IOERR_DELETE;
  rc = real_vfs->xDelete (real_vfs, name, sync_dir);
  if (rc == SQLITE_OK || rc == SQLITE_IOERR_DELETE_NOENT)
    {
      g_mutex_lock (&lock);
      if ((durable = g_hash_table_lookup (durables, name)))
        g_clear_pointer (&durable->image, g_bytes_unref);
      g_mutex_unlock (&lock);
    }
  return rc;
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          n_out,
                     char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n_out, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          n_bytes,
                char        *message)
{
  real_vfs->xDlError (real_vfs, n_bytes, message);
}

static void
(*fault_dl_sym (sqlite3_vfs *vfs,
                void        *handle,
                const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          n_bytes,
                  char        *out)
{
  return real_vfs->xRandomness (real_vfs, n_bytes, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          usec)
{
  return real_vfs->xSleep (real_vfs, usec);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          n_bytes,
                      char        *out)
{
  return real_vfs->xGetLastError (real_vfs, n_bytes, out);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static int
fault_set_system_call (sqlite3_vfs         *vfs,
                       const char          *name,
                       sqlite3_syscall_ptr  call)
{
  return real_vfs->xSetSystemCall (real_vfs, name, call);
}

static sqlite3_syscall_ptr
fault_get_system_call (sqlite3_vfs *vfs,
                       const char  *name)
{
  return real_vfs->xGetSystemCall (real_vfs, name);
}

static const char *
fault_next_system_call (sqlite3_vfs *vfs,
                        const char  *name)
{
  return real_vfs->xNextSystemCall (real_vfs, name);
}

/* Public API */

/**
 * rs_fault_vfs_install:
 *
 * Makes the fault VFS SQLite's default, over the default it had. Call it before any
 * connection is opened; calling it again does nothing.
 */
void
rs_fault_vfs_install (void)
{
  g_mutex_lock (&lock);
  if (real_vfs != NULL)
    {
      g_mutex_unlock (&lock);
      return;
    }

  g_assert_cmpint (sqlite3_initialize (), ==, SQLITE_OK);
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 3);
  durables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, durable_free);

  fault_vfs = (sqlite3_vfs) {
    .iVersion = 3,
    .szOsFile = sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "rs-fault",
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xDlOpen = fault_dl_open,
    .xDlError = fault_dl_error,
    .xDlSym = fault_dl_sym,
    .xDlClose = fault_dl_close,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
    .xSetSystemCall = fault_set_system_call,
    .xGetSystemCall = fault_get_system_call,
    .xNextSystemCall = fault_next_system_call,
  };
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
  g_mutex_unlock (&lock);
}

/**
 * rs_fault_vfs_reset:
 *
 * Disarms any fault and zeroes the counters. After a power cut this is the reboot:
 * every connection must be closed by now, and each database file is put back to
 * what the disk held at the cut. The files then on disk become the durable images:
 * those of files still open are taken again; the others are forgotten, so that a
 * test may replace a closed file between two resets.
 */
void
rs_fault_vfs_reset (void)
{
  GHashTableIter iter;
  Durable *durable;

  g_assert_nonnull (real_vfs);

  g_mutex_lock (&lock);
  if (power_off)
    restore_images ();

  g_hash_table_iter_init (&iter, durables);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&durable))
    {
      if (durable->open->len == 0 || power_off)
        {
          /* After the cut, handles still open are dead: no image is taken from them. */
          for (guint i = 0; i < durable->open->len; i++)
            ((FaultFile *)g_ptr_array_index (durable->open, i))->durable = NULL;
          g_hash_table_iter_remove (&iter);
          continue;
        }
      g_clear_pointer (&durable->image, g_bytes_unref);
      durable->image = read_image (((FaultFile *)g_ptr_array_index (durable->open, 0))->real);
    }

  fault = FAULT_NONE;
  fault_op = 0;
  fault_errcode = SQLITE_OK;
  fault_sticky = FALSE;
  fired = FALSE;
  power_off = FALSE;
  n_ops = 0;
  counts = (RsFaultVfsCounts) { 0 };
  g_mutex_unlock (&lock);
}

/**
 * rs_fault_vfs_get_n_ops:
 *
 * Returns: the writes, syncs and truncates since the last reset.
 */
guint
rs_fault_vfs_get_n_ops (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_ops;
  g_mutex_unlock (&lock);
  return n;
}

void
rs_fault_vfs_get_counts (RsFaultVfsCounts *out)
{
  g_return_if_fail (out != NULL);

  g_mutex_lock (&lock);
  *out = counts;
  g_mutex_unlock (&lock);
}

/**
 * rs_fault_vfs_fail_at:
 * @n: 1 for the next write, sync or truncate
 * @errcode: SQLITE_FULL, SQLITE_IOERR (the code the unix VFS gives that kind of op)
 *   or any extended I/O error code, returned as it is
 * @sticky: whether every op after the n-th fails too, like a full disk
 *
 * Reads keep working.
 */
void
rs_fault_vfs_fail_at (guint    n,
                      int      errcode,
                      gboolean sticky)
{
  g_return_if_fail (n >= 1);
  g_return_if_fail (errcode != SQLITE_OK);

  g_mutex_lock (&lock);
  fault = FAULT_ERROR;
  fault_op = n_ops + n;
  fault_errcode = errcode;
  fault_sticky = sticky;
  fired = FALSE;
  g_mutex_unlock (&lock);
}

/**
 * rs_fault_vfs_power_cut_at:
 * @n: 1 for the next write, sync or truncate
 *
 * At the n-th op the power goes: that op and every I/O after it fail, and nothing
 * written since each file's last sync survives. rs_fault_vfs_reset() reboots.
 */
void
rs_fault_vfs_power_cut_at (guint n)
{
  g_return_if_fail (n >= 1);

  g_mutex_lock (&lock);
  fault = FAULT_POWER_CUT;
  fault_op = n_ops + n;
  fault_sticky = FALSE;
  fired = FALSE;
  g_mutex_unlock (&lock);
}

/**
 * rs_fault_vfs_has_fired:
 *
 * Returns: whether the armed fault or power cut has happened.
 */
gboolean
rs_fault_vfs_has_fired (void)
{
  gboolean result;

  g_mutex_lock (&lock);
  result = fired;
  g_mutex_unlock (&lock);
  return result;
}
