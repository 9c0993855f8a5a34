/* test-graph-layout.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-enum-types.h"
#include "rs-error.h"
#include "rs-graph-layout.h"
#include "rs-layout-overlap.h"
#include "rs-test-graph.h"

/* Cancelled layouts fail with G_IO_ERROR_CANCELLED, sync and async alike: that is what
 * GTask's return-on-cancel produces, and what GIO callers already ignore. */

#define EPSILON 0.01

static const RsLayoutEngine all_engines[] = {
  RS_LAYOUT_ENGINE_DOT, RS_LAYOUT_ENGINE_NEATO, RS_LAYOUT_ENGINE_FDP,
  RS_LAYOUT_ENGINE_SFDP, RS_LAYOUT_ENGINE_CIRCO, RS_LAYOUT_ENGINE_TWOPI,
};

static const char *
engine_nick (RsLayoutEngine engine)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RS_TYPE_LAYOUT_ENGINE);

  return g_enum_get_value (klass, engine)->value_nick;
}

static RsLayoutResult *
run (RsLayoutRequest *request)
{
  g_autoptr(GError) error = NULL;
  RsLayoutResult *result = rs_graph_layout_run (request, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static gboolean
boxes_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  return fabs (ax - bx) < (aw + bw) / 2 - EPSILON && fabs (ay - by) < (ah + bh) / 2 - EPSILON;
}

static gboolean
near_box (const RsLayoutPoint *p,
          double               x,
          double               y,
          double               width,
          double               height,
          double               slack)
{
  return fabs (p->x - x) <= width / 2 + slack && fabs (p->y - y) <= height / 2 + slack;
}

/* What every layout must give: a place for every node, a path for every edge that
 * starts and ends at its nodes, everything inside the bounding box. */
static void
assert_complete (RsLayoutRequest *request,
                 RsLayoutResult  *result)
{
  double bx, by, bw, bh;

  rs_layout_result_get_bounds (result, &bx, &by, &bw, &bh);
  g_assert_cmpuint (rs_layout_result_get_n_nodes (result), ==,
                    rs_layout_request_get_n_nodes (request));
  g_assert_cmpuint (rs_layout_result_get_n_edges (result), ==,
                    rs_layout_request_get_n_edges (request));

  for (guint i = 0; i < rs_layout_result_get_n_nodes (result); i++)
    {
      gint64 id;
      double x, y, w, h, lx, ly;

      rs_layout_result_get_node (result, i, &id, &x, &y, &w, &h);
      g_assert_true (isfinite (x) && isfinite (y));
      g_assert_true (rs_layout_result_lookup_node (result, id, &lx, &ly));
      g_assert_cmpfloat (lx, ==, x);
      g_assert_cmpfloat (ly, ==, y);
      g_assert_cmpfloat (x - w / 2, >=, bx - EPSILON);
      g_assert_cmpfloat (y - h / 2, >=, by - EPSILON);
      g_assert_cmpfloat (x + w / 2, <=, bx + bw + EPSILON);
      g_assert_cmpfloat (y + h / 2, <=, by + bh + EPSILON);
    }

  for (guint e = 0; e < rs_layout_result_get_n_edges (result); e++)
    {
      const RsLayoutPoint *points;
      guint n_points, index;

      points = rs_layout_result_get_edge_points (result, e, &n_points);
      g_assert_nonnull (points);
      g_assert_cmpuint (n_points, >=, 4);
      g_assert_cmpuint (n_points % 3, ==, 1);
      g_assert_true (rs_layout_result_lookup_edge (result, rs_layout_result_get_edge_id (result, e),
                                                   &index));
      g_assert_cmpuint (index, ==, e);

      for (guint k = 0; k < n_points; k++)
        {
          g_assert_cmpfloat (points[k].x, >=, bx - EPSILON);
          g_assert_cmpfloat (points[k].y, >=, by - EPSILON);
          g_assert_cmpfloat (points[k].x, <=, bx + bw + EPSILON);
          g_assert_cmpfloat (points[k].y, <=, by + bh + EPSILON);
        }
    }
}

/* The path runs from the source's border to the target's. */
static void
assert_edge_ends (RsLayoutResult *result,
                  guint           edge,
                  gint64          source,
                  gint64          target)
{
  const RsLayoutPoint *points;
  guint n_points, si, ti;
  double sx, sy, sw, sh, tx, ty, tw, th;

  points = rs_layout_result_get_edge_points (result, edge, &n_points);
  g_assert_nonnull (points);

  /* Ids are 1…n in request order. */
  si = source - 1;
  ti = target - 1;
  rs_layout_result_get_node (result, si, NULL, &sx, &sy, &sw, &sh);
  rs_layout_result_get_node (result, ti, NULL, &tx, &ty, &tw, &th);

  /* Graphviz stops at the border give or take its pen width and rounding. */
  g_assert_true (near_box (&points[0], sx, sy, sw, sh, 3));
  g_assert_true (near_box (&points[n_points - 1], tx, ty, tw, th, 3));
}

static void
test_engines (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_engines); i++)
    {
      g_autoptr(RsLayoutRequest) request = rs_test_graph_new (all_engines[i], 20, 7);
      g_autoptr(RsLayoutResult) result = NULL;
      guint n_labels = 0;

      g_test_message ("engine %s", engine_nick (all_engines[i]));
      result = run (request);
      g_assert_cmpint (rs_layout_result_get_engine (result), ==, all_engines[i]);
      assert_complete (request, result);

      for (guint e = 0; e < rs_layout_result_get_n_edges (result); e++)
        {
          gint64 id = rs_layout_result_get_edge_id (result, e);
          gboolean labelled = id % 4 == 0;  /* see rs-test-graph.h */

          g_assert_cmpint (rs_layout_result_get_edge_label (result, e, NULL, NULL), ==, labelled);
          n_labels += labelled;
        }
      g_assert_cmpuint (n_labels, >, 0);
    }
}

