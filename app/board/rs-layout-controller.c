/* rs-layout-controller.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-layout-controller"

#include "config.h"

#include "rs-board-style.h"
#include "rs-error.h"
#include "rs-enum-types.h"
#include "rs-graph-layout.h"
#include "rs-layout-controller.h"

/* Laying out a case: which entities to place, what stays fixed, and the write-back of the
 * positions. The board view and `redstring-cli layout/export` share it, so the app and
 * the command line place a case alike.
 *
 * - A request is built from a scene, whose node and label sizes are what the board
 *   draws (the scene measured them with the board's style).
 * - Not everything: only the entities without a position are placed, the others stay
 *   fixed. Everything: all but the pinned entities move. A scene with no placed entity
 *   is always laid out whole.
 * - The result is written with one rs_case_store_set_board() call (one change, undone
 *   as one); a read-only store, or a controller told to show only, gets
 *   rs_case_store_show_board() instead: the case in memory moves, the file does not.
 * - A newer run, or rs_layout_controller_cancel(), cancels the running one, whose
 *   result is then never applied (its finish reports G_IO_ERROR_CANCELLED). */

struct _RsLayoutController
{
  GObject         parent_instance;

  /* Weak: a layout still running in a worker must not keep a closed case open. */
  GWeakRef        store;
  RsLayoutEngine  engine;
  gboolean        show_only;

  /* Owned: the cancellable of the running layout, NULL when none runs. */
  GCancellable   *cancellable;
  guint           generation;
  /* Owned: the result being written a slice at a time, NULL when none is. */
  struct _Apply  *apply;
};

G_DEFINE_FINAL_TYPE (RsLayoutController, rs_layout_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENGINE,
  PROP_SHOW_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  guint         generation;
  gboolean      everything;
  GHashTable   *unplaced;     /* entity ids without a position when the layout started */
  /* The caller's cancellable, forwarded to ours while the layout runs. */
  GCancellable *caller;
  gulong        caller_id;
} RunData;

