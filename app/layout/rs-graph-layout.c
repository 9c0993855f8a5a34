/* rs-graph-layout.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-graph-layout"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <graphviz/gvc.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rs-error.h"
#include "rs-graph-layout.h"
#include "rs-layout-draft.h"

/* The only file that talks to Graphviz. Graphviz keeps its state in globals (the
 * context's plugins, the error channel, neato's and sfdp's working data), so every
 * cgraph and gvc call below runs with graphviz_lock held, and no Agraph_t leaves the
 * file: the engine's drawing is copied into an RsLayoutDraft, fitted to the board by
 * rs-layout-draft.c outside the lock.
 *
 * Edge labels: Graphviz sizes a text label from its font, which would need our Pango
 * measurements redone in Graphviz's font setup. Each label is instead an empty HTML-like
 * table with FIXEDSIZE, WIDTH and HEIGHT in points, which every engine accepts. Limits:
 * only dot makes room for labels (as virtual nodes between ranks); the other engines put
 * a label beside the middle of its edge (its corner on the midpoint) and labels may then
 * overlap nodes; WIDTH and HEIGHT stop at 65535 points. dot gets its labels as xlabels,
 * placed once the ranks are drawn: as ranks of their own they doubled the width of the
 * sample board, which then could not be read without scrolling. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Agraph_t, agclose)

/* sfdp's full overlap removal (prism) costs 1 s at 1,000 nodes here and 2.8 s at 2,000,
 * and it grows faster than sfdp: 20 prism passes after quadtree=fast took 2 s at 5,000
 * nodes and 16 s at 20,000, three quarters of it in prism. Past SFDP_PRISM_MAX_NODES,
 * sfdp runs with quadtree=fast and leaves the overlaps, which rs-layout-overlap.c removes
 * over a grid in a fraction of a second (see rs-layout-draft.c). */
#define SFDP_PRISM_MAX_NODES   2000
#define HTML_MAX_SIZE          65535
#define NODE_SEPARATION        16
/* Boards up to this many nodes are drawn by dot to be read whole on one screen: see
 * set_graph_attributes_locked(). */
#define DOT_COMPACT_MAX_NODES  80
/* Links to a leaf are 1 to this many ranks long, in turn (what Graphviz's `unflatten -l`
 * does): a hub's leaves spread over several short ranks instead of one wide one. Two,
 * since each rank now costs a label's height (see set_graph_attributes_locked()). */
#define DOT_COMPACT_STAGGER    2

static const char * const engine_names[] = {
  [RS_LAYOUT_ENGINE_DOT] = "dot",
  [RS_LAYOUT_ENGINE_NEATO] = "neato",
  [RS_LAYOUT_ENGINE_FDP] = "fdp",
  [RS_LAYOUT_ENGINE_SFDP] = "sfdp",
  [RS_LAYOUT_ENGINE_CIRCO] = "circo",
  [RS_LAYOUT_ENGINE_TWOPI] = "twopi",
};

/* Whether sfdp leaves the overlaps of a graph of @n_nodes to rs-layout-overlap.c. */
static gboolean
sfdp_leaves_overlaps (guint n_nodes)
{
  return n_nodes > SFDP_PRISM_MAX_NODES;
}

static GMutex   graphviz_lock;
/* Under graphviz_lock: created on first use, then kept for the life of the process */
static GVC_t   *graphviz_context;
static GString *graphviz_messages;

static int
collect_message_locked (char *message)
{
  g_string_append (graphviz_messages, message);
  return 0;
}

static GVC_t *
get_context_locked (void)
{
  if (graphviz_context == NULL)
    {
      /* Every message, warnings included, comes to us instead of stderr. */
      graphviz_messages = g_string_new (NULL);
      agseterrf (collect_message_locked);
      agseterr (AGWARN);
      graphviz_context = gvContext ();
    }

  return graphviz_context;
}

/* cgraph takes `char *` everywhere, and keeps its own copies. */
static Agsym_t *
declare_locked (Agraph_t   *graph,
                int         kind,
                const char *name,
                const char *default_value)
{
  return agattr (graph, kind, (char *) name, (char *) default_value);
}

