/* rs-layout-draft.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rs-layout-request-private.h"
#include "rs-layout-result.h"

G_BEGIN_DECLS

/* Where the engine put a node: centre in points, y down, in the frame of the engine run
 * (graph) it was in; graph is -1 for a node no engine sees. */
typedef struct
{
  double   x;
  double   y;
  int      graph;
  gboolean placed;
} RsLayoutDraftNode;

typedef struct
{
  GArray  *points;         /* RsLayoutPoint, 3n + 1; NULL when the engine drew none */
  gboolean has_label_pos;
  double   label_x;
  double   label_y;
} RsLayoutDraftEdge;

/* What an engine produced, before it is fitted to the board: the part of
 * rs-graph-layout that knows no Graphviz. */
typedef struct
{
  /* Borrowed */
  const RsLayoutRequest *request;
  const RsLayoutNode    *request_nodes;
  const RsLayoutEdge    *request_edges;
  const guint           *ends;           /* source, target node index per edge */

  guint                  n_nodes;
  guint                  n_edges;
  RsLayoutEngine         engine;
  gboolean               neighbourhood_only;  /* placing new nodes only */
  /* Set by the engine run: the engine left node overlaps (and drew at a scale of its
   * own); _rs_layout_draft_finish() spreads the drawing and removes them. */
  gboolean               overlaps_left;
  /* Whether _rs_layout_draft_finish() removes the overlaps the engine may have left. */
  gboolean               remove_overlaps;

  /* Owned */
  RsLayoutDraftNode     *nodes;
  RsLayoutDraftEdge     *edges;
  guint                  n_graphs;
  guint                 *graph_sizes;    /* nodes per graph */
} RsLayoutDraft;

RsLayoutDraft  *_rs_layout_draft_new           (const RsLayoutRequest  *request,
                                                const guint            *ends,
                                                RsLayoutEngine          engine);
void            _rs_layout_draft_free          (RsLayoutDraft          *self);
int             _rs_layout_draft_edge_graph    (const RsLayoutDraft    *self,
                                                guint                   edge);
RsLayoutResult *_rs_layout_draft_finish        (RsLayoutDraft          *self,
                                                GCancellable           *cancellable,
                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsLayoutDraft, _rs_layout_draft_free)

G_END_DECLS
