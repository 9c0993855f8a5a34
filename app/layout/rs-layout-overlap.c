/* rs-layout-overlap.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-layout-overlap"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-layout-overlap.h"

/* Node overlap removal for large drawings, over a uniform grid.
 *
 * Graphviz's own removal (prism) costs more than sfdp itself past a few thousand nodes
 * (> 120 s at 20,000 here, or 25 s cut down to 20 passes). Ours is local and cheap:
 *
 * 1. _rs_layout_spread_factor(): sfdp draws at a scale of its own, far tighter than
 *    our labels; the drawing is first scaled up uniformly (which keeps its shape) until
 *    most linked nodes no longer overlap (the idea of Graphviz's overlap_scaling);
 * 2. sweeps over the grid: each overlapping pair is pushed apart along the line
 *    between its centres, just enough to part (a fixed box does not move, the other
 *    moves the whole way), Gauss-Seidel style; the grid is rebuilt between sweeps and
 *    the sweeps stop when one finds nothing;
 * 3. a last resort that always ends with no overlap: boxes still overlapping after
 *    MAX_SWEEPS are taken out and put back, one by one, at the nearest free spot on
 *    rings around where they were.
 *
 * Pairs of two fixed boxes are left as they are: nothing may move them.
 *
 * A pair is handled in the one grid cell that holds the corner of their intersection
 * nearest the origin: both boxes cover that cell, and no other cell holds the corner, so
 * every pair is seen once per sweep however many cells the boxes share. */

/* Sweeps before the last resort. After spreading, 20 leave a few hundred of 5,000 nodes
 * in crowds, which the last resort places faster than more sweeps would. */
#define MAX_SWEEPS         20
/* Boxes covering more cells than this (a huge node) are checked against every box. */
#define GRID_MAX_CELLS     64
/* Parted boxes end this far apart (points), so that rounding cannot rejoin them. */
#define PART_SLACK         0.01
/* Upper bound of the spread factor (sfdp drew 5,000 nodes in 200 × 100 points). */
#define MAX_SPREAD         10000.0
/* Quantile of the linked pairs that the spread parts (see _rs_layout_spread_factor()). */
#define SPREAD_QUANTILE    0.75
/* Share of the drawing's bounds the boxes (margins included) cover once spread. */
/* Quantile of the pairs still overlapping after that, which the spread parts too. */
#define CROWD_QUANTILE     0.8
#define SPREAD_DENSITY     0.25
/* Rings around a box before it goes to the right of everything. */
#define MAX_RINGS          4096

typedef struct
{
  double  x0;
  double  y0;
  double  cell;
  gint64  nx;
  gint64  ny;
  guint  *start;   /* nx × ny + 1 offsets into items */
  guint  *items;   /* box indices, ascending within a cell */
  guint  *large;   /* boxes not in the cells */
  guint   n_large;
  guint8 *in_grid; /* NULL: every box; else 1 for the boxes the grid holds */
} Grid;