static void
set_locked (void       *object,
            Agsym_t    *symbol,
            const char *value)
{
  agxset (object, symbol, (char *) value);
}

static void
format_inches (char   *buf,
               gsize   size,
               double  points)
{
  g_ascii_dtostr (buf, size, points / 72.0);
}

static gboolean
engine_honours_pins (RsLayoutEngine engine)
{
  return engine == RS_LAYOUT_ENGINE_NEATO || engine == RS_LAYOUT_ENGINE_FDP;
}

/* What the attributes of one engine run depend on. */
typedef struct
{
  guint         n_nodes;
  guint         n_pinned;
  RsLayoutPoint pin_centre;  /* mean position of the pinned nodes */
  double        mean_side;   /* mean of the larger side of each node */
} GraphStats;

static void
graph_stats (const RsLayoutDraft *draft,
             int                  index,
             GraphStats          *stats)
{
  memset (stats, 0, sizeof *stats);

  for (guint i = 0; i < draft->n_nodes; i++)
    {
      const RsLayoutNode *node = &draft->request_nodes[i];

      if (draft->nodes[i].graph != index)
        continue;

      stats->n_nodes++;
      stats->mean_side += MAX (node->width, node->height);
      if (node->fixed && engine_honours_pins (draft->engine))
        {
          stats->pin_centre.x += node->x;
          stats->pin_centre.y += node->y;
          stats->n_pinned++;
        }
    }

  if (stats->n_nodes > 0)
    stats->mean_side /= stats->n_nodes;
  if (stats->n_pinned > 0)
    {
      stats->pin_centre.x /= stats->n_pinned;
      stats->pin_centre.y /= stats->n_pinned;
    }
}

static void
set_graph_attributes_locked (Agraph_t         *graph,
                             RsLayoutEngine    engine,
                             const GraphStats *stats)
{
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  switch (engine)
    {
    case RS_LAYOUT_ENGINE_SFDP:
      if (!sfdp_leaves_overlaps (stats->n_nodes))
        {
          declare_locked (graph, AGRAPH, "overlap", "prism");
        }
      else
        {
          /* No overlap attribute: Debian's sfdp then leaves overlaps, at the scale of
           * its ideal link length. overlap=true also leaves them, but in a drawing 15
           * times smaller with nodes piled on each other. */
          declare_locked (graph, AGRAPH, "quadtree", "fast");
        }
      break;

    case RS_LAYOUT_ENGINE_NEATO:
      /* Overlap removal rescales the drawing, pinned nodes included: with pins the
       * overlaps are settled afterwards instead. Stress majorisation (the default mode)
       * leaves free nodes stranded far from pins; Kamada-Kawai brings them close. */
      if (stats->n_pinned > 0)
        declare_locked (graph, AGRAPH, "mode", "KK");
      else
        declare_locked (graph, AGRAPH, "overlap", "prism");

      /* Links as long as the nodes are wide, and some (the default is an inch). */
      format_inches (value, sizeof value, MAX (72.0, stats->mean_side + 2 * NODE_SEPARATION));
      declare_locked (graph, AGEDGE, "len", value);
      break;

    case RS_LAYOUT_ENGINE_FDP:
      if (stats->n_pinned == 0)
        declare_locked (graph, AGRAPH, "overlap", "prism");
      break;

    case RS_LAYOUT_ENGINE_TWOPI:
      declare_locked (graph, AGRAPH, "overlap", "prism");
      break;

    case RS_LAYOUT_ENGINE_DOT:
      if (stats->n_nodes <= DOT_COMPACT_MAX_NODES)
        {
          /* A small board is read whole at its first view, so it must be compact
           * enough to fit a screen with its labels legible (the sample case fitted at
           * 56% with the settings below, labels 7 px tall). Top to bottom with leaves
           * staggered over ranks (see DOT_COMPACT_STAGGER), tight separations, and
           * dot's compression towards a 4:3 box. Between ranks there is room for a line
           * of edge label and a node's badge (the board places labels there, see
           * rs-board-labels.c: at 0.25" 41 of the sample's 58 labels had nowhere
           * to go); fewer, wider ranks keep the height, and slightly tighter columns the
           * width: the sample draws 1,027 × 569 points (978 × 558 with 0.25" between
           * four staggered ranks) and shows 39 of its 58 labels; at nodesep 0.15 it
           * showed 41 but opened below 11 px node labels (test-board-view). */
          declare_locked (graph, AGRAPH, "rankdir", "TB");
          declare_locked (graph, AGRAPH, "ranksep", "0.5");
          declare_locked (graph, AGRAPH, "nodesep", "0.13");
          declare_locked (graph, AGRAPH, "ratio", "compress");
          declare_locked (graph, AGRAPH, "size", "10,7.5");
          break;
        }

      /* Board nodes are labels: much wider than tall. Ranks side by side stack those
       * short boxes in columns, where top-to-bottom ranks lined them up in a strip
       * several screens wide (the sample case drew 3.7 times wider than tall). */
      declare_locked (graph, AGRAPH, "rankdir", "LR");
      declare_locked (graph, AGRAPH, "ranksep", "0.5");
      declare_locked (graph, AGRAPH, "nodesep", "0.35");
      break;

    case RS_LAYOUT_ENGINE_CIRCO:
      break;

    case RS_LAYOUT_ENGINE_AUTO:
    default:
      g_assert_not_reached ();
    }

  /* Overlap removal leaves this much around each node (points; the default of 4 packs
   * nodes so close that their links and labels have no room). */
  g_snprintf (value, sizeof value, "+%d", NODE_SEPARATION);
  declare_locked (graph, AGRAPH, "sep", value);
}