static void
test_edge_ends (void)
{
  g_autoptr(RsLayoutRequest) request = rs_layout_request_new (RS_LAYOUT_ENGINE_DOT);
  g_autoptr(RsLayoutResult) result = NULL;

  /* A cycle makes dot reverse an edge; results still run from source to target. */
  for (gint64 id = 1; id <= 4; id++)
    rs_layout_request_add_node (request, id, 80, 30, FALSE, 0, 0);
  rs_layout_request_add_edge (request, 1, 1, 2, 0, 0, TRUE);
  rs_layout_request_add_edge (request, 2, 2, 3, 40, 12, TRUE);
  rs_layout_request_add_edge (request, 3, 3, 1, 0, 0, TRUE);
  rs_layout_request_add_edge (request, 4, 4, 3, 0, 0, FALSE);

  result = run (request);
  assert_complete (request, result);
  assert_edge_ends (result, 0, 1, 2);
  assert_edge_ends (result, 1, 2, 3);
  assert_edge_ends (result, 2, 3, 1);
  assert_edge_ends (result, 3, 4, 3);
}

static void
test_dot_no_overlap (void)
{
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new (RS_LAYOUT_ENGINE_DOT, 20, 11);
  g_autoptr(RsLayoutResult) result = run (request);
  guint n = rs_layout_result_get_n_nodes (result);
  double bx, by;

  /* The drawing starts at the board's origin. */
  rs_layout_result_get_bounds (result, &bx, &by, NULL, NULL);
  g_assert_cmpfloat_with_epsilon (bx, 0, 1);
  g_assert_cmpfloat_with_epsilon (by, 0, 1);

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        double ax, ay, aw, ah, cx, cy, cw, ch;

        rs_layout_result_get_node (result, a, NULL, &ax, &ay, &aw, &ah);
        rs_layout_result_get_node (result, b, NULL, &cx, &cy, &cw, &ch);
        g_assert_false (boxes_overlap (ax, ay, aw, ah, cx, cy, cw, ch));
      }
}

/* Nodes 1, 5, 9 and 13 pinned far apart, one of them left of and above the origin. */
static gboolean
pin_some (guint     index,
          double   *x,
          double   *y,
          gpointer  user_data)
{
  static const RsLayoutPoint pins[] = {
    { -300.25, -120.5 }, { 400, 35.75 }, { 1000, 800 }, { 55.5, 600 },
  };

  if (index % 4 != 0 || index / 4 >= G_N_ELEMENTS (pins))
    return FALSE;

  *x = pins[index / 4].x;
  *y = pins[index / 4].y;
  return TRUE;
}

