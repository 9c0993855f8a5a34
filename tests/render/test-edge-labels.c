/* test-edge-labels.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rs-board-geometry.h"
#include "rs-board-painter.h"
#include "rs-board-scene.h"
#include "rs-graph-layout.h"
#include "rs-layout-request.h"
#include "rs-layout-result.h"
#include "rs-render-test-utils.h"
#include "rs-test-utils.h"

/* Issue "first five minutes", item 6: where the scene puts edge labels. A shown label sits
 * on or beside its own edge, clear of every node and of every other shown label; a label
 * with no such place is not drawn in the board's picture (the overlay draws it on hover or
 * selection). */

/* How much of the sample's labels must show at the first view, so that hiding them all is
 * not a fix. The sample shows 39 of 58 (67%); a denser layout would show more but not
 * open legible (see DOT_COMPACT_MAX_NODES in rs-graph-layout.c). */
#define MIN_SHOWN_FRACTION 0.65

static RsBoardScene *
build (RsCaseStore *store)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);

  return rs_board_scene_new (rs_case_store_get_case (store), NULL, style);
}

/* As the board view does for a new board (rs-board-view-layout.c): the scene's measured
 * sizes go to the engine, and its result is stored, routes and label positions included. */
static void
lay_out (RsCaseStore    *store,
         RsLayoutEngine  engine)
{
  g_autoptr(RsBoardScene) scene = build (store);
  g_autoptr(RsLayoutRequest) request = rs_layout_request_new (engine);
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (RsNodePlacement));
  g_autoptr(GArray) edges = g_array_new (FALSE, TRUE, sizeof (RsEdgePlacement));
  g_autoptr(GPtrArray) routes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      rs_layout_request_add_node (request, node->id, node->width, node->height, FALSE, 0, 0);
    }
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      rs_layout_request_add_edge (request, edge->id,
                                  rs_board_scene_get_node (scene, edge->source)->id,
                                  rs_board_scene_get_node (scene, edge->target)->id,
                                  edge->label_width, edge->label_height, edge->directed);
    }

  result = rs_graph_layout_run (request, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  for (guint i = 0; i < rs_layout_result_get_n_nodes (result); i++)
    {
      RsNodePlacement placement = { 0 };

      rs_layout_result_get_node (result, i, &placement.entity_id, &placement.x, &placement.y,
                                 NULL, NULL);
      g_array_append_val (nodes, placement);
    }
  for (guint i = 0; i < rs_layout_result_get_n_edges (result); i++)
    {
      RsEdgePlacement placement = { 0 };
      char *route = rs_layout_result_dup_route (result, i);

      placement.relation_id = rs_layout_result_get_edge_id (result, i);
      placement.route = route;
      placement.has_label_position = route != NULL &&
        rs_layout_result_get_edge_label (result, i, &placement.label_x, &placement.label_y);
      g_ptr_array_add (routes, route);
      g_array_append_val (edges, placement);
    }

  g_assert_true (rs_case_store_set_board (store,
                                          (const RsNodePlacement *)(gpointer)nodes->data,
                                          nodes->len,
                                          (const RsEdgePlacement *)(gpointer)edges->data,
                                          edges->len, &error));
  g_assert_no_error (error);
}

static void
label_rect (const RsBoardEdge *edge,
            RsBoardRect       *rect)
{
  *rect = (RsBoardRect) { edge->label_x - edge->label_width / 2,
                          edge->label_y - edge->label_height / 2,
                          edge->label_width, edge->label_height };
}

/* Overlap of more than a hair: rectangles that only touch do not overlap. */
static gboolean
overlap (const RsBoardRect *a,
         const RsBoardRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0.5 && h > 0.5;
}

static double
distance_to_rect (const RsBoardRect *rect,
                  double             x,
                  double             y)
{
  double dx = MAX (MAX (rect->x - x, 0), x - (rect->x + rect->width));
  double dy = MAX (MAX (rect->y - y, 0), y - (rect->y + rect->height));

  return hypot (dx, dy);
}

/* How far the label is from the nearest point of its edge's drawn path (0 if it covers it). */
static double
distance_to_own_path (const RsBoardEdge *edge)
{
  RsBoardRect rect;
  double best = G_MAXDOUBLE;

  label_rect (edge, &rect);
  for (guint k = 0; k + 3 < edge->n_points; k += 3)
    for (guint step = 0; step <= 64; step++)
      {
        double x, y;

        rs_board_bezier_point (edge->points + 2 * k, step / 64.0, &x, &y);
        best = MIN (best, distance_to_rect (&rect, x, y));
      }
  return best;
}

static gboolean
label_shown (const RsBoardEdge *edge)
{
  return edge->label_width > 0 &&
         (edge->flags & (RS_BOARD_ITEM_NOT_DRAWN | RS_BOARD_ITEM_LABEL_HIDDEN)) == 0;
}

/* (a) clear of every node, (b) of every other shown label, (c) on or beside its own edge.
 * Returns how many labels show. */
