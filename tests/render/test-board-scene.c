/* test-board-scene.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-board-filter.h"
#include "rs-board-geometry.h"
#include "rs-case-edit.h"
#include "rs-undo-stack.h"
#include "rs-board-scene.h"
#include "rs-render-test-utils.h"
#include "rs-test-utils.h"
#include "rs-text.h"

#define N_LARGE 20000

static RsBoardScene *
build (RsCaseStore *store)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);

  return rs_board_scene_new (rs_case_store_get_case (store), NULL, style);
}

static double
distance_to_border (const RsBoardRect *rect,
                    double             x,
                    double             y)
{
  double x2 = rect->x + rect->width, y2 = rect->y + rect->height;

  return MIN (MIN (rs_board_distance_to_segment (x, y, rect->x, rect->y, x2, rect->y),
                   rs_board_distance_to_segment (x, y, x2, rect->y, x2, y2)),
              MIN (rs_board_distance_to_segment (x, y, x2, y2, rect->x, y2),
                   rs_board_distance_to_segment (x, y, rect->x, y2, rect->x, rect->y)));
}

static void
test_unplaced (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("unplaced.redstring");
  g_autoptr(RsBoardScene) scene = build (store);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  RsBoardRect everything = { -1e6, -1e6, 2e6, 2e6 };

  g_assert_cmpuint (rs_board_scene_get_n_nodes (scene), ==, 38);
  g_assert_cmpuint (rs_board_scene_get_n_edges (scene), ==, 58);
  g_assert_cmpuint (rs_board_scene_get_n_unplaced (scene), ==, 38);
  g_assert_cmpuint (rs_board_scene_get_n_placed (scene), ==, 0);
  g_assert_false (rs_board_scene_get_bounds (scene, NULL));

  /* Sizes are known before any layout: the layout request needs them. */
  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      g_assert_true (node->flags & RS_BOARD_ITEM_UNPLACED);
      g_assert_cmpfloat (node->width, >=, 60);
      g_assert_cmpfloat (node->height, >=, RS_BOARD_NODE_MIN_HEIGHT);
    }
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    g_assert_true (rs_board_scene_get_edge (scene, i)->flags & RS_BOARD_ITEM_UNPLACED);

  rs_board_scene_query_nodes (scene, &everything, found);
  rs_board_scene_query_edges (scene, &everything, found);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_placed (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("placed.redstring");
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  gint64 tokyo, engineer;
  double first_x = 0, first_y = 0;
  guint n_parallel = 0;
  RsBoardRect bounds;

  rs_render_test_place_grid (store, 6, 260, 100);
  scene = build (store);
  tokyo = rs_render_test_entity_id (store, "Tokyo Metropolitan Police Department");
  engineer = rs_render_test_entity_id (store, "Unnamed Chinese systems engineer (30s)");

  g_assert_cmpuint (rs_board_scene_get_n_unplaced (scene), ==, 0);
  g_assert_true (rs_board_scene_get_bounds (scene, &bounds));
  g_assert_cmpfloat (bounds.width, >=, 5 * 260);

  /* Labels fit: the box holds the measured text plus glyph and padding. */
  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      double tw, th;

      rs_board_style_measure_text (style, RS_BOARD_FONT_NODE, node->label,
                                   RS_BOARD_NODE_MAX_TEXT, 2, &tw, &th);
      g_assert_cmpfloat (node->width, >=, tw + RS_BOARD_NODE_GLYPH + 2 * RS_BOARD_NODE_PAD_X);
      g_assert_cmpfloat (node->height, >=, th);
      g_assert_cmpfloat (tw, <=, RS_BOARD_NODE_MAX_TEXT);
    }

  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      RsBoardRect src, tgt;

      g_assert_false (edge->flags & RS_BOARD_ITEM_ROUTED);
      g_assert_cmpuint (edge->n_points, ==, 4);
      g_assert_cmpfloat (edge->label_width, >, 0);

      /* Straight edges start and end on the node borders. */
      rs_board_scene_get_node_rect (scene, edge->source, &src);
      rs_board_scene_get_node_rect (scene, edge->target, &tgt);
      g_assert_cmpfloat (distance_to_border (&src, edge->points[0], edge->points[1]), <, 0.5);
      g_assert_cmpfloat (distance_to_border (&tgt, edge->points[6], edge->points[7]), <, 0.5);

      if (rs_board_scene_get_node (scene, edge->source)->id == tokyo &&
          rs_board_scene_get_node (scene, edge->target)->id == engineer)
        {
          /* The two relations between the same nodes fan out. */
          if (n_parallel++ == 0)
            {
              first_x = edge->label_x;
              first_y = edge->label_y;
            }
          else
            g_assert_cmpfloat (hypot (edge->label_x - first_x, edge->label_y - first_y), >=, 20);
        }
    }
  g_assert_cmpuint (n_parallel, ==, 2);
}

