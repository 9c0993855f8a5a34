/* rs-board-grid.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-grid"

#include "config.h"

#include <math.h>

#include "rs-board-geometry.h"
#include "rs-board-grid.h"

/* The scene's spatial index. Cells are sized so that a cell holds a few items on
 * average; items are added in increasing order (which is drawing order), packed into
 * one array per grid (CSR: cell i owns items[start[i] .. start[i + 1])), and queries
 * return each item once, in order, by marking a bitmap: the cost is the number of
 * entries in the cells the rectangle covers, not the size of the board. Queries do
 * not write to the grid, so several threads may query one. */

#define MAX_CELLS (1u << 18)
#define MIN_CELL  64.0

typedef struct
{
  guint cell;
  guint item;
} CellItem;

struct _RsBoardGrid
{
  double  x0;
  double  y0;
  double  cell;
  guint   cols;
  guint   rows;
  guint   n_items;

  /* Owned; pairs and last only until rs_board_grid_pack() */
  GArray *pairs;
  guint  *last;
  guint  *start;
  guint  *items;
};

RsBoardGrid *
rs_board_grid_new (const RsBoardRect *bounds,
                   guint              n_items)
{
  RsBoardGrid *self = g_new0 (RsBoardGrid, 1);
  double area = MAX (bounds->width, 1) * MAX (bounds->height, 1);
  double cell = MAX (sqrt (area / MAX (n_items, 1)) * 1.5, MIN_CELL);

  while ((bounds->width / cell + 1) * (bounds->height / cell + 1) > MAX_CELLS)
    cell *= 1.5;

  self->x0 = bounds->x;
  self->y0 = bounds->y;
  self->cell = cell;
  self->cols = (guint)(bounds->width / cell) + 1;
  self->rows = (guint)(bounds->height / cell) + 1;
  self->pairs = g_array_sized_new (FALSE, FALSE, sizeof (CellItem), n_items * 2);
  self->last = g_new0 (guint, self->cols * self->rows);

  return self;
}

void
rs_board_grid_free (RsBoardGrid *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->last, g_free);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->items, g_free);
  g_free (self);
}

static void
cover (const RsBoardGrid *self,
       const RsBoardRect *rect,
       guint             *c0,
       guint             *r0,
       guint             *c1,
       guint             *r1)
{
  double fx0 = floor ((rect->x - self->x0) / self->cell);
  double fy0 = floor ((rect->y - self->y0) / self->cell);
  double fx1 = floor ((rect->x + rect->width - self->x0) / self->cell);
  double fy1 = floor ((rect->y + rect->height - self->y0) / self->cell);

  *c0 = (guint)CLAMP (fx0, 0, self->cols - 1);
  *r0 = (guint)CLAMP (fy0, 0, self->rows - 1);
  *c1 = (guint)CLAMP (fx1, 0, self->cols - 1);
  *r1 = (guint)CLAMP (fy1, 0, self->rows - 1);
}

/* Adds @item to every cell @rect touches; an item may be added with several rects. */
void
rs_board_grid_add (RsBoardGrid       *self,
                   guint              item,
                   const RsBoardRect *rect)
{
  guint c0, r0, c1, r1;

  g_return_if_fail (self != NULL && self->pairs != NULL);

  self->n_items = MAX (self->n_items, item + 1);
  cover (self, rect, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        CellItem pair = { r * self->cols + c, item };

        /* Items arrive in order, so a repeat is always the cell's last entry. */
        if (self->last[pair.cell] == item + 1)
          continue;
        self->last[pair.cell] = item + 1;
        g_array_append_val (self->pairs, pair);
      }
}

/* Adds @item to the cells a segment thickened by @margin touches: row by row, the
 * columns the part of the segment within the row (grown by @margin) spans. A long
 * diagonal link touches a few cells per row where its bounding box would claim them
 * all: at 20,000 entities the hubs' links made that ~17 million entries (130 MB). */
