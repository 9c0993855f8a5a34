/* rs-test-graph.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-layout-request.h"

G_BEGIN_DECLS

/* Whether node @index (id @index + 1) is fixed, and where. */
typedef gboolean (*RsTestPinFunc) (guint     index,
                                   double   *x,
                                   double   *y,
                                   gpointer  user_data);

/* Investigation-shaped boards for the layout tests and benchmark: a few hubs (the
 * suspects, the front company) that many entities link to, about 1.5 links per entity,
 * one link in four labelled and one in five undirected. Node ids are 1…n_nodes, edge ids
 * 1…n_edges; the same seed gives the same board. */
static inline RsLayoutRequest *
rs_test_graph_new_pinned (RsLayoutEngine engine,
                          guint          n_nodes,
                          guint32        seed,
                          RsTestPinFunc  pin,
                          gpointer       user_data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  RsLayoutRequest *request = rs_layout_request_new (engine);
  guint n_hubs = MAX (3, n_nodes / 200);
  gint64 edge_id = 0;

  for (guint i = 0; i < n_nodes; i++)
    {
      gboolean hub = i < n_hubs;
      double width = hub ? 120 : g_rand_int_range (rand, 60, 120);
      double x = 0, y = 0;
      gboolean fixed = pin != NULL && pin (i, &x, &y, user_data);

      rs_layout_request_add_node (request, i + 1, width, hub ? 40 : 28, fixed, x, y);
    }

  for (guint i = 1; i < n_nodes + n_nodes / 2; i++)
    {
      guint source, target;
      gboolean labelled;

      if (i < n_nodes)
        {
          /* A spanning tree that leans on the hubs… */
          target = i;
          source = i < n_hubs || g_rand_double (rand) >= 0.3
                     ? (guint) g_rand_int_range (rand, 0, i)
                     : (guint) g_rand_int_range (rand, 0, MIN (i, n_hubs));
        }
      else
        {
          /* …and half as many links again, half of them to a hub. */
          source = g_rand_int_range (rand, 0, n_nodes);
          target = g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, 0, n_hubs)
                                         : (guint) g_rand_int_range (rand, 0, n_nodes);
          if (source == target)
            continue;
        }

      edge_id++;
      labelled = edge_id % 4 == 0;
      rs_layout_request_add_edge (request, edge_id, source + 1, target + 1,
                                  labelled ? 50 : 0, labelled ? 14 : 0, edge_id % 5 != 0);
    }

  return request;
}

static inline RsLayoutRequest *
rs_test_graph_new (RsLayoutEngine engine,
                   guint          n_nodes,
                   guint32        seed)
{
  return rs_test_graph_new_pinned (engine, n_nodes, seed, NULL, NULL);
}

G_END_DECLS