static void
set_route (RsCaseStore *store,
           gint64       relation_id,
           const char  *route)
{
  RsEdgePlacement edge = { relation_id, route, FALSE, 0, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_case_store_set_board (store, NULL, 0, &edge, 1, &error));
  g_assert_no_error (error);
}

static void
test_routes (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("routes.redstring");
  g_autoptr(RsBoardScene) scene = NULL;
  const RsBoardEdge *edge;
  const RsBoardNode *source, *target;
  g_autofree char *route = NULL;
  g_autofree char *reversed = NULL;
  g_autofree char *short_route = NULL;
  gint64 relation_id;
  guint index;
  struct {
    const char *route;
    gboolean    routed;
  } bad[] = {
    { "garbage", FALSE },
    { "1,2 3,4", FALSE },
    { "1,2 3,4 5,6 7,8 9", FALSE },
    { "nan,1 2,3 4,5 6,7", FALSE },
    { "e,1,2 1,2 3,4 5,6 7,8", FALSE },
    { "100000,100000 100001,100000 100002,100000 100003,100000", FALSE },
  };

  rs_render_test_place_grid (store, 6, 260, 100);
  scene = build (store);
  edge = rs_board_scene_get_edge (scene, 0);
  relation_id = edge->id;
  source = rs_board_scene_get_node (scene, edge->source);
  target = rs_board_scene_get_node (scene, edge->target);

  /* A curve from centre to centre, as a layout would route it. */
  route = g_strdup_printf ("%g,%g %g,%g %g,%g %g,%g",
                           source->x, source->y, source->x, source->y + 80,
                           target->x, target->y + 80, target->x, target->y);
  reversed = g_strdup_printf ("%g,%g %g,%g %g,%g %g,%g",
                              target->x, target->y, target->x, target->y + 80,
                              source->x, source->y + 80, source->x, source->y);
  /* Ends short of both nodes (an arrow's base): joined to the borders. */
  short_route = g_strdup_printf ("%g,%g %g,%g %g,%g %g,%g",
                                 source->x, source->y - source->height / 2 - 12,
                                 source->x, source->y - 60,
                                 target->x, target->y - 60,
                                 target->x, target->y - target->height / 2 - 12);
  /* source and target belong to the scene: not used past this point. */
  source = target = NULL;
  g_clear_pointer (&scene, rs_board_scene_unref);

  set_route (store, relation_id, route);
  scene = build (store);
  g_assert_true (rs_board_scene_lookup_edge (scene, relation_id, &index));
  edge = rs_board_scene_get_edge (scene, index);
  g_assert_true (edge->flags & RS_BOARD_ITEM_ROUTED);
  g_assert_cmpuint (edge->n_points, ==, 4);
  g_assert_cmpfloat (edge->points[0], ==, rs_board_scene_get_node (scene, edge->source)->x);
  g_clear_pointer (&scene, rs_board_scene_unref);

  set_route (store, relation_id, reversed);
  scene = build (store);
  edge = rs_board_scene_get_edge (scene, index);
  g_assert_true (edge->flags & RS_BOARD_ITEM_ROUTED);
  g_assert_cmpfloat (edge->points[0], ==, rs_board_scene_get_node (scene, edge->source)->x);
  g_assert_cmpfloat (edge->points[1], ==, rs_board_scene_get_node (scene, edge->source)->y);
  g_clear_pointer (&scene, rs_board_scene_unref);

  set_route (store, relation_id, short_route);
  scene = build (store);
  edge = rs_board_scene_get_edge (scene, index);
  g_assert_true (edge->flags & RS_BOARD_ITEM_ROUTED);
  g_assert_cmpuint (edge->n_points, ==, 10);
  {
    RsBoardRect src, tgt;

    rs_board_scene_get_node_rect (scene, edge->source, &src);
    rs_board_scene_get_node_rect (scene, edge->target, &tgt);
    g_assert_cmpfloat (distance_to_border (&src, edge->points[0], edge->points[1]), <, 0.5);
    g_assert_cmpfloat (distance_to_border (&tgt, edge->points[18], edge->points[19]), <, 0.5);
  }
  g_clear_pointer (&scene, rs_board_scene_unref);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      set_route (store, relation_id, bad[i].route);
      scene = build (store);
      edge = rs_board_scene_get_edge (scene, index);
      g_assert_cmpint (!!(edge->flags & RS_BOARD_ITEM_ROUTED), ==, bad[i].routed);
      g_assert_cmpuint (edge->n_points, ==, 4);
      g_clear_pointer (&scene, rs_board_scene_unref);
    }
}

