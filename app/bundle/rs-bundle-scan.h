/* rs-bundle-scan.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What json-glib would lose or choke on, found in the raw bytes before it parses
 * them. Paths are written as the reader's messages write them: "quotes[3].start". */
typedef struct
{
  /* path → number as written, for numbers json-glib reads as doubles */
  GHashTable *numbers;
  /* The first string that holds a NUL or half a surrogate pair, or the first
   * integer past 64 bits: json-glib would truncate or wrap it silently. */
  char       *problem;
} RsBundleScan;

gboolean rs_bundle_scan       (const char    *data,
                               gsize          size,
                               guint          max_depth,
                               RsBundleScan  *scan,
                               GError       **error);
void     rs_bundle_scan_clear (RsBundleScan  *scan);

void     rs_bundle_locate     (const char    *data,
                               gsize          offset,
                               guint         *line,
                               guint         *column);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsBundleScan, rs_bundle_scan_clear)

G_END_DECLS