static inline gboolean
boxes_overlap (const RsOverlapBox *a,
               const RsOverlapBox *b)
{
  return fabs (a->x - b->x) < a->half_width + b->half_width &&
         fabs (a->y - b->y) < a->half_height + b->half_height;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static inline gint64
cell_index (double v,
            double origin,
            double cell,
            gint64 n)
{
  gint64 i = (gint64) floor ((v - origin) / cell);

  return CLAMP (i, 0, n - 1);
}

static gboolean
box_range (const Grid         *grid,
           const RsOverlapBox *box,
           gint64             *ix0,
           gint64             *iy0,
           gint64             *ix1,
           gint64             *iy1)
{
  *ix0 = cell_index (box->x - box->half_width, grid->x0, grid->cell, grid->nx);
  *iy0 = cell_index (box->y - box->half_height, grid->y0, grid->cell, grid->ny);
  *ix1 = cell_index (box->x + box->half_width, grid->x0, grid->cell, grid->nx);
  *iy1 = cell_index (box->y + box->half_height, grid->y0, grid->cell, grid->ny);

  return (*ix1 - *ix0 + 1) * (*iy1 - *iy0 + 1) <= GRID_MAX_CELLS;
}

/* A grid of the boxes at their current place; @skip (nullable) leaves some out. */
static void
grid_build (Grid               *grid,
            const RsOverlapBox *boxes,
            guint               n_boxes,
            const guint8       *skip)
{
  g_autofree double *sides = g_new (double, n_boxes + 1);
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  guint n_sides = 0;
  gint64 n_cells;
  g_autofree guint *fill = NULL;

  memset (grid, 0, sizeof *grid);

  for (guint i = 0; i < n_boxes; i++)
    {
      const RsOverlapBox *box = &boxes[i];

      if (skip != NULL && skip[i])
        continue;

      x0 = MIN (x0, box->x - box->half_width);
      y0 = MIN (y0, box->y - box->half_height);
      x1 = MAX (x1, box->x + box->half_width);
      y1 = MAX (y1, box->y + box->half_height);
      sides[n_sides++] = 2 * MAX (box->half_width, box->half_height);
    }

  if (n_sides == 0)
    {
      x0 = y0 = 0;
      x1 = y1 = 1;
    }

  /* Cells a little larger than most boxes: a box covers one to four of them. */
  if (n_sides > 0)
    {
      g_qsort_with_data (sides, n_sides, sizeof (double), compare_doubles, NULL);
      grid->cell = sides[n_sides / 2] * 1.5;
    }
  grid->cell = MAX (grid->cell, 1.0);

  /* …unless the drawing is so sparse that empty cells would cost more than the boxes. */
  for (;;)
    {
      grid->nx = (gint64) floor ((x1 - x0) / grid->cell) + 1;
      grid->ny = (gint64) floor ((y1 - y0) / grid->cell) + 1;
      if (grid->nx * grid->ny <= 4 * (gint64) n_sides + 64)
        break;
      grid->cell *= 1.5;
    }

  grid->x0 = x0;
  grid->y0 = y0;
  n_cells = grid->nx * grid->ny;
  grid->start = g_new0 (guint, n_cells + 1);
  grid->large = g_new (guint, n_boxes + 1);
  fill = g_new0 (guint, n_cells + 1);

  /* Counting sort: counts, offsets, then the boxes in ascending order. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_boxes; i++)
        {
          gint64 ix0, iy0, ix1, iy1;

          if (skip != NULL && skip[i])
            continue;

          if (!box_range (grid, &boxes[i], &ix0, &iy0, &ix1, &iy1))
            {
              if (pass == 0)
                grid->large[grid->n_large++] = i;
              continue;
            }

          for (gint64 iy = iy0; iy <= iy1; iy++)
            for (gint64 ix = ix0; ix <= ix1; ix++)
              {
                gint64 c = iy * grid->nx + ix;

                if (pass == 0)
                  grid->start[c + 1]++;
                else
                  grid->items[grid->start[c] + fill[c]++] = i;
              }
        }

      if (pass == 0)
        {
          for (gint64 c = 0; c < n_cells; c++)
            grid->start[c + 1] += grid->start[c];
          grid->items = g_new (guint, grid->start[n_cells] + 1);
        }
    }

  if (skip != NULL)
    {
      grid->in_grid = g_new (guint8, n_boxes + 1);
      for (guint i = 0; i < n_boxes; i++)
        grid->in_grid[i] = !skip[i];
    }
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->start, g_free);
  g_clear_pointer (&grid->items, g_free);
  g_clear_pointer (&grid->large, g_free);
  g_clear_pointer (&grid->in_grid, g_free);
}

/* Whether the pair (@i, @j), found in cell (@ix, @iy), is to be handled there. */
static inline gboolean
pair_belongs_here (const Grid         *grid,
                   const RsOverlapBox *a,
                   const RsOverlapBox *b,
                   gint64              ix,
                   gint64              iy)
{
  double cx = MAX (a->x - a->half_width, b->x - b->half_width);
  double cy = MAX (a->y - a->half_height, b->y - b->half_height);

  return cell_index (cx, grid->x0, grid->cell, grid->nx) == ix &&
         cell_index (cy, grid->y0, grid->cell, grid->ny) == iy;
}

/* Parts @a and @b along the line between their centres (vertically when they share
 * one: labels are wide, so that is the shorter way). */
static void
push_apart (RsOverlapBox *a,
            RsOverlapBox *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double sx = a->half_width + b->half_width + PART_SLACK;
  double sy = a->half_height + b->half_height + PART_SLACK;
  double tx = dx != 0 ? sx / fabs (dx) : INFINITY;
  double ty = dy != 0 ? sy / fabs (dy) : INFINITY;
  double t = MIN (tx, ty);
  double mx, my;

  if (!isfinite (t))
    {
      mx = 0;
      my = sy;
    }
  else
    {
      mx = dx * (t - 1);
      my = dy * (t - 1);
    }

  if (a->fixed)
    {
      b->x += mx;
      b->y += my;
    }
  else if (b->fixed)
    {
      a->x -= mx;
      a->y -= my;
    }
  else
    {
      a->x -= mx / 2;
      a->y -= my / 2;
      b->x += mx / 2;
      b->y += my / 2;
    }
}

typedef gboolean (*PairFunc) (RsOverlapBox *boxes,
                              guint         i,
                              guint         j,
                              gpointer      user_data);

/* Calls @func on every overlapping pair of boxes, not both fixed, that @grid holds
 * (once each when the grid is up to date). */
static void
grid_foreach_overlap (const Grid   *grid,
                      RsOverlapBox *boxes,
                      guint         n_boxes,
                      PairFunc      func,
                      gpointer      user_data)
{
  for (gint64 iy = 0; iy < grid->ny; iy++)
    for (gint64 ix = 0; ix < grid->nx; ix++)
      {
        gint64 c = iy * grid->nx + ix;

        for (guint p = grid->start[c]; p < grid->start[c + 1]; p++)
          for (guint q = p + 1; q < grid->start[c + 1]; q++)
            {
              guint i = grid->items[p], j = grid->items[q];

              if ((boxes[i].fixed && boxes[j].fixed) || !boxes_overlap (&boxes[i], &boxes[j]) ||
                  !pair_belongs_here (grid, &boxes[i], &boxes[j], ix, iy))
                continue;

              func (boxes, i, j, user_data);
            }
      }

  /* Large boxes against every box in the grid, and against the large ones after them. */
  for (guint l = 0; l < grid->n_large; l++)
    {
      guint i = grid->large[l];

      for (guint j = 0; j < n_boxes; j++)
        {
          gboolean j_large = FALSE;

          if (j == i || (grid->in_grid != NULL && !grid->in_grid[j]))
            continue;

          for (guint m = 0; m < grid->n_large && !j_large; m++)
            j_large = grid->large[m] == j;
          if (j_large && j < i)
            continue;

          if ((boxes[i].fixed && boxes[j].fixed) || !boxes_overlap (&boxes[i], &boxes[j]))
            continue;

          func (boxes, MIN (i, j), MAX (i, j), user_data);
        }
    }
}

static gboolean
push_pair (RsOverlapBox *boxes,
           guint         i,
           guint         j,
           gpointer      user_data)
{
  guint *n_pushed = user_data;

  /* An earlier push in this sweep may have parted them already. */
  if (!boxes_overlap (&boxes[i], &boxes[j]))
    return TRUE;

  push_apart (&boxes[i], &boxes[j]);
  (*n_pushed)++;
  return TRUE;
}

static gboolean
count_pair (RsOverlapBox *boxes,
            guint         i,
            guint         j,
            gpointer      user_data)
{
  guint *n = user_data;

  (*n)++;
  return TRUE;
}

static gboolean
mark_pair (RsOverlapBox *boxes,
           guint         i,
           guint         j,
           gpointer      user_data)
{
  guint8 *marked = user_data;

  /* One of the two is enough to part them: the later one, or the free one. */
  if (!boxes[j].fixed)
    marked[j] = 1;
  else
    marked[i] = 1;
  return TRUE;
}

/**
 * _rs_layout_count_overlaps:
 *
 * Returns: the number of pairs of boxes that overlap, pairs of fixed boxes left out
 */
guint
_rs_layout_count_overlaps (const RsOverlapBox *boxes,
                           guint               n_boxes)
{
  Grid grid;
  guint n = 0;

  grid_build (&grid, boxes, n_boxes, NULL);
  /* count_pair() does not write: the cast only shares the walk with the sweeps. */
  grid_foreach_overlap (&grid, (RsOverlapBox *) boxes, n_boxes, count_pair, &n);
  grid_clear (&grid);

  return n;
}

/* The boxes settled so far, for the last resort: cells of linked lists that grow. */
typedef struct
{
  Grid    frame;   /* cell size and extent only */
  int    *head;    /* per cell: first entry, or -1 */
  GArray *entries; /* Entry */
  GArray *large;   /* guint */
} SettledGrid;

typedef struct
{
  guint box;
  int   next;
} Entry;

static void
settled_add (SettledGrid        *grid,
             const RsOverlapBox *boxes,
             guint               i)
{
  gint64 ix0, iy0, ix1, iy1;

  if (!box_range (&grid->frame, &boxes[i], &ix0, &iy0, &ix1, &iy1))
    {
      g_array_append_val (grid->large, i);
      return;
    }

  for (gint64 iy = iy0; iy <= iy1; iy++)
    for (gint64 ix = ix0; ix <= ix1; ix++)
      {
        gint64 c = iy * grid->frame.nx + ix;
        Entry entry = { i, grid->head[c] };

        grid->head[c] = grid->entries->len;
        g_array_append_val (grid->entries, entry);
      }
}

static gboolean
settled_collides (const SettledGrid  *grid,
                  const RsOverlapBox *boxes,
                  const RsOverlapBox *box)
{
  gint64 ix0, iy0, ix1, iy1;

  for (guint l = 0; l < grid->large->len; l++)
    if (boxes_overlap (box, &boxes[g_array_index (grid->large, guint, l)]))
      return TRUE;

  /* Ranges are clamped to the grid: a box outside it still looks in the edge cells,
   * which is more checking than needed, never less. A box too large for the cells
   * looks in all of them. */
  if (!box_range (&grid->frame, box, &ix0, &iy0, &ix1, &iy1))
    {
      for (guint k = 0; k < grid->entries->len; k++)
        if (boxes_overlap (box, &boxes[g_array_index (grid->entries, Entry, k).box]))
          return TRUE;
      return FALSE;
    }

  for (gint64 iy = iy0; iy <= iy1; iy++)
    for (gint64 ix = ix0; ix <= ix1; ix++)
      for (int k = grid->head[iy * grid->frame.nx + ix]; k >= 0;
           k = g_array_index (grid->entries, Entry, k).next)
        if (boxes_overlap (box, &boxes[g_array_index (grid->entries, Entry, k).box]))
          return TRUE;

  return FALSE;
}

static int
compare_distances (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const double *distances = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double x = distances[i], y = distances[j];

  /* Ties by index: the same input gives the same drawing. */
  if (x != y)
    return (x > y) - (x < y);
  return (i > j) - (i < j);
}

/* The last resort: boxes in @marked leave, then come back one by one at the nearest
 * free spot, on rings around where they were. Ends with no overlap but between fixed
 * boxes. Returns how many came back. */
static guint
resettle (RsOverlapBox *boxes,
          guint         n_boxes,
          const guint8 *marked)
{
  SettledGrid grid;
  guint n_settled = 0, n_order = 0;
  double right = -INFINITY, cx = 0, cy = 0;
  g_autofree guint *order = NULL;
  g_autofree double *distances = NULL;

  grid_build (&grid.frame, boxes, n_boxes, NULL);
  grid.head = g_new (int, grid.frame.nx * grid.frame.ny + 1);
  for (gint64 c = 0; c < grid.frame.nx * grid.frame.ny; c++)
    grid.head[c] = -1;
  grid.entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), 2 * n_boxes + 1);
  grid.large = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_boxes; i++)
    {
      right = MAX (right, boxes[i].x + boxes[i].half_width);
      cx += boxes[i].x / n_boxes;
      cy += boxes[i].y / n_boxes;
      if (!marked[i])
        settled_add (&grid, boxes, i);
    }

  /* From the middle of the drawing outwards: a crowd (a hub's leaves on their ring)
   * then grows outwards instead of filling the gaps the middle needs. */
  order = g_new (guint, n_boxes + 1);
  distances = g_new (double, n_boxes + 1);
  for (guint i = 0; i < n_boxes; i++)
    if (marked[i])
      {
        distances[i] = hypot (boxes[i].x - cx, boxes[i].y - cy);
        order[n_order++] = i;
      }
  g_qsort_with_data (order, n_order, sizeof (guint), compare_distances, distances);

  for (guint o = 0; o < n_order; o++)
    {
      guint i = order[o];
      RsOverlapBox *box = &boxes[i];
      RsOverlapBox candidate = *box;
      double step = MAX (2 * MIN (box->half_width, box->half_height) / 2, 1.0);
      gboolean found;

      found = !settled_collides (&grid, boxes, box);

      for (guint ring = 1; ring <= MAX_RINGS && !found; ring++)
        {
          guint n = 8 * ring;

          for (guint k = 0; k < n && !found; k++)
            {
              double angle = 2 * G_PI * k / n;

              candidate.x = box->x + ring * step * cos (angle);
              candidate.y = box->y + ring * step * sin (angle);
              found = !settled_collides (&grid, boxes, &candidate);
            }
        }

      if (found)
        {
          box->x = candidate.x;
          box->y = candidate.y;
        }
      else
        {
          /* Right of everything placed so far (never reached on real boards). */
          box->x = right + box->half_width + PART_SLACK;
        }

      right = MAX (right, box->x + box->half_width);
      settled_add (&grid, boxes, i);
      n_settled++;
    }

  grid_clear (&grid.frame);
  g_free (grid.head);
  g_array_unref (grid.entries);
  g_array_unref (grid.large);
  return n_settled;
}