/* An in-memory case of @n entities on a jittered grid, with about 1.5 relations each. */
static RsCase *
large_case (guint n)
{
  RsCase *kase = rs_case_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint columns = (guint)sqrt (n * 2.0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsEntity) entity = rs_entity_new (i + 1);
      g_autofree char *name = g_strdup_printf ("Entity %u", i);

      rs_entity_set_name (entity, name);
      rs_entity_set_kind (entity, i % RS_ENTITY_KIND_LAST);
      rs_entity_set_x (entity, (i % columns) * 220.0 + g_rand_double_range (rand, -30, 30));
      rs_entity_set_y (entity, (i / columns) * 90.0 + g_rand_double_range (rand, -10, 10));
      rs_entity_set_has_position (entity, TRUE);
      rs_case_add_entity (kase, entity);
    }

  for (guint i = 0; i < n * 3 / 2; i++)
    {
      g_autoptr(RsRelation) relation = rs_relation_new (i + 1);
      guint a = g_rand_int_range (rand, 0, n);
      int offset = g_rand_int_range (rand, -3, 4) + (g_rand_boolean (rand) ? (int)columns : 0);
      guint b = CLAMP ((int)a + offset, 0, (int)n - 1);

      rs_relation_set_source_id (relation, a + 1);
      rs_relation_set_target_id (relation, b + 1);
      rs_relation_set_label (relation, "linked to");
      rs_relation_set_directed (relation, TRUE);
      rs_case_add_relation (kase, relation);
    }

  return kase;
}

static void
test_culling_large (void)
{
  g_autoptr(RsCase) kase = large_case (N_LARGE);
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (kase, NULL, style);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  RsBoardRect bounds;

  g_assert_cmpuint (rs_board_scene_get_n_nodes (scene), ==, N_LARGE);
  g_assert_true (rs_board_scene_get_bounds (scene, &bounds));

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree guint8 *returned = g_new0 (guint8, N_LARGE);
      /* A 1600x1000 px window at 100% zoom. */
      RsBoardRect view = {
        g_rand_double_range (rand, bounds.x, bounds.x + bounds.width),
        g_rand_double_range (rand, bounds.y, bounds.y + bounds.height),
        1200, 750,
      };
      guint cost, expected = 0;

      cost = rs_board_scene_query_nodes (scene, &view, nodes);

      for (guint i = 0; i < nodes->len; i++)
        {
          guint index = g_array_index (nodes, guint, i);
          RsBoardRect rect;

          /* In drawing order, no repeats, and nothing far from the rectangle. */
          if (i > 0)
            g_assert_cmpuint (index, >, g_array_index (nodes, guint, i - 1));
          returned[index] = TRUE;
          rs_board_scene_get_node_rect (scene, index, &rect);
          rs_board_rect_inflate (&rect, 16, 16);
          g_assert_true (rs_board_rect_intersects (&rect, &view));
        }

      /* Nothing that is in the rectangle is missed. */
      for (guint i = 0; i < N_LARGE; i++)
        {
          RsBoardRect rect;

          rs_board_scene_get_node_rect (scene, i, &rect);
          if (rs_board_rect_intersects (&rect, &view))
            {
              g_assert_true (returned[i]);
              expected++;
            }
        }

      /* The grid looks at what is near the rectangle, not at the whole board. */
      g_assert_cmpuint (nodes->len, >=, expected);
      g_assert_cmpuint (cost, <=, 4 * nodes->len + 400);
      g_assert_cmpuint (cost, <, N_LARGE / 10);

      cost = rs_board_scene_query_edges (scene, &view, edges);
      g_assert_cmpuint (cost, <, N_LARGE / 5);
      for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
        {
          const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
          gboolean inside = rs_board_rect_contains_point (&view, edge->points[0], edge->points[1]);
          gboolean found = FALSE;

          if (!inside)
            continue;
          for (guint k = 0; k < edges->len && !found; k++)
            found = g_array_index (edges, guint, k) == i;
          g_assert_true (found);
        }
    }

  /* Far away: nothing, cheaply. */
  {
    g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
    RsBoardRect far = { bounds.x + bounds.width + 1000, 0, 500, 500 };

    g_assert_cmpuint (rs_board_scene_query_nodes (scene, &far, nodes), ==, 0);
    g_assert_cmpuint (nodes->len, ==, 0);
  }
}

/* A point of an edge's drawn curve: piece k of its cubic path at t. */
static void
edge_point (const RsBoardEdge *edge,
            guint              k,
            double             t,
            double            *x,
            double            *y)
{
  const double *p = edge->points + 6 * k;
  double u = 1 - t;

  *x = u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6];
  *y = u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7];
}

/* A link across the whole board is indexed along its line, not over its bounding box:
 * a view in the empty corner of that box does not look at it, and every view the line
 * crosses still finds it. */