static void
run_data_free (RunData *data)
{
  if (data->caller != NULL)
    g_cancellable_disconnect (data->caller, data->caller_id);
  g_clear_object (&data->caller);
  g_clear_pointer (&data->unplaced, g_hash_table_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RunData, run_data_free)

static void
rs_layout_controller_dispose (GObject *object)
{
  RsLayoutController *self = RS_LAYOUT_CONTROLLER (object);

  rs_layout_controller_cancel (self);

  G_OBJECT_CLASS (rs_layout_controller_parent_class)->dispose (object);
}

static void
rs_layout_controller_finalize (GObject *object)
{
  RsLayoutController *self = RS_LAYOUT_CONTROLLER (object);

  g_weak_ref_clear (&self->store);

  G_OBJECT_CLASS (rs_layout_controller_parent_class)->finalize (object);
}

static void
rs_layout_controller_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RsLayoutController *self = RS_LAYOUT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_take_object (value, rs_layout_controller_dup_store (self));
      break;

    case PROP_ENGINE:
      g_value_set_enum (value, rs_layout_controller_get_engine (self));
      break;

    case PROP_SHOW_ONLY:
      g_value_set_boolean (value, rs_layout_controller_get_show_only (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_layout_controller_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RsLayoutController *self = RS_LAYOUT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_weak_ref_set (&self->store, g_value_get_object (value));
      break;

    case PROP_ENGINE:
      rs_layout_controller_set_engine (self, g_value_get_enum (value));
      break;

    case PROP_SHOW_ONLY:
      rs_layout_controller_set_show_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_layout_controller_class_init (RsLayoutControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_layout_controller_dispose;
  object_class->finalize = rs_layout_controller_finalize;
  object_class->get_property = rs_layout_controller_get_property;
  object_class->set_property = rs_layout_controller_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ENGINE] =
    g_param_spec_enum ("engine", NULL, NULL,
                       RS_TYPE_LAYOUT_ENGINE, RS_LAYOUT_ENGINE_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_ONLY] =
    g_param_spec_boolean ("show-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_layout_controller_init (RsLayoutController *self)
{
  g_weak_ref_init (&self->store, NULL);
  self->engine = RS_LAYOUT_ENGINE_AUTO;
}

/**
 * rs_layout_controller_new:
 * @store: the case to lay out; the controller does not keep it open
 */
RsLayoutController *
rs_layout_controller_new (RsCaseStore *store)
{
  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);

  return g_object_new (RS_TYPE_LAYOUT_CONTROLLER, "store", store, NULL);
}

/* The store, or NULL once it is gone. */
RsCaseStore *
rs_layout_controller_dup_store (RsLayoutController *self)
{
  g_return_val_if_fail (RS_IS_LAYOUT_CONTROLLER (self), NULL);

  return g_weak_ref_get (&self->store);
}

RsLayoutEngine
rs_layout_controller_get_engine (RsLayoutController *self)
{
  g_return_val_if_fail (RS_IS_LAYOUT_CONTROLLER (self), RS_LAYOUT_ENGINE_AUTO);

  return self->engine;
}

/* The engine of the next run; a running layout keeps its own. */
void
rs_layout_controller_set_engine (RsLayoutController *self,
                                 RsLayoutEngine      engine)
{
  g_return_if_fail (RS_IS_LAYOUT_CONTROLLER (self));

  if (self->engine == engine)
    return;

  self->engine = engine;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

gboolean
rs_layout_controller_get_show_only (RsLayoutController *self)
{
  g_return_val_if_fail (RS_IS_LAYOUT_CONTROLLER (self), FALSE);

  return self->show_only;
}

/* Show only: results move the case in memory and are never written, as for a
 * read-only store (an export lays out what it draws and leaves the file alone). */
void
rs_layout_controller_set_show_only (RsLayoutController *self,
                                    gboolean            show_only)
{
  g_return_if_fail (RS_IS_LAYOUT_CONTROLLER (self));

  show_only = !!show_only;
  if (self->show_only == show_only)
    return;

  self->show_only = show_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ONLY]);
}

static void apply_abort (struct _Apply *apply);

/* Whatever runs is stale from now on: its result is never applied, and one being
 * written is rolled back (the case is as before it). */
void
rs_layout_controller_cancel (RsLayoutController *self)
{
  g_return_if_fail (RS_IS_LAYOUT_CONTROLLER (self));

  if (self->apply != NULL)
    apply_abort (g_steal_pointer (&self->apply));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  self->generation++;
}

/* The request for @scene, and what the write-back needs to know about it. */
static RsLayoutRequest *
build_request (RsLayoutController *self,
               RsBoardScene       *scene,
               gboolean            everything,
               RunData            *data)
{
  RsLayoutRequest *request = rs_layout_request_new (self->engine);
  guint n_nodes = rs_board_scene_get_n_nodes (scene);

  /* Nothing placed yet: the whole board is new. */
  if (rs_board_scene_get_n_placed (scene) == 0)
    everything = TRUE;

  data->everything = everything;
  data->unplaced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < n_nodes; i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      gboolean placed = (node->flags & (RS_BOARD_ITEM_UNPLACED | RS_BOARD_ITEM_PROVISIONAL)) == 0;
      gboolean fixed = placed && (!everything || (node->flags & RS_BOARD_ITEM_PINNED));

      if (!placed)
        g_hash_table_add (data->unplaced, g_memdup2 (&node->id, sizeof node->id));
      rs_layout_request_add_node (request, node->id, node->width, node->height, fixed,
                                  placed ? node->x : 0, placed ? node->y : 0);
    }

  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      rs_layout_request_add_edge (request, edge->id,
                                  rs_board_scene_get_node (scene, edge->source)->id,
                                  rs_board_scene_get_node (scene, edge->target)->id,
                                  edge->label_width, edge->label_height, edge->directed);
    }

  rs_layout_request_set_place_new_only (request, !everything);
  return request;
}

/* The case as the board draws it, unfiltered: what a layout without a scene places. */
static RsBoardScene *
build_case_scene (RsCaseStore *store)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);

  return rs_board_scene_new (rs_case_store_get_case (store), NULL, style);
}

/* Result node @i as a placement for @nodes, unless the case or the run says to leave
 * it where it is. */
