/* fuzz-dot-import.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rs-core.h"
#include "rs-dot-import.h"
#include "rs-error.h"
#include "rs-fuzz.h"

/* The Graphviz DOT reader (cgraph), as `redstring-cli import-dot` and File → Import
 * use it. Invariants: a refused file gets RS_ERROR_INVALID_INPUT and a readable
 * sentence; an accepted one has what a case can hold (UTF-8 names and labels without
 * control characters but tab, CR and LF, a non-empty label per node, edges between two
 * different nodes of the graph, finite positions, known kinds and statuses); and the
 * same bytes read twice give the same graph (cgraph keeps state between files). */

static void
check_text (const char *what,
            const char *text,
            gboolean    non_empty)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || (non_empty && *text == '\0'))
    {
      fprintf (stderr, "fuzz-dot-import: a %s is missing, empty or not UTF-8\n", what);
      abort ();
    }
  for (const char *p = text; *p != '\0'; p++)
    if (((guchar) *p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r') || *p == 0x7f)
      {
        fprintf (stderr, "fuzz-dot-import: control byte 0x%02x in a %s\n", (guchar) *p, what);
        abort ();
      }
}

static void
check_graph (RsDotGraph *graph)
{
  guint n_nodes = rs_dot_graph_get_n_nodes (graph);

  check_text ("graph name", rs_dot_graph_get_name (graph), FALSE);
  if (n_nodes > RS_DOT_MAX_NODES || rs_dot_graph_get_n_edges (graph) > RS_DOT_MAX_EDGES)
    {
      fprintf (stderr, "fuzz-dot-import: past the limits\n");
      abort ();
    }
  for (guint i = 0; i < n_nodes; i++)
    {
      const RsDotNode *node = rs_dot_graph_get_node (graph, i);

      check_text ("node name", node->name, FALSE);
      check_text ("node label", node->label, TRUE);
      if ((guint) node->kind >= RS_ENTITY_KIND_LAST ||
          (node->has_position && (!isfinite (node->x) || !isfinite (node->y))))
        {
          fprintf (stderr, "fuzz-dot-import: node %u has a bad kind or position\n", i);
          abort ();
        }
    }
  for (guint i = 0; i < rs_dot_graph_get_n_edges (graph); i++)
    {
      const RsDotEdge *edge = rs_dot_graph_get_edge (graph, i);

      check_text ("edge label", edge->label, FALSE);
      if (edge->source >= n_nodes || edge->target >= n_nodes || edge->source == edge->target ||
          (guint) edge->status > RS_RELATION_STATUS_REFUTED)
        {
          fprintf (stderr, "fuzz-dot-import: edge %u is not between two nodes of the graph\n", i);
          abort ();
        }
    }
}

static void
check_same (RsDotGraph *a,
            RsDotGraph *b)
{
  gboolean same = (a == NULL) == (b == NULL);

  if (same && a != NULL)
    {
      same = rs_dot_graph_get_n_nodes (a) == rs_dot_graph_get_n_nodes (b) &&
             rs_dot_graph_get_n_edges (a) == rs_dot_graph_get_n_edges (b) &&
             rs_dot_graph_get_n_loops (a) == rs_dot_graph_get_n_loops (b);
      for (guint i = 0; same && i < rs_dot_graph_get_n_nodes (a); i++)
        same = g_str_equal (rs_dot_graph_get_node (a, i)->label, rs_dot_graph_get_node (b, i)->label);
    }
  if (!same)
    {
      fprintf (stderr, "fuzz-dot-import: the same bytes read twice gave two graphs\n");
      abort ();
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rs_core_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(RsDotGraph) graph = rs_dot_graph_read_bytes (bytes, "fuzz.gv", &error);
  g_autoptr(RsDotGraph) again = rs_dot_graph_read_bytes (bytes, "fuzz.gv", &again_error);

  check_same (graph, again);
  if (graph == NULL)
    {
      rs_fuzz_check_error (error);
      if (!g_error_matches (error, RS_ERROR, RS_ERROR_INVALID_INPUT))
        {
          fprintf (stderr, "fuzz-dot-import: refused with %s %d, not INVALID_INPUT\n",
                   g_quark_to_string (error->domain), error->code);
          abort ();
        }
      if (g_strcmp0 (error->message, again_error->message) != 0)
        {
          fprintf (stderr, "fuzz-dot-import: two reasons for one file: %s / %s\n",
                   error->message, again_error->message);
          abort ();
        }
      return 0;
    }

  check_graph (graph);
  return 0;
}
