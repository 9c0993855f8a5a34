/* bench-case.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rs-board-scene.h"
#include "rs-case-store.h"
#include "rs-core.h"
#include "rs-enum-types.h"
#include "rs-graph-layout.h"

/* Figures on a generated case (redstring-cli generate), for `make bench`:
 *
 *   bench-case layout CASE ENGINE   one layout of the whole board, as the board asks for
 *                                   it (nodes and label boxes sized by the scene); prints
 *                                   {"seconds": wall clock through rs_graph_layout_run,
 *                                    "engine": the engine that ran}
 *   bench-case search CASE          rs_case_store_search (limit 50) for names, kinds of
 *                                   words and a miss, each query 5 times, after a first
 *                                   search that brings the index up to date with what
 *                                   the case's writes queued (as the app's first Find
 *                                   does; it writes the case); prints
 *                                   {"first_ms": that first search, "median_ms": …,
 *                                    "max_ms": …, "n": queries, "hits": over all queries}
 *
 * layout opens the case read-only: nothing is written. */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
bench_layout (RsCaseStore *store,
              const char  *engine_nick)
{
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (rs_case_store_get_case (store), NULL, style);
  g_autoptr(RsLayoutRequest) request = NULL;
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int engine;
  gint64 start, end;

  if (!rs_enum_from_nick (RS_TYPE_LAYOUT_ENGINE, engine_nick, &engine))
    {
      g_printerr ("bench-case: unknown engine “%s”\n", engine_nick);
      return 2;
    }

  /* As _rs_board_view_start_layout() asks for a board laid out anew. */
  request = rs_layout_request_new (engine);
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

  start = g_get_monotonic_time ();
  result = rs_graph_layout_run (request, NULL, &error);
  end = g_get_monotonic_time ();
  if (result == NULL)
    {
      g_printerr ("bench-case: layout failed: %s\n", error->message);
      return 1;
    }
  g_print ("{\"seconds\": %.4f, \"engine\": \"%s\"}\n", (end - start) / (double) G_USEC_PER_SEC,
           rs_enum_to_nick (RS_TYPE_LAYOUT_ENGINE, rs_layout_result_get_engine (result)));
  return 0;
}

static int
bench_search (RsCaseStore *store)
{
  g_autoptr(GPtrArray) first_hits = NULL;
  g_autoptr(GError) first_error = NULL;
  gint64 first_start = g_get_monotonic_time ();
  double first_ms;
  static const char * const queries[] = {
    "Sorokin", "Holdings", "Port Harlow", "loader", "Viktor", "according", "Maritime",
    "Directorate", "harbor", "paid", "zzzznotthere",
  };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_hits = 0;

  if (!(first_hits = rs_case_store_search (store, "Holdings", 50, &first_error)))
    {
      g_printerr ("bench-case: search failed: %s\n", first_error->message);
      return 1;
    }
  first_ms = (g_get_monotonic_time () - first_start) / 1000.0;

  for (guint round = 0; round < 5; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GPtrArray) hits = NULL;
        g_autoptr(GError) error = NULL;
        gint64 start = g_get_monotonic_time ();
        double ms;

        hits = rs_case_store_search (store, queries[q], 50, &error);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        if (hits == NULL)
          {
            g_printerr ("bench-case: search “%s” failed: %s\n", queries[q], error->message);
            return 1;
          }
        g_array_append_val (times, ms);
        n_hits += hits->len;
      }
  g_array_sort (times, compare_double);
  g_print ("{\"first_ms\": %.2f, \"median_ms\": %.3f, \"max_ms\": %.3f, \"n\": %u, "
           "\"hits\": %u}\n", first_ms, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len - 1), times->len, n_hits);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  rs_core_init ();
  if (argc < 3 || (g_str_equal (argv[1], "layout") && argc != 4) ||
      (g_str_equal (argv[1], "search") && argc != 3))
    {
      g_printerr ("usage: bench-case layout CASE ENGINE | bench-case search CASE\n");
      return 2;
    }
  store = rs_case_store_open (argv[2], g_str_equal (argv[1], "layout") ? RS_CASE_STORE_OPEN_READ_ONLY
                                                                       : RS_CASE_STORE_OPEN_NONE,
                              &error);
  if (store == NULL)
    {
      g_printerr ("bench-case: %s\n", error->message);
      return 1;
    }
  if (g_str_equal (argv[1], "layout"))
    return bench_layout (store, argv[3]);
  if (g_str_equal (argv[1], "search"))
    return bench_search (store);
  g_printerr ("bench-case: unknown figure “%s”\n", argv[1]);
  return 2;
}