static void
collect_node (RsCase         *kase,
              RunData        *data,
              RsLayoutResult *result,
              guint           i,
              GArray         *nodes)
{
  RsNodePlacement placement = { 0 };
  double width, height;
  RsEntity *entity;

  rs_layout_result_get_node (result, i, &placement.entity_id, &placement.x, &placement.y,
                             &width, &height);

  /* The case may have changed while the layout ran. */
  if ((entity = rs_case_lookup_entity (kase, placement.entity_id)) == NULL)
    return;

  placement.pinned = rs_entity_get_pinned (entity);

  if (data->everything)
    {
      /* Pinned nodes keep their place, whatever the engine did with them. */
      if (placement.pinned && rs_entity_get_has_position (entity))
        return;
    }
  else if (!g_hash_table_contains (data->unplaced, &placement.entity_id) ||
           rs_entity_get_has_position (entity))
    return;

  g_array_append_val (nodes, placement);
}

/* @laid_routes: (nullable): each edge's route as rs_layout_result_dup_route() writes it,
 * formatted by the worker; the route is taken from it. */
static void
collect_edge (RsCase         *kase,
              RunData        *data,
              RsLayoutResult *result,
              GPtrArray      *laid_routes,
              guint           i,
              GArray         *edges,
              GPtrArray      *routes)
{
  RsEdgePlacement placement = { 0 };
  char *route;

  placement.relation_id = rs_layout_result_get_edge_id (result, i);
  if (rs_case_lookup_relation (kase, placement.relation_id) == NULL)
    return;

  route = laid_routes != NULL ? g_steal_pointer (&g_ptr_array_index (laid_routes, i))
                              : rs_layout_result_dup_route (result, i);
  if (route == NULL && !data->everything)
    return;

  g_ptr_array_add (routes, route);
  placement.route = route;
  placement.has_label_position = route != NULL &&
    rs_layout_result_get_edge_label (result, i, &placement.label_x, &placement.label_y);
  g_array_append_val (edges, placement);
}

/* A read-only case is laid out for the screen (or the export) only. */
static gboolean
is_show_only (RsLayoutController *self,
              RsCaseStore        *store)
{
  return self->show_only || rs_case_store_is_read_only (store);
}

static gboolean
apply_result (RsLayoutController  *self,
              RsCaseStore         *store,
              RunData             *data,
              RsLayoutResult      *result,
              guint               *n_placed,
              GError             **error)
{
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (RsNodePlacement));
  g_autoptr(GArray) edges = g_array_new (FALSE, TRUE, sizeof (RsEdgePlacement));
  g_autoptr(GPtrArray) routes = g_ptr_array_new_with_free_func (g_free);
  guint n_nodes = rs_layout_result_get_n_nodes (result);
  guint n_edges = rs_layout_result_get_n_edges (result);
  gboolean ok;

  *n_placed = 0;

  for (guint i = 0; i < n_nodes; i++)
    collect_node (kase, data, result, i, nodes);
  for (guint i = 0; i < n_edges; i++)
    collect_edge (kase, data, result, NULL, i, edges, routes);

  if (nodes->len == 0 && edges->len == 0)
    return TRUE;

  if (is_show_only (self, store))
    ok = rs_case_store_show_board (store,
                                   (const RsNodePlacement *)(gpointer)nodes->data, nodes->len,
                                   (const RsEdgePlacement *)(gpointer)edges->data, edges->len,
                                   error);
  else
    ok = rs_case_store_set_board (store,
                                  (const RsNodePlacement *)(gpointer)nodes->data, nodes->len,
                                  (const RsEdgePlacement *)(gpointer)edges->data, edges->len,
                                  error);
  if (ok)
    *n_placed = nodes->len;
  return ok;
}

static gboolean
return_stale (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "%s", "The layout was cancelled");
  return FALSE;
}

/* What the worker hands back: the layout, and its routes already written out (some
 * 100,000 numbers at 20,000 entities, which the UI thread need not format). */
typedef struct
{
  RsLayoutResult *result;
  GPtrArray      *routes;
} Laid;