static void
test_culling_long_links (void)
{
  g_autoptr(RsCase) kase = large_case (4000);
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(RsRelation) diagonal = rs_relation_new (100000);
  g_autoptr(RsRelation) curved = rs_relation_new (100001);
  g_autofree char *route = NULL;
  guint long_edge, curved_edge, a, b;
  RsBoardRect bounds;

  /* Corner to corner, and a routed curve that bulges far out of its chord. */
  rs_relation_set_source_id (diagonal, 1);
  rs_relation_set_target_id (diagonal, 4000);
  rs_case_add_relation (kase, diagonal);
  scene = rs_board_scene_new (kase, NULL, style);
  g_assert_true (rs_board_scene_lookup_node (scene, 2, &a));
  g_assert_true (rs_board_scene_lookup_node (scene, 3999, &b));
  {
    const RsBoardNode *from = rs_board_scene_get_node (scene, a);
    const RsBoardNode *to = rs_board_scene_get_node (scene, b);

    route = g_strdup_printf ("%g,%g %g,%g %g,%g %g,%g", from->x, from->y, from->x, to->y,
                             to->x, from->y, to->x, to->y);
  }
  g_clear_pointer (&scene, rs_board_scene_unref);
  rs_relation_set_source_id (curved, 2);
  rs_relation_set_target_id (curved, 3999);
  rs_relation_set_route (curved, route);
  rs_case_add_relation (kase, curved);
  scene = rs_board_scene_new (kase, NULL, style);
  g_assert_true (rs_board_scene_get_bounds (scene, &bounds));
  g_assert_true (rs_board_scene_lookup_edge (scene, 100000, &long_edge));
  g_assert_true (rs_board_scene_lookup_edge (scene, 100001, &curved_edge));
  g_assert_true (rs_board_scene_get_edge (scene, curved_edge)->flags & RS_BOARD_ITEM_ROUTED);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree guint8 *returned = g_new0 (guint8, rs_board_scene_get_n_edges (scene));
      RsBoardRect view = {
        g_rand_double_range (rand, bounds.x, bounds.x + bounds.width),
        g_rand_double_range (rand, bounds.y, bounds.y + bounds.height),
        g_rand_double_range (rand, 50, 1200), g_rand_double_range (rand, 50, 750),
      };

      rs_board_scene_query_edges (scene, &view, edges);
      for (guint i = 0; i < edges->len; i++)
        returned[g_array_index (edges, guint, i)] = TRUE;

      /* Every edge whose curve passes through the view is found. */
      for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
        {
          const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

          for (guint k = 0; k + 1 < edge->n_points && !returned[i]; k += 3)
            for (guint s = 0; s <= 256; s++)
              {
                double x, y;

                edge_point (edge, k / 3, s / 256.0, &x, &y);
                if (rs_board_rect_contains_point (&view, x, y))
                  g_error ("edge %u meets the view at (%g, %g) but was not returned", i, x, y);
              }
        }
    }

  /* The corner of the diagonal's box, far from its line: the diagonal is not even looked
   * at. */
  {
    g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
    RsBoardRect corner = { bounds.x + bounds.width - 1500, bounds.y + 100, 1200, 750 };

    rs_board_scene_query_edges (scene, &corner, edges);
    for (guint i = 0; i < edges->len; i++)
      g_assert_cmpuint (g_array_index (edges, guint, i), !=, long_edge);
  }
}

static const char * const hostile[] = {
  "<b>bold</b> & <i>",
  "&amp; &lt; \" ' \\",
  "line one\nline two\r\n\tTabbed",
  "שלום עולם — مرحبا بالعالم",
  "\u202eevil\u202c override",
  "\u200b",
  "x",
};

