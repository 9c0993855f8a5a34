/* test-board-geometry.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rs-board-geometry.h"
#include "rs-board-scene.h"
#include "rs-render-test-utils.h"
#include "rs-test-utils.h"

typedef struct
{
  RsCaseStore  *store;
  RsBoardScene *scene;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);

  fixture->store = rs_test_open_sample_case ("geometry.redstring");
  rs_render_test_place_grid (fixture->store, 6, 260, 100);
  fixture->scene = rs_board_scene_new (rs_case_store_get_case (fixture->store), NULL, style);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->scene, rs_board_scene_unref);
  g_assert_finalize_object (fixture->store);
}

static void
test_viewport (void)
{
  RsBoardViewport vp = { 2.0, 100, 50 };
  RsBoardRect rect = { 0, 0, 1000, 500 }, visible;
  double wx, wy, bx, by;

  rs_board_viewport_to_widget (&vp, 150, 75, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 50, 1e-9);
  rs_board_viewport_to_board (&vp, wx, wy, &bx, &by);
  g_assert_cmpfloat_with_epsilon (bx, 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (by, 75, 1e-9);

  /* Zooming around the pointer keeps the board point under it. */
  rs_board_viewport_to_board (&vp, 320, 240, &bx, &by);
  rs_board_viewport_zoom_at (&vp, 0.5, 320, 240);
  rs_board_viewport_to_widget (&vp, bx, by, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 320, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 240, 1e-9);

  /* Fit: limited by the width here, centred, with the margin kept. */
  rs_board_viewport_fit (&vp, &rect, 800, 800, 20, 0.01, 4);
  g_assert_cmpfloat_with_epsilon (vp.scale, 760.0 / 1000, 1e-9);
  rs_board_viewport_to_widget (&vp, 500, 250, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 400, 1e-9);
  rs_board_viewport_get_visible (&vp, 800, 800, &visible);
  g_assert_true (rs_board_rect_contains_rect (&visible, &rect));

  /* Fitting a single point is capped by the maximum zoom. */
  rect = (RsBoardRect) { 10, 10, 0, 0 };
  rs_board_viewport_fit (&vp, &rect, 800, 600, 20, 0.01, 4);
  g_assert_cmpfloat (vp.scale, ==, 4);
}