static void
laid_free (Laid *laid)
{
  g_clear_pointer (&laid->result, rs_layout_result_unref);
  g_clear_pointer (&laid->routes, g_ptr_array_unref);
  g_free (laid);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Laid, laid_free)

static void
layout_in_thread (GTask        *work,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RsLayoutRequest *request = task_data;
  g_autoptr(Laid) laid = g_new0 (Laid, 1);
  g_autoptr(GError) error = NULL;
  guint n_edges;

  laid->result = rs_graph_layout_run (request, cancellable, &error);

  /* GTask runs this even when the task was cancelled before it started, and has then
   * stored an error of its own, which only this call frees. */
  if (g_task_return_error_if_cancelled (work))
    return;
  if (laid->result == NULL)
    {
      g_task_return_error (work, g_steal_pointer (&error));
      return;
    }

  n_edges = rs_layout_result_get_n_edges (laid->result);
  laid->routes = g_ptr_array_new_full (n_edges, g_free);
  for (guint i = 0; i < n_edges; i++)
    g_ptr_array_add (laid->routes, rs_layout_result_dup_route (laid->result, i));

  g_task_return_pointer (work, g_steal_pointer (&laid), (GDestroyNotify) laid_free);
}

/* Writing a result a slice at a time on the main loop: about one frame's worth of
 * work between two looks at it (as a bundle import or a merge writes).
 *
 * - The placements are collected and their rows written in one transaction
 *   (rs_case_store_begin_board); a cancel rolls it back, leaving the case as it was.
 * - Once committed, the model follows a slice at a time, and the case announces it
 *   all at once at the end (the board follows then, in one go): a cancel can no
 *   longer take it back, and finishes it at once. */
#define APPLY_STEP  256
#define APPLY_USEC  (12 * G_TIME_SPAN_MILLISECOND)

typedef struct _Apply
{
  RsLayoutController *self;       /* borrowed: it aborts the apply before it goes */
  GTask              *task;       /* owned */
  RsCaseStore        *store;      /* owned */
  Laid               *laid;       /* owned */
  GArray             *nodes;      /* RsNodePlacement */
  GArray             *edges;      /* RsEdgePlacement */
  GPtrArray          *routes;     /* owns the edges' routes */
  guint               next_node;  /* in the result */
  guint               next_edge;
  guint               done_nodes; /* in nodes / edges: written, then placed */
  guint               done_edges;
  gboolean            show_only;
  gboolean            in_board;   /* the store's board write is ours */
  gboolean            committed;  /* its rows are in; the model is catching up */
  gboolean            begun;
  gboolean            finished;   /* all done but the announcement and the report */
  GError             *error;      /* owned: how it failed */
  guint               idle_id;
} Apply;

static gboolean
place_step (Apply  *apply,
            gint64  deadline)
{
  do
    {
      guint n_nodes = MIN (APPLY_STEP, apply->nodes->len - apply->done_nodes);
      guint n_edges = n_nodes > 0 ? 0 : MIN (APPLY_STEP, apply->edges->len - apply->done_edges);

      rs_case_store_place_board (apply->store,
                                 &g_array_index (apply->nodes, RsNodePlacement, apply->done_nodes),
                                 n_nodes,
                                 &g_array_index (apply->edges, RsEdgePlacement, apply->done_edges),
                                 n_edges);
      apply->done_nodes += n_nodes;
      apply->done_edges += n_edges;
      if (apply->done_nodes >= apply->nodes->len && apply->done_edges >= apply->edges->len)
        return TRUE;
    }
  while (deadline == 0 || g_get_monotonic_time () < deadline);

  return FALSE;
}

static void
apply_free (Apply *apply)
{
  g_clear_handle_id (&apply->idle_id, g_source_remove);
  if (apply->committed)
    {
      /* The file has it all: the model must too. */
      place_step (apply, 0);
      rs_case_store_end_board (apply->store);
    }
  else if (apply->in_board)
    rs_case_store_cancel_board (apply->store);
  g_clear_object (&apply->task);
  g_clear_object (&apply->store);
  g_clear_pointer (&apply->laid, laid_free);
  g_clear_pointer (&apply->nodes, g_array_unref);
  g_clear_pointer (&apply->edges, g_array_unref);
  g_clear_pointer (&apply->routes, g_ptr_array_unref);
  g_clear_error (&apply->error);
  g_free (apply);
}

