/* rs-board-labels.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-labels"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "rs-board-geometry.h"
#include "rs-board-labels.h"
#include "rs-board-style.h"

/* Where each edge label goes, decided by the scene when it is built (labels have a fixed
 * size in board units, so the zoom does not change the answer).
 *
 * Layout engines place labels for their own purposes: dot's xlabels land wherever there
 * is room, often far from their edge, and the other engines hang a label off the middle of
 * its edge whether a node is there or not. Instead, each label tries a few anchors along
 * its own drawn path, middle first, centred on the path and then beside it, and takes the
 * first whose box is clear of every node (with its badge) and of the labels already
 * placed. Labels are placed greedily in a stable order: labels of items the filter shows
 * before dimmed ones, then the shortest first (a short label fits where a long one cannot,
 * so more of them show), then relation order. A label with no clear anchor is hidden: the
 * board's picture leaves it out and the overlay draws it while its edge is hovered or
 * selected, at its first anchor clear of nodes (or the middle of the path).
 *
 * Cost: a few dozen anchors per edge, each a lookup in the node grid and in a grid of the
 * placed labels that only looks at the cells the box covers. */

/* Points per cubic piece when measuring a path by its length. */
#define FLATTEN_STEPS  16
/* Board units per cell of the placed-label grid, and a cap on its cells. */
#define LABEL_CELL     96.0
#define MAX_CELLS      (1u << 18)

/* How far from the path, as a share of the distance that puts the box just beside it:
 * 0 centred on the path, 1 beside it (above or below a level edge, left or right of an
 * upright one), in between astride it. */
typedef struct
{
  double fraction;   /* of the path's length, from the source */
  double shift;
} Anchor;

/* Centred on the middle of the path, then astride and beside it, then further along, but
 * never near the ends: a label there covers an arrowhead or sits against a node. */
static const Anchor anchors[] = {
  { 0.50, 0 }, { 0.45, 0 }, { 0.55, 0 }, { 0.40, 0 }, { 0.60, 0 },
  { 0.50, 1 }, { 0.45, 1 }, { 0.55, 1 }, { 0.40, 1 }, { 0.60, 1 },
  { 0.50, 0.5 }, { 0.45, 0.5 }, { 0.55, 0.5 }, { 0.40, 0.5 }, { 0.60, 0.5 },
  { 0.35, 0 }, { 0.65, 0 }, { 0.30, 0 }, { 0.70, 0 },
  { 0.35, 1 }, { 0.65, 1 }, { 0.30, 1 }, { 0.70, 1 },
  { 0.35, 0.5 }, { 0.65, 0.5 }, { 0.30, 0.5 }, { 0.70, 0.5 },
  { 0.25, 0 }, { 0.75, 0 }, { 0.20, 0 }, { 0.80, 0 },
  { 0.25, 1 }, { 0.75, 1 }, { 0.20, 1 }, { 0.80, 1 },
};

typedef struct
{
  double x;
  double y;
  double length;    /* along the path up to here */
} PathSample;

/* Placed labels, in a grid that grows as they are placed: cell → chain of entries. */
typedef struct
{
  guint rect;
  guint next;       /* entry index + 1, 0 ends the chain */
} LabelEntry;

typedef struct
{
  /* Borrowed */
  const RsBoardNode *nodes;
  RsBoardGrid       *node_grid;

  /* Owned */
  GArray *samples;  /* PathSample of the edge being placed */
  GArray *rects;    /* RsBoardRect of the placed labels */
  GArray *entries;  /* LabelEntry */
  guint  *heads;    /* per cell, entry index + 1 */
  double  x0;
  double  y0;
  double  cell;
  guint   cols;
  guint   rows;
} Placer;

static void
placer_init (Placer            *self,
             const RsBoardNode *nodes,
             RsBoardGrid       *node_grid,
             const RsBoardRect *bounds)
{
  double cell = LABEL_CELL;

  while ((bounds->width / cell + 1) * (bounds->height / cell + 1) > MAX_CELLS)
    cell *= 1.5;

  *self = (Placer) {
    .nodes = nodes,
    .node_grid = node_grid,
    .samples = g_array_new (FALSE, FALSE, sizeof (PathSample)),
    .rects = g_array_new (FALSE, FALSE, sizeof (RsBoardRect)),
    .entries = g_array_new (FALSE, FALSE, sizeof (LabelEntry)),
    .x0 = bounds->x,
    .y0 = bounds->y,
    .cell = cell,
    .cols = (guint)(bounds->width / cell) + 1,
    .rows = (guint)(bounds->height / cell) + 1,
  };
  self->heads = g_new0 (guint, self->cols * self->rows);
}

static void
placer_clear (Placer *self)
{
  g_clear_pointer (&self->samples, g_array_unref);
  g_clear_pointer (&self->rects, g_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->heads, g_free);
}

/* Cells a rectangle covers; anything beyond the bounds lands in the border cells, for
 * adding and asking alike. */