static void
test_clip (void)
{
  RsBoardRect rect = { -50, -20, 100, 40 };
  double x, y;

  g_assert_true (rs_board_clip_to_rect (&rect, 0, 0, 200, 0, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-9);

  g_assert_true (rs_board_clip_to_rect (&rect, 0, 0, 100, 100, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 20, 1e-9);

  /* The far point is inside: nothing to clip. */
  g_assert_false (rs_board_clip_to_rect (&rect, 0, 0, 10, 5, &x, &y));
}

static void
test_clip_segment (void)
{
  RsBoardRect rect = { 0, 0, 100, 50 };
  double x1 = -100, y1 = 25, x2 = 300, y2 = 25, t1, t2;
  double curve[8] = { 0, 0, 0, 100, 100, 100, 100, 0 };
  double line[8] = { 0, 0, 10, 0, 20, 0, 30, 0 };
  double a[8], b[8], x, y;

  /* Across: cut at both sides, with the parameters of the cuts. */
  g_assert_true (rs_board_clip_segment (&rect, &x1, &y1, &x2, &y2, &t1, &t2));
  g_assert_cmpfloat_with_epsilon (x1, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (x2, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (t1, 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (t2, 0.5, 1e-9);

  /* Outside, parallel to a side or not. */
  x1 = -10, y1 = 60, x2 = 200, y2 = 60;
  g_assert_false (rs_board_clip_segment (&rect, &x1, &y1, &x2, &y2, NULL, NULL));
  x1 = 90, y1 = -30, x2 = 130, y2 = 10;
  g_assert_false (rs_board_clip_segment (&rect, &x1, &y1, &x2, &y2, NULL, NULL));

  /* Inside: untouched. */
  x1 = 10, y1 = 10, x2 = 20, y2 = 40;
  g_assert_true (rs_board_clip_segment (&rect, &x1, &y1, &x2, &y2, &t1, &t2));
  g_assert_cmpfloat (x1, ==, 10);
  g_assert_cmpfloat (y2, ==, 40);
  g_assert_cmpfloat (t1, ==, 0);
  g_assert_cmpfloat (t2, ==, 1);

  /* A split curve is the same curve: its halves meet on it. */
  rs_board_bezier_split (curve, 0.3, a, b);
  rs_board_bezier_point (curve, 0.3, &x, &y);
  g_assert_cmpfloat_with_epsilon (a[6], x, 1e-9);
  g_assert_cmpfloat_with_epsilon (b[1], y, 1e-9);
  g_assert_cmpfloat (b[6], ==, 100);

  /* Lengths: exact for a straight piece, additive over a split, between chord and hull. */
  g_assert_cmpfloat_with_epsilon (rs_board_bezier_length (line), 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (rs_board_bezier_length (a) + rs_board_bezier_length (b),
                                  rs_board_bezier_length (curve), 0.05);
  g_assert_cmpfloat (rs_board_bezier_length (curve), >, 100);
  g_assert_cmpfloat (rs_board_bezier_length (curve), <, 300);
}

static void
test_rect_maths (void)
{
  RsBoardRect a = { 0, 0, 10, 10 }, b = { 20, 20, 5, 5 }, c;

  g_assert_false (rs_board_rect_intersects (&a, &b));
  rs_board_rect_union (&a, &b);
  g_assert_cmpfloat (a.width, ==, 25);
  g_assert_true (rs_board_rect_intersects (&a, &b));
  rs_board_rect_normalize (&c, 10, 10, -10, 5);
  g_assert_cmpfloat (c.x, ==, -10);
  g_assert_cmpfloat (c.y, ==, 5);
  g_assert_cmpfloat (c.width, ==, 20);
  g_assert_cmpfloat (c.height, ==, 5);
}

static void
test_hit_node (Fixture       *fixture,
               gconstpointer  user_data)
{
  gint64 tick = rs_render_test_entity_id (fixture->store, "Tick");
  guint index;
  const RsBoardNode *node;
  RsTarget target = RS_TARGET_CASE;
  gint64 id = 0;

  g_assert_true (rs_board_scene_lookup_node (fixture->scene, tick, &index));
  node = rs_board_scene_get_node (fixture->scene, index);

  g_assert_true (rs_board_hit_test (fixture->scene, node->x, node->y, 4, &target, &id));
  g_assert_cmpint (target, ==, RS_TARGET_ENTITY);
  g_assert_cmpint (id, ==, tick);

  /* Near a corner, inside. */
  g_assert_true (rs_board_hit_test (fixture->scene, node->x - node->width / 2 + 1,
                                    node->y + node->height / 2 - 1, 4, &target, &id));
  g_assert_cmpint (id, ==, tick);
}

static void
test_hit_edge (Fixture       *fixture,
               gconstpointer  user_data)
{
  guint checked = 0;

  for (guint i = 0; i < rs_board_scene_get_n_edges (fixture->scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (fixture->scene, i);
      double x, y, dx, dy, len;
      RsTarget target = RS_TARGET_CASE;
      gint64 id = 0;
      RsTarget other_target;
      gint64 other_id;

      /* A point on the curve, a little off it, away from its label and its nodes. */
      rs_board_bezier_point (edge->points, 0.3, &x, &y);
      rs_board_bezier_tangent (edge->points, 0.3, &dx, &dy);
      len = hypot (dx, dy);
      x += -dy / len * 2;
      y += dx / len * 2;

      if (rs_board_hit_test (fixture->scene, x, y, 0.01, &other_target, &other_id) &&
          other_target == RS_TARGET_ENTITY)
        continue;

      g_assert_true (rs_board_hit_test (fixture->scene, x, y, 4, &target, &id));
      g_assert_cmpint (target, ==, RS_TARGET_RELATION);

      /* Edges may cross: the nearest one wins, and it must be at most as far as ours. */
      if (id != edge->id)
        {
          const RsBoardEdge *winner;
          RsBoardRect label;
          guint other;

          g_assert_true (rs_board_scene_lookup_edge (fixture->scene, id, &other));
          winner = rs_board_scene_get_edge (fixture->scene, other);
          label = (RsBoardRect) { winner->label_x - winner->label_width / 2,
                                  winner->label_y - winner->label_height / 2,
                                  winner->label_width, winner->label_height };
          g_assert_true (rs_board_rect_contains_point (&label, x, y) ||
                         rs_board_distance_to_path (winner->points, winner->n_points, x,
                                                    y) <= 2.0 + 1e-6);
        }
      else
        checked++;

      /* Its label hits it too. */
      g_assert_true (rs_board_hit_test (fixture->scene, edge->label_x, edge->label_y, 4, &target,
                                        &id));
    }

  g_assert_cmpuint (checked, >, 30);
}

static void
test_hit_nothing (Fixture       *fixture,
                  gconstpointer  user_data)
{
  RsBoardRect bounds;
  RsTarget target = RS_TARGET_QUOTE;
  gint64 id = 42;

  g_assert_true (rs_board_scene_get_bounds (fixture->scene, &bounds));
  g_assert_false (rs_board_hit_test (fixture->scene, bounds.x - 500, bounds.y - 500, 4, &target,
                                     &id));
  g_assert_false (rs_board_hit_test (fixture->scene, bounds.x + bounds.width + 100, 0, 4, NULL,
                                     NULL));

  /* Untouched on a miss. */
  g_assert_cmpint (target, ==, RS_TARGET_QUOTE);
  g_assert_cmpint (id, ==, 42);
}

static void
test_pick_rect (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (guint));
  /* The first row of the grid: six nodes at y = 0. */
  RsBoardRect band = { -200, -5, 6 * 260 + 200, 10 };

  rs_board_pick_rect (fixture->scene, &band, picked);
  g_assert_cmpuint (picked->len, ==, 6);
  for (guint i = 0; i < picked->len; i++)
    g_assert_cmpfloat (rs_board_scene_get_node (fixture->scene, g_array_index (picked, guint,
                                                                               i))->y, ==, 0);
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  user_data)
{
  guint first, next, result;
  guint n = rs_board_scene_get_n_nodes (fixture->scene);
  guint visited = 1;

  /* Grid: index i sits at column i % 6, row i / 6. */
  g_assert_true (rs_board_find_node_in_direction (fixture->scene, 7, 1, 0, &result));
  g_assert_cmpuint (result, ==, 8);
  g_assert_true (rs_board_find_node_in_direction (fixture->scene, 7, -1, 0, &result));
  g_assert_cmpuint (result, ==, 6);
  g_assert_true (rs_board_find_node_in_direction (fixture->scene, 7, 0, 1, &result));
  g_assert_cmpuint (result, ==, 13);
  g_assert_true (rs_board_find_node_in_direction (fixture->scene, 7, 0, -1, &result));
  g_assert_cmpuint (result, ==, 1);
  g_assert_false (rs_board_find_node_in_direction (fixture->scene, 0, 0, -1, &result));

  /* Tab goes through every node once, in reading order, then lets focus leave. */
  g_assert_true (rs_board_find_node_in_order (fixture->scene, FALSE, 0, TRUE, &first));
  g_assert_cmpuint (first, ==, 0);
  while (rs_board_find_node_in_order (fixture->scene, TRUE, first, TRUE, &next))
    {
      g_assert_cmpuint (next, ==, first + 1);
      first = next;
      visited++;
    }
  g_assert_cmpuint (visited, ==, n);
  g_assert_true (rs_board_find_node_in_order (fixture->scene, FALSE, 0, FALSE, &result));
  g_assert_cmpuint (result, ==, n - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/geometry/viewport", test_viewport);
  g_test_add_func ("/render/geometry/clip", test_clip);
  g_test_add_func ("/render/geometry/clip-segment", test_clip_segment);
  g_test_add_func ("/render/geometry/rect", test_rect_maths);
  g_test_add ("/render/geometry/hit-node", Fixture, NULL, fixture_set_up, test_hit_node,
              fixture_tear_down);
  g_test_add ("/render/geometry/hit-edge", Fixture, NULL, fixture_set_up, test_hit_edge,
              fixture_tear_down);
  g_test_add ("/render/geometry/hit-nothing", Fixture, NULL, fixture_set_up, test_hit_nothing,
              fixture_tear_down);
  g_test_add ("/render/geometry/pick-rect", Fixture, NULL, fixture_set_up, test_pick_rect,
              fixture_tear_down);
  g_test_add ("/render/geometry/navigation", Fixture, NULL, fixture_set_up, test_navigation,
              fixture_tear_down);

  return g_test_run ();
}
