/* rs-fault-vfs.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A test-only SQLite VFS over the default one that counts and breaks writes.
 *
 * An "op" is one xWrite, xSync or xTruncate on any file SQLite opens through a VFS
 * (the case, its -wal and -journal, temporary files); the -shm is mapped memory and
 * is left alone. Ops are numbered from the call that arms a fault: n = 1 is the next
 * one. */

typedef struct
{
  guint n_writes;
  guint n_syncs;
  guint n_truncates;
  guint n_failed;     /* ops that failed on purpose (a fault or the power being off) */
} RsFaultVfsCounts;

void     rs_fault_vfs_install      (void);
void     rs_fault_vfs_reset        (void);
guint    rs_fault_vfs_get_n_ops    (void);
void     rs_fault_vfs_get_counts   (RsFaultVfsCounts *counts);
void     rs_fault_vfs_fail_at      (guint             n,
                                    int               errcode,
                                    gboolean          sticky);
void     rs_fault_vfs_power_cut_at (guint             n);
gboolean rs_fault_vfs_has_fired    (void);

G_END_DECLS