static void
test_hostile_labels (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("hostile.redstring");
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GString) huge_word = g_string_new (NULL);
  RsEntity *first;

  for (guint i = 0; i < 10000 / 8; i++)
    g_string_append (huge, "Ünicode ");
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (huge_word, 'W');

  first = rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, huge->str);
  rs_test_add_entity (store, RS_ENTITY_KIND_GROUP, huge_word->str);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      /* The store keeps what it adds: these are borrowed. */
      RsEntity *entity = rs_test_add_entity (store, i % RS_ENTITY_KIND_LAST, hostile[i]);
      g_autoptr(RsRelation) draft = rs_relation_new (0);
      RsRelation *relation;
      g_autoptr(GError) error = NULL;

      rs_relation_set_source_id (draft, rs_entity_get_id (first));
      rs_relation_set_target_id (draft, rs_entity_get_id (entity));
      rs_relation_set_label (draft, i % 2 ? huge->str : hostile[i]);
      relation = rs_case_store_add_relation (store, draft, &error);
      g_assert_no_error (error);
      g_assert_nonnull (relation);
    }

  rs_render_test_place_grid (store, 3, 400, 150);
  scene = build (store);

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      g_assert_true (g_utf8_validate (node->label, -1, NULL));
      g_assert_null (strchr (node->label, '\n'));
      g_assert_null (strchr (node->label, '\t'));
      g_assert_cmpuint (g_utf8_strlen (node->label, -1), <=, RS_TEXT_LABEL_MAX_CHARS);
      g_assert_cmpfloat (node->width, <=, RS_BOARD_NODE_MAX_TEXT + 100);
      g_assert_cmpfloat (node->height, <=, 60);
      g_assert_cmpfloat (node->width, >=, 50);
    }
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      g_assert_true (g_utf8_validate (edge->label, -1, NULL));
      g_assert_cmpfloat (edge->text_width, <=, RS_BOARD_EDGE_MAX_TEXT);
      g_assert_cmpfloat (edge->label_height, <=, 40);
    }

  /* Invalid UTF-8 never reaches Pango. */
  {
    g_autofree char *label = rs_board_style_dup_display_label ("ab\xff\xfe" "cd\x01");

    g_assert_true (g_utf8_validate (label, -1, NULL));
    g_assert_true (g_str_has_prefix (label, "ab"));
  }
}

/* Many labels measured at once (two threads past a couple of thousand) get exactly the
 * sizes one at a time gives, and the cache then holds them all. */
static void
test_measure_nodes (void)
{
  g_autoptr(RsBoardStyle) together = rs_board_style_new (FALSE);
  g_autoptr(RsBoardStyle) alone = rs_board_style_new (FALSE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  const guint n = 3001;
  g_autofree RsEntityKind *kinds = g_new (RsEntityKind, n);
  g_autofree const char **labels = g_new (const char *, n);
  g_autofree double *widths = g_new (double, n);
  g_autofree double *heights = g_new (double, n);
  g_autofree double *again_w = g_new (double, n);
  g_autofree double *again_h = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      char *label;

      if (i % 7 == 0)
        label = g_strdup (hostile[i / 7 % G_N_ELEMENTS (hostile)]);
      else
        label = g_strdup_printf ("%s %u %.*s", i % 2 ? "Orion Holdings" : "Камчатка логистика",
                                 g_rand_int_range (rand, 0, 100000), (int)(i % 60),
                                 "a long tail of words that wraps onto a second line and more");
      g_ptr_array_add (owned, label);
      kinds[i] = i % RS_ENTITY_KIND_LAST;
      labels[i] = label;
    }

  rs_board_style_measure_nodes (together, n, kinds, labels, widths, heights);
  for (guint i = 0; i < n; i++)
    {
      double w, h;

      rs_board_style_measure_node (alone, kinds[i], labels[i], &w, &h);
      g_assert_cmpfloat (widths[i], ==, w);
      g_assert_cmpfloat (heights[i], ==, h);
      g_assert_cmpfloat (w, >, 0);
    }
  rs_board_style_measure_nodes (together, n, kinds, labels, again_w, again_h);
  g_assert_cmpmem (widths, n * sizeof (double), again_w, n * sizeof (double));
  g_assert_cmpmem (heights, n * sizeof (double), again_h, n * sizeof (double));
}

static void
test_move_node (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("move.redstring");
  g_autoptr(RsBoardScene) scene = NULL;
  const guint *adjacent;
  guint n_adjacent, index;

  rs_render_test_place_grid (store, 6, 260, 100);
  scene = build (store);
  g_assert_true (rs_board_scene_lookup_node (scene, rs_render_test_entity_id (store, "Tick"),
                                             &index));

  rs_board_scene_move_node (scene, index, 5000, 5000);
  g_assert_true (rs_board_scene_get_node (scene, index)->flags & RS_BOARD_ITEM_FLOATING);

  adjacent = rs_board_scene_get_node_edges (scene, index, &n_adjacent);
  g_assert_cmpuint (n_adjacent, >, 5);
  for (guint k = 0; k < n_adjacent; k++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, adjacent[k]);
      RsBoardRect rect;

      g_assert_true (edge->flags & RS_BOARD_ITEM_FLOATING);
      rs_board_scene_get_node_rect (scene, index, &rect);
      if (edge->source == index)
        g_assert_cmpfloat (distance_to_border (&rect, edge->points[0], edge->points[1]), <, 0.5);
      else
        g_assert_cmpfloat (distance_to_border (&rect, edge->points[6], edge->points[7]), <, 0.5);
    }
}

/* Issue item 11: a 30,000-character name or relation label from a case is measured and laid
 * out as a label-sized text. The sizes and the text Pango gets are bounded; nothing here
 * times anything (see tests/bench for figures). */
