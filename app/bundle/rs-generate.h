/* rs-generate.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store.h"

G_BEGIN_DECLS

/* Synthetic investigation-shaped cases for benchmarks (redstring-cli generate). */
gboolean rs_generate_case      (RsCaseStore  *store,
                                guint         n_entities,
                                guint32       seed,
                                gboolean      positions,
                                GError      **error);
gboolean rs_generate_write_dot (RsCase       *kase,
                                const char   *path,
                                GError      **error);

G_END_DECLS