/* Cancelled: rolled back (or finished, once committed), reported as stale. */
static void
apply_abort (Apply *apply)
{
  g_autoptr(GTask) task = g_steal_pointer (&apply->task);

  apply_free (apply);
  return_stale (task);
}

/* Over: the controller lets go of it before the case announces the layout, whose
 * handlers may start or cancel layouts. */
static void
apply_done (Apply *apply)
{
  RsLayoutController *self = apply->self;
  RunData *data = g_task_get_task_data (apply->task);
  g_autoptr(GTask) task = g_steal_pointer (&apply->task);
  g_autoptr(RsCaseStore) store = g_object_ref (apply->store);
  g_autoptr(GError) error = g_steal_pointer (&apply->error);
  gboolean announce = apply->committed;
  guint n_placed = apply->nodes->len;

  g_assert (self->apply == apply);
  self->apply = NULL;
  g_clear_object (&self->cancellable);
  apply->committed = FALSE;
  apply_free (apply);

  if (announce)
    rs_case_store_end_board (store);

  /* A newer run may have started from a handler of that. */
  if (data->generation != self->generation)
    return_stale (task);
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n_placed);
}

/* One slice: placements collected and written up to the deadline. Returns TRUE when
 * every placement is collected and written. */
static gboolean
collect_step (Apply    *apply,
              gint64    deadline,
              gboolean *done,
              GError  **error)
{
  RunData *data = g_task_get_task_data (apply->task);
  RsCase *kase = rs_case_store_get_case (apply->store);
  RsLayoutResult *result = apply->laid->result;
  guint n_nodes = rs_layout_result_get_n_nodes (result);
  guint n_edges = rs_layout_result_get_n_edges (result);

  do
    {
      guint stop;

      if (apply->next_node < n_nodes)
        {
          stop = MIN (n_nodes, apply->next_node + APPLY_STEP);
          for (; apply->next_node < stop; apply->next_node++)
            collect_node (kase, data, result, apply->next_node, apply->nodes);
        }
      else if (apply->next_edge < n_edges)
        {
          stop = MIN (n_edges, apply->next_edge + APPLY_STEP);
          for (; apply->next_edge < stop; apply->next_edge++)
            collect_edge (kase, data, result, apply->laid->routes, apply->next_edge,
                          apply->edges, apply->routes);
        }

      if (apply->in_board &&
          !rs_case_store_write_board (apply->store,
                                      &g_array_index (apply->nodes, RsNodePlacement,
                                                      apply->done_nodes),
                                      apply->nodes->len - apply->done_nodes,
                                      &g_array_index (apply->edges, RsEdgePlacement,
                                                      apply->done_edges),
                                      apply->edges->len - apply->done_edges,
                                      error))
        return FALSE;
      apply->done_nodes = apply->nodes->len;
      apply->done_edges = apply->edges->len;

      *done = apply->next_node >= n_nodes && apply->next_edge >= n_edges;
    }
  while (!*done && g_get_monotonic_time () < deadline);

  return TRUE;
}

/* Every placement collected: the rows committed, or, without a board write of ours,
 * the whole result applied at once. Returns TRUE when the apply is over. */
static gboolean
collect_finish (Apply    *apply,
                GError  **error)
{
  const RsNodePlacement *nodes = (const RsNodePlacement *)(gpointer)apply->nodes->data;
  const RsEdgePlacement *edges = (const RsEdgePlacement *)(gpointer)apply->edges->data;
  guint n_nodes = apply->nodes->len, n_edges = apply->edges->len;

  if (apply->in_board)
    {
      apply->in_board = FALSE;
      if (!rs_case_store_commit_board (apply->store, error))
        return TRUE;
      apply->committed = TRUE;
      apply->done_nodes = apply->done_edges = 0;
      return FALSE;
    }
  if (n_nodes == 0 && n_edges == 0)
    return TRUE;
  if (apply->show_only)
    rs_case_store_show_board (apply->store, nodes, n_nodes, edges, n_edges, error);
  else
    /* Inside another change (an import going a slice at a time): part of it. */
    rs_case_store_set_board (apply->store, nodes, n_nodes, edges, n_edges, error);
  return TRUE;
}

