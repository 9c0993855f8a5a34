/* rs-layout-request-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-layout-request.h"

G_BEGIN_DECLS

/* Largest node or label side and largest coordinate (points) a request may hold. Larger
 * values come from a broken or hostile case file, not from a real board. */
#define RS_LAYOUT_MAX_SIZE  100000.0
#define RS_LAYOUT_MAX_COORD 10000000.0

typedef struct
{
  gint64   id;
  double   width;
  double   height;
  double   x;
  double   y;
  gboolean fixed;
} RsLayoutNode;

typedef struct
{
  gint64   id;
  gint64   source;
  gint64   target;
  double   label_width;
  double   label_height;
  gboolean directed;
} RsLayoutEdge;

void                _rs_layout_request_seal      (RsLayoutRequest        *self);
const RsLayoutNode *_rs_layout_request_get_nodes (const RsLayoutRequest  *self,
                                                  guint                  *n_nodes);
const RsLayoutEdge *_rs_layout_request_get_edges (const RsLayoutRequest  *self,
                                                  guint                  *n_edges);
gboolean            _rs_layout_request_resolve   (const RsLayoutRequest  *self,
                                                  guint                 **ends_out,
                                                  GError                **error);

static inline gboolean
_rs_layout_edge_has_label (const RsLayoutEdge *edge)
{
  return edge->label_width > 0 && edge->label_height > 0;
}

G_END_DECLS