/**
 * _rs_layout_remove_overlaps:
 * @boxes: the boxes, moved in place
 * @n_boxes: how many
 * @cancellable: (nullable): checked between sweeps
 * @stats: (out) (optional): what it did
 *
 * Moves the boxes that are not fixed until no two boxes overlap, except pairs of fixed
 * boxes; see the top of this file.
 *
 * Returns: %FALSE if cancelled (the boxes are then part-way)
 */
gboolean
_rs_layout_remove_overlaps (RsOverlapBox   *boxes,
                            guint           n_boxes,
                            GCancellable   *cancellable,
                            RsOverlapStats *stats)
{
  g_autofree double *start = g_new (double, 2 * (gsize) n_boxes + 1);
  g_autofree guint8 *marked = NULL;
  RsOverlapStats local = { 0 };
  guint n_left = 0, n_free = 0;
  Grid grid;

  for (guint i = 0; i < n_boxes; i++)
    {
      start[2 * i] = boxes[i].x;
      start[2 * i + 1] = boxes[i].y;
    }

  for (local.iterations = 0; local.iterations < MAX_SWEEPS; local.iterations++)
    {
      guint n_pushed = 0;

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;

      grid_build (&grid, boxes, n_boxes, NULL);
      grid_foreach_overlap (&grid, boxes, n_boxes, push_pair, &n_pushed);
      grid_clear (&grid);

      if (n_pushed == 0)
        break;
    }

  /* Sweeps that ran out leave a few: count them on a fresh grid. */
  marked = g_new0 (guint8, n_boxes + 1);
  grid_build (&grid, boxes, n_boxes, NULL);
  grid_foreach_overlap (&grid, boxes, n_boxes, mark_pair, marked);
  grid_clear (&grid);
  for (guint i = 0; i < n_boxes; i++)
    n_left += marked[i];

  if (n_left > 0)
    local.resettled = resettle (boxes, n_boxes, marked);

  for (guint i = 0; i < n_boxes; i++)
    if (!boxes[i].fixed)
      {
        local.mean_shift += hypot (boxes[i].x - start[2 * i], boxes[i].y - start[2 * i + 1]);
        n_free++;
      }
  if (n_free > 0)
    local.mean_shift /= n_free;

  if (stats != NULL)
    *stats = local;

  return TRUE;
}

