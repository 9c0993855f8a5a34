/* rs-layout-request.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-layout-request"

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-layout-request-private.h"

/* What AUTO picks, from the timings in PLATFORM.md and `make bench`:
 *
 * - dot reads best (ranks, few crossings) but its crossing minimisation explodes past a
 *   few hundred nodes, and labelled edges (virtual nodes between ranks) make it worse:
 *   on our benchmark boards (1.5 links per node, one in four labelled) 0.2 s at 200
 *   nodes, 1 s at 300, 5 s at 500, 18 s at 700;
 * - neato is the engine that honours pinned nodes exactly; it is quadratic (all-pairs
 *   distances): 0.5 s at 300 nodes with pins, 10 s at 5,000 even when most are pinned;
 * - sfdp is multilevel and near-linear (1 s at 1,000 nodes, 3 s at 5,000, 30 s at
 *   20,000 with overlap removal): everything larger goes there, and rs-graph-layout.c
 *   picks an overlap removal it can afford for the size.
 */
#define AUTO_DOT_MAX_NODES    200
#define AUTO_DOT_MAX_EDGES    400
#define AUTO_NEATO_MAX_NODES  300

/* An input snapshot for one layout: built on the main thread, then only read, from any
 * thread, once sealed by rs_graph_layout_run(). */
struct _RsLayoutRequest
{
  gatomicrefcount  ref_count;
  RsLayoutEngine   engine;
  gboolean         place_new_only;
  int              sealed;
  guint            n_fixed;
  GArray          *nodes;  /* RsLayoutNode */
  GArray          *edges;  /* RsLayoutEdge */
};

G_DEFINE_BOXED_TYPE (RsLayoutRequest, rs_layout_request, rs_layout_request_ref,
                     rs_layout_request_unref)

RsLayoutRequest *
rs_layout_request_new (RsLayoutEngine engine)
{
  RsLayoutRequest *self;

  g_return_val_if_fail (engine <= RS_LAYOUT_ENGINE_TWOPI, NULL);

  self = g_new0 (RsLayoutRequest, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->engine = engine;
  self->nodes = g_array_new (FALSE, FALSE, sizeof (RsLayoutNode));
  self->edges = g_array_new (FALSE, FALSE, sizeof (RsLayoutEdge));

  return self;
}

RsLayoutRequest *
rs_layout_request_ref (RsLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rs_layout_request_unref (RsLayoutRequest *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->nodes, g_array_unref);
      g_clear_pointer (&self->edges, g_array_unref);
      g_free (self);
    }
}

/**
 * rs_layout_request_add_node:
 * @self: a request that has not been laid out yet
 * @id: the entity's id, unique in the request
 * @width: width of the node in points (board units)
 * @height: height in points
 * @fixed: whether the node must stay where it is (pinned, or already placed)
 * @x: centre of a fixed node in board coordinates (points, y down); ignored otherwise
 * @y: see @x
 *
 * Adds a node. Values are checked when the layout runs (rs_graph_layout_run() fails with
 * %RS_ERROR_INVALID_INPUT), not here: a position read from a hostile case file is an
 * error to report, not a programmer error.
 */
void
rs_layout_request_add_node (RsLayoutRequest *self,
                            gint64           id,
                            double           width,
                            double           height,
                            gboolean         fixed,
                            double           x,
                            double           y)
{
  RsLayoutNode node = { id, width, height, x, y, !!fixed };

  g_return_if_fail (self != NULL);
  g_return_if_fail (!g_atomic_int_get (&self->sealed));

  g_array_append_val (self->nodes, node);
  if (node.fixed)
    self->n_fixed++;
}

/**
 * rs_layout_request_add_edge:
 * @self: a request that has not been laid out yet
 * @id: the relation's id, unique among the edges of the request
 * @source: id of the node the edge starts from
 * @target: id of the node it goes to (may be @source)
 * @label_width: size of the edge's label in points; 0 for no label
 * @label_height: see @label_width
 * @directed: whether the edge has a direction (an arrowhead at @target)
 *
 * Adds an edge. Parallel edges are allowed.
 */
void
rs_layout_request_add_edge (RsLayoutRequest *self,
                            gint64           id,
                            gint64           source,
                            gint64           target,
                            double           label_width,
                            double           label_height,
                            gboolean         directed)
{
  RsLayoutEdge edge = { id, source, target, label_width, label_height, !!directed };

  g_return_if_fail (self != NULL);
  g_return_if_fail (!g_atomic_int_get (&self->sealed));

  g_array_append_val (self->edges, edge);
}

/* Incremental placement: only the nodes that are not fixed are placed, each near the
 * fixed nodes it links to (or beside the board if it links to none). Graphviz sees only
 * that neighbourhood, so the cost follows the number of new nodes, not the board's size,
 * and edges between two fixed nodes come back without a route (the caller keeps its
 * own). */
void
rs_layout_request_set_place_new_only (RsLayoutRequest *self,
                                      gboolean         place_new_only)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!g_atomic_int_get (&self->sealed));

  self->place_new_only = !!place_new_only;
}

