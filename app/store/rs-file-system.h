/* rs-file-system.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What kind of file system a case lives on (issue 21). SQLite's locking holds on a
 * local disk only: on a network share or a FUSE mount two machines can both write the
 * case and corrupt it, so the window warns and offers a local copy. */
typedef enum
{
  RS_FILE_SYSTEM_LOCAL,
  RS_FILE_SYSTEM_NETWORK,   /* NFS, SMB/CIFS, AFS, 9P, Ceph, Coda, NCP, Lustre, GPFS */
  RS_FILE_SYSTEM_FUSE,      /* sshfs, rclone, cloud drives, … */
} RsFileSystemKind;

/* A statfs() f_type; FS_NAME (static, may be NULL) names it: "NFS", "SMB", … */
RsFileSystemKind rs_file_system_classify_type (guint64      f_type,
                                               const char **fs_name);
/* The file system holding PATH (or its folder, if PATH does not exist yet); LOCAL when
 * it cannot be told. FS_NAME (nullable) gets the name, or NULL for a local one. */
RsFileSystemKind rs_file_system_classify      (const char  *path,
                                               char       **fs_name);

G_END_DECLS