static void
test_label_30000 (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("label-30000.redstring");
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = NULL;
  /* Pango 1.50 has no autoptr for PangoContext. */
  g_autoptr(GObject) context = G_OBJECT (rs_board_style_create_context (style, NULL));
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(RsRelation) draft = rs_relation_new (0);
  g_autoptr(GError) error = NULL;
  RsEntity *a, *b;
  double width, height;

  while (words->len < 30000)
    g_string_append (words, "Ministry of State Security \n");
  while (word->len < 30000)
    g_string_append_c (word, 'W');

  a = rs_test_add_entity (store, RS_ENTITY_KIND_ORGANIZATION, words->str);
  b = rs_test_add_entity (store, RS_ENTITY_KIND_GROUP, word->str);
  rs_relation_set_source_id (draft, rs_entity_get_id (a));
  rs_relation_set_target_id (draft, rs_entity_get_id (b));
  rs_relation_set_label (draft, words->str);
  g_assert_nonnull (rs_case_store_add_relation (store, draft, &error));
  g_assert_no_error (error);

  rs_render_test_place_grid (store, 2, 400, 150);
  scene = rs_board_scene_new (rs_case_store_get_case (store), NULL, style);

  g_assert_cmpuint (rs_board_scene_get_n_nodes (scene), ==, 2);
  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      g_autoptr(PangoLayout) layout = NULL;

      /* The full name stays in the scene for the filter; the label is bounded. */
      g_assert_cmpuint (strlen (node->name), >=, 30000);
      g_assert_cmpuint (g_utf8_strlen (node->label, -1), <=, RS_TEXT_LABEL_MAX_CHARS);
      g_assert_true (g_str_has_suffix (node->label, "…"));
      g_assert_cmpfloat (node->width, <=, RS_BOARD_NODE_MAX_TEXT + 100);
      g_assert_cmpfloat (node->height, <=, 60);

      /* What the painter lays out: the label, at most two lines. */
      layout = rs_board_style_create_layout (style, PANGO_CONTEXT (context),
                                             RS_BOARD_FONT_NODE, node->name,
                                             RS_BOARD_NODE_MAX_TEXT, 2);
      g_assert_cmpint (pango_layout_get_character_count (layout), <=, RS_TEXT_LABEL_MAX_CHARS);
      g_assert_cmpint (pango_layout_get_line_count (layout), <=, 2);
    }

  g_assert_cmpuint (rs_board_scene_get_n_edges (scene), ==, 1);
  {
    const RsBoardEdge *edge = rs_board_scene_get_edge (scene, 0);

    g_assert_cmpuint (g_utf8_strlen (edge->label, -1), <=, RS_TEXT_LABEL_MAX_CHARS);
    g_assert_cmpfloat (edge->text_width, <=, RS_BOARD_EDGE_MAX_TEXT);
    g_assert_cmpfloat (edge->label_height, <=, 40);
  }

  /* Measured without a width (as the legend and badges are), a 30,000-character text is
   * still measured as a label: one line of at most the cap, not a line 150,000 pt long. */
  rs_board_style_measure_text (style, RS_BOARD_FONT_EDGE, words->str, -1, 1, &width, &height);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (width, <=, RS_TEXT_LABEL_MAX_CHARS * 12);
  g_assert_cmpfloat (height, <=, 30);
  rs_board_style_measure_text (style, RS_BOARD_FONT_NODE, word->str, -1, 1, &width, &height);
  g_assert_cmpfloat (width, <=, RS_TEXT_LABEL_MAX_CHARS * 12);
}

static void
on_changes_cb (RsCase        *kase,
               RsCaseChanges *changes,
               gpointer       user_data)
{
  RsBoardScene **scene = user_data;
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);

  g_assert_true (rs_board_scene_apply_changes (*scene, kase, NULL, style, changes));
}

/* An edit updates the scene in place: untouched nodes keep their struct (same pointer,
 * same measurements), a new entity gets a provisional place, a new relation an edge. */
