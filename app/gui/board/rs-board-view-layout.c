/* rs-board-view-layout.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-view"

#include "config.h"

#include "rs-board-view-private.h"

/* Laying out the board: always in a worker thread (rs_graph_layout_run_async), a newer
 * layout cancels the older one, and the result is applied on the main thread and saved
 * with one rs_case_store_set_board() call (positions, routes and label positions), which
 * changes the case and so rebuilds the scene.
 *
 * - Entities without a position are placed when the case shows up or changes: all of them
 *   when none has a position, otherwise only the new ones, the others staying fixed.
 * - board.relayout lays out everything again except pinned nodes.
 * - A case whose entities all have positions is never laid out by itself. */

typedef struct
{
  /* Weak: a layout still running must not keep the board (and, through its
   * template bindings, its window) alive after the window is closed. */
  GWeakRef     self;
  guint        generation;
  gboolean     everything;
  GHashTable  *unplaced;   /* entity ids without a position when the layout started */
} LayoutData;

static void
layout_data_free (LayoutData *data)
{
  g_weak_ref_clear (&data->self);
  g_clear_pointer (&data->unplaced, g_hash_table_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LayoutData, layout_data_free)

void
_rs_board_view_cancel_layout (RsBoardView *self)
{
  if (self->layout_cancellable != NULL)
    {
      g_cancellable_cancel (self->layout_cancellable);
      g_clear_object (&self->layout_cancellable);
    }

  /* Whatever is still running is stale now. */
  self->layout_generation++;
  if (self->layout_running)
    _rs_board_view_layout_state (self, FALSE, FALSE);
}

static gboolean
apply_result (RsBoardView     *self,
              LayoutData      *data,
              RsLayoutResult  *result,
              GError         **error)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (RsNodePlacement));
  g_autoptr(GArray) edges = g_array_new (FALSE, TRUE, sizeof (RsEdgePlacement));
  g_autoptr(GPtrArray) routes = g_ptr_array_new_with_free_func (g_free);
  guint n_nodes = rs_layout_result_get_n_nodes (result);
  guint n_edges = rs_layout_result_get_n_edges (result);

  for (guint i = 0; i < n_nodes; i++)
    {
      RsNodePlacement placement = { 0 };
      double width, height;
      RsEntity *entity;

      rs_layout_result_get_node (result, i, &placement.entity_id, &placement.x, &placement.y,
                                 &width, &height);

      /* The case may have changed while the layout ran. */
      if ((entity = rs_case_lookup_entity (self->kase, placement.entity_id)) == NULL)
        continue;

      placement.pinned = rs_entity_get_pinned (entity);

      if (data->everything)
        {
          /* Pinned nodes keep their place, whatever the engine did with them. */
          if (placement.pinned && rs_entity_get_has_position (entity))
            continue;
        }
      else if (!g_hash_table_contains (data->unplaced, &placement.entity_id) ||
               rs_entity_get_has_position (entity))
        continue;

      g_array_append_val (nodes, placement);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      RsEdgePlacement placement = { 0 };
      char *route;

      placement.relation_id = rs_layout_result_get_edge_id (result, i);
      if (rs_case_lookup_relation (self->kase, placement.relation_id) == NULL)
        continue;

      route = rs_layout_result_dup_route (result, i);
      if (route == NULL && !data->everything)
        continue;

      g_ptr_array_add (routes, route);
      placement.route = route;
      placement.has_label_position = route != NULL &&
        rs_layout_result_get_edge_label (result, i, &placement.label_x, &placement.label_y);
      g_array_append_val (edges, placement);
    }

  if (nodes->len == 0 && edges->len == 0)
    return TRUE;

  /* A read-only case, or a locked window, is laid out for the screen only. */
  if (rs_case_store_is_read_only (self->store) || self->locked)
    return rs_case_store_show_board (self->store,
                                     (const RsNodePlacement *)(gpointer)nodes->data, nodes->len,
                                     (const RsEdgePlacement *)(gpointer)edges->data, edges->len,
                                     error);
  return rs_case_store_set_board (self->store,
                                  (const RsNodePlacement *)(gpointer)nodes->data, nodes->len,
                                  (const RsEdgePlacement *)(gpointer)edges->data, edges->len,
                                  error);
}