static void
test_fixed_nodes (gconstpointer data)
{
  RsLayoutEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(RsLayoutRequest) request = NULL;
  g_autoptr(RsLayoutResult) result = NULL;

  request = rs_test_graph_new_pinned (engine, 20, 3, pin_some, NULL);
  g_assert_cmpuint (rs_layout_request_get_n_fixed (request), ==, 4);

  result = run (request);
  assert_complete (request, result);

  for (guint i = 0; i < 20; i++)
    {
      double want_x, want_y, x, y;

      if (!pin_some (i, &want_x, &want_y, NULL))
        continue;

      g_assert_true (rs_layout_result_lookup_node (result, i + 1, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, want_x, EPSILON);
      g_assert_cmpfloat_with_epsilon (y, want_y, EPSILON);
    }
}

typedef struct
{
  RsLayoutResult *board;
  guint           first_new;
} PlaceNewData;

static gboolean
pin_existing (guint     index,
              double   *x,
              double   *y,
              gpointer  user_data)
{
  PlaceNewData *data = user_data;

  if (index >= data->first_new)
    return FALSE;

  return rs_layout_result_lookup_node (data->board, index + 1, x, y);
}

static void
test_place_new_only (void)
{
  g_autoptr(RsLayoutRequest) first = rs_test_graph_new (RS_LAYOUT_ENGINE_AUTO, 60, 5);
  g_autoptr(RsLayoutRequest) request = NULL;
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(RsLayoutResult) board = NULL;
  PlaceNewData data;
  guint n_new = 0, n_kept = 0, n_routed = 0;

  /* The same board again, where the last five entities are new: each is linked to an
   * older one (the generator's spanning tree points back), and one more is linked to
   * nothing at all. */
  board = run (first);
  data.board = board;
  data.first_new = 55;
  request = rs_test_graph_new_pinned (RS_LAYOUT_ENGINE_AUTO, 60, 5, pin_existing, &data);
  rs_layout_request_add_node (request, 1000, 80, 30, FALSE, 0, 0);  /* linked to nothing */
  rs_layout_request_set_place_new_only (request, TRUE);
  g_assert_cmpint (rs_layout_request_choose_engine (request), ==, RS_LAYOUT_ENGINE_NEATO);

  result = run (request);
  g_assert_cmpint (rs_layout_result_get_engine (result), ==, RS_LAYOUT_ENGINE_NEATO);

  for (guint i = 0; i < rs_layout_result_get_n_nodes (result); i++)
    {
      double x, y, w, h, old_x, old_y;
      gint64 id;

      rs_layout_result_get_node (result, i, &id, &x, &y, &w, &h);

      if (i < data.first_new)
        {
          /* Old nodes have not moved. */
          g_assert_true (rs_layout_result_lookup_node (board, id, &old_x, &old_y));
          g_assert_cmpfloat_with_epsilon (x, old_x, EPSILON);
          g_assert_cmpfloat_with_epsilon (y, old_y, EPSILON);
          continue;
        }

      n_new++;
      g_assert_false (fabs (x) < 1 && fabs (y) < 1);

      /* New nodes overlap nothing. */
      for (guint j = 0; j < rs_layout_result_get_n_nodes (result); j++)
        {
          double ox, oy, ow, oh;

          if (j == i)
            continue;
          rs_layout_result_get_node (result, j, NULL, &ox, &oy, &ow, &oh);
          g_assert_false (boxes_overlap (x, y, w, h, ox, oy, ow, oh));
        }
    }
  g_assert_cmpuint (n_new, ==, 6);

  for (guint e = 0; e < rs_layout_result_get_n_edges (result); e++)
    {
      const RsLayoutPoint *points;
      g_autofree char *route = rs_layout_result_dup_route (result, e);
      guint n_points;

      points = rs_layout_result_get_edge_points (result, e, &n_points);
      if (points == NULL)
        {
          /* An edge between old nodes is left as it was… */
          g_assert_null (route);
          n_kept++;
          continue;
        }

      /* …and a new node is near the one it is linked to: within about two rank gaps
       * of the base board (dot, left to right: a rank is a node width plus ranksep). */
      g_assert_nonnull (route);
      g_assert_cmpfloat (hypot (points[n_points - 1].x - points[0].x,
                                points[n_points - 1].y - points[0].y), <, 600);
      n_routed++;
    }
  g_assert_cmpuint (n_kept, >, 0);
  g_assert_cmpuint (n_routed, >=, 5);
}

typedef struct
{
  RsLayoutResult *result;
  GError         *error;
  gboolean        done;
} AsyncData;

static void
layout_done_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  AsyncData *data = user_data;

  g_assert_null (object);
  g_assert_false (data->done);

  data->result = rs_graph_layout_run_finish (res, &data->error);
  data->done = TRUE;
}