static Agraph_t *
build_graph_locked (const RsLayoutDraft  *draft,
                    int                   index,
                    Agnode_t            **gv_nodes,
                    Agedge_t            **gv_edges)
{
  Agraph_t *graph = agopen ((char *) "board", Agdirected, NULL);
  Agsym_t *width, *height, *pos = NULL, *pin = NULL, *dir, *label, *minlen = NULL;
  g_autofree guint *degree = NULL;
  guint n_leaf_edges = 0;
  gboolean labels_left;
  GraphStats stats;

  graph_stats (draft, index, &stats);
  labels_left = draft->engine == RS_LAYOUT_ENGINE_SFDP && sfdp_leaves_overlaps (stats.n_nodes);
  set_graph_attributes_locked (graph, draft->engine, &stats);

  /* Our own shapes are drawn by the app: a box of the right size with no text gives
   * edge ends on the border without Graphviz measuring any font. */
  declare_locked (graph, AGNODE, "shape", "box");
  declare_locked (graph, AGNODE, "fixedsize", "true");
  declare_locked (graph, AGNODE, "label", "");
  width = declare_locked (graph, AGNODE, "width", "1");
  height = declare_locked (graph, AGNODE, "height", "0.5");
  if (stats.n_pinned > 0)
    {
      pos = declare_locked (graph, AGNODE, "pos", "");
      pin = declare_locked (graph, AGNODE, "pin", "false");
    }
  dir = declare_locked (graph, AGEDGE, "dir", "forward");
  if (draft->engine == RS_LAYOUT_ENGINE_DOT && stats.n_nodes <= DOT_COMPACT_MAX_NODES)
    {
      degree = g_new0 (guint, draft->n_nodes);
      minlen = declare_locked (graph, AGEDGE, "minlen", "1");
      for (guint e = 0; e < draft->n_edges; e++)
        if (_rs_layout_draft_edge_graph (draft, e) == index)
          {
            degree[draft->ends[2 * e]]++;
            degree[draft->ends[2 * e + 1]]++;
          }
    }
  if (draft->engine == RS_LAYOUT_ENGINE_DOT)
    {
      declare_locked (graph, AGRAPH, "forcelabels", "true");
      label = declare_locked (graph, AGEDGE, "xlabel", "");
    }
  else
    label = declare_locked (graph, AGEDGE, "label", "");

  for (guint i = 0; i < draft->n_nodes; i++)
    {
      const RsLayoutNode *node = &draft->request_nodes[i];
      char name[32];
      char value[2 * G_ASCII_DTOSTR_BUF_SIZE + 2];

      if (draft->nodes[i].graph != index)
        continue;

      g_snprintf (name, sizeof name, "n%" G_GINT64_FORMAT, node->id);
      gv_nodes[i] = agnode (graph, name, TRUE);

      /* Graphviz refuses nodes under 0.01 inch; a point is more. */
      format_inches (value, sizeof value, MAX (node->width, 1.0));
      set_locked (gv_nodes[i], width, value);
      format_inches (value, sizeof value, MAX (node->height, 1.0));
      set_locked (gv_nodes[i], height, value);

      /* Pins go in relative to their centre, near where the engine starts the free
       * nodes; rs-layout-draft.c puts the drawing back in place. Graphviz is y-up: the
       * board's y-down coordinates are mirrored. */
      if (stats.n_pinned > 0 && node->fixed)
        {
          char x[G_ASCII_DTOSTR_BUF_SIZE];
          char y[G_ASCII_DTOSTR_BUF_SIZE];

          format_inches (x, sizeof x, node->x - stats.pin_centre.x);
          format_inches (y, sizeof y, stats.pin_centre.y - node->y);
          g_snprintf (value, sizeof value, "%s,%s!", x, y);
          set_locked (gv_nodes[i], pos, value);
          set_locked (gv_nodes[i], pin, "true");
        }
    }

  for (guint e = 0; e < draft->n_edges; e++)
    {
      const RsLayoutEdge *edge = &draft->request_edges[e];

      if (_rs_layout_draft_edge_graph (draft, e) != index)
        continue;

      /* Anonymous edges: parallel links stay distinct. */
      gv_edges[e] = agedge (graph, gv_nodes[draft->ends[2 * e]],
                            gv_nodes[draft->ends[2 * e + 1]], NULL, TRUE);

      if (!edge->directed)
        set_locked (gv_edges[e], dir, "none");

      if (degree != NULL &&
          (degree[draft->ends[2 * e]] == 1 || degree[draft->ends[2 * e + 1]] == 1))
        {
          char value[8];

          g_snprintf (value, sizeof value, "%u", 1 + n_leaf_edges++ % DOT_COMPACT_STAGGER);
          set_locked (gv_edges[e], minlen, value);
        }

      /* Where sfdp leaves overlaps, its label placement (an R-tree of overlapping
       * boxes) took minutes at 5,000 nodes; the labels are put back at the middle of
       * each link once the overlaps are gone (rs-layout-draft.c). */
      if (_rs_layout_edge_has_label (edge) && !labels_left)
        {
          g_autofree char *table = NULL;
          char *html;

          table = g_strdup_printf ("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                                   "CELLPADDING=\"0\" FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" "
                                   "HEIGHT=\"%d\"><TR><TD></TD></TR></TABLE>",
                                   (int) CLAMP (ceil (edge->label_width), 1, HTML_MAX_SIZE),
                                   (int) CLAMP (ceil (edge->label_height), 1, HTML_MAX_SIZE));
          /* agxset() keeps the HTML flag of a string it already holds. */
          html = agstrdup_html (graph, table);
          set_locked (gv_edges[e], label, html);
          agstrfree (graph, html);
        }
    }

  return graph;
}

