/* rs-file-system.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-file-system"

#include "config.h"

#ifdef __linux__
#include <sys/vfs.h>
#endif

#include "rs-file-system.h"

/* statfs(2)'s magic numbers (linux/magic.h and the file systems' own sources): only
 * the ones that are not a local disk. Everything else counts as local, as a file
 * system we do not know is far more often a local one (btrfs, zfs, overlay, …). */
static const struct
{
  guint64           f_type;
  RsFileSystemKind  kind;
  const char       *name;
} known[] = {
  { 0x6969,     RS_FILE_SYSTEM_NETWORK, "NFS" },
  { 0x517B,     RS_FILE_SYSTEM_NETWORK, "SMB" },
  { 0xFF534D42, RS_FILE_SYSTEM_NETWORK, "CIFS" },
  { 0xFE534D42, RS_FILE_SYSTEM_NETWORK, "SMB2" },
  { 0x5346414F, RS_FILE_SYSTEM_NETWORK, "AFS" },
  { 0x01021997, RS_FILE_SYSTEM_NETWORK, "9P" },
  { 0x00C36400, RS_FILE_SYSTEM_NETWORK, "Ceph" },
  { 0x6B414653, RS_FILE_SYSTEM_NETWORK, "AFS" },      /* the kernel's kAFS */
  { 0x73757245, RS_FILE_SYSTEM_NETWORK, "Coda" },
  { 0x564C,     RS_FILE_SYSTEM_NETWORK, "NCP" },
  { 0x0BD00BD0, RS_FILE_SYSTEM_NETWORK, "Lustre" },
  { 0x47504653, RS_FILE_SYSTEM_NETWORK, "GPFS" },
  { 0x65735546, RS_FILE_SYSTEM_FUSE,    "FUSE" },
};

RsFileSystemKind
rs_file_system_classify_type (guint64      f_type,
                              const char **fs_name)
{
  /* f_type is a signed word on some ABIs: CIFS's 0xFF534D42 comes back sign-extended. */
  guint64 word = f_type & G_GUINT64_CONSTANT (0xFFFFFFFF);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (known[i].f_type == word)
      {
        if (fs_name != NULL)
          *fs_name = known[i].name;
        return known[i].kind;
      }
  if (fs_name != NULL)
    *fs_name = NULL;
  return RS_FILE_SYSTEM_LOCAL;
}

RsFileSystemKind
rs_file_system_classify (const char  *path,
                         char       **fs_name)
{
  g_autofree char *where = NULL;
  const char *name = NULL;
  RsFileSystemKind kind = RS_FILE_SYSTEM_LOCAL;

  g_return_val_if_fail (path != NULL, RS_FILE_SYSTEM_LOCAL);

  if (fs_name != NULL)
    *fs_name = NULL;
  /* A case about to be created: its folder says where it will be. */
  where = g_file_test (path, G_FILE_TEST_EXISTS) ? g_strdup (path) : g_path_get_dirname (path);

#ifdef __linux__
  {
    struct statfs st;

    if (statfs (where, &st) == 0)
      kind = rs_file_system_classify_type ((guint64)st.f_type, &name);
  }
#endif
  if (fs_name != NULL && name != NULL)
    *fs_name = g_strdup (name);
  return kind;
}