static void
layout_done_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(LayoutData) data = user_data;
  g_autoptr(RsBoardView) self = g_weak_ref_get (&data->self);
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = rs_graph_layout_run_finish (res, &error);

  /* Replaced by a newer layout, or the board went away. */
  if (self == NULL || data->generation != self->layout_generation || self->store == NULL)
    return;

  g_clear_object (&self->layout_cancellable);
  g_clear_error (&self->layout_error);

  /* A board laid out anew is shown whole (its bounds can be anything now: circo draws
   * a ring several screens wide); placing a few entities leaves the view alone. */
  if (result == NULL || !apply_result (self, data, result, &error))
    self->layout_error = g_steal_pointer (&error);
  else if (data->everything)
    _rs_board_view_request_auto_view (self, RS_BOARD_AUTO_VIEW_FIT);

  _rs_board_view_layout_state (self, FALSE, FALSE);

  /* Entities that arrived while this layout ran. */
  _rs_board_view_maybe_layout (self);
}

/**
 * _rs_board_view_start_layout:
 * @everything: lay out every node but the pinned ones; otherwise place only the nodes
 *   without a position, keeping the others fixed
 */
void
_rs_board_view_start_layout (RsBoardView *self,
                             gboolean     everything)
{
  g_autoptr(RsLayoutRequest) request = NULL;
  LayoutData *data;
  guint n_nodes;

  if (self->scene == NULL || self->store == NULL)
    return;

  _rs_board_view_cancel_layout (self);

  n_nodes = rs_board_scene_get_n_nodes (self->scene);
  if (n_nodes == 0)
    return;

  /* Nothing placed yet: the whole board is new. */
  if (rs_board_scene_get_n_placed (self->scene) == 0)
    everything = TRUE;

  request = rs_layout_request_new (self->engine);
  data = g_new0 (LayoutData, 1);
  g_weak_ref_init (&data->self, self);
  data->everything = everything;
  data->unplaced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < n_nodes; i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (self->scene, i);
      gboolean placed = (node->flags & (RS_BOARD_ITEM_UNPLACED | RS_BOARD_ITEM_PROVISIONAL)) == 0;
      gboolean fixed = placed && (!everything || (node->flags & RS_BOARD_ITEM_PINNED));

      if (!placed)
        g_hash_table_add (data->unplaced, g_memdup2 (&node->id, sizeof node->id));
      rs_layout_request_add_node (request, node->id, node->width, node->height, fixed,
                                  placed ? node->x : 0, placed ? node->y : 0);
    }

  for (guint i = 0; i < rs_board_scene_get_n_edges (self->scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (self->scene, i);

      rs_layout_request_add_edge (request, edge->id,
                                  rs_board_scene_get_node (self->scene, edge->source)->id,
                                  rs_board_scene_get_node (self->scene, edge->target)->id,
                                  edge->label_width, edge->label_height, edge->directed);
    }

  rs_layout_request_set_place_new_only (request, !everything);

  self->layout_cancellable = g_cancellable_new ();
  data->generation = ++self->layout_generation;
  self->layout_count++;
  _rs_board_view_layout_state (self, TRUE, TRUE);

  rs_graph_layout_run_async (request, self->layout_cancellable, layout_done_cb, data);
}

/* After the case changed: place what has no place yet, unless that is under way. */
void
_rs_board_view_maybe_layout (RsBoardView *self)
{
  if (self->scene == NULL || self->store == NULL || self->layout_running)
    return;

  if (rs_board_scene_get_n_unplaced (self->scene) == 0)
    return;

  /* A failed layout is not retried on every change; board.relayout tries again. */
  if (self->layout_error != NULL)
    return;

  _rs_board_view_start_layout (self, FALSE);
}
