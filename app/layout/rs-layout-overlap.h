/* rs-layout-overlap.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One node for overlap removal: its centre (moved in place) and the half sides of the
 * box it must keep clear, margin included. Fixed boxes never move. */
typedef struct
{
  double   x;
  double   y;
  double   half_width;
  double   half_height;
  gboolean fixed;
} RsOverlapBox;

/* What a removal did, for the benchmark and the debug log. */
typedef struct
{
  guint  iterations;     /* push-apart sweeps */
  guint  resettled;      /* boxes the last resort moved to a free spot */
  double mean_shift;     /* mean distance a free box moved, points */
} RsOverlapStats;

gboolean _rs_layout_remove_overlaps (RsOverlapBox         *boxes,
                                     guint                 n_boxes,
                                     GCancellable         *cancellable,
                                     RsOverlapStats       *stats);
guint    _rs_layout_count_overlaps  (const RsOverlapBox   *boxes,
                                     guint                 n_boxes);
double   _rs_layout_spread_factor   (const RsOverlapBox   *boxes,
                                     guint                 n_boxes,
                                     const guint          *ends,
                                     guint                 n_edges);

G_END_DECLS