/* The scale at which the pair (@i, @j) parts. */
static gboolean
collect_factor (RsOverlapBox *boxes,
                guint         i,
                guint         j,
                gpointer      user_data)
{
  GArray *factors = user_data;
  double dx = fabs (boxes[i].x - boxes[j].x), dy = fabs (boxes[i].y - boxes[j].y);
  double tx = dx > 0 ? (boxes[i].half_width + boxes[j].half_width) / dx : INFINITY;
  double ty = dy > 0 ? (boxes[i].half_height + boxes[j].half_height) / dy : INFINITY;
  double t = MIN (MIN (tx, ty), MAX_SPREAD);

  g_array_append_val (factors, t);
  return TRUE;
}

/**
 * _rs_layout_spread_factor:
 * @boxes: where an engine put the nodes
 * @n_boxes: how many
 * @ends: source and target index of each edge
 * @n_edges: how many edges
 *
 * Returns: the uniform scale (≥ 1) at which half of the linked pairs of boxes no
 *   longer overlap: an engine's drawing scaled by it keeps its shape and leaves local
 *   overlaps only
 */
double
_rs_layout_spread_factor (const RsOverlapBox *boxes,
                          guint               n_boxes,
                          const guint        *ends,
                          guint               n_edges)
{
  g_autofree double *factors = g_new (double, n_edges + 1);
  guint n = 0;
  double factor, area = 0;
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

  for (guint e = 0; e < n_edges; e++)
    {
      const RsOverlapBox *a = &boxes[ends[2 * e]], *b = &boxes[ends[2 * e + 1]];
      double dx = fabs (a->x - b->x), dy = fabs (a->y - b->y);
      double tx = dx > 0 ? (a->half_width + b->half_width) / dx : INFINITY;
      double ty = dy > 0 ? (a->half_height + b->half_height) / dy : INFINITY;

      if (ends[2 * e] == ends[2 * e + 1] || (a->fixed && b->fixed))
        continue;

      factors[n++] = MIN (MIN (tx, ty), MAX_SPREAD);
    }

  /* Local: linked boxes part… */
  factor = 1.0;
  if (n > 0)
    {
      g_qsort_with_data (factors, n, sizeof (double), compare_doubles, NULL);
      factor = factors[(guint) (SPREAD_QUANTILE * (n - 1))];
    }

  /* …and global: the boxes fill no more than SPREAD_DENSITY of the drawing's bounds
   * (sfdp's quadtree=fast packs a hub's leaves much closer than its links). */
  for (guint i = 0; i < n_boxes; i++)
    {
      const RsOverlapBox *box = &boxes[i];

      if (box->fixed)
        continue;

      x0 = MIN (x0, box->x);
      y0 = MIN (y0, box->y);
      x1 = MAX (x1, box->x);
      y1 = MAX (y1, box->y);
      area += 4 * box->half_width * box->half_height;
    }
  if (x1 > x0 && y1 > y0)
    factor = MAX (factor, sqrt (area / SPREAD_DENSITY / ((x1 - x0) * (y1 - y0))));
  factor = CLAMP (factor, 1.0, MAX_SPREAD);

  /* …and crowds: the pairs that still overlap at that scale (a hub's leaves on their
   * ring, which are not linked to each other) mostly part too. */
  {
    g_autofree RsOverlapBox *scaled = g_memdup2 (boxes, sizeof (RsOverlapBox) * (n_boxes + 1));
    g_autoptr(GArray) crowd = g_array_new (FALSE, FALSE, sizeof (double));
    Grid grid;

    for (guint i = 0; i < n_boxes; i++)
      {
        scaled[i].x *= factor;
        scaled[i].y *= factor;
      }

    grid_build (&grid, scaled, n_boxes, NULL);
    grid_foreach_overlap (&grid, scaled, n_boxes, collect_factor, crowd);
    grid_clear (&grid);

    if (crowd->len > 0)
      {
        double extra;

        g_array_sort_with_data (crowd, compare_doubles, NULL);
        extra = g_array_index (crowd, double, (guint) (CROWD_QUANTILE * (crowd->len - 1)));
        factor = CLAMP (factor * extra, 1.0, MAX_SPREAD);
      }
  }

  return factor;
}