static void
placer_cover (const Placer      *self,
              const RsBoardRect *rect,
              guint             *c0,
              guint             *r0,
              guint             *c1,
              guint             *r1)
{
  *c0 = (guint)CLAMP (floor ((rect->x - self->x0) / self->cell), 0, self->cols - 1);
  *r0 = (guint)CLAMP (floor ((rect->y - self->y0) / self->cell), 0, self->rows - 1);
  *c1 = (guint)CLAMP (floor ((rect->x + rect->width - self->x0) / self->cell), 0, self->cols - 1);
  *r1 = (guint)CLAMP (floor ((rect->y + rect->height - self->y0) / self->cell), 0,
                      self->rows - 1);
}

static void
placer_add_label (Placer            *self,
                  const RsBoardRect *rect)
{
  guint c0, r0, c1, r1;
  guint index = self->rects->len;

  g_array_append_val (self->rects, *rect);
  placer_cover (self, rect, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        guint cell = r * self->cols + c;
        LabelEntry entry = { index, self->heads[cell] };

        g_array_append_val (self->entries, entry);
        self->heads[cell] = self->entries->len;
      }
}

static gboolean
placer_meets_label (const Placer      *self,
                    const RsBoardRect *rect)
{
  RsBoardRect wide = *rect;
  guint c0, r0, c1, r1;

  rs_board_rect_inflate (&wide, RS_BOARD_LABEL_LABEL_GAP, RS_BOARD_LABEL_LABEL_GAP);
  placer_cover (self, &wide, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      for (guint e = self->heads[r * self->cols + c]; e != 0;
           e = g_array_index (self->entries, LabelEntry, e - 1).next)
        {
          guint index = g_array_index (self->entries, LabelEntry, e - 1).rect;

          if (rs_board_rect_intersects (&g_array_index (self->rects, RsBoardRect, index), &wide))
            return TRUE;
        }
  return FALSE;
}

/* A node and what is drawn around it: the outline, and the document badge that straddles
 * its top border near the right (where rs-board-painter.c's draw_node() puts it). Within
 * the node grid's margin, so the grid finds every node it meets. */
static gboolean
node_meets (guint              item,
            const RsBoardRect *rect,
            gpointer           user_data)
{
  const Placer *self = user_data;
  const RsBoardNode *node = &self->nodes[item];
  const double gap = RS_BOARD_LABEL_NODE_GAP, r = RS_BOARD_BADGE_RADIUS;
  RsBoardRect box = { node->x - node->width / 2, node->y - node->height / 2,
                      node->width, node->height };
  RsBoardShape shape;
  double left, right, top, bottom, body_h, badge_x, badge_y;

  rs_board_rect_inflate (&box, gap, gap);
  if (rs_board_rect_intersects (&box, rect))
    return TRUE;
  if (node->n_documents == 0)
    return FALSE;

  shape = rs_board_style_get_kind_shape (node->kind);
  rs_board_style_get_shape_insets (shape, node->height, &left, &right, &top, &bottom);
  body_h = node->height - top - bottom;
  rs_board_style_get_shape_insets (shape, body_h, &left, &right, &top, &bottom);
  badge_x = node->x + node->width / 2 - right - 5;
  badge_y = node->y - node->height / 2 + top;

  /* Room for "99+", the widest count. */
  box = (RsBoardRect) { badge_x - r - 6, badge_y - r, 2 * r + 12, 2 * r };
  rs_board_rect_inflate (&box, gap, gap);
  return rs_board_rect_intersects (&box, rect);
}

static gboolean
placer_meets_node (Placer            *self,
                   const RsBoardRect *rect)
{
  return self->node_grid != NULL && rs_board_grid_any (self->node_grid, rect, node_meets, self);
}

static void
flatten (GArray            *samples,
         const RsBoardEdge *edge)
{
  PathSample sample = { edge->points[0], edge->points[1], 0 };

  g_array_set_size (samples, 0);
  g_array_append_val (samples, sample);
  for (guint k = 0; k + 3 < edge->n_points; k += 3)
    for (guint step = 1; step <= FLATTEN_STEPS; step++)
      {
        PathSample next = { 0 };

        rs_board_bezier_point (edge->points + 2 * k, step / (double)FLATTEN_STEPS,
                               &next.x, &next.y);
        next.length = sample.length + hypot (next.x - sample.x, next.y - sample.y);
        g_array_append_val (samples, next);
        sample = next;
      }
}

/* The point @fraction of the way along the path, and the unit normal there. */
static void
point_along (GArray *samples,
             double  fraction,
             double *x,
             double *y,
             double *nx,
             double *ny)
{
  const PathSample *s = (const PathSample *)(gpointer)samples->data;
  guint n = samples->len;
  double target = fraction * s[n - 1].length;
  double dx, dy, len, u;
  guint i = 1;

  while (i < n - 1 && s[i].length < target)
    i++;

  dx = s[i].x - s[i - 1].x;
  dy = s[i].y - s[i - 1].y;
  len = s[i].length - s[i - 1].length;
  u = len > 1e-9 ? CLAMP ((target - s[i - 1].length) / len, 0, 1) : 0;
  *x = s[i - 1].x + dx * u;
  *y = s[i - 1].y + dy * u;

  /* A degenerate piece (the straight joins to a node border may repeat points): fall back
   * to the chord of the whole path. */
  if (hypot (dx, dy) < 1e-6)
    {
      dx = s[n - 1].x - s[0].x;
      dy = s[n - 1].y - s[0].y;
    }
  len = hypot (dx, dy);
  if (len < 1e-6)
    {
      *nx = 0;
      *ny = -1;
      return;
    }
  *nx = -dy / len;
  *ny = dx / len;
}

static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const RsBoardEdge *edges = user_data;
  guint ia = *(const guint *)a, ib = *(const guint *)b;
  const RsBoardEdge *ea = &edges[ia], *eb = &edges[ib];
  gboolean da = (ea->flags & RS_BOARD_ITEM_DIMMED) != 0;
  gboolean db = (eb->flags & RS_BOARD_ITEM_DIMMED) != 0;

  if (da != db)
    return da ? 1 : -1;
  if (ea->label_width != eb->label_width)
    return (ea->label_width < eb->label_width ? -1 : 1);
  return ia < ib ? -1 : ia > ib;
}

