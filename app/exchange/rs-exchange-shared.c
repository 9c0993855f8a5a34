/* rs-exchange-shared.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-shared"

#include "config.h"

#include <gio/gio.h>

#include "rs-exchange.h"

/* SQLite's locking is not reliable on network file systems (its own documentation):
 * two machines writing one live case there can corrupt it. The app warns about a
 * case that lives on one and offers a local copy plus changesets instead. */

static gboolean
is_shared_type (const char *type)
{
  static const char *const shared[] = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "lustre", "gfs2", "ocfs2", "davfs", "sshfs",
  };

  if (type == NULL)
    return FALSE;
  /* fuse.sshfs, fuse.rclone, fuseblk (NTFS on a USB disk is fine, but its locks are
   * FUSE's too), and GVFS's own FUSE mount. */
  if (g_str_has_prefix (type, "fuse"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    if (g_ascii_strcasecmp (type, shared[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * rs_exchange_is_shared_folder:
 * @path: a case file, or the folder it would be saved in
 * @fs_type: (out) (optional): the file system's type ("nfs4", "cifs", "fuse.sshfs")
 *
 * Whether @path lives on a network or FUSE file system, where live sharing of a
 * case between machines is unsafe. A path that cannot be examined is not called
 * shared.
 */
gboolean
rs_exchange_is_shared_folder (const char  *path,
                              char       **fs_type)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  const char *type;
  gboolean remote;

  g_return_val_if_fail (path != NULL, FALSE);

  if (fs_type != NULL)
    *fs_type = NULL;
  file = g_file_new_for_path (path);
  info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE ","
                                       G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE, NULL, NULL);
  if (info == NULL)
    {
      /* A case not saved yet: where it would go. */
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        info = g_file_query_filesystem_info (parent, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE ","
                                             G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE, NULL, NULL);
    }
  if (info == NULL)
    return FALSE;

  type = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE);
  remote = g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
  if (fs_type != NULL)
    *fs_type = g_strdup (type);
  return remote || is_shared_type (type);
}

/* For tests: whether a file system type counts as shared. */
gboolean
rs_exchange_is_shared_type (const char *fs_type)
{
  return is_shared_type (fs_type);
}