static RsLayoutPoint
to_board (pointf p)
{
  return (RsLayoutPoint) { p.x, -p.y };
}

static void
append_line_to (GArray        *points,
                RsLayoutPoint  to)
{
  RsLayoutPoint from = g_array_index (points, RsLayoutPoint, points->len - 1);
  RsLayoutPoint line[3] = {
    { from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3 },
    { from.x + 2 * (to.x - from.x) / 3, from.y + 2 * (to.y - from.y) / 3 },
    to,
  };

  g_array_append_vals (points, line, G_N_ELEMENTS (line));
}

/* One cubic path per edge: Graphviz's pieces joined, and the arrow tips it leaves
 * outside the spline (sp/ep) added as straight segments, so that the path reaches the
 * node borders. */
static GArray *
read_route_locked (const splines *spl)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (RsLayoutPoint));

  for (int b = 0; b < spl->size; b++)
    {
      const bezier *bz = &spl->list[b];
      RsLayoutPoint start;

      if (bz->size < 4 || (bz->size - 1) % 3 != 0)
        continue;

      start = to_board (bz->sflag ? bz->sp : bz->list[0]);
      if (points->len == 0)
        g_array_append_val (points, start);
      else
        append_line_to (points, start);

      if (bz->sflag)
        append_line_to (points, to_board (bz->list[0]));

      for (int k = 1; k < bz->size; k++)
        {
          RsLayoutPoint p = to_board (bz->list[k]);
          g_array_append_val (points, p);
        }

      if (bz->eflag)
        append_line_to (points, to_board (bz->ep));
    }

  if (points->len < 4)
    return NULL;

  return g_steal_pointer (&points);
}