static void
place_one (Placer      *self,
           RsBoardEdge *edge)
{
  double w = edge->label_width, h = edge->label_height;
  gboolean has_fallback = FALSE;
  double fallback_x = edge->label_x, fallback_y = edge->label_y;

  flatten (self->samples, edge);

  for (guint a = 0; a < G_N_ELEMENTS (anchors); a++)
    {
      double px, py, nx, ny;
      int sides = anchors[a].shift > 0 ? 2 : 1;

      point_along (self->samples, anchors[a].fraction, &px, &py, &nx, &ny);

      for (int side = 0; side < sides; side++)
        {
          /* Far enough along the normal that the path point is just outside the box,
           * times the shift. Up (or left) first: text above a line reads as its caption. */
          double reach = fabs (nx) * w / 2 + fabs (ny) * h / 2 + RS_BOARD_LABEL_LABEL_GAP;
          double sign = (ny < 0 || (ny == 0 && nx < 0)) ? 1 : -1;
          double cx, cy;
          RsBoardRect rect;

          if (side == 1)
            sign = -sign;
          cx = px + sign * nx * reach * anchors[a].shift;
          cy = py + sign * ny * reach * anchors[a].shift;

          rect = (RsBoardRect) { cx - w / 2, cy - h / 2, w, h };
          if (placer_meets_node (self, &rect))
            continue;
          if (!has_fallback)
            {
              has_fallback = TRUE;
              fallback_x = cx;
              fallback_y = cy;
            }
          if (placer_meets_label (self, &rect))
            continue;

          edge->label_x = cx;
          edge->label_y = cy;
          edge->flags &= ~RS_BOARD_ITEM_LABEL_HIDDEN;
          placer_add_label (self, &rect);
          return;
        }
    }

  edge->flags |= RS_BOARD_ITEM_LABEL_HIDDEN;
  edge->label_x = fallback_x;
  edge->label_y = fallback_y;
}

/**
 * rs_board_place_edge_labels:
 * @nodes: the scene's nodes
 * @edges: the scene's edges, with their drawn paths and the middle of each as label_x,
 *   label_y; receives the label positions and RS_BOARD_ITEM_LABEL_HIDDEN
 * @node_grid: (nullable): the scene's node grid, each node added with room for its
 *   badge (RS_BOARD_BADGE_RADIUS + RS_BOARD_LABEL_NODE_GAP beyond its box)
 * @bounds: about where the labels go (only sizes the grid of placed labels)
 *
 * Places the text labels of the drawn edges; edges without text (a lone document badge)
 * keep the middle of their path and count as placed labels for the others.
 */
void
rs_board_place_edge_labels (const RsBoardNode *nodes,
                            guint              n_nodes,
                            RsBoardEdge       *edges,
                            guint              n_edges,
                            RsBoardGrid       *node_grid,
                            const RsBoardRect *bounds)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  Placer placer;

  g_return_if_fail (nodes != NULL || n_nodes == 0);
  g_return_if_fail (edges != NULL || n_edges == 0);
  g_return_if_fail (bounds != NULL);

  placer_init (&placer, nodes, node_grid, bounds);

  for (guint i = 0; i < n_edges; i++)
    {
      RsBoardEdge *edge = &edges[i];

      edge->flags &= ~RS_BOARD_ITEM_LABEL_HIDDEN;
      if ((edge->flags & RS_BOARD_ITEM_NOT_DRAWN) || edge->points == NULL)
        continue;

      if (edge->label_width > 0)
        g_array_append_val (order, i);
      else
        {
          RsBoardRect badge = { edge->label_x - RS_BOARD_BADGE_RADIUS,
                                edge->label_y - RS_BOARD_BADGE_RADIUS,
                                2 * RS_BOARD_BADGE_RADIUS, 2 * RS_BOARD_BADGE_RADIUS };

          placer_add_label (&placer, &badge);
        }
    }

  g_array_sort_with_data (order, compare_order, edges);
  for (guint k = 0; k < order->len; k++)
    place_one (&placer, &edges[g_array_index (order, guint, k)]);

  placer_clear (&placer);
}