void
rs_board_grid_add_segment (RsBoardGrid *self,
                           guint        item,
                           double       x0,
                           double       y0,
                           double       x1,
                           double       y1,
                           double       margin)
{
  RsBoardRect whole;
  guint c0, r0, c1, r1;

  g_return_if_fail (self != NULL && self->pairs != NULL);

  rs_board_rect_normalize (&whole, MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1));
  rs_board_rect_inflate (&whole, margin, margin);
  cover (self, &whole, &c0, &r0, &c1, &r1);
  if (r0 == r1 || c0 == c1 || !isfinite (x0 + y0 + x1 + y1))
    {
      rs_board_grid_add (self, item, &whole);
      return;
    }

  self->n_items = MAX (self->n_items, item + 1);
  for (guint r = r0; r <= r1; r++)
    {
      /* The row's band, grown by the margin, cuts the segment at parameters [t0, t1]. */
      /* The first and last rows hold whatever lies beyond the grid too (cover() clamps). */
      double band0 = r == 0 ? -G_MAXDOUBLE : self->y0 + r * self->cell - margin;
      double band1 = r + 1 == self->rows ? G_MAXDOUBLE : self->y0 + (r + 1) * self->cell + margin;
      double t0 = 0, t1 = 1, xa, xb, fx0, fx1;
      guint ca, cb;

      if (y1 != y0)
        {
          double ta = (band0 - y0) / (y1 - y0), tb = (band1 - y0) / (y1 - y0);

          t0 = MAX (0, MIN (ta, tb));
          t1 = MIN (1, MAX (ta, tb));
          if (t0 > t1)
            continue;
        }
      xa = x0 + t0 * (x1 - x0);
      xb = x0 + t1 * (x1 - x0);
      fx0 = floor ((MIN (xa, xb) - margin - self->x0) / self->cell);
      fx1 = floor ((MAX (xa, xb) + margin - self->x0) / self->cell);
      ca = (guint)CLAMP (fx0, c0, c1);
      cb = (guint)CLAMP (fx1, c0, c1);
      for (guint c = ca; c <= cb; c++)
        {
          CellItem pair = { r * self->cols + c, item };

          if (self->last[pair.cell] == item + 1)
            continue;
          self->last[pair.cell] = item + 1;
          g_array_append_val (self->pairs, pair);
        }
    }
}

/* Done adding: pack the cells (a counting sort, stable, so items stay in order). */
void
rs_board_grid_pack (RsBoardGrid *self)
{
  guint n_cells;
  g_autofree guint *fill = NULL;

  g_return_if_fail (self != NULL && self->pairs != NULL);

  n_cells = self->cols * self->rows;
  self->start = g_new0 (guint, n_cells + 1);
  self->items = g_new (guint, MAX (self->pairs->len, 1));

  for (guint i = 0; i < self->pairs->len; i++)
    self->start[g_array_index (self->pairs, CellItem, i).cell + 1]++;
  for (guint c = 0; c < n_cells; c++)
    self->start[c + 1] += self->start[c];

  fill = g_memdup2 (self->start, sizeof (guint) * n_cells);
  for (guint i = 0; i < self->pairs->len; i++)
    {
      const CellItem *pair = &g_array_index (self->pairs, CellItem, i);

      self->items[fill[pair->cell]++] = pair->item;
    }

  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->last, g_free);
}

/**
 * rs_board_grid_query:
 * @test: confirms a candidate meets @rect
 * @items: (element-type guint): receives the items, each once, in increasing order
 *
 * Returns: how many grid entries were looked at
 */
guint
rs_board_grid_query (RsBoardGrid       *self,
                     const RsBoardRect *rect,
                     RsBoardGridTest    test,
                     gpointer           user_data,
                     GArray            *items)
{
  g_autofree guint32 *hit = NULL;
  guint n_words, cost = 0;
  guint c0, r0, c1, r1;
  RsBoardRect covered;

  g_return_val_if_fail (self != NULL && self->start != NULL, 0);

  covered = (RsBoardRect) { self->x0, self->y0, self->cols * self->cell, self->rows * self->cell };
  if (rect->width < 0 || rect->height < 0 || !rs_board_rect_intersects (&covered, rect))
    return 0;

  n_words = (self->n_items + 31) / 32;
  hit = g_new0 (guint32, MAX (n_words, 1));
  cover (self, rect, &c0, &r0, &c1, &r1);

  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        guint cell = r * self->cols + c;

        for (guint k = self->start[cell]; k < self->start[cell + 1]; k++)
          {
            guint item = self->items[k];

            cost++;
            if ((hit[item / 32] & (1u << (item % 32))) == 0 && test (item, rect, user_data))
              hit[item / 32] |= 1u << (item % 32);
          }
      }

  /* Bit order gives item order, which is drawing order. */
  for (guint w = 0; w < n_words; w++)
    for (guint32 bits = hit[w]; bits != 0; bits &= bits - 1)
      {
        guint index = w * 32 + (guint)g_bit_nth_lsf (bits, -1);

        g_array_append_val (items, index);
      }

  return cost;
}

/* Whether any item meets @rect, stopping at the first: no bitmap, so a caller asking many
 * small questions (edge label placement) pays only for the cells it covers. An item may be
 * tested more than once. */
gboolean
rs_board_grid_any (RsBoardGrid       *self,
                   const RsBoardRect *rect,
                   RsBoardGridTest    test,
                   gpointer           user_data)
{
  guint c0, r0, c1, r1;
  RsBoardRect covered;

  g_return_val_if_fail (self != NULL && self->start != NULL, FALSE);

  covered = (RsBoardRect) { self->x0, self->y0, self->cols * self->cell, self->rows * self->cell };
  if (rect->width < 0 || rect->height < 0 || !rs_board_rect_intersects (&covered, rect))
    return FALSE;

  cover (self, rect, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        guint cell = r * self->cols + c;

        for (guint k = self->start[cell]; k < self->start[cell + 1]; k++)
          if (test (self->items[k], rect, user_data))
            return TRUE;
      }

  return FALSE;
}
