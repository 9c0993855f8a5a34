/* bench-layout.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "rs-enum-types.h"
#include "rs-graph-layout.h"
#include "rs-test-graph.h"

/* Layout time on investigation-shaped boards, for `make bench` (never a unit test):
 *
 *   bench-layout [NODES…]     (default: 100 1000 5000 20000)
 *
 * For each size: the engine AUTO picks, sfdp when AUTO picked something else, and
 * placing the last 10 entities on the board AUTO drew (place-new-only). Times are wall
 * clock through rs_graph_layout_run(), checks and fitting included. Overlaps: pairs of
 * node boxes that overlap, as they are and grown by the board's margin.
 *
 *   bench-layout --dot FILE NODES
 *
 * writes the AUTO board of NODES as Graphviz gets it, for timing the command line
 * (`sfdp FILE`) against the library. */

#define N_NEW 10

typedef struct
{
  RsLayoutResult *board;
  guint           first_new;
} PinData;

static gboolean
pin_existing (guint     index,
              double   *x,
              double   *y,
              gpointer  user_data)
{
  PinData *data = user_data;

  return index < data->first_new && rs_layout_result_lookup_node (data->board, index + 1, x, y);
}

static int
compare_left (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const double *left = user_data;
  double l = left[*(const guint *) a], r = left[*(const guint *) b];

  return (l > r) - (l < r);
}

/* The margin the board draws around a node (badge, outline; NODE_MARGIN in
 * rs-board-scene.c), which must not overlap either. */
#define BOARD_MARGIN 10.0

/* Pairs of node boxes grown by @margin on every side that overlap, by a sweep along x
 * (exact). */
static guint
count_overlaps (RsLayoutResult *result,
                double          margin)
{
  guint n = rs_layout_result_get_n_nodes (result);
  g_autofree double *x = g_new (double, n + 1);
  g_autofree double *y = g_new (double, n + 1);
  g_autofree double *w = g_new (double, n + 1);
  g_autofree double *h = g_new (double, n + 1);
  g_autofree double *left = g_new (double, n + 1);
  g_autofree guint *order = g_new (guint, n + 1);
  guint overlaps = 0;

  for (guint i = 0; i < n; i++)
    {
      rs_layout_result_get_node (result, i, NULL, &x[i], &y[i], &w[i], &h[i]);
      w[i] += 2 * margin;
      h[i] += 2 * margin;
      left[i] = x[i] - w[i] / 2;
      order[i] = i;
    }
  g_qsort_with_data (order, n, sizeof (guint), compare_left, left);

  for (guint a = 0; a < n; a++)
    {
      guint i = order[a];

      for (guint b = a + 1; b < n && left[order[b]] < x[i] + w[i] / 2 - 0.01; b++)
        {
          guint j = order[b];

          if (ABS (y[i] - y[j]) < (h[i] + h[j]) / 2 - 0.01)
            overlaps++;
        }
    }

  return overlaps;
}

static RsLayoutResult *
time_layout (RsLayoutRequest *request,
             const char      *mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GEnumClass) engines = g_type_class_ref (RS_TYPE_LAYOUT_ENGINE);
  RsLayoutResult *result;
  gint64 start, end;

  start = g_get_monotonic_time ();
  result = rs_graph_layout_run (request, NULL, &error);
  end = g_get_monotonic_time ();

  if (result == NULL)
    g_error ("Layout of %u nodes failed: %s", rs_layout_request_get_n_nodes (request),
             error->message);

  g_print ("%8u %8u  %-6s %-10s %9.2f %9u %9u\n",
           rs_layout_request_get_n_nodes (request), rs_layout_request_get_n_edges (request),
           g_enum_get_value (engines, rs_layout_result_get_engine (result))->value_nick, mode,
           (end - start) / (double) G_USEC_PER_SEC, count_overlaps (result, 0),
           count_overlaps (result, BOARD_MARGIN));

  return result;
}

static void
bench_size (guint n_nodes)
{
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new (RS_LAYOUT_ENGINE_AUTO, n_nodes, 1);
  g_autoptr(RsLayoutRequest) incremental = NULL;
  g_autoptr(RsLayoutResult) board = NULL;
  PinData data;

  board = time_layout (request, "full");

  if (rs_layout_result_get_engine (board) != RS_LAYOUT_ENGINE_SFDP)
    {
      g_autoptr(RsLayoutRequest) sfdp = rs_test_graph_new (RS_LAYOUT_ENGINE_SFDP, n_nodes, 1);
      g_autoptr(RsLayoutResult) result = time_layout (sfdp, "full");
    }

  if (n_nodes > N_NEW)
    {
      g_autoptr(RsLayoutResult) result = NULL;

      data.board = board;
      data.first_new = n_nodes - N_NEW;
      incremental = rs_test_graph_new_pinned (RS_LAYOUT_ENGINE_AUTO, n_nodes, 1,
                                              pin_existing, &data);
      rs_layout_request_set_place_new_only (incremental, TRUE);
      result = time_layout (incremental, "new-only");
    }
}

/* bench-layout --dot FILE NODES: the AUTO board of NODES as Graphviz gets it. */
static int
write_dot (const char *path,
           guint       n_nodes)
{
  g_autoptr(RsLayoutRequest) request = rs_test_graph_new (RS_LAYOUT_ENGINE_AUTO, n_nodes, 1);
  g_autoptr(GError) error = NULL;

  if (!rs_graph_layout_write_dot (request, path, &error))
    g_error ("%s", error->message);

  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  static const guint default_sizes[] = { 100, 1000, 5000, 20000 };

  if (argc == 4 && g_str_equal (argv[1], "--dot"))
    return write_dot (argv[2], strtoul (argv[3], NULL, 10));

  g_print ("%8s %8s  %-6s %-10s %9s %9s %9s\n", "nodes", "edges", "engine", "mode", "seconds",
           "overlaps", "+margin");

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        bench_size (strtoul (argv[i], NULL, 10));
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (default_sizes); i++)
        bench_size (default_sizes[i]);
    }

  return EXIT_SUCCESS;
}