static void apply_finish_now (gpointer user_data);

/* One slice of the apply, or all that is left of it (@deadline 0). Returns TRUE when
 * only the announcement is left (apply->committed), or it failed (apply->error). */
static gboolean
apply_run (Apply  *apply,
           gint64  deadline)
{
  gboolean done = FALSE;

  /* Begun in the first slice, not before: a small result is written in one, and the
   * file is never locked between two turns of the main loop for it. */
  if (!apply->begun)
    {
      g_autoptr(GError) error = NULL;

      apply->begun = TRUE;
      if (!apply->show_only)
        apply->in_board = rs_case_store_begin_board (apply->store, apply_finish_now, apply,
                                                     &error);
      /* Busy: another change is open; the layout joins it at the end, as a whole. */
      if (!apply->show_only && !apply->in_board &&
          !g_error_matches (error, RS_ERROR, RS_ERROR_BUSY))
        {
          apply->error = g_steal_pointer (&error);
          return TRUE;
        }
    }

  if (!apply->committed)
    {
      if (!collect_step (apply, deadline == 0 ? G_MAXINT64 : deadline, &done, &apply->error))
        {
          /* Nothing of it is kept. */
          if (apply->in_board)
            rs_case_store_cancel_board (apply->store);
          apply->in_board = FALSE;
          return TRUE;
        }
      if (!done)
        return FALSE;
      if (collect_finish (apply, &apply->error))
        return TRUE;
      if (deadline != 0 && g_get_monotonic_time () >= deadline)
        return FALSE;
    }
  return place_step (apply, deadline);
}

static gboolean
apply_slice_cb (gpointer user_data)
{
  Apply *apply = user_data;

  if (!apply->finished && !apply_run (apply, g_get_monotonic_time () + APPLY_USEC))
    return G_SOURCE_CONTINUE;

  apply->idle_id = 0;
  apply_done (apply);
  return G_SOURCE_REMOVE;
}

/* Another write to the store came while this one was being written: all of it now,
 * announced at once; reported from the main loop, after that write. */
static void
apply_finish_now (gpointer user_data)
{
  Apply *apply = user_data;
  g_autoptr(RsCaseStore) store = g_object_ref (apply->store);

  if (apply->finished)
    return;
  apply_run (apply, 0);
  apply->finished = TRUE;
  if (apply->committed)
    {
      apply->committed = FALSE;
      /* Last: a handler may cancel and free the apply. */
      rs_case_store_end_board (store);
    }
}

static void
layout_done_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RsLayoutController *self = g_task_get_source_object (task);
  RunData *data = g_task_get_task_data (task);
  g_autoptr(Laid) laid = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Apply *apply;

  laid = g_task_propagate_pointer (G_TASK (res), &error);

  /* Replaced by a newer layout or cancelled, or the case went away. */
  if (data->generation != self->generation ||
      (store = g_weak_ref_get (&self->store)) == NULL)
    {
      return_stale (task);
      return;
    }

  if (laid == NULL)
    {
      g_clear_object (&self->cancellable);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_assert (self->apply == NULL);
  apply = g_new0 (Apply, 1);
  apply->self = self;
  apply->task = g_steal_pointer (&task);
  apply->store = g_steal_pointer (&store);
  apply->laid = g_steal_pointer (&laid);
  apply->nodes = g_array_new (FALSE, TRUE, sizeof (RsNodePlacement));
  apply->edges = g_array_new (FALSE, TRUE, sizeof (RsEdgePlacement));
  apply->routes = g_ptr_array_new_with_free_func (g_free);
  apply->show_only = is_show_only (self, apply->store);
  self->apply = apply;

  /* The first slice at once: a small result is applied in it, as it always was. The
   * rest in an idle, below redrawing and input: frames go on between slices (the
   * board draws none of the result before it is whole). */
  if (apply_run (apply, g_get_monotonic_time () + APPLY_USEC))
    {
      apply_done (apply);
      return;
    }
  apply->idle_id = g_idle_add (apply_slice_cb, apply);
}

