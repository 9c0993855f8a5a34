/* rs-layout-draft.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-layout-draft"

#include "config.h"

#include <math.h>

#include "rs-layout-draft.h"
#include "rs-layout-overlap.h"
#include "rs-layout-result-private.h"

/* Fitting an engine's drawing to the board:
 *
 * 1. translate it so that the pinned nodes it placed line up, on average, with where
 *    they are pinned (exact for neato and fdp, which honour pins), or else to the
 *    board's origin, or beside the pinned nodes when it holds none of them;
 * 2. put every pinned node back exactly where it was given (dot, sfdp, circo and twopi
 *    ignore pins);
 * 3. when the engine left overlaps (sfdp on large boards), spread its drawing and
 *    part the nodes with rs-layout-overlap.c, pinned nodes staying put; otherwise, when
 *    there are pinned nodes, move the free nodes that now overlap a node to the nearest
 *    free spot;
 * 4. redraw the edges whose ends moved: shifted when both ends moved alike, otherwise
 *    as a straight cubic from border to border. When placing new nodes only, edges
 *    between two fixed nodes get no route at all: the caller keeps the one it has.
 */

/* Gap kept between nodes moved off an overlap, in points. */
#define SETTLE_MARGIN     8.0
/* How far around its spot a node is tried before it goes below everything. */
#define SETTLE_MAX_RINGS  64
/* Edges whose two ends moved alike, within this (points), keep the engine's curve. */
#define MOVE_TOLERANCE    0.5
/* Boxes spanning more grid cells than this are checked on their own. */
#define GRID_MAX_CELLS    256

typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
} Box;

static void
box_init_empty (Box *box)
{
  box->x0 = box->y0 = INFINITY;
  box->x1 = box->y1 = -INFINITY;
}

static gboolean
box_is_empty (const Box *box)
{
  return box->x0 > box->x1;
}

static void
box_extend (Box    *box,
            double  x,
            double  y,
            double  half_width,
            double  half_height)
{
  box->x0 = MIN (box->x0, x - half_width);
  box->y0 = MIN (box->y0, y - half_height);
  box->x1 = MAX (box->x1, x + half_width);
  box->y1 = MAX (box->y1, y + half_height);
}

static gboolean
box_intersects (const Box *a,
                const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static Box
node_box (const RsLayoutNode *node,
          double              x,
          double              y,
          double              margin)
{
  Box box = {
    x - node->width / 2 - margin, y - node->height / 2 - margin,
    x + node->width / 2 + margin, y + node->height / 2 + margin,
  };

  return box;
}

/* A uniform grid of boxes, for overlap queries on boards of any size. */
typedef struct
{
  double      cell;
  GArray     *boxes;  /* Box */
  GHashTable *cells;  /* gint64 (cell) → GArray of guint (box index) */
  GArray     *large;  /* guint: boxes too large for the cells */
  Box         bounds;
} Grid;

static void
grid_init (Grid   *grid,
           double  cell)
{
  grid->cell = cell;
  grid->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  grid->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  grid->large = g_array_new (FALSE, FALSE, sizeof (guint));
  box_init_empty (&grid->bounds);
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->boxes, g_array_unref);
  g_clear_pointer (&grid->cells, g_hash_table_unref);
  g_clear_pointer (&grid->large, g_array_unref);
}

/* Cell range of @box, FALSE if it spans more than GRID_MAX_CELLS. */
static gboolean
grid_range (const Grid *grid,
            const Box  *box,
            gint64     *ix0,
            gint64     *iy0,
            gint64     *ix1,
            gint64     *iy1)
{
  *ix0 = (gint64) floor (box->x0 / grid->cell);
  *iy0 = (gint64) floor (box->y0 / grid->cell);
  *ix1 = (gint64) floor (box->x1 / grid->cell);
  *iy1 = (gint64) floor (box->y1 / grid->cell);

  return (*ix1 - *ix0 + 1) * (*iy1 - *iy0 + 1) <= GRID_MAX_CELLS;
}