static void
test_incremental (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("incremental.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(RsRelation) draft = rs_relation_new (0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  const char * const no_aliases[] = { NULL };
  gint64 tokyo, newcomer_id;
  RsEntity *newcomer;
  guint n_nodes, n_edges, index, tokyo_index;
  const RsBoardNode *tokyo_node;
  double old_width;

  rs_render_test_place_grid (store, 6, 260, 100);
  scene = build (store);
  tokyo = rs_render_test_entity_id (store, "Tokyo Metropolitan Police Department");
  n_nodes = rs_board_scene_get_n_nodes (scene);
  n_edges = rs_board_scene_get_n_edges (scene);
  for (guint i = 0; i < n_nodes; i++)
    g_ptr_array_add (before, g_memdup2 (rs_board_scene_get_node (scene, i), sizeof (RsBoardNode)));
  g_signal_connect (kase, "changes", G_CALLBACK (on_changes_cb), &scene);

  /* Rename one entity: one node measured again, every other untouched. */
  g_assert_true (rs_board_scene_lookup_node (scene, tokyo, &tokyo_index));
  tokyo_node = rs_board_scene_get_node (scene, tokyo_index);
  old_width = tokyo_node->width;
  g_assert_true (rs_case_store_update_entity (store, tokyo, RS_ENTITY_KIND_UNIT, "TMPD", no_aliases,
                                              "", &error));
  g_assert_no_error (error);
  g_assert_true (rs_board_scene_get_node (scene, tokyo_index) == tokyo_node);
  g_assert_cmpstr (tokyo_node->label, ==, "TMPD");
  g_assert_cmpfloat (tokyo_node->width, <, old_width);
  for (guint i = 0; i < n_nodes; i++)
    if (i != tokyo_index)
      {
        const RsBoardNode *old = g_ptr_array_index (before, i);
        const RsBoardNode *node = rs_board_scene_get_node (scene, i);

        g_assert_true (node->label == old->label);   /* the same string: not rebuilt */
        g_assert_cmpfloat (node->width, ==, old->width);
      }

  /* Add an entity without a place, then relate it. */
  newcomer = rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, "Newcomer");
  g_assert_cmpuint (rs_board_scene_get_n_nodes (scene), ==, n_nodes + 1);
  g_assert_true (rs_board_scene_get_node (scene, tokyo_index) == tokyo_node);
  g_assert_true (rs_board_scene_lookup_node (scene, rs_entity_get_id (newcomer), &index));
  g_assert_true (rs_board_scene_get_node (scene, index)->flags & RS_BOARD_ITEM_PROVISIONAL);
  g_assert_false (rs_board_scene_get_node (scene, index)->flags & RS_BOARD_ITEM_NOT_DRAWN);
  g_assert_cmpuint (rs_board_scene_get_n_unplaced (scene), ==, 1);

  rs_relation_set_source_id (draft, rs_entity_get_id (newcomer));
  rs_relation_set_target_id (draft, tokyo);
  rs_relation_set_label (draft, "met");
  g_assert_nonnull (rs_case_store_add_relation (store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rs_board_scene_get_n_edges (scene), ==, n_edges + 1);
  g_assert_true (rs_board_scene_get_node (scene, tokyo_index) == tokyo_node);

  /* Delete it: a tombstone, out of the lookups. */
  newcomer_id = rs_entity_get_id (newcomer);
  g_assert_true (rs_case_store_delete_entity (store, newcomer_id, &error));
  g_assert_no_error (error);
  g_assert_false (rs_board_scene_lookup_node (scene, newcomer_id, NULL));
  g_assert_cmpuint (rs_board_scene_get_n_unplaced (scene), ==, 0);

  g_signal_handlers_disconnect_by_func (kase, on_changes_cb, &scene);
}

/* Review (issue 20): a node's and an edge's state and open comments, followed in place
 * through commands and their undo, and the filter's "only challenged" / "only
 * unreviewed". */
static void
test_review (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("scene-review.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardFilter) filter = rs_board_filter_new ();
  g_autoptr(RsChange) accept = NULL;
  g_autoptr(RsChange) challenge = NULL;
  g_autoptr(RsChange) comment = NULL;
  g_autoptr(RsChange) relate = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, relation, comment_id = 0;
  guint ia, ib, ic, ie;

  a = rs_entity_get_id (rs_test_add_entity (store, RS_ENTITY_KIND_GROUP, "Tick"));
  b = rs_entity_get_id (rs_test_add_entity (store, RS_ENTITY_KIND_GROUP, "BRONZE BUTLER"));
  c = rs_entity_get_id (rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, "Bystander"));
  relate = rs_case_edit_create_relation (store, a, b, "same as", FALSE, RS_RELATION_STATUS_ALLEGED,
                                         &relation, &error);
  g_assert_no_error (error);
  rs_render_test_place_grid (store, 3, 260, 100);
  scene = build (store);
  g_signal_connect (kase, "changes", G_CALLBACK (on_changes_cb), &scene);
  g_assert_true (rs_board_scene_lookup_node (scene, a, &ia));
  g_assert_true (rs_board_scene_lookup_node (scene, b, &ib));
  g_assert_true (rs_board_scene_lookup_node (scene, c, &ic));
  g_assert_true (rs_board_scene_lookup_edge (scene, relation, &ie));
  g_assert_cmpint (rs_board_scene_get_node (scene, ia)->review, ==, RS_REVIEW_STATE_UNREVIEWED);

  /* In place, through RsCase::changes. */
  accept = rs_case_edit_set_review_state (store, RS_TARGET_ENTITY, a, RS_REVIEW_STATE_ACCEPTED,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_board_scene_get_node (scene, ia)->review, ==, RS_REVIEW_STATE_ACCEPTED);
  challenge = rs_case_edit_set_review_state (store, RS_TARGET_RELATION, relation,
                                             RS_REVIEW_STATE_CHALLENGED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_board_scene_get_edge (scene, ie)->review, ==, RS_REVIEW_STATE_CHALLENGED);
  comment = rs_case_edit_add_comment (store, RS_TARGET_ENTITY, b, "Which report?", &comment_id,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_board_scene_get_node (scene, ib)->n_open_comments, ==, 1);
  g_assert_cmpuint (rs_board_scene_get_node (scene, ia)->n_open_comments, ==, 0);
  {
    g_autoptr(RsUndoStack) stack = rs_undo_stack_new (store);
    g_autoptr(RsChange) resolve = rs_case_edit_resolve_comment (store, comment_id, TRUE, &error);
    g_autoptr(RsChange) unreview = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (rs_board_scene_get_node (scene, ib)->n_open_comments, ==, 0);
    rs_undo_stack_push (stack, resolve);
    g_assert_true (rs_undo_stack_undo (stack, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (rs_board_scene_get_node (scene, ib)->n_open_comments, ==, 1);

    unreview = rs_case_edit_set_review_state (store, RS_TARGET_ENTITY, a,
                                              RS_REVIEW_STATE_UNREVIEWED, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rs_board_scene_get_node (scene, ia)->review, ==, RS_REVIEW_STATE_UNREVIEWED);
  }

  /* A new scene sees the same. */
  g_signal_handlers_disconnect_by_func (kase, on_changes_cb, &scene);
  g_clear_pointer (&scene, rs_board_scene_unref);
  scene = build (store);
  g_assert_cmpint (rs_board_scene_get_edge (scene, ie)->review, ==, RS_REVIEW_STATE_CHALLENGED);
  g_assert_cmpuint (rs_board_scene_get_node (scene, ib)->n_open_comments, ==, 1);

  /* Only challenged: the challenged relation and the two it joins; the bystander is
   * dimmed. */
  rs_board_filter_set_review (filter, RS_BOARD_REVIEW_CHALLENGED);
  g_assert_true (rs_board_filter_get_active (filter));
  g_clear_pointer (&scene, rs_board_scene_unref);
  scene = rs_board_scene_new (kase, filter, style);
  g_assert_false (rs_board_scene_get_node (scene, ia)->flags & RS_BOARD_ITEM_DIMMED);
  g_assert_false (rs_board_scene_get_node (scene, ib)->flags & RS_BOARD_ITEM_DIMMED);
  g_assert_true (rs_board_scene_get_node (scene, ic)->flags & RS_BOARD_ITEM_DIMMED);
  g_assert_false (rs_board_scene_get_edge (scene, ie)->flags & RS_BOARD_ITEM_DIMMED);

  /* Only unreviewed: every entity is (a's acceptance was undone), the relation is not. */
  rs_board_filter_set_review (filter, RS_BOARD_REVIEW_UNREVIEWED);
  g_clear_pointer (&scene, rs_board_scene_unref);
  scene = rs_board_scene_new (kase, filter, style);
  g_assert_false (rs_board_scene_get_node (scene, ic)->flags & RS_BOARD_ITEM_DIMMED);
  g_assert_false (rs_board_scene_get_node (scene, ia)->flags & RS_BOARD_ITEM_DIMMED);
  g_assert_true (rs_board_scene_get_edge (scene, ie)->flags & RS_BOARD_ITEM_DIMMED);

  /* Reset clears it. */
  rs_board_filter_reset (filter);
  g_assert_cmpint (rs_board_filter_get_review (filter), ==, RS_BOARD_REVIEW_ANY);
  g_assert_false (rs_board_filter_get_active (filter));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/scene/unplaced", test_unplaced);
  g_test_add_func ("/render/scene/placed", test_placed);
  g_test_add_func ("/render/scene/routes", test_routes);
  g_test_add_func ("/render/scene/culling-large", test_culling_large);
  g_test_add_func ("/render/scene/culling-long-links", test_culling_long_links);
  g_test_add_func ("/render/scene/hostile-labels", test_hostile_labels);
  g_test_add_func ("/render/scene/measure-nodes", test_measure_nodes);
  g_test_add_func ("/render/scene/move-node", test_move_node);
  g_test_add_func ("/render/scene/label-30000", test_label_30000);
  g_test_add_func ("/render/scene/incremental", test_incremental);
  g_test_add_func ("/render/scene/review", test_review);

  return g_test_run ();
}