static void
read_layout_locked (RsLayoutDraft  *draft,
                    Agnode_t      **gv_nodes,
                    Agedge_t      **gv_edges)
{
  for (guint i = 0; i < draft->n_nodes; i++)
    if (gv_nodes[i] != NULL)
      {
        RsLayoutPoint centre = to_board (ND_coord (gv_nodes[i]));

        draft->nodes[i].x = centre.x;
        draft->nodes[i].y = centre.y;
        draft->nodes[i].placed = TRUE;
      }

  for (guint e = 0; e < draft->n_edges; e++)
    {
      RsLayoutDraftEdge *edge = &draft->edges[e];
      textlabel_t *label;

      if (gv_edges[e] == NULL)
        continue;

      if (ED_spl (gv_edges[e]) != NULL)
        edge->points = read_route_locked (ED_spl (gv_edges[e]));

      label = ED_label (gv_edges[e]) ? ED_label (gv_edges[e]) : ED_xlabel (gv_edges[e]);
      if (label != NULL && label->set)
        {
          RsLayoutPoint centre = to_board (label->pos);

          edge->has_label_pos = TRUE;
          edge->label_x = centre.x;
          edge->label_y = centre.y;
        }
    }
}

static gboolean
layout_locked (RsLayoutDraft  *draft,
               int             index,
               GError        **error)
{
  g_autoptr(Agraph_t) graph = NULL;
  g_autofree Agnode_t **gv_nodes = g_new0 (Agnode_t *, draft->n_nodes + 1);
  g_autofree Agedge_t **gv_edges = g_new0 (Agedge_t *, draft->n_edges + 1);
  GVC_t *context = get_context_locked ();
  int status;

  if (context == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_LAYOUT_FAILED,
                   _("Could not lay out the board: Graphviz could not start"));
      return FALSE;
    }

  agreseterrors ();
  g_string_truncate (graphviz_messages, 0);

  graph = build_graph_locked (draft, index, gv_nodes, gv_edges);
  if (draft->engine == RS_LAYOUT_ENGINE_SFDP && sfdp_leaves_overlaps (draft->graph_sizes[index]))
    draft->overlaps_left = TRUE;
  status = gvLayout (context, graph, engine_names[draft->engine]);
  if (status == 0 && agerrors () == 0)
    read_layout_locked (draft, gv_nodes, gv_edges);

  /* Always, and before agclose(): frees what the engine attached to the graph. */
  gvFreeLayout (context, graph);

  if (status != 0 || agerrors () > 0)
    {
      g_strstrip (graphviz_messages->str);
      g_set_error (error, RS_ERROR, RS_ERROR_LAYOUT_FAILED,
                   _("Could not lay out the board with %s: %s"), engine_names[draft->engine],
                   graphviz_messages->len > 0 ? graphviz_messages->str : _("unknown error"));
      return FALSE;
    }

  if (graphviz_messages->len > 0)
    g_debug ("%s: %s", engine_names[draft->engine], graphviz_messages->str);

  return TRUE;
}

