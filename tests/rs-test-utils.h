/* rs-test-utils.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store.h"

G_BEGIN_DECLS

/* A program run to its end: exit status (-1 if killed), stdout, stderr. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} RsTestRun;

void         rs_test_run_clear        (RsTestRun   *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsTestRun, rs_test_run_clear)
void         rs_test_run_argv         (RsTestRun          *run,
                                       const char * const *argv);
const char  *rs_test_cli_path         (void);

void         rs_test_init_resources   (void);
char        *rs_test_temp_path        (const char  *name);
RsCaseStore *rs_test_open_new_case    (const char  *name);
RsCaseStore *rs_test_open_sample_case (const char  *name);
RsCaseStore *rs_test_open_sample_case_in_home (const char *name);
GBytes      *rs_test_read_file        (const char  *path);
void         rs_test_write_file       (const char  *path,
                                       const void  *data,
                                       gsize        size);
RsCaseStore *rs_test_open_snapshot    (const char  *path);
void         rs_test_assert_same_bundle (GBytes     *a,
                                         GBytes     *b);
GBytes      *rs_test_export_checked   (RsCaseStore *store);
gint64       rs_test_make_grid_board  (RsCaseStore *store,
                                       guint        n,
                                       const char  *name_suffix,
                                       gboolean     all_statuses);
char        *rs_test_make_sample_file (const char  *name);
void         rs_test_raw_exec         (const char  *path,
                                       const char  *sql);
RsEntity    *rs_test_add_entity       (RsCaseStore *store,
                                       RsEntityKind kind,
                                       const char  *name);

G_END_DECLS