static void
forward_cancel_cb (GCancellable *caller,
                   GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

/**
 * rs_layout_controller_run_async:
 * @scene: (nullable): what to lay out, as drawn (sizes of nodes and labels); NULL for
 *   the whole case unfiltered with the board's style
 * @everything: lay out every entity but the pinned ones; otherwise place only the
 *   entities without a position, keeping the others fixed
 *
 * Lays the case out in a worker thread and applies the result on the calling thread's
 * main context. Cancels the run before this one.
 */
void
rs_layout_controller_run_async (RsLayoutController  *self,
                                RsBoardScene        *scene,
                                gboolean             everything,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) work = NULL;
  g_autoptr(RsLayoutRequest) request = NULL;
  g_autoptr(RsBoardScene) case_scene = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  RunData *data;

  g_return_if_fail (RS_IS_LAYOUT_CONTROLLER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  rs_layout_controller_cancel (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_layout_controller_run_async);

  if ((store = g_weak_ref_get (&self->store)) == NULL)
    {
      return_stale (task);
      return;
    }
  if (scene == NULL)
    scene = case_scene = build_case_scene (store);

  data = g_new0 (RunData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  request = build_request (self, scene, everything, data);
  data->generation = ++self->generation;

  if (rs_layout_request_get_n_nodes (request) == 0)
    {
      g_task_return_int (task, 0);
      return;
    }

  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->caller = g_object_ref (cancellable);
      data->caller_id = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb),
                                               g_object_ref (self->cancellable), g_object_unref);
    }

  /* As rs_graph_layout_run_async(), plus the routes: a cancelled layout calls back at
   * once, even while Graphviz is still busy (its result is then dropped). */
  work = g_task_new (NULL, self->cancellable, layout_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (work, rs_layout_controller_run_async);
  g_task_set_name (work, "rs_layout_controller_run_async");
  g_task_set_task_data (work, g_steal_pointer (&request), (GDestroyNotify) rs_layout_request_unref);
  g_task_set_return_on_cancel (work, TRUE);
  g_task_run_in_thread (work, layout_in_thread);
}

/**
 * rs_layout_controller_run_finish:
 * @n_placed: (out) (optional): how many entities got a position
 *
 * Returns: %TRUE when the layout was applied (or had nothing to place); %FALSE with
 *   G_IO_ERROR_CANCELLED for a layout that was cancelled or replaced by a newer one.
 */
gboolean
rs_layout_controller_run_finish (RsLayoutController  *self,
                                 GAsyncResult        *result,
                                 guint               *n_placed,
                                 GError             **error)
{
  gssize n;

  g_return_val_if_fail (RS_IS_LAYOUT_CONTROLLER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n_placed != NULL)
    *n_placed = n < 0 ? 0 : (guint) n;
  return n >= 0;
}

/**
 * rs_layout_controller_run:
 *
 * The same as rs_layout_controller_run_async(), on the calling thread (the command
 * line). Cancels a layout running in the background.
 */
gboolean
rs_layout_controller_run (RsLayoutController  *self,
                          RsBoardScene        *scene,
                          gboolean             everything,
                          GCancellable        *cancellable,
                          guint               *n_placed,
                          GError             **error)
{
  g_autoptr(RsLayoutRequest) request = NULL;
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(RsBoardScene) case_scene = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RunData) data = g_new0 (RunData, 1);
  guint placed = 0;

  g_return_val_if_fail (RS_IS_LAYOUT_CONTROLLER (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rs_layout_controller_cancel (self);
  if (n_placed != NULL)
    *n_placed = 0;

  if ((store = g_weak_ref_get (&self->store)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The case was closed");
      return FALSE;
    }
  if (scene == NULL)
    scene = case_scene = build_case_scene (store);

  request = build_request (self, scene, everything, data);
  if (rs_layout_request_get_n_nodes (request) == 0)
    return TRUE;

  if (!(result = rs_graph_layout_run (request, cancellable, error)))
    return FALSE;
  if (!apply_result (self, store, data, result, &placed, error))
    return FALSE;
  if (n_placed != NULL)
    *n_placed = placed;
  return TRUE;
}