static gboolean
run_graphviz (RsLayoutDraft  *draft,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&graphviz_lock);

  for (guint index = 0; index < draft->n_graphs; index++)
    {
      /* The lock may have been held for seconds by a layout that made this one stale. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!layout_locked (draft, index, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rs_graph_layout_run:
 * @request: what to lay out; sealed by this call
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Lays out @request with the engine it asks for (or the one
 * rs_layout_request_choose_engine() picks), blocking until done. Safe to call from any
 * thread; layouts run one at a time.
 *
 * Every fixed node ends exactly where it was given, whatever the engine. A cancelled
 * layout fails with %G_IO_ERROR_CANCELLED (as the async variant does, through #GTask);
 * a layout Graphviz cannot do fails with %RS_ERROR_LAYOUT_FAILED, and a request holding
 * invalid values with %RS_ERROR_INVALID_INPUT.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
RsLayoutResult *
rs_graph_layout_run (RsLayoutRequest  *request,
                     GCancellable     *cancellable,
                     GError          **error)
{
  g_autoptr(RsLayoutDraft) draft = NULL;
  g_autofree guint *ends = NULL;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _rs_layout_request_seal (request);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!_rs_layout_request_resolve (request, &ends, error))
    return NULL;

  draft = _rs_layout_draft_new (request, ends, rs_layout_request_choose_engine (request));
  /* Even prism leaves nodes closer than the board's margins around them. */
  draft->remove_overlaps = draft->engine == RS_LAYOUT_ENGINE_SFDP;

  if (!run_graphviz (draft, cancellable, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return _rs_layout_draft_finish (draft, cancellable, error);
}

/**
 * rs_graph_layout_write_dot:
 * @request: what to lay out; sealed by this call
 * @path: the file to write (replaced)
 * @error: return location for a #GError
 *
 * Writes the graph(s) rs_graph_layout_run() would give Graphviz for @request, with the
 * same attributes, as DOT: the Graphviz command line then lays out the same thing
 * (`sfdp FILE`, the engine being the one rs_layout_request_choose_engine() picks), which
 * is how the benchmark compares the two. Our own steps (fitting, overlap removal) are
 * not in it.
 *
 * Returns: %TRUE if written
 */
gboolean
rs_graph_layout_write_dot (RsLayoutRequest  *request,
                           const char       *path,
                           GError          **error)
{
  g_autoptr(RsLayoutDraft) draft = NULL;
  g_autofree guint *ends = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  FILE *file;
  gboolean ok = TRUE;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _rs_layout_request_seal (request);

  if (!_rs_layout_request_resolve (request, &ends, error))
    return FALSE;

  draft = _rs_layout_draft_new (request, ends, rs_layout_request_choose_engine (request));

  file = g_fopen (path, "w");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }

  locker = g_mutex_locker_new (&graphviz_lock);
  get_context_locked ();

  for (guint index = 0; index < draft->n_graphs && ok; index++)
    {
      g_autoptr(Agraph_t) graph = NULL;
      g_autofree Agnode_t **gv_nodes = g_new0 (Agnode_t *, draft->n_nodes + 1);
      g_autofree Agedge_t **gv_edges = g_new0 (Agedge_t *, draft->n_edges + 1);

      graph = build_graph_locked (draft, index, gv_nodes, gv_edges);
      ok = agwrite (graph, file) == 0;
    }

  g_clear_pointer (&locker, g_mutex_locker_free);

  if (fclose (file) != 0 || !ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s"), path);
      return FALSE;
    }

  return TRUE;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RsLayoutRequest *request = task_data;
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = rs_graph_layout_run (request, cancellable, &error);

  /* GTask runs this even when the task was cancelled before it started, and has then
   * stored an error of its own, which only this call frees. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&result),
                           (GDestroyNotify) rs_layout_result_unref);
}

/**
 * rs_graph_layout_run_async:
 * @request: what to lay out; sealed by this call
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Lays out @request in a worker thread. Cancelling calls @callback at once with
 * %G_IO_ERROR_CANCELLED, even while Graphviz is still busy (its result is then
 * dropped), so a stale layout never reaches the board.
 */
void
rs_graph_layout_run_async (RsLayoutRequest     *request,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (request != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _rs_layout_request_seal (request);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_graph_layout_run_async);
  g_task_set_name (task, "rs_graph_layout_run_async");
  g_task_set_task_data (task, rs_layout_request_ref (request),
                        (GDestroyNotify) rs_layout_request_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, run_in_thread);
}

RsLayoutResult *
rs_graph_layout_run_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rs_graph_layout_run_async,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