gboolean
rs_layout_request_get_place_new_only (const RsLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->place_new_only;
}

RsLayoutEngine
rs_layout_request_get_engine (const RsLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, RS_LAYOUT_ENGINE_AUTO);
  return self->engine;
}

guint
rs_layout_request_get_n_nodes (const RsLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->nodes->len;
}

guint
rs_layout_request_get_n_edges (const RsLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->edges->len;
}

guint
rs_layout_request_get_n_fixed (const RsLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_fixed;
}

/* The engine an AUTO request runs with (see AUTO_* above); other engines are returned
 * as they are:
 *
 * - placing new nodes only: neato for up to 300 new nodes, sfdp beyond;
 * - with fixed nodes: neato up to 300 nodes, sfdp beyond;
 * - otherwise dot up to 200 nodes and 400 edges, sfdp beyond. */
RsLayoutEngine
rs_layout_request_choose_engine (const RsLayoutRequest *self)
{
  guint n_nodes;
  guint n_free;

  g_return_val_if_fail (self != NULL, RS_LAYOUT_ENGINE_SFDP);

  if (self->engine != RS_LAYOUT_ENGINE_AUTO)
    return self->engine;

  n_nodes = self->nodes->len;
  n_free = n_nodes - self->n_fixed;

  /* Placing a few new entities: what counts is how many there are to place, the rest
   * of the board is pinned around them. */
  if (self->place_new_only)
    return n_free <= AUTO_NEATO_MAX_NODES ? RS_LAYOUT_ENGINE_NEATO : RS_LAYOUT_ENGINE_SFDP;

  /* dot and sfdp ignore pins (they are put back afterwards, with straight edges);
   * neato lays the free nodes out around them. */
  if (self->n_fixed > 0)
    return n_nodes <= AUTO_NEATO_MAX_NODES ? RS_LAYOUT_ENGINE_NEATO : RS_LAYOUT_ENGINE_SFDP;

  if (n_nodes <= AUTO_DOT_MAX_NODES && self->edges->len <= AUTO_DOT_MAX_EDGES)
    return RS_LAYOUT_ENGINE_DOT;

  return RS_LAYOUT_ENGINE_SFDP;
}

void
_rs_layout_request_seal (RsLayoutRequest *self)
{
  g_atomic_int_set (&self->sealed, TRUE);
}

const RsLayoutNode *
_rs_layout_request_get_nodes (const RsLayoutRequest *self,
                              guint                 *n_nodes)
{
  *n_nodes = self->nodes->len;
  return (const RsLayoutNode *) (gpointer) self->nodes->data;
}

const RsLayoutEdge *
_rs_layout_request_get_edges (const RsLayoutRequest *self,
                              guint                 *n_edges)
{
  *n_edges = self->edges->len;
  return (const RsLayoutEdge *) (gpointer) self->edges->data;
}

static gboolean
size_is_valid (double size)
{
  return isfinite (size) && size >= 0 && size <= RS_LAYOUT_MAX_SIZE;
}

static gboolean
coord_is_valid (double coord)
{
  return isfinite (coord) && fabs (coord) <= RS_LAYOUT_MAX_COORD;
}

/* Checks every value and resolves the edge ends to node indices: @ends_out gets
 * 2 × n_edges indices (source, target). */
gboolean
_rs_layout_request_resolve (const RsLayoutRequest  *self,
                            guint                 **ends_out,
                            GError                **error)
{
  g_autoptr(GHashTable) node_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) edge_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree guint *ends = g_new (guint, 2 * (gsize) self->edges->len + 1);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const RsLayoutNode *node = &g_array_index (self->nodes, RsLayoutNode, i);

      if (!size_is_valid (node->width) || !size_is_valid (node->height) ||
          (node->fixed && (!coord_is_valid (node->x) || !coord_is_valid (node->y))))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("Entity %" PRId64 " has an invalid size or position"),
                       node->id);
          return FALSE;
        }

      if (!g_hash_table_insert (node_index, (gpointer) &node->id, GUINT_TO_POINTER (i)))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("Entity %" PRId64 " is on the board twice"), node->id);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->edges->len; i++)
    {
      const RsLayoutEdge *edge = &g_array_index (self->edges, RsLayoutEdge, i);
      gpointer source, target;

      if (!g_hash_table_lookup_extended (node_index, &edge->source, NULL, &source) ||
          !g_hash_table_lookup_extended (node_index, &edge->target, NULL, &target))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("Link %" PRId64 " connects an entity that is not on the board"),
                       edge->id);
          return FALSE;
        }

      if (!size_is_valid (edge->label_width) || !size_is_valid (edge->label_height))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("Link %" PRId64 " has an invalid label size"), edge->id);
          return FALSE;
        }

      if (!g_hash_table_add (edge_ids, (gpointer) &edge->id))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("Link %" PRId64 " is on the board twice"), edge->id);
          return FALSE;
        }

      ends[2 * i] = GPOINTER_TO_UINT (source);
      ends[2 * i + 1] = GPOINTER_TO_UINT (target);
    }

  *ends_out = g_steal_pointer (&ends);
  return TRUE;
}