static void
wait_for (AsyncData *data)
{
  while (!data->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_async_same_as_sync (void)
{
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new (RS_LAYOUT_ENGINE_DOT, 20, 9);
  g_autoptr(RsLayoutResult) sync = run (request);
  g_autoptr(RsLayoutResult) async = NULL;
  AsyncData data = { 0 };

  /* The same (sealed) request a second time. */
  rs_graph_layout_run_async (request, NULL, layout_done_cb, &data);
  wait_for (&data);
  g_assert_no_error (data.error);
  async = g_steal_pointer (&data.result);

  g_assert_cmpuint (rs_layout_result_get_n_nodes (async), ==, rs_layout_result_get_n_nodes (sync));
  for (guint i = 0; i < rs_layout_result_get_n_nodes (sync); i++)
    {
      double x1, y1, x2, y2;

      rs_layout_result_get_node (sync, i, NULL, &x1, &y1, NULL, NULL);
      rs_layout_result_get_node (async, i, NULL, &x2, &y2, NULL, NULL);
      g_assert_cmpfloat (x1, ==, x2);
      g_assert_cmpfloat (y1, ==, y2);
    }

  for (guint e = 0; e < rs_layout_result_get_n_edges (sync); e++)
    {
      g_autofree char *route1 = rs_layout_result_dup_route (sync, e);
      g_autofree char *route2 = rs_layout_result_dup_route (async, e);

      g_assert_cmpstr (route1, ==, route2);
    }
}

static void
test_cancel_before_start (void)
{
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new (RS_LAYOUT_ENGINE_DOT, 20, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AsyncData data = { 0 };

  g_cancellable_cancel (cancellable);

  result = rs_graph_layout_run (request, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  rs_graph_layout_run_async (request, cancellable, layout_done_cb, &data);
  wait_for (&data);
  g_assert_null (data.result);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&data.error);
}

static void
test_cancel_superseded (void)
{
  g_autoptr(RsLayoutRequest) stale = rs_test_graph_new (RS_LAYOUT_ENGINE_SFDP, 800, 2);
  g_autoptr(RsLayoutRequest) fresh = rs_test_graph_new (RS_LAYOUT_ENGINE_AUTO, 20, 2);
  g_autoptr(GCancellable) stale_cancellable = g_cancellable_new ();
  g_autoptr(RsLayoutResult) result = NULL;
  AsyncData stale_data = { 0 };
  AsyncData fresh_data = { 0 };

  /* The board changes while a layout runs: the old one is cancelled, a new one starts. */
  rs_graph_layout_run_async (stale, stale_cancellable, layout_done_cb, &stale_data);
  g_usleep (G_USEC_PER_SEC / 50);
  rs_graph_layout_run_async (fresh, NULL, layout_done_cb, &fresh_data);
  g_cancellable_cancel (stale_cancellable);

  wait_for (&stale_data);
  g_assert_null (stale_data.result);
  g_assert_error (stale_data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&stale_data.error);

  wait_for (&fresh_data);
  g_assert_no_error (fresh_data.error);
  result = g_steal_pointer (&fresh_data.result);
  g_assert_cmpuint (rs_layout_result_get_n_nodes (result), ==, 20);

  /* The stale layout's callback ran once, with no result. */
  g_assert_null (stale_data.result);
}

static void
test_auto_engine (void)
{
  g_autoptr(RsLayoutRequest) small = rs_test_graph_new (RS_LAYOUT_ENGINE_AUTO, 20, 1);
  g_autoptr(RsLayoutRequest) large = rs_test_graph_new (RS_LAYOUT_ENGINE_AUTO, 3000, 1);
  g_autoptr(RsLayoutRequest) pinned = NULL;
  g_autoptr(RsLayoutRequest) chosen = rs_test_graph_new (RS_LAYOUT_ENGINE_FDP, 20, 1);

  g_assert_cmpint (rs_layout_request_choose_engine (small), ==, RS_LAYOUT_ENGINE_DOT);
  g_assert_cmpint (rs_layout_request_choose_engine (large), ==, RS_LAYOUT_ENGINE_SFDP);
  g_assert_cmpint (rs_layout_request_choose_engine (chosen), ==, RS_LAYOUT_ENGINE_FDP);

  /* Pins need an engine that honours them. */
  pinned = rs_test_graph_new_pinned (RS_LAYOUT_ENGINE_AUTO, 20, 1, pin_some, NULL);
  g_assert_cmpint (rs_layout_request_choose_engine (pinned), ==, RS_LAYOUT_ENGINE_NEATO);

  g_assert_cmpstr (engine_nick (RS_LAYOUT_ENGINE_AUTO), ==, "auto");
  g_assert_cmpstr (engine_nick (RS_LAYOUT_ENGINE_SFDP), ==, "sfdp");
}

static void
test_route_round_trip (void)
{
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new (RS_LAYOUT_ENGINE_DOT, 20, 4);
  g_autoptr(RsLayoutResult) result = run (request);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (RsLayoutPoint));

  for (guint e = 0; e < rs_layout_result_get_n_edges (result); e++)
    {
      g_autofree char *route = rs_layout_result_dup_route (result, e);
      g_autoptr(GError) error = NULL;
      const RsLayoutPoint *original;
      guint n_points;

      original = rs_layout_result_get_edge_points (result, e, &n_points);
      g_assert_true (rs_layout_route_parse (route, points, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (points->len, ==, n_points);

      for (guint k = 0; k < n_points; k++)
        {
          g_assert_cmpfloat_with_epsilon (g_array_index (points, RsLayoutPoint, k).x,
                                          original[k].x, 0.005 + 1e-9);
          g_assert_cmpfloat_with_epsilon (g_array_index (points, RsLayoutPoint, k).y,
                                          original[k].y, 0.005 + 1e-9);
        }
    }

  g_assert_true (rs_layout_route_parse ("  1,2 -3.5,+4\t5,6 7.25,-8.0 \n", points, NULL));
  g_assert_cmpuint (points->len, ==, 4);
  g_assert_cmpfloat (g_array_index (points, RsLayoutPoint, 1).x, ==, -3.5);
  g_assert_cmpfloat (g_array_index (points, RsLayoutPoint, 3).y, ==, -8.0);
}

static void
test_route_rejects (void)
{
  static const char * const bad[] = {
    "",
    "1,2 3",
    "1,2 3,4",                                  /* two points */
    "1,2 3,4 5,6 7,8 9,10",                     /* five: not 3n + 1 */
    "nan,1 2,3 4,5 6,7",
    "1,2 inf,3 4,5 6,7",
    "1,2 3,4 5,6 7,1e400",
    "0x10,1 2,3 4,5 6,7",
    "1,2,3 4,5 6,7 8,9",
    "1;2 3,4 5,6 7,8",
    "1,2 3,4 5,6 7,8x",
    "1 ,2 3,4 5,6 7,8",
    "1,2 3,4 5,6 99999999999,8",               /* not a board coordinate */
    "- ,1 2,3 4,5 6,7",
    ".,1 2,3 4,5 6,7",
  };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (RsLayoutPoint));
  RsLayoutPoint sentinel = { 42, 43 };
  g_autoptr(GString) huge = g_string_sized_new (10 * 1024 * 1024 + 8);

  g_array_append_val (points, sentinel);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("route '%s'", bad[i]);
      g_assert_false (rs_layout_route_parse (bad[i], points, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);

      /* Bad input leaves the output alone. */
      g_assert_cmpuint (points->len, ==, 1);
      g_assert_cmpfloat (g_array_index (points, RsLayoutPoint, 0).x, ==, 42);
    }

  /* 10 MB of valid-looking points. */
  g_string_append (huge, "1,1");
  while (huge->len < 10 * 1024 * 1024)
    g_string_append (huge, " 1,1 2,2 3,3");
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rs_layout_route_parse (huge->str, points, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  }

  /* Within the length limit, but too many points. */
  g_string_truncate (huge, 0);
  g_string_append (huge, "1,1");
  for (guint i = 0; i < RS_LAYOUT_ROUTE_MAX_POINTS; i += 3)
    g_string_append (huge, " 1,1 2,2 3,3");
  g_assert_cmpuint (huge->len, <, RS_LAYOUT_ROUTE_MAX_LENGTH);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rs_layout_route_parse (huge->str, points, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  }
}

static void
test_loops_and_parallel_edges (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_engines); i++)
    {
      g_autoptr(RsLayoutRequest) request = rs_layout_request_new (all_engines[i]);
      g_autoptr(RsLayoutResult) result = NULL;
      double x, y, w, h;
      const RsLayoutPoint *points;
      guint n_points;

      g_test_message ("engine %s", engine_nick (all_engines[i]));

      rs_layout_request_add_node (request, 1, 80, 30, FALSE, 0, 0);
      rs_layout_request_add_node (request, 2, 80, 30, FALSE, 0, 0);
      rs_layout_request_add_node (request, 3, 80, 30, TRUE, 500, 500);
      rs_layout_request_add_edge (request, 1, 1, 1, 0, 0, TRUE);       /* loops */
      rs_layout_request_add_edge (request, 2, 1, 1, 40, 12, FALSE);
      rs_layout_request_add_edge (request, 3, 3, 3, 40, 12, TRUE);
      rs_layout_request_add_edge (request, 4, 1, 2, 0, 0, TRUE);       /* parallel */
      rs_layout_request_add_edge (request, 5, 1, 2, 30, 10, TRUE);
      rs_layout_request_add_edge (request, 6, 2, 1, 0, 0, TRUE);
      rs_layout_request_add_edge (request, 7, 2, 3, 0, 0, FALSE);
      rs_layout_request_add_edge (request, 8, 2, 3, 0, 0, FALSE);

      result = run (request);
      assert_complete (request, result);

      g_assert_true (rs_layout_result_lookup_node (result, 3, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, 500, EPSILON);
      g_assert_cmpfloat_with_epsilon (y, 500, EPSILON);

      /* The loop on the fixed node still starts and ends on it. */
      rs_layout_result_get_node (result, 2, NULL, &x, &y, &w, &h);
      points = rs_layout_result_get_edge_points (result, 2, &n_points);
      g_assert_true (near_box (&points[0], x, y, w, h, 3));
      g_assert_true (near_box (&points[n_points - 1], x, y, w, h, 3));
    }
}

static void
test_huge_sizes (void)
{
  static const RsLayoutEngine engines[] = { RS_LAYOUT_ENGINE_DOT, RS_LAYOUT_ENGINE_SFDP };

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_autoptr(RsLayoutRequest) request = rs_layout_request_new (engines[i]);
      g_autoptr(RsLayoutResult) result = NULL;
      double x, y, bw, bh;

      rs_layout_request_add_node (request, 1, 8000, 3000, FALSE, 0, 0);
      rs_layout_request_add_node (request, 2, 80, 30, FALSE, 0, 0);
      rs_layout_request_add_node (request, 3, 0, 0, FALSE, 0, 0);
      rs_layout_request_add_edge (request, 1, 1, 2, 90000, 20000, TRUE);
      rs_layout_request_add_edge (request, 2, 2, 3, 0, 0, TRUE);

      result = run (request);
      assert_complete (request, result);
      g_assert_true (rs_layout_result_get_edge_label (result, 0, &x, &y));
      rs_layout_result_get_bounds (result, NULL, NULL, &bw, &bh);
      g_assert_cmpfloat (bw, >=, 8000);
      g_assert_cmpfloat (bh, >=, 3000);
    }
}

static void
test_invalid_input (void)
{
  struct {
    gint64 node_a, node_b, edge_source;
    double width;
    double x;
    double label;
  } cases[] = {
    { 1, 1, 1, 10, 0, 0 },                /* the same node twice */
    { 1, 2, 3, 10, 0, 0 },                /* an edge to a node that is not there */
    { 1, 2, 1, NAN, 0, 0 },
    { 1, 2, 1, -1, 0, 0 },
    { 1, 2, 1, 10, INFINITY, 0 },         /* fixed at infinity */
    { 1, 2, 1, 10, 1e300, 0 },
    { 1, 2, 1, 10, 0, NAN },
    { 1, 2, 1, 1e9, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RsLayoutRequest) request = rs_layout_request_new (RS_LAYOUT_ENGINE_AUTO);
      g_autoptr(RsLayoutResult) result = NULL;
      g_autoptr(GError) error = NULL;

      rs_layout_request_add_node (request, cases[i].node_a, cases[i].width, 20, TRUE,
                                  cases[i].x, 0);
      rs_layout_request_add_node (request, cases[i].node_b, 10, 20, FALSE, 0, 0);
      rs_layout_request_add_edge (request, 1, cases[i].edge_source, 1, cases[i].label, 10, TRUE);

      result = rs_graph_layout_run (request, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    }
}

static void
test_empty (void)
{
  g_autoptr(RsLayoutRequest) request = rs_layout_request_new (RS_LAYOUT_ENGINE_AUTO);
  g_autoptr(RsLayoutResult) result = run (request);
  double x, y, w, h;

  g_assert_cmpuint (rs_layout_result_get_n_nodes (result), ==, 0);
  g_assert_cmpuint (rs_layout_result_get_n_edges (result), ==, 0);
  g_assert_false (rs_layout_result_lookup_node (result, 1, &x, &y));
  g_assert_false (rs_layout_result_lookup_edge (result, 1, NULL));
  rs_layout_result_get_bounds (result, &x, &y, &w, &h);
  g_assert_cmpfloat (w, ==, 0);
  g_assert_cmpfloat (h, ==, 0);
}

static void
test_boxed (void)
{
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new (RS_LAYOUT_ENGINE_CIRCO, 5, 1);
  g_autoptr(RsLayoutResult) result = run (request);
  RsLayoutRequest *request_copy = g_boxed_copy (RS_TYPE_LAYOUT_REQUEST, request);
  RsLayoutResult *result_copy = g_boxed_copy (RS_TYPE_LAYOUT_RESULT, result);

  /* Immutable values: a copy is a reference. */
  g_assert_true (request_copy == request);
  g_assert_true (result_copy == result);
  g_boxed_free (RS_TYPE_LAYOUT_REQUEST, request_copy);
  g_boxed_free (RS_TYPE_LAYOUT_RESULT, result_copy);

  g_assert_cmpint (rs_layout_request_get_engine (request), ==, RS_LAYOUT_ENGINE_CIRCO);
  g_assert_cmpuint (rs_layout_request_get_n_nodes (request), ==, 5);
  g_assert_cmpuint (rs_layout_request_get_n_edges (request), >=, 4);
  g_assert_false (rs_layout_request_get_place_new_only (request));
}

/* Every pair of node boxes, RS_LAYOUT_NODE_GAP apart (so the board's margins around
 * them do not touch either), checked pair by pair; pairs of two nodes in @fixed (may be
 * NULL) are left out, since nothing may move them. */
static void
assert_no_overlap_exact (RsLayoutResult *result,
                         const gboolean *fixed)
{
  guint n = rs_layout_result_get_n_nodes (result);
  g_autofree double *x = g_new (double, n + 1);
  g_autofree double *y = g_new (double, n + 1);
  g_autofree double *w = g_new (double, n + 1);
  g_autofree double *h = g_new (double, n + 1);

  for (guint i = 0; i < n; i++)
    {
      rs_layout_result_get_node (result, i, NULL, &x[i], &y[i], &w[i], &h[i]);
      w[i] += RS_LAYOUT_NODE_GAP;
      h[i] += RS_LAYOUT_NODE_GAP;
    }

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        if (fixed != NULL && fixed[a] && fixed[b])
          continue;
        if (boxes_overlap (x[a], y[a], w[a], h[a], x[b], y[b], w[b], h[b]))
          g_error ("nodes %u and %u overlap: (%g, %g) %g × %g and (%g, %g) %g × %g", a, b,
                   x[a], y[a], w[a], h[a], x[b], y[b], w[b], h[b]);
      }
}

/* AUTO on boards sfdp draws: 1,000 nodes (prism, then our pass for the margins) and
 * 5,000 (quadtree=fast, then our own overlap removal). */
static void
test_sfdp_no_overlap (gconstpointer data)
{
  guint n_nodes = GPOINTER_TO_UINT (data);
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new (RS_LAYOUT_ENGINE_AUTO, n_nodes, 7);
  g_autoptr(RsLayoutResult) result = run (request);

  g_assert_cmpint (rs_layout_result_get_engine (result), ==, RS_LAYOUT_ENGINE_SFDP);
  assert_complete (request, result);
  assert_no_overlap_exact (result, NULL);
}

/* One node in ten pinned on a grid over where the board would be. */
static gboolean
pin_tenth (guint     index,
           double   *x,
           double   *y,
           gpointer  user_data)
{
  if (index % 10 != 0)
    return FALSE;

  *x = (index / 10) % 30 * 400.0;
  *y = (index / 10) / 30 * 150.0;
  return TRUE;
}

/* A large board with pins: sfdp ignores them, they are put back, and the free nodes
 * are moved off them (and off each other), never the pins. (Two runs in one process do
 * not give the same drawing: Graphviz 2.42's sfdp does not, whatever its start
 * attribute; our own steps do, see test_overlap_removal_piles().) */
static void
test_large_pinned (void)
{
  const guint n_nodes = 2500;
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new_pinned (RS_LAYOUT_ENGINE_AUTO, n_nodes,
                                                                 5, pin_tenth, NULL);
  g_autoptr(RsLayoutResult) result = run (request);
  g_autofree gboolean *fixed = g_new0 (gboolean, n_nodes);

  g_assert_cmpint (rs_layout_result_get_engine (result), ==, RS_LAYOUT_ENGINE_SFDP);
  assert_complete (request, result);

  for (guint i = 0; i < n_nodes; i++)
    {
      double want_x, want_y, x, y;

      if (!pin_tenth (i, &want_x, &want_y, NULL))
        continue;

      fixed[i] = TRUE;
      rs_layout_result_get_node (result, i, NULL, &x, &y, NULL, NULL);
      g_assert_cmpfloat (x, ==, want_x);
      g_assert_cmpfloat (y, ==, want_y);
    }

  assert_no_overlap_exact (result, fixed);
}

/* Overlap removal on its own, at its worst: boxes piled up (all on a few spots) with
 * fixed ones among them, some huge. It ends with no overlap but between fixed boxes,
 * fixed boxes unmoved, and the same result every time. */
static void
test_overlap_removal_piles (void)
{
  const guint n = 3000;
  g_autofree RsOverlapBox *boxes = g_new0 (RsOverlapBox, n);
  g_autofree RsOverlapBox *copy = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  RsOverlapStats stats;

  for (guint i = 0; i < n; i++)
    {
      boxes[i].x = (i % 7) * 10.0 + g_rand_double_range (rand, -1, 1);
      boxes[i].y = (i % 5) * 10.0;
      boxes[i].half_width = g_rand_double_range (rand, 30, 70);
      boxes[i].half_height = g_rand_double_range (rand, 14, 20);
      boxes[i].fixed = i % 97 == 0;
    }
  boxes[1].half_width = 5000;   /* wider than a whole row of cells */
  boxes[2].x = boxes[3].x;      /* two boxes on the very same spot */
  boxes[2].y = boxes[3].y;
  copy = g_memdup2 (boxes, sizeof (RsOverlapBox) * n);

  g_assert_cmpuint (_rs_layout_count_overlaps (boxes, n), >, 0);
  g_assert_true (_rs_layout_remove_overlaps (boxes, n, NULL, &stats));
  g_assert_cmpuint (_rs_layout_count_overlaps (boxes, n), ==, 0);

  for (guint a = 0; a < n; a++)
    {
      if (boxes[a].fixed)
        {
          g_assert_cmpfloat (boxes[a].x, ==, copy[a].x);
          g_assert_cmpfloat (boxes[a].y, ==, copy[a].y);
        }

      for (guint b = a + 1; b < n; b++)
        if (!(boxes[a].fixed && boxes[b].fixed))
          g_assert_false (fabs (boxes[a].x - boxes[b].x) < boxes[a].half_width + boxes[b].half_width &&
                          fabs (boxes[a].y - boxes[b].y) < boxes[a].half_height + boxes[b].half_height);
    }

  /* Deterministic: the same input, the same output. */
  {
    g_autofree RsOverlapBox *again = g_memdup2 (copy, sizeof (RsOverlapBox) * n);

    g_assert_true (_rs_layout_remove_overlaps (again, n, NULL, NULL));
    g_assert_cmpmem (again, sizeof (RsOverlapBox) * n, boxes, sizeof (RsOverlapBox) * n);
  }

  /* Cancelled: stops, and says so. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (_rs_layout_remove_overlaps (copy, n, cancellable, NULL));
  }
}

/* A 5,000-node layout cancelled while it runs reports the cancellation. */
static void
test_cancel_large (void)
{
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new (RS_LAYOUT_ENGINE_AUTO, 5000, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData data = { 0 };

  rs_graph_layout_run_async (request, cancellable, layout_done_cb, &data);
  g_usleep (G_USEC_PER_SEC / 10);
  g_cancellable_cancel (cancellable);

  wait_for (&data);
  g_assert_null (data.result);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&data.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph-layout/engines", test_engines);
  g_test_add_func ("/graph-layout/edge-ends", test_edge_ends);
  g_test_add_func ("/graph-layout/dot-no-overlap", test_dot_no_overlap);
  for (guint i = 0; i < G_N_ELEMENTS (all_engines); i++)
    {
      g_autofree char *path = g_strdup_printf ("/graph-layout/fixed-nodes/%s",
                                               engine_nick (all_engines[i]));

      g_test_add_data_func (path, GINT_TO_POINTER (all_engines[i]), test_fixed_nodes);
    }
  g_test_add_func ("/graph-layout/place-new-only", test_place_new_only);
  g_test_add_func ("/graph-layout/async-same-as-sync", test_async_same_as_sync);
  g_test_add_func ("/graph-layout/cancel-before-start", test_cancel_before_start);
  g_test_add_func ("/graph-layout/cancel-superseded", test_cancel_superseded);
  g_test_add_func ("/graph-layout/auto-engine", test_auto_engine);
  g_test_add_func ("/graph-layout/route-round-trip", test_route_round_trip);
  g_test_add_func ("/graph-layout/route-rejects", test_route_rejects);
  g_test_add_func ("/graph-layout/loops-and-parallel-edges", test_loops_and_parallel_edges);
  g_test_add_func ("/graph-layout/huge-sizes", test_huge_sizes);
  g_test_add_func ("/graph-layout/invalid-input", test_invalid_input);
  g_test_add_func ("/graph-layout/empty", test_empty);
  g_test_add_func ("/graph-layout/boxed", test_boxed);
  g_test_add_data_func ("/graph-layout/sfdp-no-overlap/1000", GUINT_TO_POINTER (1000),
                        test_sfdp_no_overlap);
  g_test_add_data_func ("/graph-layout/sfdp-no-overlap/5000", GUINT_TO_POINTER (5000),
                        test_sfdp_no_overlap);
  g_test_add_func ("/graph-layout/large-pinned", test_large_pinned);
  g_test_add_func ("/graph-layout/overlap-removal-piles", test_overlap_removal_piles);
  g_test_add_func ("/graph-layout/cancel-large", test_cancel_large);

  return g_test_run ();
}
