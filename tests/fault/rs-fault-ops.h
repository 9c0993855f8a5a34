/* rs-fault-ops.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store.h"

G_BEGIN_DECLS

/* Every write path of the case store as one "op" from a known starting case, and
 * the helpers both fault tests use to say which state a case file is in. */

typedef enum
{
  RS_FAULT_START_NOTHING,  /* no file at the case's path */
  RS_FAULT_START_EMPTY,    /* a new, empty case */
  RS_FAULT_START_CASE,     /* the excerpt bundle, its board laid out */
} RsFaultStart;

/* One case under test. The op opens the store itself when it creates the case. */
typedef struct
{
  char        *path;
  char        *dest;   /* where save-as writes */
  RsCaseStore *store;  /* open on path, or NULL */
} RsFaultCase;

typedef struct
{
  const char   *name;
  RsFaultStart  start;
  gboolean    (*run)   (RsFaultCase  *fc,
                        GError      **error);
  gboolean      heavy;      /* slow to run (a bundle import): fewer faults */
  gboolean      two_steps;  /* creates a case, then fills it, in two transactions */
} RsFaultOp;

const RsFaultOp *rs_fault_ops_get          (guint              *n_ops);

void             rs_fault_case_init        (RsFaultCase        *fc);
void             rs_fault_case_clear       (RsFaultCase        *fc);
void             rs_fault_case_prepare     (RsFaultCase        *fc,
                                            RsFaultStart        start);
void             rs_fault_case_close       (RsFaultCase        *fc);
RsCaseStore     *rs_fault_case_reopen      (RsFaultCase        *fc,
                                            gboolean            create,
                                            GError            **error);
char            *rs_fault_case_dump        (RsFaultCase        *fc,
                                            gboolean            with_leftovers);
char            *rs_fault_case_dump_model  (RsFaultCase        *fc);
gboolean         rs_fault_case_follow_up   (RsFaultCase        *fc,
                                            GError            **error);

gboolean         rs_fault_state_is_after   (const char         *what,
                                            const char         *state,
                                            const char         *before,
                                            const char         *after);
GArray          *rs_fault_points           (guint               k);

void             rs_fault_assert_write_error (const GError     *error,
                                            RsFaultCase        *fc,
                                            const RsFaultOp    *op);

G_END_DECLS