static guint
check_shown_labels (RsBoardScene *scene)
{
  guint n_shown = 0;

  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      RsBoardRect rect;

      if (!label_shown (edge))
        continue;
      n_shown++;
      label_rect (edge, &rect);

      for (guint n = 0; n < rs_board_scene_get_n_nodes (scene); n++)
        {
          RsBoardRect node;

          if (rs_board_scene_get_node (scene, n)->flags & RS_BOARD_ITEM_NOT_DRAWN)
            continue;
          rs_board_scene_get_node_rect (scene, n, &node);
          if (overlap (&rect, &node))
            g_error ("label “%s” (%g, %g) is under node “%s”", edge->label, edge->label_x,
                     edge->label_y, rs_board_scene_get_node (scene, n)->label);
        }

      for (guint j = i + 1; j < rs_board_scene_get_n_edges (scene); j++)
        {
          const RsBoardEdge *other = rs_board_scene_get_edge (scene, j);
          RsBoardRect other_rect;

          if (!label_shown (other))
            continue;
          label_rect (other, &other_rect);
          if (overlap (&rect, &other_rect))
            g_error ("labels “%s” and “%s” overlap", edge->label, other->label);
        }

      if (distance_to_own_path (edge) > edge->label_height)
        g_error ("label “%s” is %g from its edge", edge->label, distance_to_own_path (edge));
    }

  return n_shown;
}

static void
test_sample_dot (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("edge-labels.redstring");
  g_autoptr(RsBoardScene) scene = NULL;
  guint n_labelled = 0, n_shown;

  lay_out (store, RS_LAYOUT_ENGINE_DOT);
  scene = build (store);

  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      g_assert_true (edge->flags & RS_BOARD_ITEM_ROUTED);
      if (edge->label_width > 0)
        n_labelled++;
    }
  g_assert_cmpuint (n_labelled, >=, 50);

  n_shown = check_shown_labels (scene);
  {
    RsBoardRect bounds;

    rs_board_scene_get_bounds (scene, &bounds);
    g_test_message ("%u of %u labels shown, board %g × %g", n_shown, n_labelled,
                    bounds.width, bounds.height);
  }
  g_assert_cmpfloat ((double)n_shown, >=, MIN_SHOWN_FRACTION * n_labelled);
}

/* The other engines put labels beside their edges (neato) and on big boards (sfdp): the
 * same rules hold, whatever the engine stored. */
static void
test_sample_neato (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("edge-labels-neato.redstring");
  g_autoptr(RsBoardScene) scene = NULL;

  lay_out (store, RS_LAYOUT_ENGINE_NEATO);
  scene = build (store);
  g_assert_cmpuint (check_shown_labels (scene), >, 0);
}

/* Two nodes almost touching and a long label between them: the label is never drawn under
 * either, whether the edge between them is level or upright. */
static void
test_short_edge (void)
{
  struct {
    double dx;
    double dy;
  } gaps[] = {
    { 1, 0 },   /* side by side, 20 points apart */
    { 0, 1 },   /* one above the other */
    { 0.7, 0.7 },
  };

  for (guint g = 0; g < G_N_ELEMENTS (gaps); g++)
    {
      g_autofree char *name = g_strdup_printf ("short-edge-%u.redstring", g);
      g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
      g_autoptr(RsBoardScene) scene = NULL;
      g_autoptr(RsRelation) draft = rs_relation_new (0);
      g_autoptr(GError) error = NULL;
      RsEntity *a = rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, "Katsunobu Kato");
      RsEntity *b = rs_test_add_entity (store, RS_ENTITY_KIND_ORGANIZATION,
                                        "Tokyo Metropolitan Police Department");
      RsNodePlacement nodes[2];
      const RsBoardEdge *edge;
      const RsBoardNode *na, *nb;

      rs_relation_set_source_id (draft, rs_entity_get_id (a));
      rs_relation_set_target_id (draft, rs_entity_get_id (b));
      rs_relation_set_directed (draft, TRUE);
      rs_relation_set_label (draft, "referred the case of the unnamed systems engineer to");
      g_assert_nonnull (rs_case_store_add_relation (store, draft, &error));
      g_assert_no_error (error);

      /* Measure first, then put the boxes 20 points apart along the direction. */
      scene = build (store);
      na = rs_board_scene_get_node (scene, 0);
      nb = rs_board_scene_get_node (scene, 1);
      nodes[0] = (RsNodePlacement) { rs_entity_get_id (a), 0, 0, FALSE };
      nodes[1] = (RsNodePlacement) {
        rs_entity_get_id (b),
        gaps[g].dx * ((na->width + nb->width) / 2 + 20),
        gaps[g].dy * ((na->height + nb->height) / 2 + 20),
        FALSE,
      };
      g_clear_pointer (&scene, rs_board_scene_unref);
      g_assert_true (rs_case_store_set_board (store, nodes, 2, NULL, 0, &error));
      g_assert_no_error (error);

      scene = build (store);
      g_assert_cmpuint (rs_board_scene_get_n_edges (scene), ==, 1);
      edge = rs_board_scene_get_edge (scene, 0);
      g_assert_cmpfloat (edge->label_width, >, 100);
      check_shown_labels (scene);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/edge-labels/sample-dot", test_sample_dot);
  g_test_add_func ("/render/edge-labels/sample-neato", test_sample_neato);
  g_test_add_func ("/render/edge-labels/short-edge", test_short_edge);

  return g_test_run ();
}
