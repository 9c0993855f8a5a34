/* rs-board-painter-clip.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rs-board-geometry.h"
#include "rs-board-painter-private.h"

/* Edges cut to the area being painted before cairo strokes them.
 *
 * A hub link that crosses the view can be a hundred times longer than the view: cairo
 * would flatten, dash and tessellate all of it to paint the few hundred pixels that show.
 * Each cubic piece is tested by its control hull (which holds the curve): pieces outside
 * the clip are skipped, pieces inside kept whole, and pieces across its border split in
 * two until they are small beside the clip. The dash pattern of each visible run starts
 * at that run's arc length from the edge's start, so dashes stay where they were on the
 * board whatever the clip: panning does not make them jump. */

/* Stop splitting pieces across the border below this fraction of the clip's size: what
 * is drawn outside the clip is then cheap. */
#define SPLIT_FRACTION (1.0 / 8.0)
#define MAX_DEPTH      24

typedef struct
{
  cairo_t       *cr;
  RsBoardRect    clip;
  double         min_size;
  const double  *dashes;
  guint          n_dashes;
  double         length;       /* arc length from the edge's start, when dashed */
  double         run_start;
  gboolean       in_run;
  gboolean       any;
} Clipper;

static void
hull_bounds (const double *q,
             RsBoardRect  *rect)
{
  double x1 = MIN (MIN (q[0], q[2]), MIN (q[4], q[6]));
  double y1 = MIN (MIN (q[1], q[3]), MIN (q[5], q[7]));
  double x2 = MAX (MAX (q[0], q[2]), MAX (q[4], q[6]));
  double y2 = MAX (MAX (q[1], q[3]), MAX (q[5], q[7]));

  *rect = (RsBoardRect) { x1, y1, x2 - x1, y2 - y1 };
}

static void
end_run (Clipper *c)
{
  if (!c->in_run)
    return;
  c->in_run = FALSE;

  /* Undashed runs share one stroke; each dashed run needs its own offset. */
  if (c->n_dashes > 0)
    {
      cairo_set_dash (c->cr, c->dashes, c->n_dashes, c->run_start);
      cairo_stroke (c->cr);
    }
}

static void
emit (Clipper      *c,
      const double *q)
{
  if (!c->in_run)
    {
      if (c->n_dashes > 0)
        cairo_new_path (c->cr);
      cairo_move_to (c->cr, q[0], q[1]);
      c->run_start = c->length;
      c->in_run = TRUE;
    }
  cairo_curve_to (c->cr, q[2], q[3], q[4], q[5], q[6], q[7]);
  c->any = TRUE;
  if (c->n_dashes > 0)
    c->length += rs_board_bezier_length (q);
}

static void
clip_piece (Clipper      *c,
            const double *q,
            guint         depth)
{
  RsBoardRect hull;
  double a[8], b[8];

  hull_bounds (q, &hull);
  if (!rs_board_rect_intersects (&hull, &c->clip))
    {
      end_run (c);
      if (c->n_dashes > 0)
        c->length += rs_board_bezier_length (q);
      return;
    }

  if (rs_board_rect_contains_rect (&c->clip, &hull) ||
      MAX (hull.width, hull.height) <= c->min_size || depth >= MAX_DEPTH)
    {
      emit (c, q);
      return;
    }

  rs_board_bezier_split (q, 0.5, a, b);
  clip_piece (c, a, depth + 1);
  clip_piece (c, b, depth + 1);
}

/**
 * _rs_board_stroke_clipped:
 * @points: a cubic Bézier path of 1 + 3k points (x, y pairs)
 * @margin: how far outside the clip the stroke may show (its width, caps and joins)
 *
 * Strokes the part of the path that meets p->clip with the current source, width and
 * caps, dashed with @dashes (offset 0 at the path's start) when @n_dashes > 0. Leaves
 * the context without a dash.
 */
void
_rs_board_stroke_clipped (RsBoardPaint *p,
                          const double *points,
                          guint         n_points,
                          double        margin,
                          const double *dashes,
                          guint         n_dashes)
{
  Clipper c = {
    .cr = p->cr,
    .clip = p->clip,
    .dashes = dashes,
    .n_dashes = n_dashes,
  };

  rs_board_rect_inflate (&c.clip, margin, margin);

  /* Most edges are wholly inside: one path, as it is. */
  {
    const double *q = points;
    double x1 = q[0], y1 = q[1], x2 = q[0], y2 = q[1];
    RsBoardRect bounds;

    for (guint k = 1; k < n_points; k++)
      {
        x1 = MIN (x1, q[2 * k]);
        x2 = MAX (x2, q[2 * k]);
        y1 = MIN (y1, q[2 * k + 1]);
        y2 = MAX (y2, q[2 * k + 1]);
      }
    bounds = (RsBoardRect) { x1, y1, x2 - x1, y2 - y1 };
    if (rs_board_rect_contains_rect (&c.clip, &bounds))
      {
        cairo_new_path (p->cr);
        cairo_move_to (p->cr, q[0], q[1]);
        for (guint k = 1; k + 2 < n_points; k += 3)
          cairo_curve_to (p->cr, q[2 * k], q[2 * k + 1], q[2 * k + 2], q[2 * k + 3],
                          q[2 * k + 4], q[2 * k + 5]);
        cairo_set_dash (p->cr, dashes, n_dashes, 0);
        cairo_stroke (p->cr);
        cairo_set_dash (p->cr, NULL, 0, 0);
        return;
      }
    if (!rs_board_rect_intersects (&c.clip, &bounds))
      return;
  }

  c.min_size = MAX (c.clip.width, c.clip.height) * SPLIT_FRACTION;

  cairo_new_path (p->cr);
  for (guint k = 0; k + 3 < n_points; k += 3)
    clip_piece (&c, points + 2 * k, 0);
  end_run (&c);

  if (n_dashes == 0 && c.any)
    cairo_stroke (p->cr);
  cairo_new_path (p->cr);
  cairo_set_dash (p->cr, NULL, 0, 0);
}