static gint64
cell_key (gint64 ix,
          gint64 iy)
{
  /* Coordinates are bounded (RS_LAYOUT_MAX_COORD), so indices fit in 32 bits. */
  return (gint64) ((guint64) ix << 32 | (guint32) iy);
}

static void
grid_insert (Grid      *grid,
             const Box *box)
{
  guint index = grid->boxes->len;
  gint64 ix0, iy0, ix1, iy1;

  g_array_append_val (grid->boxes, *box);
  grid->bounds.x0 = MIN (grid->bounds.x0, box->x0);
  grid->bounds.y0 = MIN (grid->bounds.y0, box->y0);
  grid->bounds.x1 = MAX (grid->bounds.x1, box->x1);
  grid->bounds.y1 = MAX (grid->bounds.y1, box->y1);

  if (!grid_range (grid, box, &ix0, &iy0, &ix1, &iy1))
    {
      g_array_append_val (grid->large, index);
      return;
    }

  for (gint64 ix = ix0; ix <= ix1; ix++)
    for (gint64 iy = iy0; iy <= iy1; iy++)
      {
        gint64 key = cell_key (ix, iy);
        GArray *cell = g_hash_table_lookup (grid->cells, &key);

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (grid->cells, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, index);
      }
}

static gboolean
grid_collides (const Grid *grid,
               const Box  *box)
{
  gint64 ix0, iy0, ix1, iy1;

  if (!grid_range (grid, box, &ix0, &iy0, &ix1, &iy1))
    {
      for (guint i = 0; i < grid->boxes->len; i++)
        if (box_intersects (box, &g_array_index (grid->boxes, Box, i)))
          return TRUE;
      return FALSE;
    }

  for (guint i = 0; i < grid->large->len; i++)
    if (box_intersects (box, &g_array_index (grid->boxes, Box,
                                             g_array_index (grid->large, guint, i))))
      return TRUE;

  for (gint64 ix = ix0; ix <= ix1; ix++)
    for (gint64 iy = iy0; iy <= iy1; iy++)
      {
        gint64 key = cell_key (ix, iy);
        GArray *cell = g_hash_table_lookup (grid->cells, &key);

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          if (box_intersects (box, &g_array_index (grid->boxes, Box,
                                                   g_array_index (cell, guint, i))))
            return TRUE;
      }

  return FALSE;
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

/* Placing new nodes only, the engine sees them, the fixed nodes they link to and the
 * links that touch a new node. Each connected piece of that is a graph of its own: laid
 * out together, the pieces would pull each other (and their new nodes) towards the
 * middle, and so would links between fixed nodes far apart on the board. Pieces with no
 * fixed node share one more graph, which goes beside the board. */
static void
split_neighbourhood (RsLayoutDraft *self)
{
  g_autofree guint *parent = g_new (guint, self->n_nodes + 1);
  g_autofree int *root_graph = g_new (int, self->n_nodes + 1);
  int loose = -1;

  for (guint i = 0; i < self->n_nodes; i++)
    {
      parent[i] = i;
      root_graph[i] = -1;
      self->nodes[i].graph = self->request_nodes[i].fixed ? -1 : 0;
    }

  for (guint e = 0; e < self->n_edges; e++)
    {
      guint source = self->ends[2 * e], target = self->ends[2 * e + 1];

      if (self->request_nodes[source].fixed && self->request_nodes[target].fixed)
        continue;

      self->nodes[source].graph = self->nodes[target].graph = 0;
      parent[find_root (parent, source)] = find_root (parent, target);
    }

  for (guint i = 0; i < self->n_nodes; i++)
    if (self->nodes[i].graph == 0 && self->request_nodes[i].fixed)
      {
        guint root = find_root (parent, i);

        if (root_graph[root] < 0)
          root_graph[root] = self->n_graphs++;
      }

  for (guint i = 0; i < self->n_nodes; i++)
    {
      guint root;

      if (self->nodes[i].graph < 0)
        continue;

      root = find_root (parent, i);
      if (root_graph[root] < 0)
        {
          if (loose < 0)
            loose = self->n_graphs++;
          root_graph[root] = loose;
        }
      self->nodes[i].graph = root_graph[root];
    }
}

RsLayoutDraft *
_rs_layout_draft_new (const RsLayoutRequest *request,
                      const guint           *ends,
                      RsLayoutEngine         engine)
{
  RsLayoutDraft *self = g_new0 (RsLayoutDraft, 1);

  self->request = request;
  self->request_nodes = _rs_layout_request_get_nodes (request, &self->n_nodes);
  self->request_edges = _rs_layout_request_get_edges (request, &self->n_edges);
  self->ends = ends;
  self->engine = engine;
  self->nodes = g_new0 (RsLayoutDraftNode, self->n_nodes + 1);
  self->edges = g_new0 (RsLayoutDraftEdge, self->n_edges + 1);

  self->neighbourhood_only = rs_layout_request_get_place_new_only (request) &&
                             rs_layout_request_get_n_fixed (request) > 0;

  if (self->neighbourhood_only)
    {
      split_neighbourhood (self);
    }
  else
    {
      self->n_graphs = self->n_nodes > 0 ? 1 : 0;
      for (guint i = 0; i < self->n_nodes; i++)
        self->nodes[i].graph = 0;
    }

  self->graph_sizes = g_new0 (guint, self->n_graphs + 1);
  for (guint i = 0; i < self->n_nodes; i++)
    if (self->nodes[i].graph >= 0)
      self->graph_sizes[self->nodes[i].graph]++;

  return self;
}

void
_rs_layout_draft_free (RsLayoutDraft *self)
{
  for (guint e = 0; e < self->n_edges; e++)
    g_clear_pointer (&self->edges[e].points, g_array_unref);
  g_free (self->nodes);
  g_free (self->edges);
  g_free (self->graph_sizes);
  g_free (self);
}

/* The graph an edge is drawn in, or -1. */
int
_rs_layout_draft_edge_graph (const RsLayoutDraft *self,
                             guint                edge)
{
  guint source = self->ends[2 * edge], target = self->ends[2 * edge + 1];

  if (self->neighbourhood_only && self->request_nodes[source].fixed &&
      self->request_nodes[target].fixed)
    return -1;

  return self->nodes[source].graph == self->nodes[target].graph ? self->nodes[source].graph : -1;
}

/* Bounds of the engine's drawing: nodes, edges and labels. */
static Box
engine_bounds (const RsLayoutDraft *self,
               int                  graph)
{
  Box bounds;

  box_init_empty (&bounds);

  for (guint i = 0; i < self->n_nodes; i++)
    if (self->nodes[i].placed && self->nodes[i].graph == graph)
      box_extend (&bounds, self->nodes[i].x, self->nodes[i].y,
                  self->request_nodes[i].width / 2, self->request_nodes[i].height / 2);

  for (guint e = 0; e < self->n_edges; e++)
    {
      const RsLayoutDraftEdge *edge = &self->edges[e];

      if (_rs_layout_draft_edge_graph (self, e) != graph)
        continue;

      for (guint k = 0; edge->points != NULL && k < edge->points->len; k++)
        box_extend (&bounds, g_array_index (edge->points, RsLayoutPoint, k).x,
                    g_array_index (edge->points, RsLayoutPoint, k).y, 0, 0);
      if (edge->has_label_pos && _rs_layout_edge_has_label (&self->request_edges[e]))
        box_extend (&bounds, edge->label_x, edge->label_y,
                    self->request_edges[e].label_width / 2,
                    self->request_edges[e].label_height / 2);
    }

  return bounds;
}

/* Where the drawing of one engine run goes on the board. */
static RsLayoutPoint
compute_translation (const RsLayoutDraft *self,
                     int                  graph)
{
  RsLayoutPoint shift = { 0, 0 };
  Box drawing, pinned;
  guint n_anchors = 0;

  /* Least squares: the mean offset of the pinned nodes the engine placed. */
  for (guint i = 0; i < self->n_nodes; i++)
    if (self->request_nodes[i].fixed && self->nodes[i].placed && self->nodes[i].graph == graph)
      {
        shift.x += self->request_nodes[i].x - self->nodes[i].x;
        shift.y += self->request_nodes[i].y - self->nodes[i].y;
        n_anchors++;
      }

  if (n_anchors > 0)
    {
      shift.x /= n_anchors;
      shift.y /= n_anchors;
      return shift;
    }

  drawing = engine_bounds (self, graph);
  if (box_is_empty (&drawing))
    return shift;

  box_init_empty (&pinned);
  for (guint i = 0; i < self->n_nodes; i++)
    if (self->request_nodes[i].fixed)
      box_extend (&pinned, self->request_nodes[i].x, self->request_nodes[i].y,
                  self->request_nodes[i].width / 2, self->request_nodes[i].height / 2);

  /* New nodes linked to nothing on the board go to its right, top-aligned. */
  if (!box_is_empty (&pinned))
    {
      shift.x = pinned.x1 + 4 * SETTLE_MARGIN - drawing.x0;
      shift.y = pinned.y0 - drawing.y0;
      return shift;
    }

  shift.x = -drawing.x0;
  shift.y = -drawing.y0;
  return shift;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_node_side (const RsLayoutDraft *self)
{
  g_autofree double *sides = g_new (double, self->n_nodes + 1);
  double median;

  for (guint i = 0; i < self->n_nodes; i++)
    sides[i] = MAX (self->request_nodes[i].width, self->request_nodes[i].height);

  /* A selection would do; sorting 20,000 doubles costs about a millisecond. */
  g_qsort_with_data (sides, self->n_nodes, sizeof (double), compare_doubles, NULL);
  median = self->n_nodes > 0 ? sides[self->n_nodes / 2] : 0;

  return median;
}

/* Rings of candidate spots around (x, y), nearest first. */
static gboolean
find_free_spot (const Grid         *grid,
                const RsLayoutNode *node,
                double             *x,
                double             *y)
{
  double step = MAX (MIN (node->width, node->height) / 2, SETTLE_MARGIN);

  for (guint ring = 1; ring <= SETTLE_MAX_RINGS; ring++)
    {
      guint n = 8 * ring;

      for (guint k = 0; k < n; k++)
        {
          double angle = 2 * G_PI * k / n;
          double cx = *x + ring * step * cos (angle);
          double cy = *y + ring * step * sin (angle);
          Box box = node_box (node, cx, cy, SETTLE_MARGIN / 2);

          if (!grid_collides (grid, &box))
            {
              *x = cx;
              *y = cy;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* Moves free nodes off the pinned nodes and off each other, in request order. */
static void
settle_free_nodes (const RsLayoutDraft *self,
                   RsLayoutPoint       *final)
{
  Grid grid;

  grid_init (&grid, MAX (2 * median_node_side (self), 4 * SETTLE_MARGIN));

  for (guint i = 0; i < self->n_nodes; i++)
    if (self->request_nodes[i].fixed)
      {
        Box box = node_box (&self->request_nodes[i], final[i].x, final[i].y, SETTLE_MARGIN / 2);
        grid_insert (&grid, &box);
      }

  for (guint i = 0; i < self->n_nodes; i++)
    {
      const RsLayoutNode *node = &self->request_nodes[i];
      Box box;

      if (node->fixed)
        continue;

      box = node_box (node, final[i].x, final[i].y, SETTLE_MARGIN / 2);
      if (grid_collides (&grid, &box))
        {
          if (!find_free_spot (&grid, node, &final[i].x, &final[i].y))
            final[i].y = grid.bounds.y1 + node->height / 2 + SETTLE_MARGIN;
          box = node_box (node, final[i].x, final[i].y, SETTLE_MARGIN / 2);
        }

      grid_insert (&grid, &box);
    }

  grid_clear (&grid);
}

/* Where the segment from the centre of a node towards @to leaves the node's box. */
static RsLayoutPoint
border_point (const RsLayoutNode  *node,
              RsLayoutPoint        centre,
              RsLayoutPoint        to)
{
  double dx = to.x - centre.x, dy = to.y - centre.y;
  double sx = dx != 0 ? node->width / 2 / fabs (dx) : INFINITY;
  double sy = dy != 0 ? node->height / 2 / fabs (dy) : INFINITY;
  double s = MIN (MIN (sx, sy), 1.0);

  if (!isfinite (s))
    return centre;

  return (RsLayoutPoint) { centre.x + s * dx, centre.y + s * dy };
}

static void
straight_route (GArray        *points,
                RsLayoutPoint  from,
                RsLayoutPoint  to)
{
  RsLayoutPoint route[4] = {
    from,
    { from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3 },
    { from.x + 2 * (to.x - from.x) / 3, from.y + 2 * (to.y - from.y) / 3 },
    to,
  };

  g_array_set_size (points, 0);
  g_array_append_vals (points, route, G_N_ELEMENTS (route));
}

/* A loop out of the right side of a node, for self-links the engine did not draw. */
static void
loop_route (GArray             *points,
            const RsLayoutNode *node,
            RsLayoutPoint       centre)
{
  double right = centre.x + node->width / 2;
  double reach = MAX (node->height, 4 * SETTLE_MARGIN);
  RsLayoutPoint route[4] = {
    { right, centre.y - node->height / 4 },
    { right + reach, centre.y - node->height / 2 - reach / 2 },
    { right + reach, centre.y + node->height / 2 + reach / 2 },
    { right, centre.y + node->height / 4 },
  };

  g_array_set_size (points, 0);
  g_array_append_vals (points, route, G_N_ELEMENTS (route));
}

static void
translate_route (GArray        *points,
                 RsLayoutPoint  by)
{
  for (guint k = 0; k < points->len; k++)
    {
      g_array_index (points, RsLayoutPoint, k).x += by.x;
      g_array_index (points, RsLayoutPoint, k).y += by.y;
    }
}

/* The point half-way along the path (by segments), where a label goes by default. */
static RsLayoutPoint
route_middle (const GArray *points)
{
  guint n_segments = (points->len - 1) / 3;
  const RsLayoutPoint *p = &g_array_index (points, RsLayoutPoint, 3 * (n_segments / 2));

  if (n_segments % 2 == 0)
    return p[0];

  return (RsLayoutPoint) {
    (p[0].x + 3 * p[1].x + 3 * p[2].x + p[3].x) / 8,
    (p[0].y + 3 * p[1].y + 3 * p[2].y + p[3].y) / 8,
  };
}

static double
distance (RsLayoutPoint a,
          RsLayoutPoint b)
{
  return hypot (a.x - b.x, a.y - b.y);
}

/* Graphviz may draw an edge from head to tail (dot's reversed edges); results always
 * run from source to target. */
static void
orient_route (GArray        *points,
              RsLayoutPoint  source,
              RsLayoutPoint  target)
{
  RsLayoutPoint first = g_array_index (points, RsLayoutPoint, 0);
  RsLayoutPoint last = g_array_index (points, RsLayoutPoint, points->len - 1);

  if (distance (first, source) + distance (last, target) <=
      distance (first, target) + distance (last, source))
    return;

  for (guint a = 0, b = points->len - 1; a < b; a++, b--)
    {
      RsLayoutPoint swap = g_array_index (points, RsLayoutPoint, a);

      g_array_index (points, RsLayoutPoint, a) = g_array_index (points, RsLayoutPoint, b);
      g_array_index (points, RsLayoutPoint, b) = swap;
    }
}

static void
straight_between (const RsLayoutDraft *self,
                  guint                source,
                  guint                target,
                  const RsLayoutPoint *final,
                  GArray              *points)
{
  straight_route (points,
                  border_point (&self->request_nodes[source], final[source], final[target]),
                  border_point (&self->request_nodes[target], final[target], final[source]));
}

/* Edge @e's path into @points and its label centre into @label, with the nodes at
 * @final, @moved from where the engine drew them. */
static void
draw_edge (const RsLayoutDraft *self,
           guint                e,
           const RsLayoutPoint *final,
           const RsLayoutPoint *moved,
           GArray              *points,
           RsLayoutPoint       *label)
{
  const RsLayoutDraftEdge *edge = &self->edges[e];
  guint source = self->ends[2 * e], target = self->ends[2 * e + 1];

  g_array_set_size (points, 0);

  if (edge->points != NULL && edge->points->len >= 4)
    {
      g_array_append_vals (points, edge->points->data, edge->points->len);
      if (source != target)
        orient_route (points,
                      (RsLayoutPoint) { self->nodes[source].x, self->nodes[source].y },
                      (RsLayoutPoint) { self->nodes[target].x, self->nodes[target].y });

      /* Ends that moved alike (or not at all) keep the engine's curve. */
      if (source == target || distance (moved[source], moved[target]) < MOVE_TOLERANCE)
        {
          translate_route (points, moved[source]);
          if (edge->has_label_pos)
            {
              label->x = edge->label_x + moved[source].x;
              label->y = edge->label_y + moved[source].y;
              return;
            }
        }
      else
        {
          straight_between (self, source, target, final, points);
        }
    }
  else if (source == target)
    {
      loop_route (points, &self->request_nodes[source], final[source]);
    }
  else
    {
      straight_between (self, source, target, final, points);
    }

  *label = route_middle (points);
}

/* Moves each engine run's drawing to its place on the board. */
static void
place_drawings (RsLayoutDraft *self)
{
  g_autofree RsLayoutPoint *shifts = g_new0 (RsLayoutPoint, self->n_graphs + 1);

  for (guint g = 0; g < self->n_graphs; g++)
    shifts[g] = compute_translation (self, g);

  for (guint i = 0; i < self->n_nodes; i++)
    if (self->nodes[i].placed)
      {
        self->nodes[i].x += shifts[self->nodes[i].graph].x;
        self->nodes[i].y += shifts[self->nodes[i].graph].y;
      }

  for (guint e = 0; e < self->n_edges; e++)
    {
      RsLayoutDraftEdge *edge = &self->edges[e];
      int graph = _rs_layout_draft_edge_graph (self, e);

      if (graph < 0)
        continue;

      if (edge->points != NULL)
        translate_route (edge->points, shifts[graph]);
      edge->label_x += shifts[graph].x;
      edge->label_y += shifts[graph].y;
    }
}

/* sfdp draws far tighter than our labels: its drawing is scaled up before it is placed
 * (see _rs_layout_spread_factor()). Its straight edges are stale after that, and are
 * dropped: draw_edge() redraws them from border to border where the nodes end up,
 * which is what sfdp drew in the first place (it draws no curves unless asked). */
static void
spread_drawing (RsLayoutDraft *self)
{
  g_autofree RsOverlapBox *boxes = g_new0 (RsOverlapBox, self->n_nodes + 1);
  g_autofree guint *ends = g_new (guint, 2 * (gsize) self->n_edges + 1);
  guint n_ends = 0;
  double factor;

  for (guint i = 0; i < self->n_nodes; i++)
    boxes[i] = (RsOverlapBox) {
      self->nodes[i].x, self->nodes[i].y,
      self->request_nodes[i].width / 2 + RS_LAYOUT_NODE_GAP / 2,
      self->request_nodes[i].height / 2 + RS_LAYOUT_NODE_GAP / 2,
      !self->nodes[i].placed,
    };

  for (guint e = 0; e < self->n_edges; e++)
    {
      if (_rs_layout_draft_edge_graph (self, e) >= 0)
        {
          ends[2 * n_ends] = self->ends[2 * e];
          ends[2 * n_ends + 1] = self->ends[2 * e + 1];
          n_ends++;
        }

      g_clear_pointer (&self->edges[e].points, g_array_unref);
      self->edges[e].has_label_pos = FALSE;
    }

  factor = _rs_layout_spread_factor (boxes, self->n_nodes, ends, n_ends);
  g_debug ("spreading the drawing %.2f times", factor);

  for (guint i = 0; i < self->n_nodes; i++)
    if (self->nodes[i].placed)
      {
        self->nodes[i].x *= factor;
        self->nodes[i].y *= factor;
      }
}

/* Parts every free node from every other node, RS_LAYOUT_NODE_GAP apart. */
static gboolean
remove_overlaps (RsLayoutDraft  *self,
                 RsLayoutPoint  *final,
                 GCancellable   *cancellable)
{
  g_autofree RsOverlapBox *boxes = g_new0 (RsOverlapBox, self->n_nodes + 1);
  RsOverlapStats stats;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < self->n_nodes; i++)
    boxes[i] = (RsOverlapBox) {
      final[i].x, final[i].y,
      self->request_nodes[i].width / 2 + RS_LAYOUT_NODE_GAP / 2,
      self->request_nodes[i].height / 2 + RS_LAYOUT_NODE_GAP / 2,
      self->request_nodes[i].fixed || !self->nodes[i].placed,
    };

  if (!_rs_layout_remove_overlaps (boxes, self->n_nodes, cancellable, &stats))
    return FALSE;

  for (guint i = 0; i < self->n_nodes; i++)
    final[i] = (RsLayoutPoint) { boxes[i].x, boxes[i].y };

  g_debug ("overlaps removed in %.3f s: %u sweeps, %u nodes resettled, "
           "nodes moved %.1f points on average",
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, stats.iterations,
           stats.resettled, stats.mean_shift);
  return TRUE;
}

/* Returns NULL, with @error set, only when cancelled. */
RsLayoutResult *
_rs_layout_draft_finish (RsLayoutDraft  *self,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (RsLayoutPoint));
  g_autofree RsLayoutPoint *final = g_new0 (RsLayoutPoint, self->n_nodes + 1);
  g_autofree RsLayoutPoint *moved = g_new0 (RsLayoutPoint, self->n_nodes + 1);

  if (self->overlaps_left)
    spread_drawing (self);

  place_drawings (self);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      const RsLayoutNode *node = &self->request_nodes[i];

      if (node->fixed)
        final[i] = (RsLayoutPoint) { node->x, node->y };
      else if (self->nodes[i].placed)
        final[i] = (RsLayoutPoint) { self->nodes[i].x, self->nodes[i].y };
    }

  if (self->remove_overlaps)
    {
      if (!remove_overlaps (self, final, cancellable))
        {
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return NULL;
        }
    }
  else if (rs_layout_request_get_n_fixed (self->request) > 0)
    {
      settle_free_nodes (self, final);
    }

  for (guint i = 0; i < self->n_nodes; i++)
    if (self->nodes[i].placed)
      moved[i] = (RsLayoutPoint) { final[i].x - self->nodes[i].x, final[i].y - self->nodes[i].y };

  result = _rs_layout_result_new (self->engine, self->n_nodes, self->n_edges);

  for (guint i = 0; i < self->n_nodes; i++)
    _rs_layout_result_add_node (result, self->request_nodes[i].id, final[i].x, final[i].y,
                                self->request_nodes[i].width, self->request_nodes[i].height);

  for (guint e = 0; e < self->n_edges; e++)
    {
      const RsLayoutEdge *request_edge = &self->request_edges[e];
      guint source = self->ends[2 * e], target = self->ends[2 * e + 1];
      RsLayoutPoint label;

      /* Placing new nodes leaves the rest of the board, edges included, as it is. */
      if (self->neighbourhood_only && self->request_nodes[source].fixed &&
          self->request_nodes[target].fixed)
        {
          _rs_layout_result_add_edge (result, request_edge->id, NULL, 0, FALSE, 0, 0, 0, 0);
          continue;
        }

      draw_edge (self, e, final, moved, points, &label);
      _rs_layout_result_add_edge (result, request_edge->id,
                                  &g_array_index (points, RsLayoutPoint, 0), points->len,
                                  _rs_layout_edge_has_label (request_edge), label.x, label.y,
                                  request_edge->label_width, request_edge->label_height);
    }

  _rs_layout_result_seal (result);
  return g_steal_pointer (&result);
}
